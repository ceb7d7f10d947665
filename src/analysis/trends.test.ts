import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { holmSignificant, splitYears, topicTrends, twoProportionZ, twoSidedP } from './trends.js'

describe('twoProportionZ', () => {
  it('matches the textbook value for 30 of 100 against 10 of 100', () => {
    // pooled 0.2, variance 0.2 · 0.8 · (1/100 + 1/100) = 0.0032, z = 0.2 / 0.0566
    expect(twoProportionZ(30, 100, 10, 100)).toBeCloseTo(3.5355, 4)
  })

  it('is 0 when there is nothing to compare: an empty span, or a share of 0 or 1 on both sides', () => {
    expect(twoProportionZ(3, 0, 1, 10)).toBe(0)
    expect(twoProportionZ(0, 10, 0, 10)).toBe(0)
    expect(twoProportionZ(10, 10, 20, 20)).toBe(0)
  })

  it('changes sign when the spans are swapped', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 500 }), fc.nat(), fc.nat(), (n1, n2, a, b) => {
        const k1 = a % (n1 + 1)
        const k2 = b % (n2 + 1)
        expect(twoProportionZ(k1, n1, k2, n2)).toBeCloseTo(-twoProportionZ(k2, n2, k1, n1), 9)
      }),
    )
  })
})

describe('splitYears', () => {
  it('takes the newest years until they hold a third of the papers, and every year before as the earlier span', () => {
    const years = [
      { year: 2019, papers: 50 },
      { year: 2020, papers: 70 },
      { year: 2021, papers: 60 },
      { year: 2023, papers: 45 },
      { year: 2022, papers: 20 },
    ]
    // 245 papers: 2023 alone (45) is under a third (81.7), 2022–2023 (65) too, 2021–2023 (125) is not.
    expect(splitYears(years)).toEqual({ recent: { from: 2021, to: 2023, papers: 125 }, earlier: { from: 2019, to: 2020, papers: 120 } })
  })

  it('makes no spans from too few papers, one year, or an earlier span too thin to compare, and says which', () => {
    expect(splitYears([{ year: 2020, papers: 20 }, { year: 2021, papers: 19 }])).toEqual({ reason: 'the library has 39 dated papers with a topic; a trend needs at least 40' })
    expect(splitYears([{ year: 2022, papers: 0 }, { year: 2023, papers: 400 }])).toEqual({ reason: 'all 400 dated papers with a topic are from 2023' })
    // One paper in 2020 against a hundred in 2023: the earlier span would rest on that one paper.
    expect(splitYears([{ year: 2020, papers: 1 }, { year: 2023, papers: 100 }])).toEqual({
      reason: 'the years before the newest third of the papers hold only 1; a comparison needs at least 20 on each side',
    })
    // 300 papers in 2020, 5 in 2021: the newest third needs 2020 too, and nothing is left before it.
    expect(splitYears([{ year: 2020, papers: 300 }, { year: 2021, papers: 5 }])).toEqual({
      reason: 'the years before the newest third of the papers hold none (2020 alone holds 300 of 305); a comparison needs at least 20 on each side',
    })
  })

  it('makes the recent span hold at least 20 papers even when a third of them is fewer', () => {
    expect(splitYears([{ year: 2020, papers: 40 }, { year: 2021, papers: 10 }, { year: 2022, papers: 12 }])).toEqual({
      recent: { from: 2021, to: 2022, papers: 22 },
      earlier: { from: 2020, to: 2020, papers: 40 },
    })
  })
})

describe('twoSidedP and holmSignificant', () => {
  it('gives the normal distribution’s two-sided tail', () => {
    expect(twoSidedP(1.96)).toBeCloseTo(0.05, 4)
    expect(twoSidedP(-2.5758)).toBeCloseTo(0.01, 4)
    expect(twoSidedP(0)).toBeCloseTo(1, 6)
  })

  it('steps down from the smallest p-value, each against alpha over the tests left, and stops at the first that fails', () => {
    expect(holmSignificant([0.001, 0.04, 0.03])).toEqual([true, false, false])
    expect(holmSignificant([0.001, 0.04, 0.02])).toEqual([true, true, true])
    // Nine topics: the smallest must be under 0.05 / 9, a lone test under 0.05.
    expect(holmSignificant([0.006, ...Array(8).fill(0.5)])[0]).toBe(false)
    expect(holmSignificant([0.04])).toEqual([true])
  })
})

