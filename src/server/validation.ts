/**
 * @module How requests are validated: a query string or a path is text, so its numbers and lists are read
 * from that text (`?k=5`); a JSON body already has types, so a wrong one is an error (`{"text": 5}` is no
 * text), where Fastify's one default validator would have turned it into `"5"`. An API route's query string
 * takes only the parameters the route declares (src/server/app.ts closes each with `closedQuerySchema`):
 * `?pageSize=5` is refused, not ignored; so does a JSON body (`closedBodySchema`).
 */
import { Ajv, type Options } from 'ajv'
import formats from 'ajv-formats'
import type { FastifySchemaCompiler } from 'fastify'
import type { JsonSchema } from './schema-tools.js'

// ajv-formats is CommonJS: under NodeNext its function is the default export's `default`.
const addFormats = formats.default

/** Fastify's own ajv settings, but for coercion. */
const SHARED: Options = { useDefaults: true, removeAdditional: true, addUsedSchema: false, allErrors: false }

/**
 * For text: an undeclared query parameter must be an error, not quietly removed; and every error is kept, so
 * the error handler can name an unknown parameter (`?Q=`) before the one it was meant as (`q` is required).
 * A URL is at most 16 KB, so collecting every error costs little.
 */
const TEXT: Options = { ...SHARED, removeAdditional: false, allErrors: true }

/** A JSON body likewise: a misspelt or unknown field (`"limit"` for `k`) is an error, not quietly dropped. */
const JSON_BODY: Options = { ...SHARED, removeAdditional: false, allErrors: true }

function createAjv(options: Options, coerceTypes: 'array' | false): Ajv {
  const ajv = new Ajv({ ...options, coerceTypes })
  addFormats(ajv)
  return ajv
}

/**
 * A route's query-string schema, closed to parameters it does not name; none means the route takes none.
 * @example closedQuerySchema(toJsonSchema(PapersQuerySchema, 'input')) // `?pageSize=5` fails validation
 */
export function closedQuerySchema(schema: JsonSchema | undefined): JsonSchema {
  return { type: 'object', properties: {}, ...schema, additionalProperties: false }
}

/**
 * A route's JSON body schema, closed to fields it does not name.
 * @example closedBodySchema(toJsonSchema(SimilarQuerySchema, 'input')) // `{"text": "…", "limit": 5}` fails validation
 */
export function closedBodySchema(schema: JsonSchema): JsonSchema {
  return schema.type === 'object' ? { ...schema, additionalProperties: false } : schema
}

/** A server's validator compiler (`app.setValidatorCompiler`); its two ajv instances live as long as the server. */
export function createValidatorCompiler(): FastifySchemaCompiler<unknown> {
  const fromText = createAjv(TEXT, 'array')
  const fromJson = createAjv(JSON_BODY, false)
  return ({ schema, httpPart }) => (httpPart === 'body' ? fromJson : fromText).compile(schema as object)
}
