/**
 * @module `paperscope analyze` and the analysis every import runs after it (issue 4).
 *
 * {@link analyzeLibrary} refits everything on the library as it is: LSA paper vectors on every paper's title
 * and text, the topic classifier on the curated topics (the awesome list's sections; the taxonomy is data),
 * the key-word ranker on the curated key words; then it embeds every paper, predicts topics for papers
 * without curated ones ("unsorted" below the model's confidence threshold), extracts key words for every
 * paper, writes a digest for papers with an abstract and no digest from a source, and computes novelty
 * against earlier papers and topical centrality (the inputs of the researcher metrics).
 *
 * {@link analyzeNewPapers} is the incremental path run after imports and syncs: papers that are new or whose
 * inputs changed are analysed with the stored models; novelty is updated (exact, without comparing every
 * pair again) and centrality recomputed for the library.
 * It refits instead (a full run) when no model is stored, when the curated topics name labels the stored
 * model does not know, when the library grew (by a tenth since the models were fitted; by any paper up to
 * {@link ALWAYS_REFIT_UP_TO} papers), or when the paper vectors are to come from another model.
 *
 * Paper vectors (similar papers, novelty, centrality, key-word neighbours) come from the LSA model by
 * default, or from a local ONNX sentence-embedding model when `analyze --embedding-model DIR` set one: the
 * library remembers its choice (in the stored vector model) until it is switched again. The LSA model is
 * fitted either way: it gives the terms that explain why two papers are similar.
 */
import { createHash } from 'node:crypto'
import { resolve } from 'node:path'
import { PaperscopeError, dateYear, pluralize } from '../core/index.js'
import {
  assignTopics,
  centralityPercentiles,
  classifyTopics,
  embedPrepared,
  extractKeywords,
  fitKeywordModel,
  fitTopicClassifier,
  fitVectorModel,
  generateDigest,
  indexEntry,
  MODEL_VERSION,
  keywordEvidence,
  keywordsBesideCurated,
  prepareText,
  RANK_ALL,
  textLanguage,
  topK,
  topicModelFromJson,
  topicModelToJson,
  topicProbabilities,
  topicsNamedLater,
  topicNameYears,
  tooLittleKnown,
  updateNovelty,
  vectorModelFromJson,
  vectorModelToJson,
  type IndexedPaper,
  type KeywordModel,
  type KeywordNeighbour,
  type PreparedText,
  type TopicModel,
  type TopicModelJson,
  type TopicPrediction,
  type VectorModel,
  type VectorModelJson,
} from '../analysis/index.js'
import type { OnnxEmbedder } from '../embedding/index.js'
import type {
  PaperAnalysisInput,
  PaperAnalysisWrite,
  PaperNoveltyWrite,
  PaperStore,
  StoredModel,
  StoredVector,
} from '../store/index.js'
import { computeNoveltyOnThreads } from './novelty-threads.js'

/** LSA dimensions of the paper vectors. */
export const VECTOR_DIMENSIONS = 100
/** Curated papers whose key words count as evidence for a paper's key words. */
export const KEYWORD_NEIGHBOURS = 10
/** Nearest earlier papers kept as the evidence of a novelty. */
export const NOVELTY_EVIDENCE = 3
/** The incremental path refits once the library is this many times the size the models were fitted on. */
export const REFIT_GROWTH = 1.1
/**
 * Up to this many papers, an import that adds papers refits the models (with LSA paper vectors; an ONNX
 * model's do not depend on the library): a full analysis takes seconds here
 * (about 11 s for 2,000 papers on 2 cores), and papers analysed with models fitted without them read less novel
 * (their own wording is what the stored LSA space lacks): on the corpus, the researcher profile imported last
 * put its owner at Novelty 40.1% instead of 55.3%.
 */
export const ALWAYS_REFIT_UP_TO = 2000

export type AnalyzeStage = 'reading' | 'embedding' | 'fitting' | 'analysing' | 'novelty' | 'saving'

/** Texts per call to an ONNX embedder, between progress reports. */
const EMBED_CHUNK = 64

/** The stored description of a library's ONNX embedding model. */
export interface EmbedderSpec {
  kind: 'onnx'
  /** Absolute path of the model folder. */
  path: string
  /** The embedder's name when fitted (folder and model-file fingerprint); stored vectors carry it. */
  name: string
  dimensions: number
}

export interface AnalyzeProgress {
  stage: AnalyzeStage
  done: number
  total: number
}

export interface AnalyzeOptions {
  onProgress?: (progress: AnalyzeProgress) => void
  now?: () => Date
  /**
   * Where the paper vectors should come from: a local ONNX model folder, or `lsa`. Unset keeps the
   * library's current choice; a different one makes the run a full refit.
   */
  embeddingModel?: string
  /**
   * When growth makes the incremental path refit (defaults {@link REFIT_GROWTH}, {@link ALWAYS_REFIT_UP_TO}):
   * tests of the incremental path on the small corpus set these.
   */
  refit?: { growth?: number; alwaysUpTo?: number }
}

