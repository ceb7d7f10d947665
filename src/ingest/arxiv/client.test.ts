import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { isPaperscopeError } from '../../core/index.js'
import {
  createFakeClock,
  startFixtureServer,
  type FakeClock,
  type FixtureServer,
} from '../../../test/support/fixture-server.js'
import { SILENT_LOGGER, createHttpClient } from '../http/index.js'
import { runSource } from '../source.case.test.js'
import type { SourceDeps } from '../source.js'
import { arxivOaiSource, arxivSource, buildArxivQuery } from './index.js'

let server: FixtureServer
let clock: FakeClock
let deps: (path: string) => SourceDeps
beforeAll(async () => {
  server = await startFixtureServer()
})
afterAll(() => server.close())
beforeEach(() => {
  server.reset()
  clock = createFakeClock(Date.UTC(2026, 5, 12, 6, 30))
  const http = createHttpClient({
    fetch,
    now: clock.now,
    sleep: clock.sleep,
    userAgent: 'test',
    rateLimits: { arxiv: arxivSource.rateLimit, 'arxiv-oai': arxivOaiSource.rateLimit },
  })
  deps = (path) => ({ http, baseUrl: `${server.baseUrl}${path}`, now: clock.now, logger: SILENT_LOGGER })
})

describe('fetchArxivPages', () => {
  it('builds search_query from categories (any), authors (any) and words (all)', () => {
    const feed = arxivSource.feedSchema.parse({
      categories: ['cs.LG', 'stat.ML'],
      authors: ['del_maestro'],
      words: ['phase transition', 'grokking'],
    })
    expect(buildArxivQuery(feed)).toBe(
      '(cat:cs.LG OR cat:stat.ML) AND au:del_maestro AND all:"phase transition" AND all:grokking',
    )
  })

  it('searches a fixed submission window sorted ascending, pages by start, and one request every 3 s', async () => {
    server.route('/api/query?start=0', { file: 'arxiv/paging_cs.LG_page1_start0_of5.xml' })
    server.route('/api/query?start=3', { file: 'arxiv/paging_cs.LG_page2_start3_of5.xml' })
    const feed = arxivSource.feedSchema.parse({ categories: ['cs.LG'], pageSize: 3, since: '2026-06-01' })
    const outcome = await runSource(arxivSource, feed, null, deps('/api/query'))
    expect(outcome.records.map((r) => r.key)).toHaveLength(5)
    const [first, second] = server.requests
    expect(first!.query.get('search_query')).toBe(
      'cat:cs.LG AND submittedDate:[202606010000 TO 202606120630]',
    )
    expect(first!.query.get('sortBy')).toBe('submittedDate')
    expect(first!.query.get('sortOrder')).toBe('ascending')
    expect(first!.query.get('max_results')).toBe('3')
    expect(second!.query.get('search_query')).toBe(first!.query.get('search_query'))
    expect(clock.sleeps).toEqual([3000])
    // It read everything there was: not capped, though the last page also reached maxResults' worth.
    expect(outcome.pages.map((p) => p.capped ?? false)).toEqual([false, false])
    // The next run searches from five days (announcement lag) before this run's end.
    expect(JSON.parse(outcome.pages[1]!.nextCursor)).toEqual({ from: '202606070630', until: null, start: 0 })
  })

  it('stops at maxResults and leaves the cursor inside the window, so the next run goes on there', async () => {
    server.route('/api/query?start=0', { file: 'arxiv/paging_cs.LG_page1_start0_of5.xml' })
    const feed = arxivSource.feedSchema.parse({
      categories: ['cs.LG'],
      pageSize: 3,
      maxResults: 3,
      since: '2026-06-01',
    })
    const outcome = await runSource(arxivSource, feed, null, deps('/api/query'))
    expect(outcome.pages).toHaveLength(1)
    expect(outcome.pages[0]!.last).toBe(true)
    // The run stopped only because of maxResults: arXiv has more, and says so.
    expect(outcome.pages[0]!.capped).toBe(true)
    expect(JSON.parse(outcome.pages[0]!.nextCursor)).toEqual({
      from: '202606010000',
      until: '202606120630',
      start: 3,
    })
  })

  it('asks again when arXiv answers an empty page mid-results, then names the failure', async () => {
    const empty = (start: number) =>
      `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/"><opensearch:totalResults>5</opensearch:totalResults><opensearch:startIndex>${start}</opensearch:startIndex><opensearch:itemsPerPage>3</opensearch:itemsPerPage></feed>`
    server.route('/api/query?start=0', { file: 'arxiv/paging_cs.LG_page1_start0_of5.xml' })
    server.route(
      '/api/query?start=3',
      { body: empty(3) },
      { file: 'arxiv/paging_cs.LG_page2_start3_of5.xml' },
    )
    const feed = arxivSource.feedSchema.parse({ categories: ['cs.LG'], pageSize: 3 })
    const recovered = await runSource(arxivSource, feed, null, deps('/api/query'))
    expect(recovered.error).toBeNull()
    expect(recovered.records).toHaveLength(5)

    server.reset()
    server.route('/api/query?start=0', { file: 'arxiv/paging_cs.LG_page1_start0_of5.xml' })
    server.route('/api/query?start=3', { body: empty(3) })
    const failed = await runSource(arxivSource, feed, null, deps('/api/query'))
    expect(failed.records).toHaveLength(3)
    expect(isPaperscopeError(failed.error, 'SOURCE_UNAVAILABLE')).toBe(true)
    expect((failed.error as Error).message).toContain('kept answering an empty page at 3 of 5 results')
  })

  it('names an id the API refuses (HTTP 400 with an Atom error) as INVALID_QUERY with its reason', async () => {
    server.route('/api/query', { status: 400, file: 'arxiv/api_query_error_incorrect_id_format_http400.xml' })
    // The schema refuses `abc` now (below); a feed that gets one past it still ends in a named error.
    const feed = { ...arxivSource.feedSchema.parse({ ids: ['1605.08386'] }), ids: ['abc'] }
    const outcome = await runSource(arxivSource, feed, null, deps('/api/query'))
    expect(outcome.error).toMatchObject({
      code: 'INVALID_QUERY',
      message: expect.stringContaining('incorrect id format for abc'),
    })
    expect(server.requests[0]!.query.get('id_list')).toBe('abc')
  })
})

