import { describe, expect, it } from 'vitest'
import { SearchBibtexQuerySchema } from '../../../src/server/routes/bibtex.schema.js'
import { SearchQuerySchema } from '../../../src/server/routes/search.schema.js'
import type { PaperscopeError } from '../../../src/core/index.js'
import { buildMatchQuery } from '../../../src/store/index.js'
import { bibtexCoverage, filtersSaid, matchesWithoutYear, MAX_QUERY_LENGTH, namedBy, nothingToFindMessage, peopleWords, queryLength, querySentence, resultsTitle, SEARCH_BIBTEX_ENTRIES, searchesPrefix, searchTitle, tooLongMessage, unsearchable } from './search.js'

describe('the search page', () => {
  it('says how many papers match, the verb agreeing with the count', () => {
    expect(resultsTitle(0)).toBe('No papers match')
    expect(resultsTitle(1)).toBe('1 paper matches')
    expect(resultsTitle(2)).toBe('2 papers match')
    expect(resultsTitle(1234)).toBe('1,234 papers match')
  })

  it('says plainly that words over the limit are too long, counting characters as the server does', () => {
    expect(tooLongMessage('x'.repeat(520))).toBe('The query is too long: 520 of 500 characters. Shorten it to search.')
    // An emoji is one character to the server's limit, two UTF-16 units to JavaScript.
    expect(queryLength('😀'.repeat(MAX_QUERY_LENGTH))).toBe(MAX_QUERY_LENGTH)
  })

  it('says beside the BibTeX link when the file holds only the best matches, and nothing when it holds them all', () => {
    expect(bibtexCoverage(66595)).toBe(`of the best ${SEARCH_BIBTEX_ENTRIES} of 66,595 matches`)
    expect(bibtexCoverage(66595, 2000)).toBe('of the best 2,000 of 66,595 matches')
    expect(bibtexCoverage(SEARCH_BIBTEX_ENTRIES)).toBeNull()
    expect(bibtexCoverage(12)).toBeNull()
    // The page's link asks for that many, which the API must give.
    expect(SearchBibtexQuerySchema.safeParse({ q: 'grokking', limit: SEARCH_BIBTEX_ENTRIES }).success).toBe(true)
  })

  it('counts the matches without a year, so the year facet adds up to the matches it covers', () => {
    const year = [
      { value: '2024', label: '2024', count: 10 },
      { value: '2023', label: '2023', count: 4 },
    ]
    expect(matchesWithoutYear({ facetsOver: 17, facets: { year, topic: [], source: [], category: [] } })).toBe(3)
    expect(matchesWithoutYear({ facetsOver: 14, facets: { year, topic: [], source: [], category: [] } })).toBe(0)
  })
})

describe('searching the last word as a prefix while it is typed', () => {
  it('does so for a word being typed, not for an acronym typed whole in capitals or an operator', () => {
    expect(searchesPrefix('grok')).toBe(true)
    expect(searchesPrefix('double de')).toBe(true)
    expect(searchesPrefix('SAM')).toBe(false)
    expect(searchesPrefix('flat minima SAM')).toBe(false)
    expect(searchesPrefix('GPT4')).toBe(false)
    expect(searchesPrefix('Sam')).toBe(true)
    expect(searchesPrefix('grokking OR')).toBe(false)
    expect(searchesPrefix('gr')).toBe(false)
  })
})

describe('researchers named by a search', () => {
  it('are looked up by the words to find, not those left out', () => {
    expect(peopleWords('andrew -saxe')).toBe('andrew')
    expect(peopleWords('-g')).toBe('')
    expect(peopleWords('saxe NOT andrew –mcclelland −"james l"')).toBe('saxe')
    // A hyphen inside a name stays: it leaves nothing out.
    expect(peopleWords('Allen-Zhu')).toBe('Allen-Zhu')
  })

  it('are those a word of whose name each searched word starts, accents and case aside', () => {
    expect(namedBy(['Andrew M. Saxe'], 'saxe')).toBe(true)
    expect(namedBy(['Bernhard Schölkopf'], 'B. Scholkopf')).toBe(true)
    expect(namedBy(['Ekdeep Singh Lubana'], 'deep')).toBe(false)
    expect(namedBy(['Surya Ganguli'], 'gan')).toBe(true)
    expect(namedBy(['Surya Ganguli'], 'GAN')).toBe(false)
    expect(namedBy(['Oriol Vinyals'], 'OR')).toBe(false)
    expect(namedBy(['Inbar Seroussi'], 'grokking seroussi')).toBe(false)
  })
})

describe("the search page's tab title", () => {
  it('quotes the words searched', () => {
    expect(searchTitle('')).toBe('Search')
    expect(searchTitle('neural collapse')).toBe('“neural collapse” · Search')
  })

  it('cuts a pasted abstract to its first words, so the tab and the history list stay readable', () => {
    const abstract =
      'Backdoor poisoning attacks behave counter-intuitively in high dimensions: stronger training triggers can help the defender. We study regularised generalised linear models on Gaussian-mixture data.'
    const title = searchTitle(abstract)
    expect(title).toBe('“Backdoor poisoning attacks behave counter-intuitively in high…” · Search')
    expect([...title].length).toBeLessThanOrEqual(80)
    // A title as a reader pastes one stays whole.
    const paperTitle = 'Grokking as a First Order Phase Transition in Two Layer Networks'
    expect(searchTitle(paperTitle)).toBe(`“${paperTitle}” · Search`)
  })
})

