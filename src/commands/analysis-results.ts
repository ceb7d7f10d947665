/**
 * @module Reading the stored analysis results: similar papers, a paper's novelty with its evidence, its
 * predicted topics, and researcher metrics computed from the library. The server and the CLI call these.
 *
 * Similar papers come from an in-memory index of the stored vectors (with curated topics as one-hot and
 * predicted ones as calibrated confidences, none for a paper off topic, and the topics each paper is shown under: the only ones a result
 * names), built on first use and rebuilt whenever an analysis run has written since (the store's generation
 * counter), so a server keeps up with `paperscope analyze` run beside it.
 */
import {
  assignTopics,
  classifyTopics,
  createVectorIndex,
  curatedTopicVector,
  fewKeywordsNote,
  indexEntry,
  metricsFromTotals,
  prepareText,
  researcherTotals,
  similar,
  similarToVector,
  storedUnsortedReason,
  topicSpecificity,
  unsortedSentence,
  type IndexedPaper,
  type PreparedText,
  type ResearcherMetrics,
  type SimilarRanked,
  type TopicPrediction,
  type UnsortedReason,
  type VectorIndex,
} from '../analysis/index.js'
import type { PaperStore, StoredPaperAnalysis } from '../store/index.js'
import { loadAnalysisModels, paperVectorEmbedder, textVector } from './analyze-library.js'
import { createTextClassifier, textTooShort, type ClassifiedText } from './classify-texts.js'

/** Reads analysis results for one store. */
export interface AnalysisReader {
  /** The `k` papers most similar to a paper, with the terms and topic they share; null when it has no vector. */
  similarPapers(paperId: string, k?: number): Promise<SimilarRanked[] | null>
  /**
   * The `k` library papers most similar to a text never seen (a draft abstract, a paper from elsewhere),
   * embedded and classified with the stored models; null before the library was ever analysed. An off-topic
   * text (further from every topic than any curated paper) or one too short to tell its topic is compared by
   * wording alone, and a paper is near it only when they share {@link OFF_TOPIC_SHARED_TERMS} listed terms.
   */
  similarToText(input: { title?: string; text: string }, k?: number): Promise<SimilarRanked[] | null>
  /**
   * Why {@link similarToText} compares a text by wording alone: `off-topic`, `too-short` (as `classify` tells
   * them, off topic first), or null when its topics weigh in; null too before the library was ever analysed.
   */
  comparedByWording(input: { title?: string; text: string }): Promise<WordingOnlyReason | null>
  /**
   * Topics, key words and a digest for a text never seen, as `paperscope classify` gives them (the text is
   * not stored), dated `year` when given as a classify line is; null before the library was ever analysed.
   */
  classifyText(input: { title?: string; text: string; year?: number }): Promise<ClassifiedText | null>
  /** A paper's stored vector and the model that made it, or null when it has none. */
  paperVector(paperId: string): Promise<{ embedder: string; vector: Float32Array } | null>
  /** A paper's stored analysis (topics, key words, digest, novelty), or null when never analysed. */
  paperAnalysis(paperId: string): Promise<StoredPaperAnalysis | null>
  /** Computed researcher metrics beside the reported ones; null before the library was ever analysed. */
  authorMetrics(authorId: string): Promise<ResearcherMetrics | null>
}

/** Why a text's similar papers are found by wording alone, its topics left out. */
export type WordingOnlyReason = 'off-topic' | 'too-short'

/**
 * A text further from every topic than any curated paper, or one too short to tell its topic (`hello there`, no
 * content word: `classify` gives it none, and its confidences are the classifier's prior), has no topics to weigh.
 * As `classify` says them: too few content words first (their distance from every topic is luck too), then off
 * topic, then too few the library's papers use.
 */
function wordingOnlyReason(models: Parameters<typeof textTooShort>[0], doc: PreparedText, prediction: TopicPrediction | null): WordingOnlyReason | null {
  const short = textTooShort(models, doc)
  if (short?.tooFew === 'words') return 'too-short'
  if (prediction?.offTopic) return 'off-topic'
  return short !== null ? 'too-short' : null
}

