/**
 * @module The API's shared shapes (papers, authors, topics as JSON), written once in zod: the TypeScript
 * types the presenters return and the web app reads, and the JSON Schemas in the OpenAPI document.
 */
import { z } from 'zod'

export const TextSegmentSchema = z
  .object({ text: z.string(), match: z.boolean() })
  .describe('A piece of text; `match` marks the words the query matched. Render as text, never as HTML.')

export const AuthorRefSchema = z.object({
  id: z.string(),
  name: z.string(),
  listed: z
    .boolean()
    .describe("false for an author known from outside the source's list (a profile's owner where the list was cut with et al.), whose place in it is unknown; such authors come last"),
})

export const TopicRefSchema = z.object({
  id: z.string(),
  label: z.string(),
  origin: z.enum(['curated', 'predicted']).describe('curated: a person filed it there; predicted: a model did'),
  confidence: z.number().nullable().describe('Calibrated probability for predicted topics; null for curated ones'),
})

export const KeywordSchema = z.object({
  text: z.string(),
  origin: z
    .enum(['curated', 'extracted', 'suggested'])
    .describe(
      "curated: listed by a person; extracted: a phrase of the paper's own text, chosen by Paperscope, shown in the spelling curated papers use most for it (`Over-Parameterization` where the text says `Overparameterization`); suggested: not in the text, taken by Paperscope from similar papers' curated key words or the paper's topic",
    ),
})

export const DigestSchema = z.object({
  text: z.string(),
  origin: z
    .enum(['curated', 'source-model', 'generated'])
    .describe("curated: written by a person; source-model: the source's own summary model; generated: by Paperscope"),
})

export const LinkSchema = z.object({
  label: z.string().describe('e.g. arXiv, DOI, Semantic Scholar'),
  url: z.string().describe('Always http(s)'),
})

export const PaperSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  titleDerived: z.boolean().describe('True when no source gave a title and it was made from the abstract'),
  date: z.string().nullable().describe('Publication date as precise as known: YYYY, YYYY-MM or YYYY-MM-DD'),
  datePrecision: z.enum(['year', 'month', 'day']).nullable(),
  year: z.number().int().nullable(),
  listedAt: z.string().nullable().describe('When a listing page (daily papers) showed it; not its publication date'),
  categories: z.array(z.string()),
  venue: z.string().nullable(),
  authors: z.array(AuthorRefSchema),
  authorsTruncated: z.boolean().describe('A source cut the author list (et al.)'),
  topics: z.array(TopicRefSchema),
  keywords: z.array(KeywordSchema),
  digest: DigestSchema.nullable(),
  abstractStart: z.string().nullable().describe('The first sentences of the abstract, cut at a word'),
  abstractTruncated: z.boolean(),
  citationCount: z.number().int().nullable(),
  upvotes: z.number().int().nullable(),
  links: z.array(LinkSchema),
  sourceCount: z.number().int(),
})

export const ComputedValueSchema = z.object({
  value: z.number().nullable().describe('Null when computed but unknowable (e.g. no citation count anywhere): unknown, never 0'),
  howComputed: z.string().describe('One sentence on how the number was made'),
  why: z.array(z.string()).describe('The terms, papers or counts behind the number, most important first'),
  lowerBound: z.boolean().describe('True when inputs were missing (citation counts), so the true value can only be higher'),
})

/** Longest text /similar and /classify read, in characters. */
export const MAX_TEXT_LENGTH = 20_000

/**
 * Largest request body: a text of {@link MAX_TEXT_LENGTH} characters sent as JSON that escapes every one
 * (`\u0416`, 6 bytes, as Python's json.dumps does by default), with room for its title.
 */
export const BODY_LIMIT = 256 * 1024

/** A text never seen, as /similar and /classify read it. */
export const TextInputSchema = z.object({
  text: z
    .string()
    .max(MAX_TEXT_LENGTH)
    .regex(/\S/, 'needs some text, not only spaces')
    .describe('A text never seen: an abstract, a digest, a draft'),
  // null is left out too, as JSON exporters write a missing field (classify --jsonl reads it so).
  title: z.string().max(1_000).nullish().describe('Its title, when it has one (weighs like a paper title); null is the same as leaving it out'),
})

export const SimilarPaperSchema = z.object({
  paper: PaperSummarySchema,
  score: z.number().describe('(1 − w) × textSimilarity + w × topicAgreement, with w = 0.4 when the library has topics (else 0)'),
  textSimilarity: z.number().nullable().describe('Cosine of the two papers’ vectors: how alike their wording is'),
  topicAgreement: z.number().nullable().describe('Cosine of their topic vectors (curated topics, or predicted confidences), each topic weighed by how specific it is (1 for the rarest; a topic many curated papers share counts less); null when either has none'),
  why: z.array(z.string()).describe('Shared terms or reasons behind the similarity'),
})

export const SourceRecordOutSchema = z.object({
  id: z.number().int(),
  source: z.string().describe('The importer that read it, e.g. researcher-profile, awesome-list'),
  key: z.string().describe("The record's identity within its source; a file's record shows the path it was imported as, never the server's"),
  locator: z.string().describe('Where a person finds it again: a file and line, or a URL'),
  link: z.string().nullable().describe('An http(s) link to the record, when it has one'),
  line: z.number().int().nullable(),
  fetchedAt: z.string(),
  matchReason: z
    .string()
    .nullable()
    .describe('Why this record was merged into the paper; null when this record created the paper'),
  ids: z
    .record(z.string(), z.string())
    .describe("The record's ids as its source gave them; the paper shows one per kind, and none another paper holds"),
  title: z.string().nullable(),
  authors: z.array(z.string()),
  authorsTruncated: z.boolean(),
  date: z.string().nullable(),
  listedAt: z.string().nullable(),
  venue: z.string().nullable(),
  categories: z.array(z.string()),
  topics: z.array(z.string()),
  keywords: z.array(z.string()),
  digest: DigestSchema.nullable(),
  citationCount: z.number().int().nullable(),
  upvotes: z.number().int().nullable(),
})

