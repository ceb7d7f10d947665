/** @module Sparse vectors and the few operations on them the analysis needs; plus base64 for typed arrays. */

/** A sparse vector: `indices` strictly increasing, `values` beside them. */
export interface SparseVector {
  indices: Int32Array
  values: Float32Array
}

/** Builds a sparse vector from an index → value map, sorted by index, zeros dropped. */
export function sparseFromMap(entries: ReadonlyMap<number, number>): SparseVector {
  const pairs = [...entries].filter(([, v]) => v !== 0).sort((a, b) => a[0] - b[0])
  return { indices: Int32Array.from(pairs.map((p) => p[0])), values: Float32Array.from(pairs.map((p) => p[1])) }
}

/** Dot product of two sparse vectors. */
export function sparseDot(a: SparseVector, b: SparseVector): number {
  let i = 0
  let j = 0
  let sum = 0
  while (i < a.indices.length && j < b.indices.length) {
    const ai = a.indices[i] as number
    const bj = b.indices[j] as number
    if (ai === bj) sum += (a.values[i] as number) * (b.values[j] as number)
    if (ai <= bj) i++
    if (bj <= ai) j++
  }
  return sum
}

/** Euclidean norm. */
export function sparseNorm(a: SparseVector): number {
  let s = 0
  for (const v of a.values) s += v * v
  return Math.sqrt(s)
}

/** Scales to unit length (a zero vector stays zero). */
export function sparseNormalize(a: SparseVector): SparseVector {
  const n = sparseNorm(a)
  if (n === 0) return a
  return { indices: a.indices, values: a.values.map((v) => v / n) }
}

/** Dot product of dense vectors of equal length. */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) s += (a[i] as number) * (b[i] as number)
  return s
}

/** Scales a dense vector to unit length in place and returns it. */
export function normalizeInPlace<T extends Float32Array | Float64Array>(a: T): T {
  let s = 0
  for (const v of a) s += v * v
  const n = Math.sqrt(s)
  if (n > 0) for (let i = 0; i < a.length; i++) a[i] = (a[i] as number) / n
  return a
}

/** Cosine similarity of two dense vectors (0 when either is zero). */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const ab = dot(a, b)
  const na = Math.sqrt(dot(a, a))
  const nb = Math.sqrt(dot(b, b))
  return na === 0 || nb === 0 ? 0 : ab / (na * nb)
}

/** Encodes a Float32Array as little-endian base64, for JSON. */
export function encodeFloat32(values: Float32Array): string {
  const bytes = new Uint8Array(values.length * 4)
  const view = new DataView(bytes.buffer)
  values.forEach((v, i) => view.setFloat32(i * 4, v, true))
  return Buffer.from(bytes).toString('base64')
}

/** Decodes {@link encodeFloat32}. */
export function decodeFloat32(encoded: string): Float32Array {
  const bytes = Buffer.from(encoded, 'base64')
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const out = new Float32Array(Math.floor(bytes.byteLength / 4))
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true)
  return out
}

/** A small deterministic PRNG (mulberry32), so fitted models do not depend on `Math.random`. */
export function createRng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A standard normal sample from a uniform source (Box–Muller). */
export function gaussian(rng: () => number): number {
  const u = Math.max(rng(), 1e-12)
  const v = rng()
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
}
