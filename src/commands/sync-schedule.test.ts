/**
 * Scheduled sync against the recorded payloads on a 127.0.0.1 server: a schedule set every second runs the
 * configured feeds into a real library, a run never overlaps another, and `stop()` ends it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startFixtureServer, type FixtureServer } from '../../test/support/fixture-server.js'
import { createTempStore, type TempStore } from '../../test/support/temp-store.js'
import {
  findSyncSchedule,
  startScheduledSync,
  startSyncSchedule,
  type RunSyncResult,
  type ScheduleLogger,
} from './index.js'

let server: FixtureServer
let dir: string
let temp: TempStore

beforeAll(async () => {
  server = await startFixtureServer()
  dir = mkdtempSync(join(tmpdir(), 'paperscope-schedule-'))
})
afterAll(async () => {
  await server.close()
  rmSync(dir, { recursive: true, force: true })
})
beforeEach(async () => {
  server.reset()
  server.route('/api/query?start=0', { file: 'arxiv/paging_cs.LG_page1_start0_of5.xml' })
  server.route('/api/query?start=3', { file: 'arxiv/paging_cs.LG_page2_start3_of5.xml' })
  temp = await createTempStore()
})
afterEach(() => temp.cleanup())

function writeConfig(extra: object = {}): string {
  const path = join(dir, 'paperscope.config.json')
  writeFileSync(
    path,
    JSON.stringify({
      sources: { arxiv: { baseUrl: `${server.baseUrl}/api/query`, minIntervalMs: 0 } },
      feeds: [
        { id: 'arxiv-ml', source: 'arxiv', categories: ['cs.LG'], words: ['transformer'], pageSize: 3 },
      ],
      ...extra,
    }),
  )
  return path
}

function recordingLogger(): ScheduleLogger & {
  lines: Array<{ level: string; msg: string; fields: object }>
} {
  const lines: Array<{ level: string; msg: string; fields: object }> = []
  const at =
    (level: string) =>
    (fields: object, msg = ''): void => {
      lines.push({ level, msg, fields })
    }
  return { lines, info: at('info'), warn: at('warn'), debug: at('debug'), error: at('error') }
}

describe('scheduled sync', () => {
  it('runs the configured feeds on a cron schedule (every second) into the library, and stops', async () => {
    writeConfig()
    const logger = recordingLogger()
    const runs: Array<RunSyncResult | { error: string }> = []
    const firstRun = new Promise<void>((done) => {
      const schedule = startSyncSchedule(temp.store, '* * * * * *', {
        cwd: dir,
        env: {},
        logger,
        onRun: (result) => {
          runs.push(result)
          void schedule.stop().then(done)
        },
      })
      expect(schedule.nextRun()!.getTime() - Date.now()).toBeLessThanOrEqual(1000)
    })
    await firstRun
    expect(runs).toHaveLength(1)
    // The new papers were analysed after the sync (a full fit: no model was stored yet).
    expect(runs[0]).toMatchObject({ configured: true, report: { new: 5 }, afterSync: 'ran' })
    expect((await temp.store.libraryStats()).papers).toBe(5)
    expect(server.requestsTo('/api/query')).toHaveLength(2)
    expect(logger.lines.map((l) => l.msg)).toEqual(
      expect.arrayContaining([
        'sync scheduled',
        'scheduled sync started',
        'synced page',
        'analysed the synced papers',
        'scheduled sync finished',
      ]),
    )
    expect(logger.lines.find((l) => l.msg === 'scheduled sync finished')!.fields).toMatchObject({
      run: 1,
      new: 5,
      feeds: [{ feed: 'arxiv-ml', status: 'done', pages: 2, new: 5 }],
    })
  })

  it('never runs two syncs at once, and stop() waits for the run in progress', async () => {
    writeConfig()
    server.route('/api/query?start=0', { file: 'arxiv/paging_cs.LG_page1_start0_of5.xml', delayMs: 300 })
    const logger = recordingLogger()
    const runs: unknown[] = []
    const schedule = startSyncSchedule(temp.store, '0 0 1 1 *', {
      cwd: dir,
      env: {},
      logger,
      onRun: (r) => runs.push(r),
    })
    const first = schedule.trigger()
    const second = schedule.trigger()
    await Promise.all([first, second])
    expect(runs).toHaveLength(1)
    expect(logger.lines.map((l) => l.msg)).toContain('scheduled sync skipped: the last run is still going')
    expect(server.requestsTo('/api/query').filter((r) => r.query.get('start') === '0')).toHaveLength(1)

    // A run in progress when the server shuts down stops after its current page; stop() waits for it.
    server.reset()
    server.route('/api/query?start=0', { file: 'arxiv/paging_cs.LG_page1_start0_of5.xml', delayMs: 300 })
    const third = schedule.trigger()
    await new Promise((r) => setTimeout(r, 50))
    await schedule.stop()
    await third
    expect(runs).toHaveLength(2)
    expect(runs[1]).toMatchObject({ configured: true, report: { aborted: true } })
  })

  it('takes the schedule from PAPERSCOPE_SYNC_SCHEDULE, else the config file; none means no schedule', async () => {
    const config = writeConfig({ schedule: '0 6 * * *' })
    expect(await findSyncSchedule({ cwd: dir, env: {} })).toBe('0 6 * * *')
    expect(await findSyncSchedule({ cwd: dir, env: { PAPERSCOPE_SYNC_SCHEDULE: '*/5 * * * *' } })).toBe(
      '*/5 * * * *',
    )
    const empty = mkdtempSync(join(dir, 'empty-'))
    expect(await findSyncSchedule({ cwd: empty, env: {} })).toBeNull()
    expect(
      await startScheduledSync(temp.store, { cwd: empty, env: {}, logger: recordingLogger() }),
    ).toBeNull()

    const logger = recordingLogger()
    const bad = await startScheduledSync(temp.store, {
      cwd: dir,
      env: { PAPERSCOPE_CONFIG: config, PAPERSCOPE_SYNC_SCHEDULE: 'every day' },
      logger,
    })
    expect(bad).toBeNull()
    expect(logger.lines.find((l) => l.level === 'error')!.msg).toMatch(
      /^scheduled sync is off: sync schedule "every day" is not a cron string croner can read/,
    )
    const good = await startScheduledSync(temp.store, { cwd: dir, env: {}, logger })
    expect(good!.pattern).toBe('0 6 * * *')
    await good!.stop()
    expect(server.requests).toEqual([])
  })
})
