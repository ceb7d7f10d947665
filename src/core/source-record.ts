/**
 * @module What an importer produces: one record per paper per source, kept forever as provenance.
 * A Paper is merged from its source records; the records themselves are never rewritten by merging.
 */
import { z } from 'zod'
import { PartialDateSchema } from './partial-date.js'

/** Identifiers a paper can carry. Values are stored normalized (see library/normalize). */
export const ExternalIdsSchema = z
  .object({
    arxiv: z.string().min(1),
    doi: z.string().min(1),
    openalex: z.string().min(1),
    s2: z.string().min(1),
    corpusId: z.string().min(1),
    dblp: z.string().min(1),
    pmid: z.string().min(1),
    mag: z.string().min(1),
    acl: z.string().min(1),
    hf: z.string().min(1),
  })
  .partial()
  .strict()
export type ExternalIds = z.infer<typeof ExternalIdsSchema>
export type ExternalIdKind = keyof ExternalIds
export const EXTERNAL_ID_KINDS = Object.keys(ExternalIdsSchema.shape) as ExternalIdKind[]

/** Who wrote a digest: a person (curated list), the source's own model (S2 TLDR, HF AI summary), or us. */
export const DigestOriginSchema = z.enum(['curated', 'source-model', 'generated'])
export type DigestOrigin = z.infer<typeof DigestOriginSchema>

/**
 * Sources whose records are a listing page's entries (a daily or trending papers page): a paper they hold was
 * listed there, whether or not the page gave a date or upvotes (the corpus's daily page has neither year nor votes).
 * The store keeps this on each paper's row (migration 17 and its triggers): a source added here needs a migration
 * that marks its papers and makes the triggers again.
 */
export const LISTING_SOURCES: readonly string[] = ['huggingface', 'daily-papers']

export const SourceRecordSchema = z.object({
  /** Source name, e.g. `researcher-profile`, `awesome-list`, `arxiv`, `openalex`. */
  source: z.string().min(1),
  /** Identity of this record within its source; re-importing the same entry yields the same key. */
  key: z.string().min(1),
  /** Where a person finds it again: `data/corpus/daily-papers.txt:41` or a URL. */
  locator: z.string().min(1),
  line: z.number().int().positive().nullable().default(null),
  /** When the record was read from its source (ISO timestamp). */
  fetchedAt: z.string().min(1),
  title: z.string().min(1).nullable().default(null),
  abstract: z.string().min(1).nullable().default(null),
  /** Authors in the order the source lists them. */
  authors: z.array(z.string().min(1)).default([]),
  /** The source cut the list (`et al.`): more authors exist than are listed. */
  authorsTruncated: z.boolean().default(false),
  /** Authors known to be on the paper though not in the listed order (a profile's owner). */
  extraAuthors: z.array(z.string().min(1)).default([]),
  /** Publication date with honest precision. */
  date: PartialDateSchema.nullable().default(null),
  /** When the source listed the paper (a daily page's date), which is not its publication date. */
  listedAt: PartialDateSchema.nullable().default(null),
  categories: z.array(z.string().min(1)).default([]),
  venue: z.string().min(1).nullable().default(null),
  ids: ExternalIdsSchema.default({}),
  /** Curated topic labels (an awesome list's sections). */
  topics: z.array(z.string().min(1)).default([]),
  /** Curated key words. */
  keywords: z.array(z.string().min(1)).default([]),
  digest: z
    .object({ text: z.string().min(1), origin: DigestOriginSchema })
    .nullable()
    .default(null),
  citationCount: z.number().int().nonnegative().nullable().default(null),
  upvotes: z.number().int().nonnegative().nullable().default(null),
  /** Ids of cited works as the source gives them (`W123`, `arXiv:2301.00001`, `doi:10...`). */
  references: z.array(z.string().min(1)).default([]),
  url: z.string().min(1).nullable().default(null),
  /** The source's fields as read, for provenance and debugging. */
  raw: z.record(z.string(), z.unknown()).default({}),
})
export type SourceRecord = z.infer<typeof SourceRecordSchema>
/** What importers build; defaults fill the rest. */
export type SourceRecordInput = z.input<typeof SourceRecordSchema>

/**
 * Validates and completes a record from an importer.
 * @example createSourceRecord({ source: 'arxiv', key: '2301.00001', locator: url, fetchedAt, title })
 */
export function createSourceRecord(input: SourceRecordInput): SourceRecord {
  return SourceRecordSchema.parse(input)
}

/** The file or URL a locator points into, without its line (`data/refs.bib:12` → `data/refs.bib`). */
export function locatorInput(locator: string): string {
  return locator.replace(/:\d+$/, '')
}

/**
 * A file entry's key: the file, then the entry's label. Labels are only unique within one file.
 * @example fileEntryKey('/home/ann/refs.bib', 'vaswani2017') // '/home/ann/refs.bib#vaswani2017'
 */
export function fileEntryKey(file: string, label: string): string {
  return `${file}#${label}`
}

/** The label part of a {@link fileEntryKey} (`refs.bib#vaswani2017` → `vaswani2017`); another key is itself. */
export function fileEntryLabel(key: string): string {
  return key.slice(key.lastIndexOf('#') + 1)
}

/** Metrics a page or API reports about an author, kept beside (never instead of) computed ones. */
export const ReportedMetricsSchema = z
  .object({
    hIndex: z.number().nonnegative(),
    i10Index: z.number().nonnegative(),
    papers: z.number().int().nonnegative(),
    citations: z.number().int().nonnegative(),
    noveltyPercent: z.number().min(0).max(100),
    aiScore: z.number().min(0).max(100),
  })
  .partial()
export type ReportedMetrics = z.infer<typeof ReportedMetricsSchema>

export const AuthorProfileRecordSchema = z.object({
  source: z.string().min(1),
  key: z.string().min(1),
  locator: z.string().min(1),
  fetchedAt: z.string().min(1),
  name: z.string().min(1),
  /** A field tag shown on the profile, e.g. `ML`. */
  field: z.string().min(1).nullable().default(null),
  metrics: ReportedMetricsSchema.default({}),
  ids: z.record(z.string(), z.string()).default({}),
  affiliations: z.array(z.string()).default([]),
  raw: z.record(z.string(), z.unknown()).default({}),
})
export type AuthorProfileRecord = z.infer<typeof AuthorProfileRecordSchema>
export type AuthorProfileRecordInput = z.input<typeof AuthorProfileRecordSchema>

/**
 * The type of work a record names, as `<source>:<type>`: a BibTeX entry's type (`raw.entryType`), else the
 * source's `raw.type` (OpenAlex's). The matcher compares them, and the store reads its records' the same way.
 * @example recordWorkType({ source: 'bibtex', raw: { entryType: 'book' } }) // 'bibtex:book'
 */
export function recordWorkType(record: { source?: string; raw?: Record<string, unknown> }): string | null {
  const type = record.raw?.['entryType'] ?? record.raw?.['type']
  return record.source && typeof type === 'string' ? `${record.source}:${type.toLowerCase()}` : null
}

/** Validates and completes an author profile record. */
export function createAuthorProfileRecord(input: AuthorProfileRecordInput): AuthorProfileRecord {
  return AuthorProfileRecordSchema.parse(input)
}
