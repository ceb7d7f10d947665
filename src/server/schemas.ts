/**
 * @module The API's shared shapes (papers, authors, topics as JSON), written once in zod: the TypeScript
 * types the presenters return and the web app reads, and the JSON Schemas in the OpenAPI document.
 */
import { z } from 'zod'

export const TextSegmentSchema = z
  .object({ text: z.string().describe('The piece of text, as written'), match: z.boolean().describe('True when the query matched these words') })
  .describe('A piece of text; `match` marks the words the query matched. Render as text, never as HTML.')

export const AuthorRefSchema = z.object({
  id: z.string().describe('The person\'s id: GET /authors/{id}'),
  name: z.string().describe('Their name as the library shows it'),
  listed: z
    .boolean()
    .describe("false for an author known from outside the source's list (a profile's owner where the list was cut with et al.), whose place in it is unknown; such authors come last"),
})

export const TopicRefSchema = z.object({
  id: z.string().describe('The topic id: GET /topics/{id}'),
  label: z.string().describe("The topic's name"),
  origin: z.enum(['curated', 'predicted']).describe('curated: a person filed it there; predicted: a model did'),
  confidence: z.number().nullable().describe('Calibrated probability for predicted topics; null for curated ones'),
})

export const KeywordSchema = z.object({
  text: z.string().describe('The key word'),
  origin: z
    .enum(['curated', 'extracted', 'suggested'])
    .describe(
      "curated: listed by a person; extracted: a phrase of the paper's own text, chosen by Paperscope, shown in the spelling curated papers use most for it (`Over-Parameterization` where the text says `Overparameterization`); suggested: not in the text, a curated key word Paperscope suggests because similar papers, the paper's topic or papers worded like it list it (its reasons say which)",
    ),
})

export const DigestSchema = z.object({
  text: z.string().describe('One to three sentences on what the paper does'),
  origin: z
    .enum(['curated', 'source-model', 'generated'])
    .describe("curated: written by a person; source-model: the source's own summary model; generated: by Paperscope"),
})

export const LinkSchema = z.object({
  label: z.string().describe('e.g. arXiv, DOI, Semantic Scholar'),
  url: z.string().describe('Always http(s)'),
})

/**
 * The fields every paged list shares (`/papers`, `/search`, `/authors`, `/researchers`), described once.
 * @example z.object({ items: z.array(PaperSummarySchema), ...pageFields('Papers') })
 */
export function pageFields(what: string) {
  return {
    total: z.number().int().describe(`${what} on every page`),
    page: z.number().int().describe('This page, 1-based'),
    pageSize: z.number().int().describe('Items per page'),
    pages: z.number().int().describe('How many pages there are (1 when there is nothing); a page past the last is empty, with the same total'),
  }
}

export const PaperSummarySchema = z.object({
  id: z.string().describe('The Paperscope id: GET /papers/{id}'),
  title: z.string().describe('The title, as its sources wrote it (LaTeX kept)'),
  titleDerived: z.boolean().describe('True when no source gave a title and it was made from the abstract'),
  date: z.string().nullable().describe('Publication date as precise as known: YYYY, YYYY-MM or YYYY-MM-DD'),
  datePrecision: z.enum(['year', 'month', 'day']).nullable().describe('How precise `date` is; null when there is no date'),
  year: z.number().int().nullable().describe('Publication year; null when no source gave one'),
  listedAt: z.string().nullable().describe('When a listing page (daily papers) showed it; not its publication date'),
  categories: z.array(z.string()).describe('Subject categories the sources gave (arXiv `cs.LG`, …); empty when none'),
  venue: z.string().nullable().describe('Where it was published (a journal or conference); null when not known'),
  authors: z.array(AuthorRefSchema).describe('The authors in the order the sources list them'),
  authorsTruncated: z.boolean().describe('A source cut the author list (et al.)'),
  topics: z.array(TopicRefSchema).describe('Its topics: curated ones, else the classifier\'s predictions; empty when unsorted'),
  keywords: z.array(KeywordSchema).describe('Key words, curated first, then those Paperscope chose'),
  digest: DigestSchema.nullable().describe('A short summary: hand-written, a source model\'s, or generated; null when there is none'),
  abstractStart: z.string().nullable().describe('The first sentences of the abstract, cut at a word'),
  abstractTruncated: z.boolean().describe('True when `abstractStart` is not the whole abstract'),
  citationCount: z.number().int().nullable().describe('Citations as a source reported them (the highest when several did); null when unknown, never 0'),
  upvotes: z.number().int().nullable().describe('Upvotes on a listing page (daily papers); null when unknown'),
  links: z.array(LinkSchema).describe('Links to the paper elsewhere (arXiv, DOI, the sources\' pages)'),
  sourceCount: z.number().int().describe('How many source records make up the paper'),
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

/** Longest path segment the router reads: longer than any id a schema allows, so an over-long id is the schema's 400 naming it. */
export const MAX_PARAM_LENGTH = 4096

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
  paper: PaperSummarySchema.describe('The similar paper'),
  score: z.number().describe('(1 − w) × textSimilarity + w × topicAgreement, with w = 0.4 when the library has topics (else 0)'),
  textSimilarity: z.number().nullable().describe('Cosine of the two papers’ vectors: how alike their wording is'),
  topicAgreement: z.number().nullable().describe('Cosine of their topic vectors (curated topics, or predicted confidences), each topic weighed by how specific it is (1 for the rarest; a topic many curated papers share counts less); null when either has none'),
  why: z.array(z.string()).describe('Shared terms or reasons behind the similarity'),
})

