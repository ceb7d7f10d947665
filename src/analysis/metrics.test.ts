import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readCorpusRecords } from '../../test/support/corpus-records.js'
import {
  AI_SCORE_HOW_COMPUTED,
  aiScore,
  aiScoreInputsNote,
  aiScoreRescaleNote,
  centralityPercentiles,
  centralityWhy,
  citationCountsWhy,
  citationSum,
  hIndex,
  hIndexMetric,
  HOW_COMPUTED,
  metricsFromTotals,
  NOVELTY_RANKING_HOW_COMPUTED,
  noveltyPercentWhy,
  noveltyRankedWhy,
  researcherTotals,
  shrunkPercentile,
} from './metrics.js'
import { MIN_KNOWN_WORDS } from './vectors.js'

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

  it('counts a negative or infinite citation count as unknown in the sum and the h-index alike', () => {
    const counts = [7, -3, Infinity]
    expect(citationSum(counts)).toMatchObject({ value: 7, known: 1, unknown: 2, lowerBound: true })
    expect(hIndexMetric(counts)).toMatchObject({ value: 1, known: 1, unknown: 2, lowerBound: true })
  })

  it('stays within 0..100, shows its inputs and rescales when one is unknown', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(200), (c, n, papers) => {
        const s = aiScore({ centrality: c, novelty: n, papers })
        expect(s.value).toBeGreaterThanOrEqual(0)
        expect(s.value).toBeLessThanOrEqual(100)
        // The points, to a tenth, add up to the score as shown, each within a tenth of its exact share.
        expect(Math.round(s.why.reduce((a, b) => a + b.weight, 0) * 10)).toBe(Math.round((s.value as number) * 10))
        expect(s.why.every((w) => Math.abs(w.weight * 10 - Math.round(w.weight * 10)) < 1e-9)).toBe(true)
        // Without papers, output is unknown and the other two weights are rescaled to the whole.
        const total = papers > 0 ? 1 : 0.8
        const exact = [(40 * c) / total, (40 * n) / total, (20 * s.inputs.output) / total]
        s.why.forEach((w, i) => expect(Math.abs(w.weight - exact[i]!)).toBeLessThan(0.1 + 1e-9))
      }),
    )
    // Points of 23.26, 17.76 and 14.21 each rounded alone read 23.3 + 17.8 + 14.2 = 55.3 beside a score of 55.2
    // (a review found this for 631 of the corpus's 1,529 researchers).
    const split = aiScore({ centrality: 0.5815, novelty: 0.444, papers: 11 })
    expect([split.value, split.why.map((w) => w.weight), split.why.reduce((a, b) => a + b.weight, 0).toFixed(1)]).toEqual([55.2, [23.3, 17.7, 14.2], '55.2'])
    // The weights it used when an input is unknown are said, not only the formula's.
    const noNovelty = aiScore({ centrality: 0.486, novelty: null, papers: 1 })
    expect(aiScoreRescaleNote(noNovelty.why.map((w) => w.label))).toEqual([
      'novelty unknown, so left out: the other weights are rescaled to add up to 1 (topical centrality 0.67, output 0.33)',
    ])
    expect(aiScoreRescaleNote(['topical centrality', 'novelty', 'output'])).toEqual([])
    expect(aiScore({ centrality: null, novelty: null, papers: 0 }).value).toBeNull()
    // Output alone is no score (it was 100 for anyone with 32 papers in a library never analysed).
    expect(aiScore({ centrality: null, novelty: null, papers: 40 })).toMatchObject({ value: null, why: [] })
    expect(aiScore({ centrality: null, novelty: 0.5, papers: 40 }).value).not.toBeNull()
    expect(aiScore({ centrality: 1, novelty: null, papers: 0 }).value).toBe(100)
  })

  it('computes a researcher from papers and keeps reported values beside', () => {
    const m = metricsFromTotals(
      researcherTotals([
        { paperId: 'a', citationCount: 10, noveltyPercentile: 80, centralityPercentile: 50 },
        { paperId: 'b', citationCount: null, noveltyPercentile: 40, centralityPercentile: 70 },
      ]),
      [{ hIndex: 44, citations: 177 }],
    )
    expect(m.hIndex.value).toBe(1)
    expect(m.hIndex.lowerBound).toBe(true)
    expect(m.noveltyPercent.value).toBe(60)
    expect(m.reported).toEqual([{ hIndex: 44, citations: 177 }])
    for (const text of Object.values(HOW_COMPUTED)) expect(text.length).toBeGreaterThan(40)
  })
})

