/**
 * The issue's BibTeX round trip through real libraries: import the corpus, export every paper as BibTeX,
 * import that file into a new library, and find the same papers and the same people.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { importFiles } from '../../commands/index.js'
import type { Paper } from '../../core/index.js'
import type { PaperStore } from '../../store/index.js'
import { createTempStore, type TempStore } from '../../../test/support/temp-store.js'
import { bibtexFormat, formatBibtex, type BibtexPaper } from './index.js'

const cleanup: Array<TempStore | string> = []
afterAll(async () => {
  for (const c of cleanup)
    typeof c === 'string' ? rmSync(c, { recursive: true, force: true }) : await c.cleanup()
})

async function allPapers(store: PaperStore): Promise<Paper[]> {
  const papers: Paper[] = []
  for (let offset = 0; ; offset += 200) {
    const page = await store.listPapers({ sort: 'title', limit: 200, offset })
    papers.push(...page.items)
    if (offset + 200 >= page.total) return papers
  }
}

/** Each paper's title with its people (by their library name), sorted: what must survive the round trip. */
async function shape(store: PaperStore): Promise<string[]> {
  const names = new Map<string, string>()
  const rows: string[] = []
  for (const paper of await allPapers(store)) {
    const people: string[] = []
    for (const author of paper.authors) {
      if (!names.has(author.authorId))
        names.set(author.authorId, (await store.getAuthor(author.authorId))!.name)
      people.push(names.get(author.authorId)!)
    }
    rows.push(`${paper.title} :: ${people.sort().join('; ')}`)
  }
  return rows.sort()
}

it('exports the corpus as BibTeX and imports it into a new library: same papers, same people', async () => {
  const original = await createTempStore()
  cleanup.push(original)
  await importFiles(original.store, ['data/corpus'], {})

  // A person is written the same way on all their papers (their library name), so the new library sees
  // one person, as the old one did; people known only from outside a paper's listed order (a profile's
  // owner) come after the listed authors.
  const papers = await allPapers(original.store)
  const names = new Map<string, string>()
  const exported: BibtexPaper[] = []
  for (const paper of papers) {
    const ordered = [
      ...paper.authors.filter((a) => a.position !== null),
      ...paper.authors.filter((a) => a.position === null),
    ]
    const authors: string[] = []
    for (const author of ordered) {
      if (!names.has(author.authorId))
        names.set(author.authorId, (await original.store.getAuthor(author.authorId))!.name)
      authors.push(names.get(author.authorId)!)
    }
    exported.push({
      id: paper.id,
      title: paper.title,
      authors,
      authorsTruncated: paper.authorsTruncated,
      date: paper.date,
      venue: paper.venue,
      ids: paper.ids,
      abstract: paper.abstract,
      url: paper.url,
    })
  }
  const dir = mkdtempSync(join(tmpdir(), 'paperscope-bib-'))
  cleanup.push(dir)
  const file = join(dir, 'library.bib')
  writeFileSync(file, formatBibtex(exported))

  const copy = await createTempStore()
  cleanup.push(copy)
  const report = await importFiles(copy.store, [file], { formats: [bibtexFormat], format: 'bibtex' })
  expect(report.issues.filter((i) => i.severity === 'rejected')).toEqual([])
  expect(report.new).toBe(papers.length)

  const [before, after] = [await original.store.libraryStats(), await copy.store.libraryStats()]
  expect(after.papers).toBe(before.papers)
  expect(after.authors).toBe(before.authors)
  expect(await shape(copy.store)).toEqual(await shape(original.store))
}, 120_000)
