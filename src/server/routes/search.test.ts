import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { createCorpusLibrary, SCRIPT_TITLE, type TestLibrary } from '../../../test/e2e/support/library.js'
import { buildServer } from '../app.js'
import type { ErrorIssue } from '../schema-tools.js'
import type { SearchResponse } from './search.schema.js'

type ErrorBody = { error: { code: string; message: string; field?: string; issue?: ErrorIssue } }

describe('GET /api/v1/search on the corpus library', () => {
  let lib: TestLibrary
  let app: FastifyInstance

  beforeAll(async () => {
    lib = await createCorpusLibrary()
    app = await buildServer({ store: lib.store, rateLimit: false })
  })
  afterAll(async () => {
    await app.close()
    await lib.cleanup()
  })

  const search = async (query: string) => {
    const res = await app.inject(`/api/v1/search?${query}`)
    return { status: res.statusCode, body: res.json() as SearchResponse & ErrorBody }
  }

  it('finds the grokking papers with facets and highlighted titles', async () => {
    const { status, body } = await search('q=grokking')
    expect(status).toBe(200)
    expect(body.total).toBeGreaterThanOrEqual(10)
    expect(body.items[0]!.paper.title.toLowerCase()).toContain('grokking')
    for (const hit of body.items) {
      // The segments put back together are the title, and the matched ones are the query word.
      expect(hit.title.map((s) => s.text).join('')).toBe(hit.paper.title)
      for (const s of [...hit.title, ...hit.snippet].filter((x) => x.match)) expect(s.text.toLowerCase()).toMatch(/^grokking/)
    }
    for (const facet of ['topic', 'year', 'source', 'category'] as const) expect(Array.isArray(body.facets[facet])).toBe(true)
    expect(body.facets.topic.length).toBeGreaterThan(0)
    expect(body.facets.source.map((f) => f.value)).toContain('awesome-list')
    expect(body.query.ftsQuery).toBe('("grokking" OR "grokkings")')
  })

  it('counts facets that agree with the filtered results', async () => {
    const { body } = await search('q=grokking')
    for (const facet of body.facets.topic) {
      const filtered = await search(`q=grokking&topic=${encodeURIComponent(facet.value)}`)
      expect(filtered.body.total).toBe(facet.count)
    }
    for (const facet of body.facets.year) {
      const filtered = await search(`q=grokking&year_from=${facet.value}&year_to=${facet.value}`)
      expect(filtered.body.total).toBe(facet.count)
    }
  })

  it('matches a word prefix when asked to (search as you type)', async () => {
    expect((await search('q=collap')).body.total).toBe(0)
    expect((await search('q=collap&prefix=true')).body.total).toBeGreaterThanOrEqual(16)
  })

  it('filters by an author id or name, and finds nothing for a name nobody has', async () => {
    const byId = await search('q=feature+learning&author=inbar-seroussi')
    expect(byId.body.query.author).toEqual({ id: 'inbar-seroussi', name: 'Inbar Seroussi' })
    expect(byId.body.total).toBeGreaterThan(0)
    expect(byId.body.items.every((h) => h.paper.authors.some((a) => a.id === 'inbar-seroussi'))).toBe(true)
    const byName = await search('q=feature+learning&author=Seroussi')
    expect(byName.body.total).toBe(byId.body.total)
    // A filter value the library does not have is named, as an unknown topic is, not a quiet empty answer.
    const nobody = await search('q=feature+learning&author=Nobody+Atall')
    expect(nobody.status).toBe(400)
    expect(nobody.body).toMatchObject({ error: { code: 'INVALID_ARGUMENT', field: 'author', message: expect.stringContaining('no author "Nobody Atall"') } })
    // The same as data (the web app writes its sentence from it); no list of the library's people.
    expect(nobody.body.error.issue).toEqual({ kind: 'unknown_value', value: 'Nobody Atall' })
    const source = await search('q=feature+learning&source=nope')
    expect(source.status).toBe(400)
    expect(source.body).toMatchObject({ error: { field: 'source', message: expect.stringMatching(/no source "nope" in this library; it has .*awesome-list/) } })
    expect(source.body.error.issue).toEqual({ kind: 'unknown_value', value: 'nope', known: expect.arrayContaining(['awesome-list']) })
    expect(source.body.error.message).toContain(`it has ${source.body.error.issue!.known!.join(', ')}`)
  })

  it('takes a category in any case, and names an unknown one with the categories the library has', async () => {
    const facets = (await search('q=learning')).body.facets.category
    const top = facets[0]!
    const exact = await search(`q=learning&category=${encodeURIComponent(top.value)}`)
    expect(exact.body.total).toBe(top.count)
    for (const typed of [top.value.toLowerCase(), top.value.toUpperCase()]) {
      const res = await search(`q=learning&category=${encodeURIComponent(typed)}`)
      expect(res.status, typed).toBe(200)
      expect(res.body.items.map((h) => h.paper.id)).toEqual(exact.body.items.map((h) => h.paper.id))
    }
    const unknown = await search('q=learning&category=nope.XX')
    expect(unknown.status).toBe(400)
    expect(unknown.body.error).toMatchObject({ code: 'INVALID_ARGUMENT', field: 'category' })
    expect(unknown.body.error.message).toContain('no category "nope.XX" in this library; it has ')
    for (const f of facets) expect(unknown.body.error.message).toContain(f.value)
    expect(unknown.body.error.issue).toEqual({ kind: 'unknown_value', value: 'nope.XX', known: expect.arrayContaining(facets.map((f) => f.value)) })
    expect(unknown.body.error.message).toContain(`it has ${unknown.body.error.issue!.known!.join(', ')}`)
    // A known category with no match among these words is an empty answer, not an error.
    const other = facets.at(-1)!.value
    const none = await search(`q=learning&category=${encodeURIComponent(other)}&year_from=2999`)
    expect(none).toMatchObject({ status: 200, body: { total: 0 } })
    const bib = await app.inject('/api/v1/search/bibtex?q=learning&category=nope.XX')
    expect(bib.statusCode).toBe(400)
    expect((bib.json() as ErrorBody).error.field).toBe('category')
  })

  it('pages through results', async () => {
    const first = await search('q=neural&page_size=5')
    const second = await search('q=neural&page_size=5&page=2')
    expect(first.body.pages).toBe(Math.ceil(first.body.total / 5))
    expect(second.body.items.map((h) => h.paper.id)).not.toContain(first.body.items[0]!.paper.id)
  })

  it.each<[string, string, string, ErrorIssue | undefined]>([
    ['', 'q', 'INVALID_ARGUMENT', { kind: 'required' }],
    ['q=', 'q', 'INVALID_ARGUMENT', { kind: 'empty' }],
    ['q=%20%20', 'q', 'INVALID_ARGUMENT', { kind: 'empty' }],
    // The words themselves, read by the store's rule: their fault as data too (before, no issue).
    ['q=%3C%3E%3F%21', 'q', 'INVALID_QUERY', { kind: 'no_words' }],
    ['q=-grokking', 'q', 'INVALID_QUERY', { kind: 'only_left_out' }],
    ['q=grokking+NOT+c%2B%2B', 'q', 'INVALID_QUERY', { kind: 'letter_and_symbols', value: 'c++' }],
    ['q=x&year_from=2023&year_to=2020', 'year_to', 'INVALID_ARGUMENT', { kind: 'before', other: 'year_from' }],
    ['q=x&year_to=3001', 'year_to', 'INVALID_ARGUMENT', { kind: 'too_large', limit: 3000 }],
    ['q=x&year_from=999', 'year_from', 'INVALID_ARGUMENT', { kind: 'too_small', limit: 1000 }],
    ['q=x&year_from=2020.5', 'year_from', 'INVALID_ARGUMENT', { kind: 'not_integer' }],
    ['q=x&page_size=0', 'page_size', 'INVALID_ARGUMENT', { kind: 'too_small', limit: 1 }],
    ['q=x&prefix=maybe', 'prefix', 'INVALID_ARGUMENT', { kind: 'not_boolean' }],
    [`q=x&category=${'x'.repeat(101)}`, 'category', 'INVALID_ARGUMENT', { kind: 'too_long', limit: 100 }],
    ['q=x&topic=a&topic=b', 'topic', 'INVALID_ARGUMENT', { kind: 'repeated', count: 2 }],
  ])('rejects "%s" with 400 naming %s, its fault as data', async (query, field, code, issue) => {
    const { status, body } = await search(query)
    expect(status).toBe(400)
    expect(body.error).toMatchObject({ code, field })
    expect(body.error.issue).toEqual(issue)
  })

  it('says how many words and phrases it searched when a query has more than one search takes', async () => {
    // 100 words the papers have, then one none has: the search runs the first 100, so it finds papers without the last.
    const word = 'gan'
    const alone = await search(`q=${word}`)
    expect(alone.body.total).toBeGreaterThan(0)
    expect(alone.body.query).toMatchObject({ wordsSearched: 1, wordsLeftOut: 0 })
    const long = await search(`q=${[...Array.from({ length: 100 }, () => word), 'zzzqqq'].join('+')}`)
    expect(long.status).toBe(200)
    expect(long.body.total).toBe(alone.body.total)
    // Before: nothing said that zzzqqq, which no paper has, was not searched.
    expect(long.body.query).toMatchObject({ wordsSearched: 100, wordsLeftOut: 1 })
    const whole = await search(`q=${[...Array.from({ length: 99 }, () => word), 'zzzqqq'].join('+')}`)
    expect(whole.body).toMatchObject({ total: 0, query: { wordsSearched: 100, wordsLeftOut: 0 } })
  })

  it.each(['"unbalanced', 'AND OR NOT', 'title: (x', 'near(a b)', '*', "'; DROP TABLE papers; --"])(
    'never fails on full-text syntax in the query: %s',
    async (q) => {
      const { status } = await search(`q=${encodeURIComponent(q)}`)
      expect([200, 400]).toContain(status)
    },
  )

  it('returns markup from sources as plain text segments', async () => {
    const { body } = await search('q=attention+markup')
    const hit = body.items.find((h) => h.paper.title === SCRIPT_TITLE)!
    expect(hit.title.map((s) => s.text).join('')).toBe(SCRIPT_TITLE)
    expect(hit.snippet.map((s) => s.text).join('')).toContain('<script>')
  })
})
