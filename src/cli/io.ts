/** @module What a CLI command writes to and reads from, passed in so tests run commands in-process. */
import { open, writeFile } from 'node:fs/promises'
import { Transform, type Readable } from 'node:stream'
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
  const isFolder = await handle.stat().then(
    (s) => s.isDirectory(),
    () => false,
  )
  if (isFolder) {
    await handle.close()
    throw new PaperscopeError('SOURCE_UNAVAILABLE', `cannot read ${shown}: it is a folder, not a file`, {
      source: shown,
    })
  }
  // A file saved as UTF-16 (Windows editors, PowerShell's `>`) is read as such: as UTF-8 every line was NULs.
  const head = new Uint8Array(1024)
  const { bytesRead } = await handle.read(head, 0, head.length, 0)
  const utf16 = detectUtf16(head.subarray(0, bytesRead))
  if (!utf16) return handle.createReadStream({ encoding: 'utf8' })
  const decoder = new TextDecoder(utf16.encoding)
  const decode = new Transform({
    transform: (chunk: Buffer, _encoding, done) => done(null, decoder.decode(chunk, { stream: true })),
    flush: (done) => done(null, decoder.decode()),
  })
  const raw = handle.createReadStream({ start: utf16.bomLength })
  raw.on('error', (err) => decode.destroy(err))
  return raw.pipe(decode).setEncoding('utf8')
}

/** Writes a text file, failing in plain words (`cannot write out/x.bib: no such folder`). */
export async function writeTextFile(path: string, shown: string, text: string): Promise<void> {
  try {
    await writeFile(path, text, 'utf8')
  } catch (err) {
    throw fileError('write', shown, err)
  }
}
