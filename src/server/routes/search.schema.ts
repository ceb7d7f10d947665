/** @module Request and response schemas of /search. */
import { z } from 'zod'
import { PageParamSchema } from '../schema-tools.js'
import { PaperSummarySchema, TextSegmentSchema } from '../schemas.js'

export const SearchQuerySchema = z.object({
  q: z.string().min(1).max(500).describe('Words, all of which must match; "quoted phrases", and OR / NOT in capitals between words. Matches title > key words > abstract > authors'),
  prefix: z.boolean().default(false).describe('Treat the last word as a prefix (search as you type)'),
  topic: z.string().min(1).max(200).optional().describe('A topic id or label (see /topics)'),
  year_from: z.number().int().min(1000).max(3000).optional(),
  year_to: z.number().int().min(1000).max(3000).optional(),
  author: z.string().min(1).max(200).optional().describe('An author id, or a name'),
  source: z.string().min(1).max(100).optional(),
  category: z.string().min(1).max(100).optional(),
  page: PageParamSchema,
  page_size: z.number().int().min(1).max(100).default(20),
})
export type SearchQueryParams = z.infer<typeof SearchQuerySchema>

export const FacetSchema = z.object({ value: z.string(), label: z.string(), count: z.number().int() })

export const SearchHitSchema = z.object({
  paper: PaperSummarySchema,
  score: z.number().describe('bm25 relevance, higher is better'),
  title: z.array(TextSegmentSchema).describe('The title with the matched words marked'),
  snippet: z.array(TextSegmentSchema).describe('A passage of the abstract with the matched words marked'),
  matchedKeywords: z.array(z.string()).describe("The paper's curated key words the query matched; a hit may match only these"),
})

const AuthorFilterSchema = z
  .object({ id: z.string(), name: z.string() })
  .nullable()
  .describe('The author the `author` parameter resolved to')

export const SearchResponseSchema = z.object({
  query: z.object({
    q: z.string(),
    ftsQuery: z.string().describe('The full-text query actually run'),
    author: AuthorFilterSchema,
  }),
  items: z.array(SearchHitSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  pages: z.number().int(),
  facets: z.object({
    topic: z.array(FacetSchema),
    year: z.array(FacetSchema),
    source: z.array(FacetSchema),
    category: z.array(FacetSchema),
  }),
  facetsOver: z.number().int().describe('How many matches the facet counts cover'),
  facetsApproximate: z
    .boolean()
    .describe('True when there are more matches than `facetsOver`: the facets then count the best-ranked `facetsOver` matches only'),
})

export type Facet = z.infer<typeof FacetSchema>
export type SearchHitOut = z.infer<typeof SearchHitSchema>
export type SearchResponse = z.infer<typeof SearchResponseSchema>
