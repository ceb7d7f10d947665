import { describe, expect, it } from 'vitest'
import type { Paper } from '../core/index.js'
import { formatBibtex as ingestFormat, parseBibtex } from '../ingest/index.js'
import { citationKey, escapeBibtex, firstCiteKey, formatBibtex as format, toBibtexInput } from './bibtex.js'

const formatBibtex = (papers: Paper[]): string => format(papers.map(toBibtexInput))

function paper(over: Partial<Paper>): Paper {
  return {
    id: 'p1',
    title: 'A title',
    titleDerived: false,
    abstract: null,
    date: '2023-10-05',
    datePrecision: 'day',
    listedAt: null,
    categories: [],
    venue: null,
    ids: {},
    authors: [{ authorId: 'a', name: 'Noa Rubin', position: 0 }],
    authorsTruncated: false,
    topics: [],
    keywords: [],
    digest: null,
    citationCount: null,
    upvotes: null,
    url: null,
    sourceCount: 1,
    createdAt: '',
    updatedAt: '',
    ...over,
  }
}

describe('BibTeX', () => {
  it('escapes the characters BibTeX treats specially but keeps math as written', () => {
    expect(escapeBibtex('Nets & kernels: 100% of {x}_1 #2 ~ ^')).toBe(
      'Nets \\& kernels: 100\\% of \\{x\\}\\_1 \\#2 \\textasciitilde{} \\textasciicircum{}',
    )
    expect(escapeBibtex('When $N \\asymp d^{2}$ holds')).toBe('When $N \\asymp d^{2}$ holds')
    expect(escapeBibtex('Costs $5 and <script>')).toBe('Costs \\$5 and <script>')
  })

  it('makes keys from the first author, year and first telling word, unique within an export', () => {
    const p = paper({ title: 'The Grokking of Jürgen' })
    expect(citationKey(toBibtexInput(p))).toBe('rubin2023grokking')
    expect(citationKey(toBibtexInput(paper({ authors: [{ authorId: 'z', name: 'Zoë Ångström', position: 0 }], date: null })))).toBe('angstromndtitle')
    expect(firstCiteKey(formatBibtex([p]))).toBe('rubin2023grokking')
    const out = formatBibtex([p, p, p])
    expect([...out.matchAll(/@\w+\{(\w+),/g)].map((m) => m[1])).toEqual(['rubin2023grokking', 'rubin2023grokkinga', 'rubin2023grokkingb'])
  })

  it('passes on only an http(s) URL', () => {
    expect(toBibtexInput(paper({ url: 'javascript:alert(1)' })).url).toBeNull()
    expect(toBibtexInput(paper({ url: 'https://example.org/p' })).url).toBe('https://example.org/p')
  })

  it('writes the fields it knows, with et al. as "and others" and an arXiv eprint', () => {
    const out = formatBibtex([
      paper({ title: 'Deep double descent', venue: 'ICLR 2020', ids: { arxiv: '1912.02292' }, authorsTruncated: true }),
    ])
    expect(out).toBe(
      [
        '@inproceedings{rubin2023deep,',
        '  title = {{Deep double descent}},',
        '  author = {Noa Rubin and others},',
        '  year = {2023},',
        '  month = {10},',
        '  booktitle = {ICLR 2020},',
        '  eprint = {1912.02292},',
        '  archiveprefix = {arXiv},',
        '  url = {https://arxiv.org/abs/1912.02292}',
        '}',
        '',
      ].join('\n'),
    )
  })
})

describe('BibTeX of text with TeX in it (the API keeps it as written)', () => {
  const regime =
    'in the proportional regime ($p/n \\to κ$), varying the training trigger strength $α$ against a fixed test trigger'
  const collapse = 'where signal is preserved but \\textit{entropy collapse} occurs'
  const derived = paper({
    id: 'p03gsx4572f',
    title: 'Finding the right initialisation for neural networks is crucial to ensure smooth…',
    titleDerived: true,
    authors: [],
    date: null,
    abstract: `Finding the right initialisation for neural networks is crucial to ensure smooth training, ${collapse}.`,
  })
  const backdoor = paper({ id: 'p0krpocljih', title: 'When Stronger Triggers Backfire', abstract: `We study models ${regime}.` })

  it('GET /papers/:id/bibtex (src/ingest/bibtex writing toBibtexInput) writes math and \\textit as written', () => {
    const bibtex = ingestFormat([toBibtexInput(backdoor), toBibtexInput(derived)])
    expect(bibtex).toContain(regime)
    expect(bibtex).toContain(collapse)
    expect(bibtex).not.toContain('\\textbackslash{}')
    expect(bibtex).not.toContain('\\$')
    // Our importer reads it back: the titles as they were, the abstracts as their TeX reads.
    const ctx = { input: 'p.bib', fetchedAt: '2026-06-12T08:00:00.000Z' }
    const { records, issues } = parseBibtex(bibtex, ctx)
    expect(issues).toEqual([])
    expect(records.map((r) => r.title)).toEqual([backdoor.title, derived.title])
    expect(records[0]!.abstract).toContain('proportional regime (p/n →κ), varying the training trigger strength α')
    expect(records[1]!.abstract).toContain('but entropy collapse occurs')
  })

  it('GET /papers/:id/bibtex marks a made-up title with a note and keys the entry by id', () => {
    const bibtex = ingestFormat([toBibtexInput(derived)])
    expect(firstCiteKey(bibtex)).toBe('anonndp03gsx4572f')
    expect(bibtex).toMatch(/\n {2}note {5}= \{No source gives a title: Paperscope made this one from the first words of the abstract\}\n/)
    expect(ingestFormat([toBibtexInput(backdoor)])).not.toContain('note')
  })
})
