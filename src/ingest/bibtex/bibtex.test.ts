import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { SourceRecord } from '../../core/index.js'
import { readFixture } from '../../../test/support/fixture-server.js'
import { bibtexFormat, citeKeys, escapeLatex, formatBibtex, parseBibtex, type BibtexPaper } from './index.js'
import { hasTex, sourceEntryParts } from './format.js'

const ctx = (input: string) => ({ input, fetchedAt: '2026-06-12T08:00:00.000Z' })

function toPaper(record: SourceRecord): BibtexPaper {
  return {
    id: record.key,
    title: record.title!,
    authors: record.authors,
    authorsTruncated: record.authorsTruncated,
    date: record.date,
    venue: record.venue,
    ids: record.ids,
    abstract: record.abstract,
  }
}

describe('parseBibtex on the d2l bibliography', () => {
  const excerpt = parseBibtex(readFixture('bibtex/d2l_excerpt_ml_papers.bib'), ctx('refs/d2l_excerpt.bib'))
  const byKey = (label: string) => excerpt.records.find((r) => r.raw['citationKey'] === label)!

  it('reads all 19 entries with no issue', () => {
    expect(excerpt.records).toHaveLength(19)
    expect(excerpt.issues).toEqual([])
  })

  it('decodes accents and keeps protected capitals as written', () => {
    expect(byKey('Graves.Schmidhuber.2005')).toMatchObject({
      title:
        'Framewise phoneme classification with bidirectional LSTM and other neural network architectures',
      authors: ['Alex Graves', 'Jürgen Schmidhuber'],
      venue: 'Neural Networks',
      date: '2005',
    })
    expect(byKey('Abadi.Barham.Chen.ea.2016').title).toBe(
      'TensorFlow: A system for large-scale machine learning',
    )
    expect(byKey('Abadi.Barham.Chen.ea.2016').authors[0]).toBe('Martín Abadi')
    expect(byKey('Vaswani.Shazeer.Parmar.ea.2017').authors).toContain('Łukasz Kaiser')
    expect(byKey('Cho.Van-Merrienboer.Bahdanau.ea.2014').authors[1]).toBe('Bart Van Merriënboer')
    expect(byKey('Bengio.Ducharme.Vincent.ea.2003').authors[1]).toBe('Réjean Ducharme')
  })

  it('reads "et al." as a cut author list, not as an author', () => {
    const tf = byKey('Abadi.Barham.Chen.ea.2016')
    expect(tf.authorsTruncated).toBe(true)
    expect(tf.authors).toHaveLength(10)
    expect(tf.authors).not.toContain('al.')
  })

  it('finds arXiv ids in journal = {Ar{X}iv:...} and does not take that for a venue', () => {
    expect(byKey('Devlin.Chang.Lee.ea.2018')).toMatchObject({
      title: 'BERT: Pre-training of deep bidirectional transformers for language understanding',
      ids: { arxiv: '1810.04805' },
      venue: null,
      url: 'https://arxiv.org/abs/1810.04805',
    })
  })

  it('locates each record by file and line, and keys it by file and cite key', () => {
    expect(byKey('Bengio.Ducharme.Vincent.ea.2003')).toMatchObject({
      source: 'bibtex',
      key: 'refs/d2l_excerpt.bib#Bengio.Ducharme.Vincent.ea.2003',
      locator: 'refs/d2l_excerpt.bib:13',
      line: 13,
    })
  })

  it('reads the full 488-entry file; a year like 2023a still says 2023', () => {
    const full = parseBibtex(readFixture('bibtex/d2l_full_488_entries.bib'), ctx('d2l.bib'))
    expect(full.records).toHaveLength(488)
    expect(full.issues).toEqual([])
    expect(full.records.find((r) => r.raw['citationKey'] === 'touvron2023llama')).toMatchObject({
      title: 'LLaMA: Open and efficient foundation language models',
      date: '2023',
      ids: { arxiv: '2302.13971' },
      authorsTruncated: true,
    })
    // The file holds ViT twice, once as `16 x 16` and once with math mode; the math is kept as TeX.
    expect(
      full.records.find((r) => r.raw['citationKey'] === 'Dosovitskiy.Beyer.Kolesnikov.ea.2021*1')!.title,
    ).toBe('An image is worth $16\\times 16$ words: Transformers for image recognition at scale')
    // No TeX is left outside math.
    const outsideMath = (text: string) => text.replace(/\$[^$]*\$/g, '')
    expect(full.records.every((r) => !/[{}\\$]/.test(outsideMath(r.title!) + r.authors.join('')))).toBe(true)
  })
})

describe('parseBibtex on broken input', () => {
  it('rejects a broken entry with its line and imports the rest', () => {
    const text = [
      '@string{nips = {Advances in Neural Information Processing Systems}}',
      '@article{good1, title = {First}, author = {Doe, Jane}, year = 2020, journal = nips}',
      '@article{bad, title = {Unclosed, author = {Roe, Rick}, year = 2021}',
      '',
      '@inproceedings{good2, title = {Second}, author = {Roe, Rick}, year = {2022}}',
      '@misc{notitle, author = {Nobody}}',
      '@article{good1, title = {Again}}',
    ].join('\n')
    const result = parseBibtex(text, ctx('broken.bib'))
    expect(result.records.map((r) => r.title)).toEqual(['First', 'Second'])
    expect(result.records[0]!.venue).toBe('Advances in Neural Information Processing Systems')
    expect(result.issues.map((i) => [i.line, i.code, i.severity])).toEqual([
      [3, 'PARSE_FAILED', 'rejected'],
      [6, 'MISSING_FIELD', 'rejected'],
      [7, 'DUPLICATE_ENTRY', 'rejected'],
    ])
    expect(result.entriesSeen).toBe(5)
    // The unclosed one says so in plain words, not in the parser's.
    expect(result.issues[0]!.message).toBe('bibtex: cannot read the entry: it is not closed: a `{` has no matching `}` before the next entry or the end of the file')
  })

  it('says a file cut off mid-entry is not closed, and refuses an entry longer than any real one, in plain words', () => {
    const cut = parseBibtex('@article{good, title = {First}, year = 2020}\n@article{cut, title = {Second}, abstract = {We st', ctx('cut.bib'))
    expect(cut.records.map((r) => r.title)).toEqual(['First'])
    expect(cut.issues.map((i) => [i.line, i.message])).toEqual([[2, 'bibtex: cannot read the entry: it is not closed: 2 `{` have no matching `}` before the next entry or the end of the file']])
    const huge = parseBibtex(`@article{huge, title = {Huge}, abstract = {${'word '.repeat(400_000)}}}`, ctx('huge.bib'))
    expect(huge.issues[0]!.message).toBe('bibtex: cannot read the entry: it is over 1,000,000 characters long, more than an entry may have')
    // A comment after an entry belongs to its chunk of the file, not to the entry: a brace in it is no matter.
    const commented = parseBibtex('@article{good, title = {First}}\n% TODO: check the {braces here\n@article{next, title = {Second}}', ctx('notes.bib'))
    expect([commented.records.map((r) => r.title), commented.issues]).toEqual([['First', 'Second'], []])
  })

  it('names both fields and their lines when a comma is missing between them, and reads the other entries', () => {
    const fixture = readFixture('bibtex/d2l_excerpt_ml_papers.bib')
    const whole = parseBibtex(fixture, ctx('refs.bib'))
    // Bengio et al. 2003 with its author field left without its comma, after an @string the parser is given first.
    const unended = 'Pascal and Jauvin, Christian},\n'
    expect(fixture.split(unended)).toHaveLength(2)
    const text = `@string{jmlr = {Journal of Machine Learning Research}}\n${fixture.replace(unended, unended.replace(',\n', '\n'))}`
    const lineOf = (pattern: RegExp) => text.slice(0, text.search(pattern)).split('\n').length
    const result = parseBibtex(text, ctx('refs.bib'))
    expect(result.issues.map((i) => [i.line, i.code, i.message])).toEqual([
      [
        lineOf(/^@Article\{\t  Bengio\.Ducharme/m),
        'PARSE_FAILED',
        `bibtex: cannot read the entry: a comma is missing between the fields \`author\` (line ${lineOf(/^  author\t= \{Bengio, Yoshua/m)}) ` +
          `and \`journal\` (line ${lineOf(/^  journal\t= \{\{J\}ournal of \{M\}achine/m)}): every field but the last ends with a comma`,
      ],
    ])
    expect(result.records.map((r) => r.title)).toEqual(whole.records.map((r) => r.title).filter((t) => t !== 'A neural probabilistic language model'))
    // On one line (`{Alan Turing}year = ...`), and with a `name =` inside a value before it: the fields are still the entry's own.
    const glued = parseBibtex('@article{t50,\n  author = {Alan Turing},\n  title = {When a = b}year = {1950}\n}\n', ctx('glued.bib'))
    expect(glued.issues.map((i) => i.message)).toEqual([
      'bibtex: cannot read the entry: a comma is missing between the fields `title` (line 3) and `year` (line 3): every field but the last ends with a comma',
    ])
  })

  it("names the file's line, not the entry's: where the parser stopped, and the field a warning is about", () => {
    const text = [
      '@string{jmlr = {Journal of Machine Learning Research}}',
      '@article{badyear,',
      '  title = {A paper},',
      '  author = {Doe, Jane},',
      '  year = {twenty twenty},',
      '}',
      '@article{unclosed,',
      '  title = "Never closed,',
      '  year = {2019}',
      '}',
    ].join('\n')
    const [warning, broken] = parseBibtex(text, ctx('lines.bib')).issues
    expect([warning?.line, warning?.field, warning?.code]).toEqual([5, 'year', 'INVALID_VALUE'])
    // The parser counted from the @string line it was handed with the entry; the message says the file's line.
    expect(broken?.line).toBe(7)
    expect(broken?.message).toMatch(/got EOF at line 10 col 2/)
  })

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const result = parseBibtex(`@article{x, title = {${text}}}\n${text}`, ctx('fuzz.bib'))
        expect(result.entriesSeen).toBeGreaterThanOrEqual(1)
      }),
      { numRuns: 300 },
    )
  })
})

