/** @module Storage: the PaperStore port and its SQLite implementation. The only code that touches SQL. */
import { statSync } from 'node:fs'
import { PaperscopeError } from '../core/index.js'
import { openSqliteFile } from './sqlite/database.js'
import { SqlitePaperStore } from './sqlite/sqlite-store.js'
import type { PaperStore } from './store.js'

export type * from './store.js'
export { SqlitePaperStore } from './sqlite/sqlite-store.js'
export { MIGRATIONS, applyMigrations, schemaVersion } from './sqlite/migrations.js'
export { buildMatchQuery } from './sqlite/fts-query.js'

export interface OpenStoreOptions {
  /** A SQLite file path (created with its folders) or `:memory:`. */
  path: string
  now?: () => Date
}

/**
 * Opens the library at `path`, applying pending migrations.
 * @example const store = await openStore({ path: 'data/paperscope.db' })
 */
export async function openStore({ path, now }: OpenStoreOptions): Promise<PaperStore> {
  try {
    return SqlitePaperStore.open(openSqliteFile(path), { location: path, ...(now ? { now } : {}) })
  } catch (err) {
    // SQLite says only "unable to open database file"; a folder given for the file is the usual reason.
    const why = path !== ':memory:' && isFolder(path) ? 'it is a folder, not a file' : (err as Error).message
    throw new PaperscopeError('STORE_FAILED', `cannot open the library at ${path}: ${why}`, { cause: err })
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}
