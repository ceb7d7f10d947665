/**
 * @module The baselines the issue names, built from the same primitives as Paperscope's methods so that every
 * number in the table comes from the same text pipeline and the same run. Baselines reach into analysis
 * internals (softmax regression, sparse vectors, phrase n-grams) on purpose; the app uses only the index.
 *
 * "Plain TF-IDF" everywhere means: content-word lemmas of title + digest (title counted once, no phrases),
 * sublinear tf, smoothed idf, unit length.
 */
import { fitTfidf, fitVectorModel, tfidfVector, termCounts, type PreparedText, type TfidfModel, type VectorModel } from '../src/analysis/index.js'
import { keywordCandidates } from '../src/analysis/keywords.js'
import { fitSoftmax, softmaxLogits } from '../src/analysis/linear.js'
import { sparseDot, type SparseVector } from '../src/analysis/sparse.js'
import { phrasesOf } from '../src/analysis/tokenize.js'
import { embedPrepared } from '../src/analysis/vectors.js'

export const PLAIN_TERMS = { maxN: 1, titleWeight: 1 } as const

/** A labelled training document. */
export interface TrainDoc {
  doc: PreparedText
  topics: readonly string[]
}

/** The most frequent training label, for every paper. */
export function majorityClass(train: readonly TrainDoc[]): (doc: PreparedText) => string {
  const counts = new Map<string, number>()
  for (const t of train) for (const l of t.topics) counts.set(l, (counts.get(l) ?? 0) + 1)
  const best = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? ''
  return () => best
}

/** A fitted plain TF-IDF and a way to vectorise documents with it. */
export function plainTfidf(docs: readonly PreparedText[]): { model: TfidfModel; vector: (doc: PreparedText) => SparseVector } {
  const model = fitTfidf(docs.map((d) => termCounts(d, PLAIN_TERMS)), { minDf: 1 })
  return { model, vector: (doc) => tfidfVector(model, termCounts(doc, PLAIN_TERMS)) }
}

/** Nearest centroid (cosine) on plain TF-IDF. */
export function nearestCentroid(train: readonly TrainDoc[]): (doc: PreparedText) => string {
  const { vector } = plainTfidf(train.map((t) => t.doc))
  const sums = new Map<string, Map<number, number>>()
  for (const t of train) {
    const x = vector(t.doc)
    for (const label of t.topics) {
      const sum = sums.get(label) ?? sums.set(label, new Map()).get(label)!
      x.indices.forEach((f, j) => sum.set(f, (sum.get(f) ?? 0) + (x.values[j] as number) / t.topics.length))
    }
  }
  const centroids = [...sums].map(([label, sum]) => {
    const entries = [...sum].sort((a, b) => a[0] - b[0])
    const norm = Math.sqrt(entries.reduce((s, [, v]) => s + v * v, 0)) || 1
    return { label, v: { indices: Int32Array.from(entries.map((e) => e[0])), values: Float32Array.from(entries.map((e) => e[1] / norm)) } }
  })
  return (doc) => {
    const x = vector(doc)
    let best = centroids[0]?.label ?? ''
    let bestScore = -Infinity
    for (const c of centroids) {
      const s = sparseDot(x, c.v)
      if (s > bestScore) {
        bestScore = s
        best = c.label
      }
    }
    return best
  }
}

/**
 * Softmax logistic regression on 100-dimensional LSA of plain TF-IDF (LSA fitted on the training texts),
 * class-balanced; L2 picked by 5-fold cross-validation on the training years (1e-4 of 1e-5, 1e-4, 1e-3, 1e-2).
 * Gives the label and its softmax probability (for the calibration table).
 */
export function lsaLogisticRegression(
  train: readonly TrainDoc[],
  { dimensions = 100, l2 = 1e-4 } = {},
): (doc: PreparedText) => { label: string; confidence: number } {
  const model: VectorModel = fitVectorModel(
    train.map((t) => t.doc),
    { dimensions, terms: PLAIN_TERMS, tfidf: { minDf: 1 } },
  )
  const labels = [...new Set(train.flatMap((t) => t.topics))].sort()
  const feature = (doc: PreparedText): SparseVector => {
    const z = embedPrepared(model, doc)
    return { indices: Int32Array.from(z, (_, i) => i), values: z }
  }
  const xs: SparseVector[] = []
  const ys: number[] = []
  for (const t of train) {
    const x = feature(t.doc)
    for (const l of t.topics) {
      xs.push(x)
      ys.push(labels.indexOf(l))
    }
  }
  const counts = labels.map((_, c) => ys.filter((y) => y === c).length)
  const softmax = fitSoftmax(xs, ys, labels.length, model.dimensions, { l2, classWeights: counts.map((n) => ys.length / (labels.length * n)) })
  return (doc) => {
    const z = softmaxLogits(softmax, feature(doc))
    let best = 0
    z.forEach((v, i) => {
      if (v > (z[best] as number)) best = i
    })
    const top = z[best] as number
    const sum = z.reduce((s, v) => s + Math.exp(v - top), 0)
    return { label: labels[best] ?? '', confidence: 1 / sum }
  }
}

/**
 * Key words from the training vocabulary: phrases of the text that some training paper lists as a curated
 * key word, the most often listed first (ties: earlier in the text).
 */
export function vocabularyKeywords(trainKeywordKeys: ReadonlyArray<readonly string[]>): (doc: PreparedText, k: number) => string[] {
  const frequency = new Map<string, number>()
  for (const keys of trainKeywordKeys) for (const key of new Set(keys)) frequency.set(key, (frequency.get(key) ?? 0) + 1)
  return (doc, k) =>
    keywordCandidates(doc)
      .filter((c) => frequency.has(c.key))
      .sort((a, b) => (frequency.get(b.key) as number) - (frequency.get(a.key) as number) || a.firstPosition - b.firstPosition)
      .slice(0, k)
      .map((c) => c.key)
}

/** Plain TF-IDF n-grams: every 1–3 word n-gram of content words, by tf · idf over the training texts. */
export function tfidfNgramKeywords(trainDocs: readonly PreparedText[]): (doc: PreparedText, k: number) => string[] {
  const grams = (doc: PreparedText): Map<string, number> => {
    const counts = new Map<string, number>()
    for (const p of phrasesOf([...doc.title, ...doc.body], { minN: 1, maxN: 3 })) counts.set(p.key, (counts.get(p.key) ?? 0) + 1)
    return counts
  }
  const df = new Map<string, number>()
  for (const d of trainDocs) for (const g of grams(d).keys()) df.set(g, (df.get(g) ?? 0) + 1)
  const n = trainDocs.length
  return (doc, k) =>
    [...grams(doc)]
      .map(([g, c]) => ({ g, s: (1 + Math.log(c)) * (Math.log((1 + n) / (1 + (df.get(g) ?? 0))) + 1) }))
      .sort((a, b) => b.s - a.s || (a.g < b.g ? -1 : 1))
      .slice(0, k)
      .map((x) => x.g)
}
