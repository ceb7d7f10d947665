import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildServer } from '../../../src/server/app.js'
import { ApiError } from '../api.js'
import { createTempStore, type TempStore } from '../../../test/support/temp-store.js'
import { filterMessage, refusedFilter } from './filter-error.js'

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
    expect(filterMessage('page', 'parameter "page" must be <= 10000')).toBe('The page must be 10000 or less.')
    expect(filterMessage('category', 'parameter "category" must NOT have more than 100 characters')).toBe('The category must be at most 100 characters long.')
  })

  it('never shows an API path or the word parameter', () => {
    for (const field of ['topic', 'author']) {
      const text = filterMessage(field, `parameter "${field}": no ${field} "x" in this library; give a ${field} id from /api/v1/${field}s`)
      expect(text).not.toMatch(/\/api\/|parameter/)
    }
  })
})

describe("each message a page's filters bring from the API", () => {
  // The API's error body names the parameter but holds no value or bound in fields of its own, so the page rewrites
  // the message's words: these are asked of a real server, so a change of its wording fails here, not on a page.
  let lib: TempStore
  let app: FastifyInstance
  beforeAll(async () => {
    lib = await createTempStore()
    app = await buildServer({ store: lib.store, rateLimit: false })
  })
  afterAll(async () => {
    await app.close()
    await lib.cleanup()
  })

  const long = (n: number) => 'x'.repeat(n)
  // URL values a reader can open (a shared or edited link) for the filters each page sends the API as they are.
  const bad: Record<string, readonly string[]> = {
    topic: ['nope', long(201)],
    author: ['nobody', long(201)],
    source: ['nope', long(101)],
    category: [long(101)],
    keyword: [long(201)],
    year_from: ['abc', '999', '3001', '2020.5'],
    year_to: ['abc', '999', '3001'],
    page: ['1.5', '20000'],
  }
  const pages = [
    { page: 'search', api: '/search?q=grokking', filters: ['topic', 'year_from', 'year_to', 'source', 'category', 'author', 'page'] },
    { page: 'home', api: '/papers?sort=recent', filters: ['topic', 'source', 'keyword', 'page'] },
    { page: 'researchers', api: '/researchers?', filters: ['topic', 'page'] },
  ]

  it('says each in the words of a page: no API path, parameter, straight quote, operator or ajv wording', async () => {
    const said = new Map<string, string>()
    const cases = pages.flatMap(({ api, filters }) => filters.flatMap((f) => (bad[f] ?? []).map((v) => `${api}&${f}=${encodeURIComponent(v)}`)))
    cases.push('/search?q=grokking&year_from=2023&year_to=2020')
    for (const url of cases) {
      const res = await app.inject(`/api/v1${url}`)
      expect(res.statusCode, url).toBe(400)
      const { error } = res.json() as { error: { code: string; message: string; field?: string } }
      // The page shows its filter error only for a parameter it sent.
      const field = refusedFilter(new ApiError(error.code, error.message, res.statusCode, error.field), Object.keys(bad))
      expect(field, `${url}: ${error.message}`).toBe(error.field)
      const text = filterMessage(field!, error.message)
      said.set(error.message.replace(/\d+|"[^"]*"/g, '…'), text)
      expect(text, `${url}: ${error.message}`).toMatch(/^\p{Lu}[^"]*[.]$/u)
      expect(text, `${url}: ${error.message}`).not.toMatch(/\/api\/|parameter|[<>]=|\bNOT\b|\binteger\b|_|\bgive\b/)
    }
    // Every shape of message the regexes read came up (unknown value, whole number, bounds, length, order).
    expect(said.size).toBeGreaterThanOrEqual(7)
  })
})
