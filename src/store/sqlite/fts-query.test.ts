import Database from 'better-sqlite3'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildAllWordsQuery, buildAnyWordQuery, buildMatchQuery, indexWords, splitMarked } from './fts-query.js'

describe('buildMatchQuery', () => {
  it('quotes every word and keeps balanced phrases', () => {
    expect(buildMatchQuery('neural collapse')).toBe('"neural" "collapse"')
    expect(buildMatchQuery('"phase transition" grok', { prefix: true })).toBe('"phase transition" "grok"*')
  })
  it('reads FTS syntax as words', () => {
    expect(buildMatchQuery('"unbalanced (')).toBe('"unbalanced"')
    expect(buildMatchQuery('a NEAR b -c d*')).toBe('"a" "NEAR" "b" "c" "d"')
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
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.boolean(), (text, prefix) => {
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
