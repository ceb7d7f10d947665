/** The import rules of ../shared/STYLE.md §2, checked on every test run. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
// @ts-expect-error: a plain ESM script without types, shared with `npm run lint`.
import { checkBoundaries } from '../scripts/check-boundaries.mjs'

const check = checkBoundaries as (root: string) => string[]

describe('architecture', () => {
  it('reports an inward module importing an edge, and a deep import', () => {
    const root = mkdtempSync(join(tmpdir(), 'paperscope-arch-'))
    try {
      for (const dir of ['core', 'store', 'server']) mkdirSync(join(root, 'src', dir), { recursive: true })
      writeFileSync(join(root, 'src/core/a.ts'), "import { x } from '../store/index.js'\n")
      writeFileSync(join(root, 'src/server/b.ts'), "import { y } from '../store/sqlite-store.js'\n")
      expect(check(root)).toEqual([
        'src/core/a.ts:1 imports src/store from src/core: allowed are none',
        'src/server/b.ts:1 imports ../store/sqlite-store.js: import src/store/index.js, not a file inside it',
      ])
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })

  it('has dependencies pointing inwards and imports folders only through their index', () => {
    expect(check(resolve(import.meta.dirname, '..'))).toEqual([])
  })
})
