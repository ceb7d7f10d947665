/** @module Hugging Face daily papers: arXiv papers the community lists, with upvotes and an AI summary. */
import type { Source } from '../source.js'
import {
  HUGGINGFACE_API_URL,
  HuggingFaceFeedSchema,
  fetchHuggingFacePages,
  type HuggingFaceFeed,
} from './client.js'
import { HUGGINGFACE_SOURCE, parseHuggingFaceDaily } from './parse.js'

/** The daily papers list of huggingface.co/papers, one date at a time. */
export const huggingFaceSource: Source<HuggingFaceFeed> = {
  name: HUGGINGFACE_SOURCE,
  description:
    'Hugging Face daily papers: listed arXiv papers with upvotes, publish and listing dates, AI summary',
  defaultBaseUrl: HUGGINGFACE_API_URL,
  // No published limit for this endpoint; a modest pace.
  rateLimit: { minIntervalMs: 500 },
  feedSchema: HuggingFaceFeedSchema,
  fetchPages: fetchHuggingFacePages,
  parse: parseHuggingFaceDaily,
}

export { HuggingFaceFeedSchema, type HuggingFaceFeed } from './client.js'
export { parseHuggingFaceDaily, huggingFacePaperUrl } from './parse.js'
