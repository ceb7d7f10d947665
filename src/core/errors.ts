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

/** True for an error of the operating system about a file (Node's `code` + `syscall`), not a bug. */
export function isFileSystemError(err: unknown): err is NodeJS.ErrnoException {
  const e = err as NodeJS.ErrnoException | null
  return err instanceof Error && typeof e?.code === 'string' && typeof e.syscall === 'string'
}

/**
 * What went wrong with a file, in plain words instead of Node's `ENOENT: no such file or directory, open '…'`.
 * `action` says which part of a missing path is missing: the file to read, or the folder to write into.
 * @example fileProblem(err, 'write') // 'no such folder'
 */
export function fileProblem(err: NodeJS.ErrnoException, action: 'read' | 'write' | 'open'): string {
  switch (err.code) {
    case 'ENOENT':
      return action === 'write'
        ? 'no such folder'
        : action === 'read'
          ? 'no such file'
          : 'no such file or folder'
    case 'EISDIR':
      return 'it is a folder, not a file'
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'EROFS':
      return 'the file system is read-only'
    case 'ENOSPC':
      return 'no space left on the disk'
    case 'EDQUOT':
      return 'over the disk quota'
    case 'ENAMETOOLONG':
      return 'the name is too long'
    case 'ELOOP':
      return 'too many symbolic links'
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files'
    default:
      // `EIO: i/o error, read` → `i/o error (EIO)`: Node's words without the code prefix and system call.
      return `${/^[A-Z]+: ([^,]+)/.exec(err.message)?.[1] ?? err.message} (${err.code})`
  }
}
