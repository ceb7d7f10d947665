import { describe, expect, it } from 'vitest'
import { filterMessage } from './filter-error.js'

describe("a refused filter's message", () => {
  // The server's messages, as GET /papers, /search and /researchers send them for a bad URL.
  it('says what is wrong in the words of a page, not of the API', () => {
    expect(filterMessage('topic', 'parameter "topic": no topic "nope" in this library; give a topic id or label from /api/v1/topics')).toBe('No topic “nope” in this library.')
    expect(filterMessage('author', 'parameter "author": no author "nobody" in this library; give an author id or name from /api/v1/authors')).toBe('No author “nobody” in this library.')
    expect(filterMessage('source', 'parameter "source": no source "nope" in this library; it has abstracts, daily-papers')).toBe('No source “nope” in this library; it has abstracts, daily-papers.')
    expect(filterMessage('year_from', 'parameter "year_from" must be integer')).toBe('The first year must be a whole number.')
    expect(filterMessage('year_to', 'parameter "year_to" must not be before "year_from"')).toBe('The last year must not be before the first year.')
    expect(filterMessage('keyword', 'parameter "keyword" must not be empty')).toBe('The key word must not be empty.')
    expect(filterMessage('page', 'parameter "page" must be >= 1')).toBe('The page must be 1 or more.')
  })

  it('never shows an API path or the word parameter', () => {
    for (const field of ['topic', 'author']) {
      const text = filterMessage(field, `parameter "${field}": no ${field} "x" in this library; give a ${field} id from /api/v1/${field}s`)
      expect(text).not.toMatch(/\/api\/|parameter/)
    }
  })
})
