/**
 * @module Per-key-word classifiers ("tags"): for every curated key word that at least
 * {@link MIN_TAG_PAPERS} curated papers list, how likely a paper is to list it, from its wording alone.
 * Each key word's classifier is the cosine between the paper's TF-IDF vector and the sum of the unit TF-IDF
 * vectors of the papers that list it (a centroid); one Platt sigmoid on [cosine, ln papers], shared by
 * every key word, turns it into a probability. The sigmoid is fitted on leave-one-out cosines, so a curated
 * paper is scored without itself, as an unseen paper would be. The key-word ranker reads the probability as
 * a feature ({@link tagFeature}). Plain data: store it as JSON.
 */
import { fitSoftmax } from './linear.js'
import type { SparseVector } from './sparse.js'
import { termCounts, type PreparedText } from './text.js'
import { fitTfidf, tfidfVector, type TfidfModel } from './tfidf.js'

/** A key word gets a classifier from this many curated papers on. */
export const MIN_TAG_PAPERS = 2

export interface KeywordTagModel {
  /** The vocabulary the papers' vectors and the centroids are in. */
  tfidf: TfidfModel
  /** Key word → sum of its papers' unit TF-IDF vectors (term indices and weights), its norm and its papers. */
  centroids: Record<string, { indices: number[]; values: number[]; norm: number; papers: number }>
  /** Platt sigmoid weights on [cosine, ln papers] and its bias. */
  platt: [number, number, number]
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z))

function dotDense(x: SparseVector, dense: Float64Array): number {
  let s = 0
  for (let j = 0; j < x.indices.length; j++) s += (x.values[j] as number) * (dense[x.indices[j] as number] as number)
  return s
}

function probability(platt: readonly number[], cosine: number, papers: number): number {
  return sigmoid((platt[0] as number) * cosine + (platt[1] as number) * Math.log(papers) + (platt[2] as number))
}

/**
 * Fits the key-word classifiers on the library's texts (`keys`: each paper's normalized curated key words,
 * empty for papers without). Returns the model and each paper's leave-one-out probabilities (a key word
 * only where, without the paper, it still has {@link MIN_TAG_PAPERS} papers), or undefined when no key word
 * is listed often enough.
 */
export function fitKeywordTags(
  docs: readonly PreparedText[],
  keys: ReadonlyArray<ReadonlySet<string>>,
  minPapers = MIN_TAG_PAPERS,
): { model: KeywordTagModel; trainProbabilities: Array<Map<string, number>> } | undefined {
  const counts = docs.map((d) => termCounts(d))
  const tfidf = fitTfidf(counts)
  const xs = counts.map((c) => tfidfVector(tfidf, c))
  const curated = docs.map((_, i) => i).filter((i) => (keys[i]?.size ?? 0) > 0)
  const papersOf = new Map<string, number[]>()
  for (const i of curated) for (const k of keys[i] as ReadonlySet<string>) (papersOf.get(k) ?? papersOf.set(k, []).get(k)!).push(i)
  const centroids: KeywordTagModel['centroids'] = {}
  // Leave-one-out cosines of every curated paper to every key word's centroid, with the key word's paper count.
  const rows: Array<{ paper: number; key: string; cosine: number; papers: number; listed: boolean }> = []
  // The centroid as a dense array (0 between key words) for the dot products with every curated paper: a Map lookup
  // per term had been most of the fit.
  const dense = new Float64Array(tfidf.vocabulary.length)
  for (const [key, papers] of [...papersOf].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (papers.length < minPapers) continue
    const sum = new Map<number, number>()
    for (const i of papers) {
      const x = xs[i] as SparseVector
      x.indices.forEach((t, j) => sum.set(t, (sum.get(t) ?? 0) + (x.values[j] as number)))
    }
    let norm2 = 0
    for (const v of sum.values()) norm2 += v * v
    const norm = Math.sqrt(norm2)
    const entries = [...sum].filter(([, v]) => v !== 0).sort((a, b) => a[0] - b[0])
    centroids[key] = { indices: entries.map(([t]) => t), values: entries.map(([, v]) => v), norm, papers: papers.length }
    const own = new Set(papers)
    for (const [t, v] of sum) dense[t] = v
    for (const i of curated) {
      const x = xs[i] as SparseVector
      const d = dotDense(x, dense)
      if (!own.has(i)) {
        rows.push({ paper: i, key, cosine: norm > 0 ? d / norm : 0, papers: papers.length, listed: false })
        continue
      }
      if (papers.length - 1 < minPapers) continue
      let self = 0
      for (const v of x.values) self += v * v
      const rest = norm2 - 2 * d + self
      rows.push({ paper: i, key, cosine: rest > 1e-12 ? (d - self) / Math.sqrt(rest) : 0, papers: papers.length - 1, listed: true })
    }
    for (const t of sum.keys()) dense[t] = 0
  }
  if (!rows.some((r) => r.listed) || !rows.some((r) => !r.listed)) return undefined
  const fitted = fitSoftmax(
    rows.map((r) => ({ indices: Int32Array.from([0, 1]), values: Float32Array.from([r.cosine, Math.log(r.papers)]) })),
    rows.map((r) => (r.listed ? 1 : 0)),
    2,
    2,
    { l2: 1e-4 },
  )
  const w = fitted.weights
  const platt: [number, number, number] = [0, 1, 2].map((f) => (w[3 + f] as number) - (w[f] as number)) as [number, number, number]
  const trainProbabilities = docs.map(() => new Map<string, number>())
  for (const r of rows) trainProbabilities[r.paper]?.set(r.key, probability(platt, r.cosine, r.papers))
  return { model: { tfidf, centroids, platt }, trainProbabilities }
}

