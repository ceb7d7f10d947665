/** `paperscope search` with words to leave out, typed as a shell passes them. In-process, a real library file. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SearchResult } from '../store/index.js'
import { runCliCaptured } from '../../test/support/run-cli.js'

describe('paperscope search, leaving words out', () => {
  let dir: string
  let db: string
  const search = (...args: string[]) => runCliCaptured(['--db', db, 'search', ...args])
  const titles = (out: string): string[] => (JSON.parse(out) as SearchResult).items.map((h) => h.paper.title).sort()

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'paperscope-search-'))
    db = join(dir, 'library.db')
    const bib = join(dir, 'refs.bib')
    const entry = (key: string, title: string) => `@article{${key},\n  title = {${title}},\n  author = {Ann Example},\n  year = {2021}\n}\n`
    writeFileSync(bib, [entry('a', 'Grokking in transformers'), entry('b', 'Grokking modular arithmetic'), entry('c', 'Deep double descent')].join('\n'))
    expect((await runCliCaptured(['--db', db, 'import', bib, '--no-analyze'])).code).toBe(0)
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('takes a -word unquoted as a word to leave out, as the README writes it, and keeps its own options', async () => {
    // Before: `error: unknown option '-transformers'`.
    for (const args of [
      ['grokking', '-transformers', '--json'],
      ['-transformers', 'grokking', '--json'],
      ['--json', 'grokking', '–transformers'],
      ['grokking', '-transformers', '--limit', '5', '--json', '--offset', '0'],
      ['grokking', '-transformers', '--limit=5', '--json'],
      ['--json', '--', 'grokking', '-transformers'],
    ]) {
      const run = await search(...args)
      expect(run, args.join(' ')).toMatchObject({ code: 0, err: '' })
      expect(titles(run.out), args.join(' ')).toEqual(['Grokking modular arithmetic'])
    }
    expect((await search('grokking', '-transformers', '--limit', '1', '--json')).out).toContain('"limit": 1')
    expect((await search('grokking', '-transformers')).out).toMatch(/^1 paper matches "grokking -transformers"/)
  })

  it('names a long option it does not have, rather than search for it', async () => {
    const run = await search('grokking', '--limt', '5')
    expect(run.code).toBe(1)
    expect(run.err).toMatch(/unknown option '--limt'/)
  })

  it('refuses a search of only words to leave out, rather than find them', async () => {
    // Before: `-grokking` listed the two grokking papers.
    for (const args of [['-grokking'], ['NOT', 'grokking'], ['--', '-grokking']]) {
      const run = await search(...args)
      expect(run.code, args.join(' ')).toBe(1)
      expect(run.err, args.join(' ')).toMatch(/INVALID_QUERY.*only leaves out -grokking; add a word to find/)
    }
  })
})
