/**
 * @module `paperscope sync`: runs the feeds a config file lists, one page at a time. Each page's records,
 * author profiles and the feed's cursor are written in one transaction, so a sync that is killed resumes at
 * the first page it had not stored, and a finished feed's cursor is a watermark: the next run fetches only
 * what is new. Records join the papers they belong to (same arXiv id, DOI, title), so enrichment from a
 * second source adds a source record and fills fields; it never makes a second paper.
 *
 * When it runs: on demand (`paperscope sync [--source S] [--since DATE]`), or on a schedule from
 * `paperscope serve`. Nothing is fetched unless the config lists a feed.
 *
 * The config file (JSON; `PAPERSCOPE_CONFIG`):
 * ```json
 * {
 *   "contact": "me@example.org",
 *   "sources": { "semantic-scholar": { "apiKey": "..." }, "openalex": { "apiKey": "..." } },
 *   "feeds": [
 *     { "id": "arxiv-ml", "source": "arxiv", "categories": ["cs.LG", "stat.ML"], "words": ["grokking"] },
 *     { "id": "saxe", "source": "arxiv", "authors": ["Andrew M. Saxe"] },
 *     { "id": "oa-topic", "source": "openalex", "kind": "works", "filter": "topics.id:T10320" },
 *     { "id": "hf-daily", "source": "huggingface" },
 *     { "id": "s2-people", "source": "semantic-scholar", "kind": "authors", "ids": ["2262347"] }
 *   ]
 * }
 * ```
 * Besides `id`, `source` and `enabled`, a feed's fields are that source's feed options.
 */
import { readFile } from 'node:fs/promises'
import { z } from 'zod'
import {
  PaperscopeError,
  pluralize,
  emptyImportCounts,
  isPaperscopeError,
  type ImportCounts,
  type ImportIssue,
  type ImportIssueCode,
  type ParseResult,
  type PartialDate,
} from '../core/index.js'
import { recordContentHash } from '../library/index.js'
import type { PaperStore, PaperWriter } from '../store/index.js'
import { importProfile, importRecord, type RecordOutcome } from './import-records.js'

// ---------------------------------------------------------------------------------------------------------
// What sync needs of the ingest side, declared here by the consumer (ingest's `Source` and `createHttpClient`
// fit these shapes).

/**
 * The logging calls sync makes; a pino logger fits. A warning whose fields say `inReport: true` is also in
 * the report sync returns, so a caller that prints the report can leave it out.
 */
export interface SyncLogger {
  info(fields: object, message?: string): void
  warn(fields: object, message?: string): void
  debug(fields: object, message?: string): void
}

/** The shared HTTP client, handed through to the sources untouched. */
export interface SyncHttpClient {
  request(request: never): Promise<unknown>
}

/** What a source receives to fetch with. */
export interface SyncSourceDeps {
  http: SyncHttpClient
  baseUrl: string
  now: () => number
  logger: SyncLogger
  signal?: AbortSignal | undefined
  apiKey?: string | undefined
}

/** An API source, as ingest's registry lists them. */
export interface SyncSource {
  readonly name: string
  readonly defaultBaseUrl: string
  readonly feedSchema: z.ZodType<unknown, unknown>
  fetchPages(
    feed: unknown,
    cursor: string | null,
    deps: SyncSourceDeps,
  ): AsyncIterable<{ payload: string; url: string; nextCursor: string; last: boolean; capped?: boolean; mayRepeat?: boolean; missing?: { field: string; message: string } }>
  parse(payload: string, ctx: { input: string; fetchedAt: string }): ParseResult
}

// ---------------------------------------------------------------------------------------------------------
// The config file

/** One feed: its stable id (the cursor's name), its source, and that source's options. */
export const FeedConfigSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}$/, 'use letters, digits and . _ : / -'),
    source: z.string().min(1),
    enabled: z.boolean().default(true),
  })
  .catchall(z.unknown())
export type FeedConfig = z.output<typeof FeedConfigSchema>

/**
 * The names of ingest's API sources (its registry's `SOURCES`; sync.test.ts checks they match), kept here so
 * that reading a config does not load every connector.
 */
export const SYNC_SOURCE_NAMES = ['arxiv', 'arxiv-oai', 'openalex', 'semantic-scholar', 'huggingface'] as const

