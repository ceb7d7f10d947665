/**
 * @module `paperscope classify --jsonl`: topics, key words and a digest for texts the library has never seen,
 * with the models trained on the current library (offline, nothing is written for the texts). Labels in the
 * input are never read: a line is only its id, title and text, and the year it was written when known, which is no
 * label but when the text was written (the library's analysis reads its papers' dates so too).
 */
import { z } from 'zod'
import { PaperscopeError } from '../core/index.js'
import { assignTopics, classifyTopics, contentTerms, extractKeywords, fewKeywordsNote, keywordEvidence, libraryWords, prepareTopicModel, readText, readTextThreadModule, textLanguage, topicNameText, topicNameYears, topicsNamedLater, topicTerms, unsortedSentence, type PreparedText, type ReadText, type TopicNames, type TopicPrediction, type UnsortedReason } from '../analysis/index.js'
import type { PaperStore } from '../store/index.js'
import {
  analyzeNewPapers,
  keywordNeighbours,
  loadAnalysisModels,
  textVector,
  type AnalysisModels,
  type AnalyzeOptions,
  type AnalyzeReport,
} from './analyze-library.js'
import { startTextReaderOn, type TextReader } from './text-reader.js'

/**
 * Longest text read (characters): a whole paper fits several times; a 10 MB line would take the NLP model
 * most of a minute and gigabytes, so it is reported as a bad line instead and the rest go on.
 */
export const MAX_CLASSIFY_TEXT = 500_000
/** Longest title read (characters). */
export const MAX_CLASSIFY_TITLE = 2_000

/** Fewest distinct content words a text needs for its topic to be told; fewer make any confidence luck. */
export const MIN_CLASSIFY_CONTENT_WORDS = 3

/**
 * Whether a text is too short to tell its topic, and by how much, or null when it is not: fewer than
 * {@link MIN_CLASSIFY_CONTENT_WORDS} distinct content words (a title repeated in the text says no more; a single
 * word, `grokking`, can give a topic confidence 1.0, which is luck), or fewer than that many the library's papers
 * write and they under half of its words (`grokking` among made-up or foreign words is still one word; a short text
 * of the field's own words, `neural networks generalize`, is read). `classify` gives such a text no topic, and
 * similar papers compare it by wording alone.
 */
export function textTooShort(models: Pick<AnalysisModels, 'keywords' | 'topics'>, doc: PreparedText): { words: number; known: number; tooFew: 'words' | 'known' } | null {
  const terms = new Set([...contentTerms(doc.title), ...contentTerms(doc.body)])
  const words = terms.size
  const written = libraryWords(models.keywords)
  const weighed = models.topics ? topicTerms(models.topics) : new Set<string>()
  const known = [...terms].filter((t) => written.has(t) || weighed.has(t)).length
  if (words >= MIN_CLASSIFY_CONTENT_WORDS && (known >= MIN_CLASSIFY_CONTENT_WORDS || known * 2 >= words)) return null
  return { words, known, tooFew: words < MIN_CLASSIFY_CONTENT_WORDS ? 'words' : 'known' }
}

/** Earliest year a text may be dated (`year`): an earlier one is a typo, not a paper. */
export const MIN_TEXT_YEAR = 1000

/** Latest year a text may be dated: next year, as a paper in next year's volume is (UTC). */
export function latestTextYear(now: Date = new Date()): number {
  return now.getUTCFullYear() + 1
}

/**
 * The year a text was written, optional: given, a text is dated as a library paper is, and the same two rules hold
 * (no key word the text does not write that the library first wrote five or more years later is suggested, and no
 * topic so named is given: keywords.ts, SUGGESTION_YEARS_AHEAD and topicsNamedLater). null is left out.
 */
const TextYearSchema = z
  .number()
  .int({ error: (issue) => `must be a whole year (2005), got ${String(issue.input)}` })
  .min(MIN_TEXT_YEAR, `is before ${MIN_TEXT_YEAR}`)
  .refine((year) => year <= latestTextYear(), { error: (issue) => `${String(issue.input)} is after next year (${latestTextYear()})` })

