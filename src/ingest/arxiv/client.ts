/**
 * @module HTTP and paging for arXiv: the export API (`search_query` with `start`/`max_results`, a fixed
 * submission-date window per run so pages stay stable while we walk them) and OAI-PMH `ListRecords`
 * (`from`/`until` with resumption tokens). Both yield raw pages with the cursor to continue from.
 */
import { z } from 'zod'
import { PaperscopeError } from '../../core/index.js'
import {
  buildUrl,
  readCursor,
  unreadablePageError,
  writeCursor,
  type SourceDeps,
  type SourcePage,
} from '../source.js'
import { ARXIV_OAI_SOURCE, ARXIV_SOURCE, readAtomPaging, readOaiPaging } from './parse.js'

export const ARXIV_API_URL = 'https://export.arxiv.org/api/query'
export const ARXIV_OAI_URL = 'https://oaipmh.arxiv.org/oai'

const DAY_MS = 86_400_000
const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')

/**
 * An id arXiv's `id_list` takes: new-style `YYMM.NNNN` (0704 to 1412) or `YYMM.NNNNN` (from 1501), old-style
 * `archive(.SUB)/YYMMNNN`, either with an optional version `vN`, optionally prefixed `arXiv:` (dropped when
 * asking). One malformed id makes arXiv refuse the whole request (HTTP 400), so the valid ones beside it would
 * never be fetched: the config is refused instead.
 */
const ARXIV_ID =
  /^(?:arxiv:)?(?:(?:0[7-9]|1[0-4])(?:0[1-9]|1[0-2])\.\d{4}|(?:1[5-9]|[2-9]\d)(?:0[1-9]|1[0-2])\.\d{5}|[a-z-]+(?:\.[a-z]{2})?\/\d{7})(?:v\d+)?$/i
const ArxivIdSchema = z.string().regex(ARXIV_ID, {
  error: (issue) =>
    `${JSON.stringify(issue.input)} is not an arXiv id (expected 2106.15928, 2106.15928v2, hep-th/9901001 or arXiv:2106.15928)`,
})

/** A feed of the export API: what to search, and how much to take per run. */
export const ArxivFeedSchema = z
  .object({
    /** Any of these categories (`cs.LG`, `stat.ML`). */
    categories: z.array(z.string().min(1)).default([]),
    /** Any of these authors, as arXiv's `au:` field matches them (`del_maestro`, `Yann LeCun`). */
    authors: z.array(z.string().min(1)).default([]),
    /** All of these words or phrases, anywhere in the record. */
    words: z.array(z.string().min(1)).default([]),
    /** A raw `search_query`, ANDed with the above. */
    query: z.string().min(1).optional(),
    /** Look up these ids instead of searching (no date window). */
    ids: z.array(ArxivIdSchema).default([]),
    /** First run: papers submitted since this day (default: `lookbackDays` ago). */
    since: IsoDay.optional(),
    /**
     * arXiv lists a paper only when it is announced, up to a few days after its submission date (weekends),
     * so each run searches back this far before the previous run's end. Re-reading a paper is harmless.
     */
    lookbackDays: z.number().int().min(0).max(60).default(5),
    pageSize: z.number().int().min(1).max(2000).default(100),
    /** Per run; the next run goes on where this one stopped. */
    maxResults: z.number().int().min(1).default(2000),
  })
  .strict()
  .refine((f) => f.categories.length + f.authors.length + f.words.length + f.ids.length > 0 || f.query, {
    message: 'an arxiv feed needs categories, authors, words, ids or a query',
  })
export type ArxivFeed = z.output<typeof ArxivFeedSchema>

const ArxivCursorSchema = z.object({
  /** `YYYYMMDDHHMM`, as arXiv's submittedDate range wants it; absent for id lookups. */
  from: z.string().optional(),
  until: z.string().nullable().optional(),
  start: z.number().int().min(0),
})
type ArxivCursor = z.output<typeof ArxivCursorSchema>

/** `YYYYMMDDHHMM` in UTC. */
function arxivStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:T]/g, '').slice(0, 12)
}