/** What an analysis run did. */
export interface AnalyzeReport {
  mode: 'full' | 'incremental'
  /** Why a full run happened (`no stored models`, `requested`), or null for an incremental one. */
  reason: string | null
  /** Papers in the library. */
  papers: number
  /** Papers (re)analysed in this run. */
  analyzed: number
  models: {
    vectors: {
      dimensions: number
      trainingSize: number
      fittedAt: string
      /** Name of the model that makes the paper vectors (`lsa-100`, `onnx:all-MiniLM-L6-v2@1a2b3c4d`). */
      embedder: string
      /** The ONNX model's folder, or null for LSA. */
      embeddingModel: string | null
      /** Dimensions of the paper vectors (the LSA model's, or the ONNX model's). */
      vectorDimensions: number
    } | null
    topics: {
      labels: string[]
      trainingSize: number
      temperature: number
      unsortedBelow: number
      fittedAt: string
    } | null
    keywords: { trainingSize: number; fittedAt: string } | null
  }
  /** Over the papers analysed in this run. */
  topics: { curated: number; predicted: number; unsorted: number }
  keywords: { papers: number; phrases: number }
  digests: { generated: number }
  /**
   * Papers of the whole library with a novelty, and those without one because the vector model knows too little of
   * their text to place them (one word of a bare title), which have no centrality either.
   */
  novelty: { papers: number; tooLittleKnown: number }
  ms: Record<AnalyzeStage, number> & { total: number }
}

/** The fitted models, in memory. */
export interface AnalysisModels {
  vectors: VectorModel
  /** The ONNX model that makes the paper vectors instead of LSA, or null. */
  embedder: OnnxEmbedder | null
  topics: TopicModel | null
  keywords: KeywordModel
  fittedAt: string
  librarySize: number
}

/** A paper's text as the models read it: the abstract and a source's digest (never a generated one). */
export function analysisText(p: Pick<PaperAnalysisInput, 'abstract' | 'digest'>): string {
  return [p.abstract, p.digest?.text].filter((t): t is string => Boolean(t && t.trim())).join('\n\n')
}

/** Characters of a paper's title, abstract and digest, as the store counts them for its vectors (`textLength`). */
function analysisTextLength(p: Pick<PaperAnalysisInput, 'title' | 'abstract' | 'digest'>): number {
  return p.title.length + (p.abstract?.length ?? 0) + (p.digest?.text.length ?? 0)
}

/** Hash of everything the analysis of one paper reads; a paper is re-analysed when it changes. */
export function analysisInputHash(p: PaperAnalysisInput): string {
  const parts = [
    p.title,
    p.abstract ?? '',
    p.digest?.text ?? '',
    p.date ?? '',
    p.curatedTopics.join('\u0001'),
    p.curatedKeywords.join('\u0001'),
  ]
  return createHash('sha1').update(parts.join('\u0000')).digest('hex')
}

function emptyReport(mode: AnalyzeReport['mode'], reason: string | null, papers: number): AnalyzeReport {
  return {
    mode,
    reason,
    papers,
    analyzed: 0,
    models: { vectors: null, topics: null, keywords: null },
    topics: { curated: 0, predicted: 0, unsorted: 0 },
    keywords: { papers: 0, phrases: 0 },
    digests: { generated: 0 },
    novelty: { papers: 0, tooLittleKnown: 0 },
    ms: { reading: 0, embedding: 0, fitting: 0, analysing: 0, novelty: 0, saving: 0, total: 0 },
  }
}

function timer(report: AnalyzeReport): (stage: AnalyzeStage, started: number) => void {
  return (stage, started) => {
    report.ms[stage] += Date.now() - started
  }
}

function prepareAll(
  inputs: readonly PaperAnalysisInput[],
  onProgress?: AnalyzeOptions['onProgress'],
): PreparedText[] {
  return inputs.map((p, i) => {
    if (i % 25 === 0) onProgress?.({ stage: 'reading', done: i, total: inputs.length })
    return prepareText({ title: p.title, text: analysisText(p) })
  })
}

/** A paper with curated key words and its vector, as the store lists them: what key-word neighbours are found among. */
export type CuratedKeywordVector = Pick<StoredVector, 'paperId' | 'vector' | 'curatedKeywords'>

/** The curated papers most similar to a vector (never `self`), as key-word evidence. */
export function keywordNeighbours(vector: Float32Array, curated: readonly CuratedKeywordVector[], self?: string): KeywordNeighbour[] {
  const out: KeywordNeighbour[] = []
  for (const c of curated) {
    if (c.paperId === self) continue
    let s = 0
    for (let d = 0; d < vector.length; d++) s += (vector[d] as number) * (c.vector[d] as number)
    if (s > 0) out.push({ similarity: s, keywords: c.curatedKeywords })
  }
  return topK(out, KEYWORD_NEIGHBOURS, (a, b) => b.similarity - a.similarity)
}

