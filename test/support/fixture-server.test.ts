import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { createFakeClock, readFixture, startFixtureServer } from './fixture-server.js'

const server = await startFixtureServer()
afterAll(() => server.close())
beforeEach(() => server.reset())

const get = (path: string, init?: RequestInit) => fetch(`${server.baseUrl}${path}`, init)

describe('startFixtureServer', () => {
  it('listens on 127.0.0.1', () => {
    expect(server.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  })

  it('serves a recorded payload with a content type guessed from its name', async () => {
    server.route('/api/query', { file: 'arxiv/api_query_empty_result.xml' })
    const res = await get('/api/query?id_list=0000.0000')
    expect(res.headers.get('content-type')).toContain('application/xml')
    expect(await res.text()).toBe(readFixture('arxiv/api_query_empty_result.xml'))
  })

  it('plays a sequence in order and then repeats the last answer', async () => {
    server.route('/seq', { status: 429, headers: { 'retry-after': '1' } }, { status: 503 }, { body: 'ok' })
    const statuses = []
    for (let i = 0; i < 4; i++) statuses.push((await get('/seq')).status)
    expect(statuses).toEqual([429, 503, 200, 200])
  })

  it('prefers a route with matching query values, and the method when given', async () => {
    server.route('/daily', { body: 'any day' })
    server.route({ path: '/daily', query: { date: '2026-06-12' } }, { body: 'that day' })
    server.route('POST /daily', { body: 'posted' })
    server.route('GET /daily?date=2026-06-10', { body: 'written as a string' })
    expect(await (await get('/daily?date=2026-06-12')).text()).toBe('that day')
    expect(await (await get('/daily?date=2026-06-10&limit=5')).text()).toBe('written as a string')
    expect(server.requests.map((r) => r.routeIndex)).toEqual([1, 3])
    expect(await (await get('/daily?date=2026-06-11')).text()).toBe('any day')
    expect(await (await get('/daily', { method: 'POST', body: 'x' })).text()).toBe('posted')
  })

  it('answers 404 for a request no route matches, and records every request', async () => {
    const res = await get('/nowhere?a=1')
    expect(res.status).toBe(404)
    expect(server.requestsTo('/nowhere')[0]!.query.get('a')).toBe('1')
  })

  it('cuts a body after the given bytes so the client sees a dropped connection', async () => {
    server.route('/cut', { body: 'x'.repeat(4000), cutAfterBytes: 100 })
    const res = await get('/cut')
    await expect(res.text()).rejects.toThrow(/terminated/)
  })
})

describe('createFakeClock', () => {
  it('advances time by each sleep and records it', async () => {
    const clock = createFakeClock(1000)
    await clock.sleep(3000)
    clock.advance(5)
    expect(clock.now()).toBe(4005)
    expect(clock.sleeps).toEqual([3000])
  })
})
