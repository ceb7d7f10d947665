/**
 * @module Topic classification trained on the library's curated labels.
 *
 * The taxonomy is data: the labels are whatever the training papers carry. Two views of a paper are
 * blended: softmax logistic regression on TF-IDF words and two-word phrases (title words counted three
 * times, class weights balancing rare and common topics), with its confidences calibrated by a
 * temperature fitted on out-of-fold predictions of the training papers; and nearest centroid on plain
 * TF-IDF words (cosine to each topic's mean paper, turned into a distribution by a sharp softmax).
 * Regression reads the discriminating terms; centroids hold up better when next year's papers use new
 * words for old topics. A paper whose best confidence is below `unsortedBelow` is "unsorted".
 *
 * Why this model: on the awesome list's training years, cross-validation and two "train on earlier
 * years, test on the next" splits put this blend ahead of regression alone, centroids alone, naive
 * Bayes, LSA features, character n-grams, curated-key-word features, k-NN votes, self-training and EM
 * prior adaptation (eval/README.md).
 */
import { fitSoftmax, fitTemperature, softmax, softmaxLogits, type SoftmaxModel } from './linear.js'
import type { Contribution } from './rank.js'
import { createRng, decodeFloat32, encodeFloat32, sparseDot, type SparseVector } from './sparse.js'
import { fitTfidf, tfidfVector, type TfidfModel } from './tfidf.js'
import { termCounts, type PreparedText, type TermOptions } from './text.js'

/** A curated paper the classifier learns from. */
export interface TopicExample {
  doc: PreparedText
  /** Its curated topics; a paper under two sections counts half in each. */
  topics: readonly string[]
}

export interface TopicClassifierOptions {
  /** L2 penalty (per example); chosen by cross-validation on the training years. */
  l2?: number
  terms?: TermOptions
  /** 0 = no class weights, 1 = fully balanced. */
  classBalance?: number
  /** Folds for the temperature fit; 0 or 1 skips calibration (temperature 1). */
  calibrationFolds?: number
  /** Below this calibrated confidence for every topic a paper is "unsorted". */
  unsortedBelow?: number
  /** Share of the nearest-centroid view in the blend (0 = regression only). */
  centroidWeight?: number
  /** Softmax temperature that turns centroid cosines into a distribution. */
  centroidTemperature?: number
  seed?: number
}

export const DEFAULT_TOPIC_OPTIONS = {
  l2: 3e-3,
  terms: { maxN: 2, titleWeight: 3 },
  classBalance: 1,
  calibrationFolds: 4,
  unsortedBelow: 0.35,
  centroidWeight: 0.5,
  centroidTemperature: 0.02,
  seed: 7,
} as const satisfies Required<TopicClassifierOptions>

export const TOPIC_HOW_COMPUTED =
  "Topics are learned from the library's curated ones (the sections people filed papers under): a logistic regression on TF-IDF words and two-word phrases of the title and abstract or digest, blended half and half with each topic's nearest-centroid similarity, its confidences calibrated on held-out training papers. A paper with curated topics keeps them; otherwise it gets its best topic (and any other at 35% or more), and a paper whose best confidence is under 35% is left unsorted rather than guessed."

/** A fitted topic classifier. Plain data except `weights`; see {@link topicModelToJson}. */
export interface TopicModel {
  kind: 'topics'
  version: 1
  labels: string[]
  tfidf: TfidfModel
  terms: Required<TermOptions>
  /** Softmax weights: `weights[c * (V + 1) + f]`, bias last. */
  weights: Float32Array
  temperature: number
  unsortedBelow: number
  /** Training papers per label. */
  support: number[]
  /** The nearest-centroid view, or null when its weight is 0. */
  centroids: TopicCentroids | null
}

/** Unit-length mean TF-IDF vector of each label's papers, over a plain word vocabulary. Plain data. */
export interface TopicCentroids {
  tfidf: TfidfModel
  terms: Required<TermOptions>
  /** One sparse vector per label, in `labels` order. */
  vectors: Array<{ indices: number[]; values: number[] }>
  weight: number
  temperature: number
}

export interface TopicModelJson extends Omit<TopicModel, 'weights'> {
  weights: string
}

/** Plain words, title counted once: the centroid view's terms. */
const CENTROID_TERMS: Required<TermOptions> = { maxN: 1, titleWeight: 1 }

/** A topic with its calibrated confidence. */
export interface TopicScore {
  label: string
  confidence: number
}

/** What the classifier says about one paper. */
export interface TopicPrediction {
  /** The best topics, most confident first. */
  topics: TopicScore[]
  /** True when no topic reaches the model's `unsortedBelow`. */
  unsorted: boolean
  /** Terms that pushed the paper towards its best topic (regression view), then the centroid view's share. */
  why: Contribution[]
}

/**
 * Fits the classifier on curated papers.
 * @example const model = fitTopicClassifier(curated.map((p) => ({ doc: prepareText(p), topics: p.topics })))
 */
