/** @module Request and response schemas of /authors. */
import { z } from 'zod'
import { PAGE_SIZE, PageParamSchema, PageSizeSchema } from '../schema-tools.js'
import { ComputedValueSchema, pageFields, PaperSummarySchema } from '../schemas.js'

/** Authors on one page of /authors when neither `page_size` nor `limit` says how many: every list's default. */
export const AUTHORS_PAGE_SIZE = PAGE_SIZE

export const AuthorsQuerySchema = z.object({
  q: z.string().min(1).max(200).describe('Part of a name, any spelling'),
  page: PageParamSchema,
  // No defaults: the route tells `page_size` from its older name `limit` only when neither is filled in.
  page_size: PageSizeSchema.optional().describe(`Authors per page (default ${AUTHORS_PAGE_SIZE})`),
  limit: PageSizeSchema.optional().describe('The older name of page_size, still taken; give one of the two'),
})
export type AuthorsQuery = z.infer<typeof AuthorsQuerySchema>

export const AuthorParamsSchema = z.object({ id: z.string().min(1).max(200).describe('An author id') })
export type AuthorParams = z.infer<typeof AuthorParamsSchema>

/** The most papers one researcher's answer lists (the newest); its per-year, topic and field counts take them all. */
export const AUTHOR_PAPER_LIMIT = 2000
const LISTED = AUTHOR_PAPER_LIMIT.toLocaleString('en-US')

const AuthorIdSchema = z.string().describe("The person's id: GET /authors/{id}")
const AuthorNameSchema = z.string().describe('Their name as the library shows it')
const NameVariantsSchema = z.array(z.string()).describe('Other spellings of the name the sources used (`A. M. Saxe`)')
const PaperCountSchema = z.number().int().describe('Their papers in the library')

export const AuthorListItemSchema = z.object({
  id: AuthorIdSchema,
  name: AuthorNameSchema,
  nameVariants: NameVariantsSchema,
  paperCount: PaperCountSchema,
})
/** A page of the authors a name finds, paged as /papers and /search are. */
export const AuthorListSchema = z.object({
  items: z.array(AuthorListItemSchema).describe('The people of this page, best match first'),
  ...pageFields('Authors the name finds'),
})

/** Metric names shown in a researcher's header. */
export const METRIC_NAMES = ['hIndex', 'papers', 'citations', 'noveltyPercent', 'aiScore'] as const
export type MetricName = (typeof METRIC_NAMES)[number]

const reported = (what: string) => z.number().nullable().describe(`${what} as the page gave it; null when it gave none`)

export const ReportedProfileSchema = z.object({
  source: z.string().describe('The importer that read the profile page'),
  locator: z.string().describe('Where a person finds it again: a file and line, or a URL'),
  link: z.string().nullable().describe('An http(s) link to the page, when it has one'),
  fetchedAt: z.string().describe('When it was read: fetched from an API or imported (ISO 8601), or for a page capture whose capture date is known, that date as precisely as known (`2026`, `2026-03-04`)'),
  field: z.string().nullable().describe('The field the page gave the person; null when none'),
  values: z
    .object({
      hIndex: reported('The h-index'),
      i10Index: reported('The i10-index'),
      papers: reported('The number of papers'),
      citations: reported('The number of citations'),
      noveltyPercent: reported('The Novelty %'),
      aiScore: reported('The AI Score'),
    })
    .describe('The numbers the page reported'),
  conflicts: z
    .array(z.object({ metric: z.enum(['hIndex', 'i10Index']).describe('The value ruled out'), message: z.string().describe('Why, with the arithmetic') }))
    .describe("Reported values that the same page's other numbers rule out (an h-index of h needs h papers with h citations each), with the arithmetic"),
})

export const AuthorDetailSchema = z.object({
  id: AuthorIdSchema,
  name: AuthorNameSchema,
  nameVariants: NameVariantsSchema,
  sourceIds: z
    .array(
      z.object({
        source: z.string().describe('The source (semantic-scholar, openalex, orcid)'),
        id: z.string().describe("The person's id there"),
        link: z.string().nullable().describe('Their page there, when known'),
      }),
    )
    .describe("The person's own ids at the sources that name authors by id (Semantic Scholar, OpenAlex, ORCID), each with its page"),
  field: z
    .object({
      value: z.string().describe('The field'),
      origin: z.enum(['reported', 'computed']).describe('reported: a profile page gave it; computed: from the topics of their papers'),
      detail: z.string().describe('Where it comes from or how it was computed'),
    })
    .nullable()
    .describe('The field tag: reported by a profile page, or computed from the papers'),
  paperCount: PaperCountSchema,
  metrics: z
    .object({
    reported: z.array(ReportedProfileSchema).describe('What profile pages said, each with where and when'),
    computed: z
      .object({
        hIndex: ComputedValueSchema.nullable().describe('h-index from the known citation counts of their papers'),
        papers: ComputedValueSchema.nullable().describe('Their papers in the library'),
        citations: ComputedValueSchema.nullable().describe('Sum of the known citation counts of their papers'),
        noveltyPercent: ComputedValueSchema.nullable().describe('Mean novelty percentile of their papers'),
        aiScore: ComputedValueSchema.nullable().describe("Paperscope's AI Score, 0–100, with its inputs in `why`"),
      })
      .describe('What Paperscope computed from the library, each with how; null when not computed'),
  })
    .describe('Metrics a profile page reported, beside those computed from the library'),
  papers: z.array(PaperSummarySchema).describe(`The author's papers, newest first: at most ${LISTED} (\`papersTruncated\` says when there are more)`),
  papersTruncated: z
    .boolean()
    .describe(`True when the author has more papers than \`papers\` lists (its newest ${LISTED}); \`paperCount\` says how many, and \`papersPerYear\`, \`papersWithoutYear\`, \`topics\` and \`field\` count them all`),
  papersPerYear: z
    .array(z.object({ year: z.number().int().describe('A publication year'), count: z.number().int().describe('Their papers of that year') }))
    .describe('Their papers per year, oldest first'),
  papersWithoutYear: z.number().int().describe('Their papers with no known year (not in papersPerYear)'),
  coAuthors: z
    .array(z.object({ id: AuthorIdSchema, name: AuthorNameSchema, sharedPapers: z.number().int().describe('Papers they share') }))
    .describe('Co-authors, most shared papers first, then by name: at most 50 (coAuthorsTotal says how many there are)'),
  coAuthorsTotal: z.number().int().describe('How many people share a paper with the author'),
  namesakes: z
    .array(z.object({ id: AuthorIdSchema, name: AuthorNameSchema, paperCount: PaperCountSchema }))
    .describe(
      'Other people of the library whose names fit this one (`Andrew Saxe` beside `Andrew M. Saxe`), kept apart because no source id or co-author in common says they are one: perhaps the same person',
    ),
  topics: z
    .array(
      z.object({
        id: z.string().describe('The topic id'),
        label: z.string().describe("The topic's name"),
        papers: z.number().int().describe('Their papers under the topic, curated or predicted'),
        curated: z.number().int().describe('Of those, papers a person filed under the topic'),
      }),
    )
    .describe('The topics of their papers, most papers first'),
})

export type AuthorListItem = z.infer<typeof AuthorListItemSchema>
export type AuthorList = z.infer<typeof AuthorListSchema>
export type ReportedProfileOut = z.infer<typeof ReportedProfileSchema>
export type AuthorDetailOut = z.infer<typeof AuthorDetailSchema>
