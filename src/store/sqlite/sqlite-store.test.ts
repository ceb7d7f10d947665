import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { createTempStore } from '../../../test/support/temp-store.js'
import { runStoreContract } from '../store.case.test.js'
import { MIGRATIONS, schemaVersion } from './migrations.js'

runStoreContract('sqlite file', createTempStore)

describe('SQLite library file', () => {
  it('is in WAL mode, at the latest schema, with an FTS5 index', async () => {
    const t = await createTempStore()
    try {
      const raw = new Database(t.path, { readonly: true })
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(schemaVersion(raw as never)).toBe(MIGRATIONS.at(-1)!.version)
      expect(raw.prepare("SELECT sql FROM sqlite_master WHERE name = 'papers_fts'").get()).toMatchObject({ sql: expect.stringContaining('fts5') })
      raw.close()
    } finally {
      await t.cleanup()
    }
  })
})
