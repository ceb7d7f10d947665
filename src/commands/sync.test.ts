/**
 * `paperscope sync` end to end: the real sources, the real HTTP client and a real SQLite library, against
 * recorded payloads on a 127.0.0.1 server (the sources come from ingest's registry; sync.ts itself only sees
 * the structural `SyncSource` shape).
 *
 * The three-source paper uses two payloads we wrote (see test/fixtures/SOURCES.md): an OpenAlex work and a
 * Hugging Face daily list for arXiv 2606.13677, whose arXiv entry is recorded.
 */
import Database from 'better-sqlite3'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  analyzeNewPapers,
  createAnalysisReader,
  parseSyncConfig,
  syncFeeds,
  type SyncConfig,
  type SyncOptions,
} from './index.js'
import { SYNC_SOURCE_NAMES } from './sync.js'
import { syncRateLimits } from './run-sync.js'
import type { PaperStore } from '../store/index.js'
import {
  createFakeClock,
  startFixtureServer,
  type FakeClock,
  type FixtureServer,
} from '../../test/support/fixture-server.js'
import { createTempStore, type TempStore } from '../../test/support/temp-store.js'
import { SOURCES, createHttpClient, sourceRateLimits } from '../ingest/index.js'

const OA_CURSOR_2 = 'IlsxNjA5MzcyODAwMDAwLCAnaHR0cHM6Ly9vcGVuYWxleC5vcmcvVzQzOTM5MzU0MjUnXSI='
const OA_CURSOR_3 = 'IlsxNTE4NDgwMDAwMDAwLCAnaHR0cHM6Ly9vcGVuYWxleC5vcmcvVzI3NDE4MDk4MDcnXSI='

let server: FixtureServer
let clock: FakeClock
const stores: TempStore[] = []

beforeAll(async () => {
  server = await startFixtureServer()
})
afterAll(() => server.close())
beforeEach(() => {
  server.reset()
  clock = createFakeClock(Date.UTC(2026, 5, 12, 9))
})
afterEach(async () => {
  for (const t of stores.splice(0)) await t.cleanup()
})

async function newStore(): Promise<PaperStore> {
  const t = await createTempStore()
  stores.push(t)
  return t.store
}

/** Every route answers by its query, so a resumed sync gets the page it asks for. */
function serveRecordedFeeds(): void {
  server.route('/api/query?start=0', { file: 'arxiv/paging_cs.LG_page1_start0_of5.xml' })
  server.route('/api/query?start=3', { file: 'arxiv/paging_cs.LG_page2_start3_of5.xml' })
  server.route('/oa/works?cursor=*', { file: 'openalex/works_cursor_page1_next_cursor.json' })
  server.route(`/oa/works?cursor=${OA_CURSOR_2}`, { file: 'openalex/works_cursor_page2_next_cursor.json' })
  server.route(`/oa/works?cursor=${OA_CURSOR_3}`, {
    file: 'openalex/works_cursor_page3_end_null_cursor.json',
  })
  server.route('POST /s2/paper/batch', {
    file: 'semanticscholar/paper_batch_full_fields_with_null_entry.json',
  })
  server.route('/hf/daily_papers', { body: '[]', contentType: 'application/json' })
  server.route('/hf/daily_papers?date=2026-06-12&p=0', {
    file: 'huggingface/daily_papers_2026-06-12_limit20_p0.json',
  })
  server.route('/hf/daily_papers?date=2026-06-12&p=1', {
    file: 'huggingface/daily_papers_2026-06-12_limit20_p1.json',
  })
}

function config(feeds: unknown[]): SyncConfig {
  return parseSyncConfig(
    JSON.stringify({
      contact: 'radar@example.org',
      sources: {
        arxiv: { baseUrl: `${server.baseUrl}/api/query` },
        openalex: { baseUrl: `${server.baseUrl}/oa` },
        'semantic-scholar': { baseUrl: `${server.baseUrl}/s2`, apiKey: 'from-config' },
        huggingface: { baseUrl: `${server.baseUrl}/hf` },
      },
      feeds,
    }),
    'paperscope.json',
  )
}

