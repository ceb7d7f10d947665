import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { MIN_TREND_PAPERS, splitYears, topicTrends, twoProportionZ } from './trends.js'

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

  it('makes no spans from too few papers, or when the newest year holds them all', () => {
    expect(splitYears([{ year: 2020, papers: MIN_TREND_PAPERS - 10 }, { year: 2021, papers: 9 }])).toBeNull()
    expect(splitYears([{ year: 2023, papers: 400 }])).toBeNull()
    expect(splitYears([{ year: 2022, papers: 0 }, { year: 2023, papers: 400 }])).toBeNull()
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
    expect(trends.recent).toEqual({ from: 2022, to: 2022, papers: 100 })
    expect(trends.earlier).toEqual({ from: 2020, to: 2021, papers: 200 })
    const byId = Object.fromEntries(trends.topics.map((t) => [t.id, t]))
    // Predicted papers count as the topic's: 30 of 100 recent papers against 10 of 200 before.
    expect(byId.grows).toMatchObject({ recent: { papers: 30, share: 0.3 }, earlier: { papers: 10, share: 0.05 }, direction: 'rising' })
    expect(byId.grows!.z).toBeCloseTo(twoProportionZ(30, 100, 10, 200), 12)
    expect(byId.shrinks).toMatchObject({ recent: { papers: 10 }, earlier: { papers: 60 }, direction: 'falling' })
    expect(byId.flat).toMatchObject({ recent: { papers: 11 }, earlier: { papers: 20 }, direction: 'steady' })
    expect(trends.reason).toBeNull()
  })

  it('says why there is no comparison, and calls every topic steady, when the library is too thin', () => {
    const trends = topicTrends([topic('a', [[2022, 3, 0]])], [{ year: 2022, papers: 3 }])
    expect(trends.recent).toBeNull()
    expect(trends.reason).toMatch(/3 dated papers with a topic; a trend needs at least 20/)
    expect(trends.topics[0]).toMatchObject({ direction: 'steady', z: 0, recent: { papers: 0, share: 0 } })
  })

  it('keeps each topic’s counts per year, oldest first, for the reader to check the verdict against', () => {
    const trends = topicTrends([topic('a', [[2022, 1, 0], [2020, 2, 1]])], years)
    expect(trends.topics[0]!.perYear.map((y) => y.year)).toEqual([2020, 2022])
    expect(trends.years.map((y) => y.year)).toEqual([2020, 2021, 2022])
  })
})
