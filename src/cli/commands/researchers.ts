/** @module `paperscope researchers`: the library's researchers ranked by papers, citations, h-index, Novelty or AI Score. */
import { findTopic, listResearchers, type ResearcherList, type ResearcherSort } from '../../commands/index.js'
import { PaperscopeError } from '../../core/index.js'
import type { CliIo } from '../io.js'
import { table } from '../format.js'
import { printJson, withStore } from './shared.js'

export async function runResearchers(io: CliIo, dbPath: string, opts: { sort?: ResearcherSort; topic?: string; limit: number; offset: number; json?: boolean }): Promise<void> {
  const { list, topicLabel } = await withStore(io, dbPath, async (store) => {
    const topic = opts.topic === undefined ? null : await findTopic(store, opts.topic)
    if (opts.topic !== undefined && !topic) {
      const known = (await store.listTopics()).map((t) => t.id).slice(0, 30)
      throw new PaperscopeError('NOT_FOUND', `no topic "${opts.topic.slice(0, 200)}" (topics: ${known.join(', ') || 'none'})`, { field: 'topic' })
    }
    return { list: await listResearchers(store, { sort: opts.sort, topicId: topic?.id, offset: opts.offset, limit: opts.limit }), topicLabel: topic?.label ?? null }
  })
  if (opts.json) printJson(io, { ...list, topic: topicLabel })
  else io.stdout(renderResearchers(list, topicLabel, opts.offset))
}

export function renderResearchers(list: ResearcherList, topicLabel: string | null, offset = 0): string {
  if (list.total === 0) return topicLabel ? `no researchers with papers under ${topicLabel}\n` : 'no researchers yet: import papers first\n'
  const unknown = (v: number | null, lowerBound = false): string => (v === null ? '—' : `${lowerBound ? '≥' : ''}${v}`)
  const head = ['#', 'researcher', ...(topicLabel ? ['in topic'] : []), 'papers', 'citations', 'h-index', 'novelty', 'AI score', 'id']
  const rows = list.items.map((r, i) => [
    offset + i + 1,
    r.name,
    ...(topicLabel ? [r.topicPapers ?? 0] : []),
    r.papers,
    unknown(r.citations, r.citationsLowerBound),
    unknown(r.hIndex, r.citationsLowerBound),
    r.noveltyPercent === null ? '—' : r.noveltyPercent.toFixed(1),
    r.aiScore === null ? '—' : r.aiScore.toFixed(1),
    r.id,
  ])
  const by = list.sort === 'topic_papers' ? 'papers under the topic' : list.sort.replace('_', '-')
  const out = [
    `${list.total} researchers${topicLabel ? ` with papers under ${topicLabel}` : ''}, by ${by}${list.sort === 'name' ? '' : ' (highest first, unknown — last)'}; ${offset + 1}–${offset + list.items.length} shown`,
    table([head, ...rows]),
  ]
  if (!list.analysed) out.push('', 'the library has not been analysed yet: novelty and AI score are unknown (run `paperscope analyze`)')
  out.push('', 'novelty: mean novelty percentile of their papers; AI score: Paperscope\'s own formula (`paperscope author NAME` shows how each is computed)')
  return `${out.join('\n')}\n`
}
