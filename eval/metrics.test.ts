import { describe, expect, it } from 'vitest'
import { createRng } from '../src/analysis/sparse.js'
import { accuracy, bootstrapIntervals, confusionMatrix, keywordScores, macroF1, neighbourAgreement, pairScores, pairsOf, reliability } from './metrics.js'

describe('evaluation metrics', () => {
  const gold = [{ labels: ['A'] }, { labels: ['A'] }, { labels: ['B'] }, { labels: ['B', 'C'] }]

  it('scores single-label predictions against multi-label gold', () => {
    const predicted = ['A', 'B', 'B', 'C']
    expect(accuracy(predicted, gold)).toBe(0.75)
    // A: P 1 R .5 F1 .667; B: P .5 R 1 F1 .667; C: P 1 R 1 F1 1 → mean .778
    expect(macroF1(predicted, gold)).toBeCloseTo((2 / 3 + 2 / 3 + 1) / 3, 6)
    expect(confusionMatrix(predicted, gold, ['A', 'B', 'C'])).toEqual([
      [1, 1, 0],
      [0, 1, 0],
      [0, 0, 1],
    ])
  })

  it('scores key words per paper and pooled, at a cut-off', () => {
    const s = keywordScores([['x', 'y', 'z', 'w'], ['q']], [new Set(['x', 'w']), new Set(['q'])], 3)
    expect(s.precision).toBeCloseTo((1 / 3 + 1) / 2, 6)
    expect(s.recall).toBeCloseTo((1 / 2 + 1) / 2, 6)
    // pooled: 2 matched of 4 predicted and 3 gold → P .5, R .667
    expect(s.microF1).toBeCloseTo(4 / 7, 6)
  })

  it('measures neighbour agreement and pairwise dedupe', () => {
    expect(neighbourAgreement([{ labels: ['A'], neighbours: [['A'], ['B'], ['A', 'B'], ['C']] }])).toBe(0.5)
    const truth = pairsOf([['a', 'b', 'c'], ['d']])
    const s = pairScores(pairsOf([['a', 'b'], ['c', 'd']]), truth)
    expect(s).toMatchObject({ precision: 0.5, recall: 1 / 3, truePairs: 3, predictedPairs: 2 })
  })

  it('gives bootstrap intervals that hold the estimate, narrow with more items and are paired across methods', () => {
    const right = (n: number): boolean[] => Array.from({ length: n }, (_, i) => i % 4 !== 0) // 75 % right
    const share = (xs: boolean[]) => (idx: readonly number[]) => idx.filter((i) => xs[i]).length / idx.length
    const [small] = bootstrapIntervals(100, [share(right(100))], createRng(1))
    const [large] = bootstrapIntervals(2000, [share(right(2000))], createRng(1))
    expect(small?.estimate).toBe(0.75)
    expect(small?.low).toBeLessThan(0.7)
    expect(small?.high).toBeGreaterThan(0.8)
    // binomial standard error 0.043 at n = 100: the 95 % interval is about ±0.085 wide
    expect((small?.high ?? 0) - (small?.low ?? 0)).toBeGreaterThan(0.12)
    expect((small?.high ?? 0) - (small?.low ?? 0)).toBeLessThan(0.22)
    expect((large?.high ?? 0) - (large?.low ?? 0)).toBeLessThan(0.05)
    // the same method against itself: every paired difference is 0
    const a = share(right(100))
    const [diff] = bootstrapIntervals(100, [(idx) => a(idx) - a(idx)], createRng(2))
    expect(diff).toEqual({ estimate: 0, low: 0, high: 0 })
    // the same seed repeats
    expect(bootstrapIntervals(100, [a], createRng(3))).toEqual(bootstrapIntervals(100, [a], createRng(3)))
  })

  it('measures calibration: a reliability table, ECE and the Brier score of the top-1', () => {
    // Bin 0.9–1: confidences 0.95, 0.95, right 1 of 2 → gap 0.45; bin 0.5–0.6: 0.5, right → gap 0.5.
    const r = reliability([0.95, 0.95, 0.5], [true, false, true], 10)
    expect(r.bins[9]).toMatchObject({ count: 2, accuracy: 0.5 })
    expect(r.bins[9]?.meanConfidence).toBeCloseTo(0.95, 9)
    expect(r.bins[5]).toMatchObject({ count: 1, accuracy: 1, meanConfidence: 0.5 })
    expect(r.ece).toBeCloseTo((2 / 3) * 0.45 + (1 / 3) * 0.5, 9)
    expect(r.brier).toBeCloseTo((0.05 ** 2 + 0.95 ** 2 + 0.5 ** 2) / 3, 9)
    // A confidence of exactly 1 falls in the last bin, not past it.
    expect(reliability([1], [true], 10).bins[9]?.count).toBe(1)
  })
})
