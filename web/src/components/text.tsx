/** @module Text from sources, rendered as text only: highlighted segments and clamped paragraphs. */
import type { TextSegment } from '../api.js'
import { cleanLatex, hasLatex } from '../format.js'

/**
 * Matched words in <mark>; every piece is a text node, so `<script>` in a title stays visible text. LaTeX is
 * shown as text, piece by piece when the whole holds some (a match can split `$N \asymp d$`).
 */
export function Highlighted({ segments }: { segments: TextSegment[] }) {
  const latex = hasLatex(segments.map((s) => s.text).join(''))
  const text = (t: string): string => (latex ? keepEdges(t, cleanLatex(t)) : t)
  return (
    <>
      {segments.map((s, i) => (s.match ? <mark key={i}>{text(s.text)}</mark> : <span key={i}>{text(s.text)}</span>))}
    </>
  )
}

/**
 * `cleaned` with the spaces `original` started and ended with, so pieces do not run together; a piece that is
 * only spaces (between two marked words) stays one space.
 */
export function keepEdges(original: string, cleaned: string): string {
  if (cleaned.trim() === '' && original !== '' && original.trim() === '') return ' '
  const lead = /^\s/.test(original) && cleaned !== '' ? ' ' : ''
  const trail = /\s$/.test(original) && cleaned !== '' ? ' ' : ''
  return `${lead}${cleaned}${trail}`
}
