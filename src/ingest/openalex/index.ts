/** @module OpenAlex: works (filter, search, cursor paging) and author profiles (h-index, citations). */
import type { Source } from '../source.js'
import { OPENALEX_API_URL, OpenAlexFeedSchema, fetchOpenAlexPages, type OpenAlexFeed } from './client.js'
import { OPENALEX_SOURCE, parseOpenAlex } from './parse.js'

/** Works and author profiles from api.openalex.org; an API key (free) raises the daily allowance. */
export const openAlexSource: Source<OpenAlexFeed> = {
  name: OPENALEX_SOURCE,
  description: 'OpenAlex works by filter or search (cursor paging) and author profiles with summary_stats',
  defaultBaseUrl: OPENALEX_API_URL,
  rateLimit: { minIntervalMs: 100, retryStatuses: [403] },
  feedSchema: OpenAlexFeedSchema,
  fetchPages: fetchOpenAlexPages,
  parse: parseOpenAlex,
}

export { OpenAlexFeedSchema, type OpenAlexFeed } from './client.js'
export { parseOpenAlex, abstractFromInvertedIndex } from './parse.js'
