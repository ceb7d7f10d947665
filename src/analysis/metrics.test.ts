import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { aiScore, citationSum, computeResearcherMetrics, hIndex, HOW_COMPUTED } from './metrics.js'

describe('h-index', () => {
  it('of known citation lists', () => {
    expect(hIndex([10, 8, 5, 4, 3])).toBe(4)
    expect(hIndex([25, 8, 5, 3, 3])).toBe(3)
    expect(hIndex([0, 0, 0])).toBe(0)
    expect(hIndex([100])).toBe(1)
    // The profile in the corpus: 13 papers, h-index 44 is source-reported, not computable from the page.
    expect(hIndex([])).toBeNull()
  })

  it('is unknown (null), never 0, when no count is known', () => {
    expect(hIndex([null, null])).toBeNull()
    expect(hIndex([null, 3, null, 5])).toBe(2)
  })

  it('follows the definition', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.nat(60), { nil: null }), { maxLength: 30 }), (counts) => {
        const known = counts.filter((c): c is number => c !== null)
        const h = hIndex(counts)
        if (known.length === 0) {
          expect(h).toBeNull()
          return
        }
        const brute = Math.max(0, ...Array.from({ length: known.length + 1 }, (_, k) => (known.filter((c) => c >= k).length >= k ? k : 0)))
        expect(h).toBe(brute)
      }),
    )
  })
})

describe('citations and AI Score', () => {
  it('sums known counts and marks a lower bound', () => {
    expect(citationSum([null, null]).value).toBeNull()
    expect(citationSum([3, null, 4])).toMatchObject({ value: 7, known: 2, unknown: 1, lowerBound: true })
  })

  it('stays within 0..100, shows its inputs and rescales when one is unknown', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(200), (c, n, papers) => {
        const s = aiScore({ centrality: c, novelty: n, papers })
        expect(s.value).toBeGreaterThanOrEqual(0)
        expect(s.value).toBeLessThanOrEqual(100)
        expect(s.why.reduce((a, b) => a + b.weight, 0)).toBeCloseTo(s.value as number, 0)
      }),
    )
    expect(aiScore({ centrality: null, novelty: null, papers: 0 }).value).toBeNull()
    expect(aiScore({ centrality: 1, novelty: null, papers: 0 }).value).toBe(100)
  })

  it('computes a researcher from papers and keeps reported values beside', () => {
    const m = computeResearcherMetrics(
      [
        { paperId: 'a', citationCount: 10, noveltyPercentile: 80, centralityPercentile: 50 },
        { paperId: 'b', citationCount: null, noveltyPercentile: 40, centralityPercentile: 70 },
      ],
      [{ hIndex: 44, citations: 177 }],
    )
    expect(m.hIndex.value).toBe(1)
    expect(m.hIndex.lowerBound).toBe(true)
    expect(m.noveltyPercent.value).toBe(60)
    expect(m.reported).toEqual([{ hIndex: 44, citations: 177 }])
    for (const text of Object.values(HOW_COMPUTED)) expect(text.length).toBeGreaterThan(40)
  })
})
