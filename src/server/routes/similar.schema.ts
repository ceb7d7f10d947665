/** @module Request and response schemas of GET /similar (papers nearest to a text never seen). */
import { z } from 'zod'
import { SimilarPaperSchema, TextInputSchema } from '../schemas.js'

export const SimilarQuerySchema = TextInputSchema.extend({
  k: z.number().int().min(1).max(50).default(10).describe('How many papers'),
  sort: z
    .enum(['similarity', 'recent', 'popular'])
    .default('similarity')
    .describe(
      'similarity: most similar first; recent: the k most similar, newest first (undated last); popular: the k most similar, most cited first (as a source reported), then most upvoted (unknown last)',
    ),
})
export type SimilarQuery = z.infer<typeof SimilarQuerySchema>

export const SimilarResultSchema = z.object({
  similar: z.array(SimilarPaperSchema).describe('The nearest library papers, best first'),
  howComputed: z.string().describe('How the similarity is computed'),
})
export type SimilarResult = z.infer<typeof SimilarResultSchema>