/** One input line. Unknown fields (curated topics, key words, a `date`) are dropped, never read. */
export const ClassifyInputSchema = z
  .object({
    id: z.union([z.string().refine((id) => id.trim() !== '', 'is empty'), z.number()]),
    // Either may be left out (an abstract with no title, as the corpus's abstracts page gives them), not both;
    // null is left out too, as exporters write a missing field.
    title: z
      .string()
      .max(MAX_CLASSIFY_TITLE, `longer than ${MAX_CLASSIFY_TITLE.toLocaleString('en')} characters`)
      .nullish()
      .transform((title) => title ?? ''),
    text: z
      .string()
      .max(MAX_CLASSIFY_TEXT, `longer than ${MAX_CLASSIFY_TEXT.toLocaleString('en')} characters; split it or keep the abstract`)
      .nullish()
      .transform((text) => text ?? ''),
    year: TextYearSchema.nullish(),
  })
  .refine((input) => input.title.trim() !== '' || input.text.trim() !== '', '"title" and "text" are both empty or missing: there is nothing to classify')
  // A year left out (or null) is no key at all: such a line is read as it always was.
  .transform(({ year, ...input }): typeof input & { year?: number } => (year === null || year === undefined ? input : { ...input, year }))
export type ClassifyInput = z.infer<typeof ClassifyInputSchema>

/** One output line. */
export interface ClassifiedText {
  id: string | number
  /** Predicted topics with calibrated confidences; empty when the text is unsorted. */
  topics: Array<{ label: string; score: number }>
  /**
   * True when no topic reached the model's confidence threshold, the best one is a close call one word decides, or
   * the text has fewer than {@link MIN_CLASSIFY_CONTENT_WORDS} content words (topicWhy then says which; such a text
   * gets only the curated key words it writes).
   */
  unsorted: boolean
  /**
   * True when the text is further from every topic than any curated paper: unsorted, and nothing suggested. Never for
   * fewer than {@link MIN_CLASSIFY_CONTENT_WORDS} content words, too few to tell.
   */
  offTopic: boolean
  /**
   * Why the text is unsorted, null when it is not: `too-short` for fewer than {@link MIN_CLASSIFY_CONTENT_WORDS}
   * content words, else `off-topic` (wins over the others), `too-short` (too few words the library's papers use), `low-confidence`,
   * `named-later` (only for a text given its `year`), `one-word` (the classifier's UnsortedReason), or `no-model` when the
   * library has no curated topics.
   */
  unsortedBecause: UnsortedReason | null
  /** The sentence a reader sees for it (unsortedSentence, naming the closest topic or the deciding word); null when sorted. */
  unsortedNote: string | null
  /** What pushed the text towards its best topic, strongest first (or why it is off topic). */
  topicWhy: string[]
  keywords: string[]
  /**
   * The same key words with how they were found: `extracted` ones are phrases of the text, `suggested` ones
   * are not in it (similar papers' or the topic's curated key words); the ranker's score and what weighed most.
   */
  keywordDetails: Array<{ text: string; origin: 'extracted' | 'suggested'; score: number; why: string[] }>
  /** Why the text has fewer than two key words (see `fewKeywordsNote`); null when it has two or more. */
  keywordsNote: string | null
  /** The language the text is in when it is not English (`French`), which gives it no key words; null for English or a text too short to tell. */
  language: string | null
  /** One or two sentences of the text, or null when it has no complete sentence. */
  digest: string | null
}

export interface TextClassifier {
  /**
   * Async because a library's ONNX embedding model (when it has one) runs asynchronously. `read` is the text
   * already read by {@link readText} (on a reading thread); without it the text is read here.
   */
  classify(input: ClassifyInput, read?: ReadText): Promise<ClassifiedText>
  /** The topic labels the model knows (empty when the library has no curated topics). */
  labels: string[]
  /**
   * Has `reader` read the topic names too, which the topics of some texts need (classifyTopics' `names`), so this
   * thread never loads the NLP model for them. Called before the texts are sent, the names come back first.
   */
  readNamesWith(reader: TextReader): void
  /**
   * Builds the tables the models are read through now, not on the first text (the library's words alone take a few
   * hundredths of a second): a batch calls it while its first texts are being read on the other thread.
   */
  prepare(): void
}

