/**
 * @module HTTP and paging for OpenAlex: works by filter/search with cursor paging (`cursor=*`, then
 * `meta.next_cursor` until it is null or a page is empty), and author profiles one request each
 * (singleton lookups cost nothing against the daily allowance).
 */
import { z } from 'zod'
import { isPaperscopeError } from '../../core/index.js'
import { redactUrl } from '../http/index.js'
import {
  buildUrl,
  readCursor,
  unreadablePageError,
  writeCursor,
  type SourceDeps,
  type SourcePage,
} from '../source.js'
import { OPENALEX_SOURCE, readOpenAlexPaging } from './parse.js'

export const OPENALEX_API_URL = 'https://api.openalex.org'

const DAY_MS = 86_400_000
const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')

export const OpenAlexFeedSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('works'),
      /** An OpenAlex filter, e.g. `topics.id:T10320,authorships.author.id:A5023888391`. */
      filter: z.string().min(1).optional(),
      /** Full-text search. */
      search: z.string().min(1).optional(),
      /** First run: works published since this day (default: `lookbackDays` ago). */
      since: IsoDay.optional(),
      /** Works are indexed some days after they are published; each run looks back this far. */
      lookbackDays: z.number().int().min(0).max(365).default(7),
      perPage: z.number().int().min(1).max(100).default(100),
      /** Pages per run; the next run goes on with the stored cursor. */
      maxPages: z.number().int().min(1).default(50),
    })
    .strict()
    // Without either, the feed would take every work OpenAlex indexes (thousands a day), up to maxPages a run.
    .refine((f) => f.filter !== undefined || f.search !== undefined, {
      message:
        'an openalex works feed needs a filter or a search (without either it would fetch every new work)',
    }),
  z
    .object({
      kind: z.literal('authors'),
      /** OpenAlex author ids (`A5023888391` or the full URL). */
      ids: z.array(z.string().regex(/(?:^|\/)A\d+$/, 'expected an OpenAlex author id')).min(1),
    })
    .strict(),
])
export type OpenAlexFeed = z.output<typeof OpenAlexFeedSchema>

const WorksCursorSchema = z.object({ since: IsoDay, cursor: z.string().min(1) })
const AuthorsCursorSchema = z.object({ index: z.number().int().min(0) })

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10)

function explainOpenAlexError(body: string): string | null {
  try {
    const json = JSON.parse(body) as { error?: unknown; message?: unknown }
    return [json.error, json.message].filter((x) => typeof x === 'string').join(': ') || null
  } catch {
    return null
  }
}

/**
 * Pages through works or author profiles.
 * @example fetchOpenAlexPages({ kind: 'works', filter: 'topics.id:T10320', ... }, null, deps)
 */
export async function* fetchOpenAlexPages(
  feed: OpenAlexFeed,
  cursor: string | null,
  deps: SourceDeps,
): AsyncGenerator<SourcePage> {
  if (feed.kind === 'authors') {
    const start = cursor ? readCursor(OPENALEX_SOURCE, AuthorsCursorSchema, cursor).index : 0
    for (let index = start; index < feed.ids.length; index++) {
      const id = /A\d+$/.exec(feed.ids[index]!)![0]
      const url = buildUrl(deps.baseUrl, `/authors/${id}`, { api_key: deps.apiKey })
      let payload = ''
      let missing: SourcePage['missing']
      try {
        const res = await deps.http.request({
          source: OPENALEX_SOURCE,
          url,
          signal: deps.signal,
          explainError: explainOpenAlexError,
        })
        payload = res.body
      } catch (err) {
        // A 404 is about this one id and will not heal by asking again: report it and go on, or the cursor
        // would stay on it and no later id would ever be read. Anything else stops here and resumes here.
        if (!isPaperscopeError(err, 'NOT_FOUND')) throw err
        deps.logger.warn({ source: OPENALEX_SOURCE, id, url: redactUrl(url) }, `OpenAlex has no author ${id}`)
        missing = { field: 'ids', message: `OpenAlex has no author ${id}` }
      }
      const last = index === feed.ids.length - 1
      // Profiles change: after the last one, the next run reads them all again.
      yield {
        ...(missing ? { missing } : {}),
        mayRepeat: true,
        payload,
        url: redactUrl(url),
        nextCursor: writeCursor({ index: last ? 0 : index + 1 }),
        last,
      }
    }
    return
  }

  const state = cursor
    ? readCursor(OPENALEX_SOURCE, WorksCursorSchema, cursor)
    : { since: feed.since ?? isoDay(deps.now() - feed.lookbackDays * DAY_MS), cursor: '*' }
  const filter = [feed.filter, `from_publication_date:${state.since}`].filter(Boolean).join(',')
  let pageCursor = state.cursor
  for (let pages = 1; ; pages++) {
    const url = buildUrl(deps.baseUrl, '/works', {
      filter,
      search: feed.search,
      per_page: feed.perPage,
      cursor: pageCursor,
      api_key: deps.apiKey,
    })
    const res = await deps.http.request({
      source: OPENALEX_SOURCE,
      url,
      signal: deps.signal,
      explainError: explainOpenAlexError,
    })
    const read = readOpenAlexPaging(res.body)
    if (!read.ok) throw unreadablePageError(OPENALEX_SOURCE, redactUrl(url), read.reason)
    const finished = read.nextCursor === null || read.results === 0
    const nextCursor = finished
      ? { since: isoDay(deps.now() - feed.lookbackDays * DAY_MS), cursor: '*' }
      : { since: state.since, cursor: read.nextCursor! }
    const capped = !finished && pages >= feed.maxPages
    const last = finished || capped
    yield {
      payload: res.body,
      url: redactUrl(url),
      nextCursor: writeCursor(nextCursor),
      last,
      ...(capped ? { capped } : {}),
    }
    if (last) return
    pageCursor = read.nextCursor!
  }
}
