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

/** The error body every failing route returns. */
export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.string().describe('Stable error code, e.g. NOT_FOUND, INVALID_ARGUMENT'),
    message: z.string(),
    field: z.string().optional().describe('The request parameter at fault, when there is one'),
  }),
})
export type ErrorBody = z.infer<typeof ErrorBodySchema>

const ERROR_JSON = toJsonSchema(ErrorBodySchema)

/** Response schemas for the error statuses a read route can answer with. */
export function errorResponses(...statuses: number[]): Record<number, JsonSchema> {
  return Object.fromEntries(statuses.map((s) => [s, { ...ERROR_JSON, description: ERROR_DESCRIPTIONS[s] ?? 'Error' }]))
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'A parameter is missing or invalid; `error.field` names it',
  404: 'No such resource',
  413: 'The JSON body is over 256 KiB',
  415: 'The body is not JSON (`content-type: application/json`)',
  429: 'Too many requests; see the Retry-After header',
  431: 'The URL is over 16 KB (Node refuses the request head): send a long text in a POST body',
  503: 'The library has not been analysed yet (`paperscope analyze`)',
}

/** A 1-based page number, shared by every paged route. */
export const PageParamSchema = z.number().int().min(1).max(10_000).default(1).describe('1-based page number')
