import Database from 'better-sqlite3'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildAllWordsQuery, buildAnyWordQuery, buildMatchQuery, buildTitlePhraseQuery, indexWords, inflections, splitMarked } from './fts-query.js'

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
    // A `-` that starts the query, or joins two words, is no exclusion.
    expect(q('-grokking well-posed')).toBe('"grokking" AND "well posed"')
  })
  it('reads OR, NOT and AND in capitals between two words as operators, and as nothing else', () => {
    expect(q('grokking OR "double descent"')).toBe('"grokking" OR "double descent"')
    expect(q('grokking NOT transformer')).toBe('"grokking" NOT "transformer"')
    expect(q('grokking AND collapse')).toBe('"grokking" AND "collapse"')
    // Lower case is a word; an operator with nothing on one side is dropped, but a leading NOT is a word.
    expect(q('grokking or collapse')).toBe('"grokking" AND "or" AND "collapse"')
    expect(q('OR grokking OR')).toBe('"grokking"')
    expect(q('NOT grokking')).toBe('"NOT" AND "grokking"')
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
  it('matches what the operators say on a real FTS5 table', () => {
    const db = new Database(':memory:')
    db.exec(`CREATE VIRTUAL TABLE t USING fts5(title, tokenize='porter unicode61 remove_diacritics 2')`)
    for (const title of ['Grokking in transformers', 'Grokking modular arithmetic', 'Deep double descent', 'Neural collapse']) db.prepare('INSERT INTO t VALUES (?)').run(title)
    const titles = (text: string): string[] => db.prepare('SELECT title FROM t WHERE t MATCH ? ORDER BY title').all(buildMatchQuery(text)).map((r) => (r as { title: string }).title)
    expect(titles('grokking OR "double descent"')).toEqual(['Deep double descent', 'Grokking in transformers', 'Grokking modular arithmetic'])
    expect(titles('grokking NOT transformers')).toEqual(['Grokking modular arithmetic'])
    expect(titles('collapse OR grokking NOT transformers')).toEqual(['Grokking modular arithmetic', 'Neural collapse'])
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
      fc.property(fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 8 }), fc.constantFrom('OR', 'NOT', 'AND', '"')), { maxLength: 8 }).map((xs) => xs.join(' ')), fc.boolean(), (text, prefix) => {
        const q = buildMatchQuery(text, { prefix })
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
