import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { isPaperscopeError, type PaperscopeError } from '../../core/index.js'
import {
  createFakeClock,
  startFixtureServer,
  type FakeClock,
  type FixtureServer,
} from '../../../test/support/fixture-server.js'
import { createHttpClient, formatUserAgent, type HttpClientOptions } from './http-client.js'
import { parseRetryAfter } from './retry-after.js'

const server: FixtureServer = await startFixtureServer()
afterAll(() => server.close())

let clock: FakeClock
beforeEach(() => {
  server.reset()
  clock = createFakeClock()
})

function client(overrides: Partial<HttpClientOptions> = {}) {
  return createHttpClient({
    fetch,
    now: clock.now,
    sleep: clock.sleep,
    random: () => 1,
    userAgent: formatUserAgent({ version: '9.9.9', contact: 'radar@example.org' }),
    rateLimits: { arxiv: { minIntervalMs: 3000 }, openalex: { minIntervalMs: 100, retryStatuses: [403] } },
    defaultRateLimit: { minIntervalMs: 0 },
    backoffMs: 1000,
    ...overrides,
  })
}

async function failure(promise: Promise<unknown>): Promise<PaperscopeError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  if (!isPaperscopeError(err)) throw new Error(`expected a PaperscopeError, got ${String(err)}`)
  return err
}

const url = (path: string) => `${server.baseUrl}${path}`

