/** @module Request and response schemas of /authors. */
import { z } from 'zod'
import { PageParamSchema } from '../schema-tools.js'
import { ComputedValueSchema, PaperSummarySchema } from '../schemas.js'

/** Authors on one page of /authors when neither `page_size` nor `limit` says how many. */
export const AUTHORS_PAGE_SIZE = 20

const authorsPerPage = z.number().int().min(1).max(100)

export const AuthorsQuerySchema = z.object({
  q: z.string().min(1).max(200).describe('Part of a name, any spelling'),
  page: PageParamSchema,
  // No defaults: the route tells `page_size` from its older name `limit` only when neither is filled in.
  page_size: authorsPerPage.optional().describe(`Authors per page (default ${AUTHORS_PAGE_SIZE})`),
  limit: authorsPerPage.optional().describe('The older name of page_size, still taken; give one of the two'),
})
export type AuthorsQuery = z.infer<typeof AuthorsQuerySchema>

export const AuthorParamsSchema = z.object({ id: z.string().min(1).max(200).describe('An author id') })
export type AuthorParams = z.infer<typeof AuthorParamsSchema>

export const AuthorListItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  nameVariants: z.array(z.string()),
  paperCount: z.number().int(),
})
/** A page of the authors a name finds, paged as /papers and /search are. */
export const AuthorListSchema = z.object({
  items: z.array(AuthorListItemSchema),
  total: z.number().int().describe('Authors the name finds, on every page'),
  page: z.number().int(),
  pageSize: z.number().int(),
  pages: z.number().int(),
})

/** Metric names shown in a researcher's header. */
export const METRIC_NAMES = ['hIndex', 'papers', 'citations', 'noveltyPercent', 'aiScore'] as const
export type MetricName = (typeof METRIC_NAMES)[number]

const nullableNumber = z.number().nullable()

export const ReportedProfileSchema = z.object({
  source: z.string().describe('The importer that read the profile page'),
  locator: z.string(),
  link: z.string().nullable(),
  fetchedAt: z.string(),
  field: z.string().nullable(),
  values: z.object({
    hIndex: nullableNumber,
    i10Index: nullableNumber,
    papers: nullableNumber,
    citations: nullableNumber,
    noveltyPercent: nullableNumber,
    aiScore: nullableNumber,
  }),
  conflicts: z
    .array(z.object({ metric: z.enum(['hIndex', 'i10Index']), message: z.string() }))
    .describe("Reported values that the same page's other numbers rule out (an h-index of h needs h papers with h citations each), with the arithmetic"),
})

export const AuthorDetailSchema = z.object({
  id: z.string(),
  name: z.string(),
  nameVariants: z.array(z.string()),
  sourceIds: z
    .array(z.object({ source: z.string(), id: z.string(), link: z.string().nullable() }))
    .describe("The person's own ids at the sources that name authors by id (Semantic Scholar, OpenAlex, ORCID), each with its page"),
  field: z
    .object({ value: z.string(), origin: z.enum(['reported', 'computed']), detail: z.string() })
    .nullable()
    .describe('The field tag: reported by a profile page, or computed from the papers'),
  paperCount: z.number().int(),
  metrics: z.object({
    reported: z.array(ReportedProfileSchema).describe('What profile pages said, each with where and when'),
    computed: z
      .object({
        hIndex: ComputedValueSchema.nullable(),
        papers: ComputedValueSchema.nullable(),
        citations: ComputedValueSchema.nullable(),
        noveltyPercent: ComputedValueSchema.nullable(),
        aiScore: ComputedValueSchema.nullable(),
      })
      .describe('What Paperscope computed from the library, each with how; null when not computed'),
  }),
  papers: z.array(PaperSummarySchema).describe("The author's papers, newest first"),
  papersPerYear: z.array(z.object({ year: z.number().int(), count: z.number().int() })),
  papersWithoutYear: z.number().int(),
  coAuthors: z
    .array(z.object({ id: z.string(), name: z.string(), sharedPapers: z.number().int() }))
    .describe('Co-authors, most shared papers first, then by name: at most 50 (coAuthorsTotal says how many there are)'),
  coAuthorsTotal: z.number().int().describe('How many people share a paper with the author'),
  namesakes: z
    .array(z.object({ id: z.string(), name: z.string(), paperCount: z.number().int() }))
    .describe(
      'Other people of the library whose names fit this one (`Andrew Saxe` beside `Andrew M. Saxe`), kept apart because no source id or co-author in common says they are one: perhaps the same person',
    ),
  topics: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      papers: z.number().int(),
      curated: z.number().int().describe('Of those, papers a person filed under the topic'),
    }),
  ),
})

export type AuthorListItem = z.infer<typeof AuthorListItemSchema>
export type AuthorList = z.infer<typeof AuthorListSchema>
export type ReportedProfileOut = z.infer<typeof ReportedProfileSchema>
export type AuthorDetailOut = z.infer<typeof AuthorDetailSchema>
