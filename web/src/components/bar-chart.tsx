/**
 * @module A per-year bar chart drawn with Observable Plot (see plot-chart.ts). Plot renders SVG with text nodes
 * only; labels from sources stay text.
 */
import { useRef } from 'react'
import { themeColour, usePlot } from './plot-chart.js'

export interface YearBar {
  year: number
  count: number
  /** Series name for stacked bars (e.g. curated / predicted). */
  series?: string
}

export interface BarChartProps {
  data: YearBar[]
  /** Accessible description of what the chart shows. */
  label: string
  yLabel?: string
}

export function YearBarChart({ data, label, yLabel = 'Papers' }: BarChartProps) {
  const ref = useRef<HTMLDivElement>(null)
  // Drawn again only when the bars change: a revalidated answer with the same counts is a new array.
  const failed = usePlot(ref, `${JSON.stringify(data)}|${yLabel}`, label, (Plot, el) => {
    if (data.length === 0) return null
    const years = data.map((d) => d.year)
    const min = Math.min(...years)
    const max = Math.max(...years)
    const stacked = data.some((d) => d.series)
    const perYear = new Map<number, number>()
    for (const d of data) perYear.set(d.year, (perYear.get(d.year) ?? 0) + d.count)
    const maxCount = Math.max(1, ...perYear.values())
    // SVG attributes do not resolve CSS variables, so read the theme's colours once here.
    const accent = themeColour(el, '--chart-1', '#3b5bdb')
    const accentSoft = themeColour(el, '--chart-2', '#c05621')
    const width = Math.max(280, Math.min(el.clientWidth || 640, 900))
    const series = legendSeries(data)
    return Plot.plot({
      width,
      height: 220,
      marginLeft: 40,
      marginBottom: 32,
      style: { background: 'transparent', color: 'currentColor', fontSize: '12px' },
      x: {
        label: null,
        tickFormat: (d: number) => String(d),
        domain: range(min, max),
        ticks: yearTicks(min, max, width - 60),
        type: 'band',
        padding: bandPadding(max - min + 1, width - 60),
      },
      // Whole papers only: a small count (1) would otherwise get ticks at 0.2, 0.4, … with no label.
      y: { label: yLabel, grid: true, ticks: Math.min(5, maxCount), tickFormat: (d: number) => (Number.isInteger(d) ? String(d) : '') },
      color: stacked ? { legend: true, domain: series, range: series.map((name) => (name === 'curated' ? accent : accentSoft)) } : {},
      marks: [
        // A zero bar draws nothing, and its series may have no colour (legendSeries left it out).
        Plot.barY(
          data.filter((d) => d.count > 0),
          {
            x: 'year',
            y: 'count',
            ...(stacked ? { fill: 'series' } : { fill: accent }),
            title: (d: YearBar) => `${d.year}: ${d.count} ${d.series ?? ''} paper${d.count === 1 ? '' : 's'}`.replace(/\s+/g, ' '),
            rx: 2,
            // The bars' own class, for the page's checks of their colours now that Plot's labels are gone.
            className: 'year-bars',
          },
        ),
        Plot.ruleY([0]),
      ],
    })
  })
  if (data.length === 0) return <p className="muted">No dated papers to plot.</p>
  const table = yearTable(data)
  // The numbers as a table too: a picture's values are lost to a screen reader, and exact counts to the eye.
  const numbers = (
    <details className="chart-numbers" data-testid="year-chart-numbers">
      <summary>The numbers</summary>
      <table>
        <caption className="visually-hidden">{label}</caption>
        <thead>
          <tr>
            <th scope="col">Year</th>
            {table.series.map((s) => (
              <th scope="col" key={s}>
                {s.charAt(0).toUpperCase() + s.slice(1)}
              </th>
            ))}
            {table.series.length > 1 && <th scope="col">All</th>}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.year}>
              <th scope="row">{row.year}</th>
              {row.counts.map((n, i) => (
                <td key={table.series[i]}>{n}</td>
              ))}
              {table.series.length > 1 && <td>{row.total}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  )
  if (failed)
    return (
      <>
        <p className="muted">The chart could not be drawn.</p>
        {numbers}
      </>
    )
  return (
    <>
      <div ref={ref} className="chart" data-testid="year-chart" />
      {numbers}
    </>
  )
}

/** The stacked series in the order the legend shows them. */
const SERIES_ORDER = ['curated', 'predicted']

/**
 * The series the legend names: those with a bar. A topic whose predicted papers are all undated has a
 * predicted count of 0 in every year, and a legend entry for it would stand for nothing on the chart.
 * @example legendSeries([{ year: 2020, count: 2, series: 'curated' }, { year: 2020, count: 0, series: 'predicted' }]) // ['curated']
 */
export function legendSeries(data: readonly YearBar[]): string[] {
  return SERIES_ORDER.filter((name) => data.some((d) => d.series === name && d.count > 0))
}

/**
 * The chart's bars as table rows, one per year that has papers, oldest first; a column per series (`papers`
 * when there is none).
 * @example yearTable([{ year: 2020, count: 2, series: 'curated' }]) // { series: ['curated'], rows: [{ year: 2020, counts: [2], total: 2 }] }
 */
export function yearTable(data: readonly YearBar[]): { series: string[]; rows: Array<{ year: number; counts: number[]; total: number }> } {
  const series = [...new Set(data.map((d) => d.series ?? 'papers'))].sort()
  const byYear = new Map<number, number[]>()
  for (const d of data) {
    const counts = byYear.get(d.year) ?? series.map(() => 0)
    counts[series.indexOf(d.series ?? 'papers')]! += d.count
    byYear.set(d.year, counts)
  }
  const rows = [...byYear.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([year, counts]) => ({ year, counts, total: counts.reduce((s, n) => s + n, 0) }))
  return { series, rows }
}

/** The widest a year's bar is drawn: one year alone (most researchers here have one paper) filled the panel. */
export const MAX_BAR_PX = 56

/**
 * The band scale's padding (inner and outer alike) for `years` columns over `plotWidth` px: the usual 0.2,
 * or more when a bar would be wider than {@link MAX_BAR_PX}. A band of p has bars plotWidth × (1 − p) / (years + p).
 * @example bandPadding(1, 700) // ≈ 0.87: one bar of 56 px in the middle, not one of 560
 */
export function bandPadding(years: number, plotWidth: number): number {
  return Math.max(0.2, (plotWidth - MAX_BAR_PX * years) / (plotWidth + MAX_BAR_PX))
}

/** Room one year label needs at 12 px, with a gap. */
const YEAR_LABEL_PX = 40

/**
 * The years to label: all of them when they fit, else every 2nd, 5th, 10th … year (round ones), so that
 * labels of a long span do not run into each other (`2001200220032004`).
 * @example yearTicks(1990, 2023, 400) // [1990, 1995, 2000, 2005, 2010, 2015, 2020]
 */
export function yearTicks(min: number, max: number, plotWidth: number): number[] {
  const fits = Math.max(1, Math.floor(plotWidth / YEAR_LABEL_PX))
  const needed = (max - min + 1) / fits
  const step = [1, 2, 5, 10, 20, 25, 50, 100].find((s) => s >= needed) ?? 100
  return range(min, max).filter((y) => y % step === 0)
}

function range(min: number, max: number): number[] {
  const out: number[] = []
  for (let y = min; y <= max; y++) out.push(y)
  return out
}
