/**
 * @module Paper vectors: TF-IDF reduced by a truncated SVD (latent semantic analysis), and the
 * {@link TextEmbedder} seam a local sentence-embedding model can later fill.
 *
 * Fitting is a full, explicit call ({@link fitVectorModel}); a fitted model embeds new papers without
 * refitting ({@link embedPrepared}), so imports are incremental and `analyze` refits when it chooses to.
 * The SVD is randomized (Halko, Martinsson & Tropp 2011) with a seeded generator: it costs about
 * O(nnz · k + V · k²), not O(n · V · k), and gives the same model for the same library every time.
 *
 * A word the library writes in several named compounds and hardly ever otherwise (`descent`: `double descent`,
 * `gradient descent`) is read by its compound, as the topic model reads it (compounds.ts): its uses inside a
 * compound count as that compound's sense of the word (the term `descent (double)`), not as the word, so
 * `coordinate descent` and `double descent` share no `descent`, and two double-descent papers still share it.
 */
import { createRequire } from 'node:module'
import type * as MlMatrix from 'ml-matrix'
import { headContexts, namedCompounds, namedShare } from './compounds.js'
import { MODEL_VERSION } from './model-version.js'
import { createRng, decodeFloat32, encodeFloat32, gaussian, normalizeInPlace, type SparseVector } from './sparse.js'
import { fitTfidf, tfidfVector, type TfidfModel, type TfidfOptions } from './tfidf.js'
import { prepareText, termCounts, termSurfaces, type PreparedText, type TermOptions, type TextInput } from './text.js'
import type { NlpPort } from './tokenize.js'

/**
 * ml-matrix, loaded on the first fit: only fitting needs an eigen-decomposition, and its ES module build costs
 * ~50 ms at every start-up (`classify`, `search`), its CommonJS build ~13 ms once.
 */
let mlMatrix: typeof MlMatrix | null = null
function matrixLibrary(): typeof MlMatrix {
  mlMatrix ??= createRequire(import.meta.url)('ml-matrix') as typeof MlMatrix
  return mlMatrix
}

/**
 * Anything that turns texts into fixed-length unit vectors. The LSA model implements it synchronously;
 * an ONNX sentence model (onnxruntime-node only has an async `run`) returns a promise, so callers await.
 * A plain string is a body text without a title.
 */
export interface TextEmbedder {
  /** Stable name stored beside every vector (`lsa-100`, `onnx:all-MiniLM-L6-v2`): vectors of different embedders never mix. */
  readonly name: string
  readonly dimensions: number
  embed(texts: ReadonlyArray<string | TextInput>): Float32Array[] | Promise<Float32Array[]>
}

/** A fitted LSA model: the TF-IDF vocabulary and the top right singular vectors. */
export interface VectorModel {
  kind: 'lsa'
  /** {@link MODEL_VERSION} when fitted. */
  version: number
  tfidf: TfidfModel
  terms: Required<TermOptions>
  /** Number of LSA dimensions (≤ the requested number on a small library). */
  dimensions: number
  /** Right singular vectors, term-major: `components[t * dimensions + j]`. */
  components: Float32Array
  singularValues: number[]
  fittedAt: string
  /** Words read by the compounds they head; absent in models fitted before it (every word counted alone). */
  heads?: VectorHeads
  /**
   * Terms too common to say why two papers are alike ({@link COMMON_TERM_SHARE}); absent in models fitted before
   * they were kept (the share is then read back from the idf, over all papers).
   */
  commonTerms?: string[]
}

/** Above this share of the library's texts a term says little about two papers in particular (`learning`, `model`). */
export const COMMON_TERM_SHARE = 0.3
/** Fewer texts than this say little by their shares: two of three papers may well share their main subject. */
export const COMMON_SHARE_MIN_TEXTS = 50

/**
 * The terms more than {@link COMMON_TERM_SHARE} of the library's texts use, counted among the texts with more than a
 * title when there are enough of them. A title uses four or five terms at all: counted among all papers, d2l's 477
 * BibTeX titles took `model` from 0.42 of the awesome list's papers to 0.28 of the library, and `neural network` from
 * 0.48 to 0.29, so two papers were said to share them.
 */
