/**
 * @module A real HTTP server on 127.0.0.1 for connector tests: serves recorded payloads by route and plays
 * scripted sequences per route (a 429 with Retry-After, then a 503, then the payload; a cut body; paging
 * across several responses). Also a fake clock, so a 3-second rate limit costs no real time.
 */
import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Where recorded payloads live: `test/fixtures/<source>/<file>`. */
export const FIXTURES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures')

/** Reads a recorded payload, e.g. `readFixture('arxiv/api_query_empty_result.xml')`. */
export function readFixture(path: string): string {
  return readFileSync(join(FIXTURES_DIR, path), 'utf8')
}

/** One scripted answer. */
export interface FixtureResponse {
  /** Default 200. */
  status?: number
  headers?: Readonly<Record<string, string>>
  /** The body as given; or `file`, a path under test/fixtures. */
  body?: string
  file?: string
  /** Sets `content-type`; guessed from `file`'s extension when omitted. */
  contentType?: string
  /** Announce the full length, send only this many bytes, then drop the connection. */
  cutAfterBytes?: number
  /** Send the body chunked, without `content-length` (how a streamed API answers). */
  chunked?: boolean
  /** Wait this long (real time) before answering; for timeouts. */
  delayMs?: number
}

/**
 * Which requests a route answers: `'/api/query'`, `'POST /graph/v1/paper/batch'`,
 * `'GET /api/daily_papers?date=2026-06-12'` (query values that must match), or the same as an object.
 */
export type RouteMatcher =
  string | { method?: string; path: string; query?: Readonly<Record<string, string>> }

/** A request as the server saw it. */
export interface RecordedRequest {
  method: string
  path: string
  query: URLSearchParams
  headers: IncomingMessage['headers']
  body: string
  /** The route that answered (its index in registration order), or null when none matched. */
  routeIndex: number | null
}

export interface FixtureServer {
  /** `http://127.0.0.1:<port>`. */
  baseUrl: string
  /**
   * Answers matching requests with `responses` in order; the last one repeats. Routes with query conditions
   * win over plain ones; otherwise the latest route for the same path wins.
   */
  route(matcher: RouteMatcher, ...responses: FixtureResponse[]): void
  /** Every request received, in order. */
  requests: RecordedRequest[]
  /** Requests whose path is `path`. */
  requestsTo(path: string): RecordedRequest[]
  /** Forgets routes and recorded requests. */
  reset(): void
  close(): Promise<void>
}

interface Route {
  method: string | null
  path: string
  query: Readonly<Record<string, string>>
  responses: FixtureResponse[]
  served: number
  order: number
}

function toRoute(matcher: RouteMatcher, responses: FixtureResponse[], order: number): Route {
  if (typeof matcher === 'string') {
    const m = /^(?:(GET|POST|PUT|DELETE|HEAD)\s+)?([^?\s]+)(?:\?(\S*))?$/.exec(matcher.trim())
    if (!m) throw new Error(`cannot read route ${JSON.stringify(matcher)}`)
    const query = Object.fromEntries(new URLSearchParams(m[3] ?? ''))
    return { method: m[1] ?? null, path: m[2]!, query, responses, served: 0, order }
  }
  return {
    method: matcher.method ?? null,
    path: matcher.path,
    query: matcher.query ?? {},
    responses,
    served: 0,
    order,
  }
}

function guessContentType(file: string | undefined): string {
  if (!file) return 'text/plain; charset=utf-8'
  if (file.endsWith('.json')) return 'application/json; charset=utf-8'
  if (file.endsWith('.xml')) return 'application/xml; charset=utf-8'
  return 'text/plain; charset=utf-8'
}

/**
 * Starts a server on 127.0.0.1 with a free port.
 * @example
 * const server = await startFixtureServer()
 * server.route('/api/query', { status: 503, headers: { 'retry-after': '2' } }, { file: 'arxiv/api_query_empty_result.xml' })
 * // ... point a connector's baseUrl at server.baseUrl ...
 * await server.close()
 */
export async function startFixtureServer(): Promise<FixtureServer> {
  let routes: Route[] = []
  let order = 0
  const requests: RecordedRequest[] = []

  const pick = (req: RecordedRequest): Route | undefined =>
    routes
      .filter(
        (r) =>
          r.path === req.path &&
          (r.method === null || r.method === req.method) &&
          Object.entries(r.query).every(([k, v]) => req.query.get(k) === v),
      )
      .sort((a, b) => Object.keys(b.query).length - Object.keys(a.query).length || b.order - a.order)[0]

  async function answer(res: ServerResponse, script: FixtureResponse): Promise<void> {
    if (script.delayMs) await new Promise((resolve) => setTimeout(resolve, script.delayMs))
    const body = Buffer.from(
      script.file !== undefined ? readFixture(script.file) : (script.body ?? ''),
      'utf8',
    )
    const headers = {
      'content-type': script.contentType ?? guessContentType(script.file),
      ...(script.chunked ? {} : { 'content-length': String(body.length) }),
      ...script.headers,
    }
    res.writeHead(script.status ?? 200, headers)
    if (script.cutAfterBytes !== undefined) {
      res.write(body.subarray(0, script.cutAfterBytes))
      // Let the partial body reach the client before the connection drops.
      setTimeout(() => res.socket?.destroy(), 10)
      return
    }
    res.end(body)
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        routeIndex: null,
      }
      requests.push(recorded)
      const route = pick(recorded)
      if (route) recorded.routeIndex = route.order
      if (!route) {
        void answer(res, {
          status: 404,
          body: JSON.stringify({ error: `no fixture route for ${recorded.method} ${recorded.path}` }),
          contentType: 'application/json',
        })
        return
      }
      const script = route.responses[Math.min(route.served, route.responses.length - 1)]!
      route.served++
      answer(res, script).catch(() => res.destroy())
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    route(matcher, ...responses) {
      if (responses.length === 0) throw new Error('route() needs at least one response')
      routes.push(toRoute(matcher, responses, order++))
    },
    requests,
    requestsTo: (path) => requests.filter((r) => r.path === path),
    reset() {
      routes = []
      order = 0
      requests.length = 0
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((err) => (err ? reject(err) : resolve()))
      }),
  }
}

/** A clock whose sleeps advance time at once and are recorded, for rate limits and backoff in tests. */
export interface FakeClock {
  now: () => number
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>
  /** Every sleep requested, in order (ms). */
  sleeps: number[]
  advance(ms: number): void
}

/** Creates a fake clock starting at `startMs` (default 2026-06-12T00:00:00Z). */
export function createFakeClock(startMs = Date.UTC(2026, 5, 12)): FakeClock {
  let t = startMs
  const sleeps: number[] = []
  return {
    now: () => t,
    sleep: async (ms, signal) => {
      signal?.throwIfAborted()
      sleeps.push(ms)
      t += ms
    },
    sleeps,
    advance(ms) {
      t += ms
    },
  }
}
