/**
 * @module Whether the metrics one page reports agree with each other. A page's h-index, i10-index, paper
 * count and citation count constrain each other (an h-index of h needs h papers with h citations each), so
 * a value that breaks those bounds is shown flagged, with the arithmetic, rather than silently trusted.
 */
import type { ReportedMetrics } from './source-record.js'

/** One reported value that the same page's other values rule out. */
export interface ReportedMetricConflict {
  metric: 'hIndex' | 'i10Index'
  message: string
}

const count = (n: number): string => n.toLocaleString('en-US')

/**
 * The bounds a page's own numbers break, each named by the metric that cannot be right.
 * @example reportedMetricConflicts({ hIndex: 44, papers: 13, citations: 177 }) // two conflicts on hIndex
 */
export function reportedMetricConflicts(m: ReportedMetrics): ReportedMetricConflict[] {
  const out: ReportedMetricConflict[] = []
  const { hIndex: h, i10Index: i10, papers, citations } = m
  if (h !== undefined) {
    if (papers !== undefined && h > papers) {
      out.push({ metric: 'hIndex', message: `An h-index of ${count(h)} needs at least ${count(h)} papers; the same page counts ${count(papers)}.` })
    }
    if (citations !== undefined && h * h > citations) {
      out.push({
        metric: 'hIndex',
        message: `An h-index of ${count(h)} needs at least ${count(h * h)} citations (${count(h)} papers with ${count(h)} or more each); the same page counts ${count(citations)}.`,
      })
    }
  }
  if (i10 !== undefined) {
    if (papers !== undefined && i10 > papers) {
      out.push({ metric: 'i10Index', message: `An i10-index of ${count(i10)} needs at least ${count(i10)} papers; the same page counts ${count(papers)}.` })
    }
    if (citations !== undefined && i10 * 10 > citations) {
      out.push({
        metric: 'i10Index',
        message: `An i10-index of ${count(i10)} needs at least ${count(i10 * 10)} citations (10 or more for each of ${count(i10)} papers); the same page counts ${count(citations)}.`,
      })
    }
    if (h !== undefined && h >= 10 && i10 < h) {
      out.push({
        metric: 'i10Index',
        message: `An h-index of ${count(h)} means ${count(h)} papers with at least ${count(h)} ≥ 10 citations each, so the i10-index is at least ${count(h)}; the page says ${count(i10)}.`,
      })
    }
  }
  return out
}
