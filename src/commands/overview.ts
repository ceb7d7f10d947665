/** @module Read-side use cases shared by the CLI and the server: library and author overviews. */
import type { CoAuthor, Paper } from '../core/index.js'
import type { AuthorDetail, LibraryStats, PaperStore } from '../store/index.js'
import type { ResearcherMetrics } from '../analysis/index.js'
import { createAnalysisReader } from './analysis-results.js'
import { findAuthor } from './lookup.js'

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
  alternatives: Array<{ id: string; name: string }>
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
    alternatives: alternatives.map((a) => ({ id: a.id, name: a.name })),
    computed: await createAnalysisReader(store).authorMetrics(author.id),
  }
}
