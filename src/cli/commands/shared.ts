/** @module Helpers the CLI commands share: opening the library, progress bars, JSON output. */
import type * as CliProgress from 'cli-progress'
import { createRequire } from 'node:module'
import { isAbsolute, resolve } from 'node:path'
import { openStore, type PaperStore } from '../../store/index.js'
import type { CliIo } from '../io.js'

/** Opens the library for the duration of `work` and closes it after, whatever happens. */
export async function withStore<T>(io: CliIo, dbPath: string, work: (store: PaperStore) => Promise<T>): Promise<T> {
  const store = await openStore({ path: isAbsolute(dbPath) ? dbPath : resolve(io.cwd, dbPath), now: io.now })
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
  // Loaded only for a terminal (26 ms); every command goes through this module.
  const { SingleBar, Presets } = createRequire(import.meta.url)('cli-progress') as typeof CliProgress
  const bar = new SingleBar(
    { format: `${label} [{bar}] {value}/{total} records`, stream: process.stderr, clearOnComplete: true, hideCursor: true },
    Presets.shades_classic,
  )
  let started = false
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, 0)
        started = true
      }
      bar.setTotal(total)
      bar.update(done)
    },
    stop() {
      if (started) bar.stop()
      started = false
    },
  }
}