/**
 * Fits the three models on the library. `paperVectors` are the papers' vectors when an ONNX model makes them
 * (key-word neighbours are found with the vectors the library uses); without them, the LSA vectors.
 */
export function fitAnalysisModels(
  inputs: readonly PaperAnalysisInput[],
  docs: readonly PreparedText[],
  fittedAt: string,
  paperVectors?: readonly Float32Array[],
): Omit<AnalysisModels, 'embedder'> {
  const vectors = fitVectorModel(docs, { dimensions: VECTOR_DIMENSIONS, fittedAt })
  const embedded = paperVectors ?? docs.map((d) => embedPrepared(vectors, d))
  const labelled = inputs.map((p, i) => ({ p, i })).filter(({ p }) => p.curatedTopics.length > 0)
  const labels = new Set(labelled.flatMap(({ p }) => p.curatedTopics))
  const topics =
    labels.size >= 2
      ? fitTopicClassifier(
          labelled.map(({ p, i }) => ({ doc: docs[i] as PreparedText, topics: p.curatedTopics })),
        )
      : null
  const curated = inputs
    .map((p, i) => ({ paperId: p.id, vector: embedded[i] as Float32Array, curatedKeywords: p.curatedKeywords }))
    .filter((c) => c.curatedKeywords.length > 0)
  const keywords = fitKeywordModel(
    inputs.map((p, i) => ({
      doc: docs[i] as PreparedText,
      keywords: p.curatedKeywords,
      neighbours:
        p.curatedKeywords.length > 0 ? keywordNeighbours(embedded[i] as Float32Array, curated, p.id) : [],
      topics: p.curatedTopics,
      ...(p.date ? { year: dateYear(p.date) } : {}),
    })),
  )
  return { vectors, topics, keywords, fittedAt, librarySize: inputs.length }
}

function modelsToStored(models: AnalysisModels, inputs: readonly PaperAnalysisInput[]): StoredModel[] {
  const base = { fittedAt: models.fittedAt, librarySize: models.librarySize }
  const out: StoredModel[] = [
    {
      kind: 'vectors',
      model: { ...vectorModelToJson(models.vectors), ...(models.embedder ? { embedder: embedderSpec(models.embedder) } : {}) },
      ...base,
      trainingSize: inputs.length,
    },
    {
      kind: 'keywords',
      model: models.keywords,
      ...base,
      trainingSize: inputs.filter((p) => p.curatedKeywords.length > 0).length,
    },
  ]
  if (models.topics)
    out.push({
      kind: 'topics',
      model: topicModelToJson(models.topics),
      ...base,
      trainingSize: inputs.filter((p) => p.curatedTopics.length > 0).length,
    })
  return out
}

function embedderSpec(embedder: OnnxEmbedder): EmbedderSpec {
  return { kind: 'onnx', path: embedder.path, name: embedder.name, dimensions: embedder.dimensions }
}

/** The ONNX embedder a stored vector model names, or null for LSA (or a model stored by an older version). */
export function storedEmbedderSpec(vectorModel: unknown): EmbedderSpec | null {
  const spec = (vectorModel as { embedder?: Partial<EmbedderSpec> } | null)?.embedder
  if (!spec || spec.kind !== 'onnx' || typeof spec.path !== 'string' || typeof spec.name !== 'string') return null
  return { kind: 'onnx', path: spec.path, name: spec.name, dimensions: Number(spec.dimensions) || 0 }
}

/** The name stored beside the paper vectors of a vector model (`lsa-100` or the ONNX model's name). */
export function paperVectorEmbedder(vectorModel: unknown): string | null {
  const onnx = storedEmbedderSpec(vectorModel)
  if (onnx) return onnx.name
  const dimensions = (vectorModel as { dimensions?: unknown } | null)?.dimensions
  return typeof dimensions === 'number' ? `lsa-${dimensions}` : null
}

const openEmbedders = new Map<string, Promise<OnnxEmbedder>>()

/**
 * The ONNX embedder of a model folder, loaded once per process (a server keeps its session). Throws
 * PaperscopeError('MODEL_UNAVAILABLE') naming the folder and what is missing.
 */
export function openEmbeddingModel(path: string): Promise<OnnxEmbedder> {
  const key = resolve(path)
  let opened = openEmbedders.get(key)
  if (!opened) {
    // The runtime loads only for a library that uses an ONNX model.
    opened = import('../embedding/index.js').then((m) => m.loadOnnxEmbedder(key))
    openEmbedders.set(key, opened)
    opened.catch(() => openEmbedders.delete(key))
  }
  return opened
}

