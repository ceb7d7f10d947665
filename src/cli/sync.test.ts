/**
 * `paperscope sync` end to end through the CLI: a config file pointing every source's base URL at a
 * 127.0.0.1 server that serves the recorded payloads in test/fixtures, a real library file, and the exit
 * codes and output a user sees. Also a sync killed halfway (a real child process, SIGKILL) that the next
 * run resumes from its cursors.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { isAbsolute, join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { openStore, type PaperStore } from '../store/index.js'
import { startFixtureServer, type FixtureServer } from '../../test/support/fixture-server.js'
import { runCliCaptured, type CliRun } from '../../test/support/run-cli.js'

const ROOT = resolve(import.meta.dirname, '../..')
const NOW = new Date('2026-06-12T09:00:00Z')
const OA_CURSOR_2 = 'IlsxNjA5MzcyODAwMDAwLCAnaHR0cHM6Ly9vcGVuYWxleC5vcmcvVzQzOTM5MzU0MjUnXSI='
const OA_CURSOR_3 = 'IlsxNTE4NDgwMDAwMDAwLCAnaHR0cHM6Ly9vcGVuYWxleC5vcmcvVzI3NDE4MDk4MDcnXSI='

let server: FixtureServer
let dir: string

beforeAll(async () => {
  server = await startFixtureServer()
  dir = mkdtempSync(join(tmpdir(), 'paperscope-sync-cli-'))
})
afterAll(async () => {
  await server.close()
  rmSync(dir, { recursive: true, force: true })
})
beforeEach(() => server.reset())

function cli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliRun> {
  return runCliCaptured(args, { cwd: dir, ...options, now: NOW })
}

function serveRecordedFeeds(oaPage2Delay = 0): void {
  server.route('/api/query?start=0', { file: 'arxiv/paging_cs.LG_page1_start0_of5.xml' })
  server.route('/api/query?start=3', { file: 'arxiv/paging_cs.LG_page2_start3_of5.xml' })
  server.route('/oa/works?cursor=*', { file: 'openalex/works_cursor_page1_next_cursor.json' })
  server.route(`/oa/works?cursor=${OA_CURSOR_2}`, {
    file: 'openalex/works_cursor_page2_next_cursor.json',
    ...(oaPage2Delay ? { delayMs: oaPage2Delay } : {}),
  })
  server.route(`/oa/works?cursor=${OA_CURSOR_3}`, { file: 'openalex/works_cursor_page3_end_null_cursor.json' })
  server.route('/hf/daily_papers', { body: '[]', contentType: 'application/json' })
  server.route('/hf/daily_papers?date=2026-06-12&p=0', { file: 'huggingface/daily_papers_2026-06-12_limit20_p0.json' })
  server.route('/hf/daily_papers?date=2026-06-12&p=1', { file: 'huggingface/daily_papers_2026-06-12_limit20_p1.json' })
}

const FEEDS = [
  { id: 'arxiv-ml', source: 'arxiv', categories: ['cs.LG'], words: ['transformer'], pageSize: 3 },
  { id: 'oa-scientometrics', source: 'openalex', kind: 'works', filter: 'topics.id:T10102', perPage: 2 },
  { id: 'hf-daily', source: 'huggingface', since: '2026-06-12', pageSize: 20 },
]

/** A config file whose sources all point at the fixture server (a mirror: no published rate limit). */
function writeConfig(name: string, feeds: unknown[] = FEEDS): string {
  const mirror = (path: string) => ({ baseUrl: `${server.baseUrl}${path}`, minIntervalMs: 0 })
  const path = isAbsolute(name) ? name : join(dir, name)
  writeFileSync(
    path,
    JSON.stringify({
      contact: 'radar@example.org',
      sources: { arxiv: mirror('/api/query'), openalex: mirror('/oa'), huggingface: mirror('/hf') },
      feeds,
    }),
  )
  return path
}

