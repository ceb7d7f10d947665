/**
 * @module `paperscope classify --jsonl`: topics, key words and a digest for texts the library has never seen,
 * with the models trained on the current library (offline, nothing is written for the texts). Labels in the
 * input are never read: a line is only its id, title and text.
 */
import { z } from 'zod'
import { PaperscopeError } from '../core/index.js'
import { assignTopics, classifyTopics, extractKeywords, generateDigest, prepareText } from '../analysis/index.js'
import type { PaperStore } from '../store/index.js'
import {
  analyzeNewPapers,
  keywordNeighbours,
  loadAnalysisModels,
  textVector,
  type AnalyzeOptions,
  type AnalyzeReport,
} from './analyze-library.js'

/**
 * Longest text read (characters): a whole paper fits several times; a 10 MB line would take the NLP model
 * most of a minute and gigabytes, so it is reported as a bad line instead and the rest go on.
 */
export const MAX_CLASSIFY_TEXT = 500_000
/** Longest title read (characters). */
export const MAX_CLASSIFY_TITLE = 2_000

/** One input line. Unknown fields (curated topics, key words) are dropped, never read. */
export const ClassifyInputSchema = z.object({
  id: z.union([z.string(), z.number()]),
  title: z.string().max(MAX_CLASSIFY_TITLE, `longer than ${MAX_CLASSIFY_TITLE.toLocaleString('en')} characters`),
  text: z.string().max(MAX_CLASSIFY_TEXT, `longer than ${MAX_CLASSIFY_TEXT.toLocaleString('en')} characters; split it or keep the abstract`),
})
export type ClassifyInput = z.infer<typeof ClassifyInputSchema>

/** One output line. */
export interface ClassifiedText {
  id: string | number
  /** Predicted topics with calibrated confidences; empty when the text is unsorted. */
  topics: Array<{ label: string; score: number }>
  /** True when no topic reached the model's confidence threshold. */
  unsorted: boolean
  /** True when the text is further from every topic than any curated paper: unsorted, and nothing suggested. */
  offTopic: boolean
  /** What pushed the text towards its best topic, strongest first (or why it is off topic). */
  topicWhy: string[]
  keywords: string[]
  /**
   * The same key words with how they were found: `extracted` ones are phrases of the text, `suggested` ones
   * are not in it (similar papers' or the topic's curated key words); the ranker's score and what weighed most.
   */
  keywordDetails: Array<{ text: string; origin: 'extracted' | 'suggested'; score: number; why: string[] }>
  /** One or two sentences of the text, or null when it has no complete sentence. */
  digest: string | null
}

export interface TextClassifier {
  /** Async because a library's ONNX embedding model (when it has one) runs asynchronously. */
  classify(input: ClassifyInput): Promise<ClassifiedText>
  /** The topic labels the model knows (empty when the library has no curated topics). */
  labels: string[]
}

/**
 * Reads one JSON line; throws PaperscopeError('PARSE_FAILED') naming the line and what is wrong.
 * @example parseClassifyLine('{"id":1,"title":"Grokking","text":"..."}', 1)
 */
export function parseClassifyLine(line: string, lineNumber: number, source = 'input'): ClassifyInput {
  let json: unknown
  try {
    json = JSON.parse(line)
  } catch (err) {
    throw new PaperscopeError('PARSE_FAILED', `line ${lineNumber}: not JSON (${(err as Error).message})`, {
      source,
      line: lineNumber,
      cause: err,
    })
  }
  const parsed = ClassifyInputSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const field = issue?.path.join('.') || undefined
    throw new PaperscopeError(
      'PARSE_FAILED',
      `line ${lineNumber}: ${field ? `"${field}" ` : ''}${issue?.message ?? 'invalid'} (expected {"id", "title", "text"})`,
      {
        source,
        line: lineNumber,
        ...(field ? { field } : {}),
      },
    )
  }
  return parsed.data
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
    new PaperscopeError('NOT_FOUND', `the library at ${store.location} has no papers to learn from; import some first`)
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
  const curated = (await store.analysis.listVectors())
    .filter((v) => v.curatedKeywords.length > 0)
    .map((v) => ({ id: v.paperId, vector: v.vector, keywords: v.curatedKeywords }))
  const classifier: TextClassifier = {
    labels: fitted.topics?.labels ?? [],
    async classify(input) {
      const doc = prepareText({ title: input.title, text: input.text })
      const prediction = fitted.topics ? classifyTopics(fitted.topics, doc) : null
      // Key-word neighbours are found with the vectors the library's papers have (LSA or its ONNX model); an
      // off-topic text's nearest papers are near by accident, so nothing is suggested from them.
      const offTopic = prediction?.offTopic ?? false
      const keywords = extractKeywords(fitted.keywords, doc, {
        neighbours: offTopic ? [] : keywordNeighbours(await textVector(fitted, input, doc), curated),
        topics: offTopic ? [] : (prediction?.topics ?? []),
      })
      return {
        id: input.id,
        topics: assignTopics([], prediction).map((t) => ({
          label: t.label,
          score: Math.round((t.confidence ?? 0) * 1000) / 1000,
        })),
        unsorted: prediction?.unsorted ?? true,
        offTopic,
        topicWhy: prediction?.why.map((w) => w.label) ?? [],
        keywords: keywords.map((k) => k.text),
        keywordDetails: keywords.map((k) => ({
          text: k.text,
          origin: k.inText ? 'extracted' : 'suggested',
          score: Math.round(k.score * 1000) / 1000,
          why: k.why.map((w) => w.label),
        })),
        digest: generateDigest(input.text, input.title, { prepared: doc })?.text ?? null,
      }
    },
  }
  return { classifier, trained }
}
