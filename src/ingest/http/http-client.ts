/**
 * @module The one polite HTTP client every connector shares: a minimum interval per source, retries with
 * exponential backoff on 429/5xx and network errors (honouring `Retry-After`), a timeout per attempt, a cap
 * on response size, a User-Agent that says who we are, and bodies decoded by their declared charset. IO
 * (fetch, clock, sleep) is passed in.
 */
import { PaperscopeError, type ErrorCode } from '../../core/index.js'
import { createRateGate, realSleep, type Sleep } from './rate-gate.js'
import { parseRetryAfter } from './retry-after.js'

/** The part of `fetch` the client uses; the global `fetch` fits, and so does a test double. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>

/** The logging calls the client makes; a pino logger fits. */
export interface Logger {
  debug(fields: object, message?: string): void
  info(fields: object, message?: string): void
  warn(fields: object, message?: string): void
}

/** A logger that drops everything (the default). */
export const SILENT_LOGGER: Logger = { debug() {}, info() {}, warn() {} }

/** How politely to treat one source. */
export interface RateLimit {
  /** Minimum time between the starts of two requests to this source. */
  minIntervalMs: number
  /** Statuses besides 429 and 5xx that mean "slow down" here (OpenAlex answers 403 when over its limit). */
  retryStatuses?: readonly number[]
}

export interface HttpClientOptions {
  fetch: FetchLike
  /** Epoch milliseconds, like `Date.now`. */
  now?: () => number
  sleep?: Sleep
  /** Sent on every request; build it with `formatUserAgent()`. */
  userAgent: string
  /** Per source name (`arxiv`, `openalex`, ...); sources not listed use `defaultRateLimit`. */
  rateLimits?: Readonly<Record<string, RateLimit>>
  defaultRateLimit?: RateLimit
  /** Per attempt, from sending the request to the last byte of the body. */
  timeoutMs?: number
  /** Bodies larger than this are refused with PAYLOAD_TOO_LARGE (checked while streaming). */
  maxBytes?: number
  /** Extra attempts after the first, for retryable failures. */
  retries?: number
  /** First backoff delay; doubles with every retry, capped at `maxBackoffMs`. */
  backoffMs?: number
  maxBackoffMs?: number
  /** A `Retry-After` longer than this is not waited out: the request fails with RATE_LIMITED at once. */
  maxRetryAfterMs?: number
  /** 0..1, for jitter on backoff delays; tests pass `() => 0.5` for exact delays. */
  random?: () => number
  logger?: Logger
}

export interface HttpRequest {
  /** Source name: picks the rate limit and names the source in errors. */
  source: string
  url: string
  method?: 'GET' | 'POST'
  headers?: Readonly<Record<string, string>> | undefined
  body?: string | undefined
  /** Aborting stops waiting, retrying and reading; the signal's reason is thrown as is. */
  signal?: AbortSignal | undefined
  /** Turns an error body into a short reason (an Atom error summary, a JSON `message`). */
  explainError?: (body: string) => string | null
}

export interface HttpResponse {
  status: number
  /** The URL requested (not the one redirected to), so cursors and errors name what we asked for. */
  url: string
  headers: Headers
  body: string
  bytes: number
  attempts: number
}

/** The port connectors receive. */
export interface HttpClient {
  /** Resolves with a 2xx response, or rejects with a PaperscopeError naming the source and URL. */
  request(request: HttpRequest): Promise<HttpResponse>
}

/** Published limits of the sources Paperscope talks to (see each API's documentation). */
export const DEFAULT_RATE_LIMITS: Readonly<Record<string, RateLimit>> = {
  // arXiv API terms of use: no more than one request every three seconds, one connection at a time.
  arxiv: { minIntervalMs: 3000 },
  'arxiv-oai': { minIntervalMs: 3000 },
  // OpenAlex allows 100 requests/s; we stay far below. It signals "over the limit" with 403 as well as 429.
  openalex: { minIntervalMs: 100, retryStatuses: [403] },
  // Semantic Scholar: 1 request/s, cumulative across endpoints, with or without a (basic) key.
  'semantic-scholar': { minIntervalMs: 1000 },
  // Hugging Face publishes no number for this endpoint; a modest pace.
  huggingface: { minIntervalMs: 500 },
}

/**
 * A User-Agent that names the app and how to reach whoever runs it, as arXiv and OpenAlex ask.
 * @example formatUserAgent({ version: '0.1.0', contact: 'me@example.org' })
 * // 'Paperscope/0.1.0 (+https://github.com/paperscope/paperscope; mailto:me@example.org)'
 */
export function formatUserAgent(options: { version: string; contact?: string; homepage?: string }): string {
  const homepage = options.homepage ?? 'https://github.com/paperscope/paperscope'
  const contact = options.contact ? `; mailto:${options.contact}` : ''
  return `Paperscope/${options.version} (+${homepage}${contact})`
}

const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504])

