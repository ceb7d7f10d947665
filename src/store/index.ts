/** @module Storage: the PaperStore port and its SQLite implementation. The only code that touches SQL. */
import { statSync } from 'node:fs'
import { PaperscopeError } from '../core/index.js'
import { openSqliteFile, type SqliteDatabase } from './sqlite/database.js'
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
    const foreign = path === ':memory:' ? [] : otherProgramsTables(path)
    if (foreign.length > 0)
      throw new Error(
        `it is an SQLite file of another program (tables: ${foreign.slice(0, 5).join(', ')}${foreign.length > 5 ? ', …' : ''}), not a Paperscope library; it was left as it is`,
      )
    return SqlitePaperStore.open(openSqliteFile(path), { location: path, ...(now ? { now } : {}) })
  } catch (err) {
    // SQLite says only "unable to open database file"; a folder given for the file is the usual reason.
    const why = path !== ':memory:' && isFolder(path) ? 'it is a folder, not a file' : (err as Error).message
    throw new PaperscopeError('STORE_FAILED', `cannot open the library at ${path}: ${why}`, { cause: err })
  }
}

/**
 * The tables of an existing SQLite file that is no Paperscope library (it has tables, none of them
 * Paperscope's migration log), read without writing: opening it as a library would add Paperscope's
 * schema to another program's file and switch it to WAL. Empty for a new, empty or Paperscope file.
 */
function otherProgramsTables(path: string): string[] {
  try {
    if (!statSync(path).isFile() || statSync(path).size === 0) return []
  } catch {
    return []
  }
  let db: SqliteDatabase | undefined
  try {
    db = openSqliteFile(path, { readonly: true })
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>).map((t) => t.name)
    return tables.includes('schema_migrations') ? [] : tables
  } catch {
    // Not SQLite at all, or unreadable: opening it as a library says why.
    return []
  } finally {
    db?.close()
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}