/** The library's own ONNX model; one that cannot be loaded is an error that says how to switch back to LSA. */
async function openStoredEmbedder(spec: EmbedderSpec): Promise<OnnxEmbedder> {
  try {
    return await openEmbeddingModel(spec.path)
  } catch (err) {
    throw new PaperscopeError(
      'MODEL_UNAVAILABLE',
      `the library's paper vectors come from the ONNX model at ${spec.path}, which cannot be loaded (${(err as Error).message}); restore it, or switch back with \`paperscope analyze --embedding-model lsa\``,
      { source: spec.path, cause: err },
    )
  }
}

/** Releases every ONNX session this process opened; the next use loads the model from disk again. */
export async function closeEmbeddingModels(): Promise<void> {
  const opened = [...openEmbedders.values()]
  openEmbedders.clear()
  await Promise.all(opened.map((p) => p.then((e) => e.close()).catch(() => undefined)))
}

/** Embeds papers with an ONNX model in chunks, reporting progress. */
async function embedPapers(
  embedder: OnnxEmbedder,
  inputs: readonly PaperAnalysisInput[],
  onProgress?: AnalyzeOptions['onProgress'],
): Promise<Float32Array[]> {
  const out: Float32Array[] = []
  for (let start = 0; start < inputs.length; start += EMBED_CHUNK) {
    onProgress?.({ stage: 'embedding', done: start, total: inputs.length })
    const chunk = inputs.slice(start, start + EMBED_CHUNK)
    out.push(...(await embedder.embed(chunk.map((p) => ({ title: p.title, text: analysisText(p) })))))
  }
  onProgress?.({ stage: 'embedding', done: inputs.length, total: inputs.length })
  return out
}

/**
 * The vector of a text the library has not stored (a query, a line to classify), made as the library's papers'
 * were: by its ONNX model when it has one, else by LSA.
 */
export async function textVector(
  models: Pick<AnalysisModels, 'vectors' | 'embedder'>,
  input: { title: string; text: string },
  doc: PreparedText,
): Promise<Float32Array> {
  if (!models.embedder) return embedPrepared(models.vectors, doc)
  return (await models.embedder.embed([input]))[0] as Float32Array
}

/** Index entries (LSA terms) whose vectors are the ONNX model's when it gives them. */
function paperEntries(
  models: Pick<AnalysisModels, 'vectors'>,
  inputs: readonly PaperAnalysisInput[],
  docs: readonly PreparedText[],
  external: readonly Float32Array[] | null,
): IndexedPaper[] {
  return inputs.map((p, i) => {
    const entry = indexEntry(models.vectors, p.id, docs[i] as PreparedText)
    return external ? { ...entry, vector: external[i] as Float32Array } : entry
  })
}

/**
 * An embedding-model setting (`--embedding-model`, PAPERSCOPE_EMBEDDING_MODEL) as an absolute model folder,
 * or null for `lsa`; a relative folder is resolved against `cwd`.
 */
export function resolveEmbeddingModel(setting: string, cwd = process.cwd()): string | null {
  return setting.trim().toLowerCase() === 'lsa' ? null : resolve(cwd, setting)
}

/** The requested embedding model as an absolute folder, null for LSA, undefined for "keep the library's". */
function requestedModel(embeddingModel: string | undefined): string | null | undefined {
  return embeddingModel === undefined ? undefined : resolveEmbeddingModel(embeddingModel)
}

/**
 * The stored models, or null when the vector or key-word model is missing. The library's ONNX embedder is
 * loaded with them unless `withEmbedder` is false; one that cannot be loaded is a MODEL_UNAVAILABLE error
 * saying how to switch back to LSA.
 */
export async function loadAnalysisModels(
  store: Pick<PaperStore, 'analysis'>,
  { withEmbedder = true }: { withEmbedder?: boolean } = {},
): Promise<(AnalysisModels & { stored: StoredModel[]; embedderSpec: EmbedderSpec | null }) | null> {
  const stored = await store.analysis.getModels()
  const vectors = stored.find((m) => m.kind === 'vectors')
  const keywords = stored.find((m) => m.kind === 'keywords')
  if (!vectors || !keywords) return null
  const topics = stored.find((m) => m.kind === 'topics')
  const spec = storedEmbedderSpec(vectors.model)
  const embedder = spec && withEmbedder ? await openStoredEmbedder(spec) : null
  // The stored JSON is the LSA model plus, for an ONNX library, the embedder's description.
  const { embedder: _spec, ...lsa } = vectors.model as VectorModelJson & { embedder?: unknown }
  return {
    embedder,
    embedderSpec: spec,
    vectors: vectorModelFromJson(lsa),
    keywords: keywords.model as KeywordModel,
    topics: topics ? topicModelFromJson(topics.model as TopicModelJson) : null,
    fittedAt: vectors.fittedAt,
    librarySize: vectors.librarySize,
    stored,
  }
}