describe('a mean over few papers, shrunk toward the middle', () => {
  const researcher = (papers: number, percentile: number) =>
    metricsFromTotals(researcherTotals(Array.from({ length: papers }, (_, i) => ({ paperId: `p${i}`, citationCount: null, noveltyPercentile: percentile, centralityPercentile: percentile }))))

  it('ranks one paper at the 99th percentile below five at the 80th, in Novelty ranking and AI Score alike', () => {
    const one = researcher(1, 99)
    const five = researcher(5, 80)
    // The plain mean, the Novelty % shown, is unchanged: one paper at 99 reads 99.
    expect([one.noveltyPercent.value, five.noveltyPercent.value]).toEqual([99, 80])
    expect(one.noveltyPercent.shrunk).toBeLessThan(five.noveltyPercent.shrunk!)
    expect(one.aiScore.value).toBeLessThan(five.aiScore.value!)
    // Unshrunk, the one paper won both: 99 > 80, and 100 × (0.4 × 0.99 + 0.4 × 0.99 + 0.2 × 0.198) = 83.2 > 74.2.
    expect(aiScore({ centrality: 0.99, novelty: 0.99, papers: 1 }).value).toBeGreaterThan(aiScore({ centrality: 0.8, novelty: 0.8, papers: 5 }).value!)
  })

  it('pulls a mean toward 50 less the more papers it rests on, and leaves no paper unknown', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), fc.integer({ min: 1, max: 500 }), (mean, n) => {
        const shrunk = shrunkPercentile(mean * n, n)!
        expect(Math.min(mean, 50) - 1e-9).toBeLessThanOrEqual(shrunk)
        expect(shrunk).toBeLessThanOrEqual(Math.max(mean, 50) + 1e-9)
        // One more paper at the same mean moves the value toward that mean, never away.
        expect(Math.abs(shrunkPercentile(mean * (n + 1), n + 1)! - mean)).toBeLessThanOrEqual(Math.abs(shrunk - mean) + 1e-9)
      }),
    )
    expect(shrunkPercentile(0, 0)).toBeNull()
    expect(researcher(0, 0)).toMatchObject({ noveltyPercent: { value: null, shrunk: null }, centrality: { mean: null, shrunk: null }, aiScore: { value: null } })
  })

  it('computes the AI Score as its how-computed text says, with the shrinkage the text states', () => {
    // The k and the percentile are read from the text, so text and code cannot drift apart.
    const stated = /\(their sum \+ (\d+) × (\d+)\) \/ \(the number of those papers \+ \1\)/.exec(AI_SCORE_HOW_COMPUTED)
    expect(stated).not.toBeNull()
    expect(NOVELTY_RANKING_HOW_COMPUTED).toContain(stated![0])
    const [k, prior] = [Number(stated![1]), Number(stated![2])]
    const percentiles = fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null })
    fc.assert(
      fc.property(fc.array(fc.tuple(percentiles, percentiles), { minLength: 1, maxLength: 40 }), (rows) => {
        const m = metricsFromTotals(researcherTotals(rows.map(([n, c], i) => ({ paperId: `p${i}`, citationCount: null, noveltyPercentile: n, centralityPercentile: c }))))
        const shrunk = (xs: Array<number | null>) => {
          const known = xs.filter((x): x is number => x !== null)
          return known.length === 0 ? null : (known.reduce((a, b) => a + b, 0) + k * prior) / (known.length + k) / 100
        }
        const inputs = { centrality: shrunk(rows.map((r) => r[1])), novelty: shrunk(rows.map((r) => r[0])), papers: rows.length }
        expect(m.aiScore.value).toBe(aiScore(inputs).value)
        if (inputs.novelty === null) expect(m.noveltyPercent.shrunk).toBeNull()
        else expect(m.noveltyPercent.shrunk! / 100).toBeCloseTo(inputs.novelty, 12)
      }),
      { examples: [[[[99, 99]]]] },
    )
  })

  it('shows each mean input plain and as the score used it, and what the ranking by novelty puts a researcher at', () => {
    const one = researcher(1, 99)
    expect(aiScoreInputsNote(one)).toBe(
      'inputs: topical centrality 0.623 (mean 0.990 of 1 paper, shrunk), novelty 0.623 (mean 0.990 of 1 paper, shrunk), output 0.198 (1 paper); shrunk: (sum of percentiles + 3 × 50) / (papers + 3) / 100',
    )
    expect(noveltyRankedWhy(one.noveltyPercent)).toEqual([
      "ranked among researchers at 62.3: (the sum of 1 percentile + 3 × 50) / (1 + 3), so that few papers cannot top the ranking by chance (the AI Score's novelty input too)",
    ])
    expect(noveltyRankedWhy(researcher(0, 0).noveltyPercent)).toEqual([])
  })
})

