/**
 * @module Scheduled sync inside the server process: with a cron string (PAPERSCOPE_SYNC_SCHEDULE, else the
 * config file's `schedule`), `paperscope serve`/`start` run the configured feeds on it with croner. Runs
 * never overlap (croner `protect`: a tick that finds the last run still going is skipped and logged), each
 * run is logged with its counts, and `stop()` on shutdown cancels future ticks, asks a run in progress to
 * stop after its current page, and waits for it, so the library is closed only after the last write. A run
 * that stored new or changed papers then analyses them (`analyzeNewPapers`, on a worker thread), as an import does.
 */
import { Cron } from 'croner'
import { PaperscopeError } from '../core/index.js'
import type { PaperStore } from '../store/index.js'
import { analyzeNewPapersOffThread } from './analysis-thread.js'
import { readSyncConfig, runSync, type RunSyncOptions, type RunSyncResult, type SyncEnv } from './run-sync.js'
import type { SyncLogger } from './sync.js'

/** The logging calls the scheduler makes; a pino logger fits. */
export interface ScheduleLogger extends SyncLogger {
  error(fields: object, message?: string): void
}

export interface SyncSchedule {
  /** The cron string in use. */
  readonly pattern: string
  /** When the next run is due, or null when none will come. */
  nextRun(): Date | null
  /** Runs a sync now (unless one is running: then resolves at once). */
  trigger(): Promise<void>
  /** Stops scheduling, aborts a run in progress after its current page, and waits for it. */
  stop(): Promise<void>
}

export interface SyncScheduleOptions extends Omit<RunSyncOptions, 'signal' | 'logger' | 'onPage'> {
  logger: ScheduleLogger
  /** Called after every run (tests wait on it). */
  onRun?: (result: RunSyncResult | { error: string }) => void
}

/**
 * The cron string to run sync on: PAPERSCOPE_SYNC_SCHEDULE, else the config's `schedule`; null when neither
 * is set (no schedule) or no config file exists.
 */
export async function findSyncSchedule(options: {
  cwd: string
  env: SyncEnv
  configPath?: string | undefined
}): Promise<string | null> {
  const found = await readSyncConfig({ cwd: options.cwd, env: options.env, flag: options.configPath })
  return options.env.PAPERSCOPE_SYNC_SCHEDULE ?? found?.config.schedule ?? null
}

/**
 * Schedules `runSync` on `pattern`. Throws INVALID_ARGUMENT for a cron string croner cannot read.
 * @example
 * const schedule = startSyncSchedule(store, '0 6 * * *', { cwd, env, logger })
 * // ... on shutdown:
 * await schedule.stop()
 */
export function startSyncSchedule(
  store: PaperStore,
  pattern: string,
  options: SyncScheduleOptions,
): SyncSchedule {
  const { logger, onRun, ...syncOptions } = options
  let controller: AbortController | null = null
  let running: Promise<void> | null = null
  let runs = 0

  const run = async (): Promise<void> => {
    const n = ++runs
    controller = new AbortController()
    const started = Date.now()
    logger.info({ run: n, schedule: pattern }, 'scheduled sync started')
    try {
      const result = await runSync(store, {
        ...syncOptions,
        logger,
        signal: controller.signal,
        afterSync: syncOptions.afterSync ?? analyzeAfterSync,
      })
      const ms = Date.now() - started
      if (!result.configured) {
        logger.warn({ run: n, reason: result.reason }, 'scheduled sync: nothing is configured')
      } else {
        const { report } = result
        const summary = {
          run: n,
          ms,
          feeds: result.feeds.map((f) => ({
            feed: f.feed,
            status: f.status,
            pages: f.pages,
            new: f.new,
            merged: f.merged,
            rejected: f.rejected,
          })),
          new: report.new,
          merged: report.merged,
          updated: report.updated,
          rejected: report.rejected,
          aborted: report.aborted,
        }
        if (report.rejected > 0 || result.feeds.some((f) => f.status === 'failed'))
          logger.warn(
            {
              ...summary,
              problems: report.issues
                .filter((i) => i.severity === 'rejected')
                .slice(0, 20)
                .map((i) => i.message),
            },
            'scheduled sync finished with problems',
          )
        else logger.info(summary, 'scheduled sync finished')
      }
      onRun?.(result)
    } catch (err) {
      logger.error({ run: n, err }, 'scheduled sync failed')
      onRun?.({ error: (err as Error).message })
    } finally {
      controller = null
    }
  }

  // What a run stored is analysed incrementally (a full fit when no model is stored yet), like after an import,
  // on a worker thread: a refit must not stop the server from answering.
  const analyzeAfterSync = async (s: PaperStore): Promise<void> => {
    const { report: analysis } = await analyzeNewPapersOffThread(s)
    logger.info(
      { mode: analysis.mode, reason: analysis.reason, analyzed: analysis.analyzed, ms: analysis.ms.total },
      'analysed the synced papers',
    )
  }

  let job: Cron
  try {
    job = new Cron(
      pattern,
      {
        protect: (self) =>
          logger.warn(
            { schedule: pattern, runningSince: self.currentRun()?.toISOString() },
            'scheduled sync skipped: the last run is still going',
          ),
        catch: (err) => logger.error({ err }, 'scheduled sync failed'),
        unref: true,
      },
      () => {
        // croner's `protect` guards the timer; this guards `trigger()` too, which croner runs regardless.
        if (running) {
          logger.warn({ schedule: pattern }, 'scheduled sync skipped: the last run is still going')
          return running
        }
        running = run().finally(() => {
          running = null
        })
        return running
      },
    )
  } catch (err) {
    throw new PaperscopeError(
      'INVALID_ARGUMENT',
      `sync schedule "${pattern}" is not a cron string croner can read: ${(err as Error).message}`,
      {
        field: 'schedule',
        cause: err,
      },
    )
  }
  logger.info({ schedule: pattern, next: job.nextRun()?.toISOString() }, 'sync scheduled')

  return {
    pattern,
    nextRun: () => job.nextRun(),
    trigger: () => job.trigger(),
    async stop() {
      job.stop()
      controller?.abort(new Error('the server is shutting down'))
      await running
    },
  }
}

/**
 * What `paperscope serve`/`start` call: schedules sync when a cron string is set (PAPERSCOPE_SYNC_SCHEDULE,
 * else the config's `schedule`), logging that no schedule is set otherwise; null then. A bad config or cron
 * string is logged and the server runs without the schedule rather than not at all.
 * @example const sync = await startScheduledSync(store, { cwd, env, logger }); ...; await sync?.stop()
 */
export async function startScheduledSync(
  store: PaperStore,
  options: SyncScheduleOptions,
): Promise<SyncSchedule | null> {
  try {
    const pattern = await findSyncSchedule(options)
    if (!pattern) {
      options.logger.debug(
        {},
        'no sync schedule (set PAPERSCOPE_SYNC_SCHEDULE or the config file\'s "schedule")',
      )
      return null
    }
    return startSyncSchedule(store, pattern, options)
  } catch (err) {
    options.logger.error({ err }, `scheduled sync is off: ${(err as Error).message}`)
    return null
  }
}
