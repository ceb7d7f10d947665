/** @module Row shapes of the SQL tables and the mappers from rows to domain types. */
import type {
  Digest,
  DigestOrigin,
  ExternalIds,
  Paper,
  PaperAuthor,
  PaperKeyword,
  PaperTopic,
  ReportedAuthorProfile,
  ReportedMetrics,
  SourceRecord,
  StoredSourceRecord,
  TopicOrigin,
  KeywordOrigin,
} from '../core/index.js'
import { datePrecision } from '../core/index.js'

export interface PaperRow {
  id: string
  title: string
  title_derived: number
  abstract: string | null
  date: string | null
  year: number | null
  listed_at: string | null
  categories: string
  venue: string | null
  ids: string
  authors_truncated: number
  digest: string | null
  digest_origin: string | null
  citation_count: number | null
  upvotes: number | null
  url: string | null
  source_count: number
  created_at: string
  updated_at: string
}

export interface AuthorshipRow {
  paper_id: string
  author_id: string
  position: number | null
  name: string
}

export interface PaperTopicRow {
  paper_id: string
  topic_id: string
  label: string
  origin: string
  confidence: number | null
}

export interface PaperKeywordRow {
  paper_id: string
  keyword: string
  origin: string
  rank: number
}

export interface SourceRecordRow {
  id: number
  source: string
  key: string
  paper_id: string
  content_hash: string
  match_reason?: string | null
  record: string
}

export interface AuthorProfileRow {
  source: string
  locator: string
  fetched_at: string
  field: string | null
  metrics: string
}

/** The parts of a paper that live in other tables. */
export interface PaperParts {
  authors: AuthorshipRow[]
  topics: PaperTopicRow[]
  keywords: PaperKeywordRow[]
  /** The analysis's digest, shown only when no source gave one. */
  generatedDigest?: string | null
}

/** Authors in listed order first, then the ones known only from outside the list. */
function byPosition(a: AuthorshipRow, b: AuthorshipRow): number {
  return (a.position ?? Number.MAX_SAFE_INTEGER) - (b.position ?? Number.MAX_SAFE_INTEGER) || (a.name < b.name ? -1 : 1)
}

export function paperRowToPaper(row: PaperRow, parts: PaperParts): Paper {
  const authors: PaperAuthor[] = [...parts.authors]
    .sort(byPosition)
    .map((a) => ({ authorId: a.author_id, name: a.name, position: a.position }))
  const topics: PaperTopic[] = parts.topics
    .map((t) => ({
      topicId: t.topic_id,
      label: t.label,
      origin: t.origin as TopicOrigin,
      confidence: t.confidence,
    }))
    // Curated first, then by confidence.
    .sort((a, b) => (a.origin === b.origin ? (b.confidence ?? 1) - (a.confidence ?? 1) : a.origin === 'curated' ? -1 : 1))
  const keywords: PaperKeyword[] = [...parts.keywords]
    .sort((a, b) => (a.origin === b.origin ? a.rank - b.rank : a.origin === 'curated' ? -1 : 1))
    .map((k) => ({ text: k.keyword, origin: k.origin as KeywordOrigin }))
  const digest: Digest | null =
    row.digest && row.digest_origin
      ? { text: row.digest, origin: row.digest_origin as DigestOrigin }
      : parts.generatedDigest
        ? { text: parts.generatedDigest, origin: 'generated' }
        : null
  return {
    id: row.id,
    title: row.title,
    titleDerived: row.title_derived === 1,
    abstract: row.abstract,
    date: row.date,
    datePrecision: row.date ? datePrecision(row.date) : null,
    listedAt: row.listed_at,
    categories: JSON.parse(row.categories) as string[],
    venue: row.venue,
    ids: JSON.parse(row.ids) as ExternalIds,
    authors,
    authorsTruncated: row.authors_truncated === 1,
    topics,
    keywords,
    digest,
    citationCount: row.citation_count,
    upvotes: row.upvotes,
    url: row.url,
    sourceCount: row.source_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

export function sourceRecordRowToRecord(row: SourceRecordRow): StoredSourceRecord {
  const record = JSON.parse(row.record) as SourceRecord
  return { ...record, id: row.id, paperId: row.paper_id, contentHash: row.content_hash, matchReason: row.match_reason ?? null }
}

export function authorProfileRowToProfile(row: AuthorProfileRow): ReportedAuthorProfile {
  return {
    source: row.source,
    locator: row.locator,
    fetchedAt: row.fetched_at,
    field: row.field,
    metrics: JSON.parse(row.metrics) as ReportedMetrics,
  }
}
