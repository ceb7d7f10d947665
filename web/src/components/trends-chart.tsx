/**
 * @module Topics over time: a grid of topic × year cells shaded by the topic's share of that year's papers, drawn
 * with Observable Plot (loaded on demand), and the same numbers as a table.
 */
import { useEffect, useRef, useState } from 'react'
import type { TopicTrendsOut } from '../api.js'
import { percent } from '../format.js'
import { useColorScheme } from './bar-chart.js'

type Trend = TopicTrendsOut['topics'][number]

/** One cell: a topic's papers in a year and their share of the year's papers with a topic. */
export interface TrendCell {
  topic: string
  year: number
  papers: number
  share: number
  /** The year has too few papers for its share to be shaded ({@link THIN_YEAR_PAPERS}). */
  thin: boolean
  /** How dark the cell is, 0..1: its share over the row's largest share in a year that is not thin; 0 in a thin year. */
  relative: number
}

/** A year with fewer papers with a topic than this is not shaded: a share of so few says little. */
export const THIN_YEAR_PAPERS = 10

/**
 * The cells of every topic and every year the library has papers with a topic in (a year a topic has none of
 * is a cell of 0, so a gap reads as a gap). Each row is shaded against itself: a catch-all topic with half of
 * every year's papers would otherwise leave every specific topic pale, and the chart is there to show each
 * topic's own rise and fall. A thin year ({@link THIN_YEAR_PAPERS}) is drawn unshaded, so that one paper of a year
 * of three does not read as the topic's peak.
 * @example trendCells({ years: [{ year: 2022, papers: 10 }], topics: [{ label: 'A', perYear: [{ year: 2022, curated: 2, predicted: 1 }] }] }) // [{ topic: 'A', year: 2022, papers: 3, share: 0.3, thin: false, relative: 1 }]
 */
export function trendCells(trends: { years: ReadonlyArray<{ year: number; papers: number }>; topics: ReadonlyArray<Pick<Trend, 'label' | 'perYear'>> }): TrendCell[] {
  return trends.topics.flatMap((t) => {
    const byYear = new Map(t.perYear.map((y) => [y.year, y.curated + y.predicted]))
    const row = trends.years.map((y) => {
      const papers = byYear.get(y.year) ?? 0
      return { topic: t.label, year: y.year, papers, share: y.papers > 0 ? papers / y.papers : 0, thin: y.papers < THIN_YEAR_PAPERS }
    })
    const max = Math.max(0, ...row.filter((c) => !c.thin).map((c) => c.share))
    return row.map((c) => ({ ...c, relative: max > 0 && !c.thin ? c.share / max : 0 }))
  })
}

const hexRgb = (hex: string): [number, number, number] | null => {
  const m = /^#([0-9a-f]{6})$/i.exec(hex.trim())
  return m ? [0, 2, 4].map((i) => parseInt(m[1]!.slice(i, i + 2), 16)) as [number, number, number] : null
}

