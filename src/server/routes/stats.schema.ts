/** @module Response schema of /stats: what the library holds. */
import { z } from 'zod'

export const StatsSchema = z.object({
  papers: z.number().int(),
  authors: z.number().int(),
  sourceRecords: z.number().int(),
  authorProfiles: z.number().int(),
  mergedPapers: z
    .number()
    .int()
    .describe('Papers made of two or more source records, of one source or several (a list that names a paper twice counts)'),
  multiSourcePapers: z
    .number()
    .int()
    .describe('Papers found in more than one source: with records from two or more distinct sources'),
  papersWithoutYear: z.number().int(),
  perSource: z.array(z.object({ source: z.string(), records: z.number().int(), papers: z.number().int() })),
  topics: z.number().int(),
})
export type StatsOut = z.infer<typeof StatsSchema>
