/**
 * BibTeX export of real corpus papers: TeX from sources (`$p/n \to κ$`, `\textit{entropy collapse}`) is
 * written as written and still reads back with our importer; a title Paperscope made up is marked.
 */
import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Paper } from '../core/index.js'
import { createTempStore, useTempStore, type TempStore } from '../../test/support/temp-store.js'
import type { PaperStore } from '../store/index.js'
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
    // The importer keeps math as TeX (`$p/n \to κ$`), as it does for any .bib with that TeX: the abstracts
    // come back as they were.
    expect(result.records.map((r) => r.abstract)).toEqual(
      papers.map((p) => readAsWritten('abstract', p.abstract!)),
    )
    expect(result.records[0]!.abstract).toBe(backdoor.abstract)
    expect(result.records[0]!.abstract).toContain('proportional regime ($p/n \\to κ$)')
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
    expect(record!.abstract).toMatch(/^Diffusion models trained on finite datasets with \$N\$ samples/)
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
      // A `~` the library holds is a character (the import reads a tie as a space): \textasciitilde{}, not a tie.
      'Ties of\\textasciitilde{}$d$, AT\\&T at 50\\% \\& $x_1 \\% y$, \\emph{a {b}} and J{\\"u}rgen; \\$\\textasciicircum{}\\$ is no math, \\textbraceleft{} is lone',
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

