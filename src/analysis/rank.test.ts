import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { topK } from './rank.js'

describe('topK', () => {
  it('gives what sorting all and keeping k gives, equal items in their input order', () => {
    // Few distinct scores, so that most lists hold ties; `at` tells equal ones apart.
    const items = fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 60 }).map((xs) => xs.map((score, at) => ({ score, at })))
    fc.assert(
      fc.property(items, fc.integer({ min: -1, max: 70 }), (xs, k) => {
        const compare = (a: { score: number }, b: { score: number }): number => b.score - a.score
        expect(topK(xs, k, compare)).toEqual([...xs].sort(compare).slice(0, Math.max(0, k)))
      }),
    )
  })

  it('reads any iterable once and leaves the input as it was', () => {
    const input = [3, 1, 4, 1, 5, 9, 2, 6]
    expect(topK(new Set(input), 3, (a, b) => a - b)).toEqual([1, 2, 3])
    expect(input).toEqual([3, 1, 4, 1, 5, 9, 2, 6])
  })
})