describe('bibtexFormat', () => {
  it('reads a .bib saved as Latin-1 with its accents, and says so with the first such line', () => {
    const text = '@article{muller,\n  title = {Grokking},\n  author = {S\u00e9bastien M\u00fcller},\n  year = {2023}\n}\n'
    const result = bibtexFormat.parseBytes!(Buffer.from(text, 'latin1'), ctx('refs.bib'))
    expect(result.records[0]!.authors).toEqual(['Sébastien Müller'])
    expect(result.issues).toMatchObject([{ severity: 'warning', code: 'ENCODING', line: 3, source: 'refs.bib' }])
    // UTF-8 stays as it is, with no word said.
    expect(bibtexFormat.parseBytes!(Buffer.from(text, 'utf8'), ctx('refs.bib'))).toMatchObject({
      records: [{ authors: ['Sébastien Müller'] }],
      issues: [],
    })
  })

  it('keeps every line of an entry, even one a wrong encoding once turned into replacement characters', () => {
    const text = '@misc{a, title = {First paper}, author = {\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd}}\n@misc{b,\n  title = {Second paper},\n  author = {\ufffd\ufffd\ufffd and Jane Doe}\n}\n'
    const viaBytes = bibtexFormat.parseBytes!(Buffer.from(text, 'utf8'), ctx('refs.bib'))
    expect(viaBytes.records.map((r) => [r.title, r.authors.length])).toEqual([
      ['First paper', 1],
      ['Second paper', 2],
    ])
    expect(viaBytes.records).toEqual(parseBibtex(text, ctx('refs.bib')).records)
    expect(viaBytes.issues.filter((i) => i.severity === 'rejected')).toEqual([])
  })

  it('is sure of .bib files with entries and unsure of other text', () => {
    const bib = readFixture('bibtex/d2l_excerpt_ml_papers.bib')
    expect(bibtexFormat.detect(bib, 'refs.bib')).toBeGreaterThan(0.9)
    expect(bibtexFormat.detect(bib, 'refs.txt')).toBeGreaterThan(0.5)
    expect(bibtexFormat.detect('Title: a paper\nAuthors: me', 'notes.txt')).toBe(0)
    expect(bibtexFormat.name).toBe('bibtex')
  })
})

