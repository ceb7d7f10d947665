/**
 * @module Similar papers over an index of paper vectors; every result says which terms the papers share, and
 * which topic when both are shown under one.
 *
 * The score blends two cosines: of the papers' embeddings (LSA, or any {@link TextEmbedder}) and, when the
 * index has them, of their topic distributions (curated topics as one-hot, predicted ones as calibrated
 * confidences). The topic part keeps neighbours inside the library's own taxonomy; its weight is an
 * index option (0 turns it off).
 */
import { byScore, type Contribution, type Ranked } from './rank.js'
import { dot } from './sparse.js'
import { termIndex, topTerms } from './tfidf.js'
import { prepareText, termSurfaces, type PreparedText, type TextInput } from './text.js'
import { COMMON_SHARE_MIN_TEXTS, COMMON_TERM_SHARE, compoundsOf, isSenseTerm, projectTfidf, tfidfOf, type VectorModel } from './vectors.js'

/** A term and its TF-IDF weight in one paper. */
export interface TermWeight {
  /** The term's key (lemmas: `generalization bind`). */
  term: string
  weight: number
  /** How the paper writes it (`generalization bounds`); absent in indexes made before it was kept. */
  text?: string
  /**
   * For a word the paper writes only inside compounds the library names, the words before it (`neural` of `neural
   * network`): two papers that write a word in different compounds do not share it. Absent otherwise.
   */
  compounds?: string[]
}

/** One paper in the index. */
export interface IndexedPaper {
  paperId: string
  /** Unit-length embedding. */
  vector: Float32Array
  /** The paper's heaviest TF-IDF terms, for explaining matches. */
  terms: TermWeight[]
  /** Topic distribution over `VectorIndex.topicLabels` (sums to 1), or null when unknown. */
  topics?: Float32Array | null
  /**
   * The topics a reader sees the paper under: its curated ones, or the predicted ones assigned to it (`assignTopics`:
   * the best and any other at 35% or more, none when unsorted). A result names a topic only when both papers are
   * shown under it; when absent, none is named.
   */
  shownTopics?: readonly string[]
  /** The paper's date (`2015`, `2015-05`, `2015-05-03`): of two papers equally similar the newer is listed first. */
  date?: string | null
}

/** What a query looks like to the index. */
export type IndexQuery = Omit<IndexedPaper, 'paperId'>

/**
 * Higher score first; of equal scores (papers known by the same few words, `Highway networks` and `Network in network`
 * from `networks` alone) the newer first, then undated, then by id: the id alone ordered them by chance.
 */
function bySimilarity(a: { score: number; paperId: string; date: string | null }, b: { score: number; paperId: string; date: string | null }): number {
  if (b.score !== a.score) return b.score - a.score
  if (a.date !== b.date) return a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? 1 : -1
  return byScore(a, b)
}

export interface VectorIndex {
  /** Name of the embedder that made the vectors; queries must come from the same one. */
  embedder: string
  dimensions: number
  papers: IndexedPaper[]
  /** Labels the topic distributions refer to. */
  topicLabels: string[]
  /** Share of the score that comes from topic agreement (0..1). */
  topicWeight: number
  /**
   * How much sharing each topic counts (0..1, the rarest 1; see {@link topicSpecificity}), or null for all
   * alike: two papers of a catch-all topic a third of the library has agree less than two of a rare one.
   */
  topicSpecificity: Float32Array | null
  byId: Map<string, number>
}

export const DEFAULT_TOPIC_WEIGHT = 0.4
/** Terms kept per paper for explanations. */
export const INDEX_TERMS = 25

/** Builds an index; the papers' vectors must share one embedder and dimension. */
export function createVectorIndex(
  papers: readonly IndexedPaper[],
  {
    embedder,
    topicLabels = [],
    topicWeight = DEFAULT_TOPIC_WEIGHT,
    topicSpecificity = null,
  }: { embedder: string; topicLabels?: readonly string[]; topicWeight?: number; topicSpecificity?: Float32Array | null },
): VectorIndex {
  if (topicSpecificity && topicSpecificity.length !== topicLabels.length) throw new RangeError(`${topicSpecificity.length} topic specificities for ${topicLabels.length} topics`)
  const dimensions = papers[0]?.vector.length ?? 0
  for (const p of papers) {
    if (p.vector.length !== dimensions) throw new RangeError(`paper ${p.paperId} has a ${p.vector.length}-dimensional vector; the index has ${dimensions}`)
  }
  return {
    embedder,
    dimensions,
    papers: [...papers],
    topicLabels: [...topicLabels],
    topicWeight: topicLabels.length > 0 ? topicWeight : 0,
    topicSpecificity,
    byId: new Map(papers.map((p, i) => [p.paperId, i])),
  }
}