/** A line read: its input and any warnings, or why it is bad and its id when that could be read. */
export type ClassifyLine =
  | { ok: true; input: ClassifyInput; warnings: string[] }
  | { ok: false; id: ClassifyInput['id'] | null; error: PaperscopeError }

/** A number written as the value of an `"id"` key, as the line spells it. */
const NUMBER_ID = /[{,]\s*"id"\s*:\s*(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g

/**
 * The id as the line writes it: a number that JSON.stringify would print otherwise (`2310.10` as 2310.1, a
 * 20-digit integer rounded, `1e400` as null) is kept as its token, a string, so the output still names the
 * input's line. `changed` is that token. Any other id is returned as read.
 */
function idAsWritten(id: unknown, line: string): { id: unknown; changed?: string } {
  if (typeof id !== 'number') return { id }
  // The first `"id": <number>` with this value: a nested object's id rarely has the same one.
  const token = [...line.matchAll(NUMBER_ID)].map((m) => m[1] as string).find((t) => Number(t) === id)
  if (token === undefined || JSON.stringify(id) === token) return { id }
  return { id: token, changed: token }
}

/** What each field of a line must be, for messages. */
const FIELD_TYPES: Record<string, string> = { id: 'a string or a number', title: 'a string', text: 'a string', year: 'an integer year (2005)' }

function kindOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}

/**
 * A line of the wrong shape in plain words (`"id" is missing`, `"id" must be a string or a number, got an
 * object`); null when the shape is right and the schema's own message says what is wrong (a text too long).
 */
function shapeProblem(json: unknown, field: string | undefined): string | null {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return `a line must be a JSON object {"id", "title", "text"}, got ${kindOf(json)}`
  if (field === undefined || !(field in FIELD_TYPES)) return null
  const value = (json as Record<string, unknown>)[field]
  if (value === undefined) return field === 'id' ? '"id" is missing' : null
  const fits = field === 'year' ? typeof value === 'number' : typeof value === 'string' || (field === 'id' && typeof value === 'number')
  return fits ? null : `"${field}" must be ${FIELD_TYPES[field]}, got ${kindOf(value)}`
}

/**
 * Reads one JSON line. A bad line is a value naming the line and what is wrong (PARSE_FAILED), with the
 * line's id when it has a usable one, so the caller can still answer that line.
 * @example parseClassifyLine('{"id":1,"title":"Grokking","text":"..."}', 1) // { ok: true, input: {...}, warnings: [] }
 */
export function parseClassifyLine(line: string, lineNumber: number, source = 'input'): ClassifyLine {
  // Editors on Windows start UTF-8 files with a byte-order mark, which JSON.parse refuses.
  const text = lineNumber === 1 && line.startsWith('\uFEFF') ? line.slice(1) : line
  const bad = (message: string, id: ClassifyInput['id'] | null, more: { field?: string; cause?: unknown } = {}): ClassifyLine => ({
    ok: false,
    id,
    error: new PaperscopeError('PARSE_FAILED', `line ${lineNumber}: ${message}`, { source, line: lineNumber, ...more }),
  })
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (err) {
    return bad(`not JSON (${(err as Error).message})`, null, { cause: err })
  }
  const read = json !== null && typeof json === 'object' && 'id' in json ? idAsWritten(json.id, text) : { id: undefined }
  const warnings =
    read.changed === undefined
      ? []
      : [`line ${lineNumber}: id ${read.changed} is a number that JSON reads as ${JSON.stringify((json as { id: number }).id)}; it is printed as the string "${read.changed}"; quote ids`]
  const parsed = ClassifyInputSchema.safeParse(read.changed === undefined ? json : { ...(json as object), id: read.id })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const field = issue?.path.join('.') || undefined
    const usableId = (typeof read.id === 'string' && read.id.trim() !== '') || typeof read.id === 'number' ? read.id : null
    // A custom issue (an empty id, nothing to classify) says all it needs; a wrong shape is said in plain words.
    const said = `${field ? `"${field}" ` : ''}${issue?.message ?? 'invalid'}`
    return bad(issue?.code === 'custom' ? said : (shapeProblem(json, field) ?? said), usableId, field ? { field } : {})
  }
  return { ok: true, input: parsed.data, warnings }
}

