/**
 * @module Per-key-word classifiers ("tags"): for every curated key word that at least
 * {@link MIN_TAG_PAPERS} curated papers list, how likely a paper is to list it, from its wording alone.
 * Each key word's classifier is the cosine between the paper's TF-IDF vector and the sum of the unit TF-IDF
 * vectors of the papers that list it (a centroid); one Platt sigmoid on [cosine, ln papers], shared by
 * every key word, turns it into a probability. The sigmoid is fitted on leave-one-out cosines, so a curated
 * paper is scored without itself, as an unseen paper would be. The key-word ranker reads the probability as
 * a feature ({@link tagFeature}). A word a key word's papers mostly write inside a compound named by five or more
 * texts (`descent` in `double descent`) counts for that key word only as far as the text writes it in that compound
 * or on its own, as the topic model reads it (compounds.ts): *Coordinate Descent for Sparse Regression* had been given
 * 0.15 for `Deep Double Descent` (its share of curated papers 0.045), 0.03 so read. Plain data: store it as JSON.
 */
import { compoundShares, headContexts, headMatch, namedCompounds, namedShare, type HeadContexts, type WordCompounds } from './compounds.js'
import { fitSoftmax } from './linear.js'
import type { SparseVector } from './sparse.js'
import { DEFAULT_TERM_OPTIONS, termCounts, type PreparedText } from './text.js'
import { fitTfidf, termIndex, tfidfVector, type TfidfModel } from './tfidf.js'

/** A key word gets a classifier from this many curated papers on. */
export const MIN_TAG_PAPERS = 2

export interface KeywordTagModel {
  /** The vocabulary the papers' vectors and the centroids are in. */
  tfidf: TfidfModel
  /** Key word → sum of its papers' unit TF-IDF vectors (term indices and weights), its norm and its papers. */
  centroids: Record<string, { indices: number[]; values: number[]; norm: number; papers: number }>
  /** Platt sigmoid weights on [cosine, ln papers] and its bias. */
  platt: [number, number, number]
  /**
   * How each key word's papers write its words inside compounds (compounds.ts): key word → word → modifier → the share
   * of the centroid's weight of that word from those uses, and the words read by their compound even where the
   * library does not name it (`descent`). Absent in older models: a word counts wherever it is. `shares` holds only
   * compounds named at fit (in {@link HEAD_MIN_PAPERS} texts) and scoring reads those, so no paper count is kept
   * (models of 0b4207b kept it as `minPapers`, which nothing read).
   */
  heads?: { unnamed: Record<string, number>; shares: Record<string, Record<string, Record<string, number>>> }
}