/** Listed terms an off-topic text must share with a paper for the paper to be near it. */
export const OFF_TOPIC_SHARED_TERMS = 2

/** The topic labels of the stored topic model, without decoding its weights. */
function topicLabels(model: unknown): string[] {
  const labels = (model as { labels?: unknown } | null)?.labels
  return Array.isArray(labels) ? labels.filter((l): l is string => typeof l === 'string') : []
}

async function buildIndex(store: PaperStore): Promise<VectorIndex> {
  const [vectors, models] = await Promise.all([store.analysis.listVectors(), store.analysis.getModels()])
  const labels = topicLabels(models.find((m) => m.kind === 'topics')?.model)
  // Vectors of another embedder (an older model) never mix with the current one's.
  const embedder = paperVectorEmbedder(models.find((m) => m.kind === 'vectors')?.model) ?? vectors[0]?.embedder ?? 'lsa'
  const papers: IndexedPaper[] = vectors.filter((v) => v.embedder === embedder).map((v) => ({
    paperId: v.paperId,
    vector: v.vector,
    terms: v.terms,
    // A paper off topic has none, as a text off topic has none (similarToText): its confidences are near even
    // over all topics (0.10–0.13 each for the title-only `Highway networks`), and any two such papers had topics
    // 0.83 alike, a third of a score that said nothing.
    topics:
      v.curatedTopics.length > 0
        ? curatedTopicVector(labels, v.curatedTopics)
        : !v.offTopic && v.topicProbabilities && v.topicProbabilities.length === labels.length
          ? Float32Array.from(v.topicProbabilities)
          : null,
    // What `show` and the paper page list: the curated topics and the predicted ones stored as assigned.
    shownTopics: [...v.curatedTopics, ...v.predictedTopics],
    date: v.date,
  }))
  return createVectorIndex(papers, { embedder, topicLabels: labels, topicSpecificity: topicSpecificity(labels, vectors.map((v) => v.curatedTopics)) })
}

/**
 * A getter for a value built from the store's analysis: built on first use, kept while no analysis run has
 * written since (the store's generation counter), and null before the library was ever analysed. A build
 * that failed is tried again on the next call.
 */
function perGeneration<T>(store: PaperStore, build: () => Promise<T>): () => Promise<T | null> {
  let cached: Promise<{ generation: number; value: T }> | null = null
  return async () => {
    const generation = await store.analysis.generation()
    if (generation === null) return null
    const existing = cached ? await cached.catch(() => null) : null
    if (existing && existing.generation === generation) return existing.value
    cached = build().then((value) => ({ generation, value }))
    return (await cached).value
  }
}

/**
 * A reader over the store's analysis results; keep one per process (it caches the similarity index).
 * @example const reader = createAnalysisReader(store); await reader.similarPapers(paperId, 5)
 */
