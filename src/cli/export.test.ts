/**
 * `paperscope export` and the BibTeX round trip through the command line: import the corpus,
 * export the whole library as BibTeX, import that file into a new library, and find the same papers (titles,
 * years, arXiv ids and DOIs) and the same authors.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ImportReport } from '../core/index.js'
import { openStore, type PaperStore } from '../store/index.js'
import { importRecords } from '../commands/index.js'
import { findSource } from '../ingest/index.js'
import { readFixture } from '../../test/support/fixture-server.js'
import { runCliCaptured, type CliRun } from '../../test/support/run-cli.js'
import { allPapers, libraryShape } from '../../test/support/library-shape.js'


const cli = (args: string[]): Promise<CliRun> => runCliCaptured(args)

const entries = (bib: string): number => (bib.match(/^@\w+\{/gm) ?? []).length

async function withLibrary<T>(path: string, work: (store: PaperStore) => Promise<T>): Promise<T> {
  const store = await openStore({ path })
  try {
    return await work(store)
  } finally {
    await store.close()
  }
}

describe('paperscope export', () => {
  let dir: string
  let db: string

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'paperscope-export-'))
    db = join(dir, 'library.db')
    expect((await cli(['--db', db, 'import', 'data/corpus', '--no-analyze'])).code).toBe(2) // the corpus has one rejected entry
    // The corpus pages carry no arXiv ids or DOIs; recorded arXiv and OpenAlex payloads add papers that do.
    await withLibrary(db, async (store) => {
      for (const [source, file] of [
        ['arxiv', 'arxiv/api_query_all_transformer_and_cat_cs.LG_max5.xml'],
        ['openalex', 'openalex/works_list_per_page2.json'],
        ['openalex', 'openalex/work_W2741809807.json'],
      ] as const) {
        const parsed = findSource(source)!.parse(readFixture(file), {
          input: file,
          fetchedAt: '2026-06-12T00:00:00Z',
        })
        await importRecords(store, parsed.records, parsed.profiles)
      }
    })
  }, 120_000)
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('round trip: the whole library as BibTeX, imported into a new library, gives the same papers and authors', async () => {
    const bib = join(dir, 'library.bib')
    const exported = await cli(['--db', db, 'export', '--out', bib])
    expect(exported.code).toBe(0)
    const [papers, authors] = await withLibrary(db, async (s) => {
      const stats = await s.libraryStats()
      return [stats.papers, stats.authors]
    })
    expect(exported.err).toBe(`wrote ${papers} BibTeX entries (the library) to ${bib}\n`)
    const text = readFileSync(bib, 'utf8')
    expect(entries(text)).toBe(papers)

    // `paperscope import` recognises the .bib file by itself.
    const copy = join(dir, 'copy.db')
    const imported = await cli(['--db', copy, 'import', bib, '--json', '--no-analyze'])
    expect(imported.code).toBe(0)
    const report = JSON.parse(imported.out) as ImportReport
    expect(report.inputs.map((i) => i.format)).toEqual(['bibtex'])
    expect(report).toMatchObject({ read: papers, new: papers, rejected: 0 })

    const [before, after] = [await withLibrary(db, libraryShape), await withLibrary(copy, libraryShape)]
    const statsAfter = await withLibrary(copy, (s) => s.libraryStats())
    expect(statsAfter.papers).toBe(papers)
    expect(statsAfter.authors).toBe(authors)
    expect(after).toEqual(before)
    // A sample, to see what the comparison holds.
    const grokking = after.find((row) =>
      row.startsWith('Grokking as a First Order Phase Transition in Two Layer Networks |'),
    )
    expect(grokking).toBe(
      'Grokking as a First Order Phase Transition in Two Layer Networks | 2023 | - | - | Inbar Seroussi; Noa Rubin; Zohar Ringel',
    )
    expect(after.filter((row) => row.split(' | ')[2] !== '-')).toHaveLength(5)
    expect(after.filter((row) => row.split(' | ')[3] !== '-').length).toBeGreaterThanOrEqual(2)
    console.log(
      `round trip: ${papers} papers and ${authors} authors before; ${statsAfter.papers} papers and ${statsAfter.authors} authors after`,
    )
  }, 180_000)

  it('writes one paper, an author, a search or a topic', async () => {
    const arxiv = await withLibrary(
      db,
      async (s) => (await allPapers(s)).find((p) => p.ids.arxiv)!.ids.arxiv!,
    )
    const one = await cli(['--db', db, 'export', '--paper', arxiv])
    expect(one.code).toBe(0)
    expect(entries(one.out)).toBe(1)
    expect(one.out).toContain(`{${arxiv}}`)
    const two = await cli([
      '--db',
      db,
      'export',
      '--paper',
      arxiv,
      '--paper',
      'Transformers as Support Vector Machines',
    ])
    expect(entries(two.out)).toBe(2)
    // Title words that match several papers: the best is written, and stderr names the others, as `show` does.
    const several = await cli(['--db', db, 'export', '--paper', 'Fantastic Generalization Measures'])
    expect(entries(several.out)).toBe(1)
    expect(several.err).toMatch(/^"Fantastic Generalization Measures" also matches \(name one by its id\):\n {2}p\w+ {2}Fantastic Generalization Measures/m)
    expect((await cli(['--db', db, 'export', '--paper', arxiv])).err).not.toContain('also matches')

    const author = await cli(['--db', db, 'export', '--author', 'Andrew M. Saxe'])
    const saxe = await withLibrary(db, async (s) => {
      const [a] = await s.findAuthors('Andrew M. Saxe', 1)
      return (await s.listPapers({ authorId: a!.id, limit: 1 })).total
    })
    expect(entries(author.out)).toBe(saxe)
    expect(author.err).toMatch(/BibTeX entr(y|ies) \(Andrew M\. Saxe\)/)

    const search = await cli([
      '--db',
      db,
      'export',
      '--search',
      'grokking',
      '--topic',
      'emergence-and-phase-transitions',
    ])
    expect(search.code).toBe(0)
    expect(search.err).toMatch(/^\d+ BibTeX entries \(Emergence and Phase Transitions, "grokking"\)\n$/)
    expect(entries(search.out)).toBeGreaterThan(3)
    const topic = await cli(['--db', db, 'export', '--topic', 'neural-collapse'])
    expect(entries(topic.out)).toBe(16)
    // The label `stats` shows works as well as the id, and a wrong one lists the ids.
    expect((await cli(['--db', db, 'export', '--topic', 'neural collapse'])).out).toBe(topic.out)
    const unknown = await cli(['--db', db, 'export', '--topic', 'Collapse'])
    expect(unknown.code).toBe(1)
    expect(unknown.err).toMatch(/no topic "Collapse" \(topics: .*neural-collapse/)

    const missing = await cli(['--db', db, 'export', '--author', 'Nobody Atall Xyzzy'])
    expect(missing.code).toBe(1)
    expect(missing.err).toContain('error [NOT_FOUND]: no author matches "Nobody Atall Xyzzy"')
  })

  it('refuses an empty --topic, --author, --search or --paper, and show or author of nothing, rather than take all or a guess', async () => {
    // Before: `export --topic ""` (a script's unset variable) wrote the whole library, 570 entries, exit 0.
    for (const args of [['--topic', ''], ['--author', ' '], ['--search', ''], ['--paper', 'grokking', '--paper', '']]) {
      const run = await cli(['--db', db, 'export', ...args])
      expect(run.code, args.join(' ')).toBe(1)
      expect(run.out, args.join(' ')).toBe('')
      expect(run.err, args.join(' ')).toMatch(new RegExp(`^error \\[INVALID_ARGUMENT\\]: ${args.at(-2)} is empty: name .*, or leave the option out\\n$`))
    }
    expect(await cli(['--db', db, 'show', ' '])).toMatchObject({ code: 1, err: 'error [INVALID_ARGUMENT]: name a paper: an id, an arXiv id, a DOI or title words\n' })
    expect(await cli(['--db', db, 'author', ''])).toMatchObject({ code: 1, err: 'error [INVALID_ARGUMENT]: name an author: an id or a name\n' })
  })

  it('never writes BibTeX over a library: --out naming the --db file, or another library, is refused', async () => {
    const before = await cli(['--db', db, 'stats', '--json'])
    // Before: "wrote 12 BibTeX entries", and the library was a .bib file that nothing could open.
    for (const out of [db, join(dir, '.', 'library.db')]) {
      const run = await cli(['--db', db, 'export', '--search', 'grokking', '--out', out])
      expect(run.code, out).toBe(1)
      expect(run.err, out).toMatch(/^error \[INVALID_ARGUMENT\]: --out .*library\.db is an SQLite database \(a library\?\): BibTeX written there would destroy it/)
    }
    const other = join(dir, 'other.db')
    expect((await cli(['--db', other, 'import', 'data/corpus/abstracts.txt', '--no-analyze'])).code).toBe(0)
    expect((await cli(['--db', db, 'export', '--out', other])).code).toBe(1)
    expect((await cli(['--db', db, 'stats', '--json'])).out).toBe(before.out)
    expect((await cli(['--db', other, 'stats'])).code).toBe(0)
    // A .bib that is there already is written over, as before.
    const bib = join(dir, 'again.bib')
    expect((await cli(['--db', db, 'export', '--search', 'grokking', '--out', bib])).code).toBe(0)
    expect((await cli(['--db', db, 'export', '--search', 'grokking', '--out', bib])).code).toBe(0)
    expect(entries(readFileSync(bib, 'utf8'))).toBeGreaterThan(3)
  })
})