function describeModels(report: AnalyzeReport, models: AnalysisModels, stored: readonly StoredModel[]): void {
  const size = (kind: StoredModel['kind']): number => stored.find((m) => m.kind === kind)?.trainingSize ?? 0
  report.models = {
    vectors: {
      dimensions: models.vectors.dimensions,
      trainingSize: size('vectors'),
      fittedAt: models.fittedAt,
      embedder: models.embedder?.name ?? `lsa-${models.vectors.dimensions}`,
      embeddingModel: models.embedder?.path ?? null,
      vectorDimensions: models.embedder?.dimensions ?? models.vectors.dimensions,
    },
    topics: models.topics
      ? {
          labels: models.topics.labels,
          trainingSize: size('topics'),
          temperature: models.topics.temperature,
          unsortedBelow: models.topics.unsortedBelow,
          fittedAt: models.fittedAt,
        }
      : null,
    keywords: { trainingSize: size('keywords'), fittedAt: models.fittedAt },
  }
}

/** Analyses papers with fitted models: vector, topics, key words, digest. */
function analysePapers(
  models: AnalysisModels,
  papers: ReadonlyArray<{ input: PaperAnalysisInput; doc: PreparedText; entry: IndexedPaper }>,
  curatedVectors: readonly CuratedKeywordVector[],
  report: AnalyzeReport,
  onProgress?: AnalyzeOptions['onProgress'],
): PaperAnalysisWrite[] {
  const embedder = models.embedder?.name ?? `lsa-${models.vectors.dimensions}`
  const nameYears = topicNameYears(models.keywords, models.topics?.labels ?? [])
  return papers.map(({ input: p, doc, entry }, i) => {
    if (i % 25 === 0) onProgress?.({ stage: 'analysing', done: i, total: papers.length })
    // The year its topics and suggested key words are checked against (named long after it: none).
    const dated = p.date ? { year: dateYear(p.date) } : {}
    let topicStatus: PaperAnalysisWrite['topicStatus'] = 'no-model'
    let topicScores: PaperAnalysisWrite['topicScores'] = []
    let topicWhy: PaperAnalysisWrite['topicWhy'] = []
    let topicUnsorted: PaperAnalysisWrite['topicUnsorted']
    let probabilities: number[] | null = null
    let predictedTopics: PaperAnalysisWrite['predictedTopics'] = []
    let prediction: TopicPrediction | null = null
    if (p.curatedTopics.length > 0) {
      topicStatus = 'curated'
      report.topics.curated++
    } else if (models.topics) {
      // A paper written long before a topic's name is not put under it, nor near its papers by it.
      const exclude = topicsNamedLater(nameYears, dated.year)
      prediction = classifyTopics(models.topics, doc, { exclude })
      // Unsorted for it, what is left is what the classifier gave the other topics against that one: no topic part in
      // its similarity to other papers, as an off-topic paper has none (*Theory of reproducing kernels* had been 0.62
      // alike in topics to *Learning the kernel with hyperkernels* on leftovers under 0.01).
      probabilities = prediction.unsortedBecause === 'named-later' ? null : [...topicProbabilities(models.topics, doc)].map((q, c) => (exclude.has(models.topics!.labels[c]!) ? 0 : q))
      topicScores = prediction.topics.map((t) => ({ label: t.label, score: t.confidence }))
      topicWhy = prediction.why.map((w) => ({ label: w.label, score: w.weight }))
      topicUnsorted = { because: prediction.unsortedBecause, oneWord: prediction.oneWord, ...(prediction.namedLater ? { namedLater: prediction.namedLater } : {}) }
      predictedTopics = assignTopics([], prediction).map((t) => ({
        label: t.label,
        score: t.confidence ?? 0,
      }))
      topicStatus = prediction.unsorted ? 'unsorted' : 'predicted'
      report.topics[prediction.unsorted ? 'unsorted' : 'predicted']++
    }
    // The topics and similar papers its key words may be suggested from, as `classify` and the evals take them.
    const evidence = keywordEvidence(p.curatedTopics, prediction)
    const ranked = extractKeywords(models.keywords, doc, {
      neighbours: evidence.similarPapers ? keywordNeighbours(entry.vector, curatedVectors, p.id) : [],
      topics: evidence.topics,
      shownTopics: evidence.shownTopics,
      curated: p.curatedKeywords,
      unsorted: evidence.unsorted,
      ...dated,
      ...RANK_ALL,
    })
    // Shown beside the curated key words: what reaches two, then confident ones, none restating them.
    const keywords = keywordsBesideCurated(ranked, p.curatedKeywords).map((k) => ({
      text: k.text,
      score: k.score,
      inText: k.inText,
      why: k.why.map((w) => ({ label: w.label, score: w.weight })),
    }))
    if (keywords.length > 0) report.keywords.papers++
    report.keywords.phrases += keywords.length
    // With no digest from a source, the prepared text is the title and the abstract alone: read it once.
    const generated = p.abstract && !p.digest ? generateDigest(p.abstract, p.title, { prepared: doc }) : null
    if (generated) report.digests.generated++
    return {
      paperId: p.id,
      inputHash: analysisInputHash(p),
      embedder,
      vector: entry.vector,
      terms: entry.terms,
      topicStatus,
      topicScores,
      topicProbabilities: probabilities,
      topicWhy,
      ...(topicUnsorted ? { topicUnsorted } : {}),
      predictedTopics,
      keywords,
      // As extractKeywords told it (one answer per prepared text): the stored paper's note says why for its language.
      language: textLanguage(doc).language,
      digest: generated
        ? { text: generated.text, why: generated.why.map((w) => ({ label: w.label, score: w.weight })) }
        : null,
    }
  })
}

