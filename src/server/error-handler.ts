/**
 * @module The one place errors become HTTP: PaperscopeError codes map to statuses, request validation
 * names the parameter, and anything unexpected is logged and answered with a plain 500 (no paths, no
 * stack traces).
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { isPaperscopeError, PaperscopeError, SearchRefusedError, type ErrorCode } from '../core/index.js'
import type { ErrorBody, ErrorIssue } from './schema-tools.js'
import { BODY_LIMIT, MAX_PARAM_LENGTH, MAX_TEXT_LENGTH } from './schemas.js'

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

/**
 * A PaperscopeError about one request parameter that carries its fault as data: the error body's `issue`, from
 * which a client (the web app) writes its own sentence.
 * @example throw new ParameterError('topic', 'parameter "topic": no topic "nope" …', { kind: 'unknown_value', value: 'nope' })
 */
export class ParameterError extends PaperscopeError {
  readonly issue: ErrorIssue

  /** `code`: INVALID_QUERY for a search's words the index cannot run, as the store says it; else INVALID_ARGUMENT. */
  constructor(field: string, message: string, issue: ErrorIssue, code: 'INVALID_ARGUMENT' | 'INVALID_QUERY' = 'INVALID_ARGUMENT') {
    super(code, message, { field })
    this.issue = issue
  }
}

/**
 * The store's refusal of a search's words as the API says it: `issue` from its reason, so the words are read once
 * (by the store). Only spaces is an empty parameter, as the schema says of an empty one (INVALID_ARGUMENT).
 */
function searchRefusalResponse(err: SearchRefusedError): { status: number; body: ErrorBody; unexpected: boolean } {
  const field = err.field ?? 'q'
  const error: ErrorBody['error'] =
    err.reason === 'empty'
      ? { code: 'INVALID_ARGUMENT', message: `parameter "${field}" must contain words`, field, issue: { kind: 'empty' } }
      : {
          code: err.code,
          message: err.message,
          field,
          issue:
            err.reason === 'letter-and-symbols'
              ? { kind: 'letter_and_symbols', value: (err.word ?? '').slice(0, 200) }
              : { kind: err.reason === 'only-left-out' ? 'only_left_out' : 'no_words' },
        }
  return { status: 400, body: { error }, unexpected: false }
}

/**
 * A fault of the request itself, not of one parameter (a body that is empty or no JSON, a URL that does not
 * decode): the error body's `issue` with no `field`.
 * @example throw new RequestError('the request body is empty; …', { kind: 'body_empty' })
 */
export class RequestError extends PaperscopeError {
  readonly issue: ErrorIssue

  constructor(message: string, issue: ErrorIssue) {
    super('INVALID_ARGUMENT', message)
    this.issue = issue
  }
}

/** The fault of an ajv issue as the error body's `issue`; undefined for one no kind says. */
function issueData(issue: ValidationIssue, field: string | undefined): ErrorIssue | undefined {
  // The body as a whole (an array, a string, none at all) is the one fault with no parameter to name.
  if (!field) return issue.keyword === 'type' && issue.params?.type === 'object' ? { kind: 'not_object' } : undefined
  const params = issue.params ?? {}
  const limit = typeof params.limit === 'number' ? params.limit : undefined
  switch (issue.keyword) {
    case 'required':
      return { kind: 'required' }
    case 'minLength':
    case 'pattern':
      // Every text parameter is at least one character that is not a space (min(1), the pattern `\S`).
      return params.limit === 1 || params.pattern === '\\S' ? { kind: 'empty' } : undefined
    case 'maxLength':
      return limit === undefined ? undefined : { kind: 'too_long', limit }
    case 'minimum':
      return limit === undefined ? undefined : { kind: 'too_small', limit }
    case 'maximum':
      return limit === undefined ? undefined : { kind: 'too_large', limit }
    case 'enum':
      return Array.isArray(params.allowedValues) ? { kind: 'not_one_of', known: params.allowedValues.map(String) } : undefined
    case 'type':
      return params.type === 'integer'
        ? { kind: 'not_integer' }
        : params.type === 'number'
          ? { kind: 'not_number' }
          : params.type === 'boolean'
            ? { kind: 'not_boolean' }
            : params.type === 'string'
              ? { kind: 'not_string' }
              : undefined
    default:
      return undefined
  }
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

/** The parameters a request's route declares, in the order its schema lists them: what an error names as taken. */
export interface DeclaredParameters {
  query?: readonly string[]
  /** Query parameters the request gives more than once, with how many times. */
  repeatedQuery?: Readonly<Record<string, number>>
  body?: readonly string[]
  /** The request's Content-Type as sent, for a 415 to repeat. */
  contentType?: string
}

/** Case, `_` and `-` aside: `pageSize`, `Page-Size` and `page_size` are one name. */
function foldParameter(name: string): string {
  return name.toLowerCase().replace(/[-_]/g, '')
}

/** Edits (insert, delete, change, swap two neighbours) between two words: `tpoic` is 1 from `topic`. */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i]!
      row[j] = Math.min(d[i - 1]![j]! + 1, row[j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, d[i - 2]![j - 2]! + 1)
    }
  }
  return d[a.length]![b.length]!
}

