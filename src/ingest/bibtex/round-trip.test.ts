/**
 * The issue's BibTeX round trip through real libraries: import the corpus, export every paper as BibTeX,
 * import that file into a new library, and find the same papers and the same people.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { importFiles, toBibtexPapers } from '../../commands/index.js'
import { createTempStore, type TempStore } from '../../../test/support/temp-store.js'
import { bibtexFormat, formatBibtex } from './index.js'
import { allPapers, libraryShape } from '../../../test/support/library-shape.js'

const cleanup: Array<TempStore | string> = []
afterAll(async () => {
  for (const c of cleanup)
    typeof c === 'string' ? rmSync(c, { recursive: true, force: true }) : await c.cleanup()
})

it('exports the corpus as BibTeX and imports it into a new library: same papers, same people', async () => {
  const original = await createTempStore()
  cleanup.push(original)
  await importFiles(original.store, ['data/corpus'], {})

  // The export's own mapping: each person under their library name on every paper, so the new library
  // sees one person, as the old one did.
  const papers = await allPapers(original.store)
  const exported = await toBibtexPapers(original.store, papers)
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
  expect(await libraryShape(copy.store)).toEqual(await libraryShape(original.store))
}, 120_000)
