/**
 * @module Topics over time: a grid of topic × year cells shaded by the topic's share of that year's papers, drawn
 * with Observable Plot (see plot-chart.ts), and the same numbers as a table.
 */
import { useCallback, useRef, useState } from 'react'
import type { TopicTrendsOut } from '../api.js'
import { percent } from '../format.js'
import { trackHiddenEdges } from '../hidden-edges.js'
import { useMediaQuery, useScrollsSideways } from '../hooks.js'
import { themeColour, usePlot } from './plot-chart.js'

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
export const THIN_YEAR_PAPERS = 20

/**
 * The cells of every topic and every year from the library's first year with papers with a topic to its last (a
 * year a topic has none of is a cell of 0, and a year the library has none of is one too, so a gap reads as a gap). Each row is shaded against itself: a catch-all topic with half of
 * every year's papers would otherwise leave every specific topic pale, and the chart is there to show each
 * topic's own rise and fall. A thin year ({@link THIN_YEAR_PAPERS}) is drawn unshaded, so that one paper of a year
 * of three does not read as the topic's peak.
 * @example trendCells({ years: [{ year: 2022, papers: 30 }], topics: [{ label: 'A', perYear: [{ year: 2022, curated: 2, predicted: 1 }] }] }) // [{ topic: 'A', year: 2022, papers: 3, share: 0.1, thin: false, relative: 1 }]
 */
export function trendCells(trends: { years: ReadonlyArray<{ year: number; papers: number }>; topics: ReadonlyArray<Pick<Trend, 'label' | 'perYear'>> }): TrendCell[] {
  const years = everyYear(trends.years)
  return trends.topics.flatMap((t) => {
    const byYear = new Map(t.perYear.map((y) => [y.year, y.curated + y.predicted]))
    const row = years.map((y) => {
      const papers = byYear.get(y.year) ?? 0
      return { topic: t.label, year: y.year, papers, share: y.papers > 0 ? papers / y.papers : 0, thin: y.papers < THIN_YEAR_PAPERS }
    })
    const max = Math.max(0, ...row.filter((c) => !c.thin).map((c) => c.share))
    return row.map((c) => ({ ...c, relative: max > 0 && !c.thin ? c.share / max : 0 }))
  })
}

/** `#rgb`, `#rrggbb` or `rgb(r, g, b)` (`rgba` too, its alpha ignored) as [r, g, b]; null for anything else. */
export function parseColour(colour: string): [number, number, number] | null {
  const c = colour.trim()
  const rgb = /^rgba?\(\s*(\d+(?:\.\d+)?)[\s,]+(\d+(?:\.\d+)?)[\s,]+(\d+(?:\.\d+)?)/i.exec(c)
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])]
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(c)?.[1]
  if (!hex) return null
  const full = hex.length === 3 ? [...hex].map((d) => d + d).join('') : hex
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number]
}