export function fitTopicClassifier(examples: readonly TopicExample[], options: TopicClassifierOptions = {}): TopicModel {
  const o = { ...DEFAULT_TOPIC_OPTIONS, ...options }
  const terms: Required<TermOptions> = { ...DEFAULT_TOPIC_OPTIONS.terms, ...options.terms }
  const usable = examples.filter((e) => e.topics.length > 0)
  const labels = [...new Set(usable.flatMap((e) => e.topics))].sort()
  const counts = usable.map((e) => termCounts(e.doc, terms))
  const fitted = fitOn(usable, counts, labels, o.l2, o.classBalance)
  let temperature = 1
  const folds = Math.min(o.calibrationFolds, usable.length)
  if (folds >= 2 && labels.length >= 2) {
    const fold = assignFolds(usable, folds, o.seed)
    const logits: Float64Array[] = []
    const ys: number[] = []
    for (let f = 0; f < folds; f++) {
      const trainIdx = usable.map((_, i) => i).filter((i) => fold[i] !== f)
      const testIdx = usable.map((_, i) => i).filter((i) => fold[i] === f)
      if (testIdx.length === 0 || trainIdx.length === 0) continue
      const part = fitOn(
        trainIdx.map((i) => usable[i] as TopicExample),
        trainIdx.map((i) => counts[i] as Map<string, number>),
        labels,
        o.l2,
        o.classBalance,
      )
      for (const i of testIdx) {
        const z = softmaxLogits(part.softmax, tfidfVector(part.tfidf, counts[i] as Map<string, number>))
        for (const t of (usable[i] as TopicExample).topics) {
          logits.push(z)
          ys.push(labels.indexOf(t))
        }
      }
    }
    temperature = fitTemperature(logits, ys)
  }
  return {
    kind: 'topics',
    version: 1,
    labels,
    tfidf: fitted.tfidf,
    terms,
    weights: fitted.softmax.weights,
    temperature,
    unsortedBelow: o.unsortedBelow,
    support: labels.map((l) => usable.filter((e) => e.topics.includes(l)).length),
    centroids: o.centroidWeight > 0 ? fitCentroids(usable, labels, o.centroidWeight, o.centroidTemperature) : null,
  }
}

function fitCentroids(examples: readonly TopicExample[], labels: readonly string[], weight: number, temperature: number): TopicCentroids {
  const counts = examples.map((e) => termCounts(e.doc, CENTROID_TERMS))
  const tfidf = fitTfidf(counts, { minDf: 1 })
  const sums = labels.map(() => new Map<number, number>())
  examples.forEach((e, i) => {
    const x = tfidfVector(tfidf, counts[i] as Map<string, number>)
    for (const t of e.topics) {
      const sum = sums[labels.indexOf(t)]
      if (!sum) continue
      x.indices.forEach((f, j) => sum.set(f, (sum.get(f) ?? 0) + (x.values[j] as number) / e.topics.length))
    }
  })
  const vectors = sums.map((sum) => {
    const entries = [...sum].sort((a, b) => a[0] - b[0])
    const norm = Math.sqrt(entries.reduce((acc, [, v]) => acc + v * v, 0)) || 1
    return { indices: entries.map(([f]) => f), values: entries.map(([, v]) => v / norm) }
  })
  return { tfidf, terms: CENTROID_TERMS, vectors, weight, temperature }
}

const centroidVectorCache = new WeakMap<TopicCentroids, SparseVector[]>()

/** The centroid view's distribution over labels for one paper. */
function centroidProbabilities(centroids: TopicCentroids, doc: PreparedText): Float64Array {
  let vectors = centroidVectorCache.get(centroids)
  if (!vectors) {
    vectors = centroids.vectors.map((v) => ({ indices: Int32Array.from(v.indices), values: Float32Array.from(v.values) }))
    centroidVectorCache.set(centroids, vectors)
  }
  const x = tfidfVector(centroids.tfidf, termCounts(doc, centroids.terms))
  return softmax(vectors.map((v) => sparseDot(x, v)), centroids.temperature)
}

/** Blends the calibrated regression distribution with the centroid view. */
function blend(model: TopicModel, regression: Float64Array, doc: PreparedText): Float64Array {
  if (!model.centroids || model.centroids.weight <= 0) return regression
  const w = model.centroids.weight
  const centroid = centroidProbabilities(model.centroids, doc)
  return regression.map((p, c) => (1 - w) * p + w * (centroid[c] as number))
}

function fitOn(
  examples: readonly TopicExample[],
  counts: ReadonlyArray<Map<string, number>>,
  labels: readonly string[],
  l2: number,
  classBalance: number,
): { tfidf: TfidfModel; softmax: SoftmaxModel } {
  const tfidf = fitTfidf(counts, { minDf: 1 })
  const xs: SparseVector[] = []
  const ys: number[] = []
  const ws: number[] = []
  examples.forEach((e, i) => {
    const x = tfidfVector(tfidf, counts[i] as Map<string, number>)
    for (const t of e.topics) {
      const y = labels.indexOf(t)
      if (y < 0) continue
      xs.push(x)
      ys.push(y)
      ws.push(1 / e.topics.length)
    }
  })
  const perClass = labels.map((_, c) => ys.reduce((s, y, i) => s + (y === c ? (ws[i] as number) : 0), 0))
  const total = perClass.reduce((a, b) => a + b, 0)
  const classWeights = perClass.map((n) => (n > 0 ? Math.pow(total / (labels.length * n), classBalance) : 0))
  const model = fitSoftmax(xs, ys, labels.length, tfidf.vocabulary.length, { l2, classWeights, sampleWeights: ws })
  return { tfidf, softmax: model }
}