export const SyncConfigSchema = z
  .object({
    /** Put in the User-Agent, as arXiv and OpenAlex ask. */
    contact: z.string().min(1).optional(),
    /** Per source: a mirror's base URL, an API key, and a mirror's own pace. */
    sources: z
      .record(
        z.string(),
        z
          .object({
            baseUrl: z.url().optional(),
            apiKey: z.string().min(1).optional(),
            /** Milliseconds between requests to a mirror; the source's published limit applies otherwise. */
            minIntervalMs: z.number().int().min(0).optional(),
          })
          .strict()
          .refine((s) => s.minIntervalMs === undefined || s.baseUrl !== undefined, {
            message:
              'minIntervalMs is for a mirror: give its baseUrl too (the published APIs keep their limits)',
            path: ['minIntervalMs'],
          }),
      )
      // A misspelt name (`openAlex`) would leave its feeds on the public API and its key unused, silently.
      .superRefine((sources, ctx) => {
        for (const name of Object.keys(sources)) {
          if (!(SYNC_SOURCE_NAMES as readonly string[]).includes(name))
            ctx.addIssue({
              code: 'custom',
              path: [name],
              message: `no source is called ${name} (known: ${SYNC_SOURCE_NAMES.join(', ')})`,
            })
        }
      })
      .default({}),
    /** A cron string (`0 6 * * *`): `paperscope serve` runs the feeds on it. */
    schedule: z.string().min(1).optional(),
    feeds: z.array(FeedConfigSchema).default([]),
  })
  .strict()
  .superRefine((config, ctx) => {
    const seen = new Set<string>()
    config.feeds.forEach((feed, i) => {
      if (seen.has(feed.id))
        ctx.addIssue({
          code: 'custom',
          path: ['feeds', i, 'id'],
          message: `feed id ${feed.id} is used twice`,
        })
      seen.add(feed.id)
    })
  })
export type SyncConfig = z.output<typeof SyncConfigSchema>

/**
 * Reads a sync config from JSON text; INVALID_ARGUMENT names the file and every problem.
 * @example parseSyncConfig(await readFile('paperscope.json', 'utf8'), 'paperscope.json')
 */
export function parseSyncConfig(text: string, path: string): SyncConfig {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (err) {
    throw new PaperscopeError('INVALID_ARGUMENT', `${path}: not valid JSON (${(err as Error).message})`, {
      source: path,
    })
  }
  const parsed = SyncConfigSchema.safeParse(json)
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ')
    throw new PaperscopeError('INVALID_ARGUMENT', `${path}: ${problems}`, { source: path })
  }
  return parsed.data
}

/** Reads the config file at `path`; a missing file is an empty config (no feeds: nothing is fetched). */
export async function loadSyncConfig(path: string): Promise<SyncConfig> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return SyncConfigSchema.parse({})
    throw new PaperscopeError('INVALID_ARGUMENT', `cannot read ${path}: ${(err as Error).message}`, {
      source: path,
      cause: err,
    })
  }
  return parseSyncConfig(text, path)
}

// ---------------------------------------------------------------------------------------------------------
// Running

export interface SyncOptions {
  /** The API sources to choose from (ingest's registry). */
  sources: readonly SyncSource[]
  /** The shared polite HTTP client. */
  http: SyncHttpClient
  /** Epoch milliseconds. */
  now?: () => number
  logger?: SyncLogger
  /** Stops after the page being written; what was stored stays, and the next sync resumes from there. */
  signal?: AbortSignal
  /** Only the feeds of this source (`--source`). */
  source?: string
  /** Only this feed. */
  feed?: string
  /** Start from this date instead of the stored cursors (`--since`); YYYY and YYYY-MM mean their first day. */
  since?: PartialDate
  /** API keys by source name, e.g. from the environment; they win over the config file's. */
  apiKeys?: Readonly<Record<string, string | undefined>>
  /** Called after each stored page. */
  onPage?: (event: { feed: string; source: string; page: number; url: string; counts: PageCounts }) => void
}

/** A page's records by outcome, and its author profiles new or changed (`candidateProfiles`: of them, no person's yet). */
export type PageCounts = Record<RecordOutcome, number> & { profiles: number; candidateProfiles: number }