describe('topical centrality', () => {
  /** Two unit vectors at cosine `c` to the first axis, on either side of it, so the library's centre stays on it. */
  const pair = (id: string, c: number, textLength: number) => {
    const s = Math.sqrt(1 - c * c)
    return [
      { paperId: `${id}+`, vector: Float32Array.from([c, s, 0]), textLength },
      { paperId: `${id}-`, vector: Float32Array.from([c, -s, 0]), textLength },
    ]
  }

  it('ranks papers by cosine to the centre when their texts are as long', () => {
    const ranks = centralityPercentiles([...pair('a', 0.2, 900), ...pair('b', 0.5, 900), ...pair('c', 0.8, 900)])
    expect(ranks.get('a+')).toBeLessThan(ranks.get('b+')!)
    expect(ranks.get('b+')).toBeLessThan(ranks.get('c+')!)
    expect(ranks.get('c-')).toBe(100)
  })

  it('ties two papers the length fit leaves level, whatever the float noise', () => {
    // Two papers of different lengths: the line passes through both, so neither is more central than the other.
    for (const c of Array.from({ length: 199 }, (_, i) => (i + 1) / 200)) {
      const s = Math.sqrt(1 - c * c)
      const ranks = centralityPercentiles([
        { paperId: 'a', vector: Float32Array.from([c, s, 0]), textLength: 120 },
        { paperId: 'b', vector: Float32Array.from([s, 0, c]), textLength: 1900 },
      ])
      expect([ranks.get('a'), ranks.get('b')], String(c)).toEqual([100, 100])
    }
  })

  it('takes out what length alone gives: the best short text ranks with the best long one', () => {
    // Titles with a one-line digest (100 characters) near 0.3, abstracts (2,000) near 0.7, as in the corpus.
    const short = [...pair('s1', 0.2, 100), ...pair('s2', 0.3, 100), ...pair('s3', 0.4, 100)]
    const long = [...pair('l1', 0.6, 2000), ...pair('l2', 0.7, 2000), ...pair('l3', 0.8, 2000)]
    const ranks = centralityPercentiles([...short, ...long])
    // Each text's place among its own length: the top third is s3 and l3, the bottom third s1 and l1.
    const third = (ids: string[]) => ids.flatMap((id) => [ranks.get(`${id}+`)!, ranks.get(`${id}-`)!])
    for (const r of third(['s3', 'l3'])) expect(r).toBeGreaterThan(66)
    for (const r of third(['s2', 'l2'])) expect(r).toBeGreaterThan(33)
    for (const r of third(['s2', 'l2'])) expect(r).toBeLessThanOrEqual(67)
    for (const r of third(['s1', 'l1'])) expect(r).toBeLessThanOrEqual(34)
  })

  it('gives none to a paper the model knows too little of, and ranks the others among themselves around the same centre', () => {
    // Titles with a digest and abstracts, as above; `Highway networks` lies on the centre (`networks` is what the
    // library is about) and a title of which the model knows no word has an empty vector.
    const placed = [...pair('s1', 0.2, 100), ...pair('s2', 0.3, 100), ...pair('l1', 0.6, 2000), ...pair('l2', 0.7, 2000)]
    const highway = { paperId: 'highway', vector: Float32Array.from([1, 0, 0]), textLength: 16 }
    const blank = { paperId: 'q', vector: new Float32Array(3), textLength: 10 }
    const ranks = centralityPercentiles([...placed, { ...highway, tooLittleKnown: ['networks'] }, { ...blank, tooLittleKnown: [] }])
    expect([ranks.has('highway'), ranks.has('q')]).toEqual([false, false])
    // Neither is ranked nor in the length line: the others' ranks are theirs alone (the centre, on the first axis, is as it was).
    expect(ranks).toEqual(centralityPercentiles(placed))
    // Placed, one word's direction would top the library and the empty vector sit at the bottom.
    const unplaced = centralityPercentiles([...placed, highway, blank])
    expect([unplaced.get('highway'), unplaced.get('q')]).toEqual([100, 10])
  })
})

