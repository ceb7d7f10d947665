import { describe, expect, it } from 'vitest'
import { MAX_BAR_PX, bandPadding, legendSeries, yearTable, yearTicks } from './bar-chart.js'

describe('yearTicks', () => {
  it('labels every year when the labels fit', () => {
    expect(yearTicks(2021, 2026, 640)).toEqual([2021, 2022, 2023, 2024, 2025, 2026])
  })

  it('labels round years only when a long span would run its labels together', () => {
    expect(yearTicks(2001, 2023, 640)).toEqual([2002, 2004, 2006, 2008, 2010, 2012, 2014, 2016, 2018, 2020, 2022])
    expect(yearTicks(1990, 2023, 400)).toEqual([1990, 1995, 2000, 2005, 2010, 2015, 2020])
    // Room for every label: at most one per 40 px.
    for (const [min, max, width] of [[1950, 2026, 220], [1800, 2026, 300], [2000, 2026, 840]] as const)
      expect(yearTicks(min, max, width).length).toBeLessThanOrEqual(Math.max(1, Math.floor(width / 40)))
  })
})

describe('yearTable', () => {
  it('gives the bars as rows per year, a column per series and their total', () => {
    const table = yearTable([
      { year: 2021, count: 3, series: 'predicted' },
      { year: 2020, count: 2, series: 'curated' },
      { year: 2021, count: 1, series: 'curated' },
    ])
    expect(table).toEqual({
      series: ['curated', 'predicted'],
      rows: [
        { year: 2020, counts: [2, 0], total: 2 },
        { year: 2021, counts: [1, 3], total: 4 },
      ],
    })
    expect(yearTable([{ year: 2019, count: 4 }])).toEqual({ series: ['papers'], rows: [{ year: 2019, counts: [4], total: 4 }] })
  })
})

describe('legendSeries', () => {
  it('names only the series that have a bar, curated first', () => {
    const undatedPredicted = [
      { year: 2020, count: 2, series: 'curated' },
      { year: 2020, count: 0, series: 'predicted' },
      { year: 2021, count: 1, series: 'curated' },
      { year: 2021, count: 0, series: 'predicted' },
    ]
    expect(legendSeries(undatedPredicted)).toEqual(['curated'])
    expect(legendSeries([{ year: 2020, count: 1, series: 'predicted' }, { year: 2021, count: 3, series: 'curated' }])).toEqual(['curated', 'predicted'])
  })
})

describe('bandPadding', () => {
  // d3's band scale with equal inner and outer padding p: bar = width × (1 − p) / (n + p).
  const bar = (years: number, width: number) => {
    const p = bandPadding(years, width)
    return (width * (1 - p)) / (years + p)
  }

  it('keeps the bar of a single year (most researchers have papers in one) as narrow as a bar among several', () => {
    expect(bar(1, 700)).toBeLessThanOrEqual(MAX_BAR_PX + 0.5)
    expect(bar(1, 250)).toBeLessThanOrEqual(MAX_BAR_PX + 0.5)
    expect(bar(2, 700)).toBeLessThanOrEqual(MAX_BAR_PX + 0.5)
  })

  it('leaves the usual gaps when many years share the width', () => {
    expect(bandPadding(20, 700)).toBe(0.2)
    expect(bandPadding(6, 300)).toBe(0.2)
  })
})
