/** @module Helpers the CLI commands share: opening the library, progress bars, JSON output. */
import type * as CliProgress from 'cli-progress'
import { existsSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { isAbsolute, resolve } from 'node:path'
import { readableText } from '../../commands/index.js'
import { openStore, type PaperStore } from '../../store/index.js'
import { CliExit, EXIT, type CliIo } from '../io.js'
import { listItem, quoted } from '../format.js'

/**
 * True when a library may be at `path`: a file with something in it, or one whose writes still wait in its
 * WAL beside it. An empty file (`touch lib.db`) holds none.
 */
function holdsLibrary(path: string): boolean {
  if (!existsSync(path)) return false
  try {
    return statSync(path).size > 0 || existsSync(`${path}-wal`)
  } catch {
    return true
  }
}

/**
 * Opens the library for the duration of `work` and closes it after, whatever happens. Only the commands that
 * fill a library (`import`, `start`, `sync`) may create its file: anywhere else a missing file is a mistyped
 * `--db`, and an empty library made on the spot would answer every search with nothing.
 */
export async function withStore<T>(
  io: CliIo,
  dbPath: string,
  work: (store: PaperStore) => Promise<T>,
  { create = false }: { create?: boolean } = {},
): Promise<T> {
  const path = dbPath === ':memory:' || isAbsolute(dbPath) ? dbPath : resolve(io.cwd, dbPath)
  if (!create && path !== ':memory:' && !holdsLibrary(path)) {
    io.stderr(
      `error [NOT_FOUND]: no library at ${path}: \`paperscope start\` builds one from the embedded corpus, \`paperscope import FILES\` from your files (or give --db the library you meant)\n`,
    )
    throw new CliExit(EXIT.fatal)
  }
  const store = await openStore({ path, now: io.now })
  try {
    return await work(store)
  } finally {
    await store.close()
  }
}

export function printJson(io: CliIo, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`)
}

/** A progress bar on stderr when it is a terminal; nothing otherwise (logs and pipes stay clean). */
export function createProgress(io: CliIo, label: string): { update(done: number, total: number): void; stop(): void } {
  if (!io.interactive) return { update: () => undefined, stop: () => undefined }
  return terminalBar(`${label} [{bar}] {value}/{total} records`)
}

/**
 * A cli-progress bar on stderr that leaves the terminal's cursor and line wrap as they are: a command stopped
 * by Ctrl+C in the middle of synchronous work gets no chance to restore them (a JavaScript signal handler
 * would run only after that work, so it would swallow the Ctrl+C instead).
 */
export function terminalBar(format: string): { update(done: number, total: number, payload?: Record<string, unknown>): void; stop(): void } {
  // Loaded only for a terminal (26 ms); every command goes through this module.
  const { SingleBar, Presets } = createRequire(import.meta.url)('cli-progress') as typeof CliProgress
  const bar = new SingleBar({ format, stream: process.stderr, clearOnComplete: true, hideCursor: false, linewrap: true }, Presets.shades_classic)
  let started = false
  return {
    update(done, total, payload = {}) {
      if (!started) {
        bar.start(total, done, payload)
        started = true
      }
      bar.setTotal(total)
      bar.update(done, payload)
    },
    stop() {
      if (started) bar.stop()
      started = false
    },
  }
}

/**
 * The other papers a reference's title words matched, to name one by its id: five, then how many more there
 * are (nothing when there are none).
 */
export function alsoMatching(ref: string, alternatives: ReadonlyArray<{ id: string; title: string }>, total: number): string {
  if (alternatives.length === 0) return ''
  const shown = alternatives.slice(0, 5)
  const more = Math.max(total, alternatives.length) - shown.length
  const lines = shown.map((a) => listItem(`  ${a.id}  `, readableText(a.title)))
  // The command to list them, when it is short enough to type; a pasted abstract is named by its start.
  const search = quoted(ref) === `"${ref}"` ? `\`paperscope search ${JSON.stringify(ref)}\`` : '`paperscope search` with the same words'
  if (more > 0) lines.push(`  … and ${more} more (${search} lists them all)`)
  return `\nalso matching ${quoted(ref)} (name one by its id):\n${lines.join('\n')}\n`
}
