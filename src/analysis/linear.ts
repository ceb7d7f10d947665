/**
 * @module Multinomial logistic regression (softmax) on sparse features, fitted with L-BFGS; temperature
 * scaling for calibration. Deterministic: same data, same weights.
 */
import type { SparseVector } from './sparse.js'

/** A fitted softmax model: `weights[c * (dimensions + 1) + f]`, the last column of each class is its bias. */
export interface SoftmaxModel {
  classes: number
  dimensions: number
  weights: Float32Array
}

export interface SoftmaxOptions {
  /** L2 penalty on the weights (not the biases), per training example. */
  l2?: number
  /** Per-class example weights (e.g. balanced: n / (classes · count)); 1 when absent. */
  classWeights?: readonly number[]
  /** Per-example weights, multiplied with class weights. */
  sampleWeights?: readonly number[]
  maxIterations?: number
  tolerance?: number
}

/**
 * Fits softmax regression.
 * @example const m = fitSoftmax(xs, ys, 9, vocabularySize, { l2: 1e-3 })
 */
export function fitSoftmax(
  xs: readonly SparseVector[],
  ys: readonly number[],
  classes: number,
  dimensions: number,
  { l2 = 1e-3, classWeights, sampleWeights, maxIterations = 300, tolerance = 1e-5 }: SoftmaxOptions = {},
): SoftmaxModel {
  const stride = dimensions + 1
  const size = classes * stride
  const exampleWeights = ys.map((y, i) => (classWeights?.[y] ?? 1) * (sampleWeights?.[i] ?? 1))
  const total = exampleWeights.reduce((a, b) => a + b, 0) || 1

  // Compressed sparse rows: the objective runs hundreds of times, so no object lookups inside it.
  const rowStart = new Int32Array(xs.length + 1)
  xs.forEach((x, i) => {
    rowStart[i + 1] = (rowStart[i] as number) + x.indices.length
  })
  const cols = new Int32Array(rowStart[xs.length] as number)
  const vals = new Float64Array(rowStart[xs.length] as number)
  xs.forEach((x, i) => {
    cols.set(x.indices, rowStart[i] as number)
    vals.set(x.values, rowStart[i] as number)
  })
  const scaled = Float64Array.from(exampleWeights, (w) => w / total)
  const labels = Int32Array.from(ys)
  const logits = new Float64Array(classes)

  const objective = (w: Float64Array, grad: Float64Array): number => {
    grad.fill(0)
    let loss = 0
    for (let i = 0; i < xs.length; i++) {
      const ew = scaled[i] as number
      if (ew === 0) continue
      const start = rowStart[i] as number
      const end = rowStart[i + 1] as number
      let max = -Infinity
      for (let c = 0; c < classes; c++) {
        const base = c * stride
        let z = w[base + dimensions] as number
        for (let j = start; j < end; j++) z += (w[base + (cols[j] as number)] as number) * (vals[j] as number)
        logits[c] = z
        if (z > max) max = z
      }
      let sum = 0
      for (let c = 0; c < classes; c++) sum += Math.exp((logits[c] as number) - max)
      const lse = max + Math.log(sum)
      const y = labels[i] as number
      loss -= ew * ((logits[y] as number) - lse)
      for (let c = 0; c < classes; c++) {
        const g = ew * (Math.exp((logits[c] as number) - lse) - (c === y ? 1 : 0))
        const base = c * stride
        grad[base + dimensions] = (grad[base + dimensions] as number) + g
        for (let j = start; j < end; j++) {
          const f = base + (cols[j] as number)
          grad[f] = (grad[f] as number) + g * (vals[j] as number)
        }
      }
    }
    for (let c = 0; c < classes; c++) {
      const base = c * stride
      for (let f = 0; f < dimensions; f++) {
        const v = w[base + f] as number
        loss += 0.5 * l2 * v * v
        grad[base + f] = (grad[base + f] as number) + l2 * v
      }
    }
    return loss
  }

  const w = minimizeLbfgs(objective, new Float64Array(size), { maxIterations, tolerance })
  return { classes, dimensions, weights: Float32Array.from(w) }
}

/** Raw class scores (logits) of one example. */
export function softmaxLogits(model: SoftmaxModel, x: SparseVector): Float64Array {
  const stride = model.dimensions + 1
  const out = new Float64Array(model.classes)
  for (let c = 0; c < model.classes; c++) {
    const base = c * stride
    let z = model.weights[base + model.dimensions] as number
    for (let j = 0; j < x.indices.length; j++) {
      const f = x.indices[j] as number
      if (f < model.dimensions) z += (model.weights[base + f] as number) * (x.values[j] as number)
    }
    out[c] = z
  }
  return out
}

/** Softmax of logits divided by a temperature. */
export function softmax(logits: ArrayLike<number>, temperature = 1): Float64Array {
  const scaled = Float64Array.from(Array.from(logits, (v) => v / temperature))
  const lse = logSumExp(scaled)
  return scaled.map((v) => Math.exp(v - lse))
}

