/**
 * @module Topic classification trained on the library's curated labels.
 *
 * The taxonomy is data: the labels are whatever the training papers carry. The classifier is a
 * calibrated nearest centroid: each topic is the mean TF-IDF vector of its papers (content words, title
 * words counted four times) plus the topic's own name as one more "paper", and a paper's cosine to each
 * centroid becomes a distribution through a softmax whose scale and per-topic offsets are fitted on the
 * training papers' leave-one-out cosines (each paper scored against centroids built without it). The
 * offsets let a broad catch-all topic ("Others"), whose papers sit far from its diffuse centroid, win
 * when nothing specific is close. A paper whose best confidence is below `unsortedBelow` is "unsorted".
 *
 * A topic's weight of a word is split by the compounds its papers write the word in (src/analysis/compounds.ts), so a
 * text's `coordinate descent` does not count as the `descent` of `double descent`; and a close call (best under 40%)
 * that one word of the text decides is left unsorted, with that word named in the reasons, unless the text writes
 * that word in the topic's name (see writesInName).
 *
 * A softmax logistic regression on TF-IDF words and phrases can be blended in (`centroidWeight` < 1; models
 * stored by earlier versions are such blends and still load). On the awesome list's "train on earlier
 * years, test on the next" splits the calibrated centroid alone did best; regression, naive Bayes, k-NN,
 * character n-grams, Rocchio, recency weighting and blends with regression did not beat it (eval/README.md).
 */
import { compoundShares, headContexts, headMatch, namedCompounds, namedShare, type HeadCompounds, type WordCompounds } from './compounds.js'
import { fitSoftmax, fitTemperature, minimizeLbfgs, softmax, softmaxLogits, type SoftmaxModel } from './linear.js'
import { MODEL_VERSION } from './model-version.js'
import type { Contribution } from './rank.js'
import { createRng, decodeFloat32, encodeFloat32, sparseDot, type SparseVector } from './sparse.js'
import { fitTfidf, termIndex, tfidfVector, type TfidfModel } from './tfidf.js'
import { prepareText, termCounts, termSurfaces, type PreparedText, type TermOptions, type TextInput } from './text.js'
import { phrasesOf } from './tokenize.js'

/** A curated paper the classifier learns from. */
export interface TopicExample {
  doc: PreparedText
  /** Its curated topics; a paper under two sections counts half in each. */
  topics: readonly string[]
}

export interface TopicClassifierOptions {
  /** L2 penalty (per example) of the regression view; chosen by cross-validation on the training years. */
  l2?: number
  /** Terms of the regression view. */
  terms?: TermOptions
  /** Regression view: 0 = no class weights, 1 = fully balanced. */
  classBalance?: number
  /** Folds for the regression view's temperature fit; 0 or 1 skips calibration of both views. */
  calibrationFolds?: number
  /** Below this calibrated confidence for every topic a paper is "unsorted". */
  unsortedBelow?: number
  /** Share of the nearest-centroid view in the blend (1 = centroid only, no regression is fitted). */
  centroidWeight?: number
  /** Starting (or, without calibration, fixed) softmax temperature that turns centroid cosines into a distribution. */
  centroidTemperature?: number
  /** Terms of the centroid view. */
  centroidTerms?: TermOptions
  /** Weight of a topic's own name in its centroid, as if it were that many more papers (0 = left out). */
  labelNameWeight?: number
  /**
   * A word a topic's papers write inside a two-word compound of at least this many curated papers (`double descent`)
   * counts for that topic only as far as a text writes it in the same compound or outside such compounds (0 = off).
   */
  headMinPapers?: number
  /** A label's compounds of a word are kept only when they hold at least this share of its weight of the word. */
  headBound?: number
  /**
   * A word the curated papers write inside named compounds at least this share of the time (`descent`) is read by
   * its compound in a text even when the library does not name that one (`coordinate descent`); other words in
   * such compounds keep their sense (`neural kernel` is a kernel).
   */
  headUnnamedAt?: number
  /** A best topic under this confidence that one word of the text makes best is not given (0 = off; see restsOn). */
  oneWordBelow?: number
  /** L2 penalty on the centroid view's per-topic offsets. */
  centroidBiasL2?: number
  /** Class weights of the centroid calibration: 0 = none, 1 = fully balanced. */
  centroidBalance?: number
  /** A second look at the two topics the centroids confuse most (see {@link TopicPair}); false turns it off. */
  pairRefinement?: boolean
  /** L2 penalty of the pair's logistic regression. */
  pairL2?: number
  /** Share of the pair's regression in the decision between its two topics (the rest: the centroids' odds). */
  pairMix?: number
  /** Terms of the pair's regression. */
  pairTerms?: TermOptions
  seed?: number
}

export const DEFAULT_TOPIC_OPTIONS = {
  l2: 3e-3,
  terms: { maxN: 2, titleWeight: 3 },
  classBalance: 1,
  calibrationFolds: 4,
  unsortedBelow: 0.35,
  centroidWeight: 1,
  centroidTemperature: 0.02,
  centroidTerms: { maxN: 1, titleWeight: 4 },
  labelNameWeight: 1,
  headMinPapers: 5,
  headBound: 0.8,
  headUnnamedAt: 0.9,
  oneWordBelow: 0.4,
  centroidBiasL2: 0.1,
  centroidBalance: 0.5,
  pairRefinement: true,
  pairL2: 3e-4,
  pairMix: 0.5,
  pairTerms: { maxN: 1, titleWeight: 3 },
  seed: 7,
} as const satisfies Required<TopicClassifierOptions>

export const TOPIC_HOW_COMPUTED =
  "Topics are learned from the library's curated ones (the sections people filed papers under): each topic is the average TF-IDF vector of its papers' title (counted four times), abstract and a source's digest, over single lemmas, plus the topic's own name, and a paper's similarity to each topic becomes a confidence through a softmax whose scale and per-topic offsets are fitted on the curated papers, each scored against topics built without it. A word a topic's papers mostly write inside a compound that five or more curated papers use (`descent` in `double descent`) counts for that topic only as far as the text writes it in that compound or on its own, so `gradient descent` or `coordinate descent` is next to no evidence for a topic about double descent. The two topics this confuses most on the curated papers get a second look: when one of them is a paper's best topic, a logistic regression fitted on just their papers' words decides between the two, averaged with the similarities' odds. A paper with curated topics keeps them; otherwise it gets its best topic (and any other at 35% or more), and a paper whose best confidence is under 35% is left unsorted rather than guessed, as is one whose best topic is under 40% and rests on one word (without that word another topic would be closer; the reasons name the word), unless the text writes that word in the topic's name with another word of it (`Neural Tangent Kernel`, `double descent` for Deep Double Descent): there the name's words back the topic together. So is a text further from every topic than any curated paper is from the topics built without it (its best similarity under the smallest of theirs): a recipe, another language, a few stray words; nothing is suggested for it from similar papers or topics either. A paper (a library paper, or a classified text given its year) dated five or more years before the library first wrote a topic's name as a key word (its first paper that writes or lists it) is not put under that topic, nor counted near its papers by it: `Neural Tangent Kernel`, first written in 2018, for *Theory of reproducing kernels* (1950). It gets the next topic that is confident enough, or is left unsorted with that reason; a name no curator lists (`Others`, `Interactions with Neuroscience`) has no first year."