const FEEDS = [
  { id: 'arxiv-ml', source: 'arxiv', categories: ['cs.LG'], words: ['transformer'], pageSize: 3 },
  { id: 'oa-scientometrics', source: 'openalex', kind: 'works', filter: 'topics.id:T10102', perPage: 2 },
  {
    id: 's2-enrich',
    source: 'semantic-scholar',
    kind: 'papers',
    ids: ['10.2139/ssrn.000', '10.2139/ssrn.288970', '10.2139/ssrn.2250500', '10.1086/000'],
  },
  { id: 'hf-daily', source: 'huggingface', since: '2026-06-12', pageSize: 20 },
]

function options(extra: Partial<SyncOptions> = {}): SyncOptions {
  return {
    sources: SOURCES,
    http: createHttpClient({
      fetch,
      now: clock.now,
      sleep: clock.sleep,
      userAgent: 'Paperscope/test',
      rateLimits: sourceRateLimits(),
    }),
    now: clock.now,
    ...extra,
  }
}

async function snapshot(store: PaperStore) {
  const stats = await store.libraryStats()
  const { items } = await store.listPapers({ sort: 'title', limit: 500 })
  return {
    stats,
    papers: items.map((p) => ({
      id: p.id,
      title: p.title,
      ids: p.ids,
      authors: p.authors.map((a) => a.name),
      date: p.date,
      citationCount: p.citationCount,
      upvotes: p.upvotes,
      sourceCount: p.sourceCount,
    })),
  }
}

