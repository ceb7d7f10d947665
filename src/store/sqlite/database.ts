/**
 * @module The few things the store needs from a SQLite driver (a subset of better-sqlite3), so the rest
 * of the store never sees driver types, plus opening a file with WAL and foreign keys on.
 */
import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'

export interface SqliteStatement {
  run(...params: unknown[]): { changes: number; lastInsertRowid: number | bigint }
  get(...params: unknown[]): unknown
  all(...params: unknown[]): unknown[]
}

export interface SqliteDatabase {
  prepare(sql: string): SqliteStatement
  exec(sql: string): void
  pragma(source: string, options?: { simple?: boolean }): unknown
  close(): void
  readonly inTransaction: boolean
}

/** A prepare that reuses each statement: the same SQL is compiled once per connection. */
export function statementCache(db: SqliteDatabase): (sql: string) => SqliteStatement {
  const statements = new Map<string, SqliteStatement>()
  return (sql) => {
    let s = statements.get(sql)
    if (!s) {
      s = db.prepare(sql)
      statements.set(sql, s)
    }
    return s
  }
}

/**
 * A mark that changes whenever the library does: a commit of this connection (its `total_changes()`) or of
 * another one (`data_version`, which counts only other connections' commits).
 */
export function changeStamp(db: SqliteDatabase): string {
  const own = (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n
  return `${String(db.pragma('data_version', { simple: true }))}:${own}`
}

/**
 * `read` kept until the library changes ({@link changeStamp}): for whole-library reads that every request of a
 * page needs (cite labels, researchers' paper stats, topic counts), a second or so on a library of 100k papers.
 * @example const labels = cachedUntilChange(db, () => readLabels()); labels() // reads once per change
 */
export function cachedUntilChange<T>(db: SqliteDatabase, read: () => T): () => T {
  let cached: { stamp: string; value: T } | null = null
  return () => {
    // Inside a transaction a read may see writes a rollback takes back without moving the stamp: not kept.
    if (db.inTransaction) return read()
    const stamp = changeStamp(db)
    if (cached?.stamp !== stamp) cached = { stamp, value: read() }
    return cached.value
  }
}

/**
 * {@link cachedUntilChange} for a read that takes a key (one topic's page): each key's value kept until the library
 * changes, the `maxKeys` most recently read at most. A null value (no such key) is not kept, so made-up keys
 * cannot push out real ones.
 * @example const topic = cachedUntilChangeBy(db, (id: string) => readTopic(id)); topic('grokking')
 */
export function cachedUntilChangeBy<K, T>(db: SqliteDatabase, read: (key: K) => T | null, maxKeys = 64): (key: K) => T | null {
  let stamp: string | null = null
  const values = new Map<K, T>()
  return (key) => {
    if (db.inTransaction) return read(key)
    const now = changeStamp(db)
    if (now !== stamp) {
      values.clear()
      stamp = now
    }
    const kept = values.get(key)
    if (kept !== undefined) {
      // Most recently read last: the first is the one to let go.
      values.delete(key)
      values.set(key, kept)
      return kept
    }
    const value = read(key)
    if (value === null) return null
    if (values.size >= maxKeys) values.delete(values.keys().next().value as K)
    values.set(key, value)
    return value
  }
}

/**
 * The array and each of its rows frozen, so that a caller cannot change what a cache hands every other caller.
 * @example const rows = frozenRows([{ a: 1 }]); rows[0].a = 2 // TypeError in strict mode
 */
export function frozenRows<T extends object>(rows: T[]): readonly Readonly<T>[] {
  for (const row of rows) Object.freeze(row)
  return Object.freeze(rows)
}

/**
 * Opens (creating folders as needed) a SQLite file with WAL, foreign keys and a busy timeout.
 * `:memory:` works too, for throwaway libraries.
 */
export function openSqliteFile(path: string, { readonly = false }: { readonly?: boolean } = {}): SqliteDatabase {
  if (path !== ':memory:' && !readonly) mkdirSync(dirname(path), { recursive: true })
  const db = new Database(path, { readonly, fileMustExist: readonly })
  if (!readonly) db.pragma('journal_mode = WAL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  db.pragma('synchronous = NORMAL')
  return db as unknown as SqliteDatabase
}
