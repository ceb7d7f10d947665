/**
 * @module The library's researchers ranked by a metric: papers, citations, h-index, Novelty % or AI Score, each
 * computed as the researcher's own page computes it, optionally only those with papers under one topic.
 */
import { HOW_COMPUTED, metricsFromTotals, SHRINK_PAPERS, SHRINK_PERCENTILE } from '../analysis/index.js'
import { PaperscopeError } from '../core/index.js'
import { parseName } from '../library/index.js'
import type { PaperStore } from '../store/index.js'

/**
 * What researchers can be ranked by. Metrics rank highest first, an unknown value last; `name` as a name index, by
 * family name. `novelty` ranks by the shrunk mean of the papers' novelty percentiles (`noveltyRanked`), not the plain mean.
 */
export const RESEARCHER_SORTS = ['papers', 'citations', 'h_index', 'novelty', 'ai_score', 'topic_papers', 'name'] as const
export type ResearcherSort = (typeof RESEARCHER_SORTS)[number]

/** The shrinkage behind `noveltyRanked` and the AI Score: `papers` imagined papers at `percentile` join each mean. */
export const NOVELTY_SHRINKAGE = { papers: SHRINK_PAPERS, percentile: SHRINK_PERCENTILE } as const

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
  /** The plain mean of their papers' novelty percentiles (the Novelty % their page shows), to a tenth. */
  noveltyPercent: number | null
  /** The same percentiles' shrunk mean (the AI Score's novelty input × 100), to a tenth: what `novelty` ranks by. */
  noveltyRanked: number | null
  aiScore: number | null
}

export interface ResearcherList {
  items: ResearcherRow[]
  /** Researchers on every page. */
  total: number
  sort: ResearcherSort
  /** False before the library was ever analysed: Novelty % and AI Score are then unknown for everyone. */
  analysed: boolean
  howComputed: { papers: string; citations: string; hIndex: string; noveltyPercent: string; noveltyRanking: string; aiScore: string }
  /** What `noveltyRanked` and the AI Score's means add to a researcher's papers: `papers` papers at the `percentile`th. */
  shrinkage: { papers: number; percentile: number }
}

export interface ListResearchersOptions {
  sort?: ResearcherSort | undefined
  /** A topic id (already resolved): only researchers with papers under it. */
  topicId?: string | undefined
  /** Only researchers with at least this many papers in the library (Novelty and AI Score of one paper rest on little). */
  minPapers?: number | undefined
  offset?: number
  limit?: number
}

const VALUE: Record<Exclude<ResearcherSort, 'name'>, (r: ResearcherRow) => number | null> = {
  papers: (r) => r.papers,
  citations: (r) => r.citations,
  h_index: (r) => r.hIndex,
  // Not the plain mean: one paper's mean is one draw and would top the ranking (see SHRINK_PAPERS).
  novelty: (r) => r.noveltyRanked,
  ai_score: (r) => r.aiScore,
  topic_papers: (r) => r.topicPapers,
}

// Base strength: the folded keys already lower-case and strip accents; the full names then break ties (Zoë after Zoe).
const KEY_COLLATOR = new Intl.Collator('en', { sensitivity: 'base', numeric: true })
const NAME_COLLATOR = new Intl.Collator('en', { numeric: true })

/**
 * A comparator of names as a name index orders them: by family name (particles kept with it, as the library's
 * name parser keeps `van der Maaten`), then given names, accents and case folded; then the names as written.
 * Each comparator keeps the keys it worked out, so a sort parses each name once.
 * @example ['A. Adam Ding', 'Yann LeCun', 'Zoë Ångström'].sort(createNameComparer()) // Ångström, Ding, LeCun
 */
export function createNameComparer(): (a: string, b: string) => number {
  const keys = new Map<string, readonly [string, string]>()
  const keyOf = (name: string) => {
    let key = keys.get(name)
    if (!key) {
      const { given, family } = parseName(name)
      key = [family, given.join(' ')]
      keys.set(name, key)
    }
    return key
  }
  return (a, b) => {
    if (a === b) return 0
    const [fa, ga] = keyOf(a)
    const [fb, gb] = keyOf(b)
    // A name with no letters at all (family '') goes last rather than before 'Aaronson'.
    if (!fa !== !fb) return fa ? -1 : 1
    return KEY_COLLATOR.compare(fa, fb) || KEY_COLLATOR.compare(ga, gb) || NAME_COLLATOR.compare(a, b)
  }
}

/**
 * The order of a ranking: by the metric, highest first and unknown last; ties by papers, then name (family name
 * first, see {@link createNameComparer}), then id, so that pages never overlap.
 */
