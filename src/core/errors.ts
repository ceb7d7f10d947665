/** @module The error catalog: every failure Paperscope reports has a stable code, and a cause when it wraps one. */

/** Stable error codes. HTTP statuses are mapped from these at the edge, never here. */
export type ErrorCode =
  | 'SOURCE_UNAVAILABLE'
  | 'PARSE_FAILED'
  | 'UNKNOWN_FORMAT'
  | 'NOT_FOUND'
  | 'INVALID_ARGUMENT'
  | 'INVALID_QUERY'
  | 'CONFLICT'
  | 'STORE_FAILED'
  | 'RATE_LIMITED'
  | 'PAYLOAD_TOO_LARGE'
  | 'TIMEOUT'
  /** A local model (an ONNX embedding model) is missing or unreadable. */
  | 'MODEL_UNAVAILABLE'
  /** The library has no analysis yet (imported with `--no-analyze`): similar texts and classify wait for one. */
  | 'NOT_ANALYSED'
  | 'INTERNAL'

/** Where in an input a problem sits; every field is optional because not every source has lines. */
export interface ErrorLocation {
  source?: string
  line?: number
  field?: string
}

/**
 * The one error class Paperscope throws on purpose.
 * @example throw new PaperscopeError('NOT_FOUND', `no paper with id ${id}`, { field: 'id' })
 */
export class PaperscopeError extends Error {
  readonly code: ErrorCode
  readonly source: string | undefined
  readonly line: number | undefined
  readonly field: string | undefined

  constructor(code: ErrorCode, message: string, where: ErrorLocation & { cause?: unknown } = {}) {
    super(message, where.cause === undefined ? undefined : { cause: where.cause })
    this.name = 'PaperscopeError'
    this.code = code
    this.source = where.source
    this.line = where.line
    this.field = where.field
  }
}

/** True when `err` is a PaperscopeError, optionally with the given code. */
export function isPaperscopeError(err: unknown, code?: ErrorCode): err is PaperscopeError {
  return err instanceof PaperscopeError && (code === undefined || err.code === code)
}
