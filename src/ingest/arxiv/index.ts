/** @module arXiv: the export API (`arxiv`) and OAI-PMH bulk harvests (`arxiv-oai`), as two sources. */
import type { Source } from '../source.js'
import {
  ARXIV_API_URL,
  ARXIV_OAI_URL,
  ArxivFeedSchema,
  ArxivOaiFeedSchema,
  fetchArxivOaiPages,
  fetchArxivPages,
  type ArxivFeed,
  type ArxivOaiFeed,
} from './client.js'
import { ARXIV_OAI_SOURCE, ARXIV_SOURCE, parseArxivAtom, parseArxivOai } from './parse.js'

/** New papers by category, author, words or ids, from the export API (Atom). */
export const arxivSource: Source<ArxivFeed> = {
  name: ARXIV_SOURCE,
  description: 'arXiv export API: search by category, author and words, paged by submission date',
  defaultBaseUrl: ARXIV_API_URL,
  rateLimit: { minIntervalMs: 3000 },
  feedSchema: ArxivFeedSchema,
  fetchPages: fetchArxivPages,
  parse: parseArxivAtom,
}

/** Bulk harvests by date range over OAI-PMH (metadataPrefix `arXiv`), with resumption tokens. */
export const arxivOaiSource: Source<ArxivOaiFeed> = {
  name: ARXIV_OAI_SOURCE,
  description:
    'arXiv OAI-PMH ListRecords (metadataPrefix arXiv): bulk harvest by datestamp, optionally per set',
  defaultBaseUrl: ARXIV_OAI_URL,
  rateLimit: { minIntervalMs: 3000 },
  feedSchema: ArxivOaiFeedSchema,
  fetchPages: fetchArxivOaiPages,
  parse: parseArxivOai,
}

export {
  ArxivFeedSchema,
  ArxivOaiFeedSchema,
  buildArxivQuery,
  type ArxivFeed,
  type ArxivOaiFeed,
} from './client.js'
export { parseArxivAtom, parseArxivOai, arxivAbsUrl } from './parse.js'
