import { describe, expect, it } from 'vitest'
import { contrastRatio, cutLabel, darkestShade, everyYear, mixColour, parseColour, scrollCue, spanText, trendCells, trendText } from './trends-chart.js'

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
    expect(trendText({ ...topic, direction: 'steady', note: 'within chance once 9 topics are tested' }, { from: 2023, to: 2023 }, { from: 2016, to: 2022 })).toBe(
      'Steady: 11% of 2023 papers, 1% of 2016–2022 (within chance once 9 topics are tested)',
    )
  })

  it('writes a one-year span as the year', () => {
    expect(spanText({ from: 2023, to: 2023 })).toBe('2023')
    expect(spanText({ from: 2019, to: 2023 })).toBe('2019–2023')
  })
})

describe('darkestShade and parseColour', () => {
  const themes = {
    light: { surface: '#fff', accent: '#3b5bdb', text: '#1b1f27' },
    dark: { surface: '#171b22', accent: '#7c96ff', text: '#e6e9ef' },
  }

  it('stops the shading where the counts, in the page’s text colour, would fall under 4.5:1, in either theme', () => {
    for (const [name, { surface, accent, text }] of Object.entries(themes)) {
      const t = darkestShade(surface, accent, text)
      const at = (x: number) => contrastRatio(mixColour(parseColour(surface)!, parseColour(accent)!, x), parseColour(text)!)
      expect(at(t), name).toBeGreaterThanOrEqual(4.5)
      // As far as it can go: a little further would not keep it.
      expect(at(Math.min(1, t + 0.01)), name).toBeLessThan(4.5)
      // Far enough for the rows to show their rise and fall.
      expect(t, name).toBeGreaterThan(0.4)
    }
    // On the light theme's full accent, dark text is unreadable: 1.38:1 was what the first version drew.
    expect(contrastRatio(parseColour('#3b5bdb')!, parseColour('#5f6878')!)).toBeLessThan(1.5)
  })

  it('reads the colours as a minified stylesheet or the browser writes them, and gives up only on what is no colour', () => {
    expect(parseColour('#fff')).toEqual([255, 255, 255])
    expect(parseColour('rgba(23, 27, 34, 0.5)')).toEqual([23, 27, 34])
    expect(parseColour('#3B5BDB')).toEqual([59, 91, 219])
    expect(parseColour('var(--surface)')).toBeNull()
    expect(darkestShade('var(--surface)', '#3b5bdb', '#000')).toBe(0)
  })
})

describe('everyYear and cutLabel', () => {
  it('fills the years the library has no papers of, so a gap reads as a gap', () => {
    expect(everyYear([{ year: 2023, papers: 5 }, { year: 2025, papers: 2 }])).toEqual([
      { year: 2023, papers: 5 },
      { year: 2024, papers: 0 },
      { year: 2025, papers: 2 },
    ])
    expect(everyYear([])).toEqual([])
    expect(trendCells({ years: [{ year: 2020, papers: 30 }, { year: 2022, papers: 30 }], topics: [{ label: 'A', perYear: [] }] }).map((c) => [c.year, c.thin])).toEqual([
      [2020, false],
      [2021, true],
      [2022, false],
    ])
  })

  it('cuts a long topic label with an ellipsis, and leaves a short one', () => {
    expect(cutLabel('Interactions with Neuroscience', 16)).toBe('Interactions wi…')
    expect(cutLabel('Neural Collapse', 16)).toBe('Neural Collapse')
  })
})

describe("the cue over a chart cut at an edge", () => {
  it('points to the years hidden, and says nothing when every year shows', () => {
    // Opened on the newest years: the earlier ones are to the left.
    expect(scrollCue({ left: 240, right: 0 })).toBe('← Scroll for earlier years')
    expect(scrollCue({ left: 0, right: 240 })).toBe('Scroll for later years →')
    expect(scrollCue({ left: 30, right: 60 })).toBe('← Scroll for earlier or later years →')
    expect(scrollCue({ left: 0, right: 0 })).toBeNull()
  })
})
