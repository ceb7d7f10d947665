/**
 * @module Topic trends: which topics take a growing or shrinking share of the library's papers.
 *
 * A topic's share of a span of years is its papers (curated or predicted) over the library's dated papers that
 * have a topic, in those years. The recent span is the newest years that together hold at least a third of
 * those papers (so a library of many papers a year compares its last year or two, a thin one more); the
 * earlier span is every year before it. A topic is rising or falling only when three things hold: enough
 * papers for a test (each span {@link MIN_SPAN_PAPERS}, and {@link MIN_EXPECTED} of the topic's papers and of the
 * others' expected on each side), a difference more than chance would make among all the topics tested (a
 * two-proportion z-test, Holm-corrected for the number of topics at 5%), and a change a reader would call one
 * (shares apart by a factor of {@link MIN_RATIO}). Counts per year are kept beside, so a reader can see what the
 * verdict rests on. Pure: counts in, verdicts out.
 */
import { percent } from '../core/index.js'

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
  /** Of the span's topic assignments, the share the classifier made (the rest a curator did). */
  predictedShare: number
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
  /** Its two-sided p-value; null when the topic has too few papers to test. */
  p: number | null
  direction: TrendDirection
  /** Why a topic whose shares differ is steady all the same (too few papers, within chance once all the topics tested are counted, a small change). */
  note: string | null
}

export interface TopicTrends {
  /** Null when the library's dated papers do not make two spans (see `reason`). */
  recent: YearSpan | null
  earlier: YearSpan | null
  years: SortedPapersPerYear[]
  topics: TopicTrend[]
  /** Why there is no comparison, when there is none. */
  reason: string | null
  /** A warning about the comparison itself: one span's topics mostly predicted, the other's mostly curated. */
  caveat: string | null
  howComputed: string
}

/** The share of the sorted papers the recent span holds at least. */
export const RECENT_SHARE = 1 / 3
/** Each span needs this many sorted papers for any comparison. */
export const MIN_SPAN_PAPERS = 20
/** A topic is tested only when this many of its papers, and of the others, are expected on each side. */
export const MIN_EXPECTED = 5
/** The family-wise error rate over all the topics tested. */
export const TREND_ALPHA = 0.05
/** Shares closer than this factor are no trend a reader would call one, whatever the test says. */
export const MIN_RATIO = 1.25
/** Spans whose predicted shares differ by more than this get a caveat. */
const CAVEAT_GAP = 0.25

export const TRENDS_HOW_COMPUTED =
  "A topic's share of a span of years is its papers (curated or predicted) over the library's dated papers that have a topic, in those years; a paper under two topics counts in both. The recent span is the newest years that together hold at least a third of those papers, the earlier span every year before; each needs at least 20 papers. A topic is rising or falling when its two shares differ by more than chance would make them among all the topics tested (a two-proportion z-test, Holm-corrected for the number of topics, 5% in all) and by a factor of at least 1.25; a topic with fewer than 5 papers expected on either side (or of the others) is not tested and stays steady. Undated papers are left out."

/**
 * The newest years holding at least `share` of the sorted papers, and the years before them; or why there are
 * no such two spans.
 * @example splitYears([{ year: 2021, papers: 40 }, { year: 2022, papers: 30 }]) // recent 2022 (30), earlier 2021 (40)
 */