/**
 * The declared parameter an unknown one was clearly meant as: the same name but for case, `_` and `-`, or a
 * letter or two off (one edit per four letters, at most two). None when it is further, or as near to two.
 * @example nearestParameter('pageSize', ['page', 'page_size']) // 'page_size'; nearestParameter('year', ['year_from', 'year_to']) // undefined
 */
export function nearestParameter(name: string, known: readonly string[]): string | undefined {
  const wanted = foldParameter(name)
  if (!wanted) return undefined
  const allowed = Math.min(2, Math.floor(wanted.length / 4))
  const near = known
    .map((k) => ({ k, folded: foldParameter(k) }))
    // Lengths further apart than the edits allowed are never near: an unknown name may be long, so skip the count.
    .filter(({ folded }) => Math.abs(folded.length - wanted.length) <= allowed)
    .map(({ k, folded }) => ({ k, d: editDistance(wanted, folded) }))
    .filter(({ d }) => d <= allowed)
  const best = Math.min(...near.map(({ d }) => d))
  const nearest = near.filter(({ d }) => d === best)
  return nearest.length === 1 ? nearest[0]!.k : undefined
}

/**
 * An unknown query parameter or body field as the error's `issue`: its name, the ones the route takes there, and
 * the one meant when it is clear (as the message names it; none for a body field sent in the URL).
 */
function unknownParameterIssue(name: string, where: 'query' | 'body', declared: DeclaredParameters): ErrorIssue {
  const known = [...((where === 'body' ? declared.body : declared.query) ?? [])]
  const meant = where === 'query' && declared.body?.includes(name) ? undefined : nearestParameter(name, known)
  return { kind: 'unknown_parameter', ...(name ? { value: name.slice(0, 100) } : {}), known, ...(meant ? { other: meant } : {}) }
}

/** What an unknown query parameter is answered with: the name meant, when it is clear, and the names the route takes. */
function describeUnknownQueryParameter(name: string, declared: DeclaredParameters): string {
  const query = declared.query ?? []
  const shown = `"${name.slice(0, 100)}"`
  const takes = query.length > 0 ? `this route takes: ${query.join(', ')}` : 'this route takes no query parameters'
  if (!name) return `a query parameter has no name (an "=" with nothing before it); ${takes}`
  if (declared.body?.includes(name)) return `unknown query parameter ${shown}; send ${shown} in the JSON body (${takes})`
  const meant = nearestParameter(name, query)
  if (meant) return `unknown query parameter ${shown}; did you mean "${meant}"? ${takes.charAt(0).toUpperCase()}${takes.slice(1)}`
  return `unknown query parameter ${shown}; ${takes}`
}

/** What an unknown field of a JSON body is answered with: the field meant, when it is clear, and the fields the route takes. */
function describeUnknownBodyField(name: string, declared: DeclaredParameters): string {
  const body = declared.body ?? []
  const shown = `"${name.slice(0, 100)}"`
  const takes = `the body takes: ${body.join(', ')}`
  const meant = nearestParameter(name, body)
  return `unknown field ${shown} in the JSON body; ${meant ? `did you mean "${meant}"? ` : ''}${meant ? takes.charAt(0).toUpperCase() + takes.slice(1) : takes}`
}

