/** @module Zod schemas → the JSON Schemas Fastify validates requests and serializes responses with. */
import { z } from 'zod'

export type JsonSchema = Record<string, unknown>

/**
 * The JSON Schema (draft-07, what Fastify's ajv and fast-json-stringify read) of a zod schema.
 * `input` describes what a client sends (defaults optional); `output` what the server returns.
 * @example const querystring = toJsonSchema(PapersQuerySchema, 'input')
 */
export function toJsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'output'): JsonSchema {
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, { target: 'draft-7', io, unrepresentable: 'any' }) as JsonSchema
  return json
}

/** What can be wrong with one parameter, or with the request itself (its body, its URL), as `issue.kind` says it. */
export const ERROR_ISSUE_KINDS = [
  'unknown_value',
  'not_integer',
  'not_number',
  'not_boolean',
  'not_string',
  'too_small',
  'too_large',
  'too_long',
  'empty',
  'not_one_of',
  'required',
  'repeated',
  'before',
  'disagrees',
  'needs',
  'no_words',
  'only_left_out',
  'letter_and_symbols',
  'unknown_parameter',
  'body_empty',
  'not_json',
  'refused_key',
  'not_object',
  'wrong_content_type',
  'body_too_large',
  'length_mismatch',
  'bad_percent_encoding',
] as const

/**
 * A refused parameter's fault as data (the `message` says it in English), so a client can say it in its own
 * words without reading the sentence: the web app's filter errors are written from it.
 */
export const ErrorIssueSchema = z
  .object({
    kind: z
      .enum(ERROR_ISSUE_KINDS)
      .describe(
        "unknown_value: the library has no such topic, author, source or category (`value`); not_integer: not a whole number; not_number: not a number; not_boolean: not true or false; not_string: a JSON body field that is not a string (a number, a list); too_small: a number under `limit`; too_large: a number over `limit`; too_long: a text over `limit` characters; empty: a text that is empty or only spaces; not_one_of: not one of `known`; required: missing; repeated: given `count` times, where it is taken once; before: a range's end before its start, the parameter `other`; disagrees: given with `other`, another name of it, and a different value; needs: a value that needs the parameter `other` given too; no_words: a search with no word in it (letters or digits); only_left_out: a search whose every word is one to leave out (`-word`, `NOT word`), so nothing to find; letter_and_symbols: a search for a letter with + or # (`value`, as `c++`), which the index holds as the lone letter; unknown_parameter: a query parameter or JSON body field (`value`) the route does not take, `known` those it takes there, `other` the one meant when the name is near one. Faults of the request itself, with no `field`: body_empty: a JSON body that is empty or only spaces; not_json: a body that is not valid JSON, broken at character `position` (0-based) when the parser says where; refused_key: a body holding a key that could reach an object's prototype (`value`: __proto__ or constructor); not_object: a body that is JSON but not an object (an array, a string, none at all); wrong_content_type: a body not sent as JSON (415; `value` the Content-Type given, `known` the one taken); body_too_large: a body over `limit` bytes (413); length_mismatch: a body whose size is not what its Content-Length says; bad_percent_encoding: a URL path whose %-escapes do not decode as UTF-8; too_long without `field`: a URL path segment over `limit` characters",
      ),
    value: z.string().optional().describe('For unknown_value: the value as given (its first 200 characters); for letter_and_symbols: the word the index cannot search (`c++`); for unknown_parameter: the name given (its first 100 characters; absent for a parameter with no name); for refused_key: the key; for wrong_content_type: the Content-Type given (its first 100 characters; absent when none)'),
    limit: z.number().optional().describe('For too_small the least value taken, for too_large the most, for too_long the most characters, for body_too_large the most bytes'),
    count: z.number().int().optional().describe('For repeated: how many times the parameter was given'),
    position: z.number().int().optional().describe('For not_json: the character (0-based) where the body stops being JSON; its length when it ends too soon'),
    other: z
      .string()
      .optional()
      .describe('For before: the parameter this one must not come before (`year_from`); for disagrees: the parameter it is another name of (`page_size`); for needs: the parameter it needs (`topic`); for unknown_parameter: the one meant, when the name is near one (`page_size` for `pageSize`)'),
    known: z
      .array(z.string())
      .optional()
      .describe(
        'For not_one_of: every value taken. For wrong_content_type: the Content-Type taken (application/json). For unknown_value: the values the library has when they are few enough to list (sources; categories, most papers first, at most 30); absent for topics and authors (GET /topics, GET /authors list them). For unknown_parameter: the parameters the route takes in the query, or the fields its JSON body takes',
      ),
  })
  .describe('What is wrong with the parameter `field` names, or with the request itself (its body, its URL) when no `field` is named, as data')
