/**
 * @module The port every API connector implements. Fetching (HTTP and paging, in `client.ts`) is kept apart
 * from parsing (a pure payload → records function, in `parse.ts`), and IO is passed in, never reached for.
 *
 * Cursors: every page comes with the cursor to continue from *after* it. A caller stores that cursor in the
 * same transaction as the page's records, so a crash resumes at the first page not yet stored. After the
 * last page of a run the cursor is the watermark the next run starts from, so it fetches only what is new.
 * Cursors are opaque strings owned by each source (JSON inside).
 */
import type { z } from 'zod'
import {
  PaperscopeError,
  htmlToPlainText,
  repairDoubleEncodedUtf8,
  type ImportIssue,
  type ParseResult,
} from '../core/index.js'
import type { ParseContext } from './file-format.js'
import type { HttpClient, Logger, RateLimit } from './http/index.js'

export type { ParseContext } from './file-format.js'

/** What a connector may use: everything that touches the world comes through here. */
export interface SourceDeps {
  http: HttpClient
  /** The API's base URL; tests and mirrors point it elsewhere. No trailing slash needed. */
  baseUrl: string
  /** Epoch milliseconds, like `Date.now`. */
  now: () => number
  logger: Logger
  /** Stops paging (and any request in flight) when aborted. */
  signal?: AbortSignal | undefined
  /** For sources that take one (Semantic Scholar `x-api-key`, OpenAlex `api_key`). */
  apiKey?: string | undefined
}

/** One fetched response, not yet parsed. */
export interface SourcePage {
  payload: string
  /** The URL requested; becomes the parse context's `input`, so issues name it. */
  url: string
  /** Where to continue after this page (after the last page: the next run's starting point). */
  nextCursor: string
  /** True on the last page of this run. */
  last: boolean
  /**
   * True when this run stops here only because it reached the feed's `maxPages`: the source has more, and the
   * next run goes on from `nextCursor`.
   */
  capped?: boolean
  /**
   * True when this page may hold the same records as the one before by design (an id lookup, where two ids can
   * name one paper; another day's list): the sync then does not take a repeat for a source that is stuck.
   */
  mayRepeat?: boolean
  /**
   * Set when the source answered "no such thing" for what this page asked (an author id that is gone): the
   * page has no payload and counts as one rejected entry, so the feed goes on past it.
   */
  missing?: { field: string; message: string }
}

/**
 * A source of papers reachable over HTTP.
 * @example
 * for await (const page of arxivSource.fetchPages(feed, cursor, deps)) {
 *   const { records, issues } = arxivSource.parse(page.payload, { input: page.url, fetchedAt })
 *   // store records and page.nextCursor in one transaction
 * }
 */
export interface Source<Feed = unknown> {
  /** Stable name; also the `source` of every record it produces. */
  readonly name: string
  readonly description: string
  readonly defaultBaseUrl: string
  /** The source's published limit, fed to the shared HTTP client. */
  readonly rateLimit: RateLimit
  /** What a feed of this source looks like in the config file. */
  readonly feedSchema: z.ZodType<Feed, unknown>
  /** Fetches pages starting at `cursor` (null: a first run). Throws a named PaperscopeError when it cannot go on. */
  fetchPages(feed: Feed, cursor: string | null, deps: SourceDeps): AsyncIterable<SourcePage>
  /** Pure: a payload into records, author profiles and issues. Never throws for bad input. */
  parse(payload: string, ctx: ParseContext): ParseResult
}

/** A source whose feed type is not known statically (as the registry holds them). */
export type AnySource = Source<unknown>

// ---------------------------------------------------------------------------------------------------------
// Helpers shared by the connectors.

/** Writes a cursor; read it back with `readCursor`. */
export function writeCursor(value: object): string {
  return JSON.stringify(value)
}

/** Reads a cursor written by `writeCursor`, or throws INVALID_ARGUMENT naming the source. */
export function readCursor<T>(source: string, schema: z.ZodType<T, unknown>, cursor: string): T {
  let value: unknown
  try {
    value = JSON.parse(cursor)
  } catch {
    value = undefined
  }
  const parsed = schema.safeParse(value)
  if (!parsed.success) {
    throw new PaperscopeError(
      'INVALID_ARGUMENT',
      `${source}: the stored cursor ${JSON.stringify(cursor)} is unreadable`,
      {
        field: 'cursor',
      },
    )
  }
  return parsed.data
}

/** A parse result with nothing in it. */
export function emptyParseResult(): ParseResult {
  return { records: [], profiles: [], issues: [], entriesSeen: 0 }
}

