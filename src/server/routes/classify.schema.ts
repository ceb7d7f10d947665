/** @module Request and response schemas of POST /classify (topics, key words and a digest for a text never seen). */
import { z } from 'zod'
import { MIN_TEXT_YEAR } from '../../commands/index.js'
import { DigestSchema, TextInputSchema, TopicRefSchema, UNSORTED_BECAUSE_VALUES, UnsortedBecauseSchema, UnsortedNoteSchema } from '../schemas.js'

// A title alone is a text to classify too, as `paperscope classify` takes a line with only a title.
export const ClassifyBodySchema = TextInputSchema.extend({
  text: TextInputSchema.shape.text.optional().describe('A text never seen: an abstract, a digest, a draft; may be left out when a title is given'),
  // Checked against next year in the route: a schema's bound would be the year the server started in.
  year: z
    .number()
    .int()
    .min(MIN_TEXT_YEAR)
    .nullish()
    .describe(
      `The year the text was written (2005), when known; ${MIN_TEXT_YEAR} to next year, null is the same as leaving it out. No label: given, the text is dated as a library paper is, so it gets no topic and no suggested key word the library first wrote five or more years after it (\`Neural Tangent Kernel\`, first written in 2018, for a kernel paper of 2005: \`unsortedBecause\` named-later when no other topic is confident); without it nothing is dated`,
    ),
})
export type ClassifyBody = z.infer<typeof ClassifyBodySchema>

export const ClassifyResultSchema = z.object({
  topics: z.array(TopicRefSchema).describe("The library's topics given to the text (all predicted), most confident first; empty when unsorted"),
  unsorted: z.boolean().describe('True when no topic was confident enough, or the text is off topic'),
  offTopic: z.boolean().describe("True when the text is further from every topic than any curated paper: nothing about it is this library's field"),
  unsortedBecause: UnsortedBecauseSchema.describe(`Why the text is unsorted; null when it is not. ${UNSORTED_BECAUSE_VALUES}; off-topic is given over too-short when both hold`),
  unsortedNote: UnsortedNoteSchema,
  topicWhy: z.array(z.string()).describe('What pushed the text towards its best topic, strongest first, or why it is off topic'),
  keywords: z
    .array(
      z.object({
        text: z.string().describe('The key word'),
        origin: z.enum(['extracted', 'suggested']).describe('extracted: a phrase of the text, shown in the spelling curated papers use most for it (`Over-Parameterization` where the text says `Overparameterization`); suggested: not in it, a curated key word that similar papers, its topic or papers worded like it list'),
        score: z.number().describe("The ranker's probability that a curator would list it"),
        why: z.array(z.string()).describe('What weighed most for it, strongest first'),
      }),
    )
    .describe('Key words, best first; none for a text not in English'),
  keywordsNote: z.string().nullable().describe('Why the text gets fewer than two key words (no other phrase reached the score a key word needs, no suggestion had support in the text, or it is not in English); null with two or more'),
  language: z.string().nullable().describe("The text's language when it is not English (`French`): key phrases are read from English only, so it gets none; null for English or a text too short to tell"),
  // A paper's digest's shape, `{text, origin}`, so a client reads the two alike; this one is always Paperscope's.
  digest: DigestSchema.extend({
    text: z.string().describe('One or two sentences of the text'),
    origin: z.literal('generated').describe('generated: by Paperscope, as a paper\'s generated digest is'),
  })
    .nullable()
    .describe("The digest Paperscope made for the text, shaped as a paper's; null when the text has no complete sentence"),
  howComputed: z
    .object({
      topics: z.string().describe('How topics are predicted'),
      keywords: z.string().describe('How key words are chosen'),
      digest: z.string().describe('How the digest is made'),
    })
    .describe('How each part of the answer is computed'),
})
export type ClassifyResult = z.infer<typeof ClassifyResultSchema>