/**
 * The classifier of the current library. When the library was never analysed, it is analysed first (the
 * models are fitted and stored), and `trained` says so.
 */
export async function createTextClassifier(
  store: PaperStore,
  options: AnalyzeOptions = {},
): Promise<{ classifier: TextClassifier; trained: AnalyzeReport | null }> {
  const empty = (): PaperscopeError =>
    new PaperscopeError('NOT_FOUND', 'the library has no papers to learn from; import some first')
  let models = await loadAnalysisModels(store)
  let trained: AnalyzeReport | null = null
  if (!models) {
    if ((await store.libraryStats()).papers === 0) throw empty()
    trained = await analyzeNewPapers(store, options)
    models = await loadAnalysisModels(store)
  }
  // Models fitted when the library was still empty know nothing: their answers would look like results.
  if (!models || models.librarySize === 0) throw empty()
  const fitted = models
  const curated = await store.analysis.listCuratedKeywordVectors()
  const labels = fitted.topics?.labels ?? []
  let names: Promise<TopicNames> | undefined
  // When each topic's name was first written, read for the first text given a year: a name no curated key word spells
  // as written is normalized by the NLP model, which this thread then loads and texts without a year never need.
  let nameYears: Map<string, number> | undefined
  const namedLaterTopics = (year: number): ReturnType<typeof topicsNamedLater> => topicsNamedLater((nameYears ??= topicNameYears(fitted.keywords, labels)), year)
  const classifier: TextClassifier = {
    labels,
    readNamesWith(reader) {
      if (names || labels.length === 0) return
      names = Promise.all(labels.map((label) => reader.read(topicNameText(label)))).then((reads) => new Map(reads.map((r, c) => [labels[c] as string, r.doc])))
      // Awaited by every text classified; with none (every line bad) a thread closed meanwhile is no unhandled rejection.
      names.catch(() => {})
    },
    prepare() {
      if (fitted.topics) prepareTopicModel(fitted.topics)
      libraryWords(fitted.keywords)
    },
    async classify(input, read = readText(input)) {
      const { doc } = read
      // A dated text is dated as a library paper is: no topic or key word named long after it (the same rules).
      const dated = input.year === undefined ? {} : { year: input.year }
      const exclude = input.year === undefined || !fitted.topics ? undefined : namedLaterTopics(input.year)
      const prediction = fitted.topics ? classifyTopics(fitted.topics, doc, { ...(names ? { names: await names } : {}), ...(exclude ? { exclude } : {}) }) : null
      const short = textTooShort(fitted, doc)
      const tooShort = short !== null
      const { words, known } = short ?? { words: 0, known: 0 }
      const fewWords = short?.tooFew === 'words'
      // One or two content words are too short first: their distance from every topic is as much luck as a
      // confidence would be (`transformers` alone was off topic), so it cannot say off topic either.
      const offTopic = !fewWords && (prediction?.offTopic ?? false)
      // A text too short to tell has no topics to give, however confident: it is listed under none and its key
      // words draw on none (keywordEvidence, the rule the library's analysis and the evals follow too). Enough
      // words, few of them the library's, that are off topic say off topic: the classifier measured that, and
      // it suggests nothing from the library.
      const sorted: TopicPrediction | null =
        prediction && tooShort
          ? { ...prediction, offTopic, topics: [], unsorted: true, unsortedBecause: offTopic ? 'off-topic' : 'too-short', tooShort: short }
          : prediction
      const shown = assignTopics([], sorted)
      const evidence = keywordEvidence([], sorted)
      // Key-word neighbours are found with the vectors the library's papers have (LSA or its ONNX model).
      const ranked = extractKeywords(fitted.keywords, doc, {
        neighbours: evidence.similarPapers && !fewWords ? keywordNeighbours(await textVector(fitted, input, doc), curated) : [],
        topics: evidence.topics,
        shownTopics: evidence.shownTopics,
        unsorted: evidence.unsorted,
        ...dated,
      })
      // One or two words are their own only phrase: given back as a key word (`repeat` for "repeat") they say
      // nothing a reader did not type, unless curators list them (`Grokking`), which ties the text to the papers
      // filed under it. Nothing is suggested either: its neighbours are as much luck as its topic.
      const { language } = textLanguage(doc)
      const keywords = fewWords ? ranked.filter((k) => k.inText && (fitted.keywords.keywordFrequency[k.key] ?? 0) > 0) : ranked
      return {
        id: input.id,
        topics: shown.map((t) => ({ label: t.label, score: probability3(t.confidence ?? 0) })),
        unsorted: tooShort || (prediction?.unsorted ?? true),
        offTopic,
        ...unsortedOf(sorted),
        topicWhy: tooShort
          ? [
              words < MIN_CLASSIFY_CONTENT_WORDS
                ? `too little text (${words} content word${words === 1 ? '' : 's'}) to tell its topic`
                : `too few words the library's papers use (${known} of ${words} content words) to tell its topic`,
              ...(offTopic ? (prediction?.why.map((w) => w.label) ?? []) : []),
            ]
          : prediction
            ? prediction.why.map((w) => w.label)
            : ['the library has no curated topics to learn from (import an awesome list or other sections)'],
        keywords: keywords.map((k) => k.text),
        keywordDetails: keywords.map((k) => ({
          text: k.text,
          origin: k.inText ? 'extracted' : 'suggested',
          score: probability3(k.score),
          why: k.why.map((w) => w.label),
        })),
        // Why a text may have no key words: they are read from English only; the note names that only for such a text,
        // and before its length (a Chinese text is read as one content word).
        keywordsNote: fewWords && !language ? tooShortKeywordsNote(keywords.length, words) : fewKeywordsNote(keywords.length, { language }),
        language,
        digest: read.digest,
      }
    },
  }
  return { classifier, trained }
}