/** A paper's index entry from the LSA model: its embedding and heaviest terms. */
export function indexEntry(model: VectorModel, paperId: string, doc: PreparedText, topics: Float32Array | null = null): IndexedPaper {
  const tfidf = tfidfOf(model, doc)
  // The terms are what two papers are shown to share: twice as many are looked at, and only the ones that
  // name something are kept (not `allows`, not `convolutional neural`).
  const candidates = topTerms(model.tfidf, tfidf, 2 * INDEX_TERMS).filter((t) => !isSenseTerm(t.term) && !isGenericTerm(model, t.term))
  const surfaces = termSurfaces(doc, new Set(candidates.map((t) => t.term)), model.terms)
  const compounds = compoundsOf(model, doc, candidates.map((t) => t.term))
  const terms: TermWeight[] = []
  for (const t of candidates) {
    const surface = surfaces.get(t.term)
    if (surface && !surface.nameLike) continue
    const inside = compounds.get(t.term)
    terms.push({ ...t, ...(surface && surface.text !== t.term ? { text: surface.text } : {}), ...(inside ? { compounds: inside } : {}) })
    if (terms.length === INDEX_TERMS) break
  }
  return { paperId, vector: projectTfidf(model, tfidf), terms, topics }
}

/** Nouns papers use about themselves: two papers that both say `paper` or `results` share nothing by it. */
const SELF_DESCRIBING_NOUNS = new Set(['paper', 'work', 'study', 'result', 'method', 'approach', 'performance', 'number', 'problem', 'question', 'way', 'setting', 'case', 'experiment', 'finding', 'contribution', 'insight', 'evidence', 'effect', 'property', 'aspect', 'fact', 'type', 'kind', 'part'])

const commonTermSets = new WeakMap<VectorModel, ReadonlySet<string>>()

/** True for a term too common, or too much about papers in general, to explain why two papers are alike. */
function isGenericTerm(model: VectorModel, term: string): boolean {
  if (SELF_DESCRIBING_NOUNS.has(term)) return true
  if (model.commonTerms) {
    let common = commonTermSets.get(model)
    if (!common) commonTermSets.set(model, (common = new Set(model.commonTerms)))
    return common.has(term)
  }
  // A model fitted before it kept its common terms: the share among all papers, read back from the idf.
  const tfidf = model.tfidf
  const i = termIndex(tfidf).get(term)
  if (i === undefined || tfidf.documentCount < COMMON_SHARE_MIN_TEXTS) return false
  // The model keeps idf = ln((1 + N) / (1 + df)) + 1; df is read back from it.
  const df = (1 + tfidf.documentCount) / Math.exp((tfidf.idf[i] as number) - 1) - 1
  return df / tfidf.documentCount > COMMON_TERM_SHARE
}

/**
 * How much sharing each topic says, from how many curated papers have it: its information (log N / n, for n
 * of the N papers with a curated topic) over the largest, to the power `exponent`; 1 for a topic no paper
 * has yet. The exponent 0.5 (the default) was chosen on the awesome list's training years (eval/README.md).
 * @example topicSpecificity(['NTK', 'Others'], [['NTK'], ['Others'], ['Others'], ['Others']]) // [1, 0.46]
 */
export function topicSpecificity(labels: readonly string[], curated: ReadonlyArray<readonly string[]>, exponent = 0.5): Float32Array {
  const labelled = curated.filter((topics) => topics.some((t) => labels.includes(t)))
  const info = labels.map((l) => {
    const n = labelled.filter((topics) => topics.includes(l)).length
    return n > 0 ? Math.log(labelled.length / n) : Number.POSITIVE_INFINITY
  })
  const top = Math.max(0, ...info.filter(Number.isFinite))
  return Float32Array.from(info, (x) => (!Number.isFinite(x) || top === 0 ? 1 : (x / top) ** exponent))
}

/** A topic distribution from curated labels: equal shares over the paper's topics, null if none is known. */
export function curatedTopicVector(labels: readonly string[], topics: readonly string[]): Float32Array | null {
  const known = topics.filter((t) => labels.includes(t))
  if (known.length === 0) return null
  return Float32Array.from(labels, (l) => (known.includes(l) ? 1 / known.length : 0))
}

/**
 * The `k` papers most similar to a paper of the index (itself excluded).
 * @example similar(index, 'perturbation-analysis-of-neural-collapse', 5)
 */
export function similar(index: VectorIndex, paperId: string, k = 10): SimilarRanked[] {
  const i = index.byId.get(paperId)
  if (i === undefined) return []
  const paper = index.papers[i] as IndexedPaper
  return similarToVector(index, paper, k, new Set([paperId]))
}

/** A similar paper with the two parts of its score: score = (1 − topicWeight) × textSimilarity + topicWeight × topicAgreement. */
export interface SimilarRanked extends Ranked {
  /** Cosine of the two papers' vectors (their wording). */
  textSimilarity: number
  /** Cosine of their topic vectors (curated, or predicted confidences); null when either has none. */
  topicAgreement: number | null
}

