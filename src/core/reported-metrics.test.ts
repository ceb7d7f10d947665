import { describe, expect, it } from 'vitest'
import { reportedMetricConflicts } from './reported-metrics.js'

describe('reportedMetricConflicts', () => {
  it("flags the corpus profile's h-index of 44 beside its 13 papers and 177 citations, with the arithmetic", () => {
    expect(reportedMetricConflicts({ hIndex: 44, papers: 13, citations: 177, noveltyPercent: 55, aiScore: 53 })).toEqual([
      { metric: 'hIndex', message: 'An h-index of 44 needs at least 44 papers; the same page counts 13.' },
      { metric: 'hIndex', message: 'An h-index of 44 needs at least 1,936 citations (44 papers with 44 or more each); the same page counts 177.' },
    ])
  })

  it('accepts numbers that can all be true at once, including the tightest ones', () => {
    // 13 papers with 13 citations each: h = 13, i10 = 13, 169 citations.
    expect(reportedMetricConflicts({ hIndex: 13, i10Index: 13, papers: 13, citations: 169 })).toEqual([])
    expect(reportedMetricConflicts({ hIndex: 3, i10Index: 0, papers: 40, citations: 9 })).toEqual([])
    expect(reportedMetricConflicts({})).toEqual([])
    // Nothing to compare with: no conflict is invented.
    expect(reportedMetricConflicts({ hIndex: 44 })).toEqual([])
  })

  it('checks the i10-index against papers, citations and the h-index', () => {
    expect(reportedMetricConflicts({ i10Index: 5, papers: 4, citations: 49 }).map((c) => c.message)).toEqual([
      'An i10-index of 5 needs at least 5 papers; the same page counts 4.',
      'An i10-index of 5 needs at least 50 citations (10 or more for each of 5 papers); the same page counts 49.',
    ])
    expect(reportedMetricConflicts({ hIndex: 12, i10Index: 11 })).toEqual([
      { metric: 'i10Index', message: 'An h-index of 12 means 12 papers with at least 12 ≥ 10 citations each, so the i10-index is at least 12; the page says 11.' },
    ])
  })
})
