/** @module A paper as the library knows it: merged from all of its source records. */
import type { DatePrecision, PartialDate } from './partial-date.js'
import type { DigestOrigin, ExternalIds, SourceRecord } from './source-record.js'

/** One author slot on a paper; `position` is null for authors known only from outside the listed order. */
export interface PaperAuthor {
  authorId: string
  name: string
  position: number | null
}

export type TopicOrigin = 'curated' | 'predicted'

export interface PaperTopic {
  topicId: string
  label: string
  origin: TopicOrigin
  /** Calibrated probability for predicted topics; null for curated ones. */
  confidence: number | null
}

/** curated: listed by a person; extracted: a phrase of the paper's text Paperscope chose; suggested: a key word
 * the text does not spell out, that similar papers, the paper's topic or papers worded like it (the per-key-word
 * classifiers) list. */
export type KeywordOrigin = 'curated' | 'extracted' | 'suggested'

export interface PaperKeyword {
  text: string
  origin: KeywordOrigin
}

export interface Digest {
  text: string
  origin: DigestOrigin
}

export interface Paper {
  id: string
  title: string
  /** True when no source gave a title and it was derived from the abstract. */
  titleDerived: boolean
  abstract: string | null
  date: PartialDate | null
  datePrecision: DatePrecision | null
  /** Earliest date a listing source (a daily page) showed the paper. */
  listedAt: PartialDate | null
  categories: string[]
  venue: string | null
  ids: ExternalIds
  authors: PaperAuthor[]
  authorsTruncated: boolean
  topics: PaperTopic[]
  keywords: PaperKeyword[]
  digest: Digest | null
  citationCount: number | null
  upvotes: number | null
  url: string | null
  sourceCount: number
  createdAt: string
  updatedAt: string
}

/** A paper together with every source record it was merged from. */
export interface PaperWithSources extends Paper {
  sources: StoredSourceRecord[]
}

export interface StoredSourceRecord extends SourceRecord {
  id: number
  paperId: string
  contentHash: string
  /** Why this record joined the paper (`same title, authors overlap`), or null when it created it. */
  matchReason: string | null
}
