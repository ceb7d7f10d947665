import { mkdirSync, mkdtempSync, readFileSync, realpathSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTempStore, type TempStore } from '../../test/support/temp-store.js'
import { bibtexFormat, CORPUS_FORMATS, type FileFormat } from '../ingest/index.js'
import { importFiles, unreadablePaths } from './import-files.js'
import { toBibtexPapers } from './export-bibtex.js'
import { importRecords } from './import-records.js'

const CORPUS = resolve(import.meta.dirname, '../../data/corpus')
const FIXTURES = resolve(import.meta.dirname, '../../test/fixtures')

describe('importFiles', () => {
  let t: TempStore
  let dir: string
  beforeEach(async () => {
    t = await createTempStore()
    dir = mkdtempSync(join(tmpdir(), 'paperscope-files-'))
  })
  afterEach(async () => {
    await t.cleanup()
    rmSync(dir, { recursive: true, force: true })
  })

  it('imports the good entries of a corrupted file and names each bad one by file and line', async () => {
    const lines = readFileSync(join(CORPUS, 'researcher-profile.txt'), 'utf8').split('\n')
    // Binary garbage inside the second paper's abstract, a 10 MB line inside the fourth, Latin-1 bytes in a title.
    const garbage = Buffer.from([0x00, 0x01, 0xff, 0xfe, 0x00, 0x13, 0x88, 0x00])
    const at = (title: string): number => lines.findIndex((l) => l.startsWith(title))
    const hitting = at('Hitting the High-Dimensional Notes') + 4
    const spectral = at('Spectral-Bias and Kernel-Task Alignment') + 4
    const parts: Buffer[] = lines.map((line, i) => {
      if (i === hitting) return Buffer.concat([garbage, Buffer.from('\n')])
      if (i === spectral) return Buffer.from(`${'x'.repeat(10 * 1024 * 1024)}\n`)
      if (line.startsWith('Speed Limits for Deep Learning')) return Buffer.from('Speed Limits for D\xe9ep Learning\n', 'latin1')
      return Buffer.from(`${line}\n`)
    })
    const file = join(dir, 'profile.txt')
    writeFileSync(file, Buffer.concat(parts))
    const report = await importFiles(t.store, [file], { format: 'researcher-profile', captureDate: '2026', cwd: dir })
    const rejected = report.issues.filter((i) => i.severity === 'rejected')
    expect(rejected.map((i) => [i.source, i.code])).toEqual([
      ['profile.txt', 'BINARY_CONTENT'],
      ['profile.txt', 'LINE_TOO_LONG'],
    ])
    expect(rejected.map((i) => i.line)).toEqual([hitting + 1, spectral + 1])
    expect(report.issues.some((i) => i.code === 'ENCODING' && i.severity === 'warning')).toBe(true)
    expect(report.new).toBe(11)
    expect(report.read).toBe(13)
    const titles = (await t.store.listPapers({ limit: 50 })).items.map((p) => p.title)
    expect(titles).toContain('Speed Limits for Déep Learning')
    expect(titles.some((x) => x.startsWith('Hitting the High-Dimensional'))).toBe(false)
  })

  it('rejects a file no importer recognises, by name, and goes on with the others', async () => {
    mkdirSync(join(dir, 'in'))
    writeFileSync(join(dir, 'in', 'notes.txt'), 'shopping list\neggs\nmilk\n')
    writeFileSync(join(dir, 'in', 'abstracts.txt'), readFileSync(join(CORPUS, 'abstracts.txt')))
    const report = await importFiles(t.store, [join(dir, 'in'), join(dir, 'missing.txt')], { cwd: dir })
    expect(report.issues.filter((i) => i.severity === 'rejected').map((i) => [i.source, i.code])).toEqual([
      [join(dir, 'missing.txt'), 'SOURCE_UNAVAILABLE'],
      ['in/notes.txt', 'UNKNOWN_FORMAT'],
    ])
    expect(report.new).toBe(10)
  })

  it('refuses a forced format that is clearly not the file\'s, names the file and what it is, and goes on with the others', async () => {
    const copy = (from: string, name: string): string => {
      writeFileSync(join(dir, name), readFileSync(from))
      return join(dir, name)
    }
    const json = copy(join(FIXTURES, 'openalex/works_list_per_page2.json'), 'works.json')
    const bib = copy(join(FIXTURES, 'bibtex/d2l_excerpt_ml_papers.bib'), 'refs.bib')
    const atom = copy(join(FIXTURES, 'arxiv/api_query_all_transformer_and_cat_cs.LG_max5.xml'), 'arxiv.xml')
    const daily = copy(join(CORPUS, 'daily-papers.txt'), 'daily.txt')
    // Read as daily papers, the JSON gave 2667 "papers", the BibTeX 135 and the Atom feed 80.
    const report = await importFiles(t.store, [json, bib, atom, daily], { format: 'daily-papers', cwd: dir })
    const mismatches = report.issues.filter((i) => i.code === 'FORMAT_MISMATCH')
    expect(mismatches.map((i) => [i.severity, i.source, i.message])).toEqual([
      ['rejected', 'works.json', expect.stringMatching(/^--format daily-papers does not match works\.json: the file is JSON, which no file format reads .*; nothing imported from it$/)],
      ['rejected', 'refs.bib', '--format daily-papers does not match refs.bib: the file is detected as bibtex (confidence 0.99); nothing imported from it (without --format it imports as bibtex)'],
      ['rejected', 'arxiv.xml', expect.stringMatching(/^--format daily-papers does not match arxiv\.xml: the file is an Atom feed \(XML, as the arXiv API answers\); nothing imported/)],
    ])
    expect(report.inputs.map((i) => [i.input, i.format, i.new, i.rejected])).toEqual([
      ['works.json', 'daily-papers', 0, 1],
      ['refs.bib', 'daily-papers', 0, 1],
      ['arxiv.xml', 'daily-papers', 0, 1],
      ['daily.txt', 'daily-papers', 57, 0],
    ])
    expect((await t.store.libraryStats()).papers).toBe(57)

    // BibTeX forced on JSON read nothing and said nothing; arXiv is a source, not a file format.
    const bibOnJson = await importFiles(t.store, [json], { format: 'bibtex', cwd: dir })
    expect(bibOnJson.issues.map((i) => [i.code, i.message.split(':')[0]])).toEqual([['FORMAT_MISMATCH', '--format bibtex does not match works.json']])
    await expect(importFiles(t.store, [bib], { format: 'arxiv', cwd: dir })).rejects.toThrow(
      /unknown format "arxiv" for refs\.bib \(arxiv is a source `paperscope sync` fetches from, not a file format\)/,
    )
    // A file nothing recognises is read as asked: that is what --format is for.
    writeFileSync(join(dir, 'odd.txt'), 'shopping list\neggs\n')
    const odd = await importFiles(t.store, [join(dir, 'odd.txt')], { format: 'abstracts', cwd: dir })
    expect(odd.issues.some((i) => i.code === 'FORMAT_MISMATCH')).toBe(false)
  })

  it('says "cannot read <path>: no such file" for a missing path and a link to nothing, and imports the rest', async () => {
    mkdirSync(join(dir, 'in'))
    writeFileSync(join(dir, 'in', 'abstracts.txt'), readFileSync(join(CORPUS, 'abstracts.txt')))
    symlinkSync(join(dir, 'gone.txt'), join(dir, 'in', 'link.txt'))
    const report = await importFiles(t.store, ['missing.bib', join(dir, 'in')], { cwd: dir })
    expect(report.issues.filter((i) => i.severity === 'rejected').map((i) => [i.source, i.code, i.message])).toEqual([
      ['missing.bib', 'SOURCE_UNAVAILABLE', 'cannot read missing.bib: no such file'],
      ['in/link.txt', 'SOURCE_UNAVAILABLE', 'cannot read in/link.txt: no such file'],
    ])
    expect([report.new, report.rejected]).toEqual([10, 2])
    expect(await unreadablePaths(['missing.bib', 'in', 'in/link.txt'], dir)).toEqual([
      'cannot read missing.bib: no such file',
      'cannot read in/link.txt: no such file',
    ])
  })

  it('changes nothing when the same files are imported again from another folder; the records note where they were read', async () => {
    const files = ['researcher-profile.txt', 'abstracts.txt'].map((f) => join(CORPUS, f))
    const first = await importFiles(t.store, files, { cwd: CORPUS, captureDate: '2026' })
    expect(first.new).toBeGreaterThan(0)
    const again = await importFiles(t.store, files, { cwd: dir, captureDate: '2026' })
    expect(again).toMatchObject({ new: 0, merged: 0, updated: 0, unchanged: first.new + first.merged, profiles: 0 })
    const paper = (await t.store.listPapers({ limit: 1 })).items[0]!
    const records = await t.store.transaction((tx) => tx.listSourceRecords(paper.id))
    // Read from outside the folder the command ran in, a file is named by its absolute path, not by `../..`.
    expect(relative(dir, CORPUS).startsWith('..')).toBe(true)
    expect(records[0]!.locator.startsWith(`${CORPUS}/`)).toBe(true)
    expect(again.issues.every((i) => !i.source.startsWith('..'))).toBe(true)
  })

  it('keeps one record per BibTeX entry when the same file is imported again from another folder', async () => {
    mkdirSync(join(dir, 'refs'))
    const bib = join(dir, 'refs', 'papers.bib')
    writeFileSync(bib, readFileSync(join(FIXTURES, 'bibtex', 'd2l_excerpt_ml_papers.bib')))
    const first = await importFiles(t.store, [bib], { cwd: dir })
    expect(first.new).toBeGreaterThan(10)
    const records = (await t.store.libraryStats()).sourceRecords
    const again = await importFiles(t.store, [bib], { cwd: join(dir, 'refs') })
    expect(again).toMatchObject({ new: 0, merged: 0, updated: 0, unchanged: first.new + first.merged })
    expect((await t.store.libraryStats()).sourceRecords).toBe(records)
    // The records now go by the path as given this time.
    expect(await importFiles(t.store, [bib], { cwd: join(dir, 'refs') })).toMatchObject({ unchanged: first.new + first.merged })
  })

  it('keeps a record per .bib file when two files cite the same paper, also under the same name, whatever the order', async () => {
    const entry = '@article{vaswani2017,\n  title = {Attention Is All You Need},\n  author = {Ashish Vaswani and Noam Shazeer},\n  year = {2017}\n}\n'
    for (const project of ['thesis', 'paper']) {
      mkdirSync(join(dir, project))
      writeFileSync(join(dir, project, 'references.bib'), entry)
    }
    const real = (project: string): string => join(realpathSync(dir), project, 'references.bib')
    const keys = async (): Promise<string[]> => {
      const paper = (await t.store.listPapers({ limit: 1 })).items[0]!
      return (await t.store.transaction((tx) => tx.listSourceRecords(paper.id))).map((r) => r.key).sort()
    }
    const both = [`${real('paper')}#vaswani2017`, `${real('thesis')}#vaswani2017`]
    // Each read from inside its own folder, where both are `references.bib`.
    await importFiles(t.store, ['references.bib'], { cwd: join(dir, 'thesis') })
    expect(await importFiles(t.store, ['references.bib'], { cwd: join(dir, 'paper') })).toMatchObject({ merged: 1 })
    expect(await keys()).toEqual(both)
    // From other folders, in any order: the same two records, nothing changed.
    for (const [project, cwd] of [['thesis', dir], ['paper', dir], ['thesis', join(dir, 'thesis')], ['paper', join(dir, 'paper')]] as const) {
      expect(await importFiles(t.store, [join(dir, project, 'references.bib')], { cwd })).toMatchObject({ new: 0, merged: 0, updated: 0, unchanged: 1 })
      expect(await keys()).toEqual(both)
    }
  })

  it('updates a BibTeX entry edited since an older version stored it under the path as given, without a second record', async () => {
    const bib = join(dir, 'refs.bib')
    const entry = (extra: string) => `@article{vaswani2017,\n  title = {Attention Is All You Need},\n  author = {Ashish Vaswani and Noam Shazeer},\n  year = {2017}${extra}\n}\n`
    writeFileSync(bib, entry(''))
    const old = bibtexFormat.parse(readFileSync(bib, 'utf8'), { input: 'refs.bib', fetchedAt: '2026-01-01T00:00:00.000Z' })
    await importRecords(t.store, old.records)
    writeFileSync(bib, entry(',\n  doi = {10.48550/arXiv.1706.03762}'))
    expect(await importFiles(t.store, ['refs.bib'], { cwd: dir })).toMatchObject({ new: 0, merged: 0, updated: 1 })
    expect((await t.store.libraryStats()).sourceRecords).toBe(1)
    expect((await t.store.listPapers({ limit: 1 })).items[0]!.ids).toMatchObject({ arxiv: '1706.03762' })
    expect(await importFiles(t.store, ['refs.bib'], { cwd: dir })).toMatchObject({ unchanged: 1 })
  })

  it('takes a .bib whose folder moved for the same file', async () => {
    mkdirSync(join(dir, 'before'))
    writeFileSync(join(dir, 'before', 'refs.bib'), readFileSync(join(FIXTURES, 'bibtex', 'd2l_excerpt_ml_papers.bib')))
    const first = await importFiles(t.store, [join(dir, 'before', 'refs.bib')], { cwd: dir })
    const records = (await t.store.libraryStats()).sourceRecords
    renameSync(join(dir, 'before'), join(dir, 'after'))
    expect(await importFiles(t.store, [join(dir, 'after', 'refs.bib')], { cwd: dir })).toMatchObject({ new: 0, merged: 0, updated: 0, unchanged: first.new + first.merged })
    expect((await t.store.libraryStats()).sourceRecords).toBe(records)
  })

  it('takes a BibTeX record stored before keys held the file itself for the same entry, not for a second record', async () => {
    const bib = join(dir, 'refs.bib')
    writeFileSync(bib, readFileSync(join(FIXTURES, 'bibtex', 'd2l_excerpt_ml_papers.bib')))
    // Stored as earlier versions did: keyed by the path as given, the file not noted.
    const old = bibtexFormat.parse(readFileSync(bib, 'utf8'), { input: 'refs.bib', fetchedAt: '2026-01-01T00:00:00.000Z' })
    const first = await importRecords(t.store, old.records)
    const records = (await t.store.libraryStats()).sourceRecords
    expect(await importFiles(t.store, [bib], { cwd: dir })).toMatchObject({ new: 0, merged: 0, updated: 0, unchanged: first.new + first.merged })
    expect((await t.store.libraryStats()).sourceRecords).toBe(records)
  })

  describe('a list file read again', () => {
    const entry = (title: string, digest: string): string =>
      `  • ${title}. [paper]\n\n    • Ann Example, Bob Example. ICML 2023\n    • Key Word: Example.\n    • Digest ${digest}\n`
    const grokking = entry('Grokking Beyond Toy Tasks', 'This paper shows that grokking happens on real data sets when the weight norm is large.')
    const collapse = entry('Collapse of the Last Layer', 'This paper studies neural collapse of the last-layer features at the end of training.')
    const memory = entry('Where Memorization Lives', 'This paper finds that memorization is spread over a few neurons in many layers.')
    const list = (...sections: Array<[string, string[]]>): string =>
      `Awesome Example Phenomena\n\n${sections.map(([topic, entries]) => `${topic}: 2023\n\n${entries.join('')}`).join('\n')}`
    const write = (text: string): string => {
      writeFileSync(join(dir, 'list.txt'), text)
      return join(dir, 'list.txt')
    }
    const read = (file: string) => importFiles(t.store, [file], { format: 'awesome-list', cwd: dir })
    const paperTitled = async (title: string) => (await t.store.listPapers({ limit: 50 })).items.find((p) => p.title === title)

    it('moves an entry moved to another section there, and only there', async () => {
      const file = write(list(['Grokking', [grokking, memory]], ['Neural Collapse', [collapse]]))
      expect(await read(file)).toMatchObject({ new: 3, removed: 0 })
      const before = (await paperTitled('Where Memorization Lives'))!
      expect(before.topics.map((x) => x.label)).toEqual(['Grokking'])
      const moved = await read(write(list(['Grokking', [grokking]], ['Neural Collapse', [collapse]], ['Memorization', [memory]])))
      // Before, the moved entry was a second record of the paper, and the paper kept the topic it had left.
      expect(moved).toMatchObject({ merged: 1, removed: 1 })
      const after = (await paperTitled('Where Memorization Lives'))!
      expect(after.id).toBe(before.id)
      expect(after.topics.map((x) => x.label)).toEqual(['Memorization'])
      expect((await t.store.libraryStats()).sourceRecords).toBe(3)
      // Read once more, nothing changes.
      expect(await read(file)).toMatchObject({ new: 0, merged: 0, updated: 0, unchanged: 3, removed: 0 })
    })

    it('lets a link to an entry retitled past recognition lead to the paper it became', async () => {
      await read(write(list(['Grokking', [grokking, memory]])))
      const before = (await paperTitled('Where Memorization Lives'))!
      // The same authors and digest under a title the matcher does not take for the old one.
      const retitled = memory.replace('Where Memorization Lives', 'Atypical Examples Are Stored in Few Neurons')
      const report = await read(write(list(['Grokking', [grokking, retitled]])))
      expect(report).toMatchObject({ new: 1, removed: 1, papersRemoved: [] })
      const after = (await paperTitled('Atypical Examples Are Stored in Few Neurons'))!
      expect(after.id).not.toBe(before.id)
      // Before, the old id led nowhere.
      expect(await t.store.findPaperIdByFormerId(before.id)).toBe(after.id)
      // An entry deleted while another is added is no such successor.
      const other = entry('Loss Landscapes of Wide Networks', 'This paper maps the loss landscape of wide networks near their minima.')
      const replaced = await read(write(list(['Grokking', [grokking, other]])))
      expect(replaced).toMatchObject({ new: 1, removed: 1, papersRemoved: [{ title: 'Atypical Examples Are Stored in Few Neurons' }] })
      expect(await t.store.findPaperIdByFormerId(after.id)).toBeNull()
    })

    it('keeps an entry one copy of a list dropped while another copy still lists it, whatever order they are read in', async () => {
      mkdirSync(join(dir, 'mine'))
      mkdirSync(join(dir, 'fork'))
      const both = list(['Grokking', [grokking, memory]], ['Neural Collapse', [collapse]])
      const without = list(['Grokking', [grokking]], ['Neural Collapse', [collapse]])
      const copies = (mine: string, fork: string) => {
        writeFileSync(join(dir, 'mine', 'list.txt'), mine)
        writeFileSync(join(dir, 'fork', 'list.txt'), fork)
      }
      const readBoth = (order: string[]) => importFiles(t.store, order.map((f) => join(dir, f, 'list.txt')), { format: 'awesome-list', cwd: dir })
      copies(both, both)
      await readBoth(['mine', 'fork'])
      // The fork drops the entry: before, the copy read last owned the record, and the paper left the library.
      copies(both, without)
      expect(await readBoth(['mine', 'fork'])).toMatchObject({ removed: 0, papersRemoved: [] })
      expect(await paperTitled('Where Memorization Lives')).toBeDefined()
      expect(await readBoth(['fork', 'mine'])).toMatchObject({ removed: 0 })
      expect(await paperTitled('Where Memorization Lives')).toBeDefined()
      // Dropped from both copies, it goes.
      copies(without, without)
      expect(await readBoth(['fork', 'mine'])).toMatchObject({ removed: 1, papersRemoved: [{ title: 'Where Memorization Lives' }] })
      expect(await paperTitled('Where Memorization Lives')).toBeUndefined()
    })

    it('lists an entry again for the copy that has it again, and holds back a copy cut short though the other lists everything', async () => {
      mkdirSync(join(dir, 'mine'))
      mkdirSync(join(dir, 'fork'))
      const both = list(['Grokking', [grokking, memory]], ['Neural Collapse', [collapse]])
      const without = list(['Grokking', [grokking]], ['Neural Collapse', [collapse]])
      const readOne = (copy: string, text: string) => {
        writeFileSync(join(dir, copy, 'list.txt'), text)
        return importFiles(t.store, [join(dir, copy, 'list.txt')], { format: 'awesome-list', cwd: dir })
      }
      await readOne('mine', both)
      await readOne('fork', both)
      const dropped = await readOne('fork', without)
      expect(dropped.removed).toBe(0)
      expect(dropped.issues.map((i) => i.message)).toEqual(['1 entry no longer in this file stays in the library: another file still lists it (mine/list.txt)'])
      // The fork has it again, then the original drops it: the fork still lists it, so it stays. Before, the fork's
      // link was not made again, and the paper left.
      await readOne('fork', both)
      expect(await readOne('mine', without)).toMatchObject({ removed: 0 })
      expect(await paperTitled('Where Memorization Lives')).toBeDefined()
      // The original emptied by accident: held back, links kept; restored, then the fork drops it: it stays.
      await readOne('mine', both)
      const emptied = await readOne('mine', 'Awesome Example Phenomena\n')
      expect(emptied.issues.filter((i) => i.code === 'GONE_ENTRIES_KEPT').map((i) => i.message)).toEqual([
        expect.stringMatching(/^3 entries .* the file has no entries now/),
      ])
      // The file read is said to hold no entries, too.
      expect(emptied.issues.filter((i) => i.code === 'PARSE_FAILED').map((i) => i.message)).toEqual([
        expect.stringMatching(/^read as awesome-list \(as --format asked\), but no entries were found in it/),
      ])
      await readOne('mine', both)
      expect(await readOne('fork', without)).toMatchObject({ removed: 0 })
      expect(await paperTitled('Where Memorization Lives')).toBeDefined()
    })

    it('removes a deleted entry, and its paper when no other source has it; a link to it then finds nothing', async () => {
      const file = write(list(['Grokking', [grokking, memory]], ['Neural Collapse', [collapse]]))
      await read(file)
      const gone = (await paperTitled('Where Memorization Lives'))!
      // The collapse paper is also in a BibTeX file: it stays, made of that record alone.
      writeFileSync(join(dir, 'refs.bib'), '@article{collapse2023,\n  title = {Collapse of the Last Layer},\n  author = {Ann Example and Bob Example},\n  year = {2023}\n}\n')
      expect(await importFiles(t.store, [join(dir, 'refs.bib')], { cwd: dir })).toMatchObject({ merged: 1 })
      const report = await read(write(list(['Grokking', [grokking]])))
      expect(report).toMatchObject({ removed: 2, inputs: [{ input: 'list.txt', removed: 2 }] })
      expect(await t.store.getPaper(gone.id)).toBeNull()
      expect(await t.store.findPaperIdByFormerId(gone.id)).toBeNull()
      const collapsePaper = (await t.store.getPaper((await paperTitled('Collapse of the Last Layer'))!.id))!
      expect(collapsePaper.sources.map((s) => s.source)).toEqual(['bibtex'])
      expect(collapsePaper.topics).toEqual([])
      // The section it emptied is no topic of the library any more.
      expect((await t.store.listTopics()).map((x) => x.label)).toEqual(['Grokking'])
      expect((await t.store.libraryStats()).papers).toBe(2)
      // Put back, the entry makes its paper again under the same id, so links to it work again.
      await read(write(list(['Grokking', [grokking, memory]])))
      expect((await paperTitled('Where Memorization Lives'))!.id).toBe(gone.id)
    })

    it('keeps entries gone from a file some of whose entries cannot be read, or that has none, and says so', async () => {
      const file = write(list(['Grokking', [grokking, memory]], ['Neural Collapse', [collapse]]))
      await read(file)
      // The memorization entry was cut to its title line (it cannot be read) and the collapse entry is gone.
      const broken = list(['Grokking', [grokking, '  • Where Memorization Lives. [paper]\n']])
      const report = await read(write(broken))
      expect(report.rejected).toBeGreaterThan(0)
      expect(report.removed).toBe(0)
      expect(report.issues.find((i) => i.code === 'GONE_ENTRIES_KEPT')).toMatchObject({
        severity: 'warning',
        source: 'list.txt',
        message: expect.stringMatching(/^2 entries read from this file before are no longer in it but kept: 1 entry of it could not be taken \(line \d+\) and may be among them; to remove them anyway, import it again with --prune$/),
      })
      expect((await t.store.libraryStats()).papers).toBe(3)
      const empty = await read(write('Awesome Example Phenomena\n'))
      expect(empty.removed).toBe(0)
      expect(empty.issues.find((i) => i.code === 'GONE_ENTRIES_KEPT')?.message).toMatch(/^3 entries .* the file has no entries now/)
      expect((await t.store.libraryStats()).papers).toBe(3)
      // Emptied on purpose: --prune.
      const pruned = await importFiles(t.store, [join(dir, 'list.txt')], { format: 'awesome-list', cwd: dir, prune: true })
      expect(pruned).toMatchObject({ removed: 3 })
      expect(pruned.papersRemoved.map((p) => p.title).sort()).toEqual(['Collapse of the Last Layer', 'Grokking Beyond Toy Tasks', 'Where Memorization Lives'])
      expect((await t.store.libraryStats()).papers).toBe(0)
    })

    it('keeps the cite key of a paper that left claimed, so the next paper of the same stem keeps its own', async () => {
      const du = (title: string) => `  • ${title}. [paper]\n\n    • Simon Du, Ann Example. ICML 2023\n    • Key Word: Optimization.\n    • Digest This paper proves that ${title.toLowerCase()} in deep networks.\n`
      const first = du('Gradient Descent Finds Global Minima')
      const second = du('Gradient Descent Provably Optimizes Wide Networks')
      const key = async (title: string) => {
        const paper = (await t.store.getPaper((await paperTitled(title))!.id))!
        return (await toBibtexPapers(t.store, [paper]))[0]!.citeKey
      }
      await read(write(list(['Optimization', [first, second, grokking]])))
      expect([await key('Gradient Descent Finds Global Minima'), await key('Gradient Descent Provably Optimizes Wide Networks')]).toEqual(['du2023gradient', 'du2023gradienta'])
      await read(write(list(['Optimization', [second, grokking]])))
      // Before, the second paper took `du2023gradient`, and a \cite{du2023gradient} came to mean it.
      expect(await key('Gradient Descent Provably Optimizes Wide Networks')).toBe('du2023gradienta')
      await read(write(list(['Optimization', [first, second, grokking]])))
      expect(await key('Gradient Descent Finds Global Minima')).toBe('du2023gradient')
    })

    it('holds back removing much of a list at once (a file cut short), and names what a removal takes', async () => {
      const many = Array.from({ length: 60 }, (_, i) => entry(`Phenomenon number ${i} of deep networks`, `This paper studies phenomenon ${i} in trained deep networks, case ${i}.`))
      await read(write(list(['Grokking', many])))
      expect((await t.store.libraryStats()).papers).toBe(60)
      // Cut after the 20th entry: before, 40 papers left the library without a word.
      const cut = await read(write(list(['Grokking', many.slice(0, 20)])))
      expect(cut.removed).toBe(0)
      expect(cut.issues.find((i) => i.code === 'GONE_ENTRIES_KEPT')?.message).toBe(
        '40 entries read from this file before are no longer in it but kept: 40 of them would take their papers out of the library, more than a tenth of the 60 entries it held (was it cut short?); to remove them anyway, import it again with --prune',
      )
      expect((await t.store.libraryStats()).papers).toBe(60)
      // Six of sixty (a tenth, at least five) go as an edit would.
      const edited = await read(write(list(['Grokking', many.slice(0, 54)])))
      expect(edited).toMatchObject({ removed: 6 })
      expect(edited.papersRemoved).toHaveLength(6)
      expect(edited.papersRemoved[0]).toMatchObject({ input: 'list.txt', title: expect.stringMatching(/^Phenomenon number 5\d of deep networks$/) })
      expect((await t.store.libraryStats()).papers).toBe(54)
    })

    it('lets entries go whose papers stay (a .bib split in two, keys made again), however many', async () => {
      const entry = (key: string, i: number) => `@article{${key},\n  title = {A Study of Phenomenon ${i} in Deep Networks},\n  author = {Ann Example},\n  year = {2020}\n}\n`
      const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k)
      writeFileSync(join(dir, 'a.bib'), range(0, 40).map((i) => entry(`key${i}`, i)).join('\n'))
      await importFiles(t.store, [join(dir, 'a.bib')], { cwd: dir })
      // Half moved to b.bib: before, held back as "50% of the 40 it held", and the stale records kept the papers.
      writeFileSync(join(dir, 'a.bib'), range(0, 20).map((i) => entry(`key${i}`, i)).join('\n'))
      writeFileSync(join(dir, 'b.bib'), range(20, 40).map((i) => entry(`key${i}`, i)).join('\n'))
      const split = await importFiles(t.store, [join(dir, 'a.bib'), join(dir, 'b.bib')], { cwd: dir })
      expect(split).toMatchObject({ removed: 20, removedOfStayingPapers: 20, papersRemoved: [] })
      expect(split.issues).toEqual([])
      // Every key made again (a reference manager's key generator): the same papers, one record each.
      writeFileSync(join(dir, 'a.bib'), range(0, 20).map((i) => entry(`Example2020Study${i}`, i)).join('\n'))
      const rekeyed = await importFiles(t.store, [join(dir, 'a.bib')], { cwd: dir })
      expect(rekeyed).toMatchObject({ removed: 20, papersRemoved: [] })
      expect(await t.store.libraryStats()).toMatchObject({ papers: 40, sourceRecords: 40 })
    })

    it('lets a paper that stays keep the key its .bib entry gave it, and another paper its own', async () => {
      const listed = (title: string) => `  • ${title}. [paper]\n\n    • Simon Du, Ann Example. ICML 2023\n    • Key Word: Optimization.\n    • Digest This paper proves that ${title.toLowerCase()} in deep networks.\n`
      // The paper the .bib names entered first: with a generated key it would take the plain one.
      await read(write(list(['Optimization', [listed('Gradient Descent Provably Optimizes Wide Networks'), listed('Gradient Descent Finds Global Minima')]])))
      writeFileSync(join(dir, 'refs.bib'), '@article{myspecialkey,\n  title = {Gradient Descent Provably Optimizes Wide Networks},\n  author = {Simon Du and Ann Example},\n  year = {2023}\n}\n')
      await importFiles(t.store, [join(dir, 'refs.bib')], { cwd: dir })
      const key = async (title: string) => (await toBibtexPapers(t.store, [(await t.store.getPaper((await paperTitled(title))!.id))!]))[0]!.citeKey
      expect([await key('Gradient Descent Finds Global Minima'), await key('Gradient Descent Provably Optimizes Wide Networks')]).toEqual(['du2023gradient', 'myspecialkey'])
      writeFileSync(join(dir, 'refs.bib'), '')
      await importFiles(t.store, [join(dir, 'refs.bib')], { cwd: dir, prune: true })
      // Before, it took a generated key, the other paper's: `du2023gradient` (and that one `du2023gradienta`).
      expect([await key('Gradient Descent Finds Global Minima'), await key('Gradient Descent Provably Optimizes Wide Networks')]).toEqual(['du2023gradient', 'myspecialkey'])
    })

    it('keeps an entry a mistyped .bib key hid behind another entry\'s', async () => {
      const bib = (a: string, b: string): string =>
        `@article{${a},\n  title = {Attention Is All You Need},\n  author = {Ashish Vaswani},\n  year = {2017}\n}\n\n@article{${b},\n  title = {Deep Residual Learning},\n  author = {Kaiming He},\n  year = {2016}\n}\n`
      writeFileSync(join(dir, 'refs.bib'), bib('vaswani', 'he'))
      await importFiles(t.store, [join(dir, 'refs.bib')], { cwd: dir })
      writeFileSync(join(dir, 'refs.bib'), bib('vaswani', 'vaswani'))
      const report = await importFiles(t.store, [join(dir, 'refs.bib')], { cwd: dir })
      expect(report.issues.map((i) => i.code)).toEqual(['DUPLICATE_ENTRY', 'GONE_ENTRIES_KEPT'])
      expect((await t.store.libraryStats()).papers).toBe(2)
    })

    it('lets an entry moved from one .bib to another keep its paper, whatever order the files are read in', async () => {
      const entry1 = '@article{vaswani,\n  title = {Attention Is All You Need},\n  author = {Ashish Vaswani},\n  year = {2017}\n}\n'
      const entry2 = '@article{he,\n  title = {Deep Residual Learning},\n  author = {Kaiming He},\n  year = {2016}\n}\n'
      writeFileSync(join(dir, 'a.bib'), entry1 + entry2)
      writeFileSync(join(dir, 'b.bib'), entry2)
      await importFiles(t.store, [join(dir, 'a.bib'), join(dir, 'b.bib')], { cwd: dir })
      const id = (await paperTitled('Attention Is All You Need'))!.id
      writeFileSync(join(dir, 'a.bib'), entry2)
      writeFileSync(join(dir, 'b.bib'), entry2 + entry1)
      // a.bib is read first: before, its removal took the paper, and b.bib's entry made a new one.
      const report = await importFiles(t.store, [join(dir, 'a.bib'), join(dir, 'b.bib')], { cwd: dir })
      expect(report).toMatchObject({ merged: 1, removed: 1, papersRemoved: [] })
      expect((await paperTitled('Attention Is All You Need'))!.id).toBe(id)
    })

    it('removes an entry deleted from a .bib, and only from that file', async () => {
      const bib = (...labels: string[]): string =>
        labels.map((l) => `@article{${l},\n  title = {The Paper Called ${l}},\n  author = {Ann Example},\n  year = {2020}\n}\n`).join('\n')
      mkdirSync(join(dir, 'a'))
      mkdirSync(join(dir, 'b'))
      writeFileSync(join(dir, 'a', 'refs.bib'), bib('alpha', 'beta'))
      writeFileSync(join(dir, 'b', 'refs.bib'), bib('beta'))
      await importFiles(t.store, [join(dir, 'a', 'refs.bib'), join(dir, 'b', 'refs.bib')], { cwd: dir })
      expect((await t.store.libraryStats()).sourceRecords).toBe(3)
      writeFileSync(join(dir, 'a', 'refs.bib'), bib('alpha'))
      expect(await importFiles(t.store, [join(dir, 'a', 'refs.bib')], { cwd: dir })).toMatchObject({ unchanged: 1, removed: 1 })
      // `beta` is still cited by the other file.
      const titles = (await t.store.listPapers({ limit: 10 })).items.map((p) => p.title).sort()
      expect(titles).toEqual(['The Paper Called alpha', 'The Paper Called beta'])
      expect((await t.store.libraryStats()).sourceRecords).toBe(2)
    })

    it('never removes what a page capture no longer shows (a daily page lists other papers each day)', async () => {
      const day = (titles: Array<[string, string]>): string =>
        `Daily Papers\n\nSep 5\n\n${titles.map(([x, abstract]) => `${x}\n\n${abstract}\n`).join('\n')}`
      const grokkingDay: [string, string] = ['Grokking on Real Data', 'We show that grokking happens on image data sets once the weight norm is large enough.']
      const collapseDay: [string, string] = ['Collapse Without Labels', 'Self-supervised features collapse to simplices much as supervised last layers do.']
      const memoryDay: [string, string] = ['Memorization Lives in Neurons', 'A few neurons spread over many layers hold what a network memorized of atypical examples.']
      writeFileSync(join(dir, 'daily.txt'), day([grokkingDay, collapseDay]))
      await importFiles(t.store, [join(dir, 'daily.txt')], { format: 'daily-papers', cwd: dir })
      writeFileSync(join(dir, 'daily.txt'), day([memoryDay]))
      expect(await importFiles(t.store, [join(dir, 'daily.txt')], { format: 'daily-papers', cwd: dir })).toMatchObject({ new: 1, removed: 0 })
      expect((await t.store.libraryStats()).papers).toBe(3)
    })
  })

  describe('what a folder holds besides inputs', () => {
    const MARKDOWN_LIST = resolve(FIXTURES, 'awesome-list/awesome-deep-phenomena.md')
    const shownIssues = (report: Awaited<ReturnType<typeof importFiles>>) =>
      report.issues.map((i) => [i.severity, i.source, i.code])

    it('reads a README.md the folder\'s manifest lists', async () => {
      mkdirSync(join(dir, 'list'))
      writeFileSync(join(dir, 'list', 'README.md'), readFileSync(MARKDOWN_LIST))
      writeFileSync(join(dir, 'list', 'manifest.json'), JSON.stringify({ files: [{ file: 'README.md', format: 'awesome-list' }] }))
      const report = await importFiles(t.store, [join(dir, 'list')], { cwd: dir })
      expect(report.inputs.map((i) => [i.input, i.format, i.new])).toEqual([['list/README.md', 'awesome-list', 9]])
      expect(report.issues.filter((i) => i.severity === 'rejected').map((i) => i.code)).toEqual(['TEMPLATE_ENTRY'])
    })

    it('without a manifest, reads a README.md a format recognises and leaves out one that documents the folder', async () => {
      mkdirSync(join(dir, 'list'))
      writeFileSync(join(dir, 'list', 'README.md'), readFileSync(MARKDOWN_LIST))
      mkdirSync(join(dir, 'docs'))
      writeFileSync(join(dir, 'docs', 'README.md'), readFileSync(join(CORPUS, 'README.md')))
      writeFileSync(join(dir, 'docs', 'SOURCES.md'), readFileSync(join(FIXTURES, 'SOURCES.md')))
      writeFileSync(join(dir, 'docs', 'abstracts.txt'), readFileSync(join(CORPUS, 'abstracts.txt')))
      const report = await importFiles(t.store, [join(dir, 'list'), join(dir, 'docs')], { cwd: dir })
      expect(report.inputs.map((i) => [i.input, i.format, i.new])).toEqual([
        ['list/README.md', 'awesome-list', 9],
        ['docs/abstracts.txt', 'abstracts', 10],
      ])
      expect(shownIssues(report).filter(([, source]) => source?.startsWith('docs'))).toEqual([])
      // A format asked for does not make documentation an input either.
      const forced = await importFiles(t.store, [join(dir, 'docs')], { cwd: dir, format: 'awesome-list' })
      expect(forced.inputs.map((i) => i.input)).toEqual(['docs/abstracts.txt'])
    })

    it('imports data/corpus as before: its README.md documents it, the manifest does not list it', async () => {
      const report = await importFiles(t.store, [CORPUS], { cwd: resolve(CORPUS, '../..') })
      expect(report.inputs.map((i) => [i.input, i.format, i.read])).toEqual([
        ['data/corpus/abstracts.txt', 'abstracts', 10],
        ['data/corpus/author-papers.txt', 'author-papers', 4],
        ['data/corpus/awesome-deep-phenomena.txt', 'awesome-list', 496],
        ['data/corpus/daily-papers.txt', 'daily-papers', 57],
        ['data/corpus/researcher-profile.txt', 'researcher-profile', 13],
      ])
      expect([report.read, report.new, report.merged, report.rejected]).toEqual([580, 570, 9, 1])
    })

    it('leaves the library kept in the folder out without a word, by name or by its SQLite header', async () => {
      // The library of this very import sits in the folder (library.db), beside an older one with its -wal and -shm
      // and a copy under a name that says nothing.
      writeFileSync(join(t.dir, 'README.md'), readFileSync(MARKDOWN_LIST))
      writeFileSync(join(t.dir, 'old.db'), readFileSync(t.path))
      writeFileSync(join(t.dir, 'old.db-wal'), Buffer.from([0x37, 0x7f, 0x06, 0x82, 0, 0, 0, 1]))
      writeFileSync(join(t.dir, 'old.db-shm'), Buffer.alloc(64))
      writeFileSync(join(t.dir, 'backup-of-library'), readFileSync(t.path))
      const report = await importFiles(t.store, [t.dir], { cwd: t.dir })
      expect(report.inputs.map((i) => [i.input, i.format, i.new])).toEqual([['README.md', 'awesome-list', 9]])
      expect(shownIssues(report).filter(([severity]) => severity === 'rejected')).toEqual([
        ['rejected', 'README.md', 'TEMPLATE_ENTRY'],
      ])
      // Named by the person, a database is an input that cannot be read, said as what it is.
      const named = await importFiles(t.store, [t.path], { cwd: t.dir })
      expect(named.issues.map((i) => [i.code, i.source, i.message])).toEqual([
        ['UNKNOWN_FORMAT', 'library.db', expect.stringMatching(/^a SQLite database \(a Paperscope library\?\), not a file to import/)],
      ])
    })

    it('warns about a file that was recognised but gave no entries, when its parser said nothing', async () => {
      // A format sure of a file that then reads nothing from it, and says nothing.
      const quiet: FileFormat = {
        name: 'quiet',
        description: 'recognises every file, reads nothing',
        detect: () => 0.9,
        parse: () => ({ records: [], profiles: [], issues: [], entriesSeen: 0 }),
      }
      writeFileSync(join(dir, 'list.txt'), 'an entry, to the eye\n')
      const options = { formats: [quiet], detect: () => ({ format: quiet, confidence: 0.9 }), cwd: dir }
      const report = await importFiles(t.store, [join(dir, 'list.txt')], options)
      expect(report.issues.map((i) => [i.severity, i.source, i.code, i.message])).toEqual([
        ['warning', 'list.txt', 'PARSE_FAILED', 'read as quiet, but no entries were found in it; nothing imported from it (quiet reads: recognises every file, reads nothing)'],
      ])
      // Markdown read as an awesome list that has no entries, as `import README.md --format awesome-list` was.
      writeFileSync(join(dir, 'reading.md'), '# Reading list\n\n## Later\n\n- [a blog](https://example.org)\n')
      const list = await importFiles(t.store, [join(dir, 'reading.md')], { format: 'awesome-list', cwd: dir })
      expect(list.issues.filter((i) => i.code === 'PARSE_FAILED').map((i) => [i.severity, i.source, i.message])).toEqual([
        ['warning', 'reading.md', expect.stringMatching(/^read as awesome-list \(as --format asked\), but no entries were found in it; nothing imported from it \(awesome-list reads: .*README\.md \(Markdown\)/)],
      ])
      expect(list.rejected).toBe(0)
    })
  })

  it("dates a capture's paper records by the manifest's capture date, and a library imported before takes it", async () => {
    // As an import before captures were dated: the same page, read with no capture date, stored on its import day.
    const page = join(CORPUS, 'author-papers.txt')
    const format = CORPUS_FORMATS.find((f) => f.name === 'author-papers')!
    const before = format.parse(readFileSync(page, 'utf8'), { input: page, fetchedAt: '2026-11-29T10:00:00.000Z' })
    await importRecords(t.store, before.records)
    const dates = async () => {
      const ids = [...new Set((await t.store.listPapers({ limit: 100 })).items.map((p) => p.id))]
      const records = (await Promise.all(ids.map((id) => t.store.getPaper(id)))).flatMap((p) => p?.sources ?? [])
      return [...new Set(records.filter((r) => r.source === 'author-papers').map((r) => r.fetchedAt))]
    }
    expect(await dates()).toEqual(['2026-11-29T10:00:00.000Z'])
    // The corpus's manifest says the page was captured in 2026: imported again, its 4 records take that date, once.
    const again = await importFiles(t.store, [CORPUS], { cwd: dir, now: () => new Date('2026-12-01T00:00:00Z') })
    expect(again.inputs.find((i) => i.format === 'author-papers')).toMatchObject({ read: 4, new: 0, updated: 4 })
    expect(await dates()).toEqual(['2026'])
    const third = await importFiles(t.store, [CORPUS], { cwd: dir, now: () => new Date('2026-12-02T00:00:00Z') })
    expect(third.inputs.find((i) => i.format === 'author-papers')).toMatchObject({ updated: 0, unchanged: 4 })
  })

  it('refuses an unknown forced format before writing anything', async () => {
    await expect(importFiles(t.store, [join(CORPUS, 'abstracts.txt')], { format: 'nope' })).rejects.toThrow(/unknown format "nope"/)
    expect((await t.store.libraryStats()).papers).toBe(0)
  })
})

