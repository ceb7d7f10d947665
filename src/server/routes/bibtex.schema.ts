/** @module Request schemas of the BibTeX downloads for an author, a search and a topic. */
import { z } from 'zod'
import { AuthorParamsSchema } from './authors.schema.js'
import { BibtexQuerySchema, bibtexDownloadHeader } from './papers.schema.js'
import { TopicParamsSchema } from './topics.schema.js'

/** The most entries one search download writes. */
export const MAX_SEARCH_BIBTEX = 2000

export const SearchBibtexQuerySchema = BibtexQuerySchema.extend({
  q: z.string().min(1).max(500).describe('Words, as for /search'),
  prefix: z.boolean().default(false).describe('Treat the last word as a prefix, as /search does (the web app searches as you type with it)'),
  topic: z.string().min(1).max(200).optional().describe('A topic id or label (see /topics)'),
  author: z.string().min(1).max(200).optional().describe('An author id, or a name'),
  year_from: z.number().int().min(1000).max(3000).optional().describe('Only papers published in this year or later'),
  year_to: z.number().int().min(1000).max(3000).optional().describe('Only papers published in this year or earlier'),
  source: z.string().min(1).max(100).optional().describe('Only papers with a record from this source (see /stats `perSource`)'),
  category: z.string().min(1).max(100).optional().describe('Only papers with this subject category (arXiv `cs.LG`, …), as the `category` facet lists them, in any case; one the library does not have is a 400'),
  limit: z
    .number()
    .int()
    .min(1)
    .max(MAX_SEARCH_BIBTEX)
    .default(500)
    .describe('At most this many entries, best matches first'),
})
export type SearchBibtexQuery = z.infer<typeof SearchBibtexQuerySchema>

export { AuthorParamsSchema, BibtexQuerySchema, TopicParamsSchema }
export type { AuthorParams } from './authors.schema.js'
export type { TopicParams } from './topics.schema.js'
export type { BibtexQuery } from './papers.schema.js'

/** The 200 response of the author, topic and search BibTeX routes: the `.bib` text itself. */
export const BIBTEX_RESPONSE = {
  description: 'BibTeX entries; LaTeX accents and protected capitals in braces',
  // Declared under its own media type, so the OpenAPI document does not promise JSON.
  content: { 'application/x-bibtex': { schema: { type: 'string' } } },
  headers: {
    'X-Paperscope-Entries': { type: 'integer', minimum: 0, description: 'How many entries the file holds' },
    'X-Paperscope-Total': {
      type: 'integer',
      minimum: 0,
      description: 'How many papers match (a search) or the author or topic has; more than the entries when `limit` cut the file',
    },
    ...bibtexDownloadHeader('<name>', "the author's name, the topic's label or `search <words>` in lower-case letters, digits and hyphens"),
  },
} as const