/** A compound of two words is named from this many texts of the library on, as the topic model names them. */
const HEAD_MIN_PAPERS = 5
/** A key word's compounds of a word are kept only when they hold this share of its centroid's weight of it. */
const HEAD_BOUND = 0.8
/** A word the library writes in named compounds this share of the time is read by its compound in any text. */
const HEAD_UNNAMED_AT = 0.9

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
  const sums: Array<[string, Map<number, number>]> = []
  for (const [key, papers] of [...papersOf].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (papers.length < minPapers) continue
    const sum = new Map<number, number>()
    for (const i of papers) {
      const x = xs[i] as SparseVector
      x.indices.forEach((t, j) => sum.set(t, (sum.get(t) ?? 0) + (x.values[j] as number)))
    }
    let norm2 = 0
    for (const v of sum.values()) norm2 += v * v
    const entries = [...sum].filter(([, v]) => v !== 0).sort((a, b) => a[0] - b[0])
    centroids[key] = { indices: entries.map(([t]) => t), values: entries.map(([, v]) => v), norm: Math.sqrt(norm2), papers: papers.length }
    sums.push([key, sum])
  }
  const heads = fitHeads(docs, xs, tfidf, papersOf, sums)
  // Leave-one-out cosines of every curated paper to every key word's centroid, with the key word's paper count.
  const rows: Array<{ paper: number; key: string; cosine: number; papers: number; listed: boolean }> = []
  // The centroid as a dense array (0 between key words) for the dot products with every curated paper: a Map lookup
  // per term had been most of the fit.
  const dense = new Float64Array(tfidf.vocabulary.length)
  for (const [key, sum] of sums) {
    const { norm, papers: count } = centroids[key] as KeywordTagModel['centroids'][string]
    const norm2 = norm * norm
    const own = new Set(papersOf.get(key))
    const bound = heads?.model.shares[key]
    for (const [t, v] of sum) dense[t] = v
    for (const i of curated) {
      const x = xs[i] as SparseVector
      const listed = own.has(i)
      if (listed && count - 1 < minPapers) continue
      const d = dotDense(x, dense)
      // A word the key word's papers write in compounds this paper does not write it in counts as far as it matches.
      const away = bound ? unmatched(bound, heads.readings[i] as Map<string, WordCompounds>, heads.values[i] as Map<string, number>, tfidf, dense, listed) : 0
      if (!listed) {
        rows.push({ paper: i, key, cosine: norm > 0 ? (d - away) / norm : 0, papers: count, listed: false })
        continue
      }
      let self = 0
      for (const v of x.values) self += v * v
      const rest = norm2 - 2 * d + self
      rows.push({ paper: i, key, cosine: rest > 1e-12 ? (d - self - away) / Math.sqrt(rest) : 0, papers: count - 1, listed: true })
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
  return { model: { tfidf, centroids, platt, ...(heads ? { heads: heads.model } : {}) }, trainProbabilities }
}

type TagHeads = NonNullable<KeywordTagModel['heads']>

/**
 * Each key word's centroid weight of a word split by the named compounds its papers write the word in (as the topic
 * model splits a topic's, compounds.ts), kept where they hold {@link HEAD_BOUND} of it; and each text's reading of
 * its words by the compounds kept (`readings`), with its TF-IDF weights of those words (`values`).
 */
function fitHeads(
  docs: readonly PreparedText[],
  xs: readonly SparseVector[],
  tfidf: TfidfModel,
  papersOf: ReadonlyMap<string, readonly number[]>,
  sums: ReadonlyArray<readonly [string, ReadonlyMap<number, number>]>,
): { model: TagHeads; readings: Array<Map<string, WordCompounds>>; values: Array<Map<string, number>> } | null {
  const contexts = docs.map((d) => headContexts(d, DEFAULT_TERM_OPTIONS.titleWeight))
  const named = namedCompounds(contexts, HEAD_MIN_PAPERS)
  if (named.size === 0) return null
  const first = contexts.map((c) => compoundShares(c, named, () => 0))
  const shares: TagHeads['shares'] = {}
  const kept = new Set<string>()
  for (const [key, sum] of sums) {
    const bound = new Map<number, Map<string, number>>()
    for (const i of papersOf.get(key) ?? []) {
      const x = xs[i] as SparseVector
      const own = first[i] as Map<string, WordCompounds>
      x.indices.forEach((t, j) => {
        const word = own.get(tfidf.vocabulary[t] as string)
        if (!word) return
        const parts = bound.get(t) ?? bound.set(t, new Map()).get(t)!
        for (const [modifier, share] of word.shares) parts.set(modifier, (parts.get(modifier) ?? 0) + (x.values[j] as number) * share)
      })
    }
    const byWord: Record<string, Record<string, number>> = {}
    for (const [t, parts] of [...bound].sort((a, b) => a[0] - b[0])) {
      const total = sum.get(t) ?? 0
      let part = 0
      for (const v of parts.values()) part += v
      if (!(total > 0) || part < HEAD_BOUND * total) continue
      const word = tfidf.vocabulary[t] as string
      const out: Record<string, number> = {}
      for (const [modifier, v] of [...parts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
        out[modifier] = Math.min(1, v / total)
        kept.add(`${modifier} ${word}`)
      }
      byWord[word] = out
    }
    if (Object.keys(byWord).length > 0) shares[key] = byWord
  }
  if (kept.size === 0) return null
  const inNamed = namedShare(contexts, named)
  const unnamed: Record<string, number> = {}
  for (const byWord of Object.values(shares)) for (const word in byWord) if ((inNamed.get(word) ?? 0) >= HEAD_UNNAMED_AT) unnamed[word] = 1
  const readings = contexts.map((c) => compoundShares(c, kept, (word) => unnamed[word] ?? 0))
  const index = termIndex(tfidf)
  const values = readings.map((reading, i) => {
    const x = xs[i] as SparseVector
    const out = new Map<string, number>()
    for (const word of reading.keys()) {
      const t = index.get(word)
      const j = t === undefined ? -1 : x.indices.indexOf(t)
      if (j >= 0) out.set(word, x.values[j] as number)
    }
    return out
  })
  return { model: { unnamed, shares }, readings, values }
}

/**
 * The part of a text's dot product with a key word's centroid (`dense`) that its words' compounds do not match: each
 * word the key word's papers write in compounds, weighed by how far the text's uses miss them ({@link headMatch}).
 * `listed`: the text is one of the key word's papers, taken out of the centroid.
 */
function unmatched(
  bound: Readonly<Record<string, Record<string, number>>>,
  reading: ReadonlyMap<string, WordCompounds>,
  values: ReadonlyMap<string, number>,
  tfidf: TfidfModel,
  dense: Float64Array,
  listed: boolean,
): number {
  let away = 0
  for (const [word, v] of values) {
    const shares = bound[word]
    if (!shares) continue
    const miss = 1 - headMatch(shares, reading.get(word))
    if (miss > 0) away += v * ((dense[termIndex(tfidf).get(word) as number] as number) - (listed ? v : 0)) * miss
  }
  return away
}

/** A text's {@link headContexts} of the `wanted` words only: the rest are read by no key word's compounds. */
function boundContexts(doc: PreparedText, wanted: ReadonlySet<string>): HeadContexts {
  const out: HeadContexts = new Map()
  for (const [word, byModifier] of headContexts(doc, DEFAULT_TERM_OPTIONS.titleWeight)) if (wanted.has(word)) out.set(word, byModifier)
  return out
}

/** Key word → probability that a paper with this text lists it, for every key word with a classifier. */
export function keywordTagProbabilities(model: KeywordTagModel, doc: PreparedText): Map<string, number> {
  const x = tfidfVector(model.tfidf, termCounts(doc))
  // The text's weights in a dense array kept with the model (every term 0 between calls), for the compounds' part.
  const { centroids, weights, postings, sums, bound, named, headWords } = scoringTables(model)
  x.indices.forEach((t, j) => (weights[t] = x.values[j] as number))
  // Each centroid's dot product with the text, from the centroids that hold each of the text's terms (a few hundred
  // products, not every centroid's every term: most of them were times 0). The text's terms come in index order, so
  // each sum adds the same products in the same order as the whole centroid would, less the zeros.
  const { start, centroid, value } = postings
  for (let j = 0; j < x.indices.length; j++) {
    const t = x.indices[j] as number
    const v = x.values[j] as number
    for (let p = start[t] as number, end = start[t + 1] as number; p < end; p++) (sums[centroid[p] as number] as number) += (value[p] as number) * v
  }
  const heads = model.heads
  const reading = heads && bound.size > 0 ? compoundShares(boundContexts(doc, headWords), named, (word) => heads.unnamed[word] ?? 0) : null
  const out = new Map<string, number>()
  try {
    for (let k = 0; k < centroids.length; k++) {
      const [key, c] = centroids[k] as [string, KeywordTagModel['centroids'][string]]
      let d = sums[k] as number
      // The key word's words written in compounds count as far as the text's compounds match theirs (compounds.ts).
      if (reading && reading.size > 0) {
        for (const w of bound.get(key) ?? []) {
          const v = weights[w.term] as number
          if (v !== 0) d -= v * w.weight * (1 - headMatch(w.shares, reading.get(w.word)))
        }
      }
      out.set(key, probability(model.platt, c.norm > 0 ? d / c.norm : 0, c.papers))
    }
  } finally {
    for (const t of x.indices) weights[t] = 0
    sums.fill(0)
  }
  return out
}

/** A word a key word's papers write in compounds: its vocabulary index, the centroid's weight of it and its shares. */
interface BoundWord {
  word: string
  term: number
  weight: number
  shares: Readonly<Record<string, number>>
}

interface ScoringTables {
  centroids: Array<[string, KeywordTagModel['centroids'][string]]>
  weights: Float64Array
  /**
   * The centroids by term: term t's entries are `start[t]` up to `start[t + 1]`, each a centroid (its place in
   * `centroids`) and its weight of t, in centroid order.
   */
  postings: { start: Int32Array; centroid: Int32Array; value: Float64Array }
  /** One dot product per centroid, 0 between calls. */
  sums: Float64Array
  /** Key word → its words written in compounds. */
  bound: Map<string, BoundWord[]>
  /** The compounds kept (`modifier head`). */
  named: ReadonlySet<string>
  /** The words some key word's papers write in them. */
  headWords: ReadonlySet<string>
}

const tablesByModel = new WeakMap<KeywordTagModel, ScoringTables>()

function scoringTables(model: KeywordTagModel): ScoringTables {
  let tables = tablesByModel.get(model)
  if (!tables) {
    const bound = new Map<string, BoundWord[]>()
    const named = new Set<string>()
    const index = termIndex(model.tfidf)
    for (const [key, byWord] of Object.entries(model.heads?.shares ?? {})) {
      const c = model.centroids[key]
      if (!c) continue
      const words: BoundWord[] = []
      for (const [word, shares] of Object.entries(byWord)) {
        for (const modifier in shares) named.add(`${modifier} ${word}`)
        const term = index.get(word)
        const j = term === undefined ? -1 : c.indices.indexOf(term)
        if (term !== undefined && j >= 0) words.push({ word, term, weight: c.values[j] as number, shares })
      }
      if (words.length > 0) bound.set(key, words)
    }
    const headWords = new Set([...bound.values()].flatMap((words) => words.map((w) => w.word)))
    const centroids = Object.entries(model.centroids)
    tablesByModel.set(model, (tables = { centroids, weights: new Float64Array(model.tfidf.vocabulary.length), postings: centroidsByTerm(centroids, model.tfidf.vocabulary.length), sums: new Float64Array(centroids.length), bound, named, headWords }))
  }
  return tables
}

/** {@link ScoringTables.postings} of `centroids` over a vocabulary of `terms`. */
function centroidsByTerm(centroids: ReadonlyArray<readonly [string, { indices: number[]; values: number[] }]>, terms: number): ScoringTables['postings'] {
  const start = new Int32Array(terms + 1)
  for (const [, c] of centroids) for (const t of c.indices) (start[t + 1] as number)++
  for (let t = 0; t < terms; t++) (start[t + 1] as number) += start[t] as number
  const centroid = new Int32Array(start[terms] as number)
  const value = new Float64Array(start[terms] as number)
  const next = start.slice(0, terms)
  centroids.forEach(([, c], k) =>
    c.indices.forEach((t, j) => {
      const p = (next[t] as number)++
      centroid[p] = k
      value[p] = c.values[j] as number
    }),
  )
  return { start, centroid, value }
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
