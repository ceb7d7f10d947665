/**
 * @module `paperscope sync` composed: finds the config file, builds the shared polite HTTP client (User-Agent
 * with the contact, each source's published rate limit, a mirror's own pace), hands API keys from the
 * environment to the sources, runs `syncFeeds`, and reads back each feed's cursor for the summary.
 *
 * When it runs: on demand from the CLI, and on a schedule from the server (see sync-schedule.ts). With no
 * config file, or one without feeds, it fetches nothing and says so: Paperscope is offline by default.
 */
import { existsSync } from 'node:fs'
import { isAbsolute, resolve } from 'node:path'
import { PaperscopeError, type PartialDate } from '../core/index.js'
import type { FetchLike, HttpClient, RateLimit } from '../ingest/index.js'
import type { PaperStore } from '../store/index.js'
import {
  loadSyncConfig,
  syncFeeds,
  type SyncConfig,
  type SyncLogger,
  type SyncOptions,
  type SyncReport,
  type FeedSyncReport,
} from './sync.js'

/** The config file looked for in the working directory when neither `--config` nor PAPERSCOPE_CONFIG is set. */
export const DEFAULT_SYNC_CONFIG_FILE = 'paperscope.config.json'

/** The version put in the User-Agent when the caller does not pass one. */
const FALLBACK_VERSION = '0.1.0'

/** The settings sync reads from the environment (src/config/env.ts parses them). */
export interface SyncEnv {
  PAPERSCOPE_CONFIG?: string | undefined
  PAPERSCOPE_CONTACT?: string | undefined
  OPENALEX_API_KEY?: string | undefined
  SEMANTIC_SCHOLAR_API_KEY?: string | undefined
  PAPERSCOPE_SYNC_SCHEDULE?: string | undefined
}

/** Where the config came from. */
export type SyncConfigOrigin = 'flag' | 'env' | 'default'

/**
 * The config file to read: `--config`, else PAPERSCOPE_CONFIG, else ./paperscope.config.json when it
 * exists; null when there is none (nothing is configured).
 * @example resolveSyncConfigPath({ cwd: process.cwd(), env }) // { path: '/srv/paperscope.config.json', origin: 'default' }
 */
export function resolveSyncConfigPath(options: {
  cwd: string
  env: SyncEnv
  flag?: string | undefined
}): { path: string; origin: SyncConfigOrigin } | null {
  const absolute = (p: string): string => (isAbsolute(p) ? p : resolve(options.cwd, p))
  if (options.flag) return { path: absolute(options.flag), origin: 'flag' }
  if (options.env.PAPERSCOPE_CONFIG) return { path: absolute(options.env.PAPERSCOPE_CONFIG), origin: 'env' }
  const fallback = absolute(DEFAULT_SYNC_CONFIG_FILE)
  return existsSync(fallback) ? { path: fallback, origin: 'default' } : null
}

/**
 * The config at the resolved path, or null when there is no file. A file named by `--config` or
 * PAPERSCOPE_CONFIG must exist: a typo should not read as "nothing configured".
 */
export async function readSyncConfig(options: {
  cwd: string
  env: SyncEnv
  flag?: string | undefined
}): Promise<{ path: string; origin: SyncConfigOrigin; config: SyncConfig } | null> {
  const found = resolveSyncConfigPath(options)
  if (!found) return null
  if (found.origin !== 'default' && !existsSync(found.path)) {
    throw new PaperscopeError(
      'INVALID_ARGUMENT',
      `the sync config ${found.path} (from ${found.origin === 'flag' ? '--config' : 'PAPERSCOPE_CONFIG'}) does not exist`,
      { source: found.path, field: 'config' },
    )
  }
  return { ...found, config: await loadSyncConfig(found.path) }
}

/** The sources and the HTTP client load when a sync runs, not with every command that loads this module. */
const loadIngest = () => import('../ingest/index.js')

/**
 * The shared HTTP client for a config: published rate limits, a mirror's `minIntervalMs` where its baseUrl
 * is set, and a User-Agent naming the contact (PAPERSCOPE_CONTACT wins over the config's `contact`).
 */
