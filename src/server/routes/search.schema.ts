/** @module Request and response schemas of /search. */
import { z } from 'zod'
import { PageParamSchema, pageSizeParam } from '../schema-tools.js'
import { pageFields, PaperSummarySchema, TextSegmentSchema } from '../schemas.js'

export const SearchQuerySchema = z.object({
  q: z.string().min(1).max(500).describe('Words, all of which must match; "quoted phrases", and OR / NOT in capitals between words. Matches title > key words > abstract > authors'),
  prefix: z.boolean().default(false).describe('Treat the last word as a prefix (search as you type)'),
  topic: z.string().min(1).max(200).optional().describe('A topic id or label (see /topics)'),
  year_from: z.number().int().min(1000).max(3000).optional().describe('Only papers published in this year or later'),
  year_to: z.number().int().min(1000).max(3000).optional().describe('Only papers published in this year or earlier'),
  author: z.string().min(1).max(200).optional().describe('An author id, or a name'),
  source: z.string().min(1).max(100).optional().describe('Only papers with a record from this source (see /stats `perSource`)'),
  category: z.string().min(1).max(100).optional().describe('Only papers with this subject category (arXiv `cs.LG`, …), as the `category` facet lists them, in any case; one the library does not have is a 400'),
  page: PageParamSchema,
  page_size: pageSizeParam('Hits'),
})
export type SearchQueryParams = z.infer<typeof SearchQuerySchema>

export const FacetSchema = z.object({
  value: z.string().describe('What to pass to the filter of the same name (a topic id, a year, a source, a category)'),
  label: z.string().describe('What to show for it (a topic\'s name)'),
  count: z.number().int().describe('Matches with this value'),
})

export const SearchHitSchema = z.object({
  paper: PaperSummarySchema.describe('The paper found'),
  score: z.number().describe('bm25 relevance, higher is better'),
  title: z.array(TextSegmentSchema).describe('The title with the matched words marked'),
  snippet: z.array(TextSegmentSchema).describe('A passage of the abstract with the matched words marked'),
  matchedKeywords: z.array(z.string()).describe("The paper's curated key words the query matched; a hit may match only these"),
})

const AuthorFilterSchema = z
  .object({ id: z.string().describe("The person's id"), name: z.string().describe('Their name') })
  .nullable()
  .describe('The author the `author` parameter resolved to')

export const SearchResponseSchema = z.object({
  query: z
    .object({
    q: z.string().describe('The words as given'),
    ftsQuery: z.string().describe('The full-text query actually run'),
    author: AuthorFilterSchema,
    wordsSearched: z
      .number()
      .int()
      .describe('How many of the words and phrases of `q` the search ran (a word to leave out counts; operators do not): all of them, or the first 100, the most one search takes'),
    wordsLeftOut: z
      .number()
      .int()
      .describe('How many words and phrases of `q` past the first 100 the search did not run: 0 unless the query has more; the hits then need not have those'),
  })
    .describe('The search as it was run'),
  items: z.array(SearchHitSchema).describe('The hits of this page, best first'),
  ...pageFields('Matches'),
  facets: z
    .object({
      topic: z.array(FacetSchema).describe('Topics of the matches, most first'),
      year: z.array(FacetSchema).describe('Publication years of the matches, newest first'),
      source: z.array(FacetSchema).describe('Sources of the matches, most first'),
      category: z.array(FacetSchema).describe('Subject categories of the matches, most first'),
    })
    .describe('Counts over the matches (every page, the filters applied), to narrow a search'),
  facetsOver: z.number().int().describe('How many matches the facet counts cover'),
  facetsApproximate: z
    .boolean()
    .describe('True when there are more matches than `facetsOver`: the facets then count the best-ranked `facetsOver` matches only'),
})

export type Facet = z.infer<typeof FacetSchema>
export type SearchHitOut = z.infer<typeof SearchHitSchema>
export type SearchResponse = z.infer<typeof SearchResponseSchema>