/** Stratified fold numbers (by first topic), shuffled with a seeded generator. */
function assignFolds(examples: readonly TopicExample[], folds: number, seed: number): number[] {
  const rng = createRng(seed)
  const order = examples
    .map((e, i) => ({ i, key: e.topics[0] ?? '', r: rng() }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.r - b.r))
  const out = new Array<number>(examples.length).fill(0)
  order.forEach((o, k) => {
    out[o.i] = k % folds
  })
  return out
}

/** Calibrated confidences of every label for one paper, in `model.labels` order. */
export function topicProbabilities(model: TopicModel, doc: PreparedText): Float64Array {
  return blend(model, softmax(topicLogits(model, tfidfVector(model.tfidf, termCounts(doc, model.terms))), model.temperature), doc)
}

function topicLogits(model: TopicModel, x: SparseVector): Float64Array {
  return softmaxLogits({ classes: model.labels.length, dimensions: model.tfidf.vocabulary.length, weights: model.weights }, x)
}

/**
 * Classifies one paper: its best topics with calibrated confidences, "unsorted" when none is confident,
 * and the terms behind the best topic.
 * @example classifyTopics(model, prepareText({ title, text: abstract })).topics[0] // { label: 'Neural Collapse', confidence: 0.93 }
 */
export function classifyTopics(model: TopicModel, doc: PreparedText, { top = 3, whyTerms = 5 }: { top?: number; whyTerms?: number } = {}): TopicPrediction {
  const x = tfidfVector(model.tfidf, termCounts(doc, model.terms))
  const probs = blend(model, softmax(topicLogits(model, x), model.temperature), doc)
  const ranked = model.labels
    .map((label, c) => ({ label, confidence: probs[c] as number, c }))
    .sort((a, b) => b.confidence - a.confidence || (a.label < b.label ? -1 : 1))
  const best = ranked[0]
  const why: Contribution[] = []
  if (best) {
    const stride = model.tfidf.vocabulary.length + 1
    const contributions: Contribution[] = []
    for (let j = 0; j < x.indices.length; j++) {
      const f = x.indices[j] as number
      const v = x.values[j] as number
      // Against the mean of the other classes: a term common to every topic explains nothing.
      let others = 0
      for (let c = 0; c < model.labels.length; c++) if (c !== best.c) others += model.weights[c * stride + f] as number
      const margin = (model.weights[best.c * stride + f] as number) - others / Math.max(1, model.labels.length - 1)
      contributions.push({ label: model.tfidf.vocabulary[f] ?? '', weight: (v * margin) / model.temperature })
    }
    why.push(...contributions.filter((c) => c.weight > 0).sort((a, b) => b.weight - a.weight).slice(0, whyTerms))
    if (model.centroids && model.centroids.weight > 0) {
      const near = centroidProbabilities(model.centroids, doc)[best.c] as number
      why.push({ label: `close to the ${best.label} papers`, weight: model.centroids.weight * near })
    }
  }
  return {
    topics: ranked.slice(0, top).map(({ label, confidence }) => ({ label, confidence })),
    unsorted: (best?.confidence ?? 0) < model.unsortedBelow,
    why,
  }
}

/** A paper's topics as shown: curated labels always win and carry no confidence; otherwise the prediction. */
export interface AssignedTopic {
  label: string
  origin: 'curated' | 'predicted'
  confidence: number | null
}

/**
 * Merges curated topics with a prediction: curated topics, when any, are the answer; otherwise the best
 * predicted topic and any other at or above `minConfidence` (none when the paper is unsorted).
 */
export function assignTopics(curated: readonly string[], prediction: TopicPrediction | null, { minConfidence = 0.35 }: { minConfidence?: number } = {}): AssignedTopic[] {
  if (curated.length > 0) return curated.map((label) => ({ label, origin: 'curated', confidence: null }))
  if (!prediction || prediction.unsorted) return []
  return prediction.topics
    .filter((t, i) => i === 0 || t.confidence >= minConfidence)
    .map((t) => ({ label: t.label, origin: 'predicted', confidence: t.confidence }))
}

/** Converts a model to JSON-safe data for the store. */
export function topicModelToJson(model: TopicModel): TopicModelJson {
  return { ...model, weights: encodeFloat32(model.weights) }
}

/** Reads a model back from {@link topicModelToJson}. */
export function topicModelFromJson(json: TopicModelJson): TopicModel {
  const weights = decodeFloat32(json.weights)
  if (weights.length !== json.labels.length * (json.tfidf.vocabulary.length + 1)) {
    throw new RangeError(`topic model weights hold ${weights.length} values, expected ${json.labels.length * (json.tfidf.vocabulary.length + 1)}`)
  }
  return { ...json, weights }
}
