import { describe, expect, it } from 'vitest'
import { spanText, textOn, trendCells, trendText } from './trends-chart.js'

describe('trendCells', () => {
  const trends = {
    years: [
      { year: 2021, papers: 50 },
      { year: 2022, papers: 100 },
      { year: 2023, papers: 40 },
    ],
    topics: [
      { label: 'Grokking', perYear: [{ year: 2022, curated: 5, predicted: 5 }, { year: 2023, curated: 8, predicted: 0 }] },
      { label: 'Others', perYear: [{ year: 2021, curated: 25, predicted: 0 }, { year: 2022, curated: 50, predicted: 10 }, { year: 2023, curated: 20, predicted: 0 }] },
    ],
  }

  it('gives every topic a cell for every year, 0 where it has no papers, curated and predicted together', () => {
    const cells = trendCells(trends)
    expect(cells.map((c) => [c.topic, c.year, c.papers])).toEqual([
      ['Grokking', 2021, 0],
      ['Grokking', 2022, 10],
      ['Grokking', 2023, 8],
      ['Others', 2021, 25],
      ['Others', 2022, 60],
      ['Others', 2023, 20],
    ])
    expect(cells.find((c) => c.topic === 'Grokking' && c.year === 2023)?.share).toBeCloseTo(0.2, 12)
  })

  it('shades each row against its own highest share, so a large catch-all leaves the small topics readable', () => {
    const cells = trendCells(trends)
    const relative = (topic: string) => cells.filter((c) => c.topic === topic).map((c) => Number(c.relative.toFixed(3)))
    // Grokking: 0, 0.1, 0.2 of the years' papers → 0, 0.5, 1; Others: 0.5, 0.6, 0.5 → 0.83, 1, 0.83.
    expect(relative('Grokking')).toEqual([0, 0.5, 1])
    expect(relative('Others')).toEqual([0.833, 1, 0.833])
  })

  it('does not make one paper of a thin year a topic’s peak', () => {
    const cells = trendCells({
      years: [
        { year: 2022, papers: 100 },
        { year: 2023, papers: 100 },
        { year: 2024, papers: 1 },
      ],
      topics: [{ label: 'NTK', perYear: [{ year: 2022, curated: 20, predicted: 0 }, { year: 2023, curated: 10, predicted: 0 }, { year: 2024, curated: 1, predicted: 0 }] }],
    })
    expect(cells.map((c) => [c.share, c.thin, c.relative])).toEqual([
      [0.2, false, 1],
      [0.1, false, 0.5],
      // 1 of 1: the largest share, but a year of one paper; outlined, and the row is shaded against 2022.
      [1, true, 0],
    ])
  })
})

describe('trendText', () => {
  it('says the verdict and the two shares it rests on', () => {
    const topic = { direction: 'rising' as const, recent: { papers: 26, share: 0.105 }, earlier: { papers: 3, share: 0.0115 } }
    expect(trendText(topic, { from: 2022, to: 2026 }, { from: 2016, to: 2021 })).toBe('Rising: 11% of 2022–2026 papers, 1% of 2016–2021')
    expect(trendText({ ...topic, direction: 'steady' }, { from: 2023, to: 2023 }, { from: 2016, to: 2022 })).toMatch(/^Steady: 11% of 2023 papers/)
  })

  it('writes a one-year span as the year', () => {
    expect(spanText({ from: 2023, to: 2023 })).toBe('2023')
    expect(spanText({ from: 2019, to: 2023 })).toBe('2019–2023')
  })
})

describe('textOn', () => {
  it('writes white on the light theme’s darkest cells, near-black on light cells and on the dark theme’s light-blue ones', () => {
    expect(textOn('#ffffff', '#3b5bdb', 1)).toBe('#ffffff')
    expect(textOn('#ffffff', '#3b5bdb', 0.1)).toBe('#111418')
    expect(textOn('#171b22', '#7c96ff', 1)).toBe('#111418')
    expect(textOn('#171b22', '#7c96ff', 0.1)).toBe('#ffffff')
    expect(textOn('rgb(1, 2, 3)', '#3b5bdb', 1)).toBe('currentColor')
  })
})
