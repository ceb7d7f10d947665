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
import { openAlexSource } from './index.js'

let server: FixtureServer
let clock: FakeClock
let deps: SourceDeps
beforeAll(async () => {
  server = await startFixtureServer()
})
afterAll(() => server.close())
beforeEach(() => {
  server.reset()
  clock = createFakeClock()
  const http = createHttpClient({
    fetch,
    now: clock.now,
    sleep: clock.sleep,
    userAgent: 'test',
    retries: 1,
    rateLimits: { openalex: openAlexSource.rateLimit },
  })
  deps = { http, baseUrl: server.baseUrl, now: clock.now, logger: SILENT_LOGGER }
})

describe('fetchOpenAlexPages (authors)', () => {
  const feed = openAlexSource.feedSchema.parse({ kind: 'authors', ids: ['A5023888391', 'A999', 'A2'] })
  const notFound = { status: 404, body: '{"error":"Not Found","message":"The requested URL was not found."}' }

  it('reports an author id OpenAlex answers 404 for and goes on; a 5xx still stops with the cursor on its id', async () => {
    server.route('/authors/A5023888391', { file: 'openalex/author_A5023888391.json' })
    server.route('/authors/A999', notFound)
    server.route('/authors/A2', { status: 503 })

    const first = await runSource(openAlexSource, feed, null, deps)
    expect(first.pages.map((p) => p.nextCursor)).toEqual(['{"index":1}', '{"index":2}'])
    expect(first.pages[0]!.result.profiles).toHaveLength(1)
    expect(first.pages[1]!.result.issues).toEqual([
      {
        severity: 'rejected',
        source: `${server.baseUrl}/authors/A999`,
        field: 'ids',
        code: 'INVALID_VALUE',
        message: 'OpenAlex has no author A999',
      },
    ])
    expect(first.pages[1]!.result.entriesSeen).toBe(1)
    expect(isPaperscopeError(first.error, 'SOURCE_UNAVAILABLE')).toBe(true)

    // The next run resumes at the id that failed, not at the missing one.
    server.route('/authors/A2', { file: 'openalex/author_A5023888391_2026.json' })
    const before = server.requests.length
    const second = await runSource(openAlexSource, feed, first.pages.at(-1)!.nextCursor, deps)
    expect(second.error).toBeNull()
    expect(server.requests.slice(before).map((r) => r.path)).toEqual(['/authors/A2'])
    expect(second.pages.map((p) => [p.nextCursor, p.last])).toEqual([['{"index":0}', true]])
  })

  it('goes past a missing id when a stored cursor points at it', async () => {
    server.route('/authors/A999', notFound)
    server.route('/authors/A2', { file: 'openalex/author_A5023888391_2026.json' })
    const outcome = await runSource(openAlexSource, feed, '{"index":1}', deps)
    expect(outcome.error).toBeNull()
    expect(server.requests.map((r) => r.path)).toEqual(['/authors/A999', '/authors/A2'])
    const rejected = outcome.pages.flatMap((p) => p.result.issues.filter((i) => i.severity === 'rejected'))
    expect(rejected.map((i) => i.message)).toEqual(['OpenAlex has no author A999'])
    expect(outcome.pages.at(-1)!.nextCursor).toBe('{"index":0}')
  })
})
