import { describe, expect, it } from 'vitest'
import { matchesWithoutYear, MAX_QUERY_LENGTH, queryLength, resultsTitle, tooLongMessage } from './search.js'

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

  it('counts the matches without a year, so the year facet adds up to the matches it covers', () => {
    const year = [
      { value: '2024', label: '2024', count: 10 },
      { value: '2023', label: '2023', count: 4 },
    ]
    expect(matchesWithoutYear({ facetsOver: 17, facets: { year, topic: [], source: [], category: [] } })).toBe(3)
    expect(matchesWithoutYear({ facetsOver: 14, facets: { year, topic: [], source: [], category: [] } })).toBe(0)
  })
})