export type FeedStatus = 'done' | 'failed' | 'aborted' | 'skipped'

export interface FeedSyncReport extends ImportCounts {
  feed: string
  source: string
  status: FeedStatus
  pages: number
  /** Author profiles new or changed, candidates included. */
  profiles: number
  /** Of `profiles`, search hits kept with no person yet, as `stats` counts candidate profiles apart. */
  candidateProfiles: number
  /** Warnings of pages that changed nothing: reported when the page first brought them, not again. */
  repeatedWarnings: number
  /** Why the feed failed or was skipped. */
  error: string | null
  /** Where its cursor is stored: the feed's id, or a `--since` run's own (see {@link sinceCursorKey}). */
  cursorKey: string
}

export interface SyncReport extends ImportCounts {
  feeds: FeedSyncReport[]
  issues: ImportIssue[]
  profiles: number
  candidateProfiles: number
  /** Warnings left out of `issues` because their page changed nothing (see {@link FeedSyncReport}). */
  repeatedWarnings: number
  aborted: boolean
}

const SILENT: SyncLogger = { info() {}, warn() {}, debug() {} }

/** What a feed's stored cursor looks like: the source's cursor plus a fingerprint of the feed's options. */
const StoredCursorSchema = z.object({ options: z.string(), cursor: z.string() })

/**
 * Runs every enabled feed of the config (or those `--source`/`--feed` pick), in order.
 * Expected failures (a source down, a broken page, a bad feed, a library that cannot be written) are reported
 * per feed and the sync goes on. Throws INVALID_ARGUMENT for a `--feed` the config does not list.
 * @example
 * const report = await syncFeeds(store, await loadSyncConfig(env.PAPERSCOPE_CONFIG), { sources: SOURCES, http })
 */
export async function syncFeeds(
  store: PaperStore,
  config: SyncConfig,
  options: SyncOptions,
): Promise<SyncReport> {
  const report: SyncReport = { ...emptyImportCounts(), feeds: [], issues: [], profiles: 0, candidateProfiles: 0, repeatedWarnings: 0, aborted: false }
  const logger = options.logger ?? SILENT
  // A misspelt --feed would otherwise select nothing and end as a quiet, empty success.
  if (options.feed && !config.feeds.some((f) => f.id === options.feed)) {
    throw new PaperscopeError(
      'INVALID_ARGUMENT',
      `sync: no feed is called ${options.feed} (known: ${config.feeds.map((f) => f.id).join(', ') || 'none'})`,
      { field: 'feed' },
    )
  }
  const feeds = config.feeds.filter(
    (f) =>
      f.enabled &&
      (!options.source || f.source === options.source) &&
      (!options.feed || f.id === options.feed),
  )
  // As a misspelt --feed: a usage error before anything is fetched.
  if (options.source && !options.sources.some((s) => s.name === options.source)) {
    throw new PaperscopeError(
      'INVALID_ARGUMENT',
      `sync: no source is called ${options.source} (known: ${options.sources.map((s) => s.name).join(', ')})`,
      { field: 'source' },
    )
  }
  for (const feed of feeds) {
    if (options.signal?.aborted) {
      report.aborted = true
      break
    }
    const feedReport = await syncFeed(store, config, feed, options, logger, report.issues)
    report.feeds.push(feedReport)
    for (const key of ['read', 'new', 'merged', 'updated', 'unchanged', 'rejected'] as const)
      report[key] += feedReport[key]
    report.profiles += feedReport.profiles
    report.candidateProfiles += feedReport.candidateProfiles
    report.repeatedWarnings += feedReport.repeatedWarnings
    if (feedReport.status === 'aborted') {
      report.aborted = true
      break
    }
  }
  return report
}

