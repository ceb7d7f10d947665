/** @module What a CLI command writes to and reads from, passed in so tests run commands in-process. */
import { open, writeFile } from 'node:fs/promises'
import { pipeline, Transform, type Readable } from 'node:stream'
import type { Env } from '../config/index.js'
import { PaperscopeError, detectUtf16, fileProblem, isFileSystemError } from '../core/index.js'

export interface CliIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  env: Env
  cwd: string
  /** True when stderr is a terminal (progress bars only then). */
  interactive: boolean
  now: () => Date
  /** Standard input, for commands that read `-` (classify --jsonl -). */
  stdin?: NodeJS.ReadableStream
}

/** Exit codes: 0 all read; 2 some entries rejected (the rest imported); 1 fatal, nothing half-written. */
export const EXIT = { ok: 0, fatal: 1, partial: 2, interrupted: 130 } as const

/** Thrown by a command to end with a given exit code after it has printed its own message. */
export class CliExit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`)
  }
}

// ---- files the CLI reads and writes ---------------------------------------------------------------------

/** The error for a file a command cannot read or write, worded for a person: `cannot write x.bib: no such folder`. */
export function fileError(action: 'read' | 'write', shown: string, err: unknown): PaperscopeError {
  const why = isFileSystemError(err) ? fileProblem(err, action) : String((err as Error)?.message ?? err)
  // A file to read is a source; a file to write is what the user named on the command line.
  return new PaperscopeError(
    action === 'read' ? 'SOURCE_UNAVAILABLE' : 'INVALID_ARGUMENT',
    `cannot ${action} ${shown}: ${why}`,
    {
      source: shown,
      cause: err,
    },
  )
}

/**
 * Opens a text file to read as a stream. Fails at once, in plain words, for a missing file or a folder (a
 * folder opens fine and fails only at the first read, after whatever work came before).
 */
export async function openTextFile(path: string, shown: string): Promise<Readable> {
  let handle
  try {
    handle = await open(path, 'r')
  } catch (err) {
    throw fileError('read', shown, err)
  }
  const stat = await handle.stat().catch(() => null)
  if (stat?.isDirectory()) {
    await handle.close()
    throw new PaperscopeError('SOURCE_UNAVAILABLE', `cannot read ${shown}: it is a folder, not a file`, {
      source: shown,
    })
  }
  return decodeTextStream(handle.createReadStream())
}

/**
 * Text from a byte stream (a file, a pipe, standard input): UTF-8, or UTF-16 when its first bytes say so (a
 * byte-order mark, or NULs in every other byte: Windows editors, PowerShell's `>`), which as UTF-8 were lines of
 * NULs. Decided on the first chunk, so lines typed at a terminal are read as they come.
 */
export function decodeTextStream(input: Readable): Readable {
  let decoder: TextDecoder | null = null
  const decode = new Transform({
    transform: (chunk: Buffer, _encoding, done) => {
      let bytes: Uint8Array = chunk
      if (!decoder) {
        const utf16 = detectUtf16(chunk)
        decoder = new TextDecoder(utf16?.encoding ?? 'utf-8', { ignoreBOM: true })
        bytes = chunk.subarray(utf16?.bomLength ?? 0)
      }
      done(null, decoder.decode(bytes, { stream: true }))
    },
    flush: (done) => done(null, decoder?.decode() ?? ''),
  })
  // pipeline: an error on either side ends both, and a file is closed.
  return pipeline(input, decode, () => {}).setEncoding('utf8')
}

/** Writes a text file, failing in plain words (`cannot write out/x.bib: no such folder`). */
export async function writeTextFile(path: string, shown: string, text: string): Promise<void> {
  try {
    await writeFile(path, text, 'utf8')
  } catch (err) {
    throw fileError('write', shown, err)
  }
}

/**
 * True when `path` is an SQLite database (its first 16 bytes say so): a library, which a text written over it
 * would destroy. A missing or unreadable file is none.
 */
export async function isSqliteFile(path: string): Promise<boolean> {
  let handle
  try {
    handle = await open(path, 'r')
    const head = Buffer.alloc(16)
    const { bytesRead } = await handle.read(head, 0, 16, 0)
    return bytesRead === 16 && head.toString('latin1') === 'SQLite format 3\0'
  } catch {
    return false
  } finally {
    await handle?.close()
  }
}