export async function createSyncHttpClient(
  config: SyncConfig,
  options: {
    env: SyncEnv
    version?: string
    fetch?: FetchLike
    now?: () => number
    sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
    logger?: SyncLogger
  },
): Promise<HttpClient> {
  const { createHttpClient, formatUserAgent, sourceRateLimits, SOURCES } = await loadIngest()
  const rateLimits = syncRateLimits(config, sourceRateLimits(), SOURCES)
  const contact = options.env.PAPERSCOPE_CONTACT ?? config.contact
  return createHttpClient({
    fetch: options.fetch ?? ((url, init) => fetch(url, init)),
    userAgent: formatUserAgent({
      version: options.version ?? FALLBACK_VERSION,
      ...(contact ? { contact } : {}),
    }),
    rateLimits,
    ...(options.now ? { now: options.now } : {}),
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  })
}

/** Other domains a source's publisher answers on (its default URL's domain aside). */
const PUBLISHED_ALIASES: Readonly<Record<string, readonly string[]>> = { huggingface: ['hf.co'] }

/**
 * Each source's pace: its published limit, or a mirror's own `minIntervalMs` when `baseUrl` points elsewhere.
 * A `baseUrl` anywhere on the publisher's domain (`arxiv.org`, `export.arxiv.org`, `api.openalex.org.`, `hf.co`)
 * keeps the published limit.
 * @example syncRateLimits(config, sourceRateLimits(), SOURCES).arxiv.minIntervalMs // 3000
 */
export function syncRateLimits(
  config: Pick<SyncConfig, 'sources'>,
  published: Readonly<Record<string, RateLimit>>,
  sources: ReadonlyArray<{ name: string; defaultBaseUrl: string }>,
): Record<string, RateLimit> {
  const host = (url: string): string | null => {
    try {
      return new URL(url).hostname.toLowerCase().replace(/\.$/, '')
    } catch {
      return null
    }
  }
  // The publisher's domain: the last two labels of its default host (`export.arxiv.org` → `arxiv.org`).
  const domains = (source: { name: string; defaultBaseUrl: string }): string[] => {
    const own = host(source.defaultBaseUrl)
    return [...(own ? [own.split('.').slice(-2).join('.')] : []), ...(PUBLISHED_ALIASES[source.name] ?? [])]
  }
  const rateLimits: Record<string, RateLimit> = { ...published }
  for (const [name, settings] of Object.entries(config.sources)) {
    if (settings.minIntervalMs === undefined || settings.baseUrl === undefined) continue
    const source = sources.find((s) => s.name === name)
    const at = host(settings.baseUrl)
    if (source && at !== null && domains(source).some((d) => at === d || at.endsWith(`.${d}`))) continue
    rateLimits[name] = { ...rateLimits[name], minIntervalMs: settings.minIntervalMs }
  }
  return rateLimits
}

export interface RunSyncOptions {
  /** The config, when the caller has read it already (`findSyncConfig`); else it is read here. */
  found?: FoundSyncConfig | undefined
  signal?: AbortSignal | undefined
  /** `--source`. */
  source?: string | undefined
  /** `--feed`. */
  feed?: string | undefined
  onPage?: SyncOptions['onPage']
  logger?: SyncLogger | undefined
  cwd: string
  env: SyncEnv
  /** `--config`. */
  configPath?: string | undefined
  /** `--since`. */
  since?: PartialDate | undefined
  /** Put in the User-Agent. */
  version?: string
  /** IO, passed in for tests; the real ones by default. */
  fetch?: FetchLike
  now?: () => number
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  /**
   * Called once after a run that stored new or changed papers (the analysis's incremental update, when the
   * composition root has one); its failure is logged, never fails the sync.
   */
  afterSync?: (store: PaperStore, report: SyncReport) => Promise<void>
}

/** One feed in the summary: the counts plus the cursor it stopped at. */
export type FeedSummary = Pick<FeedSyncReport, (typeof FEED_SUMMARY_FIELDS)[number]> & {
  /** The source's cursor after the run (what the next run starts from); null when none is stored. */
  cursor: string | null
}

/** The fields of a feed's report that its summary shows (a report may carry more). */
const FEED_SUMMARY_FIELDS = [
  'feed',
  'source',
  'status',
  'pages',
  'read',
  'new',
  'merged',
  'updated',
  'unchanged',
  'rejected',
  'profiles',
  'candidateProfiles',
  'error',
] as const satisfies ReadonlyArray<keyof FeedSyncReport>

export type RunSyncResult =
  | { configured: false; configPath: string | null; reason: string }
  | {
      configured: true
      configPath: string
      origin: SyncConfigOrigin
      report: SyncReport
      feeds: FeedSummary[]
      /** Whether `afterSync` ran, and what it said when it failed. */
      afterSync: 'ran' | 'skipped' | { failed: string }
    }

