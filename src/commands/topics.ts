/** @module The library's topics in one order, and their trends: per-year counts read from the store, judged by the analysis. */
import { normalizeKeyword, topicTrends, type TopicTrends } from '../analysis/index.js'
import { foldedKeyword, PaperscopeError, type Topic } from '../core/index.js'
import type { PaperStore } from '../store/index.js'

/** A catch-all section of a curated list (`Others`, `Misc`), which holds what fits no specific topic. */
export function isCatchAllTopic(label: string): boolean {
  return /^(?:others?|misc(?:ellaneous)?)$/i.test(label.trim())
}

/**
 * Topics in the one order every list of them uses (the home page's strip, /topics): the specific topics by
 * size, largest first (ties by label), then a catch-all section (`Others`) whatever its size, since it says
 * least about a paper.
 * @example orderTopics([{ label: 'Others', paperCount: 253 }, { label: 'Grokking', paperCount: 9 }]) // Grokking, Others
 */
export function orderTopics<T extends { label: string; paperCount: number }>(topics: readonly T[]): T[] {
  const bySize = (a: T, b: T) => b.paperCount - a.paperCount || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0)
  return [...topics.filter((t) => !isCatchAllTopic(t.label)).sort(bySize), ...topics.filter((t) => isCatchAllTopic(t.label)).sort(bySize)]
}

/**
 * The topic a reader names: its id (`neural-collapse`) or its label in any case (`Neural Collapse`); null when the
 * library has none such.
 */
export async function findTopic(store: Pick<PaperStore, 'listTopics'>, value: string): Promise<Topic | null> {
  const topics = await store.listTopics()
  const wanted = value.trim().toLowerCase()
  // Ids are lower case (`neural-collapse`); a reader may write either in any case.
  return topics.find((t) => t.id === value) ?? topics.find((t) => t.id === wanted || t.label.toLowerCase() === wanted) ?? null
}

/**
 * The topic a reader names ({@link findTopic}), or NOT_FOUND naming the value and the library's topics.
 * @example await requireTopic(store, 'alchemy') // throws: no topic "alchemy" (topics: others, neural-collapse, …)
 */
export async function requireTopic(store: Pick<PaperStore, 'listTopics'>, value: string): Promise<Topic> {
  const topic = await findTopic(store, value)
  if (topic) return topic
  const known = (await store.listTopics()).map((t) => t.id).slice(0, 30)
  throw new PaperscopeError('NOT_FOUND', `no topic "${value.slice(0, 200)}" (topics: ${known.join(', ') || 'none'})`, { field: 'topic' })
}

/** Every topic's share of the library's recent and earlier papers, and whether it is rising, falling or steady, in {@link orderTopics}' order. */
export async function readTopicTrends(store: PaperStore): Promise<TopicTrends> {
  const counts = await store.topicYearCounts()
  return topicTrends(orderTopics(counts.topics), counts.sortedPerYear)
}

/**
 * Every spelling the library's key words give `keyword` (`Neural Tangent Kernels`, `neural tangent kernel`), as
 * {@link topicKeywords} counts them as one: what a list of the papers with a key word filters on.
 * @example await keywordSpellings(store, 'neural tangent kernel') // ['Neural Tangent Kernel', 'neural tangent kernels']
 */
export async function keywordSpellings(store: Pick<PaperStore, 'listKeywordSpellings'>, keyword: string): Promise<string[]> {
  const key = normalizeKeyword(keyword)
  if (!key) return []
  // Candidates first, by folded letters (hyphens, spaces and accents gone on both sides): those holding the key's
  // longest word less its last two letters (`hypothes` for `hypotheses`; a plural's lemma, `gan` for `GANs`), or,
  // for a key of short words only, the whole key. Only candidates are normalised (wink: 70 µs a spelling).
  const words = key.split(' ').map(foldedKeyword)
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a), '')
  const whole = words.join('')
  const candidates = (await store.listKeywordSpellings()).filter((s) =>
    longest.length >= 3 ? s.folded.includes(longest.slice(0, Math.max(3, longest.length - 2))) : s.folded === whole,
  )
  return candidates.filter((s) => normalizeKeyword(s.keyword) === key).map((s) => s.keyword)
}

/** A key word of a topic's papers: as most of them write it, and how many papers (curated, and all) have it. */
export interface TopicKeyword {
  text: string
  papers: number
  /** Papers whose curator gave it. */
  curated: number
}

/**
 * The key words most of a topic's papers share, most papers first: spellings of one key word (`Neural Tangent
 * Kernels`, `neural tangent kernel`) counted as one, shown as most papers write it; only those of two papers or more.
 * @example (await topicKeywords(store, 'neural-collapse'))[0] // { text: 'Neural Collapse', papers: 16, curated: 16 }
 */
export async function topicKeywords(store: PaperStore, topicId: string, limit = 12): Promise<TopicKeyword[]> {
  const groups = new Map<string, { papers: Set<string>; curated: Set<string>; spellings: Map<string, number> }>()
  for (const row of await store.listTopicKeywords(topicId)) {
    const key = normalizeKeyword(row.keyword)
    if (!key) continue
    let g = groups.get(key)
    if (!g) groups.set(key, (g = { papers: new Set(), curated: new Set(), spellings: new Map() }))
    g.papers.add(row.paperId)
    if (row.origin === 'curated') g.curated.add(row.paperId)
    g.spellings.set(row.keyword, (g.spellings.get(row.keyword) ?? 0) + 1)
  }
  return [...groups.values()]
    .filter((g) => g.papers.size >= 2)
    .map((g) => ({
      text: [...g.spellings].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0],
      papers: g.papers.size,
      curated: g.curated.size,
    }))
    .sort((a, b) => b.papers - a.papers || b.curated - a.curated || (a.text.toLowerCase() < b.text.toLowerCase() ? -1 : 1))
    .slice(0, limit)
}