/**
 * A paper's vector as novelty and centrality read it: with the words the LSA model knows of its text when too few
 * to place it (then it has neither).
 */
type NoveltyVector = Pick<StoredVector, 'paperId' | 'date' | 'vector' | 'textLength'> & { tooLittleKnown?: readonly string[] }

/**
 * What novelty is told of the words the model knows of a paper's text (`tooLittleKnown`): read from the text with
 * the LSA model that made the vector; for an ONNX model's vector, nothing (it reads words LSA never saw).
 */
function knownWordsOf(models: Pick<AnalysisModels, 'vectors' | 'embedder'>, doc: PreparedText): Pick<NoveltyVector, 'tooLittleKnown'> {
  if (models.embedder) return {}
  const known = tooLittleKnown(models.vectors, doc)
  return known ? { tooLittleKnown: known } : {}
}

/**
 * Novelty against earlier papers and centrality percentiles, for every paper with a vector; neither for a paper
 * the model knows too little of, whose row keeps the words it knows. With the previous rows and the papers that
 * changed, novelty is updated (exact, O(changed × papers)) instead of recomputed; centrality is always ranked anew.
 */
async function noveltyRows(
  vectors: readonly NoveltyVector[],
  update?: { previous: readonly PaperNoveltyWrite[]; changed: ReadonlySet<string> },
  onProgress?: AnalyzeOptions['onProgress'],
): Promise<PaperNoveltyWrite[]> {
  const inputs = vectors.map((v) => ({ paperId: v.paperId, date: v.date, vector: v.vector, textLength: v.textLength, ...(v.tooLittleKnown ? { tooLittleKnown: v.tooLittleKnown } : {}) }))
  const novelty = update
    ? updateNovelty(
        inputs,
        new Map(update.previous.map((n) => [n.paperId, { novelty: n.novelty, nearestEarlier: n.evidence }])),
        update.changed,
        { evidence: NOVELTY_EVIDENCE },
      )
    : await computeNoveltyOnThreads(inputs, {
        evidence: NOVELTY_EVIDENCE,
        // In thousandths: the pair count of a big library overflows a progress bar's display.
        ...(onProgress ? { onProgress: (done: number, total: number) => onProgress({ stage: 'novelty', done: Math.round((1000 * done) / Math.max(1, total)), total: 1000 }) } : {}),
      })
  const centrality = centralityPercentiles(vectors)
  const tooLittle = new Map(vectors.flatMap((v): Array<[string, string[]]> => (v.tooLittleKnown ? [[v.paperId, [...v.tooLittleKnown]]] : [])))
  return novelty.map((n) => ({
    paperId: n.paperId,
    novelty: n.novelty,
    percentile: n.percentile,
    comparedWith: n.comparedWith,
    evidence: n.nearestEarlier.map((e) => ({ paperId: e.paperId, date: e.date, similarity: e.similarity })),
    explanation: n.explanation,
    centralityPercentile: centrality.get(n.paperId) ?? null,
    tooLittleKnown: tooLittle.get(n.paperId) ?? null,
    cohort: n.cohort,
  }))
}

/** The report's counts of papers with a novelty and of those the model knows too little of (no novelty, no centrality). */
function countNovelty(report: AnalyzeReport, novelty: readonly PaperNoveltyWrite[]): void {
  report.novelty.papers = novelty.filter((n) => n.novelty !== null).length
  report.novelty.tooLittleKnown = novelty.filter((n) => n.tooLittleKnown !== null).length
}

/**
 * Refits every model on the library and recomputes every paper's results (`paperscope analyze`).
 * @example const report = await analyzeLibrary(store, { onProgress: ({ stage, done, total }) => bar.update(done) })
 */