/** A sync config found on disk: where, how it was named, and what it says. */
export type FoundSyncConfig = NonNullable<Awaited<ReturnType<typeof readSyncConfig>>>

/**
 * The config a sync would run, or why it would fetch nothing (no config, or one with no enabled feed). Throws
 * as `readSyncConfig` does for a config that is named but missing, or unreadable. The CLI asks first, so that a
 * sync with nothing to do makes no library file, and hands what it found to `runSync`.
 */
export async function findSyncConfig(
  options: Pick<RunSyncOptions, 'cwd' | 'env' | 'configPath'>,
): Promise<{ found: FoundSyncConfig; nothing: null } | { found: null; nothing: Extract<RunSyncResult, { configured: false }> }> {
  const found = await readSyncConfig({ cwd: options.cwd, env: options.env, flag: options.configPath })
  if (!found) {
    const reason = `no sync config: neither --config nor PAPERSCOPE_CONFIG is set and ${DEFAULT_SYNC_CONFIG_FILE} is not in ${options.cwd}`
    return { found: null, nothing: { configured: false, configPath: null, reason } }
  }
  if (!found.config.feeds.some((f) => f.enabled)) {
    const reason = `${found.path} lists no ${found.config.feeds.length ? 'enabled ' : ''}feeds`
    return { found: null, nothing: { configured: false, configPath: found.path, reason } }
  }
  return { found, nothing: null }
}

/**
 * Runs the configured feeds once.
 * @example
 * const result = await runSync(store, { cwd: process.cwd(), env, source: 'arxiv' })
 * if (!result.configured) console.log(result.reason)
 */
export async function runSync(store: PaperStore, options: RunSyncOptions): Promise<RunSyncResult> {
  const { found, nothing } = options.found ? { found: options.found, nothing: null } : await findSyncConfig(options)
  if (nothing) return nothing
  const { SOURCES } = await loadIngest()
  const http = await createSyncHttpClient(found.config, {
    env: options.env,
    ...pick(options, ['version', 'fetch', 'now', 'sleep', 'logger']),
  })
  const report = await syncFeeds(store, found.config, {
    sources: SOURCES,
    http,
    apiKeys: {
      openalex: options.env.OPENALEX_API_KEY,
      'semantic-scholar': options.env.SEMANTIC_SCHOLAR_API_KEY,
    },
    ...pick(options, ['now', 'logger', 'signal', 'source', 'feed', 'since', 'onPage']),
  })
  const feeds: FeedSummary[] = []
  for (const f of report.feeds) {
    const summary = Object.fromEntries(FEED_SUMMARY_FIELDS.map((k) => [k, f[k]])) as Omit<
      FeedSummary,
      'cursor'
    >
    // A `--since` run that read to the end has no cursor of its own left: the feed's is shown.
    feeds.push({ ...summary, cursor: (await readCursor(store, f.cursorKey)) ?? (await readCursor(store, f.feed)) })
  }
  let afterSync: 'ran' | 'skipped' | { failed: string } = 'skipped'
  if (options.afterSync && report.new + report.merged + report.updated > 0) {
    try {
      await options.afterSync(store, report)
      afterSync = 'ran'
    } catch (err) {
      afterSync = { failed: (err as Error).message }
      options.logger?.warn({ error: (err as Error).message }, 'updating the analysis after the sync failed')
    }
  }
  return { configured: true, configPath: found.path, origin: found.origin, report, feeds, afterSync }
}

/** The source's own cursor inside the stored one (which also holds a fingerprint of the feed's options). */
async function readCursor(store: PaperStore, feed: string): Promise<string | null> {
  const stored = await store.getFeedCursor(feed)
  if (stored === null) return null
  try {
    const value = JSON.parse(stored) as { cursor?: unknown }
    return typeof value.cursor === 'string' ? value.cursor : stored
  } catch {
    return stored
  }
}

/** The defined values of `keys` in `from` (for exactOptionalPropertyTypes). */
function pick<T extends object, K extends keyof T>(
  from: T,
  keys: readonly K[],
): { [P in K]?: Exclude<T[P], undefined> } {
  const out: Partial<Record<K, unknown>> = {}
  for (const key of keys) if (from[key] !== undefined) out[key] = from[key]
  return out as { [P in K]?: Exclude<T[P], undefined> }
}
