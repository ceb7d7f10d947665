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