describe('syncFeeds', () => {
  it('fetches nothing when no feed is configured', async () => {
    const store = await newStore()
    const report = await syncFeeds(store, config([]), options())
    expect(report).toMatchObject({ feeds: [], new: 0, aborted: false })
    expect(server.requests).toEqual([])
  })

  it('syncs every feed page by page into one library, and a second sync adds nothing', async () => {
    serveRecordedFeeds()
    const store = await newStore()
    const first = await syncFeeds(store, config(FEEDS), options())
    expect(first.feeds.map((f) => [f.feed, f.status, f.pages])).toEqual([
      ['arxiv-ml', 'done', 2],
      ['oa-scientometrics', 'done', 3],
      ['s2-enrich', 'done', 1],
      ['hf-daily', 'done', 2],
    ])
    expect(first.new + first.merged).toBe(5 + 3 + 3 + 30)
    expect(first.issues.filter((i) => i.severity === 'rejected')).toEqual([])
    // The S2 batch had one unknown id (a null entry): a warning, not a failure.
    expect(first.issues.filter((i) => i.severity === 'warning').map((i) => i.message).filter((m) => m.includes('batch entry'))).toEqual([
      'semantic-scholar: batch entry 1 is null: Semantic Scholar does not know DOI:10.2139/ssrn.000, the id asked for at that position',
    ])
    expect(server.requestsTo('/s2/paper/batch')[0]!.headers['x-api-key']).toBe('from-config')
    const after = await snapshot(store)

    const second = await syncFeeds(store, config(FEEDS), options())
    expect(second).toMatchObject({ new: 0, merged: 0, updated: 0, rejected: 0 })
    expect(second.unchanged).toBe(first.new + first.merged)
    expect(await snapshot(store)).toEqual(after)
    // The warnings of pages that changed nothing were shown the first time; the second run counts them only.
    const firstWarnings = first.issues.filter((i) => i.severity === 'warning').length
    expect(first.repeatedWarnings).toBe(0)
    expect(second.issues.filter((i) => i.severity === 'warning')).toEqual([])
    expect(second.repeatedWarnings).toBe(firstWarnings)
    // The second run started from the watermarks: arXiv and HF looked back a few days, OpenAlex a week.
    expect(
      server
        .requestsTo('/hf/daily_papers')
        .slice(2)
        .map((r) => r.query.get('date')),
    ).toEqual(['2026-06-10', '2026-06-11', '2026-06-12', '2026-06-12'])
  })

  it('resumes a sync aborted halfway from its cursors and ends with the same library as an uninterrupted one', async () => {
    serveRecordedFeeds()
    const whole = await newStore()
    await syncFeeds(whole, config(FEEDS), options())
    const expected = await snapshot(whole)

    server.reset()
    serveRecordedFeeds()
    const interrupted = await newStore()
    const controller = new AbortController()
    const partial = await syncFeeds(
      interrupted,
      config(FEEDS),
      options({
        signal: controller.signal,
        // Killed after the first page of OpenAlex, in the middle of the second feed.
        onPage: ({ feed, page }) => {
          if (feed === 'oa-scientometrics' && page === 1) controller.abort(new Error('killed'))
        },
      }),
    )
    expect(partial.aborted).toBe(true)
    expect(partial.feeds.map((f) => [f.feed, f.status, f.pages])).toEqual([
      ['arxiv-ml', 'done', 2],
      ['oa-scientometrics', 'aborted', 1],
    ])
    const requestsBefore = server.requests.length

    const resumed = await syncFeeds(interrupted, config(FEEDS), options())
    // OpenAlex went on with its stored cursor (page 2), not from the start.
    const resumedOpenAlex = server.requests.slice(requestsBefore).filter((r) => r.path === '/oa/works')
    expect(resumedOpenAlex.map((r) => r.query.get('cursor'))).toEqual([OA_CURSOR_2, OA_CURSOR_3])
    expect(resumed.feeds.find((f) => f.feed === 'oa-scientometrics')).toMatchObject({ pages: 2, new: 1 })
    expect(await snapshot(interrupted)).toEqual(expected)
  })

  it("makes one paper with three source records from arXiv, then OpenAlex (DOI, citations), then Hugging Face, whose authors' computed h-index and citations count it", async () => {
    server.route('/api/query?start=0', { file: 'arxiv/paging_cs.LG_page1_start0_of5.xml' })
    server.route('/api/query?start=3', { file: 'arxiv/paging_cs.LG_page2_start3_of5.xml' })
    server.route('/oa/works', { file: 'openalex/works_written_arxiv_2606.13677_published_with_doi.json' })
    server.route('/hf/daily_papers', { body: '[]', contentType: 'application/json' })
    server.route('/hf/daily_papers?date=2026-06-12', {
      file: 'huggingface/daily_papers_written_2026-06-12_with_2606.13677.json',
    })
    const store = await newStore()
    const report = await syncFeeds(
      store,
      config([
        FEEDS[0],
        { id: 'oa-robotics', source: 'openalex', kind: 'works', search: 'dexterous manipulation' },
        { id: 'hf-daily', source: 'huggingface', since: '2026-06-12' },
      ]),
      options(),
    )
    expect(report.feeds.map((f) => [f.feed, f.new, f.merged])).toEqual([
      ['arxiv-ml', 5, 0],
      ['oa-robotics', 0, 1],
      ['hf-daily', 0, 1],
    ])
    const id = await store.findPaperIdByExternalId('arxiv', '2606.13677')
    const paper = (await store.getPaper(id!))!
    expect(paper.sources.map((s) => s.source)).toEqual(['arxiv', 'openalex', 'huggingface'])
    expect(paper).toMatchObject({
      title: 'Mana: Dexterous Manipulation of Articulated Tools',
      ids: {
        arxiv: '2606.13677',
        doi: '10.5555/paperscope.mana.2026',
        openalex: 'W9000000001',
        hf: '2606.13677',
      },
      citationCount: 12,
      upvotes: 42,
      listedAt: '2026-06-12',
      date: '2026-06-11',
    })
    expect(paper.authors.map((a) => a.name)).toEqual([
      'Zhao-Heng Yin',
      'Guanya Shi',
      'Pieter Abbeel',
      'C. Karen Liu',
    ])
    const abbeel = (await store.getAuthor(paper.authors[2]!.authorId))!
    expect(abbeel.citationsKnown).toEqual({ papersWithCounts: 1, citations: 12, counts: [12] })
    expect((await store.libraryStats()).papers).toBe(5)

    // The computed researcher metrics (what the API's researcher page shows) count OpenAlex's 12 citations:
    // each author has this one paper with a count, so citations 12 and h-index 1.
    await analyzeNewPapers(store)
    const reader = createAnalysisReader(store)
    for (const author of paper.authors) {
      const metrics = (await reader.authorMetrics(author.authorId))!
      expect(metrics.citations).toMatchObject({ value: 12, known: 1, unknown: 0, lowerBound: false })
      expect(metrics.hIndex).toMatchObject({ value: 1, known: 1 })
      expect(metrics.papers.value).toBe(1)
    }
  })

  it('reports a feed whose source is down and goes on with the next feed', async () => {
    server.route('/api/query', { status: 503, body: 'Service Unavailable' })
    server.route('/hf/daily_papers', { body: '[]', contentType: 'application/json' })
    server.route('/hf/daily_papers?date=2026-06-12', {
      file: 'huggingface/daily_papers_written_2026-06-12_with_2606.13677.json',
    })
    const store = await newStore()
    const report = await syncFeeds(
      store,
      config([FEEDS[0], { id: 'hf-daily', source: 'huggingface', since: '2026-06-12' }]),
      options(),
    )
    expect(report.feeds.map((f) => [f.feed, f.status])).toEqual([
      ['arxiv-ml', 'failed'],
      ['hf-daily', 'done'],
    ])
    expect(report.issues[0]).toMatchObject({ code: 'SOURCE_UNAVAILABLE', severity: 'rejected' })
    expect(report.issues[0]!.message).toMatch(
      /^feed arxiv-ml: arxiv: HTTP 503 from http:\/\/127\.0\.0\.1:\d+\/api\/query\?.* after 5 attempts/,
    )
    expect(await store.getFeedCursor('arxiv-ml')).toBeNull()
    expect(report.new).toBe(1)
  })

  it('names a broken page and keeps the cursor before it, so the next sync tries that page again', async () => {
    server.route('/api/query?start=0', { file: 'arxiv/paging_cs.LG_page1_start0_of5.xml' })
    server.route('/api/query?start=3', { body: '<feed><entry>cut' })
    const store = await newStore()
    const report = await syncFeeds(store, config([FEEDS[0]]), options())
    expect(report.feeds[0]).toMatchObject({ status: 'failed', pages: 1, new: 3 })
    expect(report.issues[0]).toMatchObject({
      code: 'PARSE_FAILED',
      message: expect.stringContaining('invalid XML'),
    })
    const cursor = JSON.parse(JSON.parse((await store.getFeedCursor('arxiv-ml'))!).cursor)
    expect(cursor.start).toBe(3)

    server.route('/api/query?start=3', { file: 'arxiv/paging_cs.LG_page2_start3_of5.xml' })
    const retry = await syncFeeds(store, config([FEEDS[0]]), options())
    expect(retry.feeds[0]).toMatchObject({ status: 'done', pages: 1, new: 2 })
  })

  it('skips feeds with unknown sources or invalid options, naming them, and honours --source and --since', async () => {
    serveRecordedFeeds()
    const store = await newStore()
    const report = await syncFeeds(
      store,
      config([{ id: 'x', source: 'nowhere' }, { id: 'bad', source: 'arxiv', categories: 'cs.LG' }, ...FEEDS]),
      options({ source: 'arxiv', since: '2026-05' }),
    )
    expect(report.feeds.map((f) => [f.feed, f.status])).toEqual([
      ['bad', 'skipped'],
      ['arxiv-ml', 'done'],
    ])
    expect(report.issues[0]!.message).toContain('feed bad: invalid arxiv options: categories:')
    expect(server.requestsTo('/api/query')[0]!.query.get('search_query')).toContain(
      'submittedDate:[202605010000 TO',
    )
  })

  it('continues a feed from its cursor, but starts it over when its options change', async () => {
    const stopAfterFirstPage = () => {
      const controller = new AbortController()
      return options({ signal: controller.signal, onPage: () => controller.abort(new Error('stop')) })
    }
    serveRecordedFeeds()
    const store = await newStore()
    await syncFeeds(store, config([FEEDS[1]]), stopAfterFirstPage())
    await syncFeeds(store, config([FEEDS[1]]), stopAfterFirstPage())
    await syncFeeds(store, config([{ ...FEEDS[1], filter: 'topics.id:T99999' }]), stopAfterFirstPage())
    expect(server.requests.map((r) => [r.query.get('filter'), r.query.get('cursor')])).toEqual([
      ['topics.id:T10102,from_publication_date:2026-06-05', '*'],
      ['topics.id:T10102,from_publication_date:2026-06-05', OA_CURSOR_2],
      ['topics.id:T99999,from_publication_date:2026-06-05', '*'],
    ])
  })

  it('keeps a --since run\'s place apart from the feed\'s: the same --since resumes it, a plain sync goes on from its own', async () => {
    const stopAfterFirstPage = (extra: Partial<SyncOptions> = {}) => {
      const controller = new AbortController()
      return options({ signal: controller.signal, onPage: () => controller.abort(new Error('stop')), ...extra })
    }
    serveRecordedFeeds()
    const store = await newStore()
    const feed = config([FEEDS[1]])
    await syncFeeds(store, feed, stopAfterFirstPage())
    await syncFeeds(store, feed, stopAfterFirstPage({ since: '2026-01' }))
    await syncFeeds(store, feed, stopAfterFirstPage({ since: '2026-01' }))
    await syncFeeds(store, feed, stopAfterFirstPage())
    // Read to the end, the --since run lets go of its cursor: the same --since later reads from its date again.
    const done = await syncFeeds(store, feed, options({ since: '2026-01' }))
    expect(done.feeds.map((f) => [f.status, f.cursorKey])).toEqual([['done', 'oa-scientometrics --since 2026-01-01']])
    await syncFeeds(store, feed, stopAfterFirstPage({ since: '2026-01' }))
    const window = 'topics.id:T10102,from_publication_date:2026-06-05'
    const fromJanuary = 'topics.id:T10102,from_publication_date:2026-01-01'
    expect(server.requests.map((r) => [r.query.get('filter'), r.query.get('cursor')])).toEqual([
      [window, '*'],
      [fromJanuary, '*'],
      [fromJanuary, OA_CURSOR_2],
      [window, OA_CURSOR_2],
      [fromJanuary, OA_CURSOR_3],
      [fromJanuary, '*'],
    ])
  })

  it('stops a feed whose source repeats a page (the same records, or the same cursor) rather than reading it for ever', async () => {
    // arXiv answering its first page again for the second; OpenAlex handing back the cursor it was given.
    server.route('/api/query?start=0', { file: 'arxiv/paging_cs.LG_page1_start0_of5.xml' })
    server.route('/api/query?start=3', { file: 'arxiv/paging_cs.LG_page1_start0_of5.xml' })
    server.route('/oa/works?cursor=*', { file: 'openalex/works_cursor_page1_next_cursor.json' })
    server.route(`/oa/works?cursor=${OA_CURSOR_2}`, { file: 'openalex/works_cursor_page1_next_cursor.json' })
    const store = await newStore()
    const report = await syncFeeds(store, config([FEEDS[0], FEEDS[1]]), options())
    expect(report.feeds.map((f) => [f.feed, f.status, f.pages])).toEqual([
      ['arxiv-ml', 'failed', 1],
      ['oa-scientometrics', 'failed', 1],
    ])
    expect(report.issues.filter((i) => i.code === 'REPEATED_PAGE').map((i) => i.message.replace(/: the source.*/, ''))).toEqual([
      'feed arxiv-ml: page 2 repeats page 1 (the same records)',
      'feed oa-scientometrics: page 2 repeats page 1 (the same cursor to go on from)',
    ])
  })

  it('takes no repeat for a stuck source where pages may repeat by design: ids of one paper, a day list paged past its end', async () => {
    serveRecordedFeeds()
    // Hugging Face answering the day's full first page whatever page is asked for: the day is read, and the feed ends.
    server.route('/hf/daily_papers?date=2026-06-12&p=1', { file: 'huggingface/daily_papers_2026-06-12_limit20_p0.json' })
    const store = await newStore()
    const lookups = { id: 's2-twice', source: 'semantic-scholar', kind: 'papers', ids: ['2106.15928', '10.48550/arXiv.2106.15928'], batchSize: 1 }
    const report = await syncFeeds(store, config([lookups, FEEDS[3]]), options())
    expect(report.feeds.map((f) => [f.feed, f.status, f.pages])).toEqual([
      ['s2-twice', 'done', 2],
      ['hf-daily', 'done', 2],
    ])
    expect(server.requestsTo('/hf/daily_papers').map((r) => r.query.get('p'))).toEqual(['0', '1'])
  })

  it('says a feed stopped at its limit for one run has more to read', async () => {
    serveRecordedFeeds()
    const store = await newStore()
    const report = await syncFeeds(store, config([{ ...(FEEDS[1] as object), maxPages: 1 }]), options())
    expect(report.feeds.map((f) => [f.status, f.pages])).toEqual([['done', 1]])
    expect(report.issues.filter((i) => i.code === 'NOT_CAUGHT_UP').map((i) => [i.severity, i.message])).toEqual([
      ['warning', 'feed oa-scientometrics: stopped at its limit for one run (maxPages; maxResults for arXiv) after 1 page, with more to read; the next sync goes on from here'],
    ])
  })

  it('reports a locked library as STORE_FAILED for that feed, keeps its cursor, and goes on with the next feed', { timeout: 20_000 }, async () => {
    serveRecordedFeeds()
    const t = await createTempStore()
    stores.push(t)
    // Another process holding the write lock; it lets go once the first feed has failed.
    const holder = new Database(t.path)
    holder.exec('BEGIN EXCLUSIVE')
    const warned: string[] = []
    const logger = {
      info() {},
      debug() {},
      warn(_fields: object, message?: string) {
        warned.push(message ?? '')
        if (holder.inTransaction) holder.exec('ROLLBACK')
      },
    }
    try {
      const report = await syncFeeds(t.store, config([FEEDS[0], FEEDS[3]]), options({ logger }))
      expect(report.feeds.map((f) => [f.feed, f.status])).toEqual([
        ['arxiv-ml', 'failed'],
        ['hf-daily', 'done'],
      ])
      expect(warned).toEqual(['feed failed'])
      expect(report.issues[0]).toMatchObject({ severity: 'rejected', code: 'STORE_FAILED', source: 'feed arxiv-ml' })
      expect(report.issues[0]!.message).toMatch(
        /^feed arxiv-ml: cannot store page 1 \(http:\/\/127\.0\.0\.1:\d+\/api\/query\?.*\): database is locked; that batch was rolled back; the feed resumes from its cursor next time$/,
      )
      expect(await t.store.getFeedCursor('arxiv-ml')).toBeNull()
      expect(report.new).toBeGreaterThan(0)
    } finally {
      holder.close()
    }
  })

  it('rejects a --feed the config does not list, naming it and the configured feeds, before fetching anything', async () => {
    serveRecordedFeeds()
    const store = await newStore()
    await expect(syncFeeds(store, config(FEEDS), options({ feed: 'nope' }))).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: 'sync: no feed is called nope (known: arxiv-ml, oa-scientometrics, s2-enrich, hf-daily)',
    })
    expect(server.requests).toEqual([])
  })
})