function fitCommonTerms(docs: readonly PreparedText[], counts: ReadonlyArray<ReadonlyMap<string, number>>): string[] {
  const withBody = counts.filter((_, i) => (docs[i] as PreparedText).body.length > 0)
  const texts = withBody.length >= COMMON_SHARE_MIN_TEXTS ? withBody : counts
  if (texts.length < COMMON_SHARE_MIN_TEXTS) return []
  const df = new Map<string, number>()
  for (const c of texts) for (const term of c.keys()) df.set(term, (df.get(term) ?? 0) + 1)
  return [...df].filter(([, n]) => n / texts.length > COMMON_TERM_SHARE).map(([term]) => term).sort()
}

/** The compounds a vector model knows, and the words it reads by them. Plain data. */
export interface VectorHeads {
  /** Two-word compounds (`modifier head`) written in at least `compounds.minPapers` (5) of the library's texts: names of things. */
  named: string[]
  /**
   * Words written inside named compounds in at least {@link BOUND_SHARE} of their uses and in two or more of them
   * (`descent`): each use inside a compound, named or not, counts as the term {@link senseTerm} and not as the word.
   */
  bound: string[]
}

/**
 * Below the topic model's `headUnnamedAt` (0.9 of the curated papers' uses): in the awesome list's papers up to 2022
 * `descent` is written in `double descent` or `gradient descent` 0.898 of the time. A word bound to one compound
 * only (`weight decay`, `neural tangent`) has one sense in the library, which its compound does not tell apart.
 */
const BOUND_SHARE = 0.85
const BOUND_SENSES = 2

/**
 * The term a bound word's use inside a compound counts as: `descent (double)`. No text's term has brackets, so it
 * is never a word or phrase of its own, and never shown.
 */
export function senseTerm(modifier: string, word: string): string {
  return `${word} (${modifier})`
}

const SENSE_TERM = /^\S+ \(\S+\)$/u

/** True for a term made by {@link senseTerm}. */
export function isSenseTerm(term: string): boolean {
  return SENSE_TERM.test(term)
}

/** The JSON form of a {@link VectorModel} (the float matrix as base64). */
export interface VectorModelJson extends Omit<VectorModel, 'components'> {
  components: string
}

export interface VectorModelOptions {
  dimensions?: number
  tfidf?: TfidfOptions
  terms?: TermOptions
  seed?: number
  /** Power iterations of the randomized SVD; 2 is plenty for text. */
  powerIterations?: number
  /** ISO time stamped on the model; passed in so fitting stays pure. */
  fittedAt?: string
  /** Texts a compound must be written in to be named (default 5, as the topic model's); false reads no word by its compound. */
  compounds?: { minPapers?: number } | false
}

/**
 * Fits TF-IDF and LSA on a library's texts.
 * @example const model = fitVectorModel(papers.map((p) => prepareText({ title: p.title, text: p.abstract ?? '' })))
 */
export function fitVectorModel(docs: readonly PreparedText[], options: VectorModelOptions = {}): VectorModel {
  const terms: Required<TermOptions> = { maxN: 2, titleWeight: 2, ...options.terms }
  const heads = options.compounds === false ? undefined : fitHeads(docs, terms, options.compounds?.minPapers ?? 5)
  const counts = docs.map((d) => vectorTermCounts(d, terms, heads))
  const tfidf = fitTfidf(counts, options.tfidf)
  const vectors = counts.map((c) => tfidfVector(tfidf, c))
  const { components, singularValues, dimensions } = truncatedSvd(vectors, tfidf.vocabulary.length, {
    dimensions: options.dimensions ?? 100,
    seed: options.seed ?? 1,
    powerIterations: options.powerIterations ?? 2,
  })
  const commonTerms = fitCommonTerms(docs, counts)
  return { kind: 'lsa', version: MODEL_VERSION, tfidf, terms, dimensions, components, singularValues, fittedAt: options.fittedAt ?? '', ...(heads ? { heads } : {}), commonTerms }
}

function fitHeads(docs: readonly PreparedText[], terms: Required<TermOptions>, minPapers: number): VectorHeads {
  const contexts = docs.map((d) => headContexts(d, terms.titleWeight))
  const named = [...namedCompounds(contexts, minPapers)].sort()
  const senses = new Map<string, number>()
  for (const compound of named) {
    const head = compound.slice(compound.indexOf(' ') + 1)
    senses.set(head, (senses.get(head) ?? 0) + 1)
  }
  const bound = [...namedShare(contexts, new Set(named))].filter(([word, share]) => share >= BOUND_SHARE && (senses.get(word) ?? 0) >= BOUND_SENSES).map(([word]) => word)
  return { named, bound: bound.sort() }
}