describe('formatBibtex', () => {
  const vaswani: BibtexPaper = {
    id: 'p2',
    title: 'Attention is all you need',
    authors: ['Ashish Vaswani', 'Noam Shazeer', 'Łukasz Kaiser'],
    date: '2017-06-12',
    venue: 'Advances in Neural Information Processing Systems',
    ids: { arxiv: '1706.03762' },
  }

  it('writes an entry with a readable cite key, protected capitals and LaTeX accents', () => {
    expect(formatBibtex([{ ...vaswani, title: 'Attention is all you need for GANs and Bayes' }])).toBe(
      [
        '@inproceedings{vaswani2017attention,',
        '  title         = {Attention is all you need for {GANs} and {Bayes}},',
        '  author        = {Vaswani, Ashish and Shazeer, Noam and Kaiser, {\\L}ukasz},',
        '  booktitle     = {Advances in Neural Information Processing Systems},',
        '  year          = {2017},',
        '  month         = jun,',
        '  date          = {2017-06-12},',
        '  eprint        = {1706.03762},',
        '  archiveprefix = {arXiv}',
        '}',
        '',
      ].join('\n'),
    )
  })

  it('braces the capitals of a word, not the quotes and punctuation around it', () => {
    const title = 'The "Lottery": Tickets (Revisited), BERT\'s Views and GANs. Variance(s) of O(N).'
    const entry = formatBibtex([{ ...vaswani, title }])
    expect(entry).toContain('{The "{Lottery}": {Tickets} ({Revisited}), {BERT\'s} {Views} and {GANs}. {Variance(s)} of {O(N)}.}')
    expect(parseBibtex(entry, ctx('quotes.bib')).records[0]?.title).toBe(title)
  })

  it('gives the same keys whatever the order, telling papers with the same base key apart by when they entered, else by id', () => {
    const twin = { ...vaswani, id: 'p1', title: 'Attention, again' }
    const third = { ...vaswani, id: 'p3', title: 'Attention (extended)' }
    const forward = citeKeys([vaswani, twin, third])
    const backward = citeKeys([third, twin, vaswani])
    expect([...forward.entries()].sort()).toEqual([...backward.entries()].sort())
    expect([forward.get('p1'), forward.get('p2'), forward.get('p3')]).toEqual(['vaswani2017attention', 'vaswani2017attentiona', 'vaswani2017attentionb'])
    // The paper that entered the library first keeps the plain key, whatever its id.
    const entered = citeKeys([{ ...vaswani, entered: '2026-01-01' }, { ...twin, entered: '2026-03-01' }, { ...third, entered: '2026-02-01' }])
    expect([entered.get('p2'), entered.get('p3'), entered.get('p1')]).toEqual(['vaswani2017attention', 'vaswani2017attentiona', 'vaswani2017attentionb'])
    expect(
      citeKeys([{ ...vaswani, authors: ['Jürgen Schmidhuber'], date: null, title: 'The Œuvre' }]).get('p2'),
    ).toBe('schmidhuberndoeuvre')
  })

  it("never hands out a suffixed key that is another paper's plain key, whatever the order", () => {
    const paper = (id: string, title: string, entered: string) => ({ id, title, authors: ['Randall Balestriero'], date: '2022', entered })
    const papers = [
      paper('dat', '{DAT}: Differentiable Augmentation for Training', '2026-01-01'),
      paper('datpp', 'DAT++: Differentiable Augmentation, Revisited', '2026-01-02'),
      paper('data', 'A Data-Augmentation Is Worth A Thousand Samples', '2026-01-03'),
    ]
    for (const order of [papers, [...papers].reverse(), [papers[1]!, papers[2]!, papers[0]!]]) {
      const keys = citeKeys(order)
      // `balestriero2022dat` + `a` would be the Data-Augmentation paper's plain key: the DAT++ paper skips it.
      expect(Object.fromEntries(keys)).toEqual({ dat: 'balestriero2022dat', datpp: 'balestriero2022datb', data: 'balestriero2022data' })
    }
    // Papers whose base key starts with another's and that share it get suffixes off each other's keys too.
    const more = [...papers, paper('data2', 'Data Augmentation, Again', '2026-01-04'), paper('dat3', 'DAT, Once More', '2026-01-05')]
    const keys = [...citeKeys(more).values()]
    expect(new Set(keys).size).toBe(keys.length)
    expect(Object.fromEntries(citeKeys(more))).toMatchObject({ data2: 'balestriero2022dataa', dat3: 'balestriero2022datc' })
  })

  it("keeps a paper's BibTeX entry key when it is a valid key no paper claimed before, and keeps generated keys off it", () => {
    const zhang = (id: string, title: string, entered: string) => ({ id, title, authors: ['Wei Zhang'], date: '2022', entered })
    const howWell = zhang('well', 'How Well Do Sparse Models Transfer?', '2026-01-01')
    const howDo = zhang('do', 'How Do Vision Transformers Work?', '2026-01-02')
    const howFast = zhang('fast', 'How Fast Can Attention Be?', '2026-01-03')
    const papers = [howWell, howDo, howFast]
    expect(Object.fromEntries(citeKeys(papers))).toEqual({ well: 'zhang2022how', do: 'zhang2022howa', fast: 'zhang2022howb' })
    // The .bib file said otherwise: its keys are kept, capitals and all.
    const claims = [
      { paperId: 'do', label: 'zhang2022how' },
      { paperId: 'well', label: 'Zhang:2022:sparse' },
    ]
    expect(Object.fromEntries(citeKeys(papers, { claims }))).toEqual({ do: 'zhang2022how', well: 'Zhang:2022:sparse', fast: 'zhang2022howa' })
    // A key claimed by a paper that is not among those written is still kept off generated keys.
    expect(citeKeys([howFast], { claims: [{ paperId: 'elsewhere', label: 'zhang2022how' }] }).get('fast')).toBe('zhang2022howa')
    // A claim comes too late when a paper claimed the key before (in any case): that paper gets a generated key.
    const late = citeKeys(papers, { claims: [{ paperId: 'well', label: 'zhang2022how' }, { paperId: 'do', label: 'Zhang2022How' }] })
    expect(Object.fromEntries(late)).toEqual({ well: 'zhang2022how', do: 'zhang2022howa', fast: 'zhang2022howb' })
    // Only a paper's first claim counts.
    expect(citeKeys([howDo], { claims: [{ paperId: 'do', label: 'first' }, { paperId: 'do', label: 'second' }] }).get('do')).toBe('first')
    // A label BibTeX or LaTeX would not read as a key is not kept.
    for (const label of ['zhang 2022', 'zhang,2022', 'zhang{2022}', 'zhang#2022', 'zhang%2022', 'zhang"2022', "zhang'2022", 'zhang=2022', 'zhang\\2022', '', null]) {
      expect(citeKeys([howDo], { claims: [{ paperId: 'do', label }] }).get('do')).toBe('zhang2022how')
    }
  })

  it("gives the year a venue names, with the proceedings' date when a source has it, and keeps the paper's date as origdate", () => {
    const convergence: BibtexPaper = {
      id: 'p9',
      title: 'A Convergence Theory for Deep Learning via Over-Parameterization',
      authors: ['Zeyuan Allen-Zhu', 'Yuanzhi Li', 'Zhao Song'],
      date: '2018-11-09',
      venue: 'ICML 2019',
      ids: { arxiv: '1811.03962' },
    }
    const fields = (paper: BibtexPaper) =>
      formatBibtex([paper])
        .split('\n')
        .filter((l) => /^ {2}(year|month|date|origdate) /.test(l))
        .map((l) => l.replace(/\s+/g, ' ').trim())
    // The preprint's month and day are not the proceedings': the year alone.
    expect(fields(convergence)).toEqual(['year = {2019},', 'origdate = {2018-11-09},'])
    // A source that dates the proceedings gives theirs (the most precise of that year).
    expect(fields({ ...convergence, sourceDates: ['2018-11-09', '2019-06', '2019-06-09', '2020'] })).toEqual([
      'year = {2019},',
      'month = jun,',
      'date = {2019-06-09},',
      'origdate = {2018-11-09},',
    ])
    // A venue of the paper's own year, a venue with no year or several, or no date at all: as before.
    expect(fields({ ...convergence, venue: 'ICML 2018' })).toEqual(['year = {2018},', 'month = nov,', 'date = {2018-11-09},'])
    expect(fields({ ...convergence, venue: 'Journal of Machine Learning Research' })).toHaveLength(3)
    expect(fields({ ...convergence, venue: 'NeurIPS 2019 Workshop, extended at ICLR 2020' })).toHaveLength(3)
    expect(fields({ ...convergence, venue: 'arXiv 2010.12345' })).toHaveLength(3)
    expect(fields({ ...convergence, date: null })).toEqual([])
    // The importer reads the paper's date back from origdate.
    const [record] = parseBibtex(formatBibtex([{ ...convergence, sourceDates: ['2019-06-09'] }]), ctx('c.bib')).records
    expect(record).toMatchObject({ date: '2018-11-09', venue: 'ICML 2019' })
  })

  it('escapes what LaTeX would otherwise read as commands', () => {
    expect(escapeLatex('Jürgen & Łukasz: 50% of $5 in C# a_b {x} ~ ^ \\')).toBe(
      'J{\\"u}rgen \\& {\\L}ukasz: 50\\% of \\$5 in C\\# a\\_b \\{x\\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}',
    )
    expect(escapeLatex('Martín Çelik Dvořák')).toBe("Mart{\\'\\i}n {\\c{C}}elik Dvo{\\v{r}}{\\'a}k")
    // Literal dashes and quotes stay literal instead of becoming TeX ligatures.
    expect(escapeLatex("Encoder--decoder ``q''")).toBe("Encoder-{}-decoder `{}`q'{}'")
  })

  it("writes a cut author list as listed, then others: a profile's owner known from outside it is not put in it", () => {
    const entry = formatBibtex([
      {
        ...vaswani,
        authors: ['Donald Flynn', 'Hadas Yaron Goldhirsh', 'Jonathan P. Keating'],
        authorsTruncated: true,
        unlistedAuthors: ['Inbar Seroussi'],
      },
    ])
    expect(entry).toMatch(/^ {2}author +?= \{Flynn, Donald and Goldhirsh, Hadas Yaron and Keating, Jonathan P\. and others\},$/m)
    expect(entry).toMatch(/^ {2}paperscope-unlisted-authors = \{Seroussi, Inbar\},$/m)
    // The importer reads her back as an author known from outside the list, not as a listed one.
    const [record] = parseBibtex(entry, ctx('cut.bib')).records
    expect(record).toMatchObject({
      authors: ['Donald Flynn', 'Hadas Yaron Goldhirsh', 'Jonathan P. Keating'],
      authorsTruncated: true,
      extraAuthors: ['Inbar Seroussi'],
    })
  })

  it('writes a title made from the abstract with its math as the abstract has it, and no invented ellipsis', () => {
    const made = (title: string) =>
      /^ {2}title +?= \{(.*)\},$/m.exec(formatBibtex([{ ...vaswani, title, titleDerived: true, abstract: `${title} more` }]))?.[1]
    expect(made('Diffusion models trained on finite datasets with $N$ samples from a target…')).toBe(
      'Diffusion models trained on finite datasets with {$N$} samples from a target',
    )
    // Math the cut left open goes with the ellipsis; money stays.
    expect(made('In the proportional regime where $N \\asymp…')).toBe('In the proportional regime where')
    expect(made('A model that costs $5 to train…')).toBe('A model that costs \\$5 to train')
    expect(made('A short abstract sentence')).toBe('A short abstract sentence')
  })
})