/** A fitted topic classifier. Plain data except `weights`; see {@link topicModelToJson}. */
export interface TopicModel {
  kind: 'topics'
  /** {@link MODEL_VERSION} when fitted. */
  version: number
  labels: string[]
  /** The regression view's vocabulary (empty when the model is centroid only). */
  tfidf: TfidfModel
  terms: Required<TermOptions>
  /** Regression softmax weights: `weights[c * (V + 1) + f]`, bias last (all zero when centroid only). */
  weights: Float32Array
  /** Calibrated temperature of the regression view, or of the centroid view when the model is centroid only. */
  temperature: number
  unsortedBelow: number
  /** Training papers per label. */
  support: number[]
  /** The nearest-centroid view, or null when its weight is 0. */
  centroids: TopicCentroids | null
  /** The second look at the most confused pair of topics, or null/absent (older models) when there is none. */
  pair?: TopicPair | null
}

/**
 * The two topics the centroid view confuses most on its own curated papers (each scored with centroids built
 * without it) get a second look: a logistic regression fitted on just their papers decides between them,
 * averaged with the centroids' odds, whenever one of the two is a paper's best topic. Catch-all topics
 * ("Others" beside "Empirical Study" in the awesome list) sit far from their diffuse centroids; words that
 * tell the two apart do better there. Plain data.
 */
export interface TopicPair {
  /** Indices into the model's labels: the regression gives the probability of the second. */
  labels: [number, number]
  tfidf: TfidfModel
  terms: Required<TermOptions>
  /** Two-class softmax weights over `tfidf`'s vocabulary, bias last per class. */
  weights: number[]
  /** Share of the regression in the decision. */
  mix: number
  /** Curated papers (leave-one-out) the centroids put under the other topic of the pair. */
  confused: number
}

/** Unit-length mean TF-IDF vector of each label's papers, over a plain word vocabulary. Plain data. */
export interface TopicCentroids {
  tfidf: TfidfModel
  terms: Required<TermOptions>
  /** One sparse vector per label, in `labels` order. */
  vectors: Array<{ indices: number[]; values: number[] }>
  weight: number
  /** Cosines are divided by it before the softmax. */
  temperature: number
  /** Per-label offsets added after dividing by the temperature (absent in older models: 0). */
  biases?: number[]
  /**
   * A text whose best cosine is below this is off topic: the smallest best cosine of a curated paper to the
   * centroids built without it (absent in older models: no such check). On the three training-year splits no
   * paper of the next year fell below it (267 papers).
   */
  minCosine?: number
  /** A best topic under this confidence that only one word of the text makes best is not given (see restsOn; absent: it is). */
  oneWordBelow?: number
  /** How each topic's papers write its words inside compounds (absent in older models: a word counts wherever it is). */
  heads?: HeadCompounds
}

export interface TopicModelJson extends Omit<TopicModel, 'weights'> {
  weights: string
}

/** A topic with its calibrated confidence. */
export interface TopicScore {
  label: string
  confidence: number
}

/**
 * Why a text is unsorted, first that applies: `off-topic`, further from every topic than any curated paper;
 * `low-confidence`, no topic reaches the model's `unsortedBelow`; `one-word`, the best topic reaches it but is under
 * `oneWordBelow` and one word of the text alone makes it best. Two the classifier never gives: `too-short`, the
 * text has too few content words (or too few the library's papers use) to tell, which `classify` decides; and
 * `no-model`, the library has no curated topics to learn from. `named-later` is `low-confidence` where the best topic
 * was one the paper cannot be under, named long after it was written ({@link TopicPrediction.namedLater}).
 */
export type UnsortedReason = 'off-topic' | 'low-confidence' | 'named-later' | 'one-word' | 'too-short' | 'no-model'

/**
 * A topic a paper is not put under, though it was closest: the library first wrote the topic's name in `firstYear`,
 * long after the paper's `year` (keywords.ts, topicsNamedLater).
 */
export interface NamedLater {
  firstYear: number
  year: number
}

