/**
 * BibTeX export of real corpus papers: TeX from sources (`$p/n \to κ$`, `\textit{entropy collapse}`) is
 * written as written and still reads back with our importer; a title Paperscope made up is marked.
 */
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Paper } from '../core/index.js'
import { createTempStore, type TempStore } from '../../test/support/temp-store.js'
import { formatBibtex, parseBibtex } from '../ingest/index.js'
import { exportBibtex } from './export-bibtex.js'
import { importFiles } from './import-files.js'
import { importRecords } from './import-records.js'
import { buildRecord } from '../../test/support/factories.js'

const CORPUS = resolve(import.meta.dirname, '../../data/corpus')
const ctx = { input: 'export.bib', fetchedAt: '2026-06-12T08:00:00.000Z' }

/** What our importer reads from a field written by hand, as a source wrote it. */
function readAsWritten(field: 'title' | 'abstract', text: string): string | null | undefined {
  const [record] = parseBibtex(`@misc{x, title = {x}, ${field} = {${text}}}`, ctx).records
  return record?.[field]
}

/** The value of one field of a one-entry `.bib` text, as written. */
function field(bibtex: string, name: string): string | undefined {
  return new RegExp(`^  ${name}\\s*= \\{(.*)\\},?$`, 'm').exec(bibtex)?.[1]
}