export async function analyzeLibrary(
  store: PaperStore,
  { onProgress, now = () => new Date(), embeddingModel }: AnalyzeOptions = {},
  reason = 'requested',
): Promise<AnalyzeReport> {
  const started = Date.now()
  // The requested model, else the one the library already uses (loaded now: a missing one fails before any work).
  const requested = requestedModel(embeddingModel)
  const previous = requested === undefined ? storedEmbedderSpec((await store.analysis.getModels()).find((m) => m.kind === 'vectors')?.model) : null
  const embedder = requested ? await openEmbeddingModel(requested) : requested === undefined && previous ? await openStoredEmbedder(previous) : null
  // Stamped before reading: a paper written while this run works is newer than its analysis, so the next run looks at it again.
  const analyzedAt = now().toISOString()
  let t = Date.now()
  const readAtGeneration = await store.analysis.generation()
  const inputs = await store.analysis.listAnalysisInputs()
  const report = emptyReport('full', reason, inputs.length)
  const took = timer(report)
  const docs = prepareAll(inputs, onProgress)
  onProgress?.({ stage: 'reading', done: inputs.length, total: inputs.length })
  took('reading', t)

  t = Date.now()
  const external = embedder ? await embedPapers(embedder, inputs, onProgress) : null
  took('embedding', t)

  t = Date.now()
  onProgress?.({ stage: 'fitting', done: 0, total: 1 })
  const fittedAt = now().toISOString()
  const models: AnalysisModels = { ...fitAnalysisModels(inputs, docs, fittedAt, external ?? undefined), embedder }
  const stored = modelsToStored(models, inputs)
  describeModels(report, models, stored)
  onProgress?.({ stage: 'fitting', done: 1, total: 1 })
  took('fitting', t)

  t = Date.now()
  // Each paper is embedded once here; the entries serve both the key-word neighbours and the results.
  const entries = paperEntries(models, inputs, docs, external)
  const curated = inputs
    .map((p, i) => ({ paperId: p.id, vector: (entries[i] as IndexedPaper).vector, curatedKeywords: p.curatedKeywords }))
    .filter((c) => c.curatedKeywords.length > 0)
  const papers = analysePapers(
    models,
    inputs.map((input, i) => ({ input, doc: docs[i] as PreparedText, entry: entries[i] as IndexedPaper })),
    curated,
    report,
    onProgress,
  )
  report.analyzed = papers.length
  onProgress?.({ stage: 'analysing', done: papers.length, total: papers.length })
  took('analysing', t)

  t = Date.now()
  const novelty = await noveltyRows(
    inputs.map((p, i) => ({
      paperId: p.id,
      date: p.date,
      vector: papers[i]?.vector as Float32Array,
      textLength: analysisTextLength(p),
      ...knownWordsOf(models, docs[i] as PreparedText),
    })),
    undefined,
    onProgress,
  )
  countNovelty(report, novelty)
  took('novelty', t)

  t = Date.now()
  onProgress?.({ stage: 'saving', done: 0, total: 1 })
  await store.analysis.saveAnalysis({
    replaceAll: true,
    models: stored,
    papers,
    novelty,
    analyzedAt,
    readAtGeneration,
  })
  onProgress?.({ stage: 'saving', done: 1, total: 1 })
  took('saving', t)
  report.ms.total = Date.now() - started
  return report
}

/** Why the stored models should be refitted before an incremental run, or null when they serve. */
async function refitReason(
  store: PaperStore,
  models: Awaited<ReturnType<typeof loadAnalysisModels>>,
  requested: string | null | undefined,
  newPapers: number,
  { growth = REFIT_GROWTH, alwaysUpTo = ALWAYS_REFIT_UP_TO }: AnalyzeOptions['refit'] = {},
): Promise<string | null> {
  if (!models) return 'no stored models'
  const current = models.embedderSpec?.path ?? null
  if (requested !== undefined && requested !== current)
    return `the paper vectors now come from ${requested ? `the ONNX model at ${requested}` : 'LSA'}`
  if (models.embedder && models.embedderSpec && models.embedder.name !== models.embedderSpec.name)
    return `the ONNX model at ${models.embedderSpec.path} changed`
  const versions = [models.vectors.version, models.keywords.version, models.topics?.version].filter((v) => v !== undefined)
  const old = versions.find((v) => v !== MODEL_VERSION)
  if (old !== undefined) return `the analysis changed since its models were fitted (version ${old} → ${MODEL_VERSION})`
  const stats = await store.libraryStats()
  if (stats.papers === 0) return null
  const curatedLabels = Object.keys(stats.perTopic).filter((l) => (stats.perTopic[l] ?? 0) > 0)
  if (!models.topics && curatedLabels.length >= 2) return 'the library now has curated topics'
  if (models.topics && curatedLabels.some((l) => !models.topics!.labels.includes(l)))
    return 'new curated topics'
  // A topic no paper is curated with any more (its list's section was emptied) is no longer one to predict.
  const gone = models.topics?.labels.filter((l) => !curatedLabels.includes(l)) ?? []
  if (gone.length > 0) return `no paper is curated with ${gone.map((l) => `“${l}”`).join(', ')} any more`
  if (stats.papers >= growth * Math.max(1, models.librarySize))
    return `the library grew from ${models.librarySize} to ${stats.papers} papers`
  // An ONNX model's vectors of the papers already there do not change with new papers (it was trained
  // elsewhere), and a refit would embed every paper again: only LSA's space is fitted on the library.
  if (stats.papers <= alwaysUpTo && !models.embedderSpec) {
    // New papers, and not only a larger count: a paper that joined another can leave as many papers as before.
    if (newPapers > 0) return `${pluralize(newPapers, 'new paper')} since the models were fitted`
    if (stats.papers > models.librarySize) return `the library grew from ${models.librarySize} to ${stats.papers} papers`
  }
  return null
}

