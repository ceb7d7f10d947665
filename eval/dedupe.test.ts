/** The dedupe evaluation groups records with the evidence the import gives the matcher. */
import { describe, expect, it } from 'vitest'
import { parseBibtex } from '../src/ingest/index.js'
import { readFixture } from '../test/support/fixture-server.js'
import { clusterWithMatcher, type EvalRecord } from './dedupe.js'

describe('clusterWithMatcher', () => {
  it("reads a paper's venues as the import does: a Foundations and Trends monograph as an article and as a bare book is one paper, whichever comes first", () => {
    // Only the article's journal says that a book of its title is the same work (neither has a DOI), as in
    // import-records.test.ts; without the paper's venues the article-first order made two papers.
    const { records } = parseBibtex(
      readFixture('bibtex/admm_article_and_book.bib'),
      { input: 'refs.bib', fetchedAt: '2026-11-29T00:00:00.000Z' },
    )
    const evalRecords: EvalRecord[] = records.map((record, i) => ({ id: `refs.bib#${i}`, file: 'refs.bib', record }))
    expect(clusterWithMatcher(evalRecords)).toEqual([['refs.bib#0', 'refs.bib#1']])
    expect(clusterWithMatcher([...evalRecords].reverse())).toEqual([['refs.bib#1', 'refs.bib#0']])
  })
})