/** Key word → probability that a paper with this text lists it, for every key word with a classifier. */
export function keywordTagProbabilities(model: KeywordTagModel, doc: PreparedText): Map<string, number> {
  const x = tfidfVector(model.tfidf, termCounts(doc))
  // The text's weights in a dense array kept with the model (every term 0 between calls): a Map lookup per
  // centroid term was a tenth of classifying a text. Same sums, in the same order.
  const { centroids, weights } = scoringTables(model)
  x.indices.forEach((t, j) => (weights[t] = x.values[j] as number))
  const out = new Map<string, number>()
  try {
    for (const [key, c] of centroids) {
      let d = 0
      const { indices, values } = c
      for (let j = 0; j < indices.length; j++) d += (values[j] as number) * (weights[indices[j] as number] as number)
      out.set(key, probability(model.platt, c.norm > 0 ? d / c.norm : 0, c.papers))
    }
  } finally {
    for (const t of x.indices) weights[t] = 0
  }
  return out
}

const tablesByModel = new WeakMap<KeywordTagModel, { centroids: Array<[string, KeywordTagModel['centroids'][string]]>; weights: Float64Array }>()

function scoringTables(model: KeywordTagModel): { centroids: Array<[string, KeywordTagModel['centroids'][string]]>; weights: Float64Array } {
  let tables = tablesByModel.get(model)
  if (!tables) tablesByModel.set(model, (tables = { centroids: Object.entries(model.centroids), weights: new Float64Array(model.tfidf.vocabulary.length) }))
  return tables
}

/**
 * The ranker's feature from a key word's probability: its log-odds, clipped to ±6 and mapped to 0..2, so
 * 0.5 is 1 and a key word with no classifier is 0 (as one under 0.25%). The log-odds separate the many small
 * probabilities that the probability itself treats alike: on the training-year splits (eval/README.md) F1@3 of
 * the app's list, temporal / CV, 0.416 / 0.448 without the classifiers, 0.420 / 0.447 with the probability,
 * 0.429 / 0.455 with its log-odds.
 */
export function tagFeature(p: number | undefined): number {
  if (p === undefined) return 0
  return Math.max(-6, Math.min(6, Math.log(p / (1 - p)))) / 6 + 1
}