describe('createHttpClient', () => {
  it('sends a User-Agent with the contact and returns the body', async () => {
    server.route('/ok', { body: 'hello' })
    const res = await client().request({ source: 'test', url: url('/ok') })
    expect(res).toMatchObject({ status: 200, body: 'hello', attempts: 1, url: url('/ok') })
    expect(server.requests[0]!.headers['user-agent']).toBe(
      'Paperscope/9.9.9 (+https://github.com/paperscope/paperscope; mailto:radar@example.org)',
    )
  })

  it('spaces requests to one source by its interval, and leaves other sources alone', async () => {
    server.route('/ok', { body: 'x' })
    const http = client()
    await Promise.all([1, 2, 3].map(() => http.request({ source: 'arxiv', url: url('/ok') })))
    expect(clock.sleeps).toEqual([3000, 3000])
    await http.request({ source: 'test', url: url('/ok') })
    expect(clock.sleeps).toEqual([3000, 3000])
  })

  it('waits for real between requests when given the real clock', async () => {
    server.route('/ok', { body: 'x' })
    const http = createHttpClient({
      fetch,
      userAgent: 'test',
      rateLimits: { slow: { minIntervalMs: 120 } },
    })
    const started = performance.now()
    for (let i = 0; i < 3; i++) await http.request({ source: 'slow', url: url('/ok') })
    expect(performance.now() - started).toBeGreaterThanOrEqual(235)
  })

  it('honours Retry-After in seconds on a 429, then succeeds', async () => {
    server.route(
      '/limited',
      { status: 429, headers: { 'retry-after': '7' }, body: 'slow down' },
      { body: 'ok' },
    )
    const res = await client().request({ source: 'test', url: url('/limited') })
    expect(res).toMatchObject({ body: 'ok', attempts: 2 })
    expect(clock.sleeps).toEqual([7000])
  })

  it('never shows an API key in a log line or an error: it is fetched with, and named as REDACTED', async () => {
    server.route('/keyed', { status: 503, body: 'busy' }, { status: 503, body: 'busy' })
    const lines: string[] = []
    const logger = { info: () => undefined, debug: () => undefined, warn: (fields: object, message?: string) => lines.push(`${message} ${JSON.stringify(fields)}`) }
    const err = await failure(client({ logger, retries: 1 }).request({ source: 'openalex', url: url('/keyed?filter=x&api_key=SECRET123') }))
    expect(server.requests.map((r) => r.query.get('api_key'))).toEqual(['SECRET123', 'SECRET123'])
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain('api_key=REDACTED')
    expect(err.message).toContain('api_key=REDACTED')
    expect([...lines, err.message, String(err.source)].join(' ')).not.toContain('SECRET123')
  })

  it('honours Retry-After as an HTTP-date', async () => {
    const at = new Date(clock.now() + 12_000).toUTCString()
    server.route('/limited', { status: 503, headers: { 'retry-after': at } }, { body: 'ok' })
    await client().request({ source: 'test', url: url('/limited') })
    expect(clock.sleeps).toEqual([12_000])
  })

  it('applies a Retry-After to the next request of the same source too', async () => {
    server.route('/limited', { status: 429, headers: { 'retry-after': '5' } }, { body: 'ok' })
    server.route('/other', { body: 'ok' })
    const http = client()
    await http.request({ source: 'arxiv', url: url('/limited') })
    await http.request({ source: 'arxiv', url: url('/other') })
    // 5 s wait for the retry, then the 3 s interval before the next request.
    expect(clock.sleeps).toEqual([5000, 3000])
  })

  it('backs off exponentially on 503 without Retry-After', async () => {
    server.route('/flaky', { status: 503 }, { status: 502 }, { status: 500 }, { body: 'ok' })
    const res = await client().request({ source: 'test', url: url('/flaky') })
    expect(res.attempts).toBe(4)
    expect(clock.sleeps).toEqual([1000, 2000, 4000])
  })

  it('gives up after its retries with SOURCE_UNAVAILABLE naming source and URL', async () => {
    server.route('/down', { status: 503, body: '<html><body><h1>Service Unavailable</h1></body></html>' })
    const err = await failure(client({ retries: 2 }).request({ source: 'arxiv', url: url('/down') }))
    expect(err.code).toBe('SOURCE_UNAVAILABLE')
    expect(err.message).toContain('arxiv')
    expect(err.message).toContain(url('/down'))
    expect(err.message).toContain('after 3 attempts')
    expect(err.message).toContain('Service Unavailable')
    expect(err.source).toBe(url('/down'))
    expect(server.requests).toHaveLength(3)
  })

  it('ends in RATE_LIMITED when 429s do not stop', async () => {
    server.route('/limited', { status: 429 })
    const err = await failure(client({ retries: 1 }).request({ source: 'test', url: url('/limited') }))
    expect(err.code).toBe('RATE_LIMITED')
  })

  it('does not sit out a Retry-After longer than it is willing to wait', async () => {
    server.route('/limited', { status: 429, headers: { 'retry-after': '3600' } })
    const err = await failure(
      client({ maxRetryAfterMs: 60_000 }).request({ source: 'test', url: url('/limited') }),
    )
    expect(err.code).toBe('RATE_LIMITED')
    expect(err.message).toContain('3600 s')
    expect(clock.sleeps).toEqual([])
    expect(server.requests).toHaveLength(1)
  })

  it('retries statuses a source declares as "slow down" (OpenAlex 403)', async () => {
    server.route('/works', { status: 403, body: '{"error":"Rate limit exceeded"}' }, { body: '{}' })
    const res = await client().request({ source: 'openalex', url: url('/works') })
    expect(res.attempts).toBe(2)
  })

  it('does not retry a 404 or a 400, and names the reason', async () => {
    server.route('/missing', { status: 404, body: '{"error":"Paper with id 0 not found"}' })
    server.route('/bad', {
      status: 400,
      body: '<feed><entry><summary>incorrect id format for abc</summary></entry></feed>',
    })
    const http = client()
    const notFound = await failure(http.request({ source: 'semantic-scholar', url: url('/missing') }))
    expect(notFound.code).toBe('NOT_FOUND')
    expect(notFound.message).toContain('Paper with id 0 not found')
    const bad = await failure(
      http.request({
        source: 'arxiv',
        url: url('/bad'),
        explainError: (body) => /<summary>([^<]*)<\/summary>/.exec(body)?.[1] ?? null,
      }),
    )
    expect(bad.code).toBe('INVALID_QUERY')
    expect(bad.message).toMatch(/HTTP 400 from .*\/bad: incorrect id format for abc$/)
    expect(server.requests).toHaveLength(2)
  })

  it('times out a request that does not answer, with TIMEOUT', async () => {
    server.route('/slow', { body: 'late', delayMs: 400 })
    const err = await failure(
      client({ timeoutMs: 50, retries: 1 }).request({ source: 'test', url: url('/slow') }),
    )
    expect(err.code).toBe('TIMEOUT')
    expect(err.message).toContain(url('/slow'))
    expect(server.requests).toHaveLength(2)
  })

  it('retries a body cut off mid-stream, and succeeds when the next answer is whole', async () => {
    server.route('/cut', { body: 'x'.repeat(5000), cutAfterBytes: 1000 }, { body: 'whole' })
    const res = await client().request({ source: 'test', url: url('/cut') })
    expect(res).toMatchObject({ body: 'whole', attempts: 2 })
  })

  it('names a body that is always cut off as SOURCE_UNAVAILABLE', async () => {
    server.route('/cut', { body: 'x'.repeat(5000), cutAfterBytes: 1000 })
    const err = await failure(client({ retries: 1 }).request({ source: 'test', url: url('/cut') }))
    expect(err.code).toBe('SOURCE_UNAVAILABLE')
    expect(err.message).toMatch(/terminated/)
  })

  it('refuses a body over maxBytes by its Content-Length, without retrying', async () => {
    server.route('/big', { body: 'x'.repeat(10_000) })
    const err = await failure(client({ maxBytes: 1000 }).request({ source: 'test', url: url('/big') }))
    expect(err.code).toBe('PAYLOAD_TOO_LARGE')
    expect(err.message).toContain(url('/big'))
    expect(server.requests).toHaveLength(1)
  })

  it('stops reading a streamed body once it passes maxBytes', async () => {
    server.route('/stream', { body: 'x'.repeat(200_000), chunked: true })
    const err = await failure(client({ maxBytes: 1000 }).request({ source: 'test', url: url('/stream') }))
    expect(err.code).toBe('PAYLOAD_TOO_LARGE')
    expect(err.message).toMatch(/stopped reading at \d+ bytes/)
  })

  it('reports a source that cannot be reached at all', async () => {
    const closed = await startFixtureServer()
    const deadUrl = `${closed.baseUrl}/x`
    await closed.close()
    const err = await failure(client({ retries: 1 }).request({ source: 'test', url: deadUrl }))
    expect(err.code).toBe('SOURCE_UNAVAILABLE')
    expect(err.message).toContain('ECONNREFUSED')
  })

  it('stops at once when the caller aborts, with the abort reason', async () => {
    server.route('/down', { status: 503 })
    const controller = new AbortController()
    const sleep = async (ms: number, signal?: AbortSignal) => {
      controller.abort(new Error('sync cancelled'))
      return clock.sleep(ms, signal)
    }
    const err = await client({ sleep })
      .request({ source: 'test', url: url('/down'), signal: controller.signal })
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(Error)
    expect((err as Error).message).toBe('sync cancelled')
    expect(server.requests).toHaveLength(1)
  })

  it('posts a body with the given headers', async () => {
    server.route('POST /batch', { body: '[]' })
    await client().request({
      source: 'test',
      url: url('/batch'),
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': 'k' },
      body: '{"ids":["ARXIV:2106.15928"]}',
    })
    expect(server.requests[0]).toMatchObject({ method: 'POST', body: '{"ids":["ARXIV:2106.15928"]}' })
    expect(server.requests[0]!.headers['x-api-key']).toBe('k')
  })
})

