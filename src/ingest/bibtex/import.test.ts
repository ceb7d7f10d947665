/** BibTeX files through `importFiles` into a real library: what the person sees, and that a second run changes nothing. */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { importFiles } from '../../commands/index.js'
import { createTempStore, type TempStore } from '../../../test/support/temp-store.js'

let library: TempStore
let dir: string
beforeEach(async () => {
  library = await createTempStore()
  dir = mkdtempSync(join(tmpdir(), 'paperscope-bib-'))
})
afterEach(async () => {
  await library.cleanup()
  rmSync(dir, { recursive: true, force: true })
})

// DBLP's "with crossref" export, with a NUL in the proceedings' title: the paper is read with what they give.
const DBLP = [
  '@inproceedings{DBLP:conf/icml/DoeR19,',
  '  author    = {Jane Doe and Richard Roe},',
  '  title     = {A Paper that Inherits its Venue},',
  '  crossref  = {DBLP:conf/icml/2019}',
  '}',
  '@proceedings{DBLP:conf/icml/2019,',
  '  editor    = {Kamalika Chaudhuri and Ruslan Salakhutdinov},',
  '  title     = {Proceedings of the 36th International Conference on Machine Learning\u0000},',
  '  year      = {2019}',
  '}',
  '',
].join('\n')

it('imports a DBLP crossref pair as one paper with its venue and year, and the same file again changes nothing', async () => {
  writeFileSync(join(dir, 'dblp.bib'), DBLP)
  const first = await importFiles(library.store, ['dblp.bib'], { cwd: dir })
  // The proceedings give no paper of their own: said in a note, and no rejection (the import succeeds).
  expect([first.read, first.new, first.rejected]).toEqual([1, 1, 0])
  expect(first.issues.map((i) => [i.source, i.line, i.field, i.code, i.severity])).toEqual([
    ['dblp.bib', 6, 'author', 'NOT_A_PAPER', 'warning'],
    ['dblp.bib', 8, 'title', 'INVALID_VALUE', 'warning'],
  ])
  const papers = await library.store.listPapers({ limit: 10 })
  expect(papers.total).toBe(1)
  expect(papers.items[0]).toMatchObject({
    title: 'A Paper that Inherits its Venue',
    venue: 'Proceedings of the 36th International Conference on Machine Learning',
    date: '2019',
  })
  const again = await importFiles(library.store, ['dblp.bib'], { cwd: dir })
  expect([again.read, again.new, again.merged, again.updated, again.unchanged, again.removed]).toEqual([
    1, 0, 0, 0, 1, 0,
  ])
  expect(again.issues).toEqual(first.issues)
})

it('removes a paper gone from a DBLP file: its proceedings are no unreadable entry that could hide it', async () => {
  const second = DBLP.replace('@proceedings', '@inproceedings{DBLP:conf/icml/Poe19,\n  author = {Ed Poe},\n  title = {A Second Paper of the Volume},\n  crossref = {DBLP:conf/icml/2019}\n}\n@proceedings')
  writeFileSync(join(dir, 'dblp.bib'), second)
  expect((await importFiles(library.store, ['dblp.bib'], { cwd: dir })).new).toBe(2)
  writeFileSync(join(dir, 'dblp.bib'), DBLP)
  const again = await importFiles(library.store, ['dblp.bib'], { cwd: dir })
  expect([again.read, again.unchanged, again.removed, again.rejected]).toEqual([1, 1, 1, 0])
  expect(again.issues.map((i) => i.code)).not.toContain('GONE_ENTRIES_KEPT')
  expect((await library.store.listPapers({ limit: 10 })).items.map((p) => p.title)).toEqual(['A Paper that Inherits its Venue'])
})

it('says an empty .bib, or one of comments only, has no entries', async () => {
  writeFileSync(join(dir, 'empty.bib'), '')
  writeFileSync(join(dir, 'notes.bib'), '% nothing here yet\n@comment{jabref-meta: databaseType:bibtex;}\n')
  const report = await importFiles(library.store, ['empty.bib', 'notes.bib'], { cwd: dir })
  expect([report.read, report.new, report.rejected]).toEqual([0, 0, 0])
  expect(report.issues).toEqual([
    {
      severity: 'warning',
      source: 'empty.bib',
      code: 'PARSE_FAILED',
      message: 'bibtex: no BibTeX entries found',
    },
    {
      severity: 'warning',
      source: 'notes.bib',
      code: 'PARSE_FAILED',
      message: 'bibtex: no BibTeX entries found',
    },
  ])
})

it('reports a DBLP export of five venues in one note, not one per proceedings, and the same file again changes nothing', async () => {
  copyFileSync(new URL('../../../test/fixtures/bibtex/dblp_crossref_export.bib', import.meta.url), join(dir, 'dblp.bib'))
  const first = await importFiles(library.store, ['dblp.bib'], { cwd: dir })
  expect([first.read, first.new, first.rejected]).toEqual([5, 5, 0])
  expect(first.issues.map((i) => [i.line, i.code])).toEqual([[93, 'NOT_A_PAPER']])
  const again = await importFiles(library.store, ['dblp.bib'], { cwd: dir })
  expect([again.read, again.new, again.merged, again.updated, again.unchanged, again.removed]).toEqual([5, 0, 0, 0, 5, 0])
  expect(again.issues).toEqual(first.issues)
  const papers = await library.store.listPapers({ limit: 10 })
  expect(papers.items.map((p) => p.ids.doi ?? null).sort()).toEqual([
    '10.1007/11880561_13',
    '10.1109/icra.2019.8793917',
    '10.1145/2908080.2908099',
    null,
    null,
  ])
})
