/** @module Topic and key-word chips: curated ones solid, predicted/extracted ones outlined, a predicted topic with its confidence. */
import { Link } from 'react-router-dom'
import type { ApiKeyword, TopicRef } from '../api.js'
import { confidencePercent, confidenceSpoken } from '../format.js'
import { HowComputed } from './how-computed.js'

/**
 * What a topic chip says: a predicted one names what its number is, on screen (`Others · predicted 62%`) and
 * to a screen reader (`Others, predicted topic, 62% confidence`); a curated one is its label, said to be curated.
 * @example topicChipText({ label: 'Others', origin: 'predicted', confidence: 0.62 }) // { note: '· predicted 62%', name: 'Others, predicted topic, 62% confidence' }
 */
export function topicChipText(topic: Pick<TopicRef, 'label' | 'origin' | 'confidence'>): { note: string | null; name: string } {
  if (topic.origin !== 'predicted') return { note: null, name: `${topic.label} (curated)` }
  const c = topic.confidence
  return {
    note: `· predicted${c !== null ? ` ${confidencePercent(c)}` : ''}`,
    name: `${topic.label}, predicted topic${c !== null ? `, ${confidenceSpoken(c)} confidence` : ''}`,
  }
}

export function TopicChip({ topic }: { topic: TopicRef }) {
  const predicted = topic.origin === 'predicted'
  const { note, name } = topicChipText(topic)
  return (
    <Link
      to={`/topics/${encodeURIComponent(topic.id)}`}
      className={`chip ${predicted ? 'chip-predicted' : 'chip-curated'}`}
      title={predicted ? 'Predicted by a model from the text, not filed here by a person' : 'Curated topic: a person filed the paper here'}
      // The visible `· predicted 62%` said in words; a curated chip's name is its text.
      aria-label={predicted ? name : undefined}
    >
      {topic.label}
      {note && <span className="chip-note">{note}</span>}
      {!predicted && <span className="visually-hidden"> (curated)</span>}
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
  suggested: 'Not in the paper’s text: a curated key word suggested by Paperscope because similar papers, the paper’s topic or papers worded like it list it',
}

/** Key words as chips; `linked`: each leads to the library's papers with it (not for a text the library lacks). */
export function KeywordList({ keywords, linked = true }: { keywords: ApiKeyword[]; linked?: boolean }) {
  if (keywords.length === 0) return null
  return (
    <ul className="chips" aria-label="Key words">
      {keywords.map((k) => {
        const style = k.origin === 'curated' ? 'chip-keyword' : 'chip-keyword-found'
        const text = (
          <>
            {k.text}
            <span className="visually-hidden">{` (${k.origin})`}</span>
          </>
        )
        return (
          <li key={`${k.origin}:${k.text}`}>
            {/* To the library's papers with the key word (any spelling of it; suggested ones too). */}
            {linked ? (
              <Link to={`/?${new URLSearchParams({ keyword: k.text })}`} className={`chip ${style}`} title={`${KEYWORD_ORIGIN_TITLE[k.origin]}. Papers with this key word`}>
                {text}
              </Link>
            ) : (
              <span className={`chip chip-static ${style}`} title={KEYWORD_ORIGIN_TITLE[k.origin]}>
                {text}
              </span>
            )}
          </li>
        )
      })}
    </ul>
  )
}

/** How each group of key words is headed: where it came from, in words a reader checks against the text. */
const KEYWORD_GROUP = {
  curated: 'Curated',
  extracted: 'Extracted from the text',
  suggested: 'Suggested, not in the text (listed by papers like it)',
} as const

/** Key words in groups by where they came from: curated, extracted, suggested (empty groups left out). */
export function KeywordGroups({ keywords, linked = true }: { keywords: ApiKeyword[]; linked?: boolean }) {
  return (
    <>
      {(['curated', 'extracted', 'suggested'] as const).map((origin) => {
        const words = keywords.filter((k) => k.origin === origin)
        if (words.length === 0) return null
        return (
          <div key={origin}>
            <p className="side-label">{KEYWORD_GROUP[origin]}</p>
            <KeywordList keywords={words} linked={linked} />
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
        {/* A score, not a percent: `91%` beside the topics' confidences read as one. */}
        {items.map((k) => (
          <li key={k.text}>
            <strong>{k.text}</strong> ({k.origin}, score {k.score.toFixed(2)}){k.why.length > 0 ? `: ${k.why.join(', ')}` : ''}
          </li>
        ))}
      </ul>
      <HowComputed text={howComputed} />
    </details>
  )
}
