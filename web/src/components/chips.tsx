/** @module Topic and key-word chips: curated ones solid, predicted/extracted ones outlined with their confidence. */
import { Link } from 'react-router-dom'
import type { ApiKeyword, TopicRef } from '../api.js'
import { confidencePercent } from '../format.js'
import { HowComputed } from './how-computed.js'

export function TopicChip({ topic }: { topic: TopicRef }) {
  const predicted = topic.origin === 'predicted'
  const title = predicted
    ? `Predicted topic${topic.confidence !== null ? ` (confidence ${confidencePercent(topic.confidence)})` : ''}`
    : 'Curated topic: a person filed the paper here'
  return (
    <Link to={`/topics/${encodeURIComponent(topic.id)}`} className={`chip ${predicted ? 'chip-predicted' : 'chip-curated'}`} title={title}>
      {topic.label}
      {predicted && topic.confidence !== null && <span className="chip-note">{confidencePercent(topic.confidence)}</span>}
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

/** How each group of key words is headed: where it came from, in words a reader checks against the text. */
const KEYWORD_GROUP = {
  curated: 'Curated',
  extracted: 'Extracted from the text',
  suggested: 'Suggested, not in the text (from similar papers or the topic)',
} as const

/** Key words in groups by where they came from: curated, extracted, suggested (empty groups left out). */
export function KeywordGroups({ keywords }: { keywords: ApiKeyword[] }) {
  return (
    <>
      {(['curated', 'extracted', 'suggested'] as const).map((origin) => {
        const words = keywords.filter((k) => k.origin === origin)
        if (words.length === 0) return null
        return (
          <div key={origin}>
            <p className="side-label">{KEYWORD_GROUP[origin]}</p>
            <KeywordList keywords={words} />
          </div>
        )
      })}
    </>
  )
}

/** Why Paperscope chose each key word (its origin, score and strongest reasons), then how key words are chosen. */
export function KeywordReasons({
  items,
  howComputed,
  testId,
}: {
  items: Array<{ text: string; origin: string; score: number; why: string[] }>
  howComputed: string
  testId: string
}) {
  return (
    <details className="how" data-testid={testId}>
      <summary>How key words are chosen</summary>
      <ul className="plain-list">
        {items.map((k) => (
          <li key={k.text}>
            <strong>{k.text}</strong> ({k.origin}, {confidencePercent(k.score)}){k.why.length > 0 ? `: ${k.why.join(', ')}` : ''}
          </li>
        ))}
      </ul>
      <HowComputed text={howComputed} />
    </details>
  )
}