export function compareResearchers(sort: ResearcherSort): (a: ResearcherRow, b: ResearcherRow) => number {
  const names = createNameComparer()
  const byName = (a: ResearcherRow, b: ResearcherRow) => names(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
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

/** A researcher's Novelty % as their page and the ranking show it: to a tenth. */
export function shownNoveltyPercent(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10
}

/** Every researcher's row, worked out once per read of the library (the store hands out the same array until it changes). */
interface AllRows {
  rows: readonly ResearcherRow[]
  sorted: Map<ResearcherSort, readonly ResearcherRow[]>
  /** A topic's rankings, by the store's papers-per-author map of the topic (the same map until the library changes). */
  inTopic: WeakMap<ReadonlyMap<string, number>, Map<ResearcherSort, readonly ResearcherRow[]>>
}
const rowsByStats = new WeakMap<object, AllRows>()

function allRows(authors: Awaited<ReturnType<PaperStore['analysis']['listResearcherTotals']>>): AllRows {
  let entry = rowsByStats.get(authors)
  if (!entry) {
    const rows = authors.map((a): ResearcherRow => {
      // Frozen: one row serves every request until the library changes.
      const m = metricsFromTotals(a)
      return {
        id: a.authorId,
        name: a.name,
        papers: m.papers.value,
        topicPapers: null,
        citations: m.citations.value,
        citationsLowerBound: m.citations.lowerBound,
        hIndex: m.hIndex.value,
        noveltyPercent: shownNoveltyPercent(m.noveltyPercent.value),
        noveltyRanked: shownNoveltyPercent(m.noveltyPercent.shrunk),
        aiScore: m.aiScore.value,
      }
    })
    for (const row of rows) Object.freeze(row)
    entry = { rows: Object.freeze(rows), sorted: new Map(), inTopic: new WeakMap() }
    rowsByStats.set(authors, entry)
  }
  return entry
}

/**
 * Researchers ranked by `sort` (papers unless given; papers under the topic when a topic is given), a page of
 * them, each metric computed from all their papers in the library as their researcher page computes it
 * (sources' reported values are on that page, not here); with `minPapers`, only those with at least that many.
 * @example await listResearchers(store, { sort: 'h_index', limit: 20 })
 */
export async function listResearchers(store: PaperStore, { sort, topicId, minPapers = 1, offset = 0, limit = 25 }: ListResearchersOptions = {}): Promise<ResearcherList> {
  if (sort === 'topic_papers' && !topicId) throw new PaperscopeError('INVALID_ARGUMENT', 'sort "topic_papers" ranks by papers under a topic: give the topic too', { field: 'sort' })
  const order: ResearcherSort = sort ?? (topicId ? 'topic_papers' : 'papers')
  const [authors, inTopic, generation] = await Promise.all([
    store.analysis.listResearcherTotals(),
    topicId ? store.countTopicPapersByAuthor(topicId) : Promise.resolve(null),
    store.analysis.generation(),
  ])
  const all = allRows(authors)
  let ranked: readonly ResearcherRow[]
  if (inTopic) {
    // Kept too: a topic page asks for its ranking's first on every request (9k people sorted on 100k papers).
    const byOrder = all.inTopic.get(inTopic) ?? new Map<ResearcherSort, readonly ResearcherRow[]>()
    all.inTopic.set(inTopic, byOrder)
    ranked =
      byOrder.get(order) ??
      Object.freeze(
        all.rows
          .filter((r) => inTopic.has(r.id))
          .map((r) => Object.freeze({ ...r, topicPapers: inTopic.get(r.id) ?? 0 }))
          .sort(compareResearchers(order)),
      )
    byOrder.set(order, ranked)
  } else {
    // Sorted once per order and read of the library: a page of 100k people is then a slice.
    ranked = all.sorted.get(order) ?? Object.freeze([...all.rows].sort(compareResearchers(order)))
    all.sorted.set(order, ranked)
  }
  if (minPapers > 1) ranked = ranked.filter((r) => r.papers >= minPapers)
  return {
    items: ranked.slice(offset, offset + limit),
    total: ranked.length,
    sort: order,
    analysed: generation !== null,
    howComputed: { papers: HOW_COMPUTED.papers, citations: HOW_COMPUTED.citations, hIndex: HOW_COMPUTED.hIndex, noveltyPercent: HOW_COMPUTED.noveltyPercent, noveltyRanking: HOW_COMPUTED.noveltyRanking, aiScore: HOW_COMPUTED.aiScore },
    shrinkage: { ...NOVELTY_SHRINKAGE },
  }
}