async function syncFeed(
  store: PaperStore,
  config: SyncConfig,
  feed: FeedConfig,
  options: SyncOptions,
  logger: SyncLogger,
  issues: ImportIssue[],
): Promise<FeedSyncReport> {
  const result: FeedSyncReport = {
    ...emptyImportCounts(),
    feed: feed.id,
    source: feed.source,
    status: 'done',
    pages: 0,
    profiles: 0,
    candidateProfiles: 0,
    repeatedWarnings: 0,
    error: null,
    cursorKey: feed.id,
  }
  const fail = (
    status: FeedStatus,
    message: string,
    code: ImportIssueCode,
    where: string,
  ): FeedSyncReport => {
    result.status = status
    result.error = message
    issues.push(feedIssue(message, code, where))
    logger.warn(
      { feed: feed.id, source: feed.source, error: message, inReport: true },
      status === 'skipped' ? 'feed skipped' : 'feed failed',
    )
    return result
  }

  const source = options.sources.find((s) => s.name === feed.source)
  if (!source) {
    return fail(
      'skipped',
      `feed ${feed.id}: no source is called ${feed.source}`,
      'INVALID_VALUE',
      `feed ${feed.id}`,
    )
  }
  const { id: _id, source: _source, enabled: _enabled, ...feedOptions } = feed
  const since = options.since ? firstDay(options.since) : null
  const withSince = since ? source.feedSchema.safeParse({ ...feedOptions, since }) : null
  // Feeds without a date (lookups of ids) ignore --since.
  const parsed = withSince?.success ? withSince : source.feedSchema.safeParse(feedOptions)
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => `${i.path.join('.') || '(feed)'}: ${i.message}`)
      .join('; ')
    return fail(
      'skipped',
      `feed ${feed.id}: invalid ${feed.source} options: ${problems}`,
      'INVALID_VALUE',
      `feed ${feed.id}`,
    )
  }
  // A `--since` run keeps its place under a cursor of its own: the same `--since` again resumes it where it
  // stopped, and the feed's cursor (where plain syncs got to, perhaps mid-way through a backfill) is left as it
  // was. Its cursor goes when it has read to the end, so that a later run from that date reads it all again.
  result.cursorKey = withSince?.success ? sinceCursorKey(feed.id, since!) : feed.id
  const fingerprint = recordContentHash({ source: feed.source, options: parsed.data })
  const cursor = await readStoredCursor(store, result.cursorKey, fingerprint, logger)

  const now = options.now ?? Date.now
  const deps: SyncSourceDeps = {
    http: options.http,
    baseUrl: config.sources[source.name]?.baseUrl ?? source.defaultBaseUrl,
    now,
    logger: options.logger ?? SILENT,
    signal: options.signal,
    apiKey: options.apiKeys?.[source.name] ?? config.sources[source.name]?.apiKey,
  }

  // A store error (a locked library, a full disk) fails this feed, not the sync: the transaction rolled back,
  // so the stored cursor still points at this page.
  const storePage = async <T>(page: number, url: string, work: (tx: PaperWriter) => Promise<T>): Promise<T> => {
    try {
      return await store.transaction(work)
    } catch (err) {
      if (isPaperscopeError(err)) throw err
      throw new PaperscopeError(
        'STORE_FAILED',
        `cannot store page ${page} (${url}): ${(err as Error).message}; that batch was rolled back; the feed resumes from its cursor next time`,
        { cause: err },
      )
    }
  }

  // Loaded here, not at the top: `search` and `classify` import this module's config types, and must not
  // load the parsers (start-up.test.ts). The sources handed in have loaded ingest already.
  const { parsePage } = await import('../ingest/index.js')
  let previous: { records: string; nextCursor: string } | null = null
  try {
    for await (const page of source.fetchPages(parsed.data, cursor, deps)) {
      const content = parsePage(source, page, {
        input: page.url,
        fetchedAt: new Date(now()).toISOString(),
      })
      // A source that does not move on (the same records again, or the same cursor to go on from) would be read
      // until maxPages, or for ever where there is none: the feed stops at the repeat, which is not stored.
      const records = content.records.map((r) => r.key).sort().join('\n')
      const repeats =
        previous !== null &&
        ((records !== '' && records === previous.records && !page.mayRepeat) || (!page.last && page.nextCursor === previous.nextCursor))
      if (repeats) {
        return fail(
          'failed',
          `feed ${feed.id}: page ${result.pages + 1} repeats page ${result.pages} (${page.nextCursor === previous!.nextCursor ? 'the same cursor to go on from' : 'the same records'}): the source is not moving on, so the feed stops here; the next sync tries again from page ${result.pages}'s cursor`,
          'REPEATED_PAGE',
          page.url,
        )
      }
      previous = { records, nextCursor: page.nextCursor }
      const stored = JSON.stringify({ options: fingerprint, cursor: page.nextCursor })
      const counts = await storePage(result.pages + 1, page.url, async (tx) => {
        const tally: PageCounts = { new: 0, merged: 0, updated: 0, unchanged: 0, profiles: 0, candidateProfiles: 0 }
        for (const record of content.records) tally[await importRecord(tx, record)]++
        for (const profile of content.profiles) {
          const change = await importProfile(tx, profile)
          if (change !== null) tally.profiles++
          if (change === 'candidate') tally.candidateProfiles++
        }
        await tx.pruneOrphanAuthors()
        await tx.setFeedCursor(result.cursorKey, page.last && !page.capped && result.cursorKey !== feed.id ? null : stored)
        return tally
      })
      result.pages++
      const rejected = content.issues.filter((i) => i.severity === 'rejected').length
      result.read += content.entriesSeen
      result.rejected += rejected
      result.profiles += counts.profiles
      result.candidateProfiles += counts.candidateProfiles
      for (const key of ['new', 'merged', 'updated', 'unchanged'] as const) result[key] += counts[key]
      // A page whose records were all stored before, unchanged, brings back the warnings it brought then.
      const changedNothing = content.records.length > 0 && counts.new + counts.merged + counts.updated + counts.profiles === 0
      const repeated = changedNothing ? content.issues.filter((i) => i.severity === 'warning') : []
      result.repeatedWarnings += repeated.length
      issues.push(...content.issues.filter((i) => !repeated.includes(i)))
      logger.info(
        { feed: feed.id, source: source.name, page: result.pages, url: page.url, ...counts, rejected },
        'synced page',
      )
      options.onPage?.({ feed: feed.id, source: source.name, page: result.pages, url: page.url, counts })
      if (page.capped) {
        issues.push({
          severity: 'warning',
          source: `feed ${feed.id}`,
          code: 'NOT_CAUGHT_UP',
          message: `feed ${feed.id}: stopped at its limit for one run (maxPages; maxResults for arXiv) after ${pluralize(result.pages, 'page')}, with more to read; the next sync${result.cursorKey === feed.id ? '' : ' with the same --since'} goes on from here`,
        })
      }
      if (options.signal?.aborted && !page.last) {
        result.status = 'aborted'
        return result
      }
    }
  } catch (err) {
    if (options.signal?.aborted) {
      result.status = 'aborted'
      return result
    }
    if (!isPaperscopeError(err)) throw err
    return fail(
      'failed',
      `feed ${feed.id}: ${err.message}`,
      issueCodeFor(err),
      err.source ?? `feed ${feed.id}`,
    )
  }
  return result
}

