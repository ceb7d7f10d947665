/**
 * @module The library's researchers ranked by a metric: papers, citations, h-index, Novelty % or AI Score, each
 * computed as the researcher's own page computes it, optionally only those with papers under one topic.
 */
import { computeResearcherMetrics, HOW_COMPUTED } from '../analysis/index.js'
import { PaperscopeError } from '../core/index.js'
import type { PaperStore } from '../store/index.js'

/** What researchers can be ranked by. Metrics rank highest first, an unknown value last; `name` alphabetically. */
export const RESEARCHER_SORTS = ['papers', 'citations', 'h_index', 'novelty', 'ai_score', 'topic_papers', 'name'] as const
export type ResearcherSort = (typeof RESEARCHER_SORTS)[number]

/** One researcher's row: the values a researcher page shows as computed here (null: unknown, never 0). */
export interface ResearcherRow {
  id: string
  name: string
  papers: number
  /** Papers under the topic asked for (null when no topic was). */
  topicPapers: number | null
  citations: number | null
  /** Some papers have no citation count, so the true sum (and h-index) can only be higher. */
  citationsLowerBound: boolean
  hIndex: number | null
  noveltyPercent: number | null
  aiScore: number | null
}

export interface ResearcherList {
  items: ResearcherRow[]
  /** Researchers on every page. */
  total: number
  sort: ResearcherSort
  /** False before the library was ever analysed: Novelty % and AI Score are then unknown for everyone. */
  analysed: boolean
  howComputed: { papers: string; citations: string; hIndex: string; noveltyPercent: string; aiScore: string }
}

export interface ListResearchersOptions {
  sort?: ResearcherSort | undefined
  /** A topic id (already resolved): only researchers with papers under it. */
  topicId?: string | undefined
  offset?: number
  limit?: number
}

const VALUE: Record<Exclude<ResearcherSort, 'name'>, (r: ResearcherRow) => number | null> = {
  papers: (r) => r.papers,
  citations: (r) => r.citations,
  h_index: (r) => r.hIndex,
  novelty: (r) => r.noveltyPercent,
  ai_score: (r) => r.aiScore,
  topic_papers: (r) => r.topicPapers,
}

/**
 * The order of a ranking: by the metric, highest first and unknown last; ties by papers, then name, then id,
 * so that pages never overlap.
 */
export function compareResearchers(sort: ResearcherSort): (a: ResearcherRow, b: ResearcherRow) => number {
  const byName = (a: ResearcherRow, b: ResearcherRow) => a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  if (sort === 'name') return byName
  const value = VALUE[sort]
  return (a, b) => {
    const va = value(a)
    const vb = value(b)
    if (va !== vb) {
      if (va === null) return 1
      if (vb === null) return -1
      return vb - va
    }
    return b.papers - a.papers || byName(a, b)
  }
}

/**
 * Researchers ranked by `sort` (papers unless given; papers under the topic when a topic is given), a page of
 * them, each metric computed from all their papers in the library as their researcher page computes it
 * (sources' reported values are on that page, not here).
 * @example await listResearchers(store, { sort: 'h_index', limit: 20 })
 */
export async function listResearchers(store: PaperStore, { sort, topicId, offset = 0, limit = 20 }: ListResearchersOptions = {}): Promise<ResearcherList> {
  if (sort === 'topic_papers' && !topicId) throw new PaperscopeError('INVALID_ARGUMENT', 'sort "topic_papers" ranks by papers under a topic: give the topic too', { field: 'sort' })
  const order: ResearcherSort = sort ?? (topicId ? 'topic_papers' : 'papers')
  const [authors, inTopic, generation] = await Promise.all([
    store.analysis.listAllAuthorPaperStats(),
    topicId ? store.countTopicPapersByAuthor(topicId) : Promise.resolve(null),
    store.analysis.generation(),
  ])
  const rows: ResearcherRow[] = []
  for (const a of authors) {
    const topicPapers = inTopic ? (inTopic.get(a.authorId) ?? 0) : null
    if (topicPapers === 0) continue
    const m = computeResearcherMetrics(a.papers)
    rows.push({
      id: a.authorId,
      name: a.name,
      papers: m.papers.value,
      topicPapers,
      citations: m.citations.value,
      citationsLowerBound: m.citations.lowerBound,
      hIndex: m.hIndex.value,
      // To a tenth, as a researcher page shows it.
      noveltyPercent: m.noveltyPercent.value === null ? null : Math.round(m.noveltyPercent.value * 10) / 10,
      aiScore: m.aiScore.value,
    })
  }
  rows.sort(compareResearchers(order))
  return {
    items: rows.slice(offset, offset + limit),
    total: rows.length,
    sort: order,
    analysed: generation !== null,
    howComputed: { papers: HOW_COMPUTED.papers, citations: HOW_COMPUTED.citations, hIndex: HOW_COMPUTED.hIndex, noveltyPercent: HOW_COMPUTED.noveltyPercent, aiScore: HOW_COMPUTED.aiScore },
  }
}