/** What each reason a text is unsorted means, for the API document. */
export const UNSORTED_BECAUSE_VALUES =
  "off-topic: further from every topic of the library than any curated paper (nothing is suggested for it); low-confidence: no topic reached the classifier's bar (35%); one-word: the best topic reached it but is under 40% and one word of the text alone makes it best (a word the text writes within the topic's name, `tangent kernel` for Neural Tangent Kernel, does not count as one word); too-short (classify only): too few content words, or too few the library's papers use, to tell; no-model (classify only): the library has no curated topics to learn from"

/** Why a text is unsorted (the analysis's UnsortedReason). */
export const UnsortedBecauseSchema = z.enum(['off-topic', 'low-confidence', 'one-word', 'too-short', 'no-model']).nullable()

/** The sentence every reader shows for an unsorted text. */
export const UnsortedNoteSchema = z
  .string()
  .nullable()
  .describe(
    'Why it has no topic, as one sentence to show as it is (the paper page, the Classify page and `paperscope show` print it): it names the closest topic, or the word a one-word call rests on and the topic closer without it (`Unsorted: the best topic, Deep Double Descent (36%), rests on one word (“regression”); without it the text is closer to …`); null when it is not unsorted',
  )

export const PaperDetailSchema = PaperSummarySchema.extend({
  abstract: z.string().nullable(),
  ids: z.record(z.string(), z.string()).describe('External ids: arxiv, doi, openalex, s2, ...'),
  url: z.string().nullable(),
  sources: z.array(SourceRecordOutSchema),
  similar: z.array(SimilarPaperSchema).describe('Most similar papers, best first; empty when not computed'),
  similarStatus: z.enum(['computed', 'not-computed']),
  similarHowComputed: z.string().describe('How the similar papers are found and scored'),
  novelty: ComputedValueSchema.extend({
    cohort: z
      .object({
        from: z.number().int().describe('First year of the cohort'),
        to: z.number().int().describe('Last year; after `from` when the paper’s year had too few papers and was pooled with the years next to it'),
        papers: z.number().int().describe('Papers with a novelty in the cohort'),
      })
      .nullable()
      .describe('The papers the percentile ranks among; null when not known (no percentile, or an analysis from before it was kept)'),
  })
    .nullable()
    .describe('Novelty %, when the analysis has computed it'),
  noveltyEvidence: z
    .array(z.object({ paper: PaperSummarySchema, similarity: z.number() }))
    .describe('The nearest earlier papers the novelty was measured against, most similar first'),
  topicPrediction: z
    .object({
      status: z.enum(['curated', 'predicted', 'unsorted', 'no-model']),
      candidates: z.array(z.object({ label: z.string(), confidence: z.number() })),
      why: z.array(z.string()),
      unsortedBecause: UnsortedBecauseSchema.describe(`Why the paper is unsorted; null unless status is unsorted. ${UNSORTED_BECAUSE_VALUES}`),
      unsortedNote: UnsortedNoteSchema,
      howComputed: z.string(),
    })
    .nullable()
    .describe('What the topic classifier said (unsorted: it gave no topic, unsortedBecause says why and unsortedNote says it in a sentence); null when not analysed'),
  keywordAnalysis: z
    .object({
      items: z.array(
        z.object({
          text: z.string(),
          origin: z.enum(['extracted', 'suggested']),
          score: z.number().describe("The ranker's probability that a curator would list it"),
          why: z.array(z.string()).describe('What weighed most for it, strongest first'),
        }),
      ),
      howComputed: z.string(),
      note: z
        .string()
        .nullable()
        .describe('Why the paper shows fewer than two key words (no other phrase reached the score a key word needs, no suggestion had support in the text, or the text is not in English); null when it shows two or more'),
    })
    .nullable()
    .describe('Why the analysis chose the key words it shows (curated ones are not listed); null when not analysed'),
  digestAnalysis: z
    .object({ why: z.array(z.string()), howComputed: z.string() })
    .nullable()
    .describe('Why these sentences, when the digest shown was generated by Paperscope; null otherwise'),
  createdAt: z.string(),
  updatedAt: z.string(),
})

export const PaperListSchema = z.object({
  items: z.array(PaperSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  pages: z.number().int(),
})

export type TextSegment = z.infer<typeof TextSegmentSchema>
export type AuthorRef = z.infer<typeof AuthorRefSchema>
export type TopicRef = z.infer<typeof TopicRefSchema>
export type ApiKeyword = z.infer<typeof KeywordSchema>
export type ApiDigest = z.infer<typeof DigestSchema>
export type ApiLink = z.infer<typeof LinkSchema>
export type PaperSummary = z.infer<typeof PaperSummarySchema>
export type ComputedValue = z.infer<typeof ComputedValueSchema>
export type SimilarPaper = z.infer<typeof SimilarPaperSchema>
export type SourceRecordOut = z.infer<typeof SourceRecordOutSchema>
export type PaperDetail = z.infer<typeof PaperDetailSchema>
export type PaperList = z.infer<typeof PaperListSchema>
