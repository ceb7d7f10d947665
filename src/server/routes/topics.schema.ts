/** @module Request and response schemas of /topics. */
import { z } from 'zod'
import { PaperSummarySchema } from '../schemas.js'

export const TopicParamsSchema = z.object({ id: z.string().min(1).max(200).describe('A topic id') })
export type TopicParams = z.infer<typeof TopicParamsSchema>

export const TopicListItemSchema = z.object({ id: z.string(), label: z.string(), paperCount: z.number().int() })
export const TopicListSchema = z.object({ items: z.array(TopicListItemSchema) })

export const TopicDetailSchema = z.object({
  id: z.string(),
  label: z.string(),
  paperCount: z.number().int(),
  curatedCount: z.number().int().describe('Papers a person filed under the topic'),
  predictedCount: z.number().int().describe('Papers the classifier put under it (papers without curated topics)'),
  perYear: z
    .array(z.object({ year: z.number().int(), curated: z.number().int(), predicted: z.number().int() }))
    .describe('Papers per publication year, split by curated and predicted membership'),
  topAuthors: z.array(z.object({ id: z.string(), name: z.string(), papers: z.number().int() })),
  recentPapers: z.array(PaperSummarySchema),
})

export type TopicListItem = z.infer<typeof TopicListItemSchema>
export type TopicList = z.infer<typeof TopicListSchema>
export type TopicDetailOut = z.infer<typeof TopicDetailSchema>
