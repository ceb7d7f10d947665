/** @module Expected failures as values: what an importer could not read, and where. */
import { z } from 'zod'
import type { AuthorProfileRecord, SourceRecord } from './source-record.js'

export const ImportIssueCodeSchema = z.enum([
  'PARSE_FAILED',
  'MISSING_FIELD',
  'INVALID_VALUE',
  'LINE_TOO_LONG',
  'BINARY_CONTENT',
  'ENCODING',
  'UNKNOWN_FORMAT',
  /** The format asked for (`--format`, a manifest) is clearly not the file's: nothing was read from it. */
  'FORMAT_MISMATCH',
  'TEMPLATE_ENTRY',
  'DUPLICATE_ENTRY',
  'SOURCE_UNAVAILABLE',
  /** The source kept answering 429 (too many requests) after the retries. */
  'RATE_LIMITED',
  /** A page repeats the one before it (the same records or the same cursor): the source is not moving on. */
  'REPEATED_PAGE',
  /** A feed stopped at its maxPages with more to read; the next sync goes on. */
  'NOT_CAUGHT_UP',
  'STORE_FAILED',
  /**
   * A whole list (an awesome list, a BibTeX file) no longer has entries it had, but they were kept: some of its
   * entries could not be read, or it has none, so what is missing may not be meant.
   */
  'GONE_ENTRIES_KEPT',
  /** An entry that is rightly no paper (a BibTeX @proceedings its papers crossref): no record, and nothing wrong. */
  'NOT_A_PAPER',
])
export type ImportIssueCode = z.infer<typeof ImportIssueCodeSchema>

/**
 * `rejected`: the entry was not imported. `warning`: it was imported, but something in it could not be
 * read as given (a date without a year, a cut author list) and the person should know; or it is rightly
 * no paper (NOT_A_PAPER) and gave none.
 */
export type ImportIssueSeverity = 'rejected' | 'warning'

/** One thing an importer rejected or could not read; the rest of the import goes on. */
export interface ImportIssue {
  severity: ImportIssueSeverity
  /** File path or URL. */
  source: string
  line?: number
  field?: string
  code: ImportIssueCode
  message: string
  /** A short excerpt of the offending input, for the person fixing it. */
  excerpt?: string
}

/** What a parser returns: never throws for one bad entry. */
export interface ParseResult {
  records: SourceRecord[]
  profiles: AuthorProfileRecord[]
  issues: ImportIssue[]
  /**
   * Entries the parser recognised: each is a record or exactly one `rejected` issue (an unreadable line
   * outside any entry counts as one entry).
   */
  entriesSeen: number
}

/** Formats an issue as one line: `file:line [CODE] field: message`. */
export function formatImportIssue(issue: ImportIssue): string {
  const where = issue.line === undefined ? issue.source : `${issue.source}:${issue.line}`
  const field = issue.field ? ` ${issue.field}:` : ''
  const tag = issue.severity === 'warning' ? 'warning ' : ''
  return `${where} [${tag}${issue.code}]${field} ${issue.message}`
}
