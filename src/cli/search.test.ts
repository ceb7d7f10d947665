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

  it('names a long query by its start, in the results and in show\'s and similar\'s errors, not all of it again', async () => {
    const pasted = Array.from({ length: 500 }, () => 'grokking').join(' ')
    // Before: the 4,499 characters of the query again in the heading line.
    const run = await search(pasted)
    expect(run.code).toBe(0)
    expect(run.out.split('\n')[0]).toBe('2 papers match "grokking grokking grokking grokking grokking grokking…" (showing 2):')
    const absent = `${pasted.slice(0, 60)}xyzzy ${pasted}`
    for (const command of ['show', 'similar']) {
      const missing = await runCliCaptured(['--db', db, command, absent])
      expect(missing.code, command).toBe(1)
      expect(missing.err, command).toBe('error [NOT_FOUND]: no paper matches "grokking grokking grokking grokking grokking grokking…" (try an id, an arXiv id, a DOI or title words)\n')
    }
    // A query short enough to read is said whole, as typed.
    expect((await search('grokking', 'modular')).out.split('\n')[0]).toBe('1 paper matches "grokking modular" (showing 1):')
  })

  it('says on stderr how many words a long query searched, rather than drop the rest silently', async () => {
    // 100 words the papers have, then one none has: the search takes 100, so it found papers without the last.
    const words = [...Array.from({ length: 100 }, () => 'grokking'), 'zzzqqq']
    const run = await search(...words, '--json')
    expect(run.code).toBe(0)
    // Before: nothing on stderr, and 2 papers "match" a word no paper has.
    expect(run.err).toBe('101 words and phrases are more than one search takes (at most 100): searched the first 100, the other 1 left out\n')
    expect((JSON.parse(run.out) as SearchResult).total).toBe(2)
    // A query the search takes whole says nothing.
    const whole = await search(...words.slice(1), '--json')
    expect(whole.err).toBe('')
    expect((JSON.parse(whole.out) as SearchResult).total).toBe(0)
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

describe('paperscope search, the snippet under each hit', () => {
  let dir: string
  let db: string

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'paperscope-search-'))
    db = join(dir, 'library.db')
    const bib = join(dir, 'refs.bib')
    const abstract =
      "We study ``grokking'' in networks trained with $n \\gtrsim d$ samples, where the test error stays high long after the training error " +
      'reaches zero and then falls at once. We measure when it falls for many sizes of data and of model, and we find that the delay grows ' +
      'with the weight decay taken away, over a range of learning rates and of widths, in every task we tried and at every seed we ran.'
    writeFileSync(bib, `@article{a,\n  title = {Delayed generalization},\n  author = {Ann Example},\n  year = {2021},\n  abstract = {${abstract}}\n}\n`)
    expect((await runCliCaptured(['--db', db, 'import', bib, '--no-analyze'])).code).toBe(0)
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it("makes the sources' LaTeX readable, as show and the web page do, with the matches still marked", async () => {
    const run = await runCliCaptured(['--db', db, 'search', 'grokking'])
    expect(run.code).toBe(0)
    const snippet = run.out.replace(/\s+/g, ' ')
    // Before: ``*grokking*'' and $n \gtrsim d$ as written.
    expect(snippet).toContain('“*grokking*” in networks trained with n ≳ d samples')
    expect(snippet).not.toMatch(/[$\\`]/)
  })

  it('fits 80 columns, cut between words with … rather than in the middle of one', async () => {
    const run = await runCliCaptured(['--db', db, 'search', 'grokking'])
    const lines = run.out.trimEnd().split('\n').slice(3)
    expect(lines.length).toBeGreaterThan(1)
    for (const line of lines) {
      expect([...line].length, line).toBeLessThanOrEqual(80)
      expect(line).toMatch(/^ {5}\S/)
    }
    // Every word shown is whole: a word of the abstract, or the last one with … after it.
    const words = new Set('We study “grokking” in networks trained with n ≳ d samples, where the test error stays high long after the training error reaches zero and then falls at once. We measure when it falls for many sizes of data and of model, and we find that the delay grows with the weight decay taken away, over a range of learning rates and of widths, in every task we tried and at every seed we ran.'.split(' '))
    for (const word of lines.join(' ').replace(/\*/g, '').trim().split(/\s+/)) expect(words.has(word.replace(/…$/, '')), word).toBe(true)
  })
})