/** The cite keys of an export, in its order. */
function keysIn(bibtex: string): string[] {
  return [...bibtex.matchAll(/^@\w+\{([^,]+),/gm)].map((m) => m[1]!)
}

/** Each entry's cite key by the title our importer reads back; every key of the export told apart. */
async function keysByTitle(store: PaperStore, selection: Parameters<typeof exportBibtex>[1] = {}): Promise<Record<string, string>> {
  const { bibtex } = await exportBibtex(store, selection)
  const keys = keysIn(bibtex)
  expect(new Set(keys.map((k) => k.toLowerCase())).size).toBe(keys.length)
  return Object.fromEntries(parseBibtex(bibtex, ctx).records.map((r) => [r.title, r.raw['citationKey'] as string]))
}

/** The library exported, the file imported into a new library, and that library exported: its keys by title. */
async function keysAfterRoundTrip(store: PaperStore): Promise<Record<string, string>> {
  const fresh = await createTempStore()
  try {
    const file = join(fresh.dir, 'export.bib')
    writeFileSync(file, (await exportBibtex(store, {})).bibtex)
    await importFiles(fresh.store, [file], {})
    return await keysByTitle(fresh.store)
  } finally {
    await fresh.cleanup()
  }
}

describe('exportBibtex cite keys: one key per paper, and the keys of BibTeX sources kept', () => {
  const t = useTempStore()
  const idsByTitle = async (store: PaperStore) =>
    Object.fromEntries((await store.listPapers({ sort: 'title', limit: 100, offset: 0 })).items.map((p) => [p.title, p.id]))

  it("never writes a suffixed key that is another paper's plain key: alone, by author or in the library", async () => {
    const balestriero = (key: string, title: string) =>
      buildRecord({ source: 'awesome-list', key, title, authors: ['Randall Balestriero', 'Yann LeCun'], date: '2022' })
    await importRecords(t().store, [
      balestriero('dat', 'DAT: Differentiable Augmentation for Training'),
      balestriero('datpp', 'DAT++: Differentiable Augmentation, Revisited'),
      balestriero('data', 'A Data-Augmentation Is Worth A Thousand Samples'),
    ])
    const expected = {
      'DAT: Differentiable Augmentation for Training': 'balestriero2022dat',
      'DAT++: Differentiable Augmentation, Revisited': 'balestriero2022datb',
      'A Data-Augmentation Is Worth A Thousand Samples': 'balestriero2022data',
    }
    expect(await keysByTitle(t().store)).toEqual(expected)
    expect(await keysByTitle(t().store, { author: 'Randall Balestriero' })).toEqual(expected)
    const alone: Record<string, string> = {}
    for (const id of Object.values(await idsByTitle(t().store))) Object.assign(alone, await keysByTitle(t().store, { papers: [id] }))
    expect(alone).toEqual(expected)
  })

  it("exports a .bib file's own keys, and keeps every key through export, import into a new library and export", async () => {
    // Listed in title order, opposite to the order of their keys: generated keys would swap.
    const file = join(t().dir, 'zhang.bib')
    writeFileSync(
      file,
      [
        '@article{zhang2022howa,\n  title = {How Do Vision Transformers Work?},\n  author = {Zhang, Wei and Li, Ming},\n  year = {2022}\n}',
        '@inproceedings{Zhang:2022:fast,\n  title = {How Fast Can Attention Be?},\n  author = {Zhang, Wei and Chen, Hao},\n  booktitle = {Proceedings of ICML},\n  year = {2022}\n}',
        '@article{zhang2022how,\n  title = {How Well Do Sparse Models Transfer?},\n  author = {Zhang, Wei and Li, Ming},\n  year = {2022}\n}',
        '',
      ].join('\n\n'),
    )
    await importFiles(t().store, [file], {})
    const fromFile = {
      'How Do Vision Transformers Work?': 'zhang2022howa',
      'How Fast Can Attention Be?': 'Zhang:2022:fast',
      'How Well Do Sparse Models Transfer?': 'zhang2022how',
    }
    expect(await keysByTitle(t().store)).toEqual(fromFile)
    // The same key alone as with the others.
    for (const [title, id] of Object.entries(await idsByTitle(t().store)))
      expect(await keysByTitle(t().store, { papers: [id] })).toEqual({ [title]: fromFile[title as keyof typeof fromFile] })
    expect(await keysAfterRoundTrip(t().store)).toEqual(fromFile)
  })

  it('keeps generated keys through a round trip: the new library keeps the keys of the file it was built from', async () => {
    const zhang = (key: string, title: string) => buildRecord({ source: 'awesome-list', key, title, authors: ['Wei Zhang'], date: '2022' })
    // Entered in an order other than the export's (by title): keys made again by entry order would swap.
    await importRecords(t().store, [
      zhang('well', 'How Well Do Sparse Models Transfer?'),
      zhang('fast', 'How Fast Can Attention Be?'),
      zhang('do', 'How Do Vision Transformers Work?'),
    ])
    const keys = await keysByTitle(t().store)
    expect(keys).toEqual({
      'How Well Do Sparse Models Transfer?': 'zhang2022how',
      'How Fast Can Attention Be?': 'zhang2022howa',
      'How Do Vision Transformers Work?': 'zhang2022howb',
    })
    expect(await keysAfterRoundTrip(t().store)).toEqual(keys)
  })

  it('gives a generated key to a paper whose BibTeX key is no valid key or was claimed before, and keeps generated keys off kept ones', async () => {
    const store = t().store
    // An arXiv-like paper first: its generated key is lovelace2023scaling until a .bib entry keeps that key.
    await importRecords(store, [buildRecord({ source: 'awesome-list', key: 'x', title: 'Scaling Laws for Engines', authors: ['Ada Lovelace'], date: '2023' })])
    expect(await keysByTitle(store)).toEqual({ 'Scaling Laws for Engines': 'lovelace2023scaling' })
    const first = join(t().dir, 'first.bib')
    writeFileSync(
      first,
      [
        '@misc{turing1950, title = {Computing Machinery and Intelligence}, author = {Turing, Alan}, year = {1950}}',
        '@misc{lovelace2023scaling, title = {Notes on the Analytical Engine}, author = {Lovelace, Ada}, year = {1843}}',
        '@misc{babbage%1864, title = {Passages from the Life of a Philosopher}, author = {Babbage, Charles}, year = {1864}}',
        '@misc{menabrea#1842, title = {Sketch of the Analytical Engine}, author = {Menabrea, Luigi}, year = {1842}}',
        '',
      ].join('\n'),
    )
    await importFiles(store, [first], {})
    const second = join(t().dir, 'second.bib')
    writeFileSync(second, '@misc{Turing1950, title = {On Computable Numbers}, author = {Turing, Alan}, year = {1936}}\n')
    await importFiles(store, [second], {})
    // A label with a space, stored as a record of its own.
    await importRecords(store, [buildRecord({ source: 'bibtex', key: `${first}#shannon 1948`, title: 'A Mathematical Theory of Communication', authors: ['Claude Shannon'], date: '1948' })])
    const expected = {
      'Computing Machinery and Intelligence': 'turing1950',
      'Notes on the Analytical Engine': 'lovelace2023scaling',
      // The paper that kept its key before the .bib entry came now takes the next one.
      'Scaling Laws for Engines': 'lovelace2023scalinga',
      // Claimed first by another paper (BibTeX does not tell Turing1950 from turing1950).
      'On Computable Numbers': 'turing1936computable',
      // No valid key: `%` starts a comment, `#` joins strings, a space ends the key.
      'Passages from the Life of a Philosopher': 'babbage1864passages',
      'Sketch of the Analytical Engine': 'menabrea1842sketch',
      'A Mathematical Theory of Communication': 'shannon1948mathematical',
    }
    expect(await keysByTitle(store)).toEqual(expected)
    for (const [title, id] of Object.entries(await idsByTitle(store)))
      expect(await keysByTitle(store, { papers: [id] })).toEqual({ [title]: expected[title as keyof typeof expected] })
    expect(await keysAfterRoundTrip(store)).toEqual(expected)
  })
})

describe('exportBibtex of papers imported from .bib files: what the entries had comes back', () => {
  const t = useTempStore()
  const FIXTURE = resolve(import.meta.dirname, '../../test/fixtures/bibtex/review_cases.bib')
  const entryOf = (bibtex: string, title: string) => bibtex.split(/\n(?=@)/).find((e) => e.includes(title))!

  it("writes each entry's type, container and kept fields, names in BibTeX's forms, the day as `date` and the arXiv class", async () => {
    await importFiles(t().store, [FIXTURE], {})
    const { bibtex } = await exportBibtex(t().store, {})
    const flat = (entry: string) => entry.replace(/ +=/g, ' =')
    const book = flat(entryOf(bibtex, 'Deep {Learning}'))
    expect(book.startsWith('@book{goodfellow2016deep,')).toBe(true)
    for (const line of ['publisher = {MIT Press}', 'address = {Cambridge, MA}', 'series = {Adaptive Computation and Machine Learning}', 'isbn = {978-0262035613}'])
      expect(book).toContain(line)
    const chapter = flat(entryOf(bibtex, 'Efficient {BackProp}'))
    expect(chapter.startsWith('@incollection{lecun1998efficient,')).toBe(true)
    for (const line of ['booktitle = {Neural Networks: Tricks of the Trade}', 'editor = {Orr, Genevieve B. and M{\\"u}ller, Klaus-Robert}', 'pages = {9--50}'])
      expect(chapter).toContain(line)
    expect(flat(entryOf(bibtex, 'Training {Recurrent}'))).toMatch(/^@phdthesis\{sutskever2013training,[^]*school = \{University of Toronto\}/)
    const report = flat(entryOf(bibtex, 'Nursing'))
    expect(report).toMatch(/^@techreport\{who2020report,/)
    expect(report).toContain('author = {{World Health Organization}}')
    expect(report).toContain('institution = {World Health Organization}')
    const deepBlue = flat(entryOf(bibtex, 'Deep {Blue}'))
    expect(deepBlue).toMatch(/^@inproceedings\{campbell2002deep,/)
    expect(deepBlue).toContain('booktitle = {Proceedings of the Royal Society A}')
    expect(deepBlue).toContain('note = {Invited paper}')
    expect(deepBlue).toContain('author = {Campbell, Murray and Hoane, Jr., A. Joseph and King, Jr., Martin Luther and van der Berg, Jan}')
    const sparse = flat(entryOf(bibtex, 'Sparse recovery'))
    expect(sparse).toMatch(/^@article\{sparse2019,/)
    expect(sparse).toContain('title = {Sparse recovery with $\\ell_1$ penalties in {$\\mathcal{O}(n \\log n)$} time}')
    expect(sparse).toContain('abstract = {We need $n\\gtrsim d^4$ samples and $\\sqrt{n}$ rounds.')
    expect(sparse).toContain('journal = {Proceedings of the IEEE}')
    expect(sparse).toContain('volume = {107},\n  number = {3},\n  pages = {512--530}')
    const adam = flat(entryOf(bibtex, 'Adam:'))
    expect(adam).toContain('date = {2014-12-22}')
    expect(adam).toContain('eprintclass = {cs.LG}')
    expect(bibtex).not.toMatch(/^ {2}day /m)
  })

  it("takes the kept fields from the paper's earliest BibTeX record, all of them, never pages from one and volume from another", async () => {
    const first = join(t().dir, 'first.bib')
    const second = join(t().dir, 'second.bib')
    writeFileSync(first, '@article{a, title = {Sparse Coding in the Wild}, author = {Doe, Jane}, journal = {Neural Computation}, pages = {1--10}, year = {2020}}\n')
    writeFileSync(second, '@inproceedings{b, title = {Sparse Coding in the Wild}, author = {Doe, Jane}, booktitle = {NeurIPS}, pages = {99--110}, volume = {33}, year = {2020}}\n')
    await importFiles(t().store, [first], {})
    await importFiles(t().store, [second], {})
    const { bibtex, papers } = await exportBibtex(t().store, {})
    expect(papers).toBe(1)
    expect(bibtex).toMatch(/^@article\{a,/)
    expect(bibtex).toMatch(/^ {2}journal += \{Neural Computation\},$/m)
    expect(bibtex).toMatch(/^ {2}pages += \{1--10\},$/m)
    expect(bibtex).not.toContain('volume')
    expect(bibtex).not.toContain('99--110')
  })

  it("takes a preprint's entry merged with its published version's type, container and fields all from the published one (the paper's venue)", async () => {
    const preprint = join(t().dir, 'preprint.bib')
    const published = join(t().dir, 'published.bib')
    writeFileSync(preprint, '@article{kingma2014adam, title={Adam: A Method for Stochastic Optimization}, author={Kingma, Diederik P and Ba, Jimmy}, journal={arXiv preprint arXiv:1412.6980}, year={2014}}\n')
    writeFileSync(
      published,
      '@inproceedings{kingma2015adam, title={Adam: A Method for Stochastic Optimization}, author={Kingma, Diederik P and Ba, Jimmy}, booktitle={International Conference on Learning Representations (ICLR)}, pages={1--15}, year={2015}, eprint={1412.6980}}\n',
    )
    await importFiles(t().store, [preprint], {})
    await importFiles(t().store, [published], {})
    const { bibtex, papers } = await exportBibtex(t().store, {})
    expect(papers).toBe(1)
    // Not `@article{…, journal = {arXiv preprint …}, pages = {1--15}}`: the preprint's type with the proceedings' pages.
    expect(bibtex).toMatch(/^@inproceedings\{/)
    expect(bibtex).toMatch(/^ {2}booktitle += \{International Conference on Learning Representations \(ICLR\)\},$/m)
    expect(bibtex).toMatch(/^ {2}pages += \{1--15\},$/m)
    expect(bibtex).not.toContain('arXiv preprint')
    expect(bibtex).not.toMatch(/^ {2}journal /m)
  })

  it("writes the publication's DOI, not the arXiv DOI of the preprint record a better-ranked source gave", async () => {
    const title = 'Deep Residual Learning for Image Recognition'
    const authors = ['Kaiming He', 'Xiangyu Zhang', 'Shaoqing Ren', 'Jian Sun']
    await importRecords(t().store, [
      buildRecord({ source: 'openalex', key: 'W2194775991', title, authors, date: '2015-12-10', ids: { doi: '10.48550/arxiv.1512.03385', openalex: 'W2194775991' }, raw: { type: 'preprint' } }),
    ])
    const cvpr = join(t().dir, 'cvpr.bib')
    writeFileSync(cvpr, `@inproceedings{he2016deep, title={${title}}, author={He, Kaiming and Zhang, Xiangyu and Ren, Shaoqing and Sun, Jian}, booktitle={CVPR}, pages={770--778}, year={2016}, doi={10.1109/CVPR.2016.90}}\n`)
    await importFiles(t().store, [cvpr], {})
    const { bibtex, papers } = await exportBibtex(t().store, {})
    expect(papers).toBe(1)
    expect(bibtex).toMatch(/^ {2}doi += \{10\.1109\/cvpr\.2016\.90\},$/m)
    expect(bibtex).not.toContain('10.48550')
  })

  it('with only preprint entries beside a venue another source gives, guesses the type from the venue and writes no preprint container', async () => {
    const preprint = join(t().dir, 'corr.bib')
    writeFileSync(preprint, '@article{corr, title = {Grokking Sparse Parities}, author = {Doe, Jane}, journal = {CoRR}, volume = {abs/2101.00001}, year = {2021}}\n')
    await importFiles(t().store, [preprint], {})
    await importRecords(t().store, [buildRecord({ source: 'openreview', key: 'or:1', title: 'Grokking Sparse Parities', authors: ['Jane Doe'], date: '2021', venue: 'ICLR 2022' })])
    const { bibtex, papers } = await exportBibtex(t().store, {})
    expect(papers).toBe(1)
    expect(bibtex).toMatch(/^@inproceedings\{/)
    expect(bibtex).toMatch(/^ {2}booktitle += \{ICLR 2022\},$/m)
    expect(bibtex).not.toContain('CoRR')
    expect(bibtex).not.toMatch(/^ {2}volume /m)
  })
})