interface HeadSets {
  named: ReadonlySet<string>
  bound: ReadonlySet<string>
}

const headSetsCache = new WeakMap<VectorHeads, HeadSets>()

function headSets(heads: VectorHeads): HeadSets {
  let sets = headSetsCache.get(heads)
  if (!sets) headSetsCache.set(heads, (sets = { named: new Set(heads.named), bound: new Set(heads.bound) }))
  return sets
}

/** A text's term counts, its bound words' uses inside compounds counted as their compounds' senses of the words. */
function vectorTermCounts(doc: PreparedText, terms: Required<TermOptions>, heads: VectorHeads | undefined): Map<string, number> {
  const counts = termCounts(doc, terms)
  if (!heads || heads.bound.length === 0) return counts
  const { bound } = headSets(heads)
  const contexts = headContexts(doc, terms.titleWeight)
  for (const word of bound) {
    let inside = 0
    for (const [modifier, n] of contexts.get(word) ?? []) {
      if (modifier === '') continue
      inside += n
      const sense = senseTerm(modifier, word)
      counts.set(sense, (counts.get(sense) ?? 0) + n)
    }
    if (inside === 0) continue
    const alone = (counts.get(word) ?? 0) - inside
    if (alone > 0) counts.set(word, alone)
    else counts.delete(word)
  }
  return counts
}

/**
 * For each of `words` a text writes only inside compounds, the words written right before it (sorted): its named
 * compounds, and any compound of a bound word. A word with some use alone, or in a compound the library does not
 * name (`prove linear`), can mean what any compound of it means, and is left out; so are all words when the model
 * reads none by compound.
 */
export function compoundsOf(model: Pick<VectorModel, 'heads' | 'terms'>, doc: PreparedText, words: Iterable<string>): Map<string, string[]> {
  const out = new Map<string, string[]>()
  if (!model.heads) return out
  const { named, bound } = headSets(model.heads)
  const contexts = headContexts(doc, model.terms.titleWeight)
  for (const word of words) {
    const byModifier = contexts.get(word)
    if (!byModifier) continue
    const modifiers = [...byModifier.keys()]
    if (modifiers.every((m) => m !== '' && (bound.has(word) || named.has(`${m} ${word}`)))) out.set(word, modifiers.sort())
  }
  return out
}

/** The TF-IDF vector of a prepared text under a model's vocabulary. */
export function tfidfOf(model: VectorModel, doc: PreparedText): SparseVector {
  return tfidfVector(model.tfidf, vectorTermCounts(doc, model.terms, model.heads))
}

/**
 * Fewest distinct words of a text the model must know for its vector to place the paper among others. A text
 * of which it knows one word is that word's direction whatever else it says: `Highway networks` (`highway` is in
 * no other text) stood where `Network in network` stands, so its novelty was 0.00 from `networks` alone.
 */
export const MIN_KNOWN_WORDS = 2

/**
 * The words of a text the model knows, as the text writes them, when they are fewer than {@link MIN_KNOWN_WORDS};
 * null when there are enough. A word is known when a term of the text's TF-IDF vector holds it: the word, a
 * phrase of it, or its sense inside a compound (`descent (double)`). A word in no other text, or in so many that
 * the model left it out, places nothing.
 * @example tooLittleKnown(model, prepareText({ title: 'Highway networks', text: '' })) // ['networks']
 */
export function tooLittleKnown(model: VectorModel, doc: PreparedText): string[] | null {
  const words = new Set<string>()
  for (const i of tfidfOf(model, doc).indices) {
    const term = model.tfidf.vocabulary[i] ?? ''
    for (const word of isSenseTerm(term) ? [term.slice(0, term.indexOf(' '))] : term.split(' ')) words.add(word)
    if (words.size >= MIN_KNOWN_WORDS) return null
  }
  const surfaces = termSurfaces(doc, words, model.terms)
  return [...words].map((w) => surfaces.get(w)?.text ?? w)
}

/** Projects a TF-IDF vector onto the LSA dimensions, unit length. */
export function projectTfidf(model: Pick<VectorModel, 'dimensions' | 'components'>, vector: SparseVector): Float32Array {
  const k = model.dimensions
  const out = new Float32Array(k)
  for (let j = 0; j < vector.indices.length; j++) {
    const t = vector.indices[j] as number
    const w = vector.values[j] as number
    const base = t * k
    for (let d = 0; d < k; d++) out[d] = (out[d] as number) + w * (model.components[base + d] as number)
  }
  return normalizeInPlace(out)
}

