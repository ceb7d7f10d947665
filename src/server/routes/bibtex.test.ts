import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { createCorpusLibrary, type TestLibrary } from '../../../test/e2e/support/library.js'
import { formatBibtex } from '../../ingest/index.js'
import { buildServer } from '../app.js'

/** The number of entries in a .bib text. */
const entries = (bib: string): number => (bib.match(/^@\w+\{/gm) ?? []).length

describe('BibTeX routes for an author, a search and a topic', () => {
  let lib: TestLibrary
  let app: FastifyInstance

  beforeAll(async () => {
    lib = await createCorpusLibrary()
    // The writer src/main.ts injects: src/ingest/bibtex's, with LaTeX accents and protected capitals.
    app = await buildServer({ store: lib.store, rateLimit: false, formatBibtex })
  })
  afterAll(async () => {
    await app.close()
    await lib.cleanup()
  })

  it('writes every paper of an author, as a download when asked', async () => {
    const [author] = await lib.store.findAuthors('Andrew M. Saxe', 1)
    const papers = (await lib.store.listPapers({ authorId: author!.id, limit: 200 })).total
    const res = await app.inject(`/api/v1/authors/${author!.id}/bibtex`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/x-bibtex; charset=utf-8')
    expect(entries(res.body)).toBe(papers)
    expect(res.headers['x-paperscope-entries']).toBe(String(papers))
    expect(res.body).toMatch(/author\s+= \{[^}]*Saxe/)
    const download = await app.inject(`/api/v1/authors/${author!.id}/bibtex?download=true`)
    expect(download.headers['content-disposition']).toBe('attachment; filename="andrew-m-saxe.bib"')
    expect((await app.inject('/api/v1/authors/a-nope/bibtex')).statusCode).toBe(404)
  })

  it("writes one paper's entry as the other exports do: each author under the library's name", async () => {
    // The author line of this paper spells "Zeyuan Allen Zhu", which reads as family name Zhu; the person's
    // library name keeps the hyphen, as his other papers write it.
    const [paper] = (await lib.store.searchPapers({ text: '"Knowledge Storage and Extraction"', limit: 1 })).items
    expect(paper?.paper.authors.map((a) => a.name)).toContain('Zeyuan Allen Zhu')
    const res = await app.inject(`/api/v1/papers/${paper!.paper.id}/bibtex`)
    expect(res.statusCode).toBe(200)
    expect(res.body).toMatch(/author\s+= \{[^}]*Allen-Zhu, Zeyuan/)
    expect(res.body).not.toContain('Zhu, Zeyuan Allen')
  })

  it('writes the papers of a topic', async () => {
    const res = await app.inject('/api/v1/topics/neural-collapse/bibtex?download=true')
    expect(res.statusCode).toBe(200)
    expect(entries(res.body)).toBe(16)
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="neural-collapse\.bib"$/)
    const missing = await app.inject('/api/v1/topics/nope/bibtex')
    expect(missing.statusCode).toBe(404)
    expect(missing.json()).toMatchObject({ error: { code: 'NOT_FOUND' } })
  })

  it('writes the papers a search finds, best first, up to a limit', async () => {
    const search = await lib.store.searchPapers({ text: 'grokking', limit: 5 })
    const res = await app.inject('/api/v1/search/bibtex?q=grokking&limit=5')
    expect(res.statusCode).toBe(200)
    expect(entries(res.body)).toBe(Math.min(5, search.total))
    const firstTitle = /title\s+= \{(.+)\},?$/m.exec(res.body)![1]!
    expect(firstTitle.replace(/[{}\\]/g, '').toLowerCase()).toContain('grokking')
    const all = await app.inject('/api/v1/search/bibtex?q=grokking&limit=2000')
    expect(entries(all.body)).toBe(search.total)
    const recent = await lib.store.searchPapers({ text: 'grokking', yearFrom: 2023, limit: 5 })
    const filtered = await app.inject('/api/v1/search/bibtex?q=grokking&year_from=2023&limit=2000')
    expect(entries(filtered.body)).toBe(recent.total)
    expect(recent.total).toBeLessThan(search.total)
    const bad = await app.inject('/api/v1/search/bibtex')
    expect(bad.statusCode).toBe(400)
    // Words /search refuses are refused here alike, each with its fault as data (blank and !! had no issue).
    for (const [q, code, issue] of [
      ['%20', 'INVALID_ARGUMENT', { kind: 'empty' }],
      ['%21%21', 'INVALID_QUERY', { kind: 'no_words' }],
      ['-grokking', 'INVALID_QUERY', { kind: 'only_left_out' }],
      ['C%23', 'INVALID_QUERY', { kind: 'letter_and_symbols', value: 'C#' }],
    ] as const) {
      const refused = await app.inject(`/api/v1/search/bibtex?q=${q}`)
      expect([refused.statusCode, refused.json()], q).toEqual([400, { error: { code, field: 'q', message: expect.any(String), issue } }])
    }
    expect((await app.inject('/api/v1/search/bibtex?q=grokking&limit=0')).statusCode).toBe(400)
    // A year range that ends before it starts is refused as /search refuses it, not answered with an empty file.
    const backwards = await app.inject('/api/v1/search/bibtex?q=grokking&year_from=2023&year_to=2020')
    expect([backwards.statusCode, backwards.json()]).toMatchObject([400, { error: { field: 'year_to' } }])
  })

  it('writes the papers a search as you type finds: the last word as a prefix, as /search?prefix=true', async () => {
    // The search page asks /search with prefix=true while the last word is being typed; its BibTeX link
    // asks the same, so the file holds the papers the page lists.
    const shown = await lib.store.searchPapers({ text: 'neural coll', prefix: true, limit: 5 })
    expect(shown.total).toBeGreaterThan(5)
    const res = await app.inject('/api/v1/search/bibtex?q=neural+coll&prefix=true&limit=2000')
    expect(res.statusCode).toBe(200)
    expect(entries(res.body)).toBe(shown.total)
    expect(res.headers['x-paperscope-entries']).toBe(String(shown.total))
    // Without it, `coll` is a whole word no paper has, as /search without prefix says.
    const whole = await app.inject('/api/v1/search/bibtex?q=neural+coll&limit=2000')
    expect(entries(whole.body)).toBe((await lib.store.searchPapers({ text: 'neural coll', limit: 1 })).total)
    // Best first and cut at the limit, across the pages the route reads.
    const five = await app.inject('/api/v1/search/bibtex?q=neural+coll&prefix=true&limit=5')
    expect(entries(five.body)).toBe(5)
    // The headers say the file was cut: 5 entries of the matches there are.
    expect([five.headers['x-paperscope-entries'], five.headers['x-paperscope-total']]).toEqual(['5', String(shown.total)])
    expect(res.headers['x-paperscope-total']).toBe(String(shown.total))
    expect((await app.inject('/api/v1/search/bibtex?q=neural+coll&prefix=maybe')).statusCode).toBe(400)
    const doc = (await app.inject('/api/v1/openapi.json')).json() as {
      paths: Record<string, { get: { parameters: Array<{ name: string; in: string }> } }>
    }
    expect(doc.paths['/api/v1/search/bibtex']!.get.parameters.map((p) => p.name)).toContain('prefix')
  })

  it('escapes LaTeX specials and accents and protects capitals', async () => {
    const res = await app.inject('/api/v1/search/bibtex?q=%C3%85ngstr%C3%B6m')
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('{\\r{A}}ngstr{\\"o}m-{\\L}ukasiewicz, Zo{\\"e}')
    expect(res.body).toContain('window.\\_\\_paperscopeXss')
  })

  it('is described in the OpenAPI document', async () => {
    const doc = (await app.inject('/api/v1/openapi.json')).json() as { paths: Record<string, unknown> }
    for (const path of ['/api/v1/authors/{id}/bibtex', '/api/v1/topics/{id}/bibtex', '/api/v1/search/bibtex'])
      expect(doc.paths).toHaveProperty([path, 'get'])
  })

  it('declares in the OpenAPI document the headers each BibTeX route sends, and only those', async () => {
    type Op = { responses: Record<string, { headers?: Record<string, { schema: { type: string }; description: string }> }> }
    const doc = (await app.inject('/api/v1/openapi.json')).json() as { paths: Record<string, { get: Op }> }
    const [author] = await lib.store.findAuthors('Andrew M. Saxe', 1)
    const paper = (await lib.store.listPapers({ authorId: author!.id, limit: 1 })).items[0]!
    const urls: Record<string, string> = {
      '/api/v1/papers/{id}/bibtex': `/api/v1/papers/${paper.id}/bibtex`,
      '/api/v1/authors/{id}/bibtex': `/api/v1/authors/${author!.id}/bibtex`,
      '/api/v1/topics/{id}/bibtex': '/api/v1/topics/neural-collapse/bibtex',
      '/api/v1/search/bibtex': '/api/v1/search/bibtex?q=grokking',
    }
    const ours = (headers: Record<string, unknown>) => Object.keys(headers).filter((h) => h === 'content-disposition' || h.startsWith('x-paperscope-')).sort()
    for (const [path, url] of Object.entries(urls)) {
      const declared = doc.paths[path]!.get.responses['200']!.headers ?? {}
      // The rate limit's headers, declared on every answer, are app.test's (this server has no limit).
      const names = Object.keys(declared).map((h) => h.toLowerCase()).filter((h) => !h.startsWith('x-ratelimit-')).sort()
      // Inline: no Content-Disposition, and nothing else sent that the document does not list.
      const inline = await app.inject(url)
      expect(inline.statusCode, url).toBe(200)
      expect(ours(inline.headers), url).not.toContain('content-disposition')
      const download = await app.inject(`${url}${url.includes('?') ? '&' : '?'}download=true`)
      expect(download.headers['content-disposition'], url).toMatch(/^attachment; filename="[\w.-]+\.bib"$/)
      expect(names, path).toEqual(ours(download.headers))
      expect(declared['Content-Disposition']?.description, path).toContain('download=true')
      if (declared['X-Paperscope-Entries']) {
        expect(declared['X-Paperscope-Entries'].schema.type).toBe('integer')
        expect(Number(download.headers['x-paperscope-entries'])).toBe(entries(download.body))
      }
    }
    // Only the paper route writes a single entry without counting it.
    expect(Object.keys(doc.paths['/api/v1/papers/{id}/bibtex']!.get.responses['200']!.headers ?? {}).filter((h) => !h.startsWith('x-ratelimit-'))).toEqual(['Content-Disposition'])
  })

  it('answers an unknown author or topic of a search download with 400, and the document declares no 404 for it', async () => {
    for (const url of ['/api/v1/search/bibtex?q=grokking&author=Nobody%20Atall%20Xyzzy', '/api/v1/search/bibtex?q=grokking&topic=no-such-topic']) {
      const res = await app.inject(url)
      expect(res.statusCode, url).toBe(400)
      expect(res.json(), url).toMatchObject({ error: { code: 'INVALID_ARGUMENT', field: expect.stringMatching(/^(author|topic)$/) } })
    }
    const none = await app.inject('/api/v1/search/bibtex?q=zzqxjvv')
    expect([none.statusCode, none.headers['x-paperscope-entries']]).toEqual([200, '0'])
    const doc = (await app.inject('/api/v1/openapi.json')).json() as { paths: Record<string, { get: { responses: Record<string, unknown> } }> }
    expect(Object.keys(doc.paths['/api/v1/search/bibtex']!.get.responses).sort()).toEqual(['200', '400', '429', '431'])
  })
})
