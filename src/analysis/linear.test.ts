import { describe, expect, it } from 'vitest'
import { fitSoftmax, fitTemperature, minimizeLbfgs, softmax, softmaxLogits } from './linear.js'
import type { SparseVector } from './sparse.js'

const vec = (pairs: Array<[number, number]>): SparseVector => ({ indices: Int32Array.from(pairs.map((p) => p[0])), values: Float32Array.from(pairs.map((p) => p[1])) })

describe('softmax regression', () => {
  it('separates classes that depend on different features', () => {
    const xs = [vec([[0, 1]]), vec([[0, 0.8]]), vec([[1, 1]]), vec([[1, 0.9]]), vec([[2, 1]]), vec([[2, 0.7]])]
    const ys = [0, 0, 1, 1, 2, 2]
    const model = fitSoftmax(xs, ys, 3, 3, { l2: 1e-4 })
    const predicted = xs.map((x) => {
      const z = softmaxLogits(model, x)
      return z.indexOf(Math.max(...z))
    })
    expect(predicted).toEqual(ys)
  })

  it('gives probabilities that sum to one', () => {
    const p = softmax([2, -1, 0.5], 0.5)
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10)
    expect(p[0]).toBeGreaterThan(p[2] as number)
  })
})

describe('temperature', () => {
  it('softens over-confident logits (T > 1) and sharpens timid ones (T < 1)', () => {
    // Right 60% of the time whatever the logit size.
    const ys = Array.from({ length: 100 }, (_, i) => (i % 5 < 3 ? 0 : 1))
    expect(fitTemperature(ys.map(() => [10, 0]), ys)).toBeGreaterThan(1)
    const sure = Array.from({ length: 100 }, () => 0)
    expect(fitTemperature(sure.map(() => [0.1, 0]), sure)).toBeLessThan(1)
  })
})

describe('L-BFGS', () => {
  it('finds the minimum of a quadratic', () => {
    const target = Float64Array.from([3, -1, 2, 0.5])
    const x = minimizeLbfgs((w, g) => {
      let f = 0
      w.forEach((v, i) => {
        const d = v - (target[i] as number)
        f += (i + 1) * d * d
        g[i] = 2 * (i + 1) * d
      })
      return f
    }, new Float64Array(4), { tolerance: 1e-12 })
    Array.from(x).forEach((v, i) => expect(v).toBeCloseTo(target[i] as number, 4))
  })
})