describe('words the server would refuse', () => {
  // The store's reading of the words: what the API refuses (a 400), beside what the page holds back.
  const serverRefuses = (q: string): string | null => {
    try {
      return buildMatchQuery(q) === null ? 'the query has no words to search for' : null
    } catch (err) {
      if ((err as PaperscopeError).code !== 'INVALID_QUERY') throw err
      return (err as Error).message
    }
  }

  it('are held back exactly when the server would refuse them, so the page never asks for a 400', () => {
    const queries = [
      'NOT', '*', '🧠', '-x', 'OR', 'AND', '%', '"', '""', '-"a phrase"', 'NOT grokking', '– transformer', '−transformer', 'grokking -transformer',
      'NOT x y', 'x OR -y', '-x OR -y', '"NOT x"', '"-x"', 'a-b', '-in-context', 'grokking NOT', '"a" -b', 'OR 🧠 AND', 'ÆØÅ', '¿?', '12', 'x-', '"unpaired -x',
      'NOT "phase transition"', '-"a" b', 'NOT NOT x', 'x NOT', 'NOTx', 'or', 'not',
      // The index has these as the lone letter: refused unless a phrase says which is meant.
      'c++', 'C#', 'f#', 'C++17', 'templates in c++', 'grokking -c++', 'rust OR c#', '"c++"', '"c++ templates"', 'a+b', 'c+++', '"unbalanced c++',
    ]
    for (const q of queries) expect(unsearchable(q) !== null, q).toBe(serverRefuses(q) !== null)
  })

  it("says the server's own reason for `c++` and `C#`, without the hint for a query with no word", () => {
    for (const q of ['c++', 'C#', 'grokking in c++']) {
      const said = unsearchable(q)
      expect(said, q).toEqual({ title: 'These words cannot be searched', message: querySentence(serverRefuses(q)!), typingHint: false })
    }
    expect(unsearchable('c++')!.message).toBe(
      '"c++" cannot be searched for: the index keeps only letters and digits, so it would be the lone letter c and find every "Appendix C" and "(c)"; put it in a phrase with the word beside it, as in "c++ code".',
    )
  })

  it("says a query over the API's limit is too long, and takes one at the limit", () => {
    const over = 'x'.repeat(MAX_QUERY_LENGTH + 1)
    expect(SearchQuerySchema.safeParse({ q: over }).success).toBe(false)
    expect(unsearchable(over)).toEqual({ title: 'These words cannot be searched', message: tooLongMessage(over), typingHint: false })
    expect(SearchQuerySchema.safeParse({ q: 'x'.repeat(MAX_QUERY_LENGTH) }).success).toBe(true)
    expect(unsearchable('x'.repeat(MAX_QUERY_LENGTH))).toBeNull()
  })

  it('says a query with no word to find as the page words it', () => {
    expect(unsearchable('-x')).toEqual({ title: 'No searchable word', message: nothingToFindMessage('-x'), typingHint: true })
    expect(unsearchable('grokking')).toBeNull()
  })

  it('is said in a sentence that tells leaving out from typing no word at all', () => {
    expect(nothingToFindMessage('-x')).toBe('“-x” only leaves words out: add one to find, as in “grokking -transformer”.')
    expect(nothingToFindMessage('NOT grokking')).toMatch(/only leaves words out/)
    expect(nothingToFindMessage('🧠')).toBe('“🧠” has no word to search for: only letters and digits are searched, and OR, AND and NOT go between words.')
    expect(nothingToFindMessage('NOT')).toMatch(/has no word to search for/)
  })

  it("shows the server's other messages about the words as a sentence", () => {
    expect(querySentence('"c++" cannot be searched for')).toBe('"c++" cannot be searched for.')
    expect(querySentence('the query has no words to search for')).toBe('The query has no words to search for.')
  })
})

describe('filters with no words to search', () => {
  it('are named as a sentence names them, the author by name when known', () => {
    expect(filtersSaid(new URLSearchParams('author=inbar-seroussi'), 'Inbar Seroussi')).toEqual(['author Inbar Seroussi'])
    expect(filtersSaid(new URLSearchParams('author=inbar-seroussi'))).toEqual(['author “inbar-seroussi”'])
    expect(filtersSaid(new URLSearchParams('year_from=2023&year_to=2023&topic=grokking&source=arxiv&category=cs.LG'))).toEqual([
      'topic “grokking”',
      'year 2023',
      'source arXiv',
      'category cs.LG',
    ])
    expect(filtersSaid(new URLSearchParams('year_from=2020&year_to=2023'))).toEqual(['years 2020–2023'])
    expect(filtersSaid(new URLSearchParams('q=grokking&page=2'))).toEqual([])
  })
})
