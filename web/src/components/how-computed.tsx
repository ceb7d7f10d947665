/** @module A "how this is computed" text from the API, its `code spans` (backticks) shown as code. */
import { Fragment } from 'react'

/** The text in pieces: `code` spans (between backticks, on one line) apart from the words around them. */
export function codeSpans(text: string): Array<{ text: string; code: boolean }> {
  const pieces: Array<{ text: string; code: boolean }> = []
  let last = 0
  for (const m of text.matchAll(/`([^`\n]+)`/g)) {
    if (m.index > last) pieces.push({ text: text.slice(last, m.index), code: false })
    pieces.push({ text: m[1]!, code: true })
    last = m.index + m[0].length
  }
  if (last < text.length) pieces.push({ text: text.slice(last), code: false })
  return pieces
}

/**
 * A how-computed text as its first sentence, the gist, and the rest, the detail: a paragraph of 1,000 characters
 * in a side column is read more easily so. A sentence ends at a full stop and a space before a capital, after a
 * lower-case letter, a digit or a bracket, outside brackets (not `e.g.`, `0.6 ×` or `(… vectors: LSA …)`).
 * @example leadSentence('Cosine of the vectors. Each topic weighs less when common.') // ['Cosine of the vectors.', 'Each topic weighs less when common.']
 */
export function leadSentence(text: string): [string, string] {
  for (const end of text.matchAll(/[\p{Ll}\d)\]]\.(?=\s+[\p{Lu}`(])/gu)) {
    const cut = end.index + end[0].length
    // The word the stop ends: an abbreviation (`e.g.`, `i.e.`) has a letter's stop inside, or is one letter (a number is none).
    const word = text.slice(0, cut - 1).split(/\s/).at(-1) ?? ''
    if (/\p{L}\./u.test(word) || /^\p{L}$/u.test(word)) continue
    const lead = text.slice(0, cut)
    if (lead.split('(').length !== lead.split(')').length) continue
    return [text.slice(0, cut), text.slice(cut).trim()]
  }
  return [text, '']
}

function Pieces({ text }: { text: string }) {
  return <>{codeSpans(text).map((piece, i) => (piece.code ? <code key={i}>{piece.text}</code> : <Fragment key={i}>{piece.text}</Fragment>))}</>
}

/** A how-computed text: the gist, then the detail; every piece is a text node, a backtick span a <code>. */
export function HowComputed({ text }: { text: string }) {
  const [lead, rest] = leadSentence(text)
  return (
    <>
      <p className={rest ? 'how-lead' : undefined}>
        <Pieces text={lead} />
      </p>
      {rest && (
        <p>
          <Pieces text={rest} />
        </p>
      )}
    </>
  )
}