describe('topicTrends', () => {
  const years = [
    { year: 2020, papers: 100 },
    { year: 2021, papers: 100 },
    { year: 2022, papers: 100 },
  ]
  const topic = (id: string, counts: Array<[number, number, number]>) => ({
    id,
    label: id.toUpperCase(),
    paperCount: counts.reduce((n, [, c, p]) => n + c + p, 0),
    perYear: counts.map(([year, curated, predicted]) => ({ year, curated, predicted })),
  })

  it('calls a topic rising, falling or steady by its share of the recent span against the earlier one', () => {
    const trends = topicTrends(
      [
        topic('grows', [[2020, 5, 0], [2021, 5, 0], [2022, 20, 10]]),
        topic('shrinks', [[2020, 30, 0], [2021, 30, 0], [2022, 10, 0]]),
        topic('flat', [[2020, 10, 0], [2021, 10, 0], [2022, 9, 2]]),
      ],
      years,
    )
    expect(trends.recent).toMatchObject({ from: 2022, to: 2022, papers: 100 })
    expect(trends.earlier).toMatchObject({ from: 2020, to: 2021, papers: 200 })
    const byId = Object.fromEntries(trends.topics.map((t) => [t.id, t]))
    // Predicted papers count as the topic's: 30 of 100 recent papers against 10 of 200 before.
    expect(byId.grows).toMatchObject({ recent: { papers: 30, share: 0.3 }, earlier: { papers: 10, share: 0.05 }, direction: 'rising' })
    expect(byId.grows!.z).toBeCloseTo(twoProportionZ(30, 100, 10, 200), 12)
    expect(byId.shrinks).toMatchObject({ recent: { papers: 10 }, earlier: { papers: 60 }, direction: 'falling' })
    expect(byId.flat).toMatchObject({ recent: { papers: 11 }, earlier: { papers: 20 }, direction: 'steady', note: 'within chance once 3 topics are tested' })
    expect(trends.reason).toBeNull()
  })

  it('tests no topic with too few papers on a side: two recent papers of a new topic are not a rise', () => {
    const trends = topicTrends([topic('new', [[2022, 2, 0]]), topic('old', [[2020, 100, 0], [2021, 100, 0], [2022, 98, 0]])], years)
    expect(trends.topics.map((t) => [t.id, t.direction, t.p === null, t.note])).toEqual([
      ['new', 'steady', true, 'too few papers to tell'],
      // 100% → 98%: the others (2 papers) are too few on the earlier side, where none are expected.
      ['old', 'steady', true, 'too few papers to tell'],
    ])
  })

  it('calls no trend a change of less than a quarter, however many papers make it significant', () => {
    const big = [
      { year: 2020, papers: 30_000 },
      { year: 2021, papers: 30_000 },
      { year: 2022, papers: 30_000 },
    ]
    const trends = topicTrends([topic('others', [[2020, 3900, 0], [2021, 3900, 0], [2022, 4050, 0]])], big)
    const [others] = trends.topics
    expect(others!.p!).toBeLessThan(0.05)
    expect(others).toMatchObject({ direction: 'steady', note: 'a change of less than a quarter (13% → 14%)' })
  })

  it('weighs each test against the number of topics tested (Holm)', () => {
    // z ≈ 2.2 alone is a rise at 5%; among four topics tested it is not (its p 0.028 is over 0.05 / 4).
    const alone = topicTrends([topic('a', [[2020, 8, 0], [2021, 8, 0], [2022, 16, 0]])], years)
    expect(alone.topics[0]).toMatchObject({ direction: 'rising' })
    const four = topicTrends(
      [topic('a', [[2020, 8, 0], [2021, 8, 0], [2022, 16, 0]]), ...['b', 'c', 'd'].map((id) => topic(id, [[2020, 10, 0], [2021, 10, 0], [2022, 10, 0]]))],
      years,
    )
    expect(four.topics[0]).toMatchObject({ direction: 'steady', note: 'within chance once 4 topics are tested' })
  })

  it('warns when one span’s topics are mostly predicted and the other’s curated', () => {
    const trends = topicTrends([topic('a', [[2020, 30, 0], [2021, 30, 0], [2022, 0, 30]])], years)
    expect(trends.recent!.predictedShare).toBe(1)
    expect(trends.earlier!.predictedShare).toBe(0)
    expect(trends.caveat).toMatch(/^100% of the topics of the 2022–2022 papers were predicted by the classifier, against 0%/)
    expect(topicTrends([topic('a', [[2020, 30, 0], [2021, 30, 0], [2022, 28, 2]])], years).caveat).toBeNull()
  })

  it('says why there is no comparison, and calls every topic steady, when the library is too thin', () => {
    const trends = topicTrends([topic('a', [[2022, 3, 0]])], [{ year: 2022, papers: 3 }])
    expect(trends.recent).toBeNull()
    expect(trends.reason).toMatch(/3 dated papers with a topic; a trend needs at least 40/)
    expect(trends.topics[0]).toMatchObject({ direction: 'steady', z: 0, p: null, note: null, recent: { papers: 0, share: 0 } })
  })

  it('keeps each topic’s counts per year, oldest first, for the reader to check the verdict against', () => {
    const trends = topicTrends([topic('a', [[2022, 1, 0], [2020, 2, 1]])], years)
    expect(trends.topics[0]!.perYear.map((y) => y.year)).toEqual([2020, 2022])
    expect(trends.years.map((y) => y.year)).toEqual([2020, 2021, 2022])
  })
})