describe('arxiv feed ids', () => {
  it('refuses a malformed id up front, naming it and its place, instead of a run arXiv answers 400', () => {
    const parsed = arxivSource.feedSchema.safeParse({ ids: ['abc', '1605.08386'] })
    expect(parsed.success).toBe(false)
    expect(parsed.error!.issues).toEqual([
      expect.objectContaining({
        path: ['ids', 0],
        message: expect.stringContaining('"abc" is not an arXiv id'),
      }),
    ])
    // A 4-digit number after 1412, a 5-digit one before 1501, month 13, no version number, a short old id, a DOI.
    for (const bad of [
      '1605.0838',
      '1412.00001',
      '2613.00001',
      '1605.08386v',
      'astro-ph/060100',
      '10.1093/mind/lix.236.433',
      '',
    ])
      expect(arxivSource.feedSchema.safeParse({ ids: ['1605.08386', bad] }).success, bad).toBe(false)
  })

  it('takes new- and old-style ids, with a version or an arXiv: prefix', () => {
    const ids = [
      '1605.08386',
      '2106.15928v2',
      '0704.0001',
      '1412.8323v3',
      'astro-ph/0601001',
      'math.GT/0309136v1',
      'arXiv:1605.08386',
      'ARXIV:hep-th/9901001',
    ]
    expect(arxivSource.feedSchema.parse({ ids }).ids).toEqual(ids)
  })

  it('asks arXiv for an arXiv:-prefixed id without its prefix', async () => {
    server.route('/api/query', { file: 'arxiv/api_query_id_list_1605.08386.xml' })
    const feed = arxivSource.feedSchema.parse({ ids: ['arXiv:1605.08386v1'] })
    const outcome = await runSource(arxivSource, feed, null, deps('/api/query'))
    expect(server.requests[0]!.query.get('id_list')).toBe('1605.08386v1')
    expect(outcome.records.map((r) => r.key)).toEqual(['1605.08386'])
  })
})

