/** @module A real SQLite library file in a temporary folder, removed after the test. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach } from 'vitest'
import { openStore, type PaperStore } from '../../src/store/index.js'

export interface TempStore {
  store: PaperStore
  path: string
  dir: string
  cleanup(): Promise<void>
}

/** Opens a fresh library file; call `cleanup` in afterEach. */
export async function createTempStore(now?: () => Date): Promise<TempStore> {
  const dir = mkdtempSync(join(tmpdir(), 'paperscope-'))
  const path = join(dir, 'library.db')
  const store = await openStore({ path, ...(now ? { now } : {}) })
  return {
    store,
    path,
    dir,
    async cleanup() {
      await store.close().catch(() => undefined)
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/**
 * A fresh library file for each test of the calling `describe`, removed after it.
 * @example const t = useTempStore(); it('…', async () => { await importRecords(t().store, records) })
 */
export function useTempStore(): () => TempStore {
  let current: TempStore | null = null
  beforeEach(async () => {
    current = await createTempStore()
  })
  afterEach(async () => {
    await current?.cleanup()
    current = null
  })
  return () => {
    if (!current) throw new Error('useTempStore: no library outside a test')
    return current
  }
}
