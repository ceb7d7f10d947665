/**
 * `paperscope import` on what goes wrong with its inputs: a path that is not there, a forced format that is
 * not the file's. In-process, on real files, with a library file in a temporary folder.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCliCaptured, type CliRun } from '../../test/support/run-cli.js'
import { describeProfileChanges } from './commands/import.js'

const cli = (args: string[]): Promise<CliRun> => runCliCaptured(args)
/** Text output with its wrapped lines joined again: the report is wrapped at 80 columns. */
const flat = (text: string): string => text.replace(/\s+/g, ' ')

describe('paperscope import', () => {
  let dir: string
  let db: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'paperscope-import-'))
    db = join(dir, 'library.db')
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('a missing file: "cannot read <path>: no such file", exit 1, and no library made', async () => {
    const result = await cli(['--db', db, 'import', 'nope.bib'])
    expect(result).toEqual({ code: 1, out: '', err: 'error [SOURCE_UNAVAILABLE]: cannot read nope.bib: no such file\n' })
    expect(existsSync(db)).toBe(false)
    // Among readable ones, the missing path is one rejected input: the rest imports, exit 2.
    const some = await cli(['--db', db, 'import', 'nope.bib', 'data/corpus/abstracts.txt', '--no-analyze'])
    expect(some.code).toBe(2)
    expect(some.out).toContain('rejected (1):\n  nope.bib [SOURCE_UNAVAILABLE] cannot read nope.bib: no such file\n')
    expect(some.out).toMatch(/^total +10 +10 /m)
  })

  it('a forced format that is not the file\'s: the file is named with what it is, nothing read from it, the rest imported', async () => {
    const json = 'test/fixtures/openalex/works_list_per_page2.json'
    const result = await cli(['--db', db, 'import', '--format', 'abstracts', json, 'data/corpus/abstracts.txt', '--no-analyze'])
    expect(result.code).toBe(2)
    // Wrapped at 80 columns under its file's name.
    expect(flat(result.out)).toContain(
      `${json} [FORMAT_MISMATCH] --format abstracts does not match ${json}: the file is JSON, which no file format reads`,
    )
    expect(result.out).toMatch(/^total +10 +10 +0 +0 +0 +1$/m)
  })
})

describe("import's author profiles new or changed", () => {
  it("counts a researcher page's profile as a person's, in the text and in --json", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paperscope-import-'))
    try {
      const db = join(dir, 'library.db')
      const text = await cli(['--db', db, 'import', 'data/corpus/researcher-profile.txt', '--no-analyze'])
      expect(text.out).toContain('\nauthor profiles new or changed: 1 of people\n')
      // Read again: nothing new, and --json says so for both counts.
      const json = JSON.parse((await cli(['--db', db, 'import', 'data/corpus/researcher-profile.txt', '--no-analyze', '--json'])).out) as Record<string, unknown>
      expect([json.profiles, json.candidateProfiles]).toEqual([0, 0])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it("says candidate profiles (search hits, no person yet) apart from people's, in stats' words", () => {
    expect(describeProfileChanges(65, 58)).toBe('7 of people, 58 candidate profiles (search hits, no person yet)')
    expect(describeProfileChanges(58, 58)).toBe('58 candidate profiles (search hits, no person yet)')
    expect(describeProfileChanges(2, 1)).toBe('1 of people, 1 candidate profile (search hits, no person yet)')
    expect(describeProfileChanges(1, 0)).toBe('1 of people')
  })
})

describe('paperscope import of a list file that lost entries', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'paperscope-import-list-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('names the papers that left, holds back a large removal, and takes it with --prune', async () => {
    const db = join(dir, 'library.db')
    const bib = join(dir, 'refs.bib')
    const entry = (i: number) => `@article{paper${i},\n  title = {A Study of Phenomenon ${i} in Deep Networks},\n  author = {Ann Example},\n  year = {2020}\n}\n`
    writeFileSync(bib, Array.from({ length: 10 }, (_, i) => entry(i)).join('\n'))
    await cli(['--db', db, 'import', bib, '--no-analyze'])
    writeFileSync(bib, Array.from({ length: 8 }, (_, i) => entry(i)).join('\n'))
    const edited = await cli(['--db', db, 'import', bib, '--no-analyze'])
    expect(edited.code).toBe(0)
    expect(edited.out).toMatch(/^input +format +read +new +merged +updated +unchanged +removed +rejected$/m)
    expect(edited.out).toContain('removed: 2 entries no longer in its list file\nleft the library (2):\n')
    // The title goes on under itself past 80 columns: the file's path is long.
    expect(edited.out).toMatch(/^ {2}p\w+ {2}A Study of Phenomenon 8 in Deep Networks(\n {15}| {2})\(.*refs\.bib\)$/m)
    // Cut to one entry: held back, said, and taken with --prune.
    writeFileSync(bib, entry(0))
    const cut = await cli(['--db', db, 'import', bib, '--no-analyze'])
    expect(flat(cut.out)).toContain('[warning GONE_ENTRIES_KEPT] 7 entries read from this file before are no longer in it but kept: 7 of them would take their papers out of the library, more than a tenth of the 8 entries it held')
    const pruned = await cli(['--db', db, 'import', bib, '--no-analyze', '--prune', '--json'])
    expect(JSON.parse(pruned.out)).toMatchObject({ removed: 7, papersRemoved: expect.arrayContaining([expect.objectContaining({ title: 'A Study of Phenomenon 7 in Deep Networks' })]) })
  })
})
