/** @module Read-side use cases shared by the CLI and the server: library and author overviews. */
import type { CoAuthor, Paper } from '../core/index.js'
import type { AuthorDetail, LibraryStats, PaperStore } from '../store/index.js'
import type { ResearcherMetrics } from '../analysis/index.js'
import { namesCompatible } from '../library/index.js'
import { createAnalysisReader } from './analysis-results.js'
import { findAuthor } from './lookup.js'

/** The most namesakes named, the most prolific first. */
const MAX_NAMESAKES = 20

/** Another person of the library whose name fits this one's, kept apart for want of evidence. */
export interface Namesake {
  id: string
  name: string
  paperCount: number
}

/**
 * The people a person may also be: names that fit one of theirs (`Andrew Saxe`, `Andrew Michael Saxe` beside
 * `Andrew M. Saxe`), which the import kept apart because nothing (a source's id, a co-author in common) said
 * they are one. Shown, not merged: a reader who knows can tell; a wrong merge would hide a person.
 * @example (await namesakes(store, authorDetail)).map((n) => n.name) // ['Andrew Saxe', 'Andrew Michael Saxe']
 */
export async function namesakes(store: PaperStore, author: Pick<AuthorDetail, 'id' | 'nameVariants'>): Promise<Namesake[]> {
  return (await store.listAuthorsInBlock(author.id))
    .filter((other) => other.variants.some((v) => author.nameVariants.some((w) => namesCompatible(v, w))))
    .slice(0, MAX_NAMESAKES)
    .map(({ id, name, paperCount }) => ({ id, name, paperCount }))
}

export interface LibraryOverview {
  location: string
  stats: LibraryStats
}

export async function libraryOverview(store: PaperStore): Promise<LibraryOverview> {
  return { location: store.location, stats: await store.libraryStats() }
}

export interface AuthorOverview {
  author: AuthorDetail
  papers: Paper[]
  coAuthors: CoAuthor[]
  /** How many co-authors there are in all (`coAuthors` holds at most 50). */
  coAuthorsTotal: number
  alternatives: Array<{ id: string; name: string }>
  /** Other people whose names fit this one's, kept apart (see {@link namesakes}). */
  namesakes: Namesake[]
  /** Metrics computed from the library (h-index, citations, Novelty %, AI Score); null before any analysis. */
  computed: ResearcherMetrics | null
}

/** Everything about one author, found by id or name; null when nobody matches. */
export async function authorOverview(store: PaperStore, ref: string): Promise<AuthorOverview | null> {
  const { author, alternatives } = await findAuthor(store, ref)
  if (!author) return null
  const detail = await store.getAuthor(author.id)
  if (!detail) return null
  const papers = (await store.listPapers({ authorId: author.id, sort: 'recent', limit: 200 })).items
  return {
    author: detail,
    papers,
    coAuthors: await store.listCoAuthors(author.id),
    coAuthorsTotal: await store.countCoAuthors(author.id),
    alternatives: alternatives.map((a) => ({ id: a.id, name: a.name })),
    namesakes: await namesakes(store, detail),
    computed: await createAnalysisReader(store).authorMetrics(author.id),
  }
}