/** What the classifier says about one paper. */
export interface TopicPrediction {
  /** The best topics, most confident first. */
  topics: TopicScore[]
  /** True when no topic reaches the model's `unsortedBelow`, or the text is off topic. */
  unsorted: boolean
  /**
   * True when the text is further from every topic than any curated paper was ({@link TopicCentroids.minCosine}):
   * a softmax would still name a best topic, but nothing here is about this library's topics.
   */
  offTopic: boolean
  /** Why the text is unsorted (null when it is not); {@link unsortedSentence} says it to a reader. */
  unsortedBecause: UnsortedReason | null
  /**
   * The one word the best topic rests on (as the text writes it) and the topic closest without it, when the best
   * topic is under `oneWordBelow` and only that word makes it best (see restsOn), a word the text does not write in
   * the topic's name (`kernel` of `Neural Tangent Kernel` is not one word); null otherwise. It is why the
   * text is unsorted only when the best topic reached `unsortedBelow` (`unsortedBecause` 'one-word').
   */
  oneWord: { word: string; instead: string } | null
  /**
   * A text too short to tell (`unsortedBecause` 'too-short', which `classify` decides, not the classifier): its
   * distinct content words, how many of them the library's papers use, and which was too few (`words`: the text is
   * short; `known`: few of its words are the library's).
   */
  tooShort?: { words: number; known: number; tooFew: 'words' | 'known' }
  /**
   * The topic that was closest but is not given, named long after the paper was written, with its confidence; absent
   * when none was passed over. Unsorted for it (`named-later`) when no other topic reaches `unsortedBelow`.
   */
  namedLater?: NamedLater & { label: string; confidence: number }
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
  const calibrate = o.calibrationFolds >= 2 && labels.length >= 2
  const fittedCentroids =
    o.centroidWeight > 0
      ? fitCentroids(usable, labels, {
          weight: Math.min(1, o.centroidWeight),
          temperature: o.centroidTemperature,
          terms: { ...DEFAULT_TOPIC_OPTIONS.centroidTerms, ...options.centroidTerms },
          labelNameWeight: o.labelNameWeight,
          headMinPapers: o.headMinPapers,
          headUnnamedAt: o.headUnnamedAt,
          headBound: o.headBound,
          calibrate,
          biasL2: o.centroidBiasL2,
          balance: o.centroidBalance,
        })
      : null
  const centroids = fittedCentroids?.centroids ?? null
  if (centroids && o.oneWordBelow > 0) centroids.oneWordBelow = o.oneWordBelow
  const base = {
    kind: 'topics' as const,
    version: MODEL_VERSION,
    labels,
    unsortedBelow: o.unsortedBelow,
    support: labels.map((l) => usable.filter((e) => e.topics.includes(l)).length),
    centroids,
  }
  if (centroids && centroids.weight >= 1) {
    const pair =
      o.pairRefinement && fittedCentroids
        ? fitTopicPair(usable, labels, fittedCentroids.leaveOneOutBest, { l2: o.pairL2, mix: o.pairMix, terms: { ...DEFAULT_TOPIC_OPTIONS.pairTerms, ...options.pairTerms } })
        : null
    // Centroid only: an empty regression view (zero biases), so stored models keep one shape.
    return {
      ...base,
      tfidf: fitTfidf([], { minDf: 1 }),
      terms,
      weights: new Float32Array(labels.length),
      temperature: centroids.temperature,
      pair,
    }
  }
  const counts = usable.map((e) => termCounts(e.doc, terms))
  const fitted = fitOn(usable, counts, labels, o.l2, o.classBalance)
  let temperature = 1
  const folds = Math.min(o.calibrationFolds, usable.length)
  if (calibrate && folds >= 2) {
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
  // The second look is fitted for the centroid view only.
  return { ...base, tfidf: fitted.tfidf, terms, weights: fitted.softmax.weights, temperature, pair: null }
}

interface CentroidFitOptions {
  weight: number
  temperature: number
  terms: Required<TermOptions>
  labelNameWeight: number
  headMinPapers: number
  headUnnamedAt: number
  headBound: number
  calibrate: boolean
  biasL2: number
  balance: number
}

/**
 * Each label's centroid (its papers' TF-IDF vectors summed, a paper under two labels counting half in each,
 * plus the label's name), and the softmax scale and per-label offsets fitted on leave-one-out cosines.
 */
function fitCentroids(
  examples: readonly TopicExample[],
  labels: readonly string[],
  o: CentroidFitOptions,
): { centroids: TopicCentroids; leaveOneOutBest: number[] } {
  const counts = examples.map((e) => termCounts(e.doc, o.terms))
  const tfidf = fitTfidf(counts, { minDf: 1 })
  // As a new text's are (centroidVector): a term past the vocabulary's size limit lengthens the vector here too.
  const xs = counts.map((c) => tfidfVector(tfidf, c, { unseen: 'lengthen' }))
  const sums = labels.map(() => new Map<number, number>())
  const add = (c: number, x: SparseVector, w: number): void => {
    const sum = sums[c] as Map<number, number>
    x.indices.forEach((f, j) => sum.set(f, (sum.get(f) ?? 0) + w * (x.values[j] as number)))
  }
  examples.forEach((e, i) => {
    for (const t of e.topics) {
      const c = labels.indexOf(t)
      if (c >= 0) add(c, xs[i] as SparseVector, 1 / e.topics.length)
    }
  })
  const names = labels.map((label) => prepareText({ title: label, text: '' }))
  if (o.labelNameWeight > 0) names.forEach((name, c) => add(c, tfidfVector(tfidf, termCounts(name, o.terms)), o.labelNameWeight))
  const heads = o.headMinPapers > 0 ? fitHeadSums(examples, labels, xs, tfidf, names, sums, o) : null
  // Each curated paper's cosines to centroids built without it: the calibration's data, and where the centroids go wrong.
  const sumNorms2 = sums.map((sum) => [...sum.values()].reduce((a, v) => a + v * v, 0))
  const looRows = examples.map((e, i) => leaveOneOutCosines(e, xs[i] as SparseVector, labels, sums, sumNorms2, heads ? { sums: heads.sums, own: heads.papers[i] as PaperHeads } : null))
  let temperature = o.temperature
  let biases = labels.map(() => 0)
  if (o.calibrate && labels.length >= 2) {
    const fitted = fitCentroidScale(examples, labels, looRows, o)
    if (fitted) ({ temperature, biases } = fitted)
  }
  const vectors = sums.map((sum) => {
    const entries = [...sum].sort((a, b) => a[0] - b[0])
    const norm = Math.sqrt(entries.reduce((acc, [, v]) => acc + v * v, 0)) || 1
    return { indices: entries.map(([f]) => f), values: entries.map(([, v]) => v / norm) }
  })
  const leaveOneOutBest = looRows.map((row) => {
    let best = 0
    row.forEach((cos, c) => {
      if (cos / temperature + (biases[c] ?? 0) > (row[best] as number) / temperature + (biases[best] ?? 0)) best = c
    })
    return best
  })
  const nearest = looRows.map((row) => Math.max(0, ...row))
  const minCosine = nearest.length > 0 ? Math.min(...nearest) : 0
  const centroids: TopicCentroids = { tfidf, terms: o.terms, vectors, weight: o.weight, temperature, biases, minCosine }
  if (heads) centroids.heads = { minPapers: o.headMinPapers, unnamed: heads.unnamed, shares: headShares(heads.sums, sums, tfidf) }
  return { centroids, leaveOneOutBest }
}

/** A paper's share of each word (by vocabulary index) in each named compound it heads. */
type PaperHeads = Map<number, WordCompounds>

/** Per label: word index → modifier → the part of the label's centroid sum from uses in that compound. */
type HeadSums = Array<Map<number, Map<string, number>>>

/** Each label's centroid sums split by the named compounds its papers (and its name) write their words in. */
function fitHeadSums(
  examples: readonly TopicExample[],
  labels: readonly string[],
  xs: readonly SparseVector[],
  tfidf: TfidfModel,
  names: readonly PreparedText[],
  centroidSums: ReadonlyArray<Map<number, number>>,
  o: CentroidFitOptions,
): { sums: HeadSums; papers: PaperHeads[]; unnamed: Record<string, number> } {
  const contexts = examples.map((e) => headContexts(e.doc, o.terms.titleWeight))
  const named = namedCompounds(contexts, o.headMinPapers)
  const index = termIndex(tfidf)
  const byIndex = (shares: Map<string, WordCompounds>): PaperHeads => {
    const out: PaperHeads = new Map()
    for (const [word, m] of shares) {
      const f = index.get(word)
      if (f !== undefined) out.set(f, m)
    }
    return out
  }
  const papers = contexts.map((c) => byIndex(compoundShares(c, named, () => 0)))
  const sums: HeadSums = labels.map(() => new Map())
  const add = (c: number, x: SparseVector, own: PaperHeads, w: number): void => {
    const sum = sums[c] as Map<number, Map<string, number>>
    x.indices.forEach((f, j) => {
      const shares = own.get(f)
      if (!shares) return
      const bound = sum.get(f) ?? sum.set(f, new Map()).get(f)!
      for (const [modifier, share] of shares.shares) bound.set(modifier, (bound.get(modifier) ?? 0) + w * (x.values[j] as number) * share)
    })
  }
  examples.forEach((e, i) => {
    for (const t of e.topics) {
      const c = labels.indexOf(t)
      if (c >= 0) add(c, xs[i] as SparseVector, papers[i] as PaperHeads, 1 / e.topics.length)
    }
  })
  if (o.labelNameWeight > 0) {
    names.forEach((name, c) => add(c, tfidfVector(tfidf, termCounts(name, o.terms)), byIndex(compoundShares(headContexts(name, o.terms.titleWeight), named, () => 0)), o.labelNameWeight))
  }
  sums.forEach((byWord, c) => {
    for (const [f, bound] of byWord) {
      let part = 0
      for (const v of bound.values()) part += v
      if (part < o.headBound * ((centroidSums[c] as Map<number, number>).get(f) ?? 0)) byWord.delete(f)
    }
  })
  // A text is read later with the compounds the labels kept (see namedOf); the papers are read again with them.
  const kept = new Set<string>()
  for (const byWord of sums) for (const [f, bound] of byWord) for (const modifier of bound.keys()) kept.add(`${modifier} ${tfidf.vocabulary[f] ?? ''}`)
  const share = namedShare(contexts, named)
  const unnamed: Record<string, number> = {}
  for (const byWord of sums) {
    for (const f of byWord.keys()) {
      const word = tfidf.vocabulary[f] ?? ''
      const s = share.get(word) ?? 0
      if (s >= o.headUnnamedAt) unnamed[word] = 1
    }
  }
  return { sums, unnamed, papers: contexts.map((c) => byIndex(compoundShares(c, kept, (word) => unnamed[word] ?? 0))) }
}

/** The stored form of {@link HeadSums}: each part as a share of the label's whole sum of that word, keyed by the word. */
function headShares(heads: HeadSums, sums: ReadonlyArray<Map<number, number>>, tfidf: TfidfModel): Array<Record<string, Record<string, number>>> {
  return heads.map((byWord, c) => {
    const out: Record<string, Record<string, number>> = {}
    for (const [f, bound] of [...byWord].sort((a, b) => a[0] - b[0])) {
      const total = (sums[c] as Map<number, number>).get(f) ?? 0
      if (!(total > 0)) continue
      const shares: Record<string, number> = {}
      for (const [modifier, part] of [...bound].sort((a, b) => (a[0] < b[0] ? -1 : 1))) shares[modifier] = Math.min(1, part / total)
      out[tfidf.vocabulary[f] ?? ''] = shares
    }
    return out
  })
}

/** A curated paper's cosine to each label's centroid, its own share taken out of its own labels' centroids. */
function leaveOneOutCosines(
  e: TopicExample,
  x: SparseVector,
  labels: readonly string[],
  sums: ReadonlyArray<Map<number, number>>,
  sumNorms2: readonly number[],
  heads: { sums: HeadSums; own: PaperHeads } | null,
): number[] {
  const share = 1 / e.topics.length
  const own = new Set(e.topics.map((t) => labels.indexOf(t)))
  return labels.map((_, c) => {
    const sum = sums[c] as Map<number, number>
    let d = 0
    x.indices.forEach((f, j) => {
      d += (x.values[j] as number) * (sum.get(f) ?? 0)
    })
    let n2 = sumNorms2[c] as number
    if (own.has(c)) {
      // |s − w·x|² with |x| = 1.
      n2 += -2 * share * d + share * share
      d -= share
    }
    // The label's uses of a word in compounds this paper does not write it in are no match (see headMatch);
    // the paper's own uses are taken out of its own labels' parts, as its vector is out of their sums.
    if (heads) d -= x.indices.reduce((away, f, j) => away + (x.values[j] as number) * unmatched(heads.sums[c]?.get(f), heads.own.get(f), own.has(c) ? share * (x.values[j] as number) : 0), 0)
    return n2 > 1e-12 ? d / Math.sqrt(n2) : 0
  })
}

/** The part of a label's sum of one word a paper's uses cannot match, its own part (`ownWeight` × its shares) taken out. */
function unmatched(bound: ReadonlyMap<string, number> | undefined, mine: WordCompounds | undefined, ownWeight: number): number {
  if (!bound || !mine) return 0
  let away = 0
  for (const [modifier, part] of bound) {
    const here = mine.shares.get(modifier) ?? 0
    away += (part - ownWeight * here) * (mine.bound - here)
  }
  return away
}

/**
 * The pair of labels the centroids confuse most on the curated papers (leave-one-out), with a logistic
 * regression between the two fitted on the papers of exactly one of them; null when no pair is confused
 * often enough to learn from (fewer than 3 papers or 2% of them).
 */
function fitTopicPair(
  examples: readonly TopicExample[],
  labels: readonly string[],
  leaveOneOutBest: readonly number[],
  o: { l2: number; mix: number; terms: Required<TermOptions> },
): TopicPair | null {
  const confusion = new Map<string, number>()
  examples.forEach((e, i) => {
    const predicted = leaveOneOutBest[i] as number
    const own = e.topics.map((t) => labels.indexOf(t)).filter((c) => c >= 0)
    if (own.includes(predicted)) return
    for (const c of own) {
      const key = c < predicted ? `${c} ${predicted}` : `${predicted} ${c}`
      confusion.set(key, (confusion.get(key) ?? 0) + 1 / own.length)
    }
  })
  const [top] = [...confusion].sort((p, q) => q[1] - p[1] || (p[0] < q[0] ? -1 : 1))
  if (!top || top[1] < Math.max(3, 0.02 * examples.length)) return null
  const [a, b] = top[0].split(' ').map(Number) as [number, number]
  const inA = (e: TopicExample): boolean => e.topics.includes(labels[a] as string)
  const inB = (e: TopicExample): boolean => e.topics.includes(labels[b] as string)
  const papers = examples.filter((e) => inA(e) !== inB(e))
  const ys = papers.map((e) => (inB(e) ? 1 : 0))
  const nB = ys.reduce((n: number, y) => n + y, 0)
  const nA = ys.length - nB
  if (nA < 2 || nB < 2) return null
  const counts = papers.map((e) => termCounts(e.doc, o.terms))
  const tfidf = fitTfidf(counts, { minDf: 1 })
  const xs = counts.map((c) => tfidfVector(tfidf, c))
  const model = fitSoftmax(xs, ys, 2, tfidf.vocabulary.length, { l2: o.l2, classWeights: [ys.length / (2 * nA), ys.length / (2 * nB)] })
  return { labels: [a, b], tfidf, terms: o.terms, weights: Array.from(model.weights), mix: o.mix, confused: top[1] }
}

const pairWeightsCache = new WeakMap<TopicPair, SoftmaxModel>()

/** The pair's regression as the softmax reads it (its weights stored as plain numbers). */
function pairModel(pair: TopicPair): SoftmaxModel {
  let model = pairWeightsCache.get(pair)
  if (!model) {
    model = { classes: 2, dimensions: pair.tfidf.vocabulary.length, weights: Float32Array.from(pair.weights) }
    pairWeightsCache.set(pair, model)
  }
  return model
}

/**
 * The pair's second look: when the best label is one of the pair, the mass of the two is split again by
 * the pair's regression averaged with the centroids' odds between them; other labels keep theirs.
 */
function refinePair(pair: TopicPair, probs: Float64Array, doc: PreparedText): Float64Array {
  let best = 0
  probs.forEach((p, c) => {
    if (p > (probs[best] as number)) best = c
  })
  const [a, b] = pair.labels
  if (best !== a && best !== b) return probs
  const z = softmaxLogits(pairModel(pair), tfidfVector(pair.tfidf, termCounts(doc, pair.terms)))
  const regression = 1 / (1 + Math.exp((z[0] as number) - (z[1] as number)))
  const mass = (probs[a] as number) + (probs[b] as number)
  const centroidOdds = mass > 0 ? (probs[b] as number) / mass : 0.5
  const q = pair.mix * regression + (1 - pair.mix) * centroidOdds
  const out = Float64Array.from(probs)
  out[a] = mass * (1 - q)
  out[b] = mass * q
  return out
}

/**
 * Scale `a` and offsets `b` of `softmax(a · cos + b)`, minimising the (class-weighted) negative
 * log-likelihood of the training papers' own labels, each paper's cosines taken against centroids without
 * it. Null when the fit is degenerate (non-positive scale).
 */
function fitCentroidScale(
  examples: readonly TopicExample[],
  labels: readonly string[],
  looRows: ReadonlyArray<readonly number[]>,
  o: CentroidFitOptions,
): { temperature: number; biases: number[] } | null {
  const C = labels.length
  const rows: Array<readonly number[]> = []
  const ys: number[] = []
  const ws: number[] = []
  examples.forEach((e, i) => {
    const share = 1 / e.topics.length
    const own = new Set(e.topics.map((t) => labels.indexOf(t)))
    const row = looRows[i] as readonly number[]
    for (const c of own) {
      if (c < 0) continue
      rows.push(row)
      ys.push(c)
      ws.push(share)
    }
  })
  if (rows.length === 0) return null
  const perClass = labels.map((_, c) => ys.reduce((s, y, i) => s + (y === c ? (ws[i] as number) : 0), 0))
  const total = perClass.reduce((a, b) => a + b, 0)
  const classWeights = perClass.map((n) => (n > 0 ? Math.pow(total / (C * n), o.balance) : 0))
  const exampleWeights = ys.map((y, i) => (classWeights[y] as number) * (ws[i] as number))
  const weightSum = exampleWeights.reduce((a, b) => a + b, 0) || 1
  const z = new Float64Array(C)
  const objective = (w: Float64Array, grad: Float64Array): number => {
    grad.fill(0)
    let loss = 0
    const a = w[0] as number
    rows.forEach((row, i) => {
      const ew = (exampleWeights[i] as number) / weightSum
      const y = ys[i] as number
      let max = -Infinity
      for (let c = 0; c < C; c++) {
        z[c] = a * (row[c] as number) + (w[1 + c] as number)
        max = Math.max(max, z[c] as number)
      }
      let sum = 0
      for (let c = 0; c < C; c++) sum += Math.exp((z[c] as number) - max)
      const lse = max + Math.log(sum)
      loss -= ew * ((z[y] as number) - lse)
      for (let c = 0; c < C; c++) {
        const g = ew * (Math.exp((z[c] as number) - lse) - (c === y ? 1 : 0))
        grad[0] = (grad[0] as number) + g * (row[c] as number)
        grad[1 + c] = (grad[1 + c] as number) + g
      }
    })
    for (let c = 0; c < C; c++) {
      const b = w[1 + c] as number
      loss += 0.5 * o.biasL2 * b * b
      grad[1 + c] = (grad[1 + c] as number) + o.biasL2 * b
    }
    return loss
  }
  const start = new Float64Array(C + 1)
  start[0] = 1 / o.temperature
  const w = minimizeLbfgs(objective, start, { maxIterations: 200 })
  const a = w[0] as number
  if (!(a > 0) || !Number.isFinite(a)) return null
  return { temperature: 1 / a, biases: Array.from(w.subarray(1)) }
}

const centroidVectorCache = new WeakMap<TopicCentroids, SparseVector[]>()

/** The centroids as typed sparse vectors (stored as plain numbers). */
function centroidVectors(centroids: TopicCentroids): SparseVector[] {
  let vectors = centroidVectorCache.get(centroids)
  if (!vectors) {
    vectors = centroids.vectors.map((v) => ({ indices: Int32Array.from(v.indices), values: Float32Array.from(v.values) }))
    centroidVectorCache.set(centroids, vectors)
  }
  return vectors
}

const topicTermSets = new WeakMap<TopicModel, ReadonlySet<string>>()

/** The terms the topic model weighs (words and phrases of the curated papers, but those in most of them). */
export function topicTerms(model: TopicModel): ReadonlySet<string> {
  let terms = topicTermSets.get(model)
  if (!terms) {
    terms = new Set([...(model.centroids?.tfidf.vocabulary ?? []), ...model.tfidf.vocabulary])
    topicTermSets.set(model, terms)
  }
  return terms
}

/** A paper's TF-IDF vector under the centroid view's vocabulary. */
function centroidVector(centroids: TopicCentroids, doc: PreparedText): SparseVector {
  // Words the curated papers never wrote lengthen the text's vector, as each training paper's own rare words
  // did in the leave-one-out cosines the calibration and the off-topic bound were fitted on.
  return tfidfVector(centroids.tfidf, termCounts(doc, centroids.terms), { unseen: 'lengthen' })
}

/** The centroid view's distribution over labels for one paper, from its {@link centroidCosines}. */
function centroidProbabilities(centroids: TopicCentroids, cosines: readonly number[]): Float64Array {
  const biases = centroids.biases
  return softmax(cosines.map((cos, c) => cos / centroids.temperature + (biases?.[c] ?? 0)))
}

/** A paper's cosine to each label's centroid, each of its words counted as far as it matches the label's compounds. */
function centroidCosines(centroids: TopicCentroids, x: SparseVector, matches: HeadMatches | null): number[] {
  const cosines = centroidVectors(centroids).map((v) => sparseDot(x, v))
  if (matches) {
    const byTerm = termCentroids(centroids)
    for (const [j, match] of matches) {
      const found = byTerm.get(x.indices[j] as number)
      if (!found) continue
      for (let k = 0; k < found.labels.length; k++) {
        const c = found.labels[k] as number
        cosines[c] = (cosines[c] as number) - (x.values[j] as number) * (found.weights[k] as number) * (1 - (match[c] as number))
      }
    }
  }
  return cosines
}

/** Position in a text's vector → how far its uses of that word match each label's (1 for a word no label binds). */
type HeadMatches = Map<number, Float64Array>

/** {@link headMatch} of each of a text's words that some label writes inside compounds; null when the model has no such data. */
function headMatches(centroids: TopicCentroids, doc: PreparedText, x: SparseVector): HeadMatches | null {
  const heads = centroids.heads
  if (!heads) return null
  const named = namedOf(heads)
  const mine = compoundShares(headContexts(doc, centroids.terms.titleWeight), named, (word) => heads.unnamed[word] ?? 0)
  const bound = boundWords(heads)
  const out: HeadMatches = new Map()
  x.indices.forEach((f, j) => {
    const word = centroids.tfidf.vocabulary[f] ?? ''
    const labels = bound.get(word)
    if (!labels) return
    const match = new Float64Array(heads.shares.length).fill(1)
    for (const { c, shares } of labels) match[c] = headMatch(shares, mine.get(word))
    out.set(j, match)
  })
  return out
}

const boundWordsCache = new WeakMap<HeadCompounds, ReadonlyMap<string, ReadonlyArray<{ c: number; shares: Readonly<Record<string, number>> }>>>()

/**
 * Word → the labels that write it inside compounds, with their shares, in label order: a few dozen words of the
 * thousands a text's vector may hold, looked up once per word rather than once per word and label.
 */
function boundWords(heads: HeadCompounds): ReadonlyMap<string, ReadonlyArray<{ c: number; shares: Readonly<Record<string, number>> }>> {
  let bound = boundWordsCache.get(heads)
  if (!bound) {
    const found = new Map<string, Array<{ c: number; shares: Readonly<Record<string, number>> }>>()
    heads.shares.forEach((byWord, c) => {
      for (const word of Object.keys(byWord)) (found.get(word) ?? found.set(word, []).get(word)!).push({ c, shares: byWord[word] as Record<string, number> })
    })
    boundWordsCache.set(heads, (bound = found))
  }
  return bound
}

const namedCache = new WeakMap<HeadCompounds, ReadonlySet<string>>()

/** The named compounds of a model: those some label writes a word in. */
function namedOf(heads: HeadCompounds): ReadonlySet<string> {
  let named = namedCache.get(heads)
  if (!named) {
    const found = new Set<string>()
    for (const byWord of heads.shares) for (const word in byWord) for (const modifier in byWord[word]) found.add(`${modifier} ${word}`)
    namedCache.set(heads, (named = found))
  }
  return named
}

/** Each term's weights in the centroids that have it, in label order (a term is in few of them). */
interface TermInCentroids {
  labels: Int32Array
  weights: Float64Array
}

const termCentroidCache = new WeakMap<TopicCentroids, Map<number, TermInCentroids>>()

/** Term → the centroids that weigh it, built once per model: a Map lookup per term and label was a tenth of classifying a text. */
function termCentroids(centroids: TopicCentroids): Map<number, TermInCentroids> {
  let byTerm = termCentroidCache.get(centroids)
  if (!byTerm) {
    const lists = new Map<number, { labels: number[]; weights: number[] }>()
    centroids.vectors.forEach((v, c) => {
      v.indices.forEach((f, j) => {
        const list = lists.get(f) ?? lists.set(f, { labels: [], weights: [] }).get(f)!
        list.labels.push(c)
        list.weights.push(v.values[j] as number)
      })
    })
    byTerm = new Map([...lists].map(([f, l]) => [f, { labels: Int32Array.from(l.labels), weights: Float64Array.from(l.weights) }]))
    termCentroidCache.set(centroids, byTerm)
  }
  return byTerm
}

/**
 * Each term's push towards label `best` in the centroid view: its weight in the paper times how much more
 * it weighs in that centroid than in the others on average, on the softmax's scale.
 */
function centroidContributions(centroids: TopicCentroids, x: SparseVector, best: number, matches: HeadMatches | null): Contribution[] {
  const others = Math.max(1, centroids.vectors.length - 1)
  const byTerm = termCentroids(centroids)
  const out: Contribution[] = []
  x.indices.forEach((f, j) => {
    // The other labels' weights summed in label order, as over every centroid: a label without the term adds 0.
    let rest = 0
    let own = 0
    const found = byTerm.get(f)
    const match = matches?.get(j)
    if (found) {
      for (let k = 0; k < found.labels.length; k++) {
        const w = (found.weights[k] as number) * (match?.[found.labels[k] as number] ?? 1)
        if (found.labels[k] === best) own = w
        else rest += w
      }
    }
    const margin = own - rest / others
    out.push({
      label: centroids.tfidf.vocabulary[f] ?? '',
      weight: ((x.values[j] as number) * margin) / centroids.temperature,
    })
  })
  return out
}

/** Blends the calibrated regression distribution with the centroid view. */
function blend(model: TopicModel, regression: Float64Array, centroid: Float64Array | null): Float64Array {
  if (!model.centroids || model.centroids.weight <= 0 || !centroid) return regression
  const w = model.centroids.weight
  if (w >= 1) return centroid
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
  return views(model, doc).probs
}

/** Both views of one paper: the regression features, the centroid features and the blended distribution. */
function views(
  model: TopicModel,
  doc: PreparedText,
): { x: SparseVector; cx: SparseVector | null; matches: HeadMatches | null; cosines: number[] | null; centroid: Float64Array | null; probs: Float64Array } {
  // A centroid-only model has an empty regression vocabulary: no need to count its terms.
  const x =
    model.tfidf.vocabulary.length > 0
      ? tfidfVector(model.tfidf, termCounts(doc, model.terms))
      : { indices: new Int32Array(0), values: new Float32Array(0) }
  const cx = model.centroids && model.centroids.weight > 0 ? centroidVector(model.centroids, doc) : null
  const matches = model.centroids && cx ? headMatches(model.centroids, doc, cx) : null
  const cosines = model.centroids && cx ? centroidCosines(model.centroids, cx, matches) : null
  const centroid = model.centroids && cosines ? centroidProbabilities(model.centroids, cosines) : null
  const blended = blend(model, softmax(topicLogits(model, x), model.temperature), centroid)
  return { x, cx, matches, cosines, centroid, probs: model.pair ? refinePair(model.pair, blended, doc) : blended }
}

/**
 * Where reading words by their compounds lowered a topic's confidence much (by 0.1 or more; the topic that would be
 * best without it): each word it counted for less than half, with that topic's main compound of it.
 */
function otherSenses(
  centroids: TopicCentroids,
  x: SparseVector,
  matches: HeadMatches,
  cosines: readonly number[],
  probs: Float64Array,
): Array<{ term: string; label: number; compound: string; lost: number }> {
  const byTerm = termCentroids(centroids)
  const plain = [...cosines]
  for (const [j, match] of matches) {
    const found = byTerm.get(x.indices[j] as number)
    if (!found) continue
    for (let k = 0; k < found.labels.length; k++) {
      const c = found.labels[k] as number
      plain[c] = (plain[c] as number) + (x.values[j] as number) * (found.weights[k] as number) * (1 - (match[c] as number))
    }
  }
  const before = centroidProbabilities(centroids, plain)
  let label = 0
  before.forEach((p, c) => {
    if (p > (before[label] as number)) label = c
  })
  const lost = (before[label] as number) - (probs[label] as number)
  if (lost < 0.1) return []
  const out: Array<{ term: string; label: number; compound: string; lost: number }> = []
  for (const [j, match] of matches) {
    if ((match[label] as number) >= 0.5) continue
    const term = centroids.tfidf.vocabulary[x.indices[j] as number] ?? ''
    const shares = Object.entries(centroids.heads?.shares[label]?.[term] ?? {}).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    const main = shares[0]
    if (main) out.push({ term, label, compound: `${main[0]} ${term}`, lost })
  }
  return out
}

/**
 * Evidence breadth: the topic a text's words would be closest to without the one word that pushes `best` hardest,
 * or null when `best` stays closest (or the two are the pair the second look tells apart). A topic that only that
 * word makes best rests on it alone.
 */
function restsOn(centroids: TopicCentroids, x: SparseVector, matches: HeadMatches | null, cosines: readonly number[], best: number, pair: TopicPair | null | undefined): { term: string; instead: number } | null {
  const pushes = centroidContributions(centroids, x, best, matches)
  let j = -1
  pushes.forEach((p, k) => {
    if (p.weight > 0 && (j < 0 || p.weight > (pushes[j] as Contribution).weight)) j = k
  })
  if (j < 0) return null
  const without = [...cosines]
  const found = termCentroids(centroids).get(x.indices[j] as number)
  const match = matches?.get(j)
  if (found) {
    for (let k = 0; k < found.labels.length; k++) {
      const c = found.labels[k] as number
      without[c] = (without[c] as number) - (x.values[j] as number) * (found.weights[k] as number) * (match?.[c] ?? 1)
    }
  }
  const alone = centroidProbabilities(centroids, without)
  let instead = 0
  alone.forEach((p, c) => {
    if (p > (alone[instead] as number)) instead = c
  })
  if (instead === best || (pair?.labels.includes(best) && pair.labels.includes(instead))) return null
  return { term: (pushes[j] as Contribution).label, instead }
}

/**
 * Builds the tables classifying a text looks up in a model (built on first use otherwise): a batch builds them while
 * its first texts are still being read on the other thread, not on its first text.
 */
export function prepareTopicModel(model: TopicModel): void {
  topicTerms(model)
  termIndex(model.tfidf)
  const centroids = model.centroids
  if (centroids) {
    termIndex(centroids.tfidf)
    centroidVectors(centroids)
    termCentroids(centroids)
    if (centroids.heads) {
      namedOf(centroids.heads)
      boundWords(centroids.heads)
    }
  }
  if (model.pair) {
    termIndex(model.pair.tfidf)
    pairModel(model.pair)
  }
}

function topicLogits(model: TopicModel, x: SparseVector): Float64Array {
  return softmaxLogits({ classes: model.labels.length, dimensions: model.tfidf.vocabulary.length, weights: model.weights }, x)
}

/**
 * Classifies one paper: its best topics with calibrated confidences, "unsorted" when none is confident,
 * and the terms behind the best topic. `exclude` names topics the paper cannot be under, with the years that rule
 * each out (a paper written long before the topic's name: keywords.ts, topicsNamedLater); `why` says so first for each
 * that would have been ahead of the best one.
 * @example classifyTopics(model, prepareText({ title, text: abstract })).topics[0] // { label: 'Neural Collapse', confidence: 0.93 }
 */
export function classifyTopics(
  model: TopicModel,
  doc: PreparedText,
  { top = 3, whyTerms = 5, names, exclude }: { top?: number; whyTerms?: number; names?: TopicNames; exclude?: ReadonlyMap<string, NamedLater> } = {},
): TopicPrediction {
  const { x, cx, matches, cosines, centroid, probs } = views(model, doc)
  const all = model.labels
    .map((label, c) => ({ label, confidence: probs[c] as number, c }))
    .sort((a, b) => b.confidence - a.confidence || (a.label < b.label ? -1 : 1))
  // A topic the paper cannot be under keeps its confidence out of the others': none is made surer by its absence.
  const ranked = exclude ? all.filter((r) => !exclude.has(r.label)) : all
  const passedOver = all.slice(0, ranked[0] ? all.indexOf(ranked[0]) : all.length).map((r) => ({ ...r, ...(exclude?.get(r.label) as NamedLater) }))
  const best = ranked[0]
  const minCosine = model.centroids?.minCosine
  const offTopic = cosines !== null && minCosine !== undefined && Math.max(0, ...cosines) < minCosine
  const why: Contribution[] = []
  const rests = !offTopic && best !== undefined && best.confidence < (model.centroids?.oneWordBelow ?? 0) && model.centroids && cx && cosines ? restsOn(model.centroids, cx, matches, cosines, best.c, model.pair) : null
  // Closer without the word to a topic the paper cannot be under is no other reading of it.
  const oneWord = rests && best && !exclude?.has(model.labels[rests.instead] ?? '') && !writesInName(doc, best.label, rests.term, names) ? { word: writtenTerm(doc, model, rests.term), instead: model.labels[rests.instead] ?? '' } : null
  // Off topic, no topic is given, so nothing is said for the best one: the reason is the distance itself.
  if (offTopic) why.push({ label: OFF_TOPIC_WHY, weight: 1 })
  else if (best) {
    why.push(...passedOver.map((r) => ({ label: namedLaterWhy(r.label, r), weight: r.confidence })))
    const written = (term: string): string => writtenTerm(doc, model, term)
    if (oneWord) why.push({ label: `${RESTS_ON_ONE_WORD}without “${oneWord.word}” the text is closer to ${oneWord.instead}, so no topic is given`, weight: 1 })
    if (model.centroids && cx && matches && cosines && centroid) {
      for (const r of otherSenses(model.centroids, cx, matches, cosines, centroid)) {
        why.push({ label: `“${written(r.term)}” counted for little under ${model.labels[r.label]}: its papers write “${r.compound}”, this text does not`, weight: r.lost })
      }
    }
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
    if (model.centroids && cx && model.centroids.weight >= 1) contributions.push(...centroidContributions(model.centroids, cx, best.c, matches))
    why.push(...asWritten(doc, strongestTerms(contributions), whyTerms, Math.max(model.terms.maxN, model.centroids?.terms.maxN ?? 0)))
    if (model.centroids && cx) {
      const near = centroid?.[best.c] ?? 0
      why.push({ label: `close to the ${best.label} papers`, weight: model.centroids.weight * near })
    }
    const pair = model.pair
    if (pair && pair.labels.includes(best.c)) {
      const other = pair.labels[0] === best.c ? pair.labels[1] : pair.labels[0]
      const mass = (probs[best.c] as number) + (probs[other] as number)
      why.push({ label: `told apart from ${model.labels[other]} by a model of their papers`, weight: mass > 0 ? (probs[best.c] as number) / mass : 0 })
    }
  }
  const lowConfidence = (best?.confidence ?? 0) < model.unsortedBelow
  const namedLater = passedOver[0] ? { label: passedOver[0].label, confidence: passedOver[0].confidence, firstYear: passedOver[0].firstYear, year: passedOver[0].year } : undefined
  const unsortedBecause: UnsortedReason | null = offTopic ? 'off-topic' : lowConfidence ? (namedLater ? 'named-later' : 'low-confidence') : oneWord ? 'one-word' : null
  return {
    ...(namedLater && !offTopic ? { namedLater } : {}),
    topics: ranked.slice(0, top).map(({ label, confidence }) => ({ label, confidence })),
    unsorted: unsortedBecause !== null,
    offTopic,
    unsortedBecause,
    oneWord,
    why,
  }
}

/** Why a topic closer than the best one is not given: `not under Neural Tangent Kernel: the library first writes its name in 2018, 13 years after this paper`. */
function namedLaterWhy(label: string, { firstYear, year }: NamedLater): string {
  return `not under ${label}: the library first writes its name in ${firstYear}, ${firstYear - year} years after this paper`
}

/**
 * The topic names already read, each as {@link topicNameText} reads it (a reading thread that has the NLP model
 * loaded reads them with the texts); a name not in it is read where it is needed.
 */
export type TopicNames = ReadonlyMap<string, PreparedText>

/** A topic's name as a text to read: its label as a title. */
export function topicNameText(label: string): TextInput {
  return { title: label, text: '' }
}

/** Names read here, when no one read them before: the first loads the NLP model (a fifth of a second). */
const namesRead = new Map<string, PreparedText>()
/** Each name's phrases of two or more words, by the name as read. */
const namePhrases = new WeakMap<PreparedText, string[]>()

/**
 * Whether the text writes `term` inside two or more consecutive words of the topic's name: the whole name (`Neural
 * Tangent Kernel`) or a phrase of it (`tangent kernel`; `double descent` of Deep Double Descent). There the word is
 * read in the topic's own sense and its neighbours in the name push the same way (without `kernel` the text that
 * writes `Neural Tangent Kernel (NTK)` went to Others, and so it did without `tangent`), so a call that rests on it
 * rests on the name, not on one word. The name is taken from `names` when it is there.
 */
function writesInName(doc: PreparedText, label: string, term: string, names: TopicNames | undefined): boolean {
  let name = names?.get(label) ?? namesRead.get(label)
  if (!name) namesRead.set(label, (name = prepareText(topicNameText(label))))
  let phrases = namePhrases.get(name)
  if (!phrases) namePhrases.set(name, (phrases = phrasesOf(name.title, { minN: 2, maxN: 8 }).map((p) => p.key)))
  const holding = phrases.filter((key) => ` ${key} `.includes(` ${term} `))
  if (holding.length === 0) return false
  const longest = Math.max(...holding.map((key) => key.split(' ').length))
  const written = new Set(phrasesOf([...doc.title, ...doc.body], { minN: 2, maxN: longest }).map((p) => p.key))
  return holding.some((key) => written.has(key))
}

/** The reason an off-topic text gives (its only one). */
export const OFF_TOPIC_WHY = 'further from every topic than any curated paper'

/** How the reason a one-word call gives starts: `rests on one word: without “regression” the text is closer to …`. */
export const RESTS_ON_ONE_WORD = 'rests on one word: '

/** A centroid term (a lemma key) as the text writes it. */
function writtenTerm(doc: PreparedText, model: TopicModel, term: string): string {
  return asWritten(doc, [{ label: term, weight: 1 }], 1, model.centroids?.terms.maxN ?? 1)[0]?.label ?? term
}

/** The terms that push, hardest first, a term both views weigh counted once with both pushes. */
function strongestTerms(contributions: readonly Contribution[]): Contribution[] {
  const byTerm = new Map<string, number>()
  for (const c of contributions) byTerm.set(c.label, (byTerm.get(c.label) ?? 0) + c.weight)
  return [...byTerm]
    .filter(([, weight]) => weight > 0)
    .map(([label, weight]) => ({ label, weight }))
    .sort((a, b) => b.weight - a.weight || (a.label < b.label ? -1 : 1))
}

/**
 * The first `k` terms that name something, as the text writes them: terms are keyed by lemma with hyphens
 * joined (`selfattention`, `pacbayes`), which no reader should see.
 */
function asWritten(doc: PreparedText, terms: readonly Contribution[], k: number, maxN: number): Contribution[] {
  const surfaces = termSurfaces(doc, new Set(terms.slice(0, 4 * k).map((t) => t.label)), { maxN })
  const out: Contribution[] = []
  for (const t of terms.slice(0, 4 * k)) {
    const surface = surfaces.get(t.label)
    if (surface && !surface.nameLike) continue
    out.push({ ...t, label: surface?.text ?? t.label })
    if (out.length === k) break
  }
  return out
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
export function assignTopics(curated: readonly string[], prediction: (Pick<TopicPrediction, 'topics' | 'unsorted'> & Partial<TopicPrediction>) | null, { minConfidence = 0.35 }: { minConfidence?: number } = {}): AssignedTopic[] {
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