export function createAnalysisReader(store: PaperStore): AnalysisReader {
  // Built on first use and again after each analysis run: the similarity index, and the text classifier
  // (models and curated papers' vectors).
  const currentIndex = perGeneration(store, () => buildIndex(store))
  const currentClassifier = perGeneration(store, async () => (await createTextClassifier(store)).classifier)
  return {
    async similarPapers(paperId, k = 10) {
      const index = await currentIndex()
      if (!index || !index.byId.has(paperId)) return null
      // A score of 0 or less is no likeness at all (`--k 100000` listed the whole library down to −0.05).
      return similar(index, paperId, k).filter((s) => s.score > 0)
    },
    async similarToText(input, k = 10) {
      const index = await currentIndex()
      const models = index ? await loadAnalysisModels(store) : null
      if (!index || !models) return null
      const doc = prepareText({ title: input.title ?? '', text: input.text })
      // Topics weigh in as for a paper without curated ones: the classifier's calibrated probabilities. A text
      // further from every topic than any curated paper (a recipe, another language, stray words) has none, and
      // is near only papers it shares some wording with: one word in common (`time` in a recipe and in a
      // time-series paper) is an accident.
      // One classification gives both: whether it is off topic, and every topic's confidence.
      const prediction = models.topics ? classifyTopics(models.topics, doc, { top: models.topics.labels.length }) : null
      const byWording = wordingOnlyReason(models, doc, prediction) !== null
      const confidence = new Map(prediction?.topics.map((t) => [t.label, t.confidence]))
      const topics = models.topics && !byWording ? Float32Array.from(models.topics.labels, (l) => confidence.get(l) ?? 0) : null
      // The text is under the topics a paper with this prediction would be shown under (none when unsorted).
      const shownTopics = assignTopics([], prediction).map((t) => t.label)
      const entry = { ...indexEntry(models.vectors, '', doc, topics), shownTopics }
      // Embedded as the library's papers were (its ONNX model when it has one); the LSA entry gives the terms.
      const vector = await textVector(models, { title: input.title ?? '', text: input.text }, doc)
      const ranked = similarToVector(index, { ...entry, vector }, byWording ? index.papers.length : k).filter((r) => r.score > 0)
      return byWording ? ranked.filter((r) => r.why.length >= OFF_TOPIC_SHARED_TERMS).slice(0, k) : ranked
    },
    async comparedByWording(input) {
      const models = await loadAnalysisModels(store, { withEmbedder: false })
      if (!models) return null
      const doc = prepareText({ title: input.title ?? '', text: input.text })
      return wordingOnlyReason(models, doc, models.topics ? classifyTopics(models.topics, doc) : null)
    },
    async classifyText(input) {
      const classifier = await currentClassifier()
      return classifier ? classifier.classify({ id: 'text', title: input.title ?? '', text: input.text, ...(input.year === undefined ? {} : { year: input.year }) }) : null
    },
    async paperVector(paperId) {
      const index = await currentIndex()
      const i = index?.byId.get(paperId)
      if (!index || i === undefined) return null
      return { embedder: index.embedder, vector: (index.papers[i] as IndexedPaper).vector }
    },
    async paperAnalysis(paperId) {
      return (await store.analysis.getPaperAnalyses([paperId]))[0] ?? null
    },
    async authorMetrics(authorId) {
      if ((await store.analysis.generation()) === null) return null
      const [author, totals] = await Promise.all([store.getAuthor(authorId), store.analysis.getResearcherTotals(authorId)])
      if (!author) return null
      // The totals the ranking of researchers reads, so the two never round a value apart.
      return metricsFromTotals(totals ?? researcherTotals([]), author.profiles.map((p) => p.metrics))
    },
  }
}

/** Why a stored paper has no topic, as the API and `show` say it. */
export interface StoredTopicUnsorted {
  /** Why it is unsorted; null when it is not (curated, predicted, or no topic model). */
  because: UnsortedReason | null
  /** The word a one-word call rests on and the topic closest without it (see TopicPrediction.oneWord). */
  oneWord: TopicPrediction['oneWord']
  /** The sentence a reader sees (unsortedSentence); null when it is not unsorted. */
  note: string | null
}

/**
 * Why a paper's stored analysis left it unsorted, and the sentence that says it. An analysis written before the
 * reason was kept gets it from its reasons and confidences, as the classifier decided it (storedUnsortedReason).
 * @example storedTopicUnsorted(analysis).note // 'Unsorted: no topic is confident enough (closest: Lottery Ticket Hypothesis, 31%).'
 */