export const SourceRecordOutSchema = z.object({
  id: z.number().int().describe("The record's number in this library"),
  source: z.string().describe('The importer that read it, e.g. researcher-profile, awesome-list'),
  key: z.string().describe("The record's identity within its source; a file's record shows the path it was imported as, never the server's"),
  locator: z.string().describe('Where a person finds it again: a file and line, or a URL'),
  link: z.string().nullable().describe('An http(s) link to the record, when it has one'),
  line: z.number().int().nullable().describe('The line of the file it was read from; null for a record from an API'),
  fetchedAt: z.string().describe('When it was read: fetched from an API or imported (ISO 8601), or for a page capture whose capture date is known, that date as precisely as known (`2026`, `2026-03-04`)'),
  matchReason: z
    .string()
    .nullable()
    .describe('Why this record was merged into the paper; null when this record created the paper'),
  ids: z
    .record(z.string(), z.string())
    .describe("The record's ids as its source gave them; the paper shows one per kind, and none another paper holds"),
  title: z.string().nullable().describe('The title this source gave; null when it gave none'),
  authors: z.array(z.string()).describe('Author names as this source wrote them'),
  authorsTruncated: z.boolean().describe('This source cut the author list (et al.)'),
  date: z.string().nullable().describe('The publication date this source gave (YYYY, YYYY-MM or YYYY-MM-DD); null when none'),
  listedAt: z.string().nullable().describe('When this listing page showed the paper; null for other sources'),
  venue: z.string().nullable().describe('The venue this source gave; null when none'),
  categories: z.array(z.string()).describe('Subject categories this source gave'),
  topics: z.array(z.string()).describe('Topics (section names) this source filed the paper under'),
  keywords: z.array(z.string()).describe('Key words this source listed'),
  digest: DigestSchema.nullable().describe("This source's own summary; null when it gave none"),
  citationCount: z.number().int().nullable().describe('The citation count this source reported; null when it gave none'),
  upvotes: z.number().int().nullable().describe('The upvotes this source reported; null when it gave none'),
})

/** What each reason a text is unsorted means, for the API document. */
export const UNSORTED_BECAUSE_VALUES =
  "off-topic: further from every topic of the library than any curated paper (no topic, and no key word suggested from similar papers or topics, only where papers worded like it list it); low-confidence: no topic reached the classifier's bar (35%); named-later (a library paper, or a classified text given its `year`): the closest topic is named by a key word the library first wrote five or more years after the paper's date (`Neural Tangent Kernel`, 2018, for a kernel paper of 2005), so it is not given, and no other topic reached the bar; one-word: the best topic reached it but is under 40% and one word of the text alone makes it best (a word the text writes within the topic's name, `tangent kernel` for Neural Tangent Kernel, does not count as one word); too-short (classify only): too few content words, or too few the library's papers use, to tell; no-model (classify only): the library has no curated topics to learn from"

/** Why a text is unsorted (the analysis's UnsortedReason). */
export const UnsortedBecauseSchema = z.enum(['off-topic', 'low-confidence', 'named-later', 'one-word', 'too-short', 'no-model']).nullable()

/** The sentence every reader shows for an unsorted text. */
export const UnsortedNoteSchema = z
  .string()
  .nullable()
  .describe(
    'Why it has no topic, as one sentence to show as it is (the paper page, the Classify page and `paperscope show` print it): it names the closest topic, or the word a one-word call rests on and the topic closer without it (`Unsorted: the best topic, Deep Double Descent (36%), rests on one word (“regression”); without it the text is closer to …`); null when it is not unsorted',
  )

