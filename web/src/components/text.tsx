/** @module Text from sources, rendered as text only: highlighted segments and clamped paragraphs. */
import type { TextSegment } from '../api.js'

/** Matched words in <mark>; every piece is a text node, so `<script>` in a title stays visible text. */
export function Highlighted({ segments }: { segments: TextSegment[] }) {
  return (
    <>
      {segments.map((s, i) => (s.match ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
    </>
  )
}
