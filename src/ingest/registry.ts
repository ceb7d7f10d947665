/**
 * @module Every API source Paperscope can sync from, by name. A source is used only when a feed in the
 * config names it: nothing here calls the internet by itself.
 */
import { arxivOaiSource, arxivSource } from './arxiv/index.js'
import { huggingFaceSource } from './huggingface/index.js'
import { openAlexSource } from './openalex/index.js'
import { semanticScholarSource } from './semantic-scholar/index.js'
import type { AnySource } from './source.js'
import type { RateLimit } from './http/index.js'

/** All API sources, in the order `paperscope sync` runs them (bibliographic sources first, lists last). */
export const SOURCES: readonly AnySource[] = [
  arxivSource as AnySource,
  arxivOaiSource as AnySource,
  openAlexSource as AnySource,
  semanticScholarSource as AnySource,
  huggingFaceSource as AnySource,
]

/** The source with this name, or null. */
export function findSource(name: string): AnySource | null {
  return SOURCES.find((s) => s.name === name) ?? null
}

/** Each source's published rate limit, for `createHttpClient({ rateLimits })`. */
export function sourceRateLimits(): Record<string, RateLimit> {
  return Object.fromEntries(SOURCES.map((s) => [s.name, s.rateLimit]))
}
