/**
 * @module HTTP and paging for Hugging Face daily papers: one date at a time (`?date=YYYY-MM-DD`), with
 * `limit`/`p` paging within a date. Each run re-reads the last few days, because upvotes keep coming in
 * after a paper is listed and they feed the trending ranking.
 */
import { z } from 'zod'
import {
  buildUrl,
  readCursor,
  unreadablePageError,
  writeCursor,
  type SourceDeps,
  type SourcePage,
} from '../source.js'
import { HUGGINGFACE_SOURCE, readDailyPapersCount } from './parse.js'

export const HUGGINGFACE_API_URL = 'https://huggingface.co/api'

const DAY_MS = 86_400_000
const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')

export const HuggingFaceFeedSchema = z
  .object({
    /** First run: daily lists since this day (default: `refreshDays` ago). */
    since: IsoDay.optional(),
    /** Days re-read on every run to refresh upvotes. */
    refreshDays: z.number().int().min(0).max(30).default(2),
    pageSize: z.number().int().min(1).max(100).default(100),
  })
  .strict()
export type HuggingFaceFeed = z.output<typeof HuggingFaceFeedSchema>

const CursorSchema = z.object({ date: IsoDay, page: z.number().int().min(0) })

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10)
const addDays = (day: string, days: number) => isoDay(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS)

/**
 * Pages through the daily lists from the cursor's date to today (UTC).
 * @example fetchHuggingFacePages({ refreshDays: 2, pageSize: 100 }, null, deps)
 */
export async function* fetchHuggingFacePages(
  feed: HuggingFaceFeed,
  cursor: string | null,
  deps: SourceDeps,
): AsyncGenerator<SourcePage> {
  const today = isoDay(deps.now())
  const state = cursor
    ? readCursor(HUGGINGFACE_SOURCE, CursorSchema, cursor)
    : { date: feed.since ?? addDays(today, -feed.refreshDays), page: 0 }
  let { date, page } = state
  // A cursor from a clock that ran ahead would otherwise never fetch anything.
  if (date > today) date = today
  let previousIds: string | null = null
  for (;;) {
    const url = buildUrl(deps.baseUrl, '/daily_papers', { date, limit: feed.pageSize, p: page })
    const res = await deps.http.request({ source: HUGGINGFACE_SOURCE, url, signal: deps.signal })
    const read = readDailyPapersCount(res.body)
    if (!read.ok) throw unreadablePageError(HUGGINGFACE_SOURCE, url, read.reason)
    // A full page that repeats the day's page before it (an API that ignores `p` past the end) ends the day;
    // paging on would read it for ever.
    const ids = dailyPaperIds(res.body)
    const repeated = page > 0 && ids !== '' && ids === previousIds
    if (repeated) deps.logger.warn({ source: HUGGINGFACE_SOURCE, url, date, page }, 'page repeats the one before it; the day is read')
    previousIds = ids
    const dayDone = read.items < feed.pageSize || repeated
    const last = dayDone && date >= today
    const next = last
      ? { date: addDays(today, -feed.refreshDays), page: 0 }
      : dayDone
        ? { date: addDays(date, 1), page: 0 }
        : { date, page: page + 1 }
    // Two days can list the same papers (a weekend repeating Friday's list).
    yield { payload: res.body, url, nextCursor: writeCursor(next), last, mayRepeat: true }
    if (last) return
    if (next.date !== date) previousIds = null
    ;({ date, page } = next)
  }
}

/** The papers' ids of a daily list, in order, as one string ('' when it has none or cannot be read). */
function dailyPaperIds(body: string): string {
  try {
    const items = JSON.parse(body) as unknown
    if (!Array.isArray(items)) return ''
    return items.map((item) => String((item as { paper?: { id?: unknown } } | null)?.paper?.id ?? '')).join('\n')
  } catch {
    return ''
  }
}