/** Embeds an already prepared text (no second NLP pass). */
export function embedPrepared(model: VectorModel, doc: PreparedText): Float32Array {
  return projectTfidf(model, tfidfOf(model, doc))
}

/** The LSA embedder: a {@link TextEmbedder} that answers synchronously. */
export interface LsaEmbedder extends TextEmbedder {
  embed(texts: ReadonlyArray<string | TextInput>): Float32Array[]
}

/** The LSA model as a {@link TextEmbedder}. */
export function createLsaEmbedder(model: VectorModel, nlp?: NlpPort): LsaEmbedder {
  return {
    name: `lsa-${model.dimensions}`,
    dimensions: model.dimensions,
    embed(texts) {
      return texts.map((t) => embedPrepared(model, prepareText(typeof t === 'string' ? { title: '', text: t } : t, nlp)))
    },
  }
}

/** Converts a model to JSON-safe data for the store. */
export function vectorModelToJson(model: VectorModel): VectorModelJson {
  return { ...model, components: encodeFloat32(model.components) }
}

/** Reads a model back from {@link vectorModelToJson}. */
export function vectorModelFromJson(json: VectorModelJson): VectorModel {
  const components = decodeFloat32(json.components)
  if (components.length !== json.tfidf.vocabulary.length * json.dimensions) {
    throw new RangeError(`vector model components hold ${components.length} values, expected ${json.tfidf.vocabulary.length * json.dimensions}`)
  }
  return { ...json, components }
}

/**
 * Randomized truncated SVD of the sparse matrix whose rows are `rows` (n × columns). Returns the top
 * right singular vectors, term-major.
 */
export function truncatedSvd(
  rows: readonly SparseVector[],
  columns: number,
  { dimensions, seed = 1, powerIterations = 2, oversample = 10 }: { dimensions: number; seed?: number; powerIterations?: number; oversample?: number },
): { components: Float32Array; singularValues: number[]; dimensions: number } {
  const n = rows.length
  const k = Math.max(0, Math.min(dimensions, n, columns))
  if (k === 0) return { components: new Float32Array(0), singularValues: [], dimensions: 0 }
  const l = Math.min(k + oversample, n, columns)
  const rng = createRng(seed)
  // Dense blocks are column-major Float64Arrays: block[c * height + i].
  const omega = new Float64Array(columns * l)
  for (let i = 0; i < omega.length; i++) omega[i] = gaussian(rng)
  let y = multiplyRows(rows, omega, columns, l) // n × l
  for (let q = 0; q < powerIterations; q++) {
    // Inside the power iterations one Gram–Schmidt pass keeps the block well conditioned; the final Q gets two.
    orthonormalizeColumns(y, n, l, 1)
    const z = multiplyRowsTransposed(rows, y, columns, l) // columns × l
    orthonormalizeColumns(z, columns, l, 1)
    y = multiplyRows(rows, z, columns, l)
  }
  orthonormalizeColumns(y, n, l) // Q
  // B = Qᵀ X is small (l × columns). Its right singular vectors come from the eigenvectors of B Bᵀ
  // (l × l): B Bᵀ = U Σ² Uᵀ and V = Bᵀ U Σ⁻¹. Far cheaper than a dense SVD of B in JavaScript.
  const bt = multiplyRowsTransposed(rows, y, columns, l) // Bᵀ, columns × l
  const { EigenvalueDecomposition, Matrix } = matrixLibrary()
  const gram = new Matrix(l, l)
  for (let a = 0; a < l; a++) {
    for (let b = a; b < l; b++) {
      const sum = dotRange(bt, a * columns, bt, b * columns, columns)
      gram.set(a, b, sum)
      gram.set(b, a, sum)
    }
  }
  const evd = new EigenvalueDecomposition(gram, { assumeSymmetric: true })
  const u = evd.eigenvectorMatrix
  const order = evd.realEigenvalues
    .map((e, i) => [Math.sqrt(Math.max(0, e)), i] as const)
    .sort((p, q) => q[0] - p[0])
    .slice(0, k)
    .filter(([sigma]) => sigma > 1e-9)
  const kept = order.length
  // V = Bᵀ U Σ⁻¹, one term row at a time: Bᵀ is read transposed once (term-major), so the inner loops run
  // over contiguous memory (reading it column by column per dimension cost ~20 s on 8,000 papers).
  const coef = new Float64Array(l * kept) // coef[a * kept + d] = U[a][src_d] / σ_d
  order.forEach(([sigma, src], d) => {
    for (let a = 0; a < l; a++) coef[a * kept + d] = u.get(a, src) / sigma
  })
  const btT = transposeBlock(bt, columns, l) // btT[t * l + a]
  const acc = new Float64Array(kept)
  const components = new Float32Array(columns * kept)
  for (let t = 0; t < columns; t++) {
    acc.fill(0)
    const tl = t * l
    for (let a = 0; a < l; a++) {
      const w = btT[tl + a] as number
      if (w === 0) continue
      const co = a * kept
      for (let d = 0; d < kept; d++) acc[d] = (acc[d] as number) + w * (coef[co + d] as number)
    }
    components.set(acc, t * kept)
  }
  return { components, singularValues: order.map(([sigma]) => sigma), dimensions: kept }
}