export function splitYears(
  years: readonly SortedPapersPerYear[],
  share = RECENT_SHARE,
): { recent: Omit<YearSpan, 'predictedShare'>; earlier: Omit<YearSpan, 'predictedShare'> } | { reason: string } {
  const sorted = [...years].filter((y) => y.papers > 0).sort((a, b) => a.year - b.year)
  const total = sorted.reduce((n, y) => n + y.papers, 0)
  if (total < 2 * MIN_SPAN_PAPERS) return { reason: `the library has ${total} dated papers with a topic; a trend needs at least ${2 * MIN_SPAN_PAPERS}` }
  if (sorted.length === 1) return { reason: `all ${total} dated papers with a topic are from ${(sorted[0] as SortedPapersPerYear).year}` }
  let recentPapers = 0
  let first = sorted.length
  while (first > 0 && (recentPapers < share * total || recentPapers < MIN_SPAN_PAPERS)) recentPapers += (sorted[--first] as SortedPapersPerYear).papers
  const earlierPapers = total - recentPapers
  if (first === 0 || earlierPapers < MIN_SPAN_PAPERS) {
    const oldest = sorted[0] as SortedPapersPerYear
    return { reason: `the years before the newest third of the papers hold ${earlierPapers === 0 ? `none (${oldest.year} alone holds ${oldest.papers} of ${total})` : `only ${earlierPapers}`}; a comparison needs at least ${MIN_SPAN_PAPERS} on each side` }
  }
  const recentYears = sorted.slice(first)
  const earlierYears = sorted.slice(0, first)
  return {
    recent: { from: (recentYears[0] as SortedPapersPerYear).year, to: (recentYears.at(-1) as SortedPapersPerYear).year, papers: recentPapers },
    earlier: { from: (earlierYears[0] as SortedPapersPerYear).year, to: (earlierYears.at(-1) as SortedPapersPerYear).year, papers: earlierPapers },
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
 * The two-sided p-value of a standard normal statistic: erfc(|z| / √2), by Abramowitz and Stegun 7.1.26
 * (absolute error under 1.5e-7, far below the thresholds it is held against).
 * @example twoSidedP(1.96) // ≈ 0.05
 */
export function twoSidedP(z: number): number {
  const x = Math.abs(z) / Math.SQRT2
  const t = 1 / (1 + 0.3275911 * x)
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
  return Math.min(1, poly * Math.exp(-x * x))
}

/**
 * Which of the p-values are significant at family-wise rate `alpha` by Holm's step-down procedure: the smallest
 * against alpha / m, the next against alpha / (m − 1), and so on until one is not.
 * @example holmSignificant([0.001, 0.04, 0.03]) // [true, false, false]: 0.03 is over 0.05 / 2
 */
export function holmSignificant(ps: readonly number[], alpha = TREND_ALPHA): boolean[] {
  const order = ps.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p)
  const out = ps.map(() => false)
  for (const [rank, { p, i }] of order.entries()) {
    if (p > alpha / (ps.length - rank)) break
    out[i] = true
  }
  return out
}

// A share by the pages' rule: a small one reads `<1%`, not `0%` (a topic that has papers has a share).
const pct = percent

/**
 * Every topic's share of the recent and the earlier span and whether it is rising, falling or steady; topics
 * in the order given.
 */
export function topicTrends(topics: readonly TopicCounts[], years: readonly SortedPapersPerYear[]): TopicTrends {
  const yearsOut = [...years].filter((y) => y.papers > 0).sort((a, b) => a.year - b.year)
  const split = splitYears(yearsOut)
  const spans = 'reason' in split ? null : split
  const inSpan = (year: number, span: { from: number; to: number } | undefined) => span !== undefined && year >= span.from && year <= span.to
  const predictedShare = (span: { from: number; to: number }): number => {
    let predicted = 0
    let all = 0
    for (const t of topics)
      for (const y of t.perYear)
        if (inSpan(y.year, span)) {
          predicted += y.predicted
          all += y.curated + y.predicted
        }
    return all > 0 ? predicted / all : 0
  }
  const recentSpan: YearSpan | null = spans ? { ...spans.recent, predictedShare: predictedShare(spans.recent) } : null
  const earlierSpan: YearSpan | null = spans ? { ...spans.earlier, predictedShare: predictedShare(spans.earlier) } : null
  const counted = topics.map((t) => {
    const perYear = [...t.perYear].sort((a, b) => a.year - b.year)
    const papers = (span: YearSpan | null) => (span ? perYear.reduce((n, y) => (inSpan(y.year, span) ? n + y.curated + y.predicted : n), 0) : 0)
    const share = (k: number, span: YearSpan | null): SpanShare => ({ papers: k, share: span && span.papers > 0 ? k / span.papers : 0 })
    const recent = share(papers(recentSpan), recentSpan)
    const earlier = share(papers(earlierSpan), earlierSpan)
    const n1 = recentSpan?.papers ?? 0
    const n2 = earlierSpan?.papers ?? 0
    const k = recent.papers + earlier.papers
    // Expected counts under no change, of the topic and of the others, on each side: the normal approximation's rule of thumb.
    const expected = n1 + n2 > 0 ? Math.min(k * n1, k * n2, (n1 + n2 - k) * n1, (n1 + n2 - k) * n2) / (n1 + n2) : 0
    const tested = spans !== null && expected >= MIN_EXPECTED
    const z = spans ? twoProportionZ(recent.papers, n1, earlier.papers, n2) : 0
    return { t, perYear, recent, earlier, z, tested, p: tested ? twoSidedP(z) : null }
  })
  const testedPs = counted.filter((c) => c.p !== null).map((c) => c.p as number)
  const significant = holmSignificant(testedPs)
  let next = 0
  const out = counted.map(({ t, perYear, recent, earlier, z, tested, p }): TopicTrend => {
    const isSignificant = tested ? (significant[next++] as boolean) : false
    const ratio = earlier.share > 0 ? recent.share / earlier.share : recent.share > 0 ? Infinity : 1
    const large = ratio >= MIN_RATIO || ratio <= 1 / MIN_RATIO
    const direction: TrendDirection = isSignificant && large ? (z > 0 ? 'rising' : 'falling') : 'steady'
    const note =
      !spans || direction !== 'steady' || recent.share === earlier.share
        ? null
        : !tested
          ? 'too few papers to tell'
          : !isSignificant
            ? `within chance once ${testedPs.length} topic${testedPs.length === 1 ? ' is' : 's are'} tested`
            : `a change of less than a quarter (${pct(earlier.share)} → ${pct(recent.share)})`
    return { id: t.id, label: t.label, paperCount: t.paperCount, perYear, recent, earlier, z, p, direction, note }
  })
  const caveat =
    recentSpan && earlierSpan && Math.abs(recentSpan.predictedShare - earlierSpan.predictedShare) > CAVEAT_GAP
      ? `${pct(recentSpan.predictedShare)} of the topics of the ${recentSpan.from}–${recentSpan.to} papers were predicted by the classifier, against ${pct(earlierSpan.predictedShare)} of the earlier ones': part of a trend may be the classifier's`
      : null
  return { recent: recentSpan, earlier: earlierSpan, years: yearsOut, topics: out, reason: 'reason' in split ? split.reason : null, caveat, howComputed: TRENDS_HOW_COMPUTED }
}
