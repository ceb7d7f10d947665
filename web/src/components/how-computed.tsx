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

/** One paragraph of a how-computed text; every piece is a text node, a backtick span a <code>. */
export function HowComputed({ text }: { text: string }) {
  return (
    <p>
      {codeSpans(text).map((piece, i) => (piece.code ? <code key={i}>{piece.text}</code> : <Fragment key={i}>{piece.text}</Fragment>))}
    </p>
  )
}
