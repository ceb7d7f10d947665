/**
 * @module TF-IDF: a vocabulary with inverse document frequencies fitted on a library, and the sparse,
 * unit-length vectors of documents under it. The model is plain data (JSON as it is).
 */
import { sparseFromMap, type SparseVector } from './sparse.js'

/** A fitted TF-IDF vocabulary. Plain data: store it as JSON. */
export interface TfidfModel {
  kind: 'tfidf'
  version: 1
  /** Terms, in index order. */
  vocabulary: string[]
  /** Smoothed idf of each term: ln((1 + N) / (1 + df)) + 1. */
  idf: number[]
  /** Documents the model was fitted on. */
  documentCount: number
  /** Term frequency is 1 + ln(count) when true, the raw count when false. */
  sublinearTf: boolean
  /**
   * Terms left out for being in more than `maxDfRatio` of the documents: known, unlike terms never seen
   * (absent in models fitted before it was kept).
   */
  common?: string[]
}

export interface TfidfOptions {
  /** Terms in fewer documents than this are left out. */
  minDf?: number
  /** Terms in more than this share of documents are left out (they tell nothing apart). */
  maxDfRatio?: number
  sublinearTf?: boolean
  /** Largest vocabulary kept (the most frequent terms win). */
  maxTerms?: number
}

const termIndexCache = new WeakMap<TfidfModel, Map<string, number>>()

/** Term → index for a model, built once per model object. */
export function termIndex(model: TfidfModel): Map<string, number> {
  let index = termIndexCache.get(model)
  if (!index) {
    index = new Map(model.vocabulary.map((t, i) => [t, i]))
    termIndexCache.set(model, index)
  }
  return index
}

const commonTermsCache = new WeakMap<TfidfModel, Set<string>>()

function commonTerms(model: TfidfModel): Set<string> {
  let common = commonTermsCache.get(model)
  if (!common) {
    common = new Set(model.common)
    commonTermsCache.set(model, common)
  }
  return common
}

/**
 * Fits the vocabulary and idf on the term counts of a set of documents.
 * @example const model = fitTfidf(docs.map((d) => termCounts(prepareText(d))))
 */
export function fitTfidf(
  documents: ReadonlyArray<ReadonlyMap<string, number>>,
  { minDf = 2, maxDfRatio = 0.5, sublinearTf = true, maxTerms = 50_000 }: TfidfOptions = {},
): TfidfModel {
  const df = new Map<string, number>()
  for (const doc of documents) for (const term of doc.keys()) df.set(term, (df.get(term) ?? 0) + 1)
  const n = documents.length
  const maxDf = Math.max(1, Math.floor(maxDfRatio * n))
  const tooCommon = ([, d]: [string, number]): boolean => n >= 4 && d > maxDf
  const kept = [...df]
    .filter((entry) => entry[1] >= Math.min(minDf, Math.max(1, n)) && !tooCommon(entry))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, maxTerms)
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
  return {
    kind: 'tfidf',
    version: 1,
    vocabulary: kept.map(([t]) => t),
    idf: kept.map(([, d]) => Math.log((1 + n) / (1 + d)) + 1),
    documentCount: n,
    sublinearTf,
    common: [...df].filter(tooCommon).map(([t]) => t).sort(),
  }
}

/**
 * The unit-length TF-IDF vector of a document's term counts; terms not in the vocabulary are not in it. With
 * `unseen: 'lengthen'`, a term the model never saw (neither in its vocabulary nor left out as too common) still
 * counts in the vector's length, with the idf of a term in no document: as a training document's own rare
 * words did in the model's fit, so a text of mostly unseen words (a bread recipe that says `grokking`) is not
 * read as close as its one known word alone would make it. A model fitted before `common` was kept ignores it.
 */
export function tfidfVector(model: TfidfModel, counts: ReadonlyMap<string, number>, { unseen = 'ignore' }: { unseen?: 'ignore' | 'lengthen' } = {}): SparseVector {
  const index = termIndex(model)
  const weights = new Map<number, number>()
  const common = unseen === 'lengthen' && model.common ? commonTerms(model) : null
  const unseenIdf = Math.log(1 + model.documentCount) + 1
  let norm = 0
  for (const [term, count] of counts) {
    if (!(count > 0)) continue
    const i = index.get(term)
    const tf = model.sublinearTf ? 1 + Math.log(count) : count
    if (i === undefined) {
      if (common !== null && !common.has(term)) norm += (tf * unseenIdf) ** 2
      continue
    }
    const w = tf * (model.idf[i] ?? 0)
    weights.set(i, w)
    norm += w * w
  }
  norm = Math.sqrt(norm)
  if (norm > 0) for (const [i, w] of weights) weights.set(i, w / norm)
  return sparseFromMap(weights)
}

/** The `k` heaviest terms of a TF-IDF vector, heaviest first. */
export function topTerms(model: TfidfModel, vector: SparseVector, k = 10): Array<{ term: string; weight: number }> {
  const out: Array<{ term: string; weight: number }> = []
  vector.indices.forEach((i, j) => out.push({ term: model.vocabulary[i] ?? '', weight: vector.values[j] ?? 0 }))
  return out.sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : 1)).slice(0, k)
}