describe('syncRateLimits', () => {
  it("lets a mirror set its own pace, but keeps a published API's limit whatever its baseUrl says", () => {
    const limits = (baseUrl: string) =>
      syncRateLimits({ sources: { arxiv: { baseUrl, minIntervalMs: 0 } } } as Pick<SyncConfig, 'sources'>, sourceRateLimits(), SOURCES).arxiv!.minIntervalMs
    expect(limits('http://127.0.0.1:8080/api/query')).toBe(0)
    expect(limits('https://export.arxiv.org/api/query')).toBe(3000)
    expect(limits('HTTP://Export.ArXiv.org:443/api/query?x=1')).toBe(3000)
    // Anywhere on the publisher's domain, and its other names.
    expect(limits('https://arxiv.org/api/query')).toBe(3000)
    expect(limits('https://export.arxiv.org./api/query')).toBe(3000)
    const hf = (baseUrl: string) =>
      syncRateLimits({ sources: { huggingface: { baseUrl, minIntervalMs: 0 } } } as Pick<SyncConfig, 'sources'>, sourceRateLimits(), SOURCES).huggingface!.minIntervalMs
    expect([hf('https://hf.co/api'), hf('https://huggingface.co/api'), hf('http://localhost:9000/api')]).toEqual([500, 500, 0])
  })
})

describe('parseSyncConfig', () => {
  it('rejects a source name under sources that no source has, naming it and the known sources', () => {
    const known = SOURCES.map((s) => s.name).join(', ')
    const parse = (sources: object) => () =>
      parseSyncConfig(JSON.stringify({ sources, feeds: [] }), 'paperscope.json')
    expect(parse({ openAlex: { baseUrl: 'http://127.0.0.1:9/oa' } })).toThrow(
      `paperscope.json: sources.openAlex: no source is called openAlex (known: ${known})`,
    )
    expect(parse({ semanticscholar: { apiKey: 'k' }, arxiv: {} })).toThrow(
      `paperscope.json: sources.semanticscholar: no source is called semanticscholar (known: ${known})`,
    )
    expect(parse(Object.fromEntries(SOURCES.map((s) => [s.name, {}])))).not.toThrow()
  })

  it('knows the same source names as ingest\'s registry', () => {
    expect(SYNC_SOURCE_NAMES).toEqual(SOURCES.map((s) => s.name))
  })
})