describe('what each researcher metric says it rests on', () => {
  it("counts as the researcher's papers those of their profile whose author line stops before them, and says so", () => {
    // The corpus profile: every paper is Inbar Seroussi's, 6 of 13 author lines are cut (et al.) before her name.
    const papers = readCorpusRecords('researcher-profile', 'researcher-profile.txt')
    const unnamed = papers.filter((p) => !p.authors.includes('Inbar Seroussi'))
    expect([papers.length, unnamed.length]).toEqual([13, 6])
    expect(metricsFromTotals(researcherTotals(papers.map((p) => ({ paperId: p.key, citationCount: null, noveltyPercentile: null, centralityPercentile: null })))).papers.value).toBe(13)
    // The text must not say "among the authors" alone: for 6 of them she is not among the authors listed.
    expect(HOW_COMPUTED.papers).toMatch(/profile page/)
    expect(HOW_COMPUTED.papers).toMatch(/et al\./)
  })

  it("says how many papers a Novelty % is the mean of, and that the others are left out, not counted as 0", () => {
    // Turing's 60 papers from Semantic Scholar: one has no date, so 59 have a novelty.
    expect(noveltyPercentWhy(60, 59)).toEqual([
      'mean novelty percentile of 59 of the 60 papers: the other one has no date, no earlier paper in the library to compare with, or too little text the model knows to place it, so it is left out, not counted as 0',
    ])
    expect(noveltyPercentWhy(13, 10)[0]).toMatch(/^mean novelty percentile of 10 of the 13 papers: the other 3 have no date, no earlier paper .*, or too little text the model knows to place them, so they are left out, not counted as 0$/)
    expect(noveltyPercentWhy(13, 13)).toEqual(['mean novelty percentile of 13 papers, each with an earlier paper to compare with'])
    // Legendre's one paper (1805) has nothing dated before it.
    expect(noveltyPercentWhy(1, 0)).toEqual(['unknown: the paper has no date, no earlier paper in the library to compare with, or too little text the model knows to place it'])
    expect(noveltyPercentWhy(4, 0)).toEqual(['unknown: none of the 4 papers has a date, an earlier paper in the library to compare with and text enough for the model to place it'])
    expect(noveltyPercentWhy(0, 0)).toEqual(['unknown: no papers in the library'])
    expect(HOW_COMPUTED.noveltyPercent).toMatch(/left out, not counted as 0/)
    // The AI Score's novelty input is those percentiles (length taken out), shrunk, and says the Novelty % is the plain mean.
    expect(HOW_COMPUTED.aiScore).toMatch(/Novelty: their papers' novelty percentiles \(.* with what a text of its length gets taken out\), the same shrunk mean \/ 100 \(their Novelty % is the plain mean/)
  })

  it('says which papers a topical centrality is a mean of when some have none, and that the AI Score leaves them out', () => {
    expect(centralityWhy(2, 1)).toEqual([
      'topical centrality over 1 of the 2 papers: the other one has too little text the model knows to place it, or no analysis yet, so it is left out, not counted as 0',
    ])
    expect(centralityWhy(5, 2)[0]).toMatch(/^topical centrality over 2 of the 5 papers: the other 3 have too little text the model knows to place them, or no analysis yet, so they are left out, not counted as 0$/)
    expect(centralityWhy(1, 0)).toEqual(['topical centrality unknown: the paper has too little text the model knows to place it, or no analysis yet'])
    expect(centralityWhy(3, 0)).toEqual(['topical centrality unknown: none of the 3 papers has text enough for the model to place it and an analysis'])
    expect([centralityWhy(4, 4), centralityWhy(0, 0)]).toEqual([[], []])
    // The how-computed text states the rule with the bar the code uses, and that such papers are left out of the mean.
    expect(HOW_COMPUTED.aiScore).toContain(`A paper of whose text the LSA vector model knows fewer than ${MIN_KNOWN_WORDS} words has no centrality`)
    expect(HOW_COMPUTED.aiScore).toMatch(/it is not ranked and is left out of the mean, not counted as 0/)
    // Left out of the mean: a researcher with one placed paper at 80 and one without is the paper at 80, n = 1.
    const m = metricsFromTotals(researcherTotals([
      { paperId: 'dropout', citationCount: null, noveltyPercentile: 70, centralityPercentile: 80 },
      { paperId: 'highway', citationCount: null, noveltyPercentile: null, centralityPercentile: null },
    ]))
    expect(m.centrality).toEqual({ mean: 80, shrunk: (80 + 3 * 50) / 4, papers: 1 })
  })

  it('says how many papers have a citation count, and nothing about counts for a person with no papers', () => {
    expect(citationCountsWhy({ known: 1, unknown: 2 })).toEqual(['1 of 3 papers have a citation count'])
    expect(citationCountsWhy({ known: 0, unknown: 13 })).toEqual(['no source gave a citation count for any of the papers'])
    expect(citationCountsWhy({ known: 0, unknown: 0 })).toEqual(['no papers in the library'])
  })
})