/** A 127.0.0.1 server answering raw bytes: the fixture server sends every body as UTF-8, and these need Latin-1. */
async function startByteServer(answers: Record<string, { contentType: string; bytes: Uint8Array }>) {
  const bytesServer = createServer((req, res) => {
    const answer = answers[req.url ?? '']
    if (!answer) return void res.writeHead(404).end()
    res.writeHead(200, { 'content-type': answer.contentType, 'content-length': answer.bytes.length })
    res.end(answer.bytes)
  })
  await new Promise<void>((resolve) => bytesServer.listen(0, '127.0.0.1', resolve))
  const { port } = bytesServer.address() as AddressInfo
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    close: () => new Promise<void>((resolve) => bytesServer.close(() => resolve())),
  }
}

describe('decoding response bodies', () => {
  const name = 'Sébastien Müller'
  const latin1 = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'))
  const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'))
  const xml = (encoding: string) =>
    `<?xml version='1.0' encoding='${encoding}'?>\n<feed><name>${name}</name></feed>`

  it('decodes by the charset of the Content-Type (Latin-1 JSON and Atom)', async () => {
    const bytes = await startByteServer({
      '/json': { contentType: 'application/json; charset=ISO-8859-1', bytes: latin1(`{"name":"${name}"}`) },
      '/atom': {
        contentType: 'application/atom+xml; charset="iso-8859-1"',
        bytes: latin1(xml('ISO-8859-1')),
      },
    })
    try {
      const http = client()
      expect((await http.request({ source: 'test', url: bytes.url('/json') })).body).toBe(
        `{"name":"${name}"}`,
      )
      expect((await http.request({ source: 'test', url: bytes.url('/atom') })).body).toContain(
        `<name>${name}</name>`,
      )
    } finally {
      await bytes.close()
    }
  })

  it('decodes XML by its declaration when the Content-Type has no charset, and a UTF-8 BOM still wins', async () => {
    const bytes = await startByteServer({
      '/declared': { contentType: 'application/atom+xml', bytes: latin1(xml('ISO-8859-1')) },
      // The declaration says Latin-1, but the BOM says what the bytes are.
      '/bom': { contentType: 'application/xml', bytes: utf8(`\uFEFF${xml('ISO-8859-1')}`) },
    })
    try {
      const http = client()
      expect((await http.request({ source: 'test', url: bytes.url('/declared') })).body).toContain(
        `<name>${name}</name>`,
      )
      const bom = await http.request({ source: 'test', url: bytes.url('/bom') })
      expect(bom.body.startsWith('<?xml')).toBe(true)
      expect(bom.body).toContain(`<name>${name}</name>`)
    } finally {
      await bytes.close()
    }
  })

  it('falls back to UTF-8 with a warning for a charset it does not know', async () => {
    const bytes = await startByteServer({
      '/odd': { contentType: 'application/json; charset=x-klingon', bytes: utf8(`{"name":"${name}"}`) },
    })
    const warnings: Array<{ fields: object; message: string | undefined }> = []
    const logger = {
      debug() {},
      info() {},
      warn: (fields: object, message?: string) => warnings.push({ fields, message }),
    }
    try {
      const res = await client({ logger }).request({ source: 'test', url: bytes.url('/odd') })
      expect(res.body).toBe(`{"name":"${name}"}`)
      expect(warnings).toEqual([
        {
          fields: { source: 'test', url: bytes.url('/odd'), encoding: 'x-klingon' },
          message: 'unknown encoding "x-klingon"; decoded as UTF-8',
        },
      ])
    } finally {
      await bytes.close()
    }
  })
})

describe('parseRetryAfter', () => {
  const now = Date.UTC(2026, 0, 1)
  it.each([
    ['120', 120_000],
    [' 0 ', 0],
    [new Date(now + 30_000).toUTCString(), 30_000],
    ['Wed, 21 Oct 2015 07:28:00 GMT', 0],
  ])('reads %j', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected)
  })
  it.each([null, undefined, '', 'soon', '1.5', '-3'])('ignores %j', (value) => {
    expect(parseRetryAfter(value, now)).toBeNull()
  })
})