describe('BibTeX round trip', () => {
  it('exports the d2l bibliography and imports it back: same titles, authors, dates, venues and ids', () => {
    const original = parseBibtex(readFixture('bibtex/d2l_full_488_entries.bib'), ctx('d2l.bib')).records
    const exported = formatBibtex(original.map(toPaper))
    const reimported = parseBibtex(exported, ctx('export.bib'))
    expect(reimported.issues).toEqual([])
    expect(reimported.records).toHaveLength(original.length)
    const pick = (r: SourceRecord) => ({
      title: r.title,
      authors: r.authors,
      authorsTruncated: r.authorsTruncated,
      date: r.date,
      venue: r.venue,
      ids: r.ids,
      abstract: r.abstract,
    })
    expect(reimported.records.map(pick)).toEqual(original.map(pick))
  })

  const letter = fc.constantFrom(
    ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéèüöäåøßłŁçñíÍıÆœČřδλ東',
  )
  const word = fc.array(letter, { minLength: 1, maxLength: 10 }).map((cs) => cs.join(''))
  const punctuation = fc.constantFrom(
    ...' ,.:;!?()-\'"`/&%$#_{}~^\\+=*@[]|0123456789'.split(''),
    '--',
    '---',
    "''",
    '``',
  )
  const text = fc
    .array(
      fc.oneof(
        { weight: 4, arbitrary: word },
        { weight: 1, arbitrary: punctuation },
        { weight: 2, arbitrary: fc.constant(' ') },
      ),
      {
        minLength: 1,
        maxLength: 30,
      },
    )
    .map((parts) => parts.join('').replace(/\s+/g, ' ').trim())
    .filter((t) => /\p{L}/u.test(t))
  const name = fc
    .tuple(word, word)
    .map(
      ([given, family]) =>
        `${given[0]!.toUpperCase()}${given.slice(1)} ${family[0]!.toUpperCase()}${family.slice(1)}`,
    )

  it('keeps any title, author names, date and ids through export and import', () => {
    fc.assert(
      fc.property(
        text,
        fc.array(name, { minLength: 1, maxLength: 4 }),
        fc.option(fc.constantFrom('2019', '2020-02', '2021-12-31'), { nil: null }),
        (title, authors, date) => {
          const paper: BibtexPaper = {
            id: 'p',
            title,
            authors,
            date,
            venue: null,
            ids: { doi: '10.1000/x.y-z' },
          }
          const [record] = parseBibtex(formatBibtex([paper]), ctx('p.bib')).records
          // A title with TeX in it (`a\_b`, `$x$`) is written as TeX and reads back as TeX reads (`a_b`, `x`).
          expect(record).toMatchObject({
            ...(hasTex(title) ? {} : { title }),
            authors,
            date,
            ids: { doi: '10.1000/x.y-z' },
          })
        },
      ),
      { numRuns: 400 },
    )
  })

  it('keeps a name word `and` in any case one name, not a split of the author list (a case the property found)', () => {
    for (const authors of [['ANd A', 'A A'], ['And Smith', 'Jo Doe'], ['Jo And', 'Al Bo']]) {
      const paper: BibtexPaper = { id: 'p', title: 'A', authors, date: null, venue: null, ids: { doi: '10.1000/x.y-z' } }
      const written = formatBibtex([paper])
      expect(written).toMatch(/\{And\}|\{ANd\}/)
      expect(parseBibtex(written, ctx('p.bib')).records[0]).toMatchObject({ authors })
    }
  })

  it('reads a written backslash back as a backslash, not as the command it would start (a case the property found)', () => {
    for (const title of ['\\pmÍa', 'x \\pm y', 'a\\b', '\\']) {
      const paper: BibtexPaper = { id: 'p', title, abstract: `About ${title}.`, authors: ['Ada Lovelace'], date: null, venue: null, ids: {} }
      const [record] = parseBibtex(formatBibtex([paper]), ctx('p.bib')).records
      expect([record?.title, record?.abstract]).toEqual([title, `About ${title}.`])
    }
  })
})