function stampToMs(stamp: string): number {
  return Date.UTC(
    +stamp.slice(0, 4),
    +stamp.slice(4, 6) - 1,
    +stamp.slice(6, 8),
    +stamp.slice(8, 10),
    +stamp.slice(10, 12),
  )
}

/** Quotes a phrase for arXiv's query syntax. */
function term(field: string, value: string): string {
  const v = value.trim()
  return /\s/.test(v) ? `${field}:"${v.replace(/"/g, '')}"` : `${field}:${v}`
}

/** The `search_query` of a feed without its date window. */
export function buildArxivQuery(feed: ArxivFeed): string {
  const groups: string[] = []
  const anyOf = (parts: string[]) => (parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`)
  if (feed.categories.length) groups.push(anyOf(feed.categories.map((c) => term('cat', c))))
  if (feed.authors.length) groups.push(anyOf(feed.authors.map((a) => term('au', a))))
  for (const word of feed.words) groups.push(term('all', word))
  if (feed.query) groups.push(`(${feed.query})`)
  return groups.join(' AND ')
}

/** Turns the API's Atom error entry into a reason for an error message. */
function explainAtomError(body: string): string | null {
  return /<summary>([^<]+)<\/summary>/.exec(body)?.[1]?.trim() ?? null
}

/** How often an unexpectedly empty page is asked for again: arXiv sometimes answers one mid-results. */
const EMPTY_PAGE_RETRIES = 2

/**
 * Pages through the export API.
 * @example for await (const page of fetchArxivPages(feed, null, deps)) console.log(page.url, page.nextCursor)
 */
export async function* fetchArxivPages(
  feed: ArxivFeed,
  cursor: string | null,
  deps: SourceDeps,
): AsyncGenerator<SourcePage> {
  const byIds = feed.ids.length > 0
  const state: ArxivCursor = cursor
    ? readCursor(ARXIV_SOURCE, ArxivCursorSchema, cursor)
    : byIds
      ? { start: 0 }
      : {
          from: arxivStamp(
            feed.since ? Date.parse(`${feed.since}T00:00:00Z`) : deps.now() - feed.lookbackDays * DAY_MS,
          ),
          until: null,
          start: 0,
        }
  const from = state.from
  const until = byIds ? undefined : (state.until ?? arxivStamp(deps.now()))
  const window = from && until ? `submittedDate:[${from} TO ${until}]` : null
  const query = byIds ? undefined : [buildArxivQuery(feed), window].filter(Boolean).join(' AND ')

  let start = state.start
  let fetched = 0
  let emptyRetries = 0
  for (;;) {
    const url = buildUrl(deps.baseUrl, '', {
      search_query: query,
      id_list: byIds ? feed.ids.map((id) => id.replace(/^arxiv:/i, '')).join(',') : undefined,
      start,
      max_results: Math.min(feed.pageSize, feed.maxResults - fetched),
      ...(byIds ? {} : { sortBy: 'submittedDate', sortOrder: 'ascending' }),
    })
    const res = await deps.http.request({
      source: ARXIV_SOURCE,
      url,
      signal: deps.signal,
      explainError: explainAtomError,
    })
    const read = readAtomPaging(res.body)
    if (!read.ok) throw unreadablePageError(ARXIV_SOURCE, url, read.reason)
    const { total, entries, error } = read.paging
    if (error)
      throw new PaperscopeError('INVALID_QUERY', `arxiv: the API refused ${url}: ${error}`, { source: url })
    if (entries === 0 && start < total && emptyRetries < EMPTY_PAGE_RETRIES) {
      emptyRetries++
      deps.logger.warn(
        { source: ARXIV_SOURCE, url, start, total },
        'arXiv answered an empty page mid-results; asking again',
      )
      continue
    }
    if (entries === 0 && start < total) {
      throw new PaperscopeError(
        'SOURCE_UNAVAILABLE',
        `arxiv: ${url} kept answering an empty page at ${start} of ${total} results`,
        { source: url },
      )
    }
    emptyRetries = 0
    fetched += entries
    const next = start + entries
    const exhausted = entries === 0 || next >= total
    // The run stops at maxResults with more left: the next run goes on from the cursor, inside this window.
    const capped = !exhausted && fetched >= feed.maxResults
    let nextCursor: ArxivCursor
    if (!exhausted) nextCursor = { from, until, start: next }
    else if (byIds) nextCursor = { start: 0 }
    else
      nextCursor = {
        from: arxivStamp(stampToMs(until!) - feed.lookbackDays * DAY_MS),
        until: null,
        start: 0,
      }
    const last = exhausted || capped
    yield {
      payload: res.body,
      url,
      nextCursor: writeCursor(stripUndefined(nextCursor)),
      last,
      ...(capped ? { capped } : {}),
      // Two ids asked for can be one paper (`1605.08386`, `1605.08386v2`).
      ...(byIds ? { mayRepeat: true } : {}),
    }
    if (last) return
    start = next
  }
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
}

// ---------------------------------------------------------------------------------------------------------
// OAI-PMH

/** A bulk harvest by datestamp range, optionally limited to a set (`cs`, `physics:hep-th`). */
export const ArxivOaiFeedSchema = z
  .object({
    set: z.string().min(1).optional(),
    /** First run: records changed since this day (the OAI-PMH `from`; default: yesterday). */
    since: IsoDay.optional(),
    /** Pages per run; the next run continues with the resumption token. */
    maxPages: z.number().int().min(1).default(200),
  })
  .strict()
export type ArxivOaiFeed = z.output<typeof ArxivOaiFeedSchema>

const OaiCursorSchema = z.object({
  from: IsoDay,
  until: IsoDay.nullable(),
  token: z.string().nullable(),
})
type OaiCursor = z.output<typeof OaiCursorSchema>

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10)

/**
 * Pages through OAI-PMH `ListRecords` with `metadataPrefix=arXiv`. An expired resumption token (after a
 * long pause) restarts the same date range once; `noRecordsMatch` is an empty, finished harvest.
 */
export async function* fetchArxivOaiPages(
  feed: ArxivOaiFeed,
  cursor: string | null,
  deps: SourceDeps,
): AsyncGenerator<SourcePage> {
  const state: OaiCursor = cursor
    ? readCursor(ARXIV_OAI_SOURCE, OaiCursorSchema, cursor)
    : { from: feed.since ?? isoDay(deps.now() - DAY_MS), until: null, token: null }
  const { from } = state
  const until = state.until ?? isoDay(deps.now())
  let token = state.token
  let restarted = false
  for (let pages = 1; ; pages++) {
    const url = buildUrl(
      deps.baseUrl,
      '',
      token
        ? { verb: 'ListRecords', resumptionToken: token }
        : { verb: 'ListRecords', metadataPrefix: 'arXiv', from, until, set: feed.set },
    )
    const res = await deps.http.request({ source: ARXIV_OAI_SOURCE, url, signal: deps.signal })
    const read = readOaiPaging(res.body)
    if (!read.ok) throw unreadablePageError(ARXIV_OAI_SOURCE, url, read.reason)
    const errors = read.paging.errors.filter((e) => e.code !== 'noRecordsMatch')
    if (errors.some((e) => e.code === 'badResumptionToken') && token && !restarted) {
      deps.logger.warn(
        { source: ARXIV_OAI_SOURCE, url },
        'resumption token expired; harvesting the range again',
      )
      token = null
      restarted = true
      continue
    }
    if (errors.length > 0) {
      const described = errors.map((e) => `${e.code}${e.message ? ` (${e.message})` : ''}`).join('; ')
      const code = errors.some((e) => e.code.startsWith('bad')) ? 'INVALID_QUERY' : 'SOURCE_UNAVAILABLE'
      throw new PaperscopeError(code, `arxiv-oai: ${url} answered OAI-PMH error ${described}`, {
        source: url,
      })
    }
    token = read.paging.resumptionToken
    const finished = token === null
    const nextCursor: OaiCursor = finished
      ? { from: until, until: null, token: null }
      : { from, until, token }
    const capped = !finished && pages >= feed.maxPages
    const last = finished || capped
    yield { payload: res.body, url, nextCursor: writeCursor(nextCursor), last, ...(capped ? { capped } : {}) }
    if (last) return
  }
}
