/** @module Request and response schemas of /topics. */
import { z } from 'zod'
import { PaperSummarySchema } from '../schemas.js'

export const TopicParamsSchema = z.object({ id: z.string().min(1).max(200).describe('A topic id') })
export type TopicParams = z.infer<typeof TopicParamsSchema>

const YearCountsSchema = z.array(z.object({ year: z.number().int(), curated: z.number().int(), predicted: z.number().int() }))
const YearSpanSchema = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    papers: z.number().int().describe('Dated papers with a topic in these years'),
    predictedShare: z.number().describe("Of the span's topic assignments, the share the classifier made (the rest a curator did)"),
  })
  .nullable()
const SpanShareSchema = z.object({ papers: z.number().int(), share: z.number().describe("The topic's papers over the span's papers with a topic") })

export const TopicListItemSchema = z.object({ id: z.string(), label: z.string(), paperCount: z.number().int() })
export const TopicListSchema = z.object({ items: z.array(TopicListItemSchema) })

export const TopicDetailSchema = z.object({
  id: z.string(),
  label: z.string(),
  paperCount: z.number().int(),
  curatedCount: z.number().int().describe('Papers a person filed under the topic'),
  predictedCount: z.number().int().describe('Papers the classifier put under it (papers without curated topics)'),
  perYear: YearCountsSchema.describe('Papers per publication year, split by curated and predicted membership'),
  topAuthors: z.array(z.object({ id: z.string(), name: z.string(), papers: z.number().int() })),
  keywords: z
    .array(z.object({ text: z.string(), papers: z.number().int(), curated: z.number().int().describe('Papers whose curator gave it') }))
    .describe("The key words two or more of its papers share (curated, extracted or suggested; spellings of one counted as one), most papers first"),
  recentPapers: z.array(PaperSummarySchema),
})

export const TopicTrendsSchema = z.object({
  recent: YearSpanSchema.describe('The newest years holding at least a third of the dated papers with a topic; null when there is no comparison'),
  earlier: YearSpanSchema.describe('Every year before the recent span; null when there is no comparison'),
  years: z.array(z.object({ year: z.number().int(), papers: z.number().int() })).describe('Dated papers with any topic, per year (a paper under two topics counts once)'),
  reason: z.string().nullable().describe('Why there is no comparison, when there is none'),
  caveat: z.string().nullable().describe("A warning about the comparison: one span's topics mostly predicted by the classifier, the other's mostly curated"),
  howComputed: z.string(),
  topics: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      paperCount: z.number().int().describe('All its papers, dated or not (the spans count only dated ones)'),
      perYear: YearCountsSchema,
      recent: SpanShareSchema,
      earlier: SpanShareSchema,
      z: z.number().describe('Two-proportion z statistic of the recent share against the earlier one'),
      p: z.number().nullable().describe('Its two-sided p-value; null when the topic has too few papers to test'),
      direction: z.enum(['rising', 'falling', 'steady']).describe('Rising or falling: significant after Holm correction over the topics tested, and shares apart by a factor of 1.25 or more'),
      note: z.string().nullable().describe('Why a topic whose shares differ is steady all the same'),
    }),
  ),
})

export type TopicListItem = z.infer<typeof TopicListItemSchema>
export type TopicList = z.infer<typeof TopicListSchema>
export type TopicDetailOut = z.infer<typeof TopicDetailSchema>
export type TopicTrendsOut = z.infer<typeof TopicTrendsSchema>