/**
 * Why a text of fewer than {@link MIN_CLASSIFY_CONTENT_WORDS} content words shows fewer than two key words: it
 * gets only the curated key words it writes. Null with two or more.
 */
export function tooShortKeywordsNote(shown: number, words: number): string | null {
  if (shown >= 2) return null
  const length = `the text is too short (${words} content word${words === 1 ? '' : 's'}) for key words of its own`
  return shown === 0
    ? `No key words: ${length}, and it writes no key word the library's curators list.`
    : `Fewer than two key words: ${length}; only the key words the library's curators list that it writes are shown.`
}

/** Why a text is unsorted and the sentence that says it; no prediction: the library has no curated topics. */
function unsortedOf(prediction: TopicPrediction | null): Pick<ClassifiedText, 'unsortedBecause' | 'unsortedNote'> {
  const unsortedBecause: UnsortedReason | null = prediction ? prediction.unsortedBecause : 'no-model'
  return { unsortedBecause, unsortedNote: unsortedSentence({ ...prediction, unsortedBecause }) }
}

/**
 * A thread that reads texts for {@link TextClassifier.classify} (src/commands/text-reader.ts), for a batch.
 * @example const reader = startTextReader(); await classifier.classify(input, await reader.read(input))
 */
export function startTextReader(): TextReader {
  return startTextReaderOn(readTextThreadModule())
}

/**
 * A probability with three decimals that never rounds to certainty: 0.9996 is 0.999, not 1 (a calibrated
 * model is never sure), and 0.0004 is 0.001 (unless it is exactly 0 or 1).
 */
function probability3(p: number): number {
  const rounded = Math.round(p * 1000) / 1000
  if (p > 0 && p < 1) return Math.min(0.999, Math.max(0.001, rounded))
  return rounded
}