describe('parseBibtex and formatBibtex on what a review of real .bib files found', () => {
  const review = parseBibtex(readFixture('bibtex/review_cases.bib'), ctx('review.bib'))
  const byKey = (label: string) => review.records.find((r) => r.raw['citationKey'] === label)!
  const again = (paper: BibtexPaper) => parseBibtex(formatBibtex([paper]), ctx('again.bib')).records[0]!

  it('keeps math in titles and abstracts as TeX, as written, and decodes accents outside it', () => {
    expect(review.issues).toEqual([])
    const sparse = byKey('sparse2019')
    // citation-js alone gave `\ell₁`, `\mathcalO(n \log n)`, `\sqrtn`, `n\gtrsim d⁴`, `\AAngström`, `aundefined̂b`.
    expect(sparse.title).toBe('Sparse recovery with $\\ell_1$ penalties in $\\mathcal{O}(n \\log n)$ time')
    expect(sparse.abstract).toBe(
      'We need $n\\gtrsim d^4$ samples and $\\sqrt{n}$ rounds. The \\(\\epsilon\\)-net costs a^b and c~d.',
    )
    expect(sparse.authors[0]).toBe('Anders Ångström')
    const one = (title: string) => parseBibtex(`@misc{x, title = {${title}}}`, ctx('x.bib')).records[0]!.title
    expect(one('{\\AA}ngstr{\\"o}m and \\aa{}se')).toBe('Ångström and åse')
    expect(one('Cost $$\\sum_i x_i$$ and a \\$5 fee')).toBe('Cost $$\\sum_i x_i$$ and a $5 fee')
    // A `$` that no `$` closes within its field is a dollar: math never runs into the next field.
    const [open] = parseBibtex('@misc{x, title = {Costs $5}, abstract = {and $x$ too}}', ctx('x.bib')).records
    expect([open?.title, open?.abstract]).toEqual(['Costs $5', 'and $x$ too'])
    // A verbatim field is read as written.
    expect(parseBibtex('@misc{x, title = {T}, url = {https://x.org/$a$b}}', ctx('x.bib')).records[0]?.url).toBe('https://x.org/$a$b')
  })

  it('takes a `\\url{…}` of howpublished as written for the URL, and writes it back as written', () => {
    const file = '@misc{home, title = {A Home Page}, howpublished = {\\url{https://x.org/~jane/a_b%20c}}, note = {50% off \\url{https://y.org/~k}}}'
    const [record] = parseBibtex(file, ctx('home.bib')).records
    // citation-js alone read the tie-like `~` as a space: `https://x.org/ jane/a_b%20c`.
    expect(record?.url).toBe('https://x.org/~jane/a_b%20c')
    const entry = formatBibtex([{ ...toPaper(record!), ...sourceEntryParts([record!]) }])
    // Before, a `%` anywhere escaped the whole field: `\textbackslash{}url\{https://x.org/\textasciitilde{}jane…`.
    expect(entry).toContain('howpublished = {\\url{https://x.org/~jane/a_b%20c}}')
    // A bare `%` outside the URL would end LaTeX's line: it is escaped, and read back as it was.
    expect(entry).toContain('note         = {50\\% off \\url{https://y.org/~k}}')
    expect(parseBibtex(entry, ctx('again.bib')).records[0]?.url).toBe('https://x.org/~jane/a_b%20c')
  })

  it("reads Paperscope's own export of math back as it was", () => {
    const abstract = 'We show that $n\\gtrsim d^4$ samples suffice, and \\(\\sqrt{n}\\) rounds.'
    const title = 'Learning with $\\mathcal{O}(\\sqrt{n})$ queries'
    const paper: BibtexPaper = { id: 'p', title, abstract, authors: ['Ada Lovelace'], date: '2024', venue: null, ids: {} }
    expect(again(paper)).toMatchObject({ title, abstract })
    // Twice over: the second export is the first.
    const once = formatBibtex([paper])
    const record = again(paper)
    expect(formatBibtex([{ ...paper, title: record.title!, abstract: record.abstract }])).toBe(once)
  })

  it("writes the source entry's type and container, and otherwise guesses from the venue", () => {
    for (const [label, type, container] of [
      ['goodfellow2016deep', 'book', null],
      ['lecun1998efficient', 'incollection', 'booktitle = {Neural Networks: Tricks of the Trade}'],
      ['sutskever2013training', 'phdthesis', null],
      ['who2020report', 'techreport', null],
      ['campbell2002deep', 'inproceedings', 'booktitle = {Proceedings of the Royal Society A}'],
      ['sparse2019', 'article', 'journal   = {Proceedings of the IEEE}'],
    ] as const) {
      const record = byKey(label)
      const entry = formatBibtex([{ ...toPaper(record), ...sourceEntryParts([record]) }])
      expect(entry.startsWith(`@${type}{`), label).toBe(true)
      if (container) expect(entry.replace(/ +=/g, ' =')).toContain(container.replace(/ +=/, ' ='))
      else expect(entry).not.toMatch(/^ {2}(journal|booktitle) /m)
    }
    const typeOf = (venue: string) => /^@(\w+)\{/.exec(formatBibtex([{ id: 'v', title: 'T', authors: [], date: '2020', venue, ids: {} }]))![1]
    for (const venue of [
      'Advances in Neural Information Processing Systems',
      'Advances in Neural Information Processing Systems 33',
      'Proceedings of the 37th International Conference on Machine Learning',
      'International Conference on Learning Representations',
      'Conference on Learning Theory',
      'COLT 2019',
      'ICML 2019',
    ])
      expect(typeOf(venue), venue).toBe('inproceedings')
    for (const venue of [
      'Proceedings of the IEEE',
      'Proceedings of the National Academy of Sciences',
      'Proceedings of the National Academy of Sciences of the United States of America',
      'PNAS',
      'Proceedings of the Royal Society A: Mathematical, Physical and Engineering Sciences',
      'Proceedings of the Royal Society B: Biological Sciences',
      'Journal of Machine Learning Research',
    ])
      expect(typeOf(venue), venue).toBe('article')
  })

  it('keeps pages, volume, number, publisher, editor, address, school, institution, series, isbn and note, and writes them back', () => {
    expect(byKey('goodfellow2016deep').raw).toMatchObject({ publisher: 'MIT Press', address: 'Cambridge, MA', series: 'Adaptive Computation and Machine Learning', isbn: '978-0262035613' })
    expect(byKey('lecun1998efficient').raw).toMatchObject({ editor: 'Orr, Genevieve B. and M{\\"u}ller, Klaus-Robert', pages: '9--50', publisher: 'Springer' })
    expect(byKey('sutskever2013training').raw).toMatchObject({ school: 'University of Toronto' })
    expect(byKey('who2020report').raw).toMatchObject({ institution: 'World Health Organization', number: 'WHO-2020-1' })
    expect(byKey('campbell2002deep').raw).toMatchObject({ note: 'Invited paper' })
    expect(byKey('sparse2019').raw).toMatchObject({ volume: '107', number: '3', pages: '512--530' })
    for (const record of review.records) {
      const entry = formatBibtex([{ ...toPaper(record), ...sourceEntryParts([record]) }])
      const back = parseBibtex(entry, ctx('back.bib')).records[0]!
      const kept = (r: SourceRecord) => Object.fromEntries(Object.entries(r.raw).filter(([k]) => k !== 'citationKey'))
      expect(kept(back), record.raw['citationKey'] as string).toEqual(kept(record))
    }
    const lecun = formatBibtex([{ ...toPaper(byKey('lecun1998efficient')), ...sourceEntryParts([byKey('lecun1998efficient')]) }])
    expect(lecun).toContain('  editor    = {Orr, Genevieve B. and M{\\"u}ller, Klaus-Robert},\n  pages     = {9--50},\n  publisher = {Springer},')
  })

  it('takes all kept fields from one record, the earliest BibTeX one first, never pages from one and volume from another', () => {
    const record = (source: string, raw: Record<string, unknown>) => ({ source, raw })
    expect(
      sourceEntryParts([
        record('arxiv', { pages: '1--2', primaryCategory: 'stat.ML' }),
        record('bibtex', { entryType: 'article', journal: 'JMLR', volume: '20' }),
        record('bibtex', { entryType: 'inproceedings', booktitle: 'ICML', pages: '3--4', volume: '97' }),
      ]),
    ).toEqual({ entryType: 'article', container: { field: 'journal', value: 'JMLR' }, fields: { volume: '20' }, eprintClass: 'stat.ML' })
    // Without a BibTeX record that has some, another record's; a Hugging Face `organization` is no BibTeX one.
    expect(sourceEntryParts([record('bibtex', { entryType: 'misc' }), record('huggingface', { organization: 'Google' }), record('x', { pages: '5' })])).toEqual({
      entryType: 'misc',
      fields: { pages: '5' },
    })
  })

  it("reads BibTeX's name forms and writes `von Last, Jr, First`, corporate names braced whole", () => {
    expect(byKey('sparse2019').authors[1]).toBe('A Joseph Hoane Jr')
    expect(byKey('campbell2002deep').authors).toEqual(['Murray Campbell', 'A. Joseph Hoane Jr.', 'Martin Luther King Jr.', 'Jan van der Berg'])
    expect(byKey('who2020report').authors).toEqual(['World Health Organization'])
    expect(byKey('who2020report').raw['corporateAuthors']).toEqual(['World Health Organization'])
    const author = (record: SourceRecord) =>
      /^ {2}author += \{(.*)\},$/m.exec(formatBibtex([{ ...toPaper(record), ...sourceEntryParts([record]) }]))![1]
    expect(author(byKey('campbell2002deep'))).toBe('Campbell, Murray and Hoane, Jr., A. Joseph and King, Jr., Martin Luther and van der Berg, Jan')
    expect(author(byKey('sparse2019'))).toBe('{\\r{A}}ngstr{\\"o}m, Anders and Hoane, Jr, A Joseph')
    expect(author(byKey('who2020report'))).toBe('{World Health Organization}')
    // A name some other source wrote `Family, Given` or `First Last, Jr.` is written in BibTeX's order too.
    const paper = (authors: string[]) => ({ id: 'n', title: 'T', authors, date: null, venue: null, ids: {} })
    expect(/author += \{(.*)\}/.exec(formatBibtex([paper(['Martin Luther King, Jr.', 'Hoane, A. Joseph', 'Ludwig van Beethoven', 'Adrian Del Maestro'])]))![1]).toBe(
      'King, Jr., Martin Luther and Hoane, A. Joseph and van Beethoven, Ludwig and {Del Maestro}, Adrian',
    )
    // Each reads back as the name it was.
    for (const record of [byKey('campbell2002deep'), byKey('sparse2019'), byKey('who2020report')])
      expect(again({ ...toPaper(record), ...sourceEntryParts([record]) }).authors).toEqual(record.authors)
    // The cite key takes the family name, not the suffix.
    expect(citeKeys([{ ...paper(['A. Joseph Hoane Jr.']), title: 'Deep Blue', date: '2002' }]).get('n')).toBe('hoane2002deep')
  })

  it('writes a known day as biblatex `date` (BibTeX and biblatex read no `day`) and reads `date` back; keeps the arXiv class', () => {
    const adam = byKey('kingma2014adam')
    expect(adam.date).toBe('2014-12-22')
    expect(adam.raw['eprintclass']).toBe('cs.LG')
    const entry = formatBibtex([{ ...toPaper(adam), ...sourceEntryParts([adam]) }])
    expect(entry).toContain('  year          = {2014},\n  month         = dec,\n  date          = {2014-12-22},')
    expect(entry).not.toMatch(/^ {2}day /m)
    expect(entry).toContain('  eprintclass   = {cs.LG}')
    expect(again({ ...toPaper(adam), ...sourceEntryParts([adam]) })).toMatchObject({ date: '2014-12-22', raw: { eprintclass: 'cs.LG' } })
    // biblatex's own name for it too.
    expect(parseBibtex('@misc{x, title = {T}, eprint = {1412.6980}, eprintclass = {stat.ML}, date = {2014-12}}', ctx('x.bib')).records[0]).toMatchObject({
      date: '2014-12',
      raw: { eprintclass: 'stat.ML' },
    })
  })
})

describe('review 18: one record per entry, fields kept as written, literal ~ and ^, private-use characters, suffixed names', () => {
  const record = (source: string, raw: Record<string, unknown>) => ({ source, raw })

  it("takes type, container and kept fields from the one record of the paper's venue, else from one that is no preprint's", () => {
    const preprint = record('bibtex', { entryType: 'article', journal: 'arXiv preprint arXiv:1412.6980', note: 'preprint' })
    const iclr = record('bibtex', { entryType: 'inproceedings', booktitle: 'International Conference on Learning Representations (ICLR)', pages: '1--15' })
    expect(sourceEntryParts([preprint, iclr], 'International Conference on Learning Representations (ICLR)')).toEqual({
      entryType: 'inproceedings',
      container: { field: 'booktitle', value: 'International Conference on Learning Representations (ICLR)' },
      fields: { pages: '1--15' },
    })
    // A venue named otherwise: the record that is no preprint's.
    expect(sourceEntryParts([preprint, iclr], 'ICLR 2015')).toMatchObject({ entryType: 'inproceedings', fields: { pages: '1--15' } })
    // Only preprints beside a venue: none of their type, container or fields (the export guesses from the venue).
    expect(sourceEntryParts([preprint, record('bibtex', { entryType: 'article', journal: 'CoRR', volume: 'abs/1412.6980' })], 'ICLR 2015')).toEqual({})
    // No venue: the earliest BibTeX record, all of it.
    expect(sourceEntryParts([preprint, iclr])).toEqual({ entryType: 'article', container: { field: 'journal', value: 'arXiv preprint arXiv:1412.6980' }, fields: { note: 'preprint' } })
  })

  it('writes a literal `~` and `^` beside math as \\textasciitilde{} and \\textasciicircum{}, so they read back as they were', () => {
    const [r] = parseBibtex('@misc{a, title={T}, abstract={costs a\\~{}b, x\\^{}2 and $x^2$}}', ctx('x.bib')).records
    expect(r!.abstract).toBe('costs a~b, x^2 and $x^2$')
    const bib = formatBibtex([{ id: 'p', title: 'T', authors: ['A B'], date: '2020', venue: null, ids: {}, abstract: r!.abstract }])
    expect(bib).toContain('abstract = {costs a\\textasciitilde{}b, x\\textasciicircum{}2 and $x^2$}')
    expect(parseBibtex(bib, ctx('x.bib')).records[0]!.abstract).toBe('costs a~b, x^2 and $x^2$')
  })

  it('writes `<`, `>` and `|` outside math as text commands, which LaTeX prints as written and the import reads back', () => {
    const abstract = 'when k > r, <Attention> | a, and $k > r$'
    const bib = formatBibtex([{ id: 'p', title: 'Bits of <Attention>', authors: ['A B'], date: '2020', venue: null, ids: {}, abstract }])
    expect(bib).toContain('abstract = {when k \\textgreater{} r, \\textless{}Attention\\textgreater{} \\textbar{} a, and $k > r$}')
    expect(bib).toContain('title    = {Bits of {\\textless{}Attention\\textgreater{}}},')
    const [back] = parseBibtex(bib, ctx('x.bib')).records
    expect(back).toMatchObject({ title: 'Bits of <Attention>', abstract })
  })

  it('keeps kept fields exactly as the file wrote them (`TR\\^{}2` is not `TR^2`, `\\~{}u` not a tie)', () => {
    const [r] = parseBibtex(
      '@techreport{k, title={T $x$}, author={A B}, number={TR\\^{}2}, institution={{\\AA}rhus Univ.}, note={http://x.org/\\~{}u, $n^2$, a\\textbackslash{}b}, year=2020}',
      ctx('x.bib'),
    ).records
    expect(r!.raw).toMatchObject({ number: 'TR\\^{}2', institution: '{\\AA}rhus Univ.', note: 'http://x.org/\\~{}u, $n^2$, a\\textbackslash{}b' })
    const out = formatBibtex([{ id: 'p', title: 'T', authors: ['A B'], date: '2020', venue: null, ids: {}, citeKey: 'k', ...sourceEntryParts([r!]) }])
    expect(out).toContain('number      = {TR\\^{}2}')
    expect(out).toContain('note        = {http://x.org/\\~{}u, $n^2$, a\\textbackslash{}b}')
  })

  it("reads a private-use character of the file's own as itself, beside math", () => {
    const [r] = parseBibtex('@misc{a, title={Icon \uE100 then $x$ and \uE000}, note={n \uE101 $y$}}', ctx('x.bib')).records
    expect(r!.title).toBe('Icon \uE100 then $x$ and \uE000')
    expect(r!.raw['note']).toBe('n \uE101 $y$')
  })

  it('keys `Martin Luther King, Jr.` by his family name, as his author field names him', () => {
    const paper = { id: 'n', title: 'Dreams', authors: ['Martin Luther King, Jr.'], date: '2020', venue: null, ids: {} }
    expect(formatBibtex([paper])).toMatch(/^@misc\{king2020dreams,\n {2}title += \{\S+\},\n {2}author += \{King, Jr\., Martin Luther\}/)
  })
})

describe('audit of the importer: control characters, crossref, keys in another case, months, files with no entries', () => {
  it('reads an entry and a macro written in parentheses, as BibTeX takes them', () => {
    const bib = '@string(jmlr = "Journal of Machine Learning Research")\n\n@article(pk,\n  title = "Quantum (and classical) things",\n  author = {Lee, Ann},\n  journal = jmlr,\n  note = {closed) inside braces},\n  year = 2020\n)\n\n@misc{ok, title={Fine}, author={Bo Li}, year=2021}\n'
    const { records, issues } = parseBibtex(bib, ctx('paren.bib'))
    expect(issues).toEqual([])
    expect(records.map((r) => [r.title, r.authors, r.venue, r.date, r.line])).toEqual([
      ['Quantum (and classical) things', ['Ann Lee'], 'Journal of Machine Learning Research', '2020', 3],
      ['Fine', ['Bo Li'], null, '2021', 11],
    ])
  })

  it('removes control characters from field values and names the file, line and field; whitespace ones become spaces', () => {
    const text =
      '@article{ctl,\n  title = {A\ttabbed\u000btitle},\n  author = {Doe, Jane},\n  journal = {Neural \u0000\u0001 {C}omputation},\n  year = 2020\n}\n'
    for (const result of [
      bibtexFormat.parseBytes!(Buffer.from(text, 'utf8'), ctx('ctl.bib')),
      parseBibtex(text, ctx('ctl.bib')),
    ]) {
      expect(result.records.map((r) => [r.title, r.venue, r.raw['journal']])).toEqual([
        ['A tabbed title', 'Neural Computation', 'Neural Computation'],
      ])
      expect(result.issues.map((i) => [i.severity, i.source, i.line, i.field, i.code])).toEqual([
        ['warning', 'ctl.bib', 2, 'title', 'INVALID_VALUE'],
        ['warning', 'ctl.bib', 4, 'journal', 'INVALID_VALUE'],
      ])
      expect(result.issues[1]!.message).toBe(
        'bibtex: ctl: removed 2 control characters (U+0000, U+0001) from the journal; they are no text',
      )
    }
    // A C1 control (U+0085 is a line break, so a space) in an author name, and a NUL in a @string every entry uses.
    const more = parseBibtex(
      '@string{nc = {Neural\u0000 Computation}}\n@article{b, title = {T}, author = {Jane\u0085Doe and Ro\u009ae, R.}, journal = nc}',
      ctx('m.bib'),
    )
    expect(more.records.map((r) => [r.authors, r.venue])).toEqual([
      [['Jane Doe', 'R. Roe'], 'Neural Computation'],
    ])
    expect(more.issues.map((i) => [i.line, i.field])).toEqual([
      [1, 'nc'],
      [2, 'author'],
    ])
  })

  // DBLP's "with crossref" export: each paper names its proceedings by key; the proceedings come after the papers.
  const dblp = [
    '@inproceedings{DBLP:conf/icml/DoeR19,',
    '  author    = {Jane Doe and Richard Roe},',
    '  title     = {A Paper that Inherits its Venue},',
    '  pages     = {1--10},',
    '  crossref  = {DBLP:conf/icml/2019},',
    '  url       = {http://proceedings.mlr.press/v97/doe19a.html},',
    '  bibsource = {dblp computer science bibliography, https://dblp.org}',
    '}',
    '',
    '@proceedings{DBLP:conf/icml/2019,',
    '  editor    = {Kamalika Chaudhuri and Ruslan Salakhutdinov},',
    '  title     = {Proceedings of the 36th International Conference on Machine Learning, {ICML} 2019},',
    '  series    = {Proceedings of Machine Learning Research},',
    '  volume    = {97},',
    '  publisher = {{PMLR}},',
    '  year      = {2019},',
    '  doi       = {10.5555/icml2019},',
    '  url       = {http://proceedings.mlr.press/v97/},',
    '  bibsource = {dblp computer science bibliography, https://dblp.org}',
    '}',
  ].join('\n')

  it('gives a DBLP crossref child what it lacks from its proceedings, which are no paper of their own and say so', () => {
    const result = parseBibtex(dblp, ctx('dblp.bib'))
    expect(result.issues).toEqual([
      {
        severity: 'warning',
        source: 'dblp.bib',
        line: 10,
        field: 'author',
        code: 'NOT_A_PAPER',
        message:
          'bibtex: DBLP:conf/icml/2019 has no authors and DBLP:conf/icml/DoeR19 (line 1) takes what it lacks from it by crossref: it is the @proceedings that entry is in, not a paper; gave no record of its own (its fields are in that record)',
      },
    ])
    // The proceedings are no entry of the count: a file of papers and their volumes reads as its papers.
    expect(result.entriesSeen).toBe(1)
    expect(result.records).toHaveLength(1)
    expect(result.records[0]).toMatchObject({
      title: 'A Paper that Inherits its Venue',
      authors: ['Jane Doe', 'Richard Roe'],
      date: '2019',
      venue: 'Proceedings of the 36th International Conference on Machine Learning, ICML 2019',
      // What names the proceedings themselves (their DOI and URL) is not the paper's.
      ids: {},
      url: 'http://proceedings.mlr.press/v97/doe19a.html',
      raw: {
        entryType: 'inproceedings',
        booktitle: 'Proceedings of the 36th International Conference on Machine Learning, ICML 2019',
        editor: 'Kamalika Chaudhuri and Ruslan Salakhutdinov',
        series: 'Proceedings of Machine Learning Research',
        volume: '97',
        publisher: '{PMLR}',
        pages: '1--10',
      },
    })
    // The parent first, its key in another case: the same.
    const [child, parent] = dblp.split('\n\n')
    const reordered = parseBibtex(
      `${parent}\n\n${child!.replace('DBLP:conf/icml/2019', 'dblp:conf/ICML/2019')}`,
      ctx('dblp.bib'),
    )
    expect(reordered.records.map((r) => [r.title, r.date, r.venue, r.line])).toEqual([
      [
        'A Paper that Inherits its Venue',
        '2019',
        'Proceedings of the 36th International Conference on Machine Learning, ICML 2019',
        13,
      ],
    ])
    expect(reordered.issues.map((i) => [i.line, i.code])).toEqual([[1, 'NOT_A_PAPER']])
  })

  it("keeps a child's own fields over its parent's, and names a crossref to no entry with its line", () => {
    const text = [
      '@proceedings{proc2019, title = {Proceedings of ICML}, year = {2019}, editor = {Chaudhuri, Kamalika}, publisher = {PMLR}}',
      '@inproceedings{own, title = {Own Venue}, author = {Doe, Jane}, booktitle = {ICML 2019 Workshops}, year = 2020, crossref = {proc2019}}',
      '@inproceedings{lost,',
      '  title = {Lost Parent},',
      '  author = {Roe, Rick},',
      '  crossref = {proc2018}',
      '}',
      '@proceedings{alone, title = {Proceedings of Nothing Referenced}, year = {2017}}',
    ].join('\n')
    const result = parseBibtex(text, ctx('x.bib'))
    expect(
      result.records.map((r) => [r.raw['citationKey'], r.venue, r.date, r.raw['publisher'] ?? null]),
    ).toEqual([
      ['own', 'ICML 2019 Workshops', '2020', 'PMLR'],
      ['lost', null, null, null],
      // A @proceedings nothing refers to is read as today: one record.
      ['alone', null, '2017', null],
    ])
    expect(result.issues.map((i) => [i.severity, i.line, i.field, i.code, i.message])).toEqual([
      [
        'warning',
        1,
        'author',
        'NOT_A_PAPER',
        'bibtex: proc2019 has no authors and own (line 2) takes what it lacks from it by crossref: it is the @proceedings that entry is in, not a paper; gave no record of its own (its fields are in that record)',
      ],
      [
        'warning',
        6,
        'crossref',
        'INVALID_VALUE',
        'bibtex: lost: crossref proc2018 names no entry of this file; kept the entry without what it would give',
      ],
    ])
    expect(result.entriesSeen).toBe(3)
  })

  it('takes a key repeated in another case for the same key, as BibTeX does', () => {
    const text = [
      '@article{dupkey, title = {First}, year = {2020}}',
      '@article{dupkey, title = {Second}, year = {2020}}',
      '@article{DupKey, title = {Third}, year = {2020}}',
    ].join('\n')
    const result = parseBibtex(text, ctx('dup.bib'))
    expect(result.records.map((r) => r.title)).toEqual(['First'])
    expect(result.issues.map((i) => [i.severity, i.line, i.field, i.code])).toEqual([
      ['rejected', 2, 'key', 'DUPLICATE_ENTRY'],
      ['rejected', 3, 'key', 'DUPLICATE_ENTRY'],
    ])
    expect(result.issues[1]!.message).toBe(
      'bibtex: the key DupKey is used again (first on line 1 as dupkey; BibTeX keys ignore case); kept the first',
    )
    expect(result.entriesSeen).toBe(3)
  })

  it('names a month it cannot read, with its line and field, as it does a year; reads `Feb.` and `dec`', () => {
    const text = [
      '@article{m13,',
      '  title = {Month Thirteen},',
      '  year = {2019},',
      '  month = {13}',
      '}',
      '@article{mfoo, title = {Month Foo}, year = {2019}, month = {foo}}',
      '@article{mabbr, title = {Abbreviated}, year = {2019}, month = {Feb.}}',
      '@article{mmacro, title = {Macro}, year = {2019}, month = dec}',
    ].join('\n')
    const result = parseBibtex(text, ctx('months.bib'))
    expect(result.records.map((r) => r.date)).toEqual(['2019', '2019', '2019-02', '2019-12'])
    expect(result.issues.map((i) => [i.severity, i.line, i.field, i.code, i.message])).toEqual([
      [
        'warning',
        4,
        'month',
        'INVALID_VALUE',
        'bibtex: m13: cannot read the month "13"; kept the date without a month',
      ],
      [
        'warning',
        6,
        'month',
        'INVALID_VALUE',
        'bibtex: mfoo: cannot read the month "foo"; kept the date without a month',
      ],
    ])
  })

  it('says a file with no entries (empty, or only comments and @string) has none', () => {
    for (const text of [
      '',
      '% only a comment\n@comment{jabref-meta: databaseType:bibtex;}\n@string{x = {y}}\n',
    ]) {
      const result = parseBibtex(text, ctx('empty.bib'))
      expect([result.records, result.entriesSeen]).toEqual([[], 0])
      expect(result.issues).toEqual([
        {
          severity: 'warning',
          source: 'empty.bib',
          code: 'PARSE_FAILED',
          message: 'bibtex: no BibTeX entries found',
        },
      ])
    }
  })
})

describe('review s26: crossref parents with no authors, keys used twice, long crossref chains', () => {
  const rejectedOrRecords = (result: ReturnType<typeof parseBibtex>) =>
    result.records.length + result.issues.filter((i) => i.severity === 'rejected').length

  it('names an edited book a chapter crossrefs, which gives no record of its own, with its line and key, as a note and no entry of the count', () => {
    const text = [
      '@inbook{child1, title = {Child Paper One}, author = {Kay, Al}, crossref = {edbook}}',
      '@book{edbook, title = {Handbook of Edited Things}, editor = {Smith, Ed}, publisher = {Springer}, year = 2017}',
      '@inproceedings{p1, title = {Paper One}, author = {Doe, Jane}, crossref = {conf}}',
      '@inproceedings{p2, title = {Paper Two}, author = {Roe, Rick}, crossref = {CONF}}',
      '@proceedings{conf, title = {Proceedings of Things}, year = 2018}',
    ].join('\n')
    const result = parseBibtex(text, ctx('edited.bib'))
    expect(result.records.map((r) => [r.raw['citationKey'], r.venue, r.date])).toEqual([
      ['child1', 'Handbook of Edited Things', '2017'],
      ['p1', 'Proceedings of Things', '2018'],
      ['p2', 'Proceedings of Things', '2018'],
    ])
    // Two such volumes are one note (a DBLP export has one per venue), on the first one's line.
    expect(result.issues.map((i) => [i.severity, i.source, i.line, i.field, i.code, i.message])).toEqual([
      [
        'warning',
        'edited.bib',
        2,
        'author',
        'NOT_A_PAPER',
        'bibtex: 2 @book and @proceedings entries with no authors are used only as crossref targets (edbook on line 2, conf on line 5): each is the volume its papers are in, not a paper, and gave no record of its own; their fields are in the records of the 3 entries that crossref them',
      ],
    ])
    expect(result.entriesSeen).toBe(3)
    expect(rejectedOrRecords(result)).toBe(result.entriesSeen)
    // One alone is named with the entries that take from it.
    const one = parseBibtex(text.split('\n').slice(2).join('\n'), ctx('edited.bib'))
    expect(one.issues.map((i) => [i.line, i.message])).toEqual([
      [
        3,
        'bibtex: conf has no authors and 2 entries (p1 on line 1, p2 on line 2) take what they lack from it by crossref: it is the @proceedings they are in, not a paper; gave no record of its own (its fields are in their records)',
      ],
    ])
  })

  it('takes the first entry with a key, read or not: a later one is a duplicate, and a crossref never falls through to it', () => {
    const text = [
      '@inproceedings{child2, title = {Child Two}, author = {Lee, Bo}, crossref = {broken}}',
      '@proceedings{broken, title = {Broken {proc}, year = 2016}',
      '@proceedings{Broken, title = {Second Broken Proc}, year = 2015}',
      '@misc{notitle, author = {Nobody}}',
      '@misc{NoTitle, title = {Second with that Key}, author = {Somebody}}',
      '@article{twice, title = {First Twice}, author = {Doe, Jane}}',
      '@article{twice, title = {Second Twice}, author = {Doe, Jane}}',
    ].join('\n')
    const result = parseBibtex(text, ctx('dups.bib'))
    // child2 is not given the second `Broken` proceedings' title and year.
    expect(result.records.map((r) => [r.raw['citationKey'], r.title, r.venue, r.date])).toEqual([
      ['child2', 'Child Two', null, null],
      ['twice', 'First Twice', null, null],
    ])
    expect(result.issues.map((i) => [i.severity, i.line, i.field ?? null, i.code, i.message])).toEqual([
      [
        'warning',
        1,
        'crossref',
        'INVALID_VALUE',
        'bibtex: child2: crossref broken names the entry on line 2, which could not be read; kept the entry without what it would give',
      ],
      [
        'rejected',
        2,
        null,
        'PARSE_FAILED',
        'bibtex: cannot read the entry: it is not closed: a `{` has no matching `}` before the next entry or the end of the file',
      ],
      [
        'rejected',
        3,
        'key',
        'DUPLICATE_ENTRY',
        'bibtex: the key Broken is used again (first on line 2 as broken; BibTeX keys ignore case); not imported, as BibTeX takes the first, which could not be imported (see line 2)',
      ],
      ['rejected', 4, 'title', 'MISSING_FIELD', 'bibtex: notitle has no title'],
      [
        'rejected',
        5,
        'key',
        'DUPLICATE_ENTRY',
        'bibtex: the key NoTitle is used again (first on line 4 as notitle; BibTeX keys ignore case); not imported, as BibTeX takes the first, which could not be imported (see line 4)',
      ],
      [
        'rejected',
        7,
        'key',
        'DUPLICATE_ENTRY',
        'bibtex: the key twice is used again (first on line 6); kept the first',
      ],
    ])
    expect(result.entriesSeen).toBe(7)
    expect(rejectedOrRecords(result)).toBe(result.entriesSeen)
  })

  it('follows a crossref chain of any length, as biber does, in linear time; a loop too long to follow from each entry is cut once', () => {
    const depth = 1500
    const chain = Array.from({ length: depth }, (_, i) =>
      i < depth - 1
        ? `@inproceedings{c${i}, title = {Chain Paper ${i}}, author = {Doe, Jane}, crossref = {c${i + 1}}}`
        : `@inproceedings{c${i}, title = {Chain Paper ${i}}, author = {Doe, Jane}, booktitle = {Root Venue \\(x^2\\)}, year = 2020}`,
    )
    // A loop as long, and one entry leading into it. Only the last entry of the loop has a volume.
    const loop = Array.from(
      { length: depth },
      (_, i) =>
        `@article{o${i}, title = {Loop Paper ${i}}, author = {Roe, Rick}, journal = {J${i}}, year = ${1000 + i},${i === depth - 1 ? ' volume = 9,' : ''} crossref = {o${(i + 1) % depth}}}`,
    )
    const text = [
      ...chain,
      ...loop,
      '@article{tail, title = {Tail}, author = {Poe, Ed}, crossref = {o0}}',
    ].join('\n')
    const started = performance.now()
    const result = parseBibtex(text, ctx('chain.bib'))
    const elapsed = performance.now() - started
    expect(result.records).toHaveLength(2 * depth + 1)
    // Every paper of the chain has the root's venue (its math kept as TeX) and year.
    const chained = result.records.slice(0, depth)
    expect(new Set(chained.map((r) => `${r.venue} ${r.date}`))).toEqual(
      new Set(['Root Venue \\(x^2\\) 2020']),
    )
    // A paper of the loop keeps its own fields and takes the volume from the last, up the loop cut before o0.
    const looped = result.records.slice(depth, 2 * depth)
    expect(looped.slice(0, 2).map((r) => [r.venue, r.date, r.raw['volume']])).toEqual([
      ['J0', '1000', '9'],
      ['J1', '1001', '9'],
    ])
    expect(looped.filter((r) => r.raw['volume'] === '9')).toHaveLength(depth)
    expect(result.records.at(-1)).toMatchObject({ title: 'Tail', venue: 'J0', date: '1000' })
    expect(result.issues).toEqual([
      {
        severity: 'warning',
        source: 'chain.bib',
        line: depth + 1,
        field: 'crossref',
        code: 'INVALID_VALUE',
        message: `bibtex: crossref loop o0 (line ${depth + 1}) → o1 (line ${depth + 2}) → o2 (line ${depth + 3}) → … → o${depth - 1} (line ${2 * depth}) → o0, a loop of ${depth} entries, too long to follow from each entry: followed from o0 as far as o${depth - 1}, which takes nothing by crossref`,
      },
    ])
    // Cubic before: 1,000 entries took 11 s. Linear now, with room for a busy machine.
    expect(elapsed).toBeLessThan(5_000)
  })

  it('follows a loop of a hundred and more entries from each of its entries', () => {
    const size = 150
    const text = Array.from(
      { length: size },
      (_, i) => `@article{o${i}, title = {Loop Paper ${i}}, author = {Roe, Rick},${i === 0 ? ' volume = 9,' : ''} crossref = {o${(i + 1) % size}}}`,
    ).join('\n')
    const started = performance.now()
    const result = parseBibtex(text, ctx('loop.bib'))
    const elapsed = performance.now() - started
    // o0's volume reaches every other entry, whose loop leads to o0 before it would come back round.
    expect(result.records.map((r) => r.raw['volume'] ?? null)).toEqual(Array.from({ length: size }, () => '9'))
    expect(result.issues.map((i) => i.message)).toEqual([
      `bibtex: crossref loop o0 (line 1) → o1 (line 2) → o2 (line 3) → … → o${size - 1} (line ${size}) → o0, a loop of ${size} entries: each entry of it takes what it lacks from those after it, up to where the loop would come back to it`,
    ])
    expect(elapsed).toBeLessThan(5_000)
  })
})
