/** @module `paperscope db:migrate`: applies pending schema migrations (opening a library does it too). */
import type { CliIo } from '../io.js'
import { withStore } from './shared.js'

export async function runMigrate(io: CliIo, dbPath: string): Promise<void> {
  await withStore(io, dbPath, async (store) => {
    io.stdout(`library ${store.location} is at the current schema\n`)
  })
}