describe('exportBibtex', () => {
  let t: TempStore
  let backdoor: Paper
  let derived: Paper
  beforeAll(async () => {
    t = await createTempStore()
    await importFiles(
      t.store,
      [resolve(CORPUS, 'abstracts.txt'), resolve(CORPUS, 'researcher-profile.txt')],
      {},
    )
    const papers = (await t.store.listPapers({ sort: 'title', limit: 500, offset: 0 })).items
    backdoor = papers.find((p) => p.title.startsWith('When Stronger Triggers Backfire'))!
    derived = papers.find((p) => p.titleDerived && p.title.startsWith('Finding the right initialisation'))!
    expect(backdoor.abstract).toContain('($p/n \\to κ$)')
    expect(derived.abstract).toContain('\\textit{entropy collapse}')
  }, 60_000)
  afterAll(async () => {
    await t.cleanup()
  })

  it('writes TeX from sources as written: math and \\textit{...} are not escaped', async () => {
    const { bibtex } = await exportBibtex(t.store, { papers: [backdoor.id, derived.id] })
    expect(bibtex).toContain('proportional regime ($p/n \\to κ$), varying the training trigger strength $α$')
    expect(bibtex).toContain('but \\textit{entropy collapse} occurs')
    expect(bibtex).not.toContain('\\textbackslash{}')
    expect(bibtex).not.toContain('\\$')
  })

  it('reads back with our importer: titles as they were (none for a made-up one), abstracts as their TeX reads', async () => {
    const papers = [backdoor, derived]
    const { bibtex } = await exportBibtex(t.store, { papers: papers.map((p) => p.id) })
    const result = parseBibtex(bibtex, ctx)
    expect(result.issues).toEqual([])
    expect(result.records.map((r) => r.title)).toEqual([backdoor.title, null])
    // The importer makes TeX readable (`$p/n \to κ$` → `p/n →κ`), as it does for any .bib with that TeX.
    expect(result.records.map((r) => r.abstract)).toEqual(
      papers.map((p) => readAsWritten('abstract', p.abstract!)),
    )
    expect(result.records[0]!.abstract).toContain('proportional regime (p/n →κ)')
    expect(result.records[1]!.abstract).toContain('but entropy collapse occurs')
  })

  it('marks a title Paperscope made from the abstract, and keys the entry by id, not by a word of it', async () => {
    const { bibtex } = await exportBibtex(t.store, { papers: [derived.id] })
    expect(bibtex.startsWith(`@misc{anonnd${derived.id},`)).toBe(true)
    expect(bibtex).not.toContain('anonndfinding')
    expect(field(bibtex, 'note')).toBe(
      'No source gives a title: Paperscope made this one from the first words of the abstract',
    )
    // The made-up title is the abstract's first words, its math written as the abstract field writes it
    // (`{$N$}`, not `{\$N\$}`), without the `…` the library marks the cut with on screen: the note says
    // what it is. The importer reads the note and takes no title from the entry, so a library makes one from
    // the abstract again, marked as made.
    const dollar = (await t.store.listPapers({ sort: 'title', limit: 500, offset: 0 })).items.find((p) =>
      p.title.startsWith('Diffusion models trained on finite datasets with $N$'),
    )!
    expect(dollar.titleDerived).toBe(true)
    expect(dollar.title.endsWith('…')).toBe(true)
    const written = (await exportBibtex(t.store, { papers: [dollar.id] })).bibtex
    expect(field(written, 'title')).toBe('Diffusion models trained on finite datasets with {$N$} samples from a target')
    expect(field(written, 'abstract')).toContain('finite datasets with $N$ samples')
    expect(written).not.toContain('\\$N')
    expect(written).not.toContain('…')
    const [record] = parseBibtex(written, ctx).records
    expect(record!.title).toBeNull()
    expect(record!.abstract).toMatch(/^Diffusion models trained on finite datasets with N samples/)
    // A paper with a title of its own gets neither.
    const own = (await exportBibtex(t.store, { papers: [backdoor.id] })).bibtex
    expect(field(own, 'note')).toBeUndefined()
    expect(own).toMatch(/^@misc\{flynn2026when,/)
  })
})

describe("exportBibtex of a profile's paper whose author list is cut", () => {
  let t: TempStore
  beforeAll(async () => {
    t = await createTempStore()
    await importFiles(t.store, [resolve(CORPUS, 'author-papers.txt'), resolve(CORPUS, 'researcher-profile.txt')], {})
  }, 60_000)
  afterAll(async () => {
    await t.cleanup()
  })

  it("writes the listed authors in their order, then others: the profile's owner is not put at a place no source gave", async () => {
    const papers = (await t.store.listPapers({ sort: 'title', limit: 500, offset: 0 })).items
    const cut = papers.filter((p) => p.authorsTruncated && p.authors.some((a) => a.name === 'Inbar Seroussi' && a.position === null))
    expect(cut.length).toBeGreaterThan(0)
    const backdoor = cut.find((p) => p.title.startsWith('When Stronger Triggers Backfire'))!
    const { bibtex } = await exportBibtex(t.store, { papers: [backdoor.id] })
    expect(field(bibtex, 'author')).toBe('Flynn, Donald and Goldhirsh, Hadas Yaron and Keating, Jonathan P. and others')
    expect(field(bibtex, 'paperscope-unlisted-authors')).toBe('Seroussi, Inbar')
    for (const paper of cut) {
      const entry = (await exportBibtex(t.store, { papers: [paper.id] })).bibtex
      const listed = paper.authors.filter((a) => a.position !== null).sort((a, b) => a.position! - b.position!)
      const authors = field(entry, 'author')!.split(' and ')
      expect(authors.at(-1)).toBe('others')
      expect(authors).toHaveLength(listed.length + 1)
      expect(authors).not.toContain('Seroussi, Inbar')
      // Read back: the same listed authors, and the owner known from outside the list, as she was.
      const [record] = parseBibtex(entry, ctx).records
      expect(record!.authors).toEqual(listed.map((a) => a.name))
      expect(record!.extraAuthors).toEqual(['Inbar Seroussi'])
    }
  })
})

describe('formatBibtex (src/ingest/bibtex), as the export uses it', () => {
  const entry = (over: Partial<Parameters<typeof formatBibtex>[0][number]>) =>
    formatBibtex([
      { id: 'p1', title: 'A title', authors: ['Noa Rubin'], date: '2023', venue: null, ids: {}, ...over },
    ])

  it('escapes plain text without TeX as before (a lone brace now as \\textbraceleft{}), and it reads back as it was', () => {
    const text = 'AT&T pays 50% of $5 for C# and a_b {x} ~ ^ \\ and a lone { brace'
    const bibtex = entry({ abstract: text })
    expect(field(bibtex, 'abstract')).toBe(
      'AT\\&T pays 50\\% of \\$5 for C\\# and a\\_b \\{x\\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{} and a lone \\textbraceleft{} brace',
    )
    expect(parseBibtex(bibtex, ctx).records[0]!.abstract).toBe(text)
  })

  it('in text with TeX, writes the TeX as written and escapes only what would break BibTeX or LaTeX', () => {
    const text =
      'Ties of~$d$, AT\\&T at 50% & $x_1 \\% y$, \\emph{a {b}} and J{\\"u}rgen; $^$ is no math, { is lone'
    expect(field(entry({ abstract: text }), 'abstract')).toBe(
      'Ties of~$d$, AT\\&T at 50\\% \\& $x_1 \\% y$, \\emph{a {b}} and J{\\"u}rgen; \\$\\textasciicircum{}\\$ is no math, \\textbraceleft{} is lone',
    )
    expect(parseBibtex(entry({ abstract: text }), ctx).issues).toEqual([])
  })

  it('braces capitals in a title with TeX so styles keep them, math included', () => {
    expect(field(entry({ title: 'The $O(N)$ Method for GANs with $p \\to κ$' }), 'title')).toBe(
      'The {$O(N)$} {Method} for {GANs} with $p \\to κ$',
    )
  })
})

describe('exportBibtex cite keys', () => {
  let t: TempStore
  beforeAll(async () => {
    t = await createTempStore()
  })
  afterAll(async () => {
    await t.cleanup()
  })

  it('gives a paper the same key alone as with others, never one another paper of the library has, and keeps it as papers are added', async () => {
    const paper = (key: string, title: string) =>
      buildRecord({ source: 'awesome-list', key, title, authors: ['Ada Lovelace', 'Alan Turing'], date: '2023' })
    await importRecords(t.store, [paper('a', 'Scaling Laws for Sparse Experts'), paper('b', 'Scaling Laws for Dense Transformers')])
    const idOf = async (title: string) => (await t.store.searchPapers({ text: `"${title}"` })).items[0]!.paper.id
    const [sparse, dense] = [await idOf('Scaling Laws for Sparse Experts'), await idOf('Scaling Laws for Dense Transformers')]
    const keysOf = async (ids: string[]) => [...(await exportBibtex(t.store, { papers: ids })).bibtex.matchAll(/^@\w+\{([^,]+),/gm)].map((m) => m[1])
    // Each alone: two single-paper downloads never share a key (each used to be lovelace2023scaling).
    const alone = [...(await keysOf([sparse])), ...(await keysOf([dense]))]
    expect(alone).toEqual(['lovelace2023scaling', 'lovelace2023scalinga'])
    expect(await keysOf([dense, sparse])).toEqual([alone[1], alone[0]])
    // A third such paper, added later, takes the next key; the first two keep theirs.
    await importRecords(t.store, [paper('c', 'Scaling Laws Revisited')])
    const later = await idOf('Scaling Laws Revisited')
    expect(await keysOf([sparse, dense, later])).toEqual([...alone, 'lovelace2023scalingb'])
    const whole = (await exportBibtex(t.store, {})).bibtex
    expect([...whole.matchAll(/^@\w+\{([^,]+),/gm)].map((m) => m[1]).sort()).toEqual([...alone, 'lovelace2023scalingb'].sort())
  })
})
