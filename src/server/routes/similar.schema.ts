/** @module Request and response schemas of GET /similar (papers nearest to a text never seen). */
import { z } from 'zod'
import { SimilarPaperSchema, TextInputSchema } from '../schemas.js'

// A title alone is a text to compare too, as POST /classify takes one: the Classify page asks both with it.
export const SimilarQuerySchema = TextInputSchema.extend({
  text: TextInputSchema.shape.text.optional().describe('A text never seen: an abstract, a digest, a draft; may be left out when a title is given'),
  k: z.number().int().min(1).max(50).default(10).describe('How many papers'),
  sort: z
    .enum(['similarity', 'recent', 'popular'])
    .default('similarity')
    .describe(
      'similarity: most similar first; recent: the k most similar, newest first (undated last); popular: the k most similar, most cited first (as a source reported), then most upvoted (unknown last)',
    ),
})
export type SimilarQuery = z.infer<typeof SimilarQuerySchema>

/**
 * GET /similar's query: the same, with what a URL allows said beside `text` (Node refuses a request head
 * over 16 KB with 431, well before 20,000 characters).
 */
export const SimilarGetQuerySchema = SimilarQuerySchema.extend({
  text: TextInputSchema.shape.text.optional().describe(
    'A text never seen: an abstract, a digest, a draft; may be left out when a title is given. In a URL the text, the rest of the URL and the headers must fit in 16 KB (else 431), so over GET the real ceiling is about 13,000 ASCII characters, not 20,000 (measured: 16,300 letters with no spaces; 11,600 characters of words with spaces sent as %20; a non-ASCII letter takes 6 bytes, `é` as %C3%A9). Send a longer text with POST /similar, in a JSON body.',
  ),
})

export const SimilarResultSchema = z.object({
  similar: z.array(SimilarPaperSchema).describe('The nearest library papers, best first'),
  howComputed: z.string().describe('How the similarity is computed'),
  note: z
    .string()
    .nullable()
    .describe('Why fewer than `k` papers are listed (the text was compared by wording alone, being off topic or too short to tell its topic, and only papers sharing two terms with it count), or why none is; null when `k` are listed'),
})
export type SimilarResult = z.infer<typeof SimilarResultSchema>