/** A page's records and issues: its payload parsed, or the one rejected entry of a page the source had nothing for. */
export function parsePage(source: Pick<AnySource, 'parse'>, page: SourcePage, ctx: ParseContext): ParseResult {
  if (!page.missing) return source.parse(page.payload, ctx)
  const { field, message } = page.missing
  return { records: [], profiles: [], issues: [{ severity: 'rejected', source: ctx.input, field, code: 'INVALID_VALUE', message }], entriesSeen: 1 }
}

/** The result for a payload that could not be read at all: one rejected PARSE_FAILED issue naming source and URL. */
export function unreadablePayload(
  source: string,
  ctx: ParseContext,
  reason: string,
  line?: number,
): ParseResult {
  const issue: ImportIssue = {
    severity: 'rejected',
    source: ctx.input,
    code: 'PARSE_FAILED',
    message: `${source}: cannot read the payload from ${ctx.input}: ${reason}`,
  }
  if (line !== undefined) issue.line = line
  return { records: [], profiles: [], issues: [issue], entriesSeen: 0 }
}

/** The error a client throws when it cannot read the paging information out of a payload. */
export function unreadablePageError(source: string, url: string, reason: string): PaperscopeError {
  return new PaperscopeError('PARSE_FAILED', `${source}: cannot read the page from ${url}: ${reason}`, {
    source: url,
  })
}

/** Parses JSON, or says why not (with where, for a cut payload). */
export function parseJson(payload: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  if (payload.trim() === '') return { ok: false, reason: 'the payload is empty' }
  try {
    return { ok: true, value: JSON.parse(payload) as unknown }
  } catch (err) {
    return { ok: false, reason: `invalid JSON (${(err as Error).message})` }
  }
}

/** A plain object, or null. */
export function asObject(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null
}

/** A non-empty trimmed string with inner whitespace collapsed, or null. */
export function cleanText(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null
  const text = String(value).replace(/\s+/g, ' ').trim()
  return text === '' ? null : text
}

/**
 * A title, abstract or name from a JSON API as plain text: publishers' markup removed (`<i>`, `<sub>`, `<scp>`),
 * HTML references decoded (`&amp;`, `&eacute;`, `&#232;`), whitespace collapsed; or null when empty.
 * @example cleanHtmlText('Caf&eacute; &amp; <i>in vivo</i> H<sub>2</sub>O') // 'Café & in vivo H2O'
 */
export function cleanHtmlText(value: unknown): string | null {
  const text = cleanText(value)
  return text === null ? null : cleanText(htmlToPlainText(text))
}

/** Where a repaired text was read: the issue's source and the words that name the entry in its message. */
export interface RepairContext {
  ctx: ParseContext
  /** Starts the message: `arxiv: 2405.13786`. */
  label: string
  /** Ends it, in parentheses: `entry 3`. */
  where?: string | undefined
  issues: ImportIssue[]
}

/**
 * A title or name with double-encoded UTF-8 repaired (`RamÃ­rez` → `Ramírez`, see `repairDoubleEncodedUtf8`);
 * each repair adds an ENCODING warning naming the field, so the reader sees what was changed.
 */
export function repairEncoding(text: string | null, field: string, at: RepairContext): string | null {
  if (text === null) return null
  const repaired = repairDoubleEncodedUtf8(text)
  if (repaired === null) return text
  at.issues.push({
    severity: 'warning',
    source: at.ctx.input,
    field,
    code: 'ENCODING',
    message: `${at.label}: repaired double-encoded UTF-8 in ${field} (${JSON.stringify(text)} → ${JSON.stringify(repaired)})${at.where ? ` (${at.where})` : ''}`,
  })
  return repaired
}

/** Author names with double-encoded UTF-8 repaired, each repair a warning naming `authors[i]`. */
export function repairAuthorEncoding(authors: string[], at: RepairContext): string[] {
  return authors.map((name, i) => repairEncoding(name, `authors[${i}]`, at)!)
}

/** A non-negative integer, or null. */
export function countOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null
}

/** `base` + `path` + query, tolerant of a trailing slash on `base`. */
export function buildUrl(
  base: string,
  path: string,
  query: Record<string, string | number | undefined> = {},
): string {
  const url = new URL(base.replace(/\/+$/, '') + path)
  for (const [key, value] of Object.entries(query))
    if (value !== undefined) url.searchParams.set(key, String(value))
  return url.toString()
}

// Identifier normal forms live in core, shared with the library's matching.
export { normalizeArxivId, normalizeDoi } from '../core/index.js'

/**
 * An OpenAlex id in short form (`W2741809807`, `A5023888391`).
 * @example normalizeOpenAlexId('https://openalex.org/W2741809807') // 'W2741809807'
 */
export function normalizeOpenAlexId(value: string | null | undefined): string | null {
  if (!value) return null
  const m = /(?:^|\/)([WAISCPTFK]\d+)$/i.exec(value.trim())
  return m ? m[1]!.toUpperCase() : null
}
