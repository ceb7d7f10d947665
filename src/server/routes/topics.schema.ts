/** @module Request and response schemas of /topics. */
import { z } from 'zod'
import { PaperSummarySchema } from '../schemas.js'

export const TopicParamsSchema = z.object({ id: z.string().min(1).max(200).describe('A topic id (see /topics), or its id or label in any case, as the `topic` parameters take them') })
export type TopicParams = z.infer<typeof TopicParamsSchema>

const YearCountsSchema = z.array(
  z.object({
    year: z.number().int().describe('A publication year'),
    curated: z.number().int().describe('Papers of that year a person filed under the topic'),
    predicted: z.number().int().describe('Papers of that year the classifier put under it'),
  }),
)
const YearSpanSchema = z
  .object({
    from: z.number().int().describe('First year of the span'),
    to: z.number().int().describe('Last year of the span'),
    papers: z.number().int().describe('Dated papers with a topic in these years'),
    predictedShare: z.number().describe("Of the span's topic assignments, the share the classifier made (the rest a curator did)"),
  })
  .nullable()
const SpanShareSchema = z.object({ papers: z.number().int().describe("The topic's dated papers in the span"), share: z.number().describe("The topic's papers over the span's papers with a topic") })

const TopicIdSchema = z.string().describe('The topic id: GET /topics/{id}')
const TopicLabelSchema = z.string().describe("The topic's name")
const TopicPaperCountSchema = z.number().int().describe('Its papers, curated or predicted')

export const TopicListItemSchema = z.object({ id: TopicIdSchema, label: TopicLabelSchema, paperCount: TopicPaperCountSchema })
export const TopicListSchema = z.object({ items: z.array(TopicListItemSchema).describe('Every topic: the specific ones, most papers first, then a catch-all one (Others)') })

export const TopicDetailSchema = z.object({
  id: TopicIdSchema,
  label: TopicLabelSchema,
  paperCount: TopicPaperCountSchema,
  curatedCount: z.number().int().describe('Papers a person filed under the topic'),
  predictedCount: z.number().int().describe('Papers the classifier put under it (papers without curated topics)'),
  perYear: YearCountsSchema.describe('Papers per publication year, split by curated and predicted membership'),
  topAuthors: z
    .array(
      z.object({
        id: z.string().describe("The person's id"),
        name: z.string().describe('Their name'),
        papers: z.number().int().describe('Their papers under the topic'),
      }),
    )
    .describe('The first of GET /researchers?topic= (most papers under the topic first)'),
  keywords: z
    .array(z.object({ text: z.string().describe('The key word, in its most used spelling'), papers: z.number().int().describe('Its papers with the key word'), curated: z.number().int().describe('Papers whose curator gave it') }))
    .describe("The key words two or more of its papers share (curated, extracted or suggested; spellings of one counted as one), most papers first"),
  recentPapers: z.array(PaperSummarySchema).describe('Its newest papers, newest first'),
})

export const TopicTrendsSchema = z.object({
  recent: YearSpanSchema.describe('The newest years holding at least a third of the dated papers with a topic; null when there is no comparison'),
  earlier: YearSpanSchema.describe('Every year before the recent span; null when there is no comparison'),
  years: z.array(z.object({ year: z.number().int().describe('A publication year'), papers: z.number().int().describe('Dated papers with a topic that year') })).describe('Dated papers with any topic, per year (a paper under two topics counts once)'),
  reason: z.string().nullable().describe('Why there is no comparison, when there is none'),
  caveat: z.string().nullable().describe("A warning about the comparison: one span's topics mostly predicted by the classifier, the other's mostly curated"),
  howComputed: z.string().describe('How spans, shares and directions are computed'),
  topics: z.array(
    z.object({
      id: TopicIdSchema,
      label: TopicLabelSchema,
      paperCount: z.number().int().describe('All its papers, dated or not (the spans count only dated ones)'),
      perYear: YearCountsSchema.describe('Its papers per publication year, curated and predicted'),
      recent: SpanShareSchema.describe('Its papers and share in the recent span'),
      earlier: SpanShareSchema.describe('Its papers and share in the earlier span'),
      z: z.number().describe('Two-proportion z statistic of the recent share against the earlier one'),
      p: z.number().nullable().describe('Its two-sided p-value; null when the topic has too few papers to test'),
      direction: z.enum(['rising', 'falling', 'steady']).describe('Rising or falling: significant after Holm correction over the topics tested, and shares apart by a factor of 1.25 or more'),
      note: z.string().nullable().describe('Why a topic whose shares differ is steady all the same'),
    }),
  ).describe('Every topic with its trend'),
})

export type TopicListItem = z.infer<typeof TopicListItemSchema>
export type TopicList = z.infer<typeof TopicListSchema>
export type TopicDetailOut = z.infer<typeof TopicDetailSchema>
export type TopicTrendsOut = z.infer<typeof TopicTrendsSchema>
