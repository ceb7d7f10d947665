/**
 * @module What the server needs from the rest of Paperscope, declared here by the consumer: a store to read,
 * optionally the analysis results, and its own settings. The composition root (src/main.ts) fills it in.
 */
import type { FastifyBaseLogger } from 'fastify'
import type { PaperAnalysisValue, PaperDetailAnalysis, SimilarPaperIn, UnsortedBecauseOut } from '../commands/index.js'
import type { PaperStore } from '../store/index.js'

/** A number the analysis computed, with how and from what (the shape a paper's detail reads, src/commands). */
export type AnalysisValue = PaperAnalysisValue

/** Topics, key words and a digest for a text never seen, with how each is computed. */
export interface AnalysisTextClassification {
  /** The topics given (calibrated confidences), best first; empty when unsorted. */
  topics: Array<{ label: string; confidence: number }>
  unsorted: boolean
  /** Further from every topic than any curated paper (so unsorted, and nothing suggested from the library). */
  offTopic: boolean
  /** Why it is unsorted, null when it is not. */
  unsortedBecause: UnsortedBecauseOut | null
  /** The sentence a reader sees for it, null when it is not unsorted. */
  unsortedNote: string | null
  /** What pushed the text towards its best topic, or why it is off topic. */
  topicWhy: string[]
  keywords: Array<{ text: string; origin: 'extracted' | 'suggested'; score: number; why: string[] }>
  /** Why the text gets fewer than two key words; null with two or more. */
  keywordsNote?: string | null
  /** The text's language when it is not English (it then gets no key words); null for English or a text too short to tell. */
  language: string | null
  digest: string | null
  howComputed: { topics: string; keywords: string; digest: string }
}

/** Metrics the analysis computes for an author; any may be missing. */
export interface AnalysisAuthorMetrics {
  hIndex?: AnalysisValue
  papers?: AnalysisValue
  citations?: AnalysisValue
  noveltyPercent?: AnalysisValue
  aiScore?: AnalysisValue
  /** A field computed from the author's papers (`ML`, `Theory of deep learning`). */
  field?: { value: string; howComputed: string }
}

/**
 * The analysis results the API shows when they exist (issue 4): a paper's (src/commands' PaperDetailAnalysis,
 * which `paperscope show --json` reads too) and these. Every method is optional and may return null: the API
 * then says "not computed" instead of inventing a number.
 */
export interface ServerAnalysis extends PaperDetailAnalysis {
  /** Papers nearest to a text never seen; null when the library has no analysis yet. */
  similarToText?(input: { title?: string; text: string }, limit: number): Promise<SimilarPaperIn[] | null>
  /**
   * Why similarToText found the text's papers by wording alone (`off-topic`, `too-short`), null when its topics
   * weighed in or the library has no analysis yet.
   */
  comparedByWording?(input: { title?: string; text: string }): Promise<'off-topic' | 'too-short' | null>
  /** Topics, key words and a digest for a text never seen, dated `year` when given; null when the library has no analysis yet. */
  classifyText?(input: { title?: string; text: string; year?: number }): Promise<AnalysisTextClassification | null>
  /** The paper's vector (what similar papers and novelty compare) and the model that made it. */
  paperVector?(paperId: string): Promise<{ embedder: string; vector: ArrayLike<number> } | null>
  authorMetrics?(authorId: string): Promise<AnalysisAuthorMetrics | null>
}

/** What a BibTeX writer needs of a paper (the shape src/ingest/bibtex's `formatBibtex` accepts). */
export interface BibtexInput {
  id: string
  title: string
  authors: readonly string[]
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date: string | null
  venue: string | null
  ids: { doi?: string | undefined; arxiv?: string | undefined }
  abstract?: string | null | undefined
  /** Only ever an http(s) URL. */
  url?: string | null | undefined
  authorsTruncated?: boolean | undefined
  /** Authors known from outside the author list (a profile's owner): never written into `author`. */
  unlistedAuthors?: readonly string[] | undefined
  /** Paperscope made the title from the abstract (no source gives one): the writer says so. */
  titleDerived?: boolean | undefined
}

/** Papers → `.bib` text, one entry per paper in order. */
export type BibtexFormatter = (papers: readonly BibtexInput[]) => string

export interface RateLimitSettings {
  /** Requests per client per window. */
  max: number
  /** Window length in milliseconds. */
  windowMs: number
}

export interface ServerDeps {
  /** The library; the server only reads it. */
  store: PaperStore
  analysis?: ServerAnalysis
  /** A pino logger; none means silent (tests). */
  logger?: FastifyBaseLogger
  /** The built web app (web/dist); null serves the API only. */
  webRoot?: string | null
  /** Per-client limit on /api; false turns it off (benchmarks). */
  rateLimit?: RateLimitSettings | false
  /**
   * The reverse proxies in front of the server, whose X-Forwarded-For names the client (Fastify's `trustProxy`:
   * true for any, or their addresses and subnets, comma-separated). None by default: behind nginx every client
   * then has the proxy's address, so all share one rate-limit bucket and one busy reader gets everyone 429s.
   */
  trustProxy?: boolean | string
  /** Served on /healthz. */
  version?: string
  /** The BibTeX writer for the BibTeX routes; src/ingest/bibtex's when absent. */
  formatBibtex?: BibtexFormatter
}

/** Generous by default: a person typing in the search box makes a few requests a second at most. */
export const DEFAULT_RATE_LIMIT: RateLimitSettings = { max: 1200, windowMs: 60_000 }