/**
 * Analyses papers that are new or changed since the last analysis with the stored models, then recomputes
 * novelty and centrality; refits everything instead when the models are missing or stale (see the module
 * comment). Imports and syncs call it after they commit.
 * @example await importFiles(store, paths, opts); await analyzeNewPapers(store)
 */
export async function analyzeNewPapers(
  store: PaperStore,
  options: AnalyzeOptions = {},
): Promise<AnalyzeReport> {
  const { onProgress, now = () => new Date() } = options
  const started = Date.now()
  // Stamped before reading: a paper written while this run works is newer than its analysis, so the next run looks at it again.
  const analyzedAt = now().toISOString()
  const requested = requestedModel(options.embeddingModel)
  // A switch away from a model that is gone must not need that model: look before loading it.
  const stored = await loadAnalysisModels(store, { withEmbedder: false })
  const switching = stored !== null && requested !== undefined && requested !== (stored.embedderSpec?.path ?? null)
  const models = stored && !switching ? await loadAnalysisModels(store) : stored
  let t = Date.now()
  const readAtGeneration = await store.analysis.generation()
  const stale = (await store.analysis.listAnalysisInputs({ onlyStale: true })).filter(
    (p) => analysisInputHash(p) !== p.analyzedHash,
  )
  const newPapers = stale.filter((p) => p.analyzedHash === null).length
  const reason = await refitReason(store, models, requested, newPapers, options.refit)
  if (reason !== null || !models) return analyzeLibrary(store, options, reason ?? 'no stored models')
  const all = await store.analysis.listVectors()
  const report = emptyReport('incremental', null, (await store.libraryStats()).papers)
  describeModels(report, models, models.stored)
  const took = timer(report)
  // Nothing new or changed, and no analysed paper removed: nothing to do. A removal alone recomputes novelty.
  if (stale.length === 0 && !(await store.analysis.noveltyStale())) {
    report.ms.total = Date.now() - started
    return report
  }
  const docs = prepareAll(stale, onProgress)
  took('reading', t)

  t = Date.now()
  const external = models.embedder ? await embedPapers(models.embedder, stale, onProgress) : null
  took('embedding', t)

  t = Date.now()
  const curated = all
    .filter((v) => v.curatedKeywords.length > 0)
  const papers = analysePapers(
    models,
    paperEntries(models, stale, docs, external).map((entry, i) => ({
      input: stale[i] as PaperAnalysisInput,
      doc: docs[i] as PreparedText,
      entry,
    })),
    curated,
    report,
    onProgress,
  )
  report.analyzed = papers.length
  took('analysing', t)

  t = Date.now()
  const fresh = new Map(
    papers.map((p, i): [string, NoveltyVector] => [
      p.paperId,
      {
        paperId: p.paperId,
        date: stale[i]?.date ?? null,
        vector: p.vector,
        textLength: analysisTextLength(stale[i] as PaperAnalysisInput),
        ...knownWordsOf(models, docs[i] as PreparedText),
      },
    ]),
  )
  const previous = await store.analysis.listNovelty()
  // A paper not read again has the text and model it had: the words stored with its novelty still say whether the
  // model knows too little of it, for its novelty and its centrality.
  const tooLittle = new Map(previous.flatMap((n) => (n.tooLittleKnown ? [[n.paperId, n.tooLittleKnown] as const] : [])))
  const kept = all
    .filter((v) => !fresh.has(v.paperId))
    .map((v): NoveltyVector => {
      const words = models.embedder ? undefined : tooLittle.get(v.paperId)
      return words ? { ...v, tooLittleKnown: words } : v
    })
  const novelty = await noveltyRows([...kept, ...fresh.values()], { previous, changed: new Set(fresh.keys()) })
  countNovelty(report, novelty)
  took('novelty', t)

  t = Date.now()
  await store.analysis.saveAnalysis({ papers, novelty, analyzedAt, readAtGeneration })
  took('saving', t)
  report.ms.total = Date.now() - started
  return report
}
