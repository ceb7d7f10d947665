import { describe, expect, it } from 'vitest'
import type { Paper } from '../core/index.js'
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
