/** @module Request and response schemas of /researchers. */
import { z } from 'zod'
import { NOVELTY_SHRINKAGE, RESEARCHER_SORTS } from '../../commands/index.js'
import { PageParamSchema, pageSizeParam } from '../schema-tools.js'
import { pageFields } from '../schemas.js'

export const ResearchersQuerySchema = z.object({
  sort: z
    .enum(RESEARCHER_SORTS)
    .optional()
    .describe(
      `papers (default), citations, h_index, novelty (by \`noveltyRanked\`, the Novelty % shrunk toward ${NOVELTY_SHRINKAGE.percentile} so that one paper cannot top it), ai_score, topic_papers (papers under \`topic\`, its default) or name (by family name, then given names, accents folded); metrics highest first, unknown last`,
    ),
  topic: z.string().min(1).max(200).optional().describe('Only researchers with papers under this topic (an id or a label, any case)'),
  min_papers: z.number().int().min(1).max(10_000).default(1).describe(`Only researchers with at least this many papers in the library (a Novelty % of one paper rests on little; the ranking by novelty and the AI Score already shrink it toward ${NOVELTY_SHRINKAGE.percentile})`),
  page: PageParamSchema,
  page_size: pageSizeParam('Researchers'),
})
export type ResearchersQuery = z.infer<typeof ResearchersQuerySchema>

const unknownIsNull = (what: string) => z.number().nullable().describe(`${what}; null when unknown, never 0`)

export const ResearcherListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string().describe("The person's id: GET /authors/{id}"),
      name: z.string().describe('Their name as the library shows it'),
      papers: z.number().int().describe('Papers in the library'),
      topicPapers: z.number().int().nullable().describe('Papers under the topic asked for; null when none was'),
      citations: unknownIsNull('Sum of the known citation counts of their papers'),
      citationsLowerBound: z.boolean().describe('Some papers have no citation count, so citations and h-index can only be higher'),
      hIndex: unknownIsNull('h-index from the known citation counts'),
      noveltyPercent: unknownIsNull('Mean novelty percentile of their papers (their Novelty %)'),
      noveltyRanked: unknownIsNull(
        `The same percentiles with ${NOVELTY_SHRINKAGE.papers} papers at the ${NOVELTY_SHRINKAGE.percentile}th added, (sum + ${NOVELTY_SHRINKAGE.papers} × ${NOVELTY_SHRINKAGE.percentile}) / (papers with a percentile + ${NOVELTY_SHRINKAGE.papers}), to a tenth: what sort=novelty ranks by, and the AI Score's novelty input × 100; see howComputed.noveltyRanking`,
      ),
      aiScore: unknownIsNull("Paperscope's AI Score, 0–100"),
    }),
  ).describe('The researchers of this page, in the ranking\'s order'),
  ...pageFields('Researchers'),
  sort: z.enum(RESEARCHER_SORTS).describe('The ranking used'),
  minPapers: z.number().int().describe('The fewest papers a researcher listed has'),
  topic: z
    .object({ id: z.string().describe('The topic id'), label: z.string().describe("The topic's name") })
    .nullable()
    .describe('The topic the `topic` parameter named; null when none was'),
  analysed: z.boolean().describe('False before the library was ever analysed: Novelty % and AI Score are unknown for everyone'),
  howComputed: z
    .object({
      papers: z.string().describe('How `papers` is counted'),
      citations: z.string().describe('How `citations` is summed'),
      hIndex: z.string().describe('How `hIndex` is computed'),
      noveltyPercent: z.string().describe('How `noveltyPercent` is computed'),
      noveltyRanking: z.string().describe('How `noveltyRanked` is computed, and that sort=novelty ranks by it'),
      aiScore: z.string().describe('How `aiScore` is computed'),
    })
    .describe('One sentence on each metric'),
  shrinkage: z
    .object({
      papers: z.number().int().describe('How many imagined papers join each mean'),
      percentile: z.number().describe('The percentile they sit at'),
    })
    .describe('What `noveltyRanked` and the AI Score add to a researcher\'s papers before taking a mean of their percentiles, so that one or two papers cannot top a ranking by chance'),
})
export type ResearcherListOut = z.infer<typeof ResearcherListSchema>
