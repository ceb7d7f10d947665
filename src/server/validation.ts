/**
 * @module How requests are validated: a query string or a path is text, so its numbers and lists are read
 * from that text (`?k=5`); a JSON body already has types, so a wrong one is an error (`{"text": 5}` is no
 * text), where Fastify's one default validator would have turned it into `"5"`.
 */
import { Ajv, type Options } from 'ajv'
import formats from 'ajv-formats'
import type { FastifySchemaCompiler } from 'fastify'

// ajv-formats is CommonJS: under NodeNext its function is the default export's `default`.
const addFormats = formats.default

/** Fastify's own ajv settings, but for coercion. */
const SHARED: Options = { useDefaults: true, removeAdditional: true, addUsedSchema: false, allErrors: false }

function createAjv(coerceTypes: 'array' | false): Ajv {
  const ajv = new Ajv({ ...SHARED, coerceTypes })
  addFormats(ajv)
  return ajv
}

/** A server's validator compiler (`app.setValidatorCompiler`); its two ajv instances live as long as the server. */
export function createValidatorCompiler(): FastifySchemaCompiler<unknown> {
  const fromText = createAjv('array')
  const fromJson = createAjv(false)
  return ({ schema, httpPart }) => (httpPart === 'body' ? fromJson : fromText).compile(schema as object)
}
