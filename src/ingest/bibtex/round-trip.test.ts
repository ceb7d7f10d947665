/**
 * The issue's BibTeX round trip through real libraries: import the corpus, export every paper as BibTeX,
 * import that file into a new library, and find the same papers and the same people.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { exportBibtex, importFiles, toBibtexPapers } from '../../commands/index.js'
import { createTempStore, type TempStore } from '../../../test/support/temp-store.js'
import { bibtexFormat, formatBibtex, parseBibtex } from './index.js'
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

it('a sample of the corpus through export and import: made-up titles stay made up, Allen-Zhu stays Allen-Zhu, years agree with venues', async () => {
  const original = await createTempStore()
  cleanup.push(original)
  await importFiles(original.store, ['data/corpus/awesome-deep-phenomena.txt', 'data/corpus/abstracts.txt'], {})
  const papers = await allPapers(original.store)
  // The corpus writes him `Zeyuan Allen-Zhu` on two papers and `Zeyuan Allen Zhu` on one: one person.
  const allenZhu = papers.filter((p) => p.authors.some((a) => /^Zeyuan Allen.Zhu$/.test(a.name)))
  const derived = papers.filter((p) => p.titleDerived)
  const iclr = papers.filter((p) => p.venue === 'ICLR 2021' && p.date?.startsWith('2020')).slice(0, 3)
  const plain = papers.filter((p) => !p.venue && !p.titleDerived).slice(0, 3)
  expect([allenZhu.length, derived.length, iclr.length, plain.length]).toEqual([3, 10, 3, 3])
  const sample = [...allenZhu, ...derived, ...iclr, ...plain]

  const { bibtex } = await exportBibtex(original.store, { papers: sample.map((p) => p.id) })
  // BibTeX's family name is Allen-Zhu (a style prints `Z. Allen-Zhu`), never Zhu with a given name Allen.
  expect(bibtex).toContain('author    = {Allen-Zhu, Zeyuan and Li, Yuanzhi and Song, Zhao}')
  expect(bibtex).not.toMatch(/(?<!Allen-)Zhu, Zeyuan/)
  // A venue that names a year gives the year; the paper's own (a 2018 preprint) is the original date.
  const convergence = bibtex.split('\n@').find((e) => e.includes('A {Convergence} {Theory} for {Deep} {Learning}'))!
  expect(convergence).toMatch(/booktitle = \{ICML 2019\},\n {2}year {6}= \{2019\},\n {2}origdate {2}= \{2018\}/)
  for (const record of parseBibtex(bibtex, { input: 'sample.bib', fetchedAt: '2026-06-12T00:00:00Z' }).records) {
    const venueYear = /\b(?:19|20)\d{2}\b/.exec(record.venue ?? '')?.[0]
    const entry = bibtex.split('\n@').find((e) => e.includes(`{${record.raw['citationKey'] as string},`))!
    if (venueYear) expect(/ year +?= \{(\d{4})\}/.exec(entry)?.[1], record.venue!).toBe(venueYear)
  }

  const dir = mkdtempSync(join(tmpdir(), 'paperscope-bib-'))
  cleanup.push(dir)
  const file = join(dir, 'sample.bib')
  writeFileSync(file, bibtex)
  const copy = await createTempStore()
  cleanup.push(copy)
  const report = await importFiles(copy.store, [file], {})
  expect(report).toMatchObject({ new: sample.length, rejected: 0 })

  // Same papers (titles, made-up ones marked, years, ids) with the same people.
  expect(await libraryShape(copy.store)).toEqual(await libraryShape(original.store, new Set(sample.map((p) => p.id))))
  const copied = await allPapers(copy.store)
  expect(copied.filter((p) => p.titleDerived)).toHaveLength(derived.length)
  const [before] = await original.store.findAuthors('Zeyuan Allen-Zhu', 1)
  const [after] = await copy.store.findAuthors('Zeyuan Allen-Zhu', 1)
  expect([before?.name, before?.paperCount]).toEqual(['Zeyuan Allen-Zhu', 3])
  expect([after?.name, after?.paperCount]).toEqual(['Zeyuan Allen-Zhu', 3])
  // The paper's date is the preprint's on both sides; only the entry's year was the proceedings'.
  const dates = (ps: typeof papers) => ps.filter((p) => p.venue === 'ICML 2019').map((p) => `${p.title}: ${p.date}`).sort()
  expect(dates(copied)).toEqual(dates(sample))
}, 120_000)

it("math and the review's .bib entries through export and import: TeX as written, entry types and fields, the second export the first", async () => {
  const original = await createTempStore()
  cleanup.push(original)
  await importFiles(original.store, ['data/corpus/abstracts.txt', 'test/fixtures/bibtex/review_cases.bib'], {})
  const papers = await allPapers(original.store)
  const withMath = papers.filter((p) => /\$[^$\s][^$]*\$|\\\(/.test(`${p.title} ${p.abstract ?? ''}`))
  expect(withMath.length).toBeGreaterThanOrEqual(5)

  const first = (await exportBibtex(original.store, {})).bibtex
  const dir = mkdtempSync(join(tmpdir(), 'paperscope-bib-'))
  cleanup.push(dir)
  const file = join(dir, 'math.bib')
  writeFileSync(file, first)
  const copy = await createTempStore()
  cleanup.push(copy)
  const report = await importFiles(copy.store, [file], {})
  expect(report).toMatchObject({ new: papers.length, rejected: 0 })

  expect(await libraryShape(copy.store)).toEqual(await libraryShape(original.store))
  // Titles as they were; the math of abstracts as the sources wrote it, not as citation-js would read it
  // (the rest of their TeX, `\textit{clones}`, reads as TeX reads).
  const math = (text: string | null) => text?.match(/\$\$[^]*?\$\$|\$[^$]*\$|\\\([^]*?\\\)/g) ?? []
  const text = (ps: typeof papers) => ps.map((p) => [p.title, math(p.abstract), p.venue]).sort()
  expect(text(await allPapers(copy.store))).toEqual(text(papers))
  expect(text(papers).flatMap(([, m]) => m)).toContain('$n\\gtrsim d^4$')
  expect(first).toContain('$\\mathcal{O}(n \\log n)$')
  // The new library writes the same entries (types, containers, kept fields, names, dates, classes), apart
  // from abstracts' TeX outside math.
  const entries = (bibtex: string) => bibtex.split(/\n(?=@)/).map((e) => e.replace(/^ {2}abstract .*\n?/m, '')).sort()
  const second = (await exportBibtex(copy.store, {})).bibtex
  expect(entries(second)).toEqual(entries(first))
  // From the second export on, abstracts (math beside a literal `~` and `^`, `a\^{}b and c\~{}d`) too: a `~`
  // outside math is written `\textasciitilde{}`, not a tie that the next import reads as a space.
  expect(second).toContain('The \\(\\epsilon\\)-net costs a\\textasciicircum{}b and c\\textasciitilde{}d.')
  const thirdFile = join(dir, 'math-again.bib')
  writeFileSync(thirdFile, second)
  const third = await createTempStore()
  cleanup.push(third)
  expect(await importFiles(third.store, [thirdFile], {})).toMatchObject({ new: papers.length, rejected: 0 })
  const abstracts = (ps: typeof papers) => ps.map((p) => [p.title, p.abstract]).sort()
  expect(abstracts(await allPapers(third.store))).toEqual(abstracts(await allPapers(copy.store)))
  const whole = (bibtex: string) => bibtex.split(/\n(?=@)/).sort()
  expect(whole((await exportBibtex(third.store, {})).bibtex)).toEqual(whole(second))
}, 120_000)