/** The `k` papers most similar to a query vector (with its terms and topics, when known). */
export function similarToVector(index: VectorIndex, query: IndexQuery, k = 10, exclude: ReadonlySet<string> = new Set()): SimilarRanked[] {
  const scored: Array<{ paperId: string; score: number; i: number; cos: number; topic: number | null; date: string | null }> = []
  const qTopicNorm = query.topics ? Math.sqrt(dot(query.topics, query.topics)) : 0
  index.papers.forEach((p, i) => {
    if (exclude.has(p.paperId)) return
    const cos = dot(query.vector, p.vector)
    let topic: number | null = null
    if (index.topicWeight > 0 && query.topics && p.topics && qTopicNorm > 0) {
      const norm = Math.sqrt(dot(p.topics, p.topics))
      topic = norm > 0 ? topicProduct(query.topics, p.topics, index.topicSpecificity) / (qTopicNorm * norm) : 0
    }
    scored.push({ paperId: p.paperId, score: (1 - index.topicWeight) * cos + index.topicWeight * (topic ?? 0), i, cos, topic, date: p.date ?? null })
  })
  scored.sort(bySimilarity)
  return scored.slice(0, k).map(({ paperId, score, i, cos, topic }) => {
    const p = index.papers[i] as IndexedPaper
    const why = sharedTerms(query.terms, p.terms)
    if (index.topicWeight > 0 && topic !== null && topic > 0) {
      const shared = sharedShownTopic(index.topicLabels, query, p)
      if (shared) why.push({ label: `topic: ${shared}`, weight: index.topicWeight * topic })
    }
    return { paperId, score, why, textSimilarity: cos, topicAgreement: topic }
  })
}

/** The two topic vectors' dot product, each topic's part weighed by its specificity when given. */
function topicProduct(a: Float32Array, b: Float32Array, specificity: Float32Array | null): number {
  if (!specificity) return dot(a, b)
  let sum = 0
  for (let i = 0; i < a.length; i++) sum += (specificity[i] as number) * (a[i] as number) * (b[i] as number)
  return sum
}

/**
 * Terms both papers weigh, heaviest product first, as the first paper writes them; a word of a shared phrase
 * is not listed again (`phase transition`, not also `phase` and `transition`), nor a word the two write only in
 * different compounds (`sparse network`, `neural network`).
 */
export function sharedTerms(a: readonly TermWeight[], b: readonly TermWeight[], k = 5): Contribution[] {
  const others = new Map(b.map((t) => [t.term, t]))
  const weights = new Map(b.map((t) => [t.term, t.weight]))
  const shared = a.filter((t) => {
    const other = others.get(t.term)
    return other !== undefined && !(t.compounds && other.compounds && !t.compounds.some((m) => other.compounds?.includes(m)))
  })
  const inPhrases = new Set(shared.flatMap((t) => (t.term.includes(' ') ? t.term.split(' ') : [])))
  return shared
    .filter((t) => t.term.includes(' ') || !inPhrases.has(t.term))
    .map((t) => ({ label: t.text ?? t.term, weight: t.weight * (weights.get(t.term) as number) }))
    .sort((x, y) => y.weight - x.weight || (x.label < y.label ? -1 : 1))
    .slice(0, k)
}

/**
 * The topic both papers are shown under that their topic vectors share most, or null. The vectors agree on
 * topics neither is shown under too (a predicted paper holds some confidence in every topic): naming such a
 * topic (`topic: Others` for a paper shown under Empirical Study alone) told the reader something false, and
 * naming the two papers' differing topics (`related topics: A / B`) would claim the topics are related, which
 * nothing here knows. So such an agreement is not put in words; its size is the result's `topicAgreement`.
 */
function sharedShownTopic(labels: readonly string[], a: IndexQuery, b: IndexedPaper): string | null {
  const [ta, tb] = [a.topics, b.topics]
  if (!ta || !tb || !a.shownTopics || !b.shownTopics) return null
  const inA = new Set(a.shownTopics)
  const inB = new Set(b.shownTopics)
  let best: string | null = null
  let bestValue = 0
  labels.forEach((label, i) => {
    if (!inA.has(label) || !inB.has(label)) return
    const v = Math.min(ta[i] as number, tb[i] as number)
    if (v > bestValue) {
      bestValue = v
      best = label
    }
  })
  return best
}

/** The two lookups the app needs, bound to an index and the model that embeds its queries. */
export interface SimilarPapers {
  similar(paperId: string, k?: number): Ranked[]
  /** Papers similar to free text (a title, an abstract, a query). */
  similarToText(text: string | TextInput, k?: number): Ranked[]
}

/**
 * Binds an index to the LSA model that built it; `topicsOf` gives a text's topic distribution when the
 * index uses topics (e.g. the topic classifier's probabilities).
 * @example createSimilarPapers(index, model).similarToText('grokking as a phase transition', 5)
 */
export function createSimilarPapers(index: VectorIndex, model: VectorModel, topicsOf?: (doc: PreparedText) => Float32Array | null): SimilarPapers {
  return {
    similar: (paperId, k = 10) => similar(index, paperId, k),
    similarToText: (text, k = 10) => {
      const doc = prepareText(typeof text === 'string' ? { title: '', text } : text)
      return similarToVector(index, indexEntry(model, '', doc, topicsOf?.(doc) ?? null), k)
    },
  }
}