/**
 * Turns any error into a status and an error body. `declared` names the parameters of the request's route, for
 * an unknown query parameter. Exported for tests.
 */
export function toErrorResponse(err: unknown, declared: DeclaredParameters = {}): { status: number; body: ErrorBody; unexpected: boolean } {
  if (err instanceof SearchRefusedError) return searchRefusalResponse(err)
  if (isPaperscopeError(err)) {
    const status = STATUS_BY_CODE[err.code] ?? 500
    // A 5xx says nothing of the host; "not analysed yet" is one the caller can act on, in words of our own.
    if (err.code === 'NOT_ANALYSED') return { status, body: { error: { code: err.code, message: NOT_ANALYSED_MESSAGE } }, unexpected: false }
    if (status >= 500) return internal(err.code === 'STORE_FAILED' ? 'STORE_FAILED' : 'INTERNAL', status)
    const issue = err instanceof ParameterError || err instanceof RequestError ? err.issue : undefined
    return {
      status,
      body: { error: { code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}), ...(issue ? { issue } : {}) } },
      unexpected: false,
    }
  }
  const fastifyError = err as Partial<FastifyError> & { validation?: ValidationIssue[]; validationContext?: string }
  if (Array.isArray(fastifyError.validation) && fastifyError.validation.length > 0) {
    // An unknown query parameter comes first: `?Q=x` is answered with "did you mean q", not "q is required".
    const context = fastifyError.validationContext
    const unknown = context === 'querystring' || context === 'body' ? fastifyError.validation.find((i) => i.keyword === 'additionalProperties' && !i.instancePath) : undefined
    const name = unknown?.params?.additionalProperty
    if (typeof name === 'string') {
      const message = context === 'body' ? describeUnknownBodyField(name, declared) : describeUnknownQueryParameter(name, declared)
      return {
        status: 400,
        body: { error: { code: 'INVALID_ARGUMENT', message, ...(name ? { field: name.slice(0, 100) } : {}), issue: unknownParameterIssue(name, context === 'body' ? 'body' : 'query', declared) } },
        unexpected: false,
      }
    }
    const issue = fastifyError.validation[0]!
    const field = issueField(issue)
    // `?q=a&q=b` arrives as a list: "must be string" would not say what is wrong with the URL.
    const given = field && fastifyError.validationContext === 'querystring' ? declared.repeatedQuery?.[field] : undefined
    const repeated = given !== undefined && issue.keyword === 'type'
    const message = repeated ? `parameter "${field}" is given ${given} times; give it once` : describeIssue(issue, field)
    const data: ErrorIssue | undefined = repeated ? { kind: 'repeated', count: given } : issueData(issue, field)
    return {
      status: 400,
      body: { error: { code: 'INVALID_ARGUMENT', message, ...(field ? { field } : {}), ...(data ? { issue: data } : {}) } },
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
    const issue = frameworkIssue(fastifyError.code, declared)
    return { status, body: { error: { code, message, ...(issue ? { issue } : {}) } }, unexpected: false }
  }
  return internal('INTERNAL', 500)
}

/** The `issue` of a 4xx Fastify raises itself while reading a body, by its code; none for one it does not name. */
function frameworkIssue(code: string | undefined, declared: DeclaredParameters): ErrorIssue | undefined {
  switch (code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { kind: 'body_too_large', limit: BODY_LIMIT }
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE': {
      const given = declared.contentType?.trim()
      return { kind: 'wrong_content_type', ...(given ? { value: given.slice(0, 100) } : {}), known: ['application/json'] }
    }
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { kind: 'length_mismatch' }
    default:
      return undefined
  }
}

/**
 * The API's error body for a URL the router refuses before any route (Fastify's `frameworkErrors`): a
 * percent-encoding that does not decode, or a path segment over {@link MAX_PARAM_LENGTH} characters (said as
 * such: it had been called a bad percent-encoding too).
 * @example frameworkErrorBody(Object.assign(new Error(), { code: 'FST_ERR_BAD_URL' })).error.issue // { kind: 'bad_percent_encoding' }
 */