describe('fetchArxivOaiPages', () => {
  it('says a run that stops at maxPages with a resumption token left is capped, and one that ends is not', async () => {
    server.route('/oai', { file: 'arxiv/oai_pmh_listrecords_page1_with_resumption_token.xml' })
    server.route('/oai?resumptionToken=6171063|1001', {
      file: 'arxiv/oai_pmh_listrecords_page2_empty_resumption_token.xml',
    })
    const feed = arxivOaiSource.feedSchema.parse({ set: 'cs', since: '2026-06-10', maxPages: 1 })
    const capped = await runSource(arxivOaiSource, feed, null, deps('/oai'))
    expect(capped.pages).toHaveLength(1)
    expect(capped.pages[0]).toMatchObject({ last: true, capped: true })
    expect(JSON.parse(capped.pages[0]!.nextCursor)).toMatchObject({ token: '6171063|1001' })

    // The next run reads the last page: it reaches maxPages too, but there is nothing more.
    const ended = await runSource(arxivOaiSource, feed, capped.pages[0]!.nextCursor, deps('/oai'))
    expect(ended.pages).toHaveLength(1)
    expect(ended.pages[0]!.last).toBe(true)
    expect(ended.pages[0]!.capped).toBeUndefined()
  })

  it('asks for the date range first, then only for the resumption token', async () => {
    server.route('/oai', { file: 'arxiv/oai_pmh_listrecords_page1_with_resumption_token.xml' })
    server.route('/oai?resumptionToken=6171063|1001', {
      file: 'arxiv/oai_pmh_listrecords_page2_empty_resumption_token.xml',
    })
    const feed = arxivOaiSource.feedSchema.parse({ set: 'cs', since: '2026-06-10' })
    const outcome = await runSource(arxivOaiSource, feed, null, deps('/oai'))
    expect(outcome.records).toHaveLength(6)
    expect(Object.fromEntries(server.requests[0]!.query)).toEqual({
      verb: 'ListRecords',
      metadataPrefix: 'arXiv',
      from: '2026-06-10',
      until: '2026-06-12',
      set: 'cs',
    })
    expect(Object.fromEntries(server.requests[1]!.query)).toEqual({
      verb: 'ListRecords',
      resumptionToken: '6171063|1001',
    })
    expect(JSON.parse(outcome.pages[0]!.nextCursor)).toEqual({
      from: '2026-06-10',
      until: '2026-06-12',
      token: '6171063|1001',
    })
    expect(JSON.parse(outcome.pages[1]!.nextCursor)).toEqual({ from: '2026-06-12', until: null, token: null })
  })

  it('harvests the range again when a stored token has expired', async () => {
    server.route('/oai?resumptionToken=old', { file: 'arxiv/oai_pmh_error_bad_resumption_token.xml' })
    server.route('/oai?from=2026-06-10', {
      file: 'arxiv/oai_pmh_listrecords_arXiv_format_physics_hep-ex.xml',
    })
    const feed = arxivOaiSource.feedSchema.parse({})
    const cursor = JSON.stringify({ from: '2026-06-10', until: '2026-06-11', token: 'old' })
    const outcome = await runSource(arxivOaiSource, feed, cursor, deps('/oai'))
    expect(outcome.error).toBeNull()
    expect(outcome.records).toHaveLength(3)
    expect(server.requests.map((r) => r.query.get('resumptionToken') ?? r.query.get('from'))).toEqual([
      'old',
      '2026-06-10',
    ])
  })

  it('reads noRecordsMatch as a finished, empty harvest', async () => {
    server.route('/oai', { file: 'arxiv/oai_pmh_error_no_records_match.xml' })
    const outcome = await runSource(arxivOaiSource, arxivOaiSource.feedSchema.parse({}), null, deps('/oai'))
    expect(outcome.error).toBeNull()
    expect(outcome.pages).toHaveLength(1)
    expect(outcome.pages[0]!.last).toBe(true)
  })

  it('waits out arXiv flow control (503 with Retry-After)', async () => {
    server.route(
      '/oai',
      { status: 503, headers: { 'retry-after': '30' } },
      { file: 'arxiv/oai_pmh_listrecords_arXiv_format_physics_hep-th.xml' },
    )
    const outcome = await runSource(arxivOaiSource, arxivOaiSource.feedSchema.parse({}), null, deps('/oai'))
    expect(outcome.records).toHaveLength(3)
    expect(clock.sleeps).toEqual([30_000])
  })
})