/** A summary's issues as one line each: wrapped at 80 columns, each goes on under its URL or feed, 4 in. */
const unwrapped = (text: string): string => text.replace(/\n {4}/g, ' ')

interface JsonSummary {
  configured: boolean
  feeds: Array<{ feed: string; status: string; pages: number; new: number; merged: number; rejected: number; cursor: string | null }>
  totals: { new: number; merged: number; updated: number; unchanged: number; rejected: number }
  repeatedWarnings: number
  issues: Array<{ severity: string; message: string }>
}

async function snapshot(db: string) {
  const store: PaperStore = await openStore({ path: db })
  try {
    const { items } = await store.listPapers({ sort: 'title', limit: 200 })
    return {
      stats: await store.libraryStats(),
      papers: items.map((p) => ({ id: p.id, title: p.title, ids: p.ids, authors: p.authors.map((a) => a.name), citationCount: p.citationCount })),
    }
  } finally {
    await store.close()
  }
}

describe('paperscope sync', () => {
  it('says that nothing is configured, and how to configure a feed, without fetching anything', async () => {
    const empty = mkdtempSync(join(dir, 'empty-'))
    const result = await cli(['--db', join(empty, 'library.db'), 'sync'], { cwd: empty })
    expect(result.code).toBe(0)
    expect(result.out).toContain('Nothing to sync: no sync config')
    expect(result.out).toContain('paperscope.config.json')
    expect(result.out).toContain('"source": "arxiv"')
    expect(server.requests).toEqual([])

    const noFeeds = join(empty, 'paperscope.config.json')
    writeFileSync(noFeeds, JSON.stringify({ feeds: [] }))
    const json = await cli(['--db', join(empty, 'library.db'), 'sync', '--json'], { cwd: empty })
    expect(json.code).toBe(0)
    expect(JSON.parse(json.out)).toMatchObject({ configured: false, configPath: noFeeds, reason: `${noFeeds} lists no feeds` })
    expect(server.requests).toEqual([])
    // A config that cannot be read fails, as before; none of the three made a library file.
    writeFileSync(noFeeds, '{ "feeds": [ ')
    expect((await cli(['--db', join(empty, 'library.db'), 'sync'], { cwd: empty })).code).toBe(1)
    expect(existsSync(join(empty, 'library.db'))).toBe(false)
  })

  it('says how many researcher profiles an author feed brought, which the papers table has no column for', async () => {
    server.route('/oa/authors/A5023888391', { file: 'openalex/author_A5023888391.json' })
    const config = writeConfig('profiles.json', [{ id: 'oa-saxe', source: 'openalex', kind: 'authors', ids: ['A5023888391'] }])
    const run = await cli(['--db', join(dir, 'profiles.db'), 'sync', '--config', config])
    expect(run.code).toBe(0)
    expect(run.out).toContain('author profiles new or changed: oa-saxe 1 of people\n')
    const json = await cli(['--db', join(dir, 'profiles.db'), 'sync', '--config', config, '--json'])
    expect(JSON.parse(json.out).totals).toMatchObject({ profiles: 0, candidateProfiles: 0, new: 0 })
  })

  it("counts an author search's hits as candidate profiles, apart from people's, as stats does", async () => {
    // Semantic Scholar's recorded answers, served where the feed asks: Turing's profile, then a search for 'turing'
    // (59 hits: an id and a name each, Turing himself among them).
    const config = join(dir, 's2-authors.json')
    const feed = (id: string) => ({ id, source: 'semantic-scholar', kind: 'authors', ids: ['2262347'] })
    writeFileSync(
      config,
      JSON.stringify({ contact: 'radar@example.org', sources: { 'semantic-scholar': { baseUrl: `${server.baseUrl}/s2`, minIntervalMs: 0 } }, feeds: [feed('s2-turing'), feed('s2-search')] }),
    )
    const db = join(dir, 's2-authors.db')
    const sync = async (id: string, file: string, json: boolean) => {
      server.reset()
      server.route('POST /s2/author/batch', { file: `semanticscholar/${file}` })
      return cli(['--db', db, 'sync', '--no-analyze', '--config', config, '--feed', id, ...(json ? ['--json'] : [])])
    }
    const turing = await sync('s2-turing', 'author_detail_2262347_with_papers_hindex.json', false)
    expect(turing.out).toContain('author profiles new or changed: s2-turing 1 of people\n')
    // The same answer again changes nothing; the search's 58 others are candidates (Turing's hit leaves his profile be).
    const search = JSON.parse((await sync('s2-search', 'author_search_turing.json', true)).out) as { totals: Record<string, number>; feeds: Array<Record<string, unknown>> }
    expect(search.totals).toMatchObject({ profiles: 58, candidateProfiles: 58 })
    expect(search.feeds.map((f) => [f.feed, f.profiles, f.candidateProfiles])).toEqual([['s2-search', 58, 58]])
    const stats = (await cli(['--db', db, 'stats'])).out
    expect(stats).toMatch(/^author profiles of people +1$/m)
    expect(stats).toMatch(/^candidate profiles \(search hits, no person yet\) +58$/m)
    // Said in the text too, in stats' words; a second library, as the first has them now.
    const fresh = join(dir, 's2-authors-text.db')
    server.reset()
    server.route('POST /s2/author/batch', { file: 'semanticscholar/author_search_turing.json' })
    const text = await cli(['--db', fresh, 'sync', '--no-analyze', '--config', config, '--feed', 's2-search'])
    // Read first, Turing's own hit is a candidate too: no paper has given a person his id.
    expect(text.out.replace(/\s+/g, ' ')).toContain('author profiles new or changed: s2-search 59 candidate profiles (search hits, no person yet)')
  })

  it('fails clearly when the config named by --config or PAPERSCOPE_CONFIG does not exist', async () => {
    const flag = await cli(['--db', join(dir, 'missing.db'), 'sync', '--config', 'nope.json'])
    expect(flag.code).toBe(1)
    expect(flag.err).toMatch(/error \[INVALID_ARGUMENT\]: the sync config .*nope\.json \(from --config\) does not exist/)
    const env = await cli(['--db', join(dir, 'missing.db'), 'sync'], { env: { PAPERSCOPE_CONFIG: 'gone.json' } })
    expect(env.code).toBe(1)
    expect(env.err).toContain('(from PAPERSCOPE_CONFIG) does not exist')
  })

  it('syncs the configured feeds with progress on stderr and a summary on stdout; a second run adds nothing', async () => {
    serveRecordedFeeds()
    const config = writeConfig('feeds.json')
    const db = join(dir, 'twice.db')
    const first = await cli(['--db', db, 'sync', '--config', config])
    expect(first.code).toBe(0)
    expect(first.err).toContain('arxiv-ml: page 1: 3 new, 0 merged')
    expect(first.err).toContain('oa-scientometrics: page 3:')
    expect(first.out).toMatch(/^config: .*feeds\.json\nfeed +status +pages +read +new +merged +updated +unchanged +rejected\n/)
    expect(first.out).toMatch(/\narxiv-ml +done +2 +5 +5 +0 +0 +0 +0\n/)
    // A feed id too long for the room the counts leave it has a line of its own, its counts under it.
    expect(first.out).toMatch(/\noa-scientometrics\n +done +3 +3 +3 +/)
    expect(first.out).toMatch(/\nhf-daily +done +2 +30 +30 +/)
    // Each feed's source and cursor under the table, as --json gives the cursor.
    expect(first.out).toMatch(/\nwhere each feed resumes next time:\n {2}arxiv-ml \(arxiv\): \{"from":"\d{12}",[^\n]*\}\n {2}oa-scientometrics \(openalex\): \{[^\n]+\n {2}hf-daily \(huggingface\): \{"date":"2026-06-10","page":0\}\n/)
    // 80 columns, as every command (sync's table was 135 and its warnings 288): only a word longer than a line,
    // a page's URL, goes past them, on a line of its own.
    for (const line of first.out.split('\n').filter((l) => !/^ *\S+$/.test(l))) expect([...line].length, line).toBeLessThanOrEqual(80)
    // What the sync stored was analysed afterwards, as after an import.
    expect(first.out).toMatch(/\nanalysis: (fitted the models|analysed \d+ new or changed papers)/)
    expect(first.out).toContain('\nwarnings (4):\n')
    // The User-Agent names the app and the contact from the config.
    expect(server.requests[0]!.headers['user-agent']).toMatch(/^Paperscope\/[\d.]+ \(\+https:\/\/\S+; mailto:radar@example\.org\)$/)
    const after = await snapshot(db)
    expect(after.stats.papers).toBeGreaterThan(30)

    server.reset()
    serveRecordedFeeds()
    const second = await cli(['--db', db, 'sync', '--config', config, '--json'])
    expect(second.code).toBe(0)
    const summary = JSON.parse(second.out) as JsonSummary
    expect(summary.totals).toMatchObject({ new: 0, merged: 0, updated: 0, rejected: 0 })
    expect(summary).toMatchObject({ analysis: null }) // nothing new: nothing to analyse
    expect(summary.feeds.map((f) => [f.feed, f.status])).toEqual([
      ['arxiv-ml', 'done'],
      ['oa-scientometrics', 'done'],
      ['hf-daily', 'done'],
    ])
    for (const f of summary.feeds) expect(f.cursor).toEqual(expect.any(String))
    // The OpenAlex page came again unchanged: its four warnings are counted, not listed again.
    expect(summary.issues.filter((i) => i.severity === 'warning')).toEqual([])
    expect(summary.repeatedWarnings).toBe(4)
    expect(await snapshot(db)).toEqual(after)
  })

  it('honours --source and --feed, and finds ./paperscope.config.json or PAPERSCOPE_CONFIG by itself', async () => {
    serveRecordedFeeds()
    const cwd = mkdtempSync(join(dir, 'cwd-'))
    writeConfig(join(cwd, 'paperscope.config.json'))
    const bySource = await cli(['--db', join(cwd, 'a.db'), 'sync', '--source', 'openalex', '--json'], { cwd })
    expect(JSON.parse(bySource.out).feeds.map((f: { feed: string }) => f.feed)).toEqual(['oa-scientometrics'])
    const byFeed = await cli(['--db', join(cwd, 'b.db'), 'sync', '--feed', 'arxiv-ml', '--json'], {
      cwd: dir,
      env: { PAPERSCOPE_CONFIG: join(cwd, 'paperscope.config.json') },
    })
    expect(JSON.parse(byFeed.out).feeds.map((f: { feed: string }) => f.feed)).toEqual(['arxiv-ml'])
  })

  it('says on stderr when it waits to retry, and for how long', async () => {
    serveRecordedFeeds()
    server.route('/api/query?start=0', { status: 503, headers: { 'retry-after': '1' } }, { file: 'arxiv/paging_cs.LG_page1_start0_of5.xml' })
    const config = writeConfig('retry.json', [FEEDS[0]])
    const result = await cli(['--db', join(dir, 'retry.db'), 'sync', '--config', config])
    expect(result.code).toBe(0)
    expect(result.err).toMatch(/^arxiv: retrying request in 1 s \(HTTP 503\), attempt 2 {2}http:\/\/127\.0\.0\.1:\d+\/api\/query\?\S*start=0/m)
    expect(result.err).toContain('arxiv-ml: page 1: 3 new')
  })

  it('exits 2 and names the reason when a page is rejected, keeping what it stored', async () => {
    server.route('/api/query?start=0', { file: 'arxiv/paging_cs.LG_page1_start0_of5.xml' })
    server.route('/api/query?start=3', { body: '<feed><entry>cut' })
    const config = writeConfig('broken.json', [FEEDS[0]])
    const result = await cli(['--db', join(dir, 'broken.db'), 'sync', '--config', config])
    expect(result.code).toBe(2)
    expect(result.out).toMatch(/\narxiv-ml +failed +1 +3 +3 /)
    expect(unwrapped(result.out)).toMatch(/rejected \(1\):\n {2}\S+ \[PARSE_FAILED\] feed arxiv-ml: arxiv: cannot read the page .*invalid XML/)
    // Told once, in the summary, not also on stderr as it happens.
    expect(result.err).not.toContain('feed failed')
    expect(result.err).not.toContain('cannot read the page')
  })

  it('reports a locked library as STORE_FAILED for each feed, without a stack trace, tries every feed and exits 2', async () => {
    serveRecordedFeeds()
    const db = join(dir, 'locked.db')
    await (await openStore({ path: db })).close()
    // Another process holds the write lock for the whole run.
    const holder = new Database(db)
    holder.exec('BEGIN EXCLUSIVE')
    try {
      const result = await cli(['--db', db, 'sync', '--config', writeConfig('locked.json', [FEEDS[0], FEEDS[2]])])
      expect(result.code).toBe(2)
      expect(result.err).not.toMatch(/SqliteError|\n\s+at /)
      expect(result.out).toMatch(/\narxiv-ml +failed +0 /)
      expect(result.out).toMatch(/\nhf-daily +failed +0 /)
      expect(unwrapped(result.out)).toMatch(
        /rejected \(2\):\n {2}feed arxiv-ml \[STORE_FAILED\] feed arxiv-ml: cannot store page 1 \(.*\): database is locked; that batch was rolled back; the feed resumes from its cursor next time\n/,
      )
    } finally {
      holder.close()
    }
  }, 30_000)

  it('exits 1 for a --feed the config does not list, naming it and the configured feeds', async () => {
    serveRecordedFeeds()
    const result = await cli(['--db', join(dir, 'nofeed.db'), 'sync', '--config', writeConfig('nofeed.json'), '--feed', 'nope'])
    expect(result.code).toBe(1)
    expect(result.err).toBe('error [INVALID_ARGUMENT]: sync: no feed is called nope (known: arxiv-ml, oa-scientometrics, hf-daily)\n')
    expect(result.out).toBe('')
    expect(server.requests).toEqual([])
  })

  it('exits 1 for a misspelt source name under sources, naming it and the known sources', async () => {
    const path = join(dir, 'misspelt.json')
    writeFileSync(path, JSON.stringify({ sources: { openAlex: { baseUrl: `${server.baseUrl}/oa` } }, feeds: FEEDS }))
    const result = await cli(['--db', join(dir, 'misspelt.db'), 'sync', '--config', path])
    expect(result.code).toBe(1)
    expect(result.err).toMatch(/^error \[INVALID_ARGUMENT\]: .*misspelt\.json: sources\.openAlex: no source is called openAlex \(known: arxiv, .*openalex.*\)\n$/)
    expect(server.requests).toEqual([])
  })

  /** A real `paperscope sync` process, returned once it waits for OpenAlex's second page (the first is stored). */
  async function syncUntilOpenAlexPage2(db: string, config: string) {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', '--db', db, 'sync', '--config', config], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    let err = ''
    child.stdout.on('data', (c: Buffer) => (out += c.toString()))
    child.stderr.on('data', (c: Buffer) => (err += c.toString()))
    const exited = new Promise<NodeJS.Signals | number | null>((done) => child.on('exit', (code, signal) => done(signal ?? code)))
    const deadline = Date.now() + 60_000
    while (!server.requests.some((r) => r.path === '/oa/works' && r.query.get('cursor') === OA_CURSOR_2)) {
      if (Date.now() > deadline) throw new Error(`the sync never reached OpenAlex page 2: ${err}`)
      await new Promise((r) => setTimeout(r, 50))
    }
    return { child, exited, out: () => out, err: () => err }
  }

  it('exits 130 when Ctrl+C stops it halfway, after saying so, so a scheduler can tell', async () => {
    serveRecordedFeeds(60_000)
    const run = await syncUntilOpenAlexPage2(join(dir, 'interrupted.db'), writeConfig('interrupted.json', FEEDS.slice(0, 2)))
    run.child.kill('SIGINT')
    expect(await run.exited).toBe(130)
    expect(run.err()).toContain('stopping after the page being written')
    expect(run.out()).toContain('stopped before the end')
    // It ends at once: what it stored is analysed by the next import, sync or analyze.
    expect(run.out()).not.toMatch(/^analysis:/m)
  }, 90_000)

  it('stops the analysis after a sync at once on Ctrl+C, with what the sync stored kept and nothing of the analysis', async () => {
    // The corpus library: the papers a sync brings make it fit its models again, which takes seconds.
    const db = join(dir, 'analysing.db')
    // Exit 2: the corpus has one entry it rejects, by design.
    expect((await cli(['--db', db, 'import', join(ROOT, 'data/corpus'), '--no-analyze'])).code).toBe(2)
    expect((await cli(['--db', db, 'analyze'])).code).toBe(0)
    serveRecordedFeeds()
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', '--db', db, 'sync', '--config', writeConfig('analysing.json', FEEDS.slice(0, 1))], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let err = ''
    child.stderr.on('data', (c: Buffer) => (err += c.toString()))
    const exited = new Promise<NodeJS.Signals | number | null>((done) => child.on('exit', (code, signal) => done(signal ?? code)))
    const deadline = Date.now() + 60_000
    while (!err.includes('analysing what the sync stored')) {
      if (Date.now() > deadline) throw new Error(`the analysis never started: ${err}`)
      await new Promise((r) => setTimeout(r, 20))
    }
    child.kill('SIGINT')
    // Ended by the signal itself (a shell reports 130), not after the analysis.
    expect(await exited).toBe('SIGINT')
    // The papers the sync stored are there, not analysed (no vectors): the next import, sync or analyze takes them.
    const store = await openStore({ path: db })
    try {
      const papers = (await store.libraryStats()).papers
      expect([papers > 570, (await store.analysis.listVectors()).length]).toEqual([true, 570])
    } finally {
      await store.close()
    }
  }, 120_000)

  it('resumes a sync killed halfway from its cursors and ends with the same library as an uninterrupted run', async () => {
    const feeds = FEEDS.slice(0, 2)
    serveRecordedFeeds()
    const wholeDb = join(dir, 'whole.db')
    expect((await cli(['--db', wholeDb, 'sync', '--config', writeConfig('whole.json', feeds)])).code).toBe(0)
    const expected = await snapshot(wholeDb)

    // A real process, killed with SIGKILL while it waits for OpenAlex's second page (the first is stored).
    server.reset()
    serveRecordedFeeds(60_000)
    const killedDb = join(dir, 'killed.db')
    const config = writeConfig('killed.json', feeds)
    const run = await syncUntilOpenAlexPage2(killedDb, config)
    run.child.kill('SIGKILL')
    expect(await run.exited).toBe('SIGKILL')
    expect(run.err()).toContain('oa-scientometrics: page 1:')
    expect(run.err()).not.toContain('oa-scientometrics: page 2:')

    server.reset()
    serveRecordedFeeds()
    const resumed = await cli(['--db', killedDb, 'sync', '--config', config, '--json'])
    expect(resumed.code).toBe(0)
    // arXiv looked only for what is new since its watermark; OpenAlex went on from page 2, not from the start.
    expect(server.requestsTo('/oa/works').map((r) => r.query.get('cursor'))).toEqual([OA_CURSOR_2, OA_CURSOR_3])
    const summary = JSON.parse(resumed.out) as JsonSummary
    expect(summary.feeds.find((f) => f.feed === 'oa-scientometrics')).toMatchObject({ pages: 2, new: 1 })
    expect(await snapshot(killedDb)).toEqual(expected)
  }, 90_000)
})