describe('files no format reads', () => {
  let t: TempStore
  let dir: string
  beforeEach(async () => {
    t = await createTempStore()
    dir = mkdtempSync(join(tmpdir(), 'ps-foreign-'))
  })
  afterEach(async () => {
    await t.cleanup()
    rmSync(dir, { recursive: true, force: true })
  })
  it('says what an unrecognised API answer or binary file is, never "pass --format"', async () => {
    const copy = (from: string, name: string) => (writeFileSync(join(dir, name), readFileSync(from)), join(dir, name))
    const atom = copy(join(FIXTURES, 'arxiv/api_query_all_transformer_and_cat_cs.LG_max5.xml'), 'arxiv.xml')
    const works = copy(join(FIXTURES, 'openalex/works_list_per_page2.json'), 'works.json')
    const png = join(dir, 'img.png')
    writeFileSync(png, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('Title\n\nWe study a thing at length in this abstract line.\n'.repeat(20))]))
    writeFileSync(join(dir, 'notes.txt'), 'shopping list\neggs\n')
    const report = await importFiles(t.store, [atom, works, png, join(dir, 'notes.txt')], { cwd: dir })
    expect(report.issues.map((i) => [i.source, i.code])).toEqual([
      ['arxiv.xml', 'UNKNOWN_FORMAT'], ['works.json', 'UNKNOWN_FORMAT'], ['img.png', 'BINARY_CONTENT'], ['notes.txt', 'UNKNOWN_FORMAT'],
    ])
    expect(report.issues.slice(0, 3).every((i) => !i.message.includes('--format'))).toBe(true)
    expect(report.issues[0]!.message).toMatch(/^the file is an Atom feed .*`paperscope sync`/)
    expect(report.issues[2]!.message).toBe('the file is binary (a PNG image), not text; nothing imported from it (import reads text files: page captures and BibTeX)')
    const forced = await importFiles(t.store, [png], { cwd: dir, format: 'bibtex' })
    expect(forced.issues.map((i) => i.code)).toEqual(['BINARY_CONTENT'])
    expect(await t.store.libraryStats()).toMatchObject({ papers: 0 })
  })
})
