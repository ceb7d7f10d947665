/** @module Authors are people, not strings: one id, many name variants, metrics with their origin. */
import type { ReportedMetrics } from './source-record.js'

export interface Author {
  id: string
  name: string
  /** Every spelling seen in sources (`A. M. Saxe`, `Andrew M. Saxe`). */
  nameVariants: string[]
  paperCount: number
}

/** Metrics a source page reported for this author, with where and when. */
export interface ReportedAuthorProfile {
  source: string
  locator: string
  fetchedAt: string
  field: string | null
  metrics: ReportedMetrics
}

export interface CoAuthor {
  authorId: string
  name: string
  sharedPapers: number
}

export interface Topic {
  id: string
  label: string
  paperCount: number
}

/**
 * Of a name's spellings that differ only in hyphens where the name has spaces, the hyphenated one: it says
 * where the family name starts (`Zeyuan Allen-Zhu`: family name `Allen-Zhu`), which the spaced one hides
 * (`Zeyuan Allen Zhu` reads as given names `Zeyuan Allen` and family name `Zhu`). Without such a twin among
 * `spellings`, `name` itself.
 * @example hyphenatedSpelling('Zeyuan Allen Zhu', ['Zeyuan Allen Zhu', 'Zeyuan Allen-Zhu']) // 'Zeyuan Allen-Zhu'
 */
export function hyphenatedSpelling(name: string, spellings: readonly string[]): string {
  const spaced = (n: string): string => n.replace(/\s*-\s*/g, ' ').replace(/\s+/g, ' ').trim()
  const hyphens = (n: string): number => n.split('-').length - 1
  const twins = spellings.filter((s) => hyphens(s) > hyphens(name) && spaced(s) === spaced(name))
  return twins.sort((a, b) => hyphens(b) - hyphens(a) || (a < b ? -1 : 1))[0] ?? name
}

/**
 * What a researcher's computed metrics are worked out from, summed over their papers in the library: how many, the
 * citation counts known, and the sums and numbers of the novelty and centrality percentiles known. The store sums
 * a whole library's researchers in one pass; the analysis turns totals into metrics.
 */
export interface ResearcherTotals {
  papers: number
  /** The known citation counts (papers without one are `papers` minus these). */
  citationCounts: readonly number[]
  noveltySum: number
  noveltyPapers: number
  centralitySum: number
  centralityPapers: number
}
