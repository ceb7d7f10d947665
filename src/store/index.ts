/** @module Storage: the PaperStore port and its SQLite implementation. The only code that touches SQL. */
import { closeSync, openSync, readSync, statSync } from 'node:fs'
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
    const notSqlite = path === ':memory:' ? null : notSqliteStart(path)
    if (notSqlite !== null) throw new Error(`it is not an SQLite file (it starts ${notSqlite}), not a Paperscope library; it was left as it is`)
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

/** Every SQLite file starts with these 16 bytes. */
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1')

/** True when the bytes are an SQLite 3 database (a Paperscope library or another program's): they start with its header. */
export function isSqliteDatabase(bytes: Uint8Array): boolean {
  return bytes.length >= SQLITE_HEADER.length && SQLITE_HEADER.equals(bytes.subarray(0, SQLITE_HEADER.length))
}

/**
 * How a file that is there and not empty starts (its first characters, quoted) when it is no SQLite file, else null.
 * SQLite itself takes a file shorter than its header for an empty database and writes a library over it.
 */
function notSqliteStart(path: string): string | null {
  let start: Buffer
  try {
    if (!statSync(path).isFile()) return null
    const fd = openSync(path, 'r')
    try {
      start = Buffer.alloc(SQLITE_HEADER.length)
      start = start.subarray(0, readSync(fd, start, 0, start.length, 0))
    } finally {
      closeSync(fd)
    }
  } catch {
    return null
  }
  if (start.length === 0 || start.equals(SQLITE_HEADER)) return null
  return JSON.stringify(start.toString('latin1'))
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
