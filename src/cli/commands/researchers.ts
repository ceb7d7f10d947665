/** @module `paperscope researchers`: the library's researchers ranked by papers, citations, h-index, Novelty or AI Score. */
import { listResearchers, requireTopic, type ResearcherList, type ResearcherSort } from '../../commands/index.js'
import type { CliIo } from '../io.js'
import { labelled, table } from '../format.js'
import { printJson, withStore } from './shared.js'

export interface ResearchersOptions {
  sort?: ResearcherSort
  topic?: string
  minPapers: number
  limit: number
  offset: number
  json?: boolean
}

export async function runResearchers(io: CliIo, dbPath: string, opts: ResearchersOptions): Promise<void> {
  const { list, topic } = await withStore(io, dbPath, async (store) => {
    const topic = opts.topic === undefined ? null : await requireTopic(store, opts.topic)
    const list = await listResearchers(store, { sort: opts.sort, topicId: topic?.id, minPapers: opts.minPapers, offset: opts.offset, limit: opts.limit })
    return { list, topic: topic ? { id: topic.id, label: topic.label } : null }
  })
  if (opts.json) printJson(io, { ...list, minPapers: opts.minPapers, topic })
  else io.stdout(renderResearchers(list, topic?.label ?? null, opts))
}

/** What a ranking is by, as its header says it. */
const SORT_WORDS: Record<ResearcherSort, string> = {
  papers: 'papers',
  citations: 'citations',
  h_index: 'h-index',
  novelty: 'shrunk novelty',
  ai_score: 'AI score',
  topic_papers: 'papers under the topic',
  // The order a name index has: family name, then given names (researchers.ts createNameComparer).
  name: 'family name',
}

export function renderResearchers(list: ResearcherList, topicLabel: string | null, { offset = 0, minPapers = 1 }: { offset?: number; minPapers?: number } = {}): string {
  const filters = [topicLabel ? `papers under ${topicLabel}` : null, minPapers > 1 ? `${minPapers} papers or more${topicLabel ? ' in all' : ''}` : null].filter(Boolean)
  const who = `researchers${filters.length ? ` with ${filters.join(' and ')}` : ''}`
  if (list.total === 0) return `no ${who}${topicLabel || minPapers > 1 ? '' : ' yet: import papers first'}\n`
  // Papers are always known; the other measures can be unknown, and those rank last.
  const order = list.sort === 'name' ? '' : list.sort === 'papers' || list.sort === 'topic_papers' ? ' (most first)' : ' (highest first, unknown (—) last)'
  const by = `by ${SORT_WORDS[list.sort]}${order}`
  if (list.items.length === 0) return `${list.total} ${who}, ${by}; none shown: --offset ${offset} is past the last of them\n`
  const unknown = (v: number | null, lowerBound = false): string => (v === null ? '—' : `${lowerBound ? '≥' : ''}${v}`)
  // Columns of only — say nothing and push the table past 80 columns: unknown for every row, they are said once.
  const counts = list.items.some((r) => r.citations !== null || r.hIndex !== null)
  // The value a ranking by novelty orders by, beside the plain mean it is not sorted by.
  const ranked = list.sort === 'novelty'
  const head = ['#', 'researcher', ...(topicLabel ? ['in topic'] : []), 'papers', ...(counts ? ['citations', 'h-index'] : []), 'novelty', ...(ranked ? ['shrunk'] : []), 'AI score', 'id']
  const rows = list.items.map((r, i) => [
    offset + i + 1,
    r.name,
    ...(topicLabel ? [r.topicPapers ?? 0] : []),
    r.papers,
    ...(counts ? [unknown(r.citations, r.citationsLowerBound), unknown(r.hIndex, r.citationsLowerBound)] : []),
    r.noveltyPercent === null ? '—' : r.noveltyPercent.toFixed(1),
    ...(ranked ? [r.noveltyRanked === null ? '—' : r.noveltyRanked.toFixed(1)] : []),
    r.aiScore === null ? '—' : r.aiScore.toFixed(1),
    r.id,
  ])
  const out = [labelled(`${list.total} ${who}, ${by}; ${offset + 1}–${offset + list.items.length} shown`), table([head, ...rows])]
  if (!list.analysed) out.push('', labelled('the library has not been analysed yet: novelty and AI score are unknown (run `paperscope analyze`)'))
  // Unknown values rank last: an unknown first from the top is an unknown for everyone.
  const byCounts = (list.sort === 'citations' || list.sort === 'h_index') && offset === 0 && list.items[0]!.citations === null
  if (byCounts)
    out.push('', labelled(`no source gave citation counts for the papers of ${topicLabel || minPapers > 1 ? 'these researchers' : 'this library'}: citations and h-index are unknown for everyone${topicLabel || minPapers > 1 ? ' here' : ''}, and the order is by papers`))
  else if (!counts) out.push('', labelled('citations and h-index: unknown for everyone shown (no source gave citation counts for their papers)'))
  const { papers: k, percentile: p } = list.shrinkage
  out.push(
    '',
    labelled(
      ranked
        ? `novelty: mean novelty percentile of their papers; shrunk: that mean shrunk toward ${p} as if ${k} more papers sat at the ${p}th, which this ranking and the AI score use so that one or two papers cannot top them by chance; \`paperscope author NAME\` shows how each is computed`
        : `novelty: mean novelty percentile of their papers; AI score: Paperscope's own formula, on means shrunk toward ${p} as if ${k} more papers sat at the ${p}th (--sort novelty ranks by the shrunk novelty too), so that one or two papers cannot top it by chance; \`paperscope author NAME\` shows how each is computed`,
    ),
  )
  return `${out.join('\n')}\n`
}