/** Why one attempt failed, and whether another attempt may help. */
type AttemptFailure =
  | { kind: 'status'; status: number; body: string; retryAfterMs: number | null }
  | { kind: 'network'; cause: unknown }
  | { kind: 'timeout' }

/**
 * Creates the shared client.
 * @example
 * const http = createHttpClient({ fetch, userAgent: formatUserAgent({ version, contact }), rateLimits: DEFAULT_RATE_LIMITS })
 * const res = await http.request({ source: 'arxiv', url: 'https://export.arxiv.org/api/query?search_query=cat:cs.LG' })
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const {
    fetch,
    now = Date.now,
    sleep = realSleep,
    userAgent,
    rateLimits = DEFAULT_RATE_LIMITS,
    defaultRateLimit = { minIntervalMs: 1000 },
    timeoutMs = 30_000,
    maxBytes = 50 * 1024 * 1024,
    retries = 4,
    backoffMs = 1000,
    maxBackoffMs = 60_000,
    maxRetryAfterMs = 5 * 60_000,
    random = Math.random,
    logger = SILENT_LOGGER,
  } = options
  const limitFor = (source: string): RateLimit => rateLimits[source] ?? defaultRateLimit
  const gate = createRateGate((source) => limitFor(source).minIntervalMs, now, sleep)

  /** One try of `request`; `named` is the request as messages show it (its URL redacted). */
  async function attempt(request: HttpRequest, named: HttpRequest): Promise<{ response: HttpResponse } | AttemptFailure> {
    const timeout = new AbortController()
    const timer = setTimeout(() => timeout.abort(new Error('timeout')), timeoutMs)
    const signal = request.signal ? AbortSignal.any([request.signal, timeout.signal]) : timeout.signal
    try {
      const res = await fetch(request.url, {
        method: request.method ?? 'GET',
        headers: { 'user-agent': userAgent, accept: '*/*', ...request.headers },
        ...(request.body === undefined ? {} : { body: request.body }),
        signal,
        redirect: 'follow',
      })
      const bytes = await readLimited(res, maxBytes, named)
      const body = decodeBody(bytes, res.headers.get('content-type'), named, logger)
      if (res.status >= 200 && res.status < 300) {
        return {
          response: {
            status: res.status,
            url: request.url,
            headers: res.headers,
            body,
            bytes: bytes.length,
            attempts: 0,
          },
        }
      }
      return {
        kind: 'status',
        status: res.status,
        body,
        retryAfterMs: parseRetryAfter(res.headers.get('retry-after'), now()),
      }
    } catch (err) {
      request.signal?.throwIfAborted()
      if (err instanceof PaperscopeError) throw err
      if (timeout.signal.aborted) return { kind: 'timeout' }
      return { kind: 'network', cause: err }
    } finally {
      clearTimeout(timer)
    }
  }

  return {
    async request(request) {
      const named = shown(request)
      const { source, url } = named
      const limit = limitFor(source)
      const maxAttempts = retries + 1
      for (let attemptNo = 1; ; attemptNo++) {
        await gate.pass(source, request.signal)
        const started = now()
        const outcome = await attempt(request, named)
        if ('response' in outcome) {
          logger.debug(
            { source, url, status: outcome.response.status, ms: now() - started, attempt: attemptNo },
            'fetched',
          )
          return { ...outcome.response, attempts: attemptNo }
        }
        const retryable =
          outcome.kind !== 'status' ||
          RETRYABLE_STATUSES.has(outcome.status) ||
          (limit.retryStatuses ?? []).includes(outcome.status)
        if (!retryable || attemptNo >= maxAttempts) throw toError(outcome, named, attemptNo)

        const retryAfterMs = outcome.kind === 'status' ? outcome.retryAfterMs : null
        if (retryAfterMs !== null && retryAfterMs > maxRetryAfterMs) {
          throw new PaperscopeError(
            'RATE_LIMITED',
            `${source}: ${url} asked us to wait ${Math.round(retryAfterMs / 1000)} s (Retry-After), longer than the ${Math.round(maxRetryAfterMs / 1000)} s we wait; try again later`,
            { source: url },
          )
        }
        const backoff = Math.min(maxBackoffMs, backoffMs * 2 ** (attemptNo - 1)) * (0.5 + random() / 2)
        const delay = retryAfterMs ?? backoff
        logger.warn(
          { source, url, attempt: attemptNo, delayMs: Math.round(delay), reason: describe(outcome) },
          'retrying request',
        )
        gate.holdUntil(source, now() + delay)
      }
    },
  }
}

/** Query parameters that carry a credential: their values never reach a log line or an error message. */
const SECRET_PARAMS = /^(api[_-]?key|key|token|access[_-]?token|apikey)$/i

/**
 * A URL as it may be shown: credentials in its query replaced (`api_key=REDACTED`).
 * @example redactUrl('https://api.openalex.org/works?api_key=abc') // 'https://api.openalex.org/works?api_key=REDACTED'
 */