export function frameworkErrorBody(err: { code?: string }): ErrorBody {
  if (err.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    const message = `a part of the URL path is over ${MAX_PARAM_LENGTH.toLocaleString('en')} characters; no id is that long`
    return { error: { code: 'INVALID_ARGUMENT', message, issue: { kind: 'too_long', limit: MAX_PARAM_LENGTH } } }
  }
  const message = 'the URL has a bad percent-encoding (a % must be followed by two hex digits of UTF-8)'
  return { error: { code: 'INVALID_ARGUMENT', message, issue: { kind: 'bad_percent_encoding' } } }
}

function internal(code: ErrorCode, status: number): { status: number; body: ErrorBody; unexpected: boolean } {
  return { status, body: { error: { code, message: 'something went wrong on the server; it has been logged' } }, unexpected: true }
}

/** The query and body parameters the request's route declares (none for a request no route took). */
function declaredParameters(request: FastifyRequest): DeclaredParameters {
  const schema = request.routeOptions.schema as { querystring?: { properties?: object }; body?: { properties?: object } } | undefined
  const repeatedQuery = Object.fromEntries(
    Object.entries((request.query ?? {}) as Record<string, unknown>).flatMap(([name, value]) => (Array.isArray(value) ? [[name, value.length]] : [])),
  )
  const contentType = request.headers['content-type']
  return {
    query: Object.keys(schema?.querystring?.properties ?? {}),
    body: Object.keys(schema?.body?.properties ?? {}),
    repeatedQuery,
    ...(contentType !== undefined ? { contentType } : {}),
  }
}

/** Installs the error handler and the JSON 404 for unknown API routes. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const { status, body, unexpected } = toErrorResponse(err, declaredParameters(request))
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

/**
 * A request body read as JSON, or the 400 saying what is wrong with it: empty, where it stops being JSON (the
 * parser's own words, with the position), or a key that could reach an object's prototype (refused, by name).
 * @example parseJsonBody('{"text": ') // PaperscopeError: the request body is not valid JSON: Unexpected end of JSON input
 */
export function parseJsonBody(body: string): { value: unknown } | PaperscopeError {
  if (body.trim() === '') return new RequestError('the request body is empty; send a JSON object, e.g. {"text": "…"}', { kind: 'body_empty' })
  let refused: string | undefined
  try {
    const value: unknown = JSON.parse(body, function (key, v: unknown) {
      // `constructor` is refused only holding `prototype`, as Fastify's own reader did: a field may be named so.
      if (key === '__proto__' || (key === 'constructor' && v !== null && typeof v === 'object' && Object.hasOwn(v, 'prototype'))) refused ??= key
      return v
    })
    if (refused) return new RequestError(`the request body holds the key "${refused}", which is refused (it could reach an object's prototype)`, { kind: 'refused_key', value: refused })
    return { value }
  } catch (err) {
    // V8 quotes the start of the body and says where it broke: the client's own text, never the server's.
    const said = (err as Error).message
    // "… at position 13"; a body cut short breaks where it ends ("Unexpected end of JSON input").
    const at = /\bat position (\d+)/.exec(said)?.[1]
    const position = at !== undefined ? Number(at) : /end of JSON input/.test(said) ? body.length : undefined
    return new RequestError(`the request body is not valid JSON: ${said.slice(0, 300)}`, { kind: 'not_json', ...(position !== undefined ? { position } : {}) })
  }
}

/** The body for a route that does not exist. */
export function notFoundBody(method: string, url: string): ErrorBody {
  const path = url.split('?')[0] ?? url
  // A DOI pasted as it is (`/papers/10.2139/ssrn.288970`): its slash makes another path; say how to write it.
  // Every slash of the DOI is written so (`10.1093/nar/gkaa1100`), a sub-resource after it (`/bibtex`) stays one.
  const doi = /^\/api\/v1\/papers\/(10\.\d{4,9}\/[^?#]+?)(\/(?:vector|bibtex))?\/?$/.exec(path)
  const hint = doi ? `: a DOI's slash is written %2F in a path (/api/v1/papers/${doi[1]!.slice(0, 150).replaceAll('/', '%2F')}${doi[2] ?? ''})` : ''
  return { error: { code: 'NOT_FOUND', message: `no route ${method} ${path.slice(0, 200)}${hint}` } }
}