/** X · M: X has sparse rows (n × c), M is column-major c × l; the result is column-major n × l. */
function multiplyRows(rows: readonly SparseVector[], m: Float64Array, c: number, l: number): Float64Array {
  const n = rows.length
  // M term-major (mt[t * l + d]): each of a row's terms then reads l contiguous values, not l values a
  // whole column apart (the strided version spent most of an 8,000-paper fit waiting on memory).
  const mt = transposeBlock(m, c, l)
  const acc = new Float64Array(l)
  const out = new Float64Array(n * l)
  rows.forEach((row, r) => {
    acc.fill(0)
    for (let j = 0; j < row.indices.length; j++) {
      const base = (row.indices[j] as number) * l
      const w = row.values[j] as number
      for (let d = 0; d < l; d++) acc[d] = (acc[d] as number) + w * (mt[base + d] as number)
    }
    for (let d = 0; d < l; d++) out[d * n + r] = acc[d] as number
  })
  return out
}

/** Xᵀ · M: X has sparse rows (n × c), M is column-major n × l; the result is column-major c × l. */
function multiplyRowsTransposed(rows: readonly SparseVector[], m: Float64Array, c: number, l: number): Float64Array {
  const n = rows.length
  // Accumulated term-major (a row's terms each update l contiguous values), then turned column-major.
  const outT = new Float64Array(c * l)
  const mr = new Float64Array(l)
  rows.forEach((row, r) => {
    for (let d = 0; d < l; d++) mr[d] = m[d * n + r] as number
    for (let j = 0; j < row.indices.length; j++) {
      const base = (row.indices[j] as number) * l
      const w = row.values[j] as number
      for (let d = 0; d < l; d++) outT[base + d] = (outT[base + d] as number) + w * (mr[d] as number)
    }
  })
  return transposeBlock(outT, l, c)
}

/** A column-major height × width block as its transpose (row-major height × width = column-major width × height). */
function transposeBlock(block: Float64Array, height: number, width: number): Float64Array {
  const out = new Float64Array(height * width)
  for (let col = 0; col < width; col++) {
    const co = col * height
    for (let i = 0; i < height; i++) out[i * width + col] = block[co + i] as number
  }
  return out
}

/** Orthonormalises the columns of a column-major height × l block in place (modified Gram–Schmidt, twice by default). */
function orthonormalizeColumns(block: Float64Array, height: number, l: number, passes = 2): void {
  for (let pass = 0; pass < passes; pass++) {
    for (let a = 0; a < l; a++) {
      const ao = a * height
      for (let b = 0; b < a; b++) {
        const bo = b * height
        const proj = dotRange(block, ao, block, bo, height)
        for (let i = 0; i < height; i++) block[ao + i] = (block[ao + i] as number) - proj * (block[bo + i] as number)
      }
      const norm = Math.sqrt(dotRange(block, ao, block, ao, height))
      for (let i = 0; i < height; i++) block[ao + i] = norm > 1e-12 ? (block[ao + i] as number) / norm : 0
    }
  }
}

function dotRange(a: Float64Array, ao: number, b: Float64Array, bo: number, length: number): number {
  let s = 0
  for (let i = 0; i < length; i++) s += (a[ao + i] as number) * (b[bo + i] as number)
  return s
}
