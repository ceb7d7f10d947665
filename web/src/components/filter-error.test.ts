import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildServer } from '../../../src/server/app.js'
import { ApiError, type ErrorBody } from '../api.js'
import { createTempStore, type TempStore } from '../../../test/support/temp-store.js'
import { filterMessage, refusedFilter } from './filter-error.js'

describe("a refused filter's message", () => {
  // The API's `issue` for a bad URL, as GET /papers, /search and /researchers send it.
  it('says what is wrong in the words of a page, from the fault as data', () => {
    expect(filterMessage('topic', { kind: 'unknown_value', value: 'nope' })).toBe('No topic “nope” in this library.')
    expect(filterMessage('author', { kind: 'unknown_value', value: 'nobody' })).toBe('No author “nobody” in this library.')
    expect(filterMessage('source', { kind: 'unknown_value', value: 'nope', known: ['abstracts', 'daily-papers'] })).toBe('No source “nope” in this library; it has abstracts, daily-papers.')
    expect(filterMessage('year_from', { kind: 'not_integer' })).toBe('The first year must be a whole number.')
    expect(filterMessage('year_to', { kind: 'before', other: 'year_from' })).toBe('The last year must not be before the first year.')
    expect(filterMessage('year_to', { kind: 'too_large', limit: 3000 })).toBe('The last year must be 3000 or less.')
    expect(filterMessage('keyword', { kind: 'empty' })).toBe('The key word must not be empty.')
    expect(filterMessage('page', { kind: 'too_small', limit: 1 })).toBe('The page must be 1 or more.')
    expect(filterMessage('page', { kind: 'too_large', limit: 10_000 })).toBe('The page must be 10,000 or less.')
    expect(filterMessage('category', { kind: 'too_long', limit: 100 })).toBe('The category must be at most 100 characters long.')
    expect(filterMessage('topic', { kind: 'repeated', count: 2 })).toBe('The topic is in the address 2 times; keep one.')
    // A refusal the API gives no fault for says only that the filter is not valid, never the API's sentence.
    expect(filterMessage('sort', undefined)).toBe('The sort is not valid.')
  })
})

describe("each message a page's filters bring from the API", () => {
  // The page writes its sentence from the error body's `issue`, never from the API's message: these are asked of a
  // real server, so an answer without an issue, or with one the page would say in the API's words, fails here.
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

  it('says each in the words of a page, from its issue: no API path, parameter, straight quote, operator or ajv wording', async () => {
    const said = new Map<string, string>()
    const cases = pages.flatMap(({ api, filters }) => filters.flatMap((f) => (bad[f] ?? []).map((v) => `${api}&${f}=${encodeURIComponent(v)}`)))
    cases.push('/search?q=grokking&year_from=2023&year_to=2020')
    expect(cases).toHaveLength(28)
    for (const url of cases) {
      const res = await app.inject(`/api/v1${url}`)
      expect(res.statusCode, url).toBe(400)
      const { error } = res.json() as ErrorBody
      // The page shows its filter error only for a parameter it sent, and writes it from the fault the API gives.
      const refused = new ApiError(error.code, error.message, res.statusCode, error.field, error.issue)
      const field = refusedFilter(refused, Object.keys(bad))
      expect(field, `${url}: ${error.message}`).toBe(error.field)
      expect(refused.issue, `${url}: ${error.message}`).toBeDefined()
      const text = filterMessage(field!, refused.issue)
      said.set(`${field} ${refused.issue!.kind}`, text)
      expect(text, `${url}: ${error.message}`).toMatch(/^\p{Lu}[^"]*[.]$/u)
      expect(text, `${url}: ${error.message}`).not.toMatch(/\/api\/|parameter|[<>]=|\bNOT\b|\binteger\b|_|\bgive\b|is not valid/)
      // What the page says is what the API said: the value refused, the bound it broke.
      if (refused.issue!.value !== undefined) expect(text, url).toContain(`“${refused.issue!.value}”`)
      if (refused.issue!.limit !== undefined) expect(text.replaceAll(',', ''), url).toContain(String(refused.issue!.limit))
    }
    // Every kind of fault a page's URL brings came up: an unknown value, not a whole number, under or over a bound,
    // too long, years the wrong way round.
    expect(new Set([...said.keys()].map((k) => k.split(' ')[1]))).toEqual(new Set(['unknown_value', 'not_integer', 'too_small', 'too_large', 'too_long', 'before']))
  })
})