export function storedTopicUnsorted(analysis: Pick<StoredPaperAnalysis, 'topicStatus' | 'topicScores' | 'topicWhy' | 'topicUnsorted'>): StoredTopicUnsorted {
  if (analysis.topicStatus !== 'unsorted') return { because: null, oneWord: analysis.topicUnsorted?.oneWord ?? null, note: null }
  const topics = analysis.topicScores.map((t) => ({ label: t.label, confidence: t.score }))
  const kept = analysis.topicUnsorted
  const { unsortedBecause, oneWord } = kept
    ? { unsortedBecause: kept.because, oneWord: kept.oneWord }
    : storedUnsortedReason({ unsorted: true, topics, why: analysis.topicWhy.map((w) => w.label) })
  const because = unsortedBecause ?? 'low-confidence'
  const namedLater = kept?.namedLater
  return { because, oneWord, note: unsortedSentence({ unsortedBecause: because, topics, oneWord, ...(namedLater ? { namedLater } : {}) }) }
}

/**
 * Why a stored paper shows `shown` key words when that is fewer than two, as the API and `show` say it: for a text
 * not in English its language alone, for an English one no other; an analysis written before the language was kept
 * (no `language`) cannot tell, and says both.
 * @example storedKeywordsNote({ language: 'French' }, 0) // 'No key words: the text is not in English (French), …'
 */
export function storedKeywordsNote(analysis: Pick<StoredPaperAnalysis, 'language'>, shown: number): string | null {
  return fewKeywordsNote(shown, analysis.language === undefined ? {} : { language: analysis.language })
}

/**
 * The language of a stored paper's text as the API and `show` name it: `English` (also for a text too short to tell,
 * which the analysis reads as English), another language's name (`French`, which gets no key words), or null for an
 * analysis written before the language was kept (its next analysis keeps it). Unlike `classify`, whose null is
 * English, English is named here, so that null stays free for "not known".
 * @example storedLanguage({ language: 'French' }) // 'French'; storedLanguage({ language: null }) // 'English'
 */
export function storedLanguage(analysis: Pick<StoredPaperAnalysis, 'language'>): string | null {
  if (analysis.language === undefined) return null
  return analysis.language ?? 'English'
}

/** One similar paper for printing: its id, title, date, score (with its two parts) and why. */
export interface SimilarPaperOut {
  paperId: string
  title: string
  date: string | null
  score: number
  /** How alike the wording is (cosine of the vectors). */
  textSimilarity: number
  /** How much the topics agree (cosine of the topic vectors); null when either paper has none. */
  topicAgreement: number | null
  why: string[]
}

async function withTitles(store: PaperStore, ranked: readonly SimilarRanked[]): Promise<SimilarPaperOut[]> {
  const papers = new Map((await store.getPapers(ranked.map((r) => r.paperId))).map((p) => [p.id, p]))
  return ranked.map((r) => ({
    paperId: r.paperId,
    title: papers.get(r.paperId)?.title ?? r.paperId,
    date: papers.get(r.paperId)?.date ?? null,
    score: r.score,
    textSimilarity: r.textSimilarity,
    topicAgreement: r.topicAgreement,
    why: r.why.map((w) => w.label),
  }))
}

/**
 * The library papers nearest to a text never seen, with their titles (`paperscope similar --text`); null
 * before the library was ever analysed.
 * @example await similarPapersToText(store, { text: 'We study grokking in two-layer networks.' }, 5)
 */
export async function similarPapersToText(
  store: PaperStore,
  input: { title?: string; text: string },
  k = 10,
  reader = createAnalysisReader(store),
): Promise<SimilarPaperOut[] | null> {
  const ranked = await reader.similarToText(input, k)
  return ranked ? withTitles(store, ranked) : null
}

/**
 * Similar papers of a paper with their titles (`paperscope similar`); null when the paper has no vector yet.
 * @example await similarPapersOf(store, paper.id, 5)
 */
export async function similarPapersOf(
  store: PaperStore,
  paperId: string,
  k = 10,
  reader = createAnalysisReader(store),
): Promise<SimilarPaperOut[] | null> {
  const ranked = await reader.similarPapers(paperId, k)
  return ranked ? withTitles(store, ranked) : null
}