export type ErrorIssue = z.infer<typeof ErrorIssueSchema>

/** The error body every failing route returns. */
export const ErrorBodySchema = z.object({
  error: z
    .object({
      code: z.string().describe('Stable error code, e.g. NOT_FOUND, INVALID_ARGUMENT, METHOD_NOT_ALLOWED, RATE_LIMITED'),
      message: z.string().describe('What went wrong and what to do, in a sentence for a person; never a path or a stack trace'),
      field: z.string().optional().describe('The request parameter at fault, when there is one'),
      issue: ErrorIssueSchema.optional(),
    })
    .describe('What went wrong'),
})
export type ErrorBody = z.infer<typeof ErrorBodySchema>

const ERROR_JSON = toJsonSchema(ErrorBodySchema)

/**
 * The headers @fastify/rate-limit sends with a 429, as OpenAPI response headers (@fastify/swagger lists a
 * response schema's `headers`; each one's description goes beside its schema).
 */
export const RATE_LIMIT_HEADERS: Record<string, JsonSchema> = {
  'Retry-After': { type: 'integer', minimum: 0, description: 'Seconds until the client may send again' },
  'x-ratelimit-limit': { type: 'integer', minimum: 0, description: 'Requests a client may send per window' },
  'x-ratelimit-remaining': { type: 'integer', minimum: 0, description: 'Requests left in the current window (0 on a 429)' },
  'x-ratelimit-reset': { type: 'integer', minimum: 0, description: 'Seconds until the window starts again' },
}

/** The rate limit's headers every API answer carries, a success too (all but Retry-After), when a limit is set. */
export const RATE_LIMIT_STATUS_HEADERS: Record<string, JsonSchema> = Object.fromEntries(
  Object.entries(RATE_LIMIT_HEADERS)
    .filter(([name]) => name !== 'Retry-After')
    .map(([name, header]) => [name, { ...header, description: `${String(header.description)} (sent when the server has a rate limit, as it has unless PAPERSCOPE_RATE_LIMIT=0)` }]),
)

/** Response headers per error status, beside the error body. */
const ERROR_HEADERS: Record<number, Record<string, JsonSchema>> = { 429: RATE_LIMIT_HEADERS }

/**
 * Response schemas for the error statuses a route can answer with. 431 need not be listed: every API
 * operation gets it (src/server/app.ts), since Node answers it before any route runs.
 */
export function errorResponses(...statuses: number[]): Record<number, JsonSchema> {
  return Object.fromEntries(
    statuses.map((s) => [s, { ...ERROR_JSON, description: ERROR_DESCRIPTIONS[s] ?? 'Error', ...(ERROR_HEADERS[s] ? { headers: ERROR_HEADERS[s] } : {}) }]),
  )
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'A parameter is missing or invalid (`error.field` names it), or the JSON body or the URL is (no `field`; `error.issue.kind` says what: body_empty, not_json, refused_key, not_object, length_mismatch, bad_percent_encoding, too_long)',
  404: 'No such resource',
  413: 'The JSON body is over 256 KiB (`error.issue`: body_too_large, its `limit` in bytes)',
  415: 'The body is not JSON (`content-type: application/json`; `error.issue`: wrong_content_type)',
  429: 'Too many requests; see the Retry-After header',
  431: 'The URL and headers together are over 16 KB (Node refuses the request head before any route reads it): send a long text in a JSON body (POST /similar, POST /classify)',
  503: 'The library has not been analysed yet (`paperscope analyze`)',
}

/** A 1-based page number, shared by every paged route. */
export const PageParamSchema = z.number().int().min(1).max(10_000).default(1).describe('1-based page number')

/** Items on one page of every paged list (/papers, /search, /authors, /researchers) unless `page_size` says. */
export const PAGE_SIZE = 20

/** The most items one page holds. */
export const MAX_PAGE_SIZE = 100

/** Items per page, 1 to {@link MAX_PAGE_SIZE}, without a default (a route that reads an older name fills it in). */
export const PageSizeSchema = z.number().int().min(1).max(MAX_PAGE_SIZE)

/**
 * A route's `page_size`: the one default of every paged list, said in its description.
 * @example pageSizeParam('Papers') // `Papers per page (default 20)`
 */
export function pageSizeParam(what: string) {
  return PageSizeSchema.default(PAGE_SIZE).describe(`${what} per page (default ${PAGE_SIZE})`)
}