const luminance = (rgb: readonly number[]): number => {
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/** WCAG's contrast ratio of two colours. */
export function contrastRatio(a: readonly number[], b: readonly number[]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

/** The colour `t` of the way from `a` to `b`, channel by channel (as the chart's colour scale mixes them). */
export function mixColour(a: readonly number[], b: readonly number[], t: number): [number, number, number] {
  return [0, 1, 2].map((i) => a[i]! + (b[i]! - a[i]!) * t) as [number, number, number]
}

/**
 * How far from the page's `surface` towards `accent` the cells may be shaded while `text` written on them keeps a
 * contrast of `min` (WCAG AA for small text): the counts are in the page's text colour, and the darkest shade
 * stops where it would fade into them (the light theme's accent is too dark for dark text, the dark theme's too
 * light for light text). 1 when the whole way keeps it, 0 when a colour cannot be read.
 * @example darkestShade('#fff', '#3b5bdb', '#1b2130') // ≈ 0.7
 */
export function darkestShade(surface: string, accent: string, text: string, min = 4.5): number {
  const [s, a, t] = [parseColour(surface), parseColour(accent), parseColour(text)]
  if (!s || !a || !t) return 0
  if (contrastRatio(mixColour(s, a, 1), t) >= min) return 1
  let lo = 0
  let hi = 1
  for (let i = 0; i < 30; i++) {
    const mid = (lo + hi) / 2
    if (contrastRatio(mixColour(s, a, mid), t) >= min) lo = mid
    else hi = mid
  }
  return lo
}

/**
 * Every year from the first to the last, those the library has no papers of with 0.
 * @example everyYear([{ year: 2023, papers: 5 }, { year: 2025, papers: 2 }]) // 2023 (5), 2024 (0), 2025 (2)
 */
export function everyYear(years: ReadonlyArray<{ year: number; papers: number }>): Array<{ year: number; papers: number }> {
  if (years.length === 0) return []
  const byYear = new Map(years.map((y) => [y.year, y.papers]))
  const first = Math.min(...byYear.keys())
  const last = Math.max(...byYear.keys())
  return Array.from({ length: last - first + 1 }, (_, i) => ({ year: first + i, papers: byYear.get(first + i) ?? 0 }))
}

/** A span of years as a reader says it: `2022–2026`, or `2023` alone. */
export function spanText(span: { from: number; to: number }): string {
  return span.from === span.to ? String(span.from) : `${span.from}–${span.to}`
}

/**
 * What a topic's verdict rests on, in words: its share of the recent span's papers against the earlier one's, and
 * why it is steady when the two differ.
 * @example trendText(topic, { from: 2022, to: 2026 }, { from: 2016, to: 2021 }) // 'Rising: 11% of 2022–2026 papers, 1% of 2016–2021'
 */
export function trendText(topic: Pick<Trend, 'direction' | 'recent' | 'earlier'> & { note?: string | null }, recent: { from: number; to: number }, earlier: { from: number; to: number }): string {
  const word = topic.direction === 'rising' ? 'Rising' : topic.direction === 'falling' ? 'Falling' : 'Steady'
  return `${word}: ${percent(topic.recent.share)} of ${spanText(recent)} papers, ${percent(topic.earlier.share)} of ${spanText(earlier)}${topic.note ? ` (${topic.note})` : ''}`
}

/** Room a year's column needs for its count and label; narrower screens scroll the chart sideways. */
const YEAR_COLUMN_PX = 30
/** Room a topic label's character needs at 12 px. */
const LABEL_CHAR_PX = 7

/**
 * A topic label cut to `chars` characters with an ellipsis (the table beside the chart has it whole).
 * @example cutLabel('Interactions with Neuroscience', 16) // 'Interactions wi…'
 */
export function cutLabel(label: string, chars: number): string {
  return label.length <= chars ? label : `${label.slice(0, Math.max(1, chars - 1)).trimEnd()}…`
}

/**
 * The line over a chart cut at an edge (a phone's width): which way the hidden years are. A phone opens it on the
 * newest years, and nothing else said that the years before them were a scroll away.
 * @example scrollCue({ left: 240, right: 0 }) // '← Scroll for earlier years'
 */
export function scrollCue(hidden: { left: number; right: number }): string | null {
  if (hidden.left > 0 && hidden.right > 0) return '← Scroll for earlier or later years →'
  if (hidden.left > 0) return '← Scroll for earlier years'
  if (hidden.right > 0) return 'Scroll for later years →'
  return null
}

export function TrendsChart({ trends, label }: { trends: TopicTrendsOut; label: string }) {
  const ref = useRef<HTMLDivElement>(null)
  const labelsRef = useRef<HTMLDivElement>(null)
  const [scrollRegion, scrolls] = useScrollsSideways()
  const [cue, setCue] = useState<string | null>(null)
  const chartRegion = useCallback(
    (el: HTMLDivElement | null) => {
      scrollRegion(el)
      const untrack = trackHiddenEdges(el, (hidden) => setCue(scrollCue(hidden)))
      return () => {
        untrack?.()
        scrollRegion(null)
      }
    },
    [scrollRegion],
  )
  const [numbersRegion, numbersScroll] = useScrollsSideways()
  const cells = trendCells(trends)
  const years = everyYear(trends.years)
  // Drawn for the width it has: again when a phone turns or a window crosses the phone layout's width.
  const narrow = useMediaQuery('(max-width: 720px)')
  const failed = usePlot(ref, `${narrow}:${JSON.stringify(cells)}`, label, (Plot, el) => {
    if (cells.length === 0) return null
    const accent = themeColour(el, '--chart-1', '#3b5bdb')
    const surface = themeColour(el, '--surface', '#ffffff')
    const muted = themeColour(el, '--muted', '#5f6878')
    const text = themeColour(el, '--text', '#1b2130')
    // The darkest cell stops where the counts, in the page's text colour, would fall under 4.5:1 (aimed at 4.6:
    // the scale's own interpolation and rounding move a shade a little).
    const darkest = parseColour(surface) && parseColour(accent) ? `rgb(${mixColour(parseColour(surface)!, parseColour(accent)!, darkestShade(surface, accent, text, 4.6)).map(Math.round).join(', ')})` : accent
    const topics = [...new Set(cells.map((c) => c.topic))]
    const available = el.closest('.trends-chart')?.clientWidth || el.clientWidth || 720
    // Labels take at most 40% of a narrow screen, cut with an ellipsis; each year keeps room for its count.
    const labelsWidth = Math.min(230, 12 + LABEL_CHAR_PX * Math.max(...topics.map((t) => t.length)), Math.max(90, 0.4 * available))
    const width = Math.max(Math.min(available, 960) - labelsWidth, 10 + YEAR_COLUMN_PX * years.length)
    const chars = Math.floor((labelsWidth - 12) / LABEL_CHAR_PX)
    const height = 40 + 30 * topics.length
    const y = { type: 'band' as const, label: null, domain: topics, padding: 0.06 }
    const margins = { marginTop: 12, marginBottom: 28 }
    // The topic names are a picture of their own beside the cells, same height and rows: the cells scroll
    // sideways on a phone (opening on the newest years, the ones a reader comes for) and the names stay.
    labelsRef.current?.replaceChildren(
      Plot.plot({ width: labelsWidth, height, ...margins, marginLeft: labelsWidth, marginRight: 0, style: { background: 'transparent', color: 'currentColor', fontSize: '12px' }, y, marks: [Plot.axisY({ tickFormat: (t: string) => cutLabel(t, chars) })] }),
    )
    const scroller = el.parentElement
    requestAnimationFrame(() => scroller && (scroller.scrollLeft = scroller.scrollWidth))
    return Plot.plot({
      width,
      height,
      ...margins,
      marginLeft: 0,
      marginRight: 10,
      style: { background: 'transparent', color: 'currentColor', fontSize: '12px' },
      // A year's label needs about 36 px at 12 px: narrower columns label every other year.
      x: { label: null, domain: years.map((y) => y.year), tickFormat: (d: number) => ((width - 10) / years.length < 36 && d % 2 === 1 ? '' : String(d)), padding: 0.06 },
      y: { ...y, axis: null },
      color: { type: 'linear', domain: [0, 1], range: [surface, darkest] },
      marks: [
        Plot.cell(
          cells.filter((c) => c.thin),
          {
            x: 'year',
            y: 'topic',
            fill: 'none',
            stroke: muted,
            strokeDasharray: '3,2',
            rx: 2,
            inset: 1,
            title: (c: TrendCell) => `${c.topic}, ${c.year}: ${c.papers} paper${c.papers === 1 ? '' : 's'}; too few papers that year to shade`,
            className: 'trend-cells-thin',
          },
        ),
        Plot.cell(cells.filter((c) => !c.thin), {
          x: 'year',
          y: 'topic',
          fill: 'relative',
          rx: 2,
          title: (c: TrendCell) => `${c.topic}, ${c.year}: ${c.papers} paper${c.papers === 1 ? '' : 's'}, ${percent(c.share)} of the year's`,
          className: 'trend-cells',
        }),
        Plot.text(cells.filter((c) => c.papers > 0), { x: 'year', y: 'topic', text: (c: TrendCell) => String(c.papers), fill: text, className: 'trend-counts' }),
      ],
    })
  })
  if (cells.length === 0) return <p className="muted">No dated papers with a topic to plot.</p>
  const count = new Map(cells.map((c) => [`${c.topic}|${c.year}`, c.papers]))
  const numbers = (
    <details className="chart-numbers" data-testid="trends-numbers">
      <summary>The numbers</summary>
      <div className="table-scroll" role="region" aria-label="Topics over time, the numbers" tabIndex={numbersScroll ? 0 : undefined} ref={numbersRegion}>
        <table>
          <caption className="visually-hidden">Topics over time: papers per topic and year</caption>
          <thead>
            <tr>
              <th scope="col">Topic</th>
              {years.map((y) => (
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
                {years.map((y) => (
                  <td key={y.year}>{count.get(`${t.label}|${y.year}`) ?? 0}</td>
                ))}
              </tr>
            ))}
            <tr>
              <th scope="row">Papers with a topic</th>
              {years.map((y) => (
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
      {failed ? (
        <p className="muted">The chart could not be drawn.</p>
      ) : (
        <>
          {/* Said beside a faded edge: a cut column alone did not read as more years. */}
          {cue && (
            <p className="muted small chart-cue" data-testid="trends-scroll-cue">
              {cue}
            </p>
          )}
          <div className="trends-chart">
            <div className="trends-chart-labels" ref={labelsRef} aria-hidden="true" />
            <div className="chart-scroll" role="region" aria-label="Topics over time, chart" tabIndex={scrolls ? 0 : undefined} ref={chartRegion}>
              <div ref={ref} className="chart" data-testid="trends-chart" />
            </div>
          </div>
        </>
      )}
      {numbers}
    </>
  )
}