/** The feed's stored cursor, unless the feed's options changed since it was stored (then: start over). */
async function readStoredCursor(
  store: PaperStore,
  feedId: string,
  fingerprint: string,
  logger: SyncLogger,
): Promise<string | null> {
  const stored = await store.getFeedCursor(feedId)
  if (stored === null) return null
  let value: unknown
  try {
    value = JSON.parse(stored)
  } catch {
    value = null
  }
  const parsed = StoredCursorSchema.safeParse(value)
  if (!parsed.success) {
    logger.warn({ feed: feedId }, 'stored cursor unreadable; starting the feed over')
    return null
  }
  if (parsed.data.options !== fingerprint) {
    logger.info({ feed: feedId }, 'feed options changed; starting the feed over')
    return null
  }
  return parsed.data.cursor
}

/** Where a `--since` run of a feed keeps its cursor. */
function sinceCursorKey(feedId: string, since: string): string {
  return `${feedId} --since ${since}`
}

function firstDay(date: PartialDate): string {
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date
}

function issueCodeFor(err: PaperscopeError): ImportIssueCode {
  switch (err.code) {
    case 'PARSE_FAILED':
      return 'PARSE_FAILED'
    case 'STORE_FAILED':
      return 'STORE_FAILED'
    case 'RATE_LIMITED':
      return 'RATE_LIMITED'
    case 'INVALID_ARGUMENT':
    case 'INVALID_QUERY':
      return 'INVALID_VALUE'
    default:
      return 'SOURCE_UNAVAILABLE'
  }
}

function feedIssue(message: string, code: ImportIssueCode, source: string): ImportIssue {
  return { severity: 'rejected', source, code, message }
}
