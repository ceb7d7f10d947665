/** @module `paperscope author <name>`: a person's papers, co-authors and metrics, with where each comes from. */
import { PaperscopeError, pluralize, reportedMetricConflicts } from '../../core/index.js'
import { aiScoreInputsNote, aiScoreRescaleNote, authorOverview, centralityWhy, noveltyRankedWhy, readableText, type AuthorOverview } from '../../commands/index.js'
import type { CliIo } from '../io.js'
import { labelled, listItem, quoted, table, wrap } from '../format.js'
import { printJson, withStore } from './shared.js'

export async function runAuthor(io: CliIo, dbPath: string, ref: string, opts: { json?: boolean }): Promise<void> {
  if (!ref.trim()) throw new PaperscopeError('INVALID_ARGUMENT', 'name an author: an id or a name')
  const overview = await withStore(io, dbPath, (store) => authorOverview(store, ref))
  if (!overview) throw new PaperscopeError('NOT_FOUND', `no author matches ${quoted(ref)}`)
  if (opts.json) printJson(io, overview)
  else io.stdout(renderAuthor(overview))
}

export function renderAuthor(o: AuthorOverview): string {
  const a = o.author
  const out = [`${a.name}  (${a.id})`]
  if (a.nameVariants.length > 1) out.push(`  also written: ${a.nameVariants.filter((v) => v !== a.name).join('; ')}`)
  if (a.sourceIds.length > 0) out.push(`  known to sources as: ${a.sourceIds.join('; ')}`)
  for (const p of a.profiles) {
    const m = p.metrics
    const parts = [
      m.hIndex !== undefined ? `h-index ${m.hIndex}` : null,
      m.papers !== undefined ? pluralize(m.papers, 'paper') : null,
      m.citations !== undefined ? pluralize(m.citations, 'citation') : null,
      m.noveltyPercent !== undefined ? `Novelty ${m.noveltyPercent}%` : null,
      m.aiScore !== undefined ? `AI Score ${m.aiScore}` : null,
    ].filter(Boolean)
    // Dated, as the web page dates it: a profile's counts are as of when it was read.
    const read = `read ${p.fetchedAt.slice(0, 10)}`
    if (parts.length === 0 && !p.field) out.push(labelled(`  ${p.source} lists this person but reports no metrics (${read})  [${p.locator}]`))
    else out.push(labelled(`  reported by ${p.source}${p.field ? ` (field ${p.field})` : ''}, ${read}: ${parts.join(', ') || 'no metrics'}  [${p.locator}]`))
    for (const conflict of reportedMetricConflicts(m)) out.push(labelled(`    doesn't add up: ${conflict.message}`))
  }
  const c = a.citationsKnown
  out.push(
    `  in this library: ${pluralize(a.paperCount, 'paper')}; citations ${c.citations !== null ? `${c.citations} (from ${pluralize(c.papersWithCounts, 'paper')} with counts)` : 'unknown (no source gave counts)'}`,
  )
  const m = o.computed
  if (m) {
    const count = (x: { value: number | null; lowerBound: boolean }): string => (x.value === null ? 'unknown' : `${x.lowerBound ? '≥' : ''}${x.value}`)
    // A mean of percentiles, not a share: said as the web page says it, over how many of the papers.
    const nov = m.noveltyPercent
    const over = nov.papers === m.papers.value ? pluralize(nov.papers, 'paper') : `${nov.papers} of ${pluralize(m.papers.value, 'paper')}`
    const none = m.papers.value === 1 ? 'the paper has no date, nothing dated before it in the library, or too little text the model knows to place it' : 'no paper has a date, an earlier paper in the library and text enough for the model to place it'
    const novelty = nov.value === null ? `unknown (${none})` : `${(Math.round(nov.value * 10) / 10).toFixed(1)} (mean percentile among same-year papers, over ${over})`
    const ai = m.aiScore
    out.push(
      labelled(`  computed here: h-index ${count(m.hIndex)}, citations ${count(m.citations)}, Novelty ${novelty}, AI Score ${ai.value === null ? 'unknown' : Math.round(ai.value * 10) / 10}`),
      labelled(`    AI Score points: ${ai.why.map((w) => `${w.label} ${w.weight.toFixed(1)}`).join(' + ') || 'none known'}`),
      // Each mean input plain and as the score used it (shrunk), as the API and the web page say it.
      ...(ai.value === null ? [] : [labelled(`    AI Score ${aiScoreInputsNote(m)}`)]),
      ...noveltyRankedWhy(m.noveltyPercent).map((line) => labelled(`    Novelty ${line}`)),
      ...centralityWhy(m.papers.value, m.centrality.papers).map((line) => labelled(`    AI Score ${line}`)),
      ...aiScoreRescaleNote(ai.why.map((w) => w.label)).map((note) => wrap(note, '    ', '    ')),
      // Every number says how it is made, as the API and the web page do, not only the AI Score.
      '  how each is computed:',
      labelled(`    papers: ${m.papers.howComputed}`),
      labelled(`    citations: ${m.citations.howComputed}`),
      labelled(`    h-index: ${m.hIndex.howComputed}`),
      labelled(`    Novelty %: ${m.noveltyPercent.howComputed}`),
      labelled(`    AI Score: ${ai.howComputed}`),
    )
  } else out.push('  computed here: nothing yet (run `paperscope analyze`)')
  out.push('', `papers (${o.papers.length}, newest first):`)
  // The id before the title, as `git log --oneline` puts its hash: a long title goes on under itself rather
  // than padding every row past 80 columns.
  const dateWidth = Math.max(0, ...o.papers.map((p) => (p.date ?? '—').length))
  const idWidth = Math.max(0, ...o.papers.map((p) => p.id.length))
  for (const p of o.papers) out.push(listItem(`  ${(p.date ?? '—').padEnd(dateWidth)}  ${p.id.padEnd(idWidth)}  `, readableText(p.title)))
  if (o.coAuthors.length) {
    out.push('', 'co-authors:')
    out.push(table(o.coAuthors.slice(0, 20).map((c) => [`  ${c.name}`, c.sharedPapers])))
    const more = o.coAuthorsTotal - Math.min(20, o.coAuthors.length)
    const inJson = o.coAuthors.length >= o.coAuthorsTotal ? 'them all' : `the first ${o.coAuthors.length}`
    if (more > 0) out.push(`  … and ${pluralize(more, 'more co-author')} (--json lists ${inJson})`)
  }
  if (o.namesakes.length) {
    out.push('', 'perhaps the same person (a name that fits, kept apart: no source id or co-author in common says so):')
    out.push(table(o.namesakes.slice(0, 10).map((n) => [`  ${n.name}`, pluralize(n.paperCount, 'paper'), n.id])))
  }
  if (o.alternatives.length) out.push('', labelled(`other authors matching: ${o.alternatives.slice(0, 5).map((x) => `${x.name} (${x.id})`).join('; ')}`))
  return `${out.join('\n')}\n`
}
