import { describe, expect, it } from 'vitest'
import type { Paper } from '../core/index.js'
import { formatBibtex as ingestFormat, parseBibtex } from '../ingest/index.js'
import { bibtexFormatter, firstCiteKey } from './bibtex.js'
import type { BibtexInput } from './deps.js'

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

/** A paper as the writers take it (the routes get it from src/commands' toBibtexPapers, with library names). */
function toBibtexInput(p: Paper): BibtexInput {
  const { id, title, titleDerived, date, venue, ids, abstract, url, authorsTruncated } = p
  return { id, title, titleDerived, authors: p.authors.map((a) => a.name), date, venue, ids, abstract, url, authorsTruncated }
}

describe('BibTeX', () => {
  it("writes with the writer handed in, else src/ingest/bibtex's, and names a download by the first key", async () => {
    const p = paper({ title: 'The Grokking of Jürgen', ids: { arxiv: '1912.02292' }, authorsTruncated: true })
    const write = await bibtexFormatter({})
    expect(write([toBibtexInput(p)])).toBe(ingestFormat([toBibtexInput(p)]))
    expect(firstCiteKey(write([toBibtexInput(p)]))).toBe(firstCiteKey(ingestFormat([toBibtexInput(p)])))
    expect(firstCiteKey(write([toBibtexInput(p)]))).toMatch(/^rubin2023/)
    const own = await bibtexFormatter({ formatBibtex: (papers) => `@misc{own${papers.length},}\n` })
    expect(firstCiteKey(own([toBibtexInput(p)]))).toBe('own1')
    expect(firstCiteKey('no entry here')).toBeNull()
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

  it('the BibTeX routes\' writer (src/ingest/bibtex) writes math and \\textit as written', () => {
    const bibtex = ingestFormat([toBibtexInput(backdoor), toBibtexInput(derived)])
    expect(bibtex).toContain(regime)
    expect(bibtex).toContain(collapse)
    expect(bibtex).not.toContain('\\textbackslash{}')
    expect(bibtex).not.toContain('\\$')
    // Our importer reads it back: the title as it was, the abstracts' math as written and the rest as TeX reads;
    // a title the note marks as made from the abstract is no title (the library makes it again and knows it for made).
    const ctx = { input: 'p.bib', fetchedAt: '2026-06-12T08:00:00.000Z' }
    const { records, issues } = parseBibtex(bibtex, ctx)
    expect(issues).toEqual([])
    expect(records.map((r) => r.title)).toEqual([backdoor.title, null])
    expect(records[0]!.abstract).toContain('proportional regime ($p/n \\to κ$), varying the training trigger strength $α$')
    expect(records[1]!.abstract).toContain('but entropy collapse occurs')
  })

  it('the BibTeX routes\' writer marks a made-up title with a note and keys the entry by id', () => {
    const bibtex = ingestFormat([toBibtexInput(derived)])
    expect(firstCiteKey(bibtex)).toBe('anonndp03gsx4572f')
    expect(bibtex).toMatch(/\n {2}note {5}= \{No source gives a title: Paperscope made this one from the first words of the abstract\}\n/)
    expect(ingestFormat([toBibtexInput(backdoor)])).not.toContain('note')
  })
})
