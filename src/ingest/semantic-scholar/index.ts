/** @module Semantic Scholar Graph API: paper search, batch lookup by arXiv id/DOI (enrichment), authors. */
import type { Source } from '../source.js'
import {
  SEMANTIC_SCHOLAR_API_URL,
  SemanticScholarFeedSchema,
  fetchSemanticScholarPages,
  type SemanticScholarFeed,
} from './client.js'
import { SEMANTIC_SCHOLAR_SOURCE, parseSemanticScholar } from './parse.js'

/** Papers (with citation counts, TLDRs, external ids) and authors (h-index) from api.semanticscholar.org. */
export const semanticScholarSource: Source<SemanticScholarFeed> = {
  name: SEMANTIC_SCHOLAR_SOURCE,
  description:
    'Semantic Scholar Graph API: bulk paper search, batch lookup by arXiv id or DOI, author metrics',
  defaultBaseUrl: SEMANTIC_SCHOLAR_API_URL,
  // 1 request per second, cumulative over all endpoints, for keyless use and for the basic key alike.
  rateLimit: { minIntervalMs: 1000 },
  feedSchema: SemanticScholarFeedSchema,
  fetchPages: fetchSemanticScholarPages,
  parse: parseSemanticScholar,
}

export { SemanticScholarFeedSchema, toS2PaperId, type SemanticScholarFeed } from './client.js'
export { parseSemanticScholar } from './parse.js'
