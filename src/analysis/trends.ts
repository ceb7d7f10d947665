/**
 * @module Topic trends: which topics take a growing or shrinking share of the library's papers.
 *
 * A topic's share of a span of years is its papers (curated or predicted) over the library's dated papers that
 * have a topic, in those years. The recent span is the newest years that together hold at least a third of
 * those papers (so a library of many papers a year compares its last year or two, a thin one more); the
 * earlier span is every year before it. A topic is rising or falling when the two shares differ by more than
 * chance would make them: a two-proportion z-test at 5% (|z| ≥ 1.96). Counts per year are kept beside, so a
 * reader can see what the verdict rests on. Pure: counts in, verdicts out.
 */

/** A topic's papers in one year, curated (filed by a person) and predicted (by the classifier). */
export interface TopicYearCount {
  year: number
  curated: number
  predicted: number
}

export interface TopicCounts {
  id: string
  label: string
  /** All its papers, dated or not. */
  paperCount: number
  perYear: readonly TopicYearCount[]
}

/** The library's dated papers that have at least one topic, per year (a paper with two topics counts once). */
export interface SortedPapersPerYear {
  year: number
  papers: number
}

export type TrendDirection = 'rising' | 'falling' | 'steady'

/** A span of years and the sorted papers in it. */
export interface YearSpan {
  from: number
  to: number
  papers: number
}

/** A topic's papers and share in one span. */
export interface SpanShare {
  papers: number
  share: number
}

export interface TopicTrend {
  id: string
  label: string
  paperCount: number
  perYear: TopicYearCount[]
  recent: SpanShare
  earlier: SpanShare
  /** The two-proportion z statistic of recent against earlier share (0 when it cannot be computed). */
  z: number
  direction: TrendDirection
}

export interface TopicTrends {
  /** Null when the library's dated papers do not make two spans (see `reason`). */
  recent: YearSpan | null
  earlier: YearSpan | null
  years: SortedPapersPerYear[]
  topics: TopicTrend[]
  /** Why there is no comparison, when there is none. */
  reason: string | null
  howComputed: string
}

/** The share of the sorted papers the recent span holds at least. */
export const RECENT_SHARE = 1 / 3
/** |z| from which a difference of shares is called a trend (two-sided 5%). */
export const TREND_Z = 1.96
/** Fewer sorted, dated papers than this make no comparison: any difference would be noise. */
export const MIN_TREND_PAPERS = 20

export const TRENDS_HOW_COMPUTED =
  "A topic's share of a span of years is its papers (curated or predicted) over the library's dated papers that have a topic, in those years; a paper under two topics counts in both. The recent span is the newest years that together hold at least a third of those papers, the earlier span every year before. A topic is rising or falling when its two shares differ by more than chance would make them (a two-proportion z-test at 5%, |z| ≥ 1.96), steady otherwise. Undated papers are left out."

/**
 * The newest years holding at least `share` of the sorted papers, and the years before them; null when there
 * are fewer than {@link MIN_TREND_PAPERS} papers or the recent span would take every year.
 * @example splitYears([{ year: 2021, papers: 40 }, { year: 2022, papers: 30 }]) // recent 2022 (30), earlier 2021 (40)
 */
export function splitYears(years: readonly SortedPapersPerYear[], share = RECENT_SHARE): { recent: YearSpan; earlier: YearSpan } | null {
  const sorted = [...years].filter((y) => y.papers > 0).sort((a, b) => a.year - b.year)
  const total = sorted.reduce((n, y) => n + y.papers, 0)
  if (total < MIN_TREND_PAPERS) return null
  let recentPapers = 0
  let first = sorted.length
  while (first > 0 && recentPapers < share * total) recentPapers += (sorted[--first] as SortedPapersPerYear).papers
  if (first === 0) return null
  const recentYears = sorted.slice(first)
  const earlierYears = sorted.slice(0, first)
  return {
    recent: { from: (recentYears[0] as SortedPapersPerYear).year, to: (recentYears.at(-1) as SortedPapersPerYear).year, papers: recentPapers },
    earlier: { from: (earlierYears[0] as SortedPapersPerYear).year, to: (earlierYears.at(-1) as SortedPapersPerYear).year, papers: total - recentPapers },
  }
}

/**
 * The two-proportion z statistic of k1/n1 against k2/n2 (pooled variance); 0 when either span is empty or
 * the pooled share is 0 or 1 (no variance to compare against).
 * @example twoProportionZ(30, 100, 10, 100) // ≈ 3.54
 */
export function twoProportionZ(k1: number, n1: number, k2: number, n2: number): number {
  if (n1 <= 0 || n2 <= 0) return 0
  const pooled = (k1 + k2) / (n1 + n2)
  const variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2)
  if (!(variance > 0)) return 0
  return (k1 / n1 - k2 / n2) / Math.sqrt(variance)
}

/**
 * Every topic's share of the recent and the earlier span and whether it is rising, falling or steady; topics
 * in the order given.
 */
export function topicTrends(topics: readonly TopicCounts[], years: readonly SortedPapersPerYear[]): TopicTrends {
  const yearsOut = [...years].filter((y) => y.papers > 0).sort((a, b) => a.year - b.year)
  const spans = splitYears(yearsOut)
  const inSpan = (perYear: readonly TopicYearCount[], span: YearSpan | undefined): number =>
    span ? perYear.reduce((n, y) => (y.year >= span.from && y.year <= span.to ? n + y.curated + y.predicted : n), 0) : 0
  const share = (papers: number, span: YearSpan | undefined): SpanShare => ({ papers, share: span && span.papers > 0 ? papers / span.papers : 0 })
  const out = topics.map((t): TopicTrend => {
    const perYear = [...t.perYear].sort((a, b) => a.year - b.year)
    const recent = share(inSpan(perYear, spans?.recent), spans?.recent)
    const earlier = share(inSpan(perYear, spans?.earlier), spans?.earlier)
    const z = spans ? twoProportionZ(recent.papers, spans.recent.papers, earlier.papers, spans.earlier.papers) : 0
    const direction: TrendDirection = z >= TREND_Z ? 'rising' : z <= -TREND_Z ? 'falling' : 'steady'
    return { id: t.id, label: t.label, paperCount: t.paperCount, perYear, recent, earlier, z, direction }
  })
  const total = yearsOut.reduce((n, y) => n + y.papers, 0)
  const reason = spans
    ? null
    : total < MIN_TREND_PAPERS
      ? `the library has ${total} dated papers with a topic; a trend needs at least ${MIN_TREND_PAPERS}`
      : 'all dated papers with a topic are from the newest years: there is no earlier span to compare with'
  return { recent: spans?.recent ?? null, earlier: spans?.earlier ?? null, years: yearsOut, topics: out, reason, howComputed: TRENDS_HOW_COMPUTED }
}