const luminance = (rgb: readonly number[]): number => {
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/** Near-black for counts on light cells. */
const INK = '#111418'

/**
 * The colour a count is written in on a cell shaded `t` of the way from `from` to `to` (`#rrggbb`): white or
 * near-black, whichever stands out more (the dark theme's darkest cells are a light blue, on which white is hard
 * to read); `currentColor` when a colour is not hex.
 * @example textOn('#ffffff', '#3b5bdb', 1) // '#ffffff'; textOn('#171b22', '#7c96ff', 1) // '#111418'
 */
export function textOn(from: string, to: string, t: number): string {
  const a = hexRgb(from)
  const b = hexRgb(to)
  if (!a || !b) return 'currentColor'
  const l = luminance(a.map((v, i) => v + (b[i]! - v) * t))
  return 1.05 / (l + 0.05) >= (l + 0.05) / (luminance(hexRgb(INK)!) + 0.05) ? '#ffffff' : INK
}

/** A span of years as a reader says it: `2022–2026`, or `2023` alone. */
export function spanText(span: { from: number; to: number }): string {
  return span.from === span.to ? String(span.from) : `${span.from}–${span.to}`
}

/**
 * What a topic's verdict rests on, in words: its share of the recent span's papers against the earlier one's.
 * @example trendText(topic, { from: 2022, to: 2026 }, { from: 2016, to: 2021 }) // 'Rising: 11% of 2022–2026 papers, 1% of 2016–2021'
 */
export function trendText(topic: Pick<Trend, 'direction' | 'recent' | 'earlier'>, recent: { from: number; to: number }, earlier: { from: number; to: number }): string {
  const word = topic.direction === 'rising' ? 'Rising' : topic.direction === 'falling' ? 'Falling' : 'Steady'
  return `${word}: ${percent(topic.recent.share)} of ${spanText(recent)} papers, ${percent(topic.earlier.share)} of ${spanText(earlier)}`
}

export function TrendsChart({ trends, label }: { trends: TopicTrendsOut; label: string }) {
  const ref = useRef<HTMLDivElement>(null)
  const [failed, setFailed] = useState(false)
  const scheme = useColorScheme()
  const cells = trendCells(trends)
  const dataKey = JSON.stringify(cells)
  useEffect(() => {
    const cells = JSON.parse(dataKey) as TrendCell[]
    const el = ref.current
    if (!el || cells.length === 0) return
    let disposed = false
    let chart: Element | null = null
    void import('@observablehq/plot').then(
      (Plot) => {
        if (disposed) return
        const css = getComputedStyle(el)
        const accent = css.getPropertyValue('--chart-1').trim() || '#3b5bdb'
        const surface = css.getPropertyValue('--surface').trim() || '#ffffff'
        const muted = css.getPropertyValue('--muted').trim() || '#5f6878'
        const topics = [...new Set(cells.map((c) => c.topic))]
        const years = [...new Set(cells.map((c) => c.year))].sort((a, b) => a - b)
        const width = Math.max(320, Math.min(el.clientWidth || 720, 960))
        chart = Plot.plot({
          width,
          height: 40 + 30 * topics.length,
          marginLeft: Math.min(230, 12 + 7 * Math.max(...topics.map((t) => t.length))),
          marginBottom: 28,
          style: { background: 'transparent', color: 'currentColor', fontSize: '12px' },
          x: { label: null, domain: years, tickFormat: (d: number) => String(d), padding: 0.06 },
          y: { label: null, domain: topics, padding: 0.06 },
          color: { type: 'linear', domain: [0, 1], range: [surface, accent] },
          marks: [
            Plot.cell(
              cells.filter((c) => c.thin),
              { x: 'year', y: 'topic', fill: 'none', stroke: muted, strokeDasharray: '3,2', rx: 2, inset: 1, title: (c: TrendCell) => `${c.topic}, ${c.year}: ${c.papers} paper${c.papers === 1 ? '' : 's'}; too few papers that year to shade`, className: 'trend-cells-thin' },
            ),
            Plot.cell(cells.filter((c) => !c.thin), {
              x: 'year',
              y: 'topic',
              fill: 'relative',
              rx: 2,
              title: (c: TrendCell) => `${c.topic}, ${c.year}: ${c.papers} paper${c.papers === 1 ? '' : 's'}, ${percent(c.share)} of the year's`,
              className: 'trend-cells',
            }),
            // The count in each cell, dark on light cells and light on dark ones.
            Plot.text(
              cells.filter((c) => c.papers > 0),
              { x: 'year', y: 'topic', text: (c: TrendCell) => String(c.papers), fill: (c: TrendCell) => textOn(surface, accent, c.relative) },
            ),
          ],
        })
        for (const part of chart.querySelectorAll('[aria-label], [aria-description]')) {
          part.removeAttribute('aria-label')
          part.removeAttribute('aria-description')
        }
        chart.setAttribute('role', 'img')
        chart.setAttribute('aria-label', label)
        el.replaceChildren(chart)
      },
      () => setFailed(true),
    )
    return () => {
      disposed = true
      chart?.remove()
    }
  }, [dataKey, label, scheme])
  if (cells.length === 0) return <p className="muted">No dated papers with a topic to plot.</p>
  const numbers = (
    <details className="chart-numbers" data-testid="trends-numbers">
      <summary>The numbers</summary>
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">{label}: papers per topic and year</caption>
          <thead>
            <tr>
              <th scope="col">Topic</th>
              {trends.years.map((y) => (
                <th scope="col" key={y.year}>
                  {y.year}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {trends.topics.map((t) => (
              <tr key={t.id}>
                <th scope="row">{t.label}</th>
                {trends.years.map((y) => {
                  const n = t.perYear.find((p) => p.year === y.year)
                  return <td key={y.year}>{n ? n.curated + n.predicted : 0}</td>
                })}
              </tr>
            ))}
            <tr>
              <th scope="row">Papers with a topic</th>
              {trends.years.map((y) => (
                <td key={y.year}>{y.papers}</td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
    </details>
  )
  return (
    <>
      {failed ? <p className="muted">The chart could not be drawn.</p> : <div ref={ref} className="chart" data-testid="trends-chart" />}
      {numbers}
    </>
  )
}
