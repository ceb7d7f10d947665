/** @module `paperscope topics`: every topic, its papers, and whether it is rising, falling or steady. */
import { readTopicTrends, type TopicTrends, type YearSpan } from '../../commands/index.js'
import type { CliIo } from '../io.js'
import { labelled, table, wrap } from '../format.js'
import { printJson, withStore } from './shared.js'

export async function runTopics(io: CliIo, dbPath: string, opts: { json?: boolean }): Promise<void> {
  const trends = await withStore(io, dbPath, (store) => readTopicTrends(store))
  if (opts.json) printJson(io, trends)
  else io.stdout(renderTopics(trends))
}

const span = (s: YearSpan): string => (s.from === s.to ? String(s.from) : `${s.from}–${s.to}`)
const pct = (share: number): string => `${(share * 100).toFixed(1)}%`

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹'
const superscript = (n: number): string => [...String(n)].map((d) => SUPERSCRIPTS[Number(d)]).join('')

export function renderTopics(t: TopicTrends): string {
  if (t.topics.length === 0) return 'no topics yet: topics come from a curated list (an awesome list) and the analysis\n'
  const out: string[] = []
  if (t.recent && t.earlier) {
    // 80 columns: z is in --json (p, which decides, is here, written as papers write it: .049, <.001), and a note
    // why a topic is steady, often the same for most topics, is said once under the table.
    const notes = [...new Set(t.topics.flatMap((x) => (x.note ? [x.note] : [])))]
    const mark = (note: string): string => superscript(notes.indexOf(note) + 1)
    out.push(labelled(`share of the dated papers with a topic: ${span(t.recent)} (${t.recent.papers} papers) against ${span(t.earlier)} (${t.earlier.papers}); papers counts undated ones too`))
    out.push(
      table([
        ['topic', 'papers', span(t.recent), span(t.earlier), 'p', 'trend'],
        ...t.topics.map((x) => [
          x.label,
          x.paperCount,
          `${pct(x.recent.share)} (${x.recent.papers})`,
          `${pct(x.earlier.share)} (${x.earlier.papers})`,
          x.p === null ? '—' : x.p < 0.001 ? '<.001' : x.p.toFixed(3).slice(1),
          x.note ? `${x.direction}${mark(x.note)}` : x.direction,
        ]),
      ]),
    )
    for (const note of notes) out.push(wrap(note, `${mark(note)} `, ' '.repeat(mark(note).length + 1)))
  } else {
    out.push(labelled(`no trends: ${t.reason}`))
    out.push(table([['topic', 'papers'], ...t.topics.map((x) => [x.label, x.paperCount])]))
  }
  if (t.caveat) out.push('', labelled(`note: ${t.caveat}`))
  out.push('', labelled(`how computed: ${t.howComputed}`))
  return `${out.join('\n')}\n`
}