export function logSumExp(values: ArrayLike<number>): number {
  let max = -Infinity
  for (let i = 0; i < values.length; i++) max = Math.max(max, values[i] as number)
  if (!Number.isFinite(max)) return max
  let s = 0
  for (let i = 0; i < values.length; i++) s += Math.exp((values[i] as number) - max)
  return max + Math.log(s)
}

/**
 * The temperature T that minimises the negative log-likelihood of held-out logits (golden-section search
 * on log T). T > 1 softens over-confident scores.
 */
export function fitTemperature(logits: ReadonlyArray<ArrayLike<number>>, ys: readonly number[], { min = 0.05, max = 20 } = {}): number {
  if (logits.length === 0) return 1
  const nll = (t: number): number => {
    let s = 0
    logits.forEach((z, i) => {
      const scaled = Array.from(z, (v) => v / t)
      s -= (scaled[ys[i] as number] as number) - logSumExp(scaled)
    })
    return s / logits.length
  }
  let a = Math.log(min)
  let b = Math.log(max)
  const phi = (Math.sqrt(5) - 1) / 2
  let c = b - phi * (b - a)
  let d = a + phi * (b - a)
  for (let i = 0; i < 60; i++) {
    if (nll(Math.exp(c)) < nll(Math.exp(d))) b = d
    else a = c
    c = b - phi * (b - a)
    d = a + phi * (b - a)
  }
  return Math.exp((a + b) / 2)
}

/** Minimises a smooth function with limited-memory BFGS and a backtracking (Armijo) line search. */
export function minimizeLbfgs(
  f: (x: Float64Array, grad: Float64Array) => number,
  x0: Float64Array,
  { maxIterations = 300, tolerance = 1e-6, memory = 8 }: { maxIterations?: number; tolerance?: number; memory?: number } = {},
): Float64Array {
  const n = x0.length
  let x = Float64Array.from(x0)
  let g = new Float64Array(n)
  let xNew = new Float64Array(n)
  let gNew = new Float64Array(n)
  let fx = f(x, g)
  // Ring buffers for the last `memory` steps and gradient changes; no allocation inside the loop.
  const ss = Array.from({ length: memory }, () => new Float64Array(n))
  const ys = Array.from({ length: memory }, () => new Float64Array(n))
  const rhos = new Float64Array(memory)
  const alphas = new Float64Array(memory)
  let stored = 0
  let head = 0
  const direction = new Float64Array(n)
  for (let iter = 0; iter < maxIterations; iter++) {
    const gnorm = Math.sqrt(dotF(g, g))
    if (gnorm < tolerance) break
    // Two-loop recursion over the stored pairs, newest first.
    direction.set(g)
    for (let k = 0; k < stored; k++) {
      const slot = (head - 1 - k + memory) % memory
      const a = (rhos[slot] as number) * dotF(ss[slot] as Float64Array, direction)
      alphas[slot] = a
      axpy(-a, ys[slot] as Float64Array, direction)
    }
    if (stored > 0) {
      const last = (head - 1 + memory) % memory
      const yl = ys[last] as Float64Array
      const gamma = dotF(ss[last] as Float64Array, yl) / dotF(yl, yl)
      scale(direction, gamma)
    } else {
      scale(direction, 1 / gnorm)
    }
    for (let k = stored - 1; k >= 0; k--) {
      const slot = (head - 1 - k + memory) % memory
      const b = (rhos[slot] as number) * dotF(ys[slot] as Float64Array, direction)
      axpy((alphas[slot] as number) - b, ss[slot] as Float64Array, direction)
    }
    scale(direction, -1)
    let slope = dotF(g, direction)
    if (slope >= 0) {
      // Not a descent direction: restart from the gradient.
      for (let i = 0; i < n; i++) direction[i] = -(g[i] as number)
      slope = -gnorm * gnorm
      stored = 0
    }
    let step = 1
    let fNew = Infinity
    for (let ls = 0; ls < 40; ls++) {
      for (let i = 0; i < n; i++) xNew[i] = (x[i] as number) + step * (direction[i] as number)
      fNew = f(xNew, gNew)
      if (fNew <= fx + 1e-4 * step * slope) break
      step *= 0.5
    }
    if (!(fNew < fx)) break
    const s = ss[head] as Float64Array
    const y = ys[head] as Float64Array
    let sy = 0
    for (let i = 0; i < n; i++) {
      const si = (xNew[i] as number) - (x[i] as number)
      const yi = (gNew[i] as number) - (g[i] as number)
      s[i] = si
      y[i] = yi
      sy += si * yi
    }
    if (sy > 1e-12) {
      rhos[head] = 1 / sy
      head = (head + 1) % memory
      stored = Math.min(stored + 1, memory)
    }
    const improvement = fx - fNew
    ;[x, xNew] = [xNew, x]
    ;[g, gNew] = [gNew, g]
    fx = fNew
    if (improvement < tolerance * Math.max(1, Math.abs(fx))) break
  }
  return x
}

function scale(x: Float64Array, a: number): void {
  for (let i = 0; i < x.length; i++) x[i] = (x[i] as number) * a
}

function dotF(a: Float64Array, b: Float64Array): number {
  let s = 0
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number)
  return s
}

function axpy(a: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < y.length; i++) y[i] = (y[i] as number) + a * (x[i] as number)
}
