/** @module Request and response schemas of /researchers. */
import { z } from 'zod'
import { RESEARCHER_SORTS } from '../../commands/index.js'
import { PageParamSchema } from '../schema-tools.js'

/** Researchers on one page of /researchers unless `page_size` says. */
export const RESEARCHERS_PAGE_SIZE = 25

export const ResearchersQuerySchema = z.object({
  sort: z
    .enum(RESEARCHER_SORTS)
    .optional()
    .describe('papers (default), citations, h_index, novelty (Novelty %), ai_score, topic_papers (papers under `topic`, its default) or name (by family name, then given names, accents folded); metrics highest first, unknown last'),
  topic: z.string().min(1).max(200).optional().describe('Only researchers with papers under this topic (an id or a label, any case)'),
  min_papers: z.number().int().min(1).max(10_000).default(1).describe('Only researchers with at least this many papers in the library (a Novelty % or AI Score of one paper rests on little)'),
  page: PageParamSchema,
  page_size: z.number().int().min(1).max(100).default(RESEARCHERS_PAGE_SIZE).describe(`Researchers per page (default ${RESEARCHERS_PAGE_SIZE})`),
})
export type ResearchersQuery = z.infer<typeof ResearchersQuerySchema>

const unknownIsNull = (what: string) => z.number().nullable().describe(`${what}; null when unknown, never 0`)

export const ResearcherListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      papers: z.number().int().describe('Papers in the library'),
      topicPapers: z.number().int().nullable().describe('Papers under the topic asked for; null when none was'),
      citations: unknownIsNull('Sum of the known citation counts of their papers'),
      citationsLowerBound: z.boolean().describe('Some papers have no citation count, so citations and h-index can only be higher'),
      hIndex: unknownIsNull('h-index from the known citation counts'),
      noveltyPercent: unknownIsNull('Mean novelty percentile of their papers'),
      aiScore: unknownIsNull("Paperscope's AI Score, 0–100"),
    }),
  ),
  total: z.number().int().describe('Researchers on every page'),
  page: z.number().int(),
  pageSize: z.number().int(),
  pages: z.number().int(),
  sort: z.enum(RESEARCHER_SORTS),
  minPapers: z.number().int(),
  topic: z.object({ id: z.string(), label: z.string() }).nullable(),
  analysed: z.boolean().describe('False before the library was ever analysed: Novelty % and AI Score are unknown for everyone'),
  howComputed: z.object({ papers: z.string(), citations: z.string(), hIndex: z.string(), noveltyPercent: z.string(), aiScore: z.string() }),
})
export type ResearcherListOut = z.infer<typeof ResearcherListSchema>