export function redactUrl(url: string): string {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return url
  }
  for (const name of [...u.searchParams.keys()]) if (SECRET_PARAMS.test(name)) u.searchParams.set(name, 'REDACTED')
  return u.toString()
}

/** The request as messages show it: fetched with its real URL, named with the redacted one. */
function shown(request: HttpRequest): HttpRequest {
  const url = redactUrl(request.url)
  return url === request.url ? request : { ...request, url }
}

async function readLimited(res: Response, maxBytes: number, request: HttpRequest): Promise<Uint8Array> {
  const tooLarge = (seen: string) =>
    new PaperscopeError(
      'PAYLOAD_TOO_LARGE',
      `${request.source}: response from ${request.url} is larger than ${maxBytes} bytes (${seen}); refused`,
      { source: request.url },
    )
  const declared = Number(res.headers.get('content-length') ?? Number.NaN)
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined)
    throw tooLarge(`Content-Length ${declared}`)
  }
  if (!res.body) return new Uint8Array()
  const reader = res.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.length
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined)
      throw tooLarge(`stopped reading at ${total} bytes`)
    }
    chunks.push(value)
  }
  const out = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.length
  }
  return out
}

/**
 * Decodes a body by its declared encoding: a byte order mark first (WHATWG), then the Content-Type charset,
 * then an XML declaration's `encoding`, else UTF-8. arXiv and Semantic Scholar have sent Latin-1 with the
 * charset said; decoding that as UTF-8 stored "S\uFFFDbastien" for good.
 */
function decodeBody(
  bytes: Uint8Array,
  contentType: string | null,
  request: HttpRequest,
  logger: Logger,
): string {
  const bom = sniffBom(bytes)
  if (bom) return new TextDecoder(bom).decode(bytes)
  const declared = charsetOf(contentType) ?? xmlDeclaredEncoding(bytes)
  if (declared === null) return new TextDecoder('utf-8').decode(bytes)
  try {
    return new TextDecoder(declared).decode(bytes)
  } catch {
    // TextDecoder throws RangeError for a label it does not know; UTF-8 is what most of these turn out to be.
    logger.warn(
      { source: request.source, url: request.url, encoding: declared },
      `unknown encoding "${declared}"; decoded as UTF-8`,
    )
    return new TextDecoder('utf-8').decode(bytes)
  }
}

function sniffBom(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  return null
}

/** The `charset` parameter of a Content-Type, unquoted, or null. */
function charsetOf(contentType: string | null): string | null {
  const m = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType ?? '')
  const label = (m?.[1] ?? m?.[2] ?? '').trim()
  return label === '' ? null : label
}

/** The `encoding` of a leading `<?xml ...?>` declaration (read as ASCII, as the XML spec allows), or null. */
function xmlDeclaredEncoding(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 256))
  const m = /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(head)
  const label = (m?.[1] ?? m?.[2] ?? '').trim()
  return label === '' ? null : label
}

function describe(failure: AttemptFailure): string {
  if (failure.kind === 'timeout') return 'timed out'
  if (failure.kind === 'network') return `network error: ${causeMessage(failure.cause)}`
  return `HTTP ${failure.status}`
}

function causeMessage(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause)
  const inner = (cause as { cause?: unknown }).cause
  const innerText = inner instanceof Error ? ` (${(inner as { code?: string }).code ?? inner.message})` : ''
  return `${cause.message}${innerText}`
}

function toError(failure: AttemptFailure, request: HttpRequest, attempts: number): PaperscopeError {
  const { source, url } = request
  const tries = attempts === 1 ? '' : ` after ${attempts} attempts`
  if (failure.kind === 'timeout') {
    return new PaperscopeError('TIMEOUT', `${source}: ${url} did not answer in time${tries}`, { source: url })
  }
  if (failure.kind === 'network') {
    return new PaperscopeError(
      'SOURCE_UNAVAILABLE',
      `${source}: could not read ${url}${tries}: ${causeMessage(failure.cause)}`,
      { source: url, cause: failure.cause },
    )
  }
  const reason = request.explainError?.(failure.body) ?? excerpt(failure.body)
  const code: ErrorCode =
    failure.status === 429
      ? 'RATE_LIMITED'
      : failure.status === 404 || failure.status === 410
        ? 'NOT_FOUND'
        : failure.status === 400 || failure.status === 422
          ? 'INVALID_QUERY'
          : 'SOURCE_UNAVAILABLE'
  return new PaperscopeError(
    code,
    `${source}: HTTP ${failure.status} from ${url}${tries}${reason ? `: ${reason}` : ''}`,
    { source: url },
  )
}

/** The first words of an error body, tags stripped, for a message a person can read. */
function excerpt(body: string): string {
  const text = body
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return text.length > 160 ? `${text.slice(0, 157)}...` : text
}
