/** @module Response schema of /stats: what the library holds. */
import { z } from 'zod'

export const StatsSchema = z.object({
  papers: z.number().int().describe('Papers in the library, after merging'),
  authors: z.number().int().describe('People in the library'),
  sourceRecords: z.number().int().describe('Records read from the sources (several may make one paper)'),
  authorProfiles: z
    .number()
    .int()
    .describe(
      "Author profiles stored, candidates included: a source's author record (Semantic Scholar, OpenAlex) or a researcher page. Those of people are authorProfiles - candidateProfiles",
    ),
  candidateProfiles: z
    .number()
    .int()
    .describe(
      'Of authorProfiles, those no person holds: author search hits (an id and a name, no metrics), kept until papers or a reporting profile give a person that id',
    ),
  mergedPapers: z
    .number()
    .int()
    .describe('Papers made of two or more source records, of one source or several (a list that names a paper twice counts)'),
  multiSourcePapers: z
    .number()
    .int()
    .describe('Papers found in more than one source: with records from two or more distinct sources'),
  papersWithoutYear: z.number().int().describe('Papers no source gave a year'),
  perSource: z
    .array(
      z.object({
        source: z.string().describe('The source, as the `source` filters take it'),
        records: z.number().int().describe('Records read from it'),
        papers: z.number().int().describe('Papers with a record from it'),
      }),
    )
    .describe('Records and papers per source'),
  topics: z.number().int().describe('Topics in the taxonomy'),
})
export type StatsOut = z.infer<typeof StatsSchema>
