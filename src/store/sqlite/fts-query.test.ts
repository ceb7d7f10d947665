import Database from 'better-sqlite3'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isPaperscopeError } from '../../core/index.js'
import { buildAllWordsQuery, buildAnyWordQuery, buildMatchQuery, buildTitlePhraseQuery, indexWords, inflections, readMatchQuery, splitMarked } from './fts-query.js'

describe('buildMatchQuery', () => {
  // The query's shape; inflections have a test of their own.
  const q = (text: string, options: { prefix?: boolean } = {}) => buildMatchQuery(text, { inflect: false, ...options })
  it('quotes every word and keeps balanced phrases', () => {
    expect(q('neural collapse')).toBe('"neural" AND "collapse"')
    expect(q('"phase transition" grok', { prefix: true })).toBe('"phase transition" AND ("grok" OR "grok"*)')
  })
  it('reads FTS syntax as words', () => {
    expect(q('"unbalanced (')).toBe('"unbalanced"')
    expect(q('a NEAR b -c d*')).toBe('"a" AND "NEAR" AND "b" NOT "c" AND "d"')
    // A `-` that joins two words is no exclusion; one that starts the query is (before, it searched for `grokking`).
    expect(q('-grokking well-posed')).toBe('"well posed" NOT "grokking"')
  })
  it('reads OR, NOT and AND in capitals between two words as operators, and as nothing else', () => {
    expect(q('grokking OR "double descent"')).toBe('"grokking" OR "double descent"')
    expect(q('grokking NOT transformer')).toBe('"grokking" NOT "transformer"')
    expect(q('grokking AND collapse')).toBe('"grokking" AND "collapse"')
    // Lower case is a word; an operator with nothing on one side is dropped, and NOT leaves out the word after it
    // wherever it stands (before, a leading NOT was searched as the word "not", and `NOT grokking` found grokking).
    expect(q('grokking or collapse')).toBe('"grokking" AND "or" AND "collapse"')
    expect(q('OR grokking OR')).toBe('"grokking"')
    expect(q('NOT transformer grokking')).toBe('"grokking" NOT "transformer"')
    expect(q('grokking OR NOT collapse')).toBe('"grokking" NOT "collapse"')
    expect(q('OR AND')).toBeNull()
    expect(q('in-context learning')).toBe('"in context" AND "learning"')
    expect(q('sharpness-aware', { prefix: true })).toBe('("sharpness aware" OR "sharpness aware"*)')
    expect(buildTitlePhraseQuery('feature learning')).toBe('{title} : ("feature learning" OR "feature learnings")')
    expect(buildTitlePhraseQuery('attention -kernel methods')).toBeNull()
    expect(buildTitlePhraseQuery('feature lear', { prefix: true })).toBe('{title} : "feature lear"*')
    expect(buildTitlePhraseQuery('grokking')).toBeNull()
    expect(buildTitlePhraseQuery('grokking OR collapse')).toBeNull()
    expect(q('grokking OR coll', { prefix: true })).toBe('"grokking" OR ("coll" OR "coll"*)')
  })
  it('adds to a word typed whole its plural or singular, and leaves phrases and a word being typed as they are', () => {
    expect(buildMatchQuery('kernels')).toBe('("kernels" OR "kernel")')
    expect(buildMatchQuery('theory NOT processes')).toBe('("theory" OR "theories") NOT ("processes" OR "processe" OR "process")')
    expect(buildMatchQuery('"phase transitions" kern', { prefix: true })).toBe('"phase transitions" AND ("kern" OR "kern"*)')
    expect(inflections('process')).toEqual(['process', 'processes'])
    expect(inflections('dynamics')).toEqual(['dynamics', 'dynamic'])
    // -ses, -ches: which singular the word has, the index says (before: `phas`, `cach`).
    expect(inflections('phases')).toEqual(['phases', 'phase', 'phas'])
    expect(inflections('hypotheses')).toContain('hypothesis')
    expect(inflections('analysis')).toEqual(['analysis', 'analyses'])
    expect(inflections('news')).toEqual(['news'])
    expect(inflections('bias')).toEqual(['bias', 'biases'])
  })

  it('leaves out what a `-` stands before, word or phrase, and binds NOT tighter than the words beside it', () => {
    // Before: `"grokking" NOT "in context" "chain of thought"`, read as NOT (in context AND chain of thought).
    expect(buildMatchQuery('grokking -in-context "chain of thought"', { inflect: false })).toBe('"grokking" NOT "in context" AND "chain of thought"')
    expect(buildMatchQuery('grokking -"chain of thought"', { inflect: false })).toBe('"grokking" NOT "chain of thought"')
    // A word being typed after a `-` is no prefix: `-t` left out every word in t.
    expect(buildMatchQuery('grokking -t', { prefix: true, inflect: false })).toBe('"grokking" NOT "t"')
    // Hundreds of operators are cut before FTS5's expression gets too deep.
    expect(buildMatchQuery(Array.from({ length: 400 }, (_, i) => `w${i}`).join(' -'))?.split(' NOT ').length).toBeLessThan(150)
    expect(inflections('SGD')).toEqual(['SGD', 'sgds'])
    expect(inflections('2023')).toEqual(['2023'])
  })
  it('counts the words and phrases typed and the ones the query runs, not the words a plural, a phrase or a quote adds', () => {
    expect(readMatchQuery('kernels "phase transition" -x')).toEqual({ fts: '("kernels" OR "kernel") AND "phase transition" NOT "x"', terms: { typed: 3, searched: 3 } })
    expect(readMatchQuery('"grokking OR descent" b', { inflect: false })?.terms).toEqual({ typed: 2, searched: 2 })
    // FTS5 takes 100 terms (one operator each): the 101st is dropped, and the count says so.
    expect(readMatchQuery([...Array.from({ length: 100 }, () => 'grokking'), 'zzzqqq'].join(' '))?.terms).toEqual({ typed: 101, searched: 100 })
    expect(readMatchQuery(Array.from({ length: 150 }, (_, i) => `w${i}`).join(' OR '))?.terms).toEqual({ typed: 150, searched: 100 })
  })
  it('refuses a query that only leaves words out, which FTS5 cannot run, rather than search for them', () => {
    // Before: `-grokking` and `NOT grokking` found the papers with grokking.
    for (const text of ['-grokking', 'NOT grokking', '-"chain of thought"', '-grokking -transformer', 'NOT grokking OR -transformer', '–grokking']) {
      let thrown: unknown
      try {
        q(text)
      } catch (err) {
        thrown = err
      }
      expect(isPaperscopeError(thrown, 'INVALID_QUERY') && thrown.field === 'q', text).toBe(true)
      expect((thrown as Error).message, text).toMatch(/leaves out -(?:grokking|"chain of thought").*add a word to find/)
    }
    expect(q('NOT')).toBeNull()
  })
  it('leaves out a word before the first word to find, as after it', () => {
    // Before: `-transformer grokking` found papers with both.
    expect(q('-transformer grokking')).toBe('"grokking" NOT "transformer"')
    expect(q('-transformer -"chain of thought" grokking modular')).toBe('"grokking" NOT "transformer" NOT "chain of thought" AND "modular"')
    expect(q('-trans grok', { prefix: true })).toBe('("grok" OR "grok"*) NOT "trans"')
  })
  it('never turns a word to leave out after OR into one to find', () => {
    // Before: `grokking OR -transformer` was `grokking OR transformer`. FTS5 has no "or not": the word is left out of
    // its neighbour's matches, as `OR NOT` always was.
    expect(q('grokking OR -transformer')).toBe('"grokking" NOT "transformer"')
    expect(q('grokking OR NOT transformer')).toBe('"grokking" NOT "transformer"')
    expect(q('-transformer OR grokking')).toBe('"grokking" NOT "transformer"')
    expect(q('collapse OR -transformer grokking')).toBe('"collapse" OR "grokking" NOT "transformer"')
  })
  it('reads an en dash or minus sign at the start of a word as `-`, as phones and editors type it', () => {
    // Before: `grokking –transformer` needed both words.
    expect(q('grokking –transformer')).toBe('"grokking" NOT "transformer"')
    expect(q('grokking −transformer')).toBe('"grokking" NOT "transformer"')
    expect(q('grokking –"chain of thought"')).toBe('"grokking" NOT "chain of thought"')
    // Inside a word it is no exclusion.
    expect(q('well–known grokking')).toBe('"well" AND "known" AND "grokking"')
    expect(buildTitlePhraseQuery('attention –kernel methods')).toBeNull()
  })
  it('matches what the operators say on a real FTS5 table', () => {
    const db = new Database(':memory:')
    db.exec(`CREATE VIRTUAL TABLE t USING fts5(title, tokenize='porter unicode61 remove_diacritics 2')`)
    for (const title of ['Grokking in transformers', 'Grokking modular arithmetic', 'Deep double descent', 'Neural collapse']) db.prepare('INSERT INTO t VALUES (?)').run(title)
    const titles = (text: string): string[] => db.prepare('SELECT title FROM t WHERE t MATCH ? ORDER BY title').all(buildMatchQuery(text)).map((r) => (r as { title: string }).title)
    expect(titles('grokking OR "double descent"')).toEqual(['Deep double descent', 'Grokking in transformers', 'Grokking modular arithmetic'])
    expect(titles('grokking NOT transformers')).toEqual(['Grokking modular arithmetic'])
    expect(titles('collapse OR grokking NOT transformers')).toEqual(['Grokking modular arithmetic', 'Neural collapse'])
    for (const text of ['-transformers grokking', 'NOT transformers grokking', 'grokking OR -transformers', 'grokking –transformers', 'grokking −transformers'])
      expect(titles(text), text).toEqual(['Grokking modular arithmetic'])
  })
  it('refuses `c++`, `C#` and `f#`, which the index has as the lone letter, and takes them in a phrase with another word', () => {
    // Before: `c++` was the word `c`, in 18 papers of the corpus (items `(c)`, `Appendix C`) and none saying C++.
    const refusal = (text: string): string | undefined => {
      try {
        q(text)
      } catch (err) {
        if (isPaperscopeError(err, 'INVALID_QUERY') && err.field === 'q') return err.message
        throw err
      }
      return undefined
    }
    const refused: Array<[text: string, typed: string]> = [
      ['c++', 'c++'], ['C#', 'C#'], ['f#', 'f#'], ['C++17', 'C++17'], ['templates in c++', 'c++'], ['grokking -c++', 'c++'],
      ['rust OR c#', 'c#'], ['"c++"', 'c++'], ['(c++)', 'c++'], ['c++/cuda kernels', 'c++'], ['"unbalanced c++', 'c++'],
    ]
    for (const [text, typed] of refused)
      expect(refusal(text), text).toMatch(new RegExp(`^"${typed.replace(/\+/g, '\\+')}" cannot be searched for: .*lone letter ${typed.charAt(0)}.*phrase with the word beside it`))
    // Words joined by `+`, a lone letter and a phrase with a word beside it search as before.
    expect(q('CNN+LSTM')).toBe('"CNN" AND "LSTM"')
    expect(q('a+b')).toBe('"a" AND "b"')
    expect(q('c')).toBe('"c"')
    expect(q('"c++ templates" tensors')).toBe('"c templates" AND "tensors"')

    const db = new Database(':memory:')
    // The library's tokenizer (migration 10): `+` and `#` are no part of a word.
    db.exec(`CREATE VIRTUAL TABLE t USING fts5(title, tokenize='unicode61 remove_diacritics 2')`)
    for (const title of ['Appendix C: proofs', 'C++ templates for tensor code', 'Item (c) of the theorem']) db.prepare('INSERT INTO t VALUES (?)').run(title)
    const titles = (query: string | null): string[] => db.prepare('SELECT title FROM t WHERE t MATCH ? ORDER BY title').all(query).map((r) => (r as { title: string }).title)
    expect(titles('"c"')).toHaveLength(3)
    expect(titles(q('"C++ templates"'))).toEqual(['C++ templates for tensor code'])
  })
  it('returns null when nothing searchable is left', () => {
    expect(buildMatchQuery('"( * -')).toBeNull()
  })
  it('never produces a query SQLite rejects', () => {
    const db = new Database(':memory:')
    db.exec(`CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize='porter unicode61 remove_diacritics 2')`)
    db.prepare('INSERT INTO t VALUES (?, ?)').run('Grokking as a phase transition', 'body')
    const run = db.prepare('SELECT count(*) AS n FROM t WHERE t MATCH ?')
    fc.assert(
      // Random text, with the operators mixed in where a person would type them.
      fc.property(fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 8 }), fc.constantFrom('OR', 'NOT', 'AND', '"', '-', '–')), { maxLength: 8 }).map((xs) => xs.join(' ').replace(/([-–]) /g, '$1')), fc.boolean(), (text, prefix) => {
        let q: string | null = null
        try {
          q = buildMatchQuery(text, { prefix })
        } catch (err) {
          // A query of only words to leave out is refused by name, not run.
          if (!isPaperscopeError(err, 'INVALID_QUERY')) throw err
        }
        if (q !== null) run.get(q)
        const any = buildAnyWordQuery(indexWords(text), 'title')
        if (any !== null) run.get(any)
        const all = buildAllWordsQuery(text, 'body')
        if (all !== null) run.get(all)
      }),
      { numRuns: 500 },
    )
  })
})

describe('splitMarked', () => {
  it('splits highlighted text into segments', () => {
    expect(splitMarked('a \u0002grok\u0003 b')).toEqual([
      { text: 'a ', match: false },
      { text: 'grok', match: true },
      { text: ' b', match: false },
    ])
  })
})