export const PaperDetailSchema = PaperSummarySchema.extend({
  abstract: z.string().nullable().describe('The whole abstract, as its source wrote it (LaTeX kept); null when no source gave one'),
  ids: z.record(z.string(), z.string()).describe('External ids: arxiv, doi, openalex, s2, ...'),
  url: z.string().nullable().describe('The main link to the paper (http(s)); null when there is none'),
  sources: z.array(SourceRecordOutSchema).describe('Every source record merged into the paper, with what each said'),
  similar: z.array(SimilarPaperSchema).describe('Most similar papers, best first; empty when not computed'),
  similarStatus: z.enum(['computed', 'not-computed']).describe('not-computed: the library has not been analysed, so `similar` is empty'),
  similarHowComputed: z.string().describe('How the similar papers are found and scored'),
  similarNote: z
    .string()
    .nullable()
    .describe(
      "What the similar papers are worth when the vector model knows too little of this paper's text to place it (fewer than two words, the reason `novelty` has no value): `The model knows only “networks” of this paper's text (its title alone), so these papers are near that one word and may share little else with it; its similar papers say little.`, or with no word known, that they come from its topics alone or that there are none; null for every other paper (and for any paper of a library whose vectors are an ONNX model's)",
    ),
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
    .describe("The paper's novelty percentile, when the analysis has computed it. `value` is null when the paper has none, and `why` says why: it has no date, no paper in the library is dated before it, or too little text the model knows to place it (`too little text the model knows to place it: only “networks”`, a bare title of which the vector model knows one word)"),
  noveltyEvidence: z
    .array(z.object({ paper: PaperSummarySchema.describe('An earlier paper'), similarity: z.number().describe('Cosine similarity of the two papers\' vectors, 0 to 1') }))
    .describe('The nearest earlier papers the novelty was measured against, most similar first'),
  topicPrediction: z
    .object({
      status: z
        .enum(['curated', 'predicted', 'unsorted', 'no-model'])
        .describe('curated: a person filed it (the classifier is not asked); predicted: the classifier gave topics; unsorted: it gave none; no-model: the library has no curated topics to learn from'),
      candidates: z
        .array(z.object({ label: z.string().describe('A topic name'), confidence: z.number().describe('Calibrated probability, 0 to 1') }))
        .describe("The classifier's best topics, shown or not, most confident first"),
      why: z.array(z.string()).describe('Terms that pushed it towards its best topic, strongest first; before them, a closer topic it is not put under because the library first wrote its name five or more years after the paper (`not under Neural Tangent Kernel: the library first writes its name in 2018, 13 years after this paper`)'),
      unsortedBecause: UnsortedBecauseSchema.describe(`Why the paper is unsorted; null unless status is unsorted. ${UNSORTED_BECAUSE_VALUES}`),
      unsortedNote: UnsortedNoteSchema,
      howComputed: z.string().describe('How topics are predicted'),
    })
    .nullable()
    .describe('What the topic classifier said (unsorted: it gave no topic, unsortedBecause says why and unsortedNote says it in a sentence); null when not analysed'),
  keywordAnalysis: z
    .object({
      items: z.array(
        z.object({
          text: z.string().describe('The key word'),
          origin: z.enum(['extracted', 'suggested']).describe('extracted: a phrase of the text; suggested: not in it, a curated key word that similar papers, its topic or papers worded like it list'),
          score: z.number().describe("The ranker's probability that a curator would list it"),
          why: z.array(z.string()).describe('What weighed most for it, strongest first'),
        }),
      ).describe('The key words the analysis chose, best first'),
      howComputed: z.string().describe('How key words are chosen'),
      note: z
        .string()
        .nullable()
        .describe('Why the paper shows fewer than two key words (no other phrase reached the score a key word needs, no suggestion had support in the text, or the text is not in English, naming the language the analysis told; an analysis from before Paperscope kept the language names either reason); null when it shows two or more'),
      language: z
        .string()
        .nullable()
        .describe(
          "The language the analysis told the paper's text is in: `English` (also for a text too short to tell), or another language's name (`French`), whose text gets no key words of its own, as key phrases and their ranker are English. null when the paper was analysed before Paperscope recorded the language; its next analysis records it. (`classify` gives null for English, as it always knows; here English is named, so that null means not known.)",
        ),
    })
    .nullable()
    .describe('Why the analysis chose the key words it shows (curated ones are not listed); null when not analysed'),
  digestAnalysis: z
    .object({ why: z.array(z.string()).describe('Why these sentences were chosen'), howComputed: z.string().describe('How the digest is generated') })
    .nullable()
    .describe('Why these sentences, when the digest shown was generated by Paperscope; null otherwise'),
  createdAt: z.string().describe('When the paper first entered the library (ISO 8601)'),
  updatedAt: z.string().describe('When a record last changed it (ISO 8601)'),
})

export const PaperListSchema = z.object({
  items: z.array(PaperSummarySchema).describe('The papers of this page'),
  ...pageFields('Papers'),
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
