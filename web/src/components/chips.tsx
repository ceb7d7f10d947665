/** @module Topic and key-word chips: curated ones solid, predicted/extracted ones outlined with their confidence. */
import { Link } from 'react-router-dom'
import type { ApiKeyword, TopicRef } from '../api.js'
import { percent } from '../format.js'

export function TopicChip({ topic }: { topic: TopicRef }) {
  const predicted = topic.origin === 'predicted'
  const title = predicted
    ? `Predicted topic${topic.confidence !== null ? ` (confidence ${percent(topic.confidence)})` : ''}`
    : 'Curated topic: a person filed the paper here'
  return (
    <Link to={`/topics/${encodeURIComponent(topic.id)}`} className={`chip ${predicted ? 'chip-predicted' : 'chip-curated'}`} title={title}>
      {topic.label}
      {predicted && topic.confidence !== null && <span className="chip-note">{percent(topic.confidence)}</span>}
      <span className="visually-hidden">{predicted ? ' (predicted)' : ' (curated)'}</span>
    </Link>
  )
}

export function TopicChips({ topics, max = 4 }: { topics: TopicRef[]; max?: number }) {
  if (topics.length === 0) return null
  const shown = topics.slice(0, max)
  return (
    <ul className="chips" aria-label="Topics">
      {shown.map((t) => (
        <li key={t.id}>
          <TopicChip topic={t} />
        </li>
      ))}
      {topics.length > max && <li className="chip-more">+{topics.length - max}</li>}
    </ul>
  )
}

const KEYWORD_ORIGIN_TITLE: Record<ApiKeyword['origin'], string> = {
  curated: 'Key word given by a curator',
  extracted: 'A phrase of the paper’s text, chosen by Paperscope',
  suggested: 'Not in the paper’s text: suggested by Paperscope from similar papers’ curated key words or the paper’s topic',
}

export function KeywordList({ keywords }: { keywords: ApiKeyword[] }) {
  if (keywords.length === 0) return null
  return (
    <ul className="chips" aria-label="Key words">
      {keywords.map((k) => (
        <li key={`${k.origin}:${k.text}`}>
          <span
            className={`chip chip-static ${k.origin === 'curated' ? 'chip-keyword' : 'chip-predicted'}`}
            title={KEYWORD_ORIGIN_TITLE[k.origin]}
          >
            {k.text}
            <span className="visually-hidden">{` (${k.origin})`}</span>
          </span>
        </li>
      ))}
    </ul>
  )
}
