/**
 * @module The one place errors become HTTP: PaperscopeError codes map to statuses, request validation
 * names the parameter, and anything unexpected is logged and answered with a plain 500 (no paths, no
 * stack traces).
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { isPaperscopeError, type ErrorCode } from '../core/index.js'
import type { ErrorBody } from './schema-tools.js'
import { BODY_LIMIT, MAX_TEXT_LENGTH } from './schemas.js'

/** HTTP status for each error code. */
export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  NOT_FOUND: 404,
  INVALID_ARGUMENT: 400,
  INVALID_QUERY: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  UNKNOWN_FORMAT: 415,
  PARSE_FAILED: 422,
  SOURCE_UNAVAILABLE: 503,
  TIMEOUT: 504,
  MODEL_UNAVAILABLE: 503,
  NOT_ANALYSED: 503,
  STORE_FAILED: 500,
  INTERNAL: 500,
}

/** What a route that needs the analysis says before there is one; the handler answers NOT_ANALYSED with it. */
export const NOT_ANALYSED_MESSAGE = 'the library has not been analysed yet; run `paperscope analyze`'

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'INVALID_ARGUMENT',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNKNOWN_FORMAT',
  429: 'RATE_LIMITED',
}

interface ValidationIssue {
  instancePath?: string
  keyword?: string
  message?: string
  params?: Record<string, unknown>
}

/** The parameter an ajv issue is about: `/page` → `page`, a missing `q` → `q`. */
function issueField(issue: ValidationIssue): string | undefined {
  const missing = issue.params?.missingProperty
  if (typeof missing === 'string') return missing
  const path = issue.instancePath?.replace(/^\//, '').split('/')[0]
  return path || undefined
}

function describeIssue(issue: ValidationIssue, field: string | undefined): string {
  if (issue.keyword === 'required') return `parameter "${field}" is required`
  if (issue.keyword === 'minLength' && issue.params?.limit === 1) return `parameter "${field}" must not be empty`
  // Texts must hold something besides spaces (schemas say so with the pattern `\S`).
  if (issue.keyword === 'pattern' && issue.params?.pattern === '\\S') return `parameter "${field}" must not be empty or only spaces`
  if (!field && issue.keyword === 'type' && issue.params?.type === 'object') return 'the request body must be a JSON object'
  if (issue.keyword === 'enum' && Array.isArray(issue.params?.allowedValues)) {
    return `parameter "${field}" must be one of: ${(issue.params.allowedValues as unknown[]).join(', ')}`
  }
  return field ? `parameter "${field}" ${issue.message ?? 'is invalid'}` : (issue.message ?? 'invalid request')
}

/** Turns any error into a status and an error body. Exported for tests. */
export function toErrorResponse(err: unknown): { status: number; body: ErrorBody; unexpected: boolean } {
  if (isPaperscopeError(err)) {
    const status = STATUS_BY_CODE[err.code] ?? 500
    // A 5xx says nothing of the host; "not analysed yet" is one the caller can act on, in words of our own.
    if (err.code === 'NOT_ANALYSED') return { status, body: { error: { code: err.code, message: NOT_ANALYSED_MESSAGE } }, unexpected: false }
    if (status >= 500) return internal(err.code === 'STORE_FAILED' ? 'STORE_FAILED' : 'INTERNAL', status)
    return {
      status,
      body: { error: { code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}) } },
      unexpected: false,
    }
  }
  const fastifyError = err as Partial<FastifyError> & { validation?: ValidationIssue[] }
  if (Array.isArray(fastifyError.validation) && fastifyError.validation.length > 0) {
    const issue = fastifyError.validation[0]!
    const field = issueField(issue)
    return {
      status: 400,
      body: { error: { code: 'INVALID_ARGUMENT', message: describeIssue(issue, field), ...(field ? { field } : {}) } },
      unexpected: false,
    }
  }
  const status = typeof fastifyError.statusCode === 'number' ? fastifyError.statusCode : 500
  // A folder of static files answers 403; say "not found" instead of confirming the folder exists.
  if (status === 403) return { status: 404, body: { error: { code: 'NOT_FOUND', message: 'not found' } }, unexpected: false }
  if (status >= 400 && status < 500) {
    // Fastify's own 4xx messages (bad JSON, unsupported media type) are about the request, never the host.
    const code = CODE_BY_STATUS[status] ?? 'INVALID_ARGUMENT'
    // Every body the API reads is JSON; say so rather than Fastify's bare "Unsupported Media Type".
    const message =
      status === 415
        ? 'send the request body as JSON, with the header Content-Type: application/json'
        : status === 413
          ? `the request body is over ${BODY_LIMIT / 1024} KiB; a text may have up to ${MAX_TEXT_LENGTH.toLocaleString('en')} characters`
          : (fastifyError.message ?? 'bad request')
    return { status, body: { error: { code, message } }, unexpected: false }
  }
  return internal('INTERNAL', 500)
}

function internal(code: ErrorCode, status: number): { status: number; body: ErrorBody; unexpected: boolean } {
  return { status, body: { error: { code, message: 'something went wrong on the server; it has been logged' } }, unexpected: true }
}

/** Installs the error handler and the JSON 404 for unknown API routes. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const { status, body, unexpected } = toErrorResponse(err)
    if (unexpected) request.log.error({ err }, 'unexpected error')
    else if (status === 429) request.log.warn({ ip: request.ip }, 'rate limited')
    void reply.status(status).type('application/json; charset=utf-8').send(body)
  })
}

/**
 * The raw response to a request Node refuses before Fastify reads it: a URL with headers over 16 KB (431, a
 * long `GET /similar?text=`), one that took too long (408), or bytes that are no HTTP (400). Same error body
 * as every other answer.
 */
/**
 * What helmet would send, for the answers made before its hooks run (a request Node refuses, a path the router
 * cannot decode): none of them has anything for a browser to run or sniff.
 */
export const BARE_SECURITY_HEADERS = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
} as const

export function clientErrorResponse(err: Error & { code?: string }): string {
  const [status, reason, error] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Request Header Fields Too Large', { code: 'INVALID_ARGUMENT', message: 'the URL and headers are over 16 KB; send a long text in a JSON body (POST /api/v1/similar, POST /api/v1/classify)' }]
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request Timeout', { code: 'TIMEOUT', message: 'the request took too long to arrive' }]
        : [400, 'Bad Request', { code: 'INVALID_ARGUMENT', message: 'the request is not valid HTTP' }]
  const json = JSON.stringify({ error } satisfies ErrorBody)
  const security = Object.entries(BARE_SECURITY_HEADERS).map(([name, value]) => `${name}: ${value}\r\n`).join('')
  return `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(json)}\r\n${security}Connection: close\r\n\r\n${json}`
}

/** The body for a route that does not exist. */
export function notFoundBody(method: string, url: string): ErrorBody {
  const path = url.split('?')[0] ?? url
  return { error: { code: 'NOT_FOUND', message: `no route ${method} ${path.slice(0, 200)}` } }
}
