import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { importRecords } from '../commands/index.js'
import type { PaperStore } from '../store/index.js'
import { buildRecord } from '../../test/support/factories.js'
import { createTempStore, type TempStore } from '../../test/support/temp-store.js'
import { paths } from '../../web/src/api.js'
import { buildServer } from './app.js'
import { ERROR_ISSUE_KINDS, type ErrorBody } from './schema-tools.js'
import { BODY_LIMIT, MAX_PARAM_LENGTH } from './schemas.js'

/** The routes issue 3 asks for; the OpenAPI document must describe each with a response schema. */
const API_ROUTES = [
  '/api/v1/papers',
  '/api/v1/papers/{id}',
  '/api/v1/papers/{id}/bibtex',
  '/api/v1/papers/{id}/vector',
  '/api/v1/search',
  '/api/v1/authors',
  '/api/v1/authors/{id}',
  '/api/v1/topics',
  '/api/v1/topics/{id}',
  '/api/v1/trends',
  '/api/v1/researchers',
  '/api/v1/authors/{id}/bibtex',
  '/api/v1/topics/{id}/bibtex',
  '/api/v1/search/bibtex',
  '/api/v1/similar',
]
/** Routes that take a text in a JSON body (too long for a URL). */
const API_POST_ROUTES = ['/api/v1/similar', '/api/v1/classify']

describe('buildServer', () => {
  let temp: TempStore
  let app: FastifyInstance
  let webRoot: string

  beforeAll(async () => {
    temp = await createTempStore()
    await importRecords(temp.store, [
      buildRecord({ title: 'Grokking', authors: ['Alethea Power'], topics: ['Grokking'], date: '2022', categories: ['cs.LG'] }),
      buildRecord({ title: 'A Paper Known by Its DOI', authors: ['Dora Ident'], date: '2002', ids: { doi: '10.2139/ssrn.288970' } }),
    ])
    webRoot = mkdtempSync(join(tmpdir(), 'paperscope-web-'))
    mkdirSync(join(webRoot, 'assets'))
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>app shell</title><script type="module" src="/assets/app.js"></script>')
    writeFileSync(join(webRoot, 'assets', 'app.js'), 'console.log(1)')
    app = await buildServer({ store: temp.store, webRoot, version: '1.2.3' })
  })
  afterAll(async () => {
    await app.close()
    await temp.cleanup()
    rmSync(webRoot, { recursive: true, force: true })
  })

  it('answers /healthz', async () => {
    const res = await app.inject('/healthz')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ status: 'ok', version: '1.2.3' })
  })

  it('publishes an OpenAPI 3.1 document describing every API route with its parameters and responses', async () => {
    const res = await app.inject('/api/v1/openapi.json')
    expect(res.statusCode).toBe(200)
    const doc = res.json() as { openapi: string; paths: Record<string, Record<string, { responses: Record<string, unknown>; parameters?: unknown[] }>> }
    expect(doc.openapi).toBe('3.1.0')
    for (const path of API_ROUTES) {
      const get = doc.paths[path]?.get
      expect(get, path).toBeDefined()
      expect(get!.responses['200'], path).toBeDefined()
      expect(Object.keys(get!.responses)).toContain('429')
    }
    // A query parameter an operation does not take is a 400, so even /stats, which takes none, can answer one.
    for (const [path, methods] of Object.entries(doc.paths)) for (const [method, op] of Object.entries(methods)) expect(Object.keys(op.responses), `${method} ${path}`).toContain('400')
    for (const path of API_POST_ROUTES) {
      const post = (doc.paths[path] as Record<string, { responses: Record<string, unknown>; requestBody?: unknown }> | undefined)?.post
      expect(post, path).toBeDefined()
      expect(post!.requestBody, path).toBeDefined()
      expect(Object.keys(post!.responses)).toEqual(expect.arrayContaining(['200', '400', '429']))
    }
    // Every documented API path is one of ours (nothing undocumented slipped in, nothing internal leaked).
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/api/v1/')).sort()).toEqual([...new Set([...API_ROUTES, ...API_POST_ROUTES, '/api/v1/stats'])].sort())
    // BibTeX is documented as what it is, and every operation has a unique id for generated clients.
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.values(methods).map((op) => ({ path, op: op as { operationId?: string; responses: Record<string, { content?: Record<string, unknown> }> } })))
    for (const { path, op } of operations.filter(({ path }) => path.endsWith('/bibtex'))) expect(Object.keys(op.responses['200']?.content ?? {}), path).toEqual(['application/x-bibtex'])
    const ids = operations.map(({ op }) => op.operationId)
    expect(ids.every((id) => typeof id === 'string' && /^(get|post)[A-Z]/.test(id))).toBe(true)
    expect(new Set(ids).size).toBe(ids.length)
    expect(doc.paths['/api/v1/papers/{id}/bibtex']?.get).toMatchObject({ operationId: 'getPaperBibtex' })
    const searchParams = (doc.paths['/api/v1/search']!.get!.parameters as Array<{ name: string }>).map((p) => p.name)
    expect(searchParams).toEqual(expect.arrayContaining(['q', 'topic', 'year_from', 'year_to', 'author', 'source', 'page']))
  })

  it('pages every list by one default page size, as the OpenAPI document says it', async () => {
    type Parameter = { name: string; in: string; schema?: { default?: unknown }; description?: string }
    const doc = (await app.inject('/api/v1/openapi.json')).json() as { paths: Record<string, Record<string, { parameters?: Parameter[] }>> }
    // Every operation that takes a page size, read from the document, not listed here.
    const paged = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.values(methods).flatMap((op) => (op.parameters ?? []).filter((p) => p.in === 'query' && p.name === 'page_size').map((p) => ({ path, p }))),
    )
    expect(paged.map(({ path }) => path).sort()).toEqual(['/api/v1/authors', '/api/v1/papers', '/api/v1/researchers', '/api/v1/search'])
    const query: Record<string, string> = { '/api/v1/authors': '?q=power', '/api/v1/search': '?q=grokking' }
    const sizes = new Set<unknown>()
    for (const { path, p } of paged) {
      // /authors fills its default in the route (its older `limit` may say it); the others in the schema.
      const documented = p.schema?.default ?? Number(/\(default (\d+)\)/.exec(p.description ?? '')?.[1])
      const served = ((await app.inject(`${path}${query[path] ?? ''}`)).json() as { pageSize: number }).pageSize
      expect(served, path).toBe(documented)
      sizes.add(served)
    }
    expect([...sizes]).toEqual([20])
  })

  it('declares 431 on every operation, since Node answers it to an over-long head whatever the route', async () => {
    const doc = (await app.inject('/api/v1/openapi.json')).json() as { paths: Record<string, Record<string, { responses: Record<string, { description: string; content?: Record<string, unknown> }> }>> }
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ where: `${method} ${path}`, op })))
    expect(operations.map((o) => o.where)).toEqual(expect.arrayContaining(['get /api/v1/papers', 'post /api/v1/similar', 'post /api/v1/classify']))
    for (const { where, op } of operations) {
      const declared = op.responses['431']
      expect(declared, where).toBeDefined()
      expect(declared!.description, where).toContain('URL and headers')
      expect(Object.keys(declared!.content ?? {}), where).toEqual(['application/json'])
    }
  })

  it("says what every operation's success answer holds, not the docs UI's 'Default Response'", async () => {
    const doc = (await app.inject('/api/v1/openapi.json')).json() as { paths: Record<string, Record<string, { responses: Record<string, { description?: string }> }>> }
    const descriptions = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ where: `${method} ${path}`, description: op.responses['200']?.description ?? '' })),
    )
    expect(descriptions.length).toBeGreaterThan(10)
    for (const { where, description } of descriptions) {
      expect(description, where).not.toBe('Default Response')
      expect(description.length, where).toBeGreaterThan(10)
    }
    // Each says its own answer: no one sentence pasted on all.
    expect(new Set(descriptions.filter((d) => !d.where.endsWith('/bibtex')).map((d) => d.description)).size).toBeGreaterThan(10)
  })

  it('counts the rate limit per client behind a trusted proxy, by X-Forwarded-For', async () => {
    const asked = (app: FastifyInstance, client: string) => app.inject({ url: '/api/v1/topics', remoteAddress: '10.0.0.2', headers: { 'x-forwarded-for': client } })
    const behindProxy = await buildServer({ store: temp.store, rateLimit: { max: 1, windowMs: 60_000 }, trustProxy: '10.0.0.2' })
    expect((await asked(behindProxy, '203.0.113.1')).statusCode).toBe(200)
    // Another reader through the same proxy has their own allowance; the first has spent theirs.
    expect((await asked(behindProxy, '203.0.113.7')).statusCode).toBe(200)
    expect((await asked(behindProxy, '203.0.113.1')).statusCode).toBe(429)
    await behindProxy.close()
    // Untrusted (the default), X-Forwarded-For is anyone's to write: the proxy's address is the client.
    const direct = await buildServer({ store: temp.store, rateLimit: { max: 1, windowMs: 60_000 } })
    expect((await asked(direct, '203.0.113.1')).statusCode).toBe(200)
    expect((await asked(direct, '203.0.113.7')).statusCode).toBe(429)
    await direct.close()
  })

  it('declares the headers a 429 carries on every operation, as the rate limit sends them', async () => {
    const limited = await buildServer({ store: temp.store, rateLimit: { max: 1, windowMs: 60_000 } })
    const first = await limited.inject('/api/v1/topics')
    expect(first.statusCode).toBe(200)
    expect(first.headers['x-ratelimit-remaining']).toBe('0')
    const res = await limited.inject('/api/v1/topics')
    expect(res.statusCode).toBe(429)
    const sent = Object.keys(res.headers).filter((h) => h === 'retry-after' || h.startsWith('x-ratelimit-'))
    expect(sent.sort()).toEqual(['retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'])
    for (const name of sent) expect(Number(res.headers[name]), name).toBeGreaterThanOrEqual(0)
    await limited.close()
    const doc = (await app.inject('/api/v1/openapi.json')).json() as { paths: Record<string, Record<string, { responses: Record<string, { headers?: Record<string, { schema: unknown; description?: string }> }> }>> }
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const headers = op.responses['429']?.headers ?? {}
        expect(Object.keys(headers).map((h) => h.toLowerCase()).sort(), `${method} ${path}`).toEqual(sent.sort())
        for (const header of Object.values(headers)) expect(header).toMatchObject({ schema: { type: 'integer' }, description: expect.any(String) })
        // A success carries them too (all but Retry-After), and says so.
        const ok = Object.keys(op.responses['200']?.headers ?? {}).map((h) => h.toLowerCase())
        expect(ok, `${method} ${path}`).toEqual(expect.arrayContaining(sent.filter((h) => h !== 'retry-after')))
      }
    }
  })

  it('serves the API docs UI at /docs with no inline scripts', async () => {
    const res = await app.inject('/docs/')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('text/html')
    expect(res.body).not.toMatch(/<script>(?!\s*<\/script>)/)
    expect(res.body).toMatch(/<script src="[^"]+"/)
    // A tab among the app's says whose API it documents, not "Swagger UI".
    expect(res.body).toMatch(/<title>Paperscope API<\/title>/)
  })

  it('sends a Content-Security-Policy that allows scripts only from the server itself', async () => {
    const res = await app.inject('/')
    const csp = String(res.headers['content-security-policy'])
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("object-src 'none'")
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/)
    expect(csp).not.toContain('upgrade-insecure-requests')
    expect(res.headers['x-content-type-options']).toBe('nosniff')
  })

  it('serves the web app for page URLs so deep links survive a reload, with 404 where nothing has the id', async () => {
    const paperId = (await temp.store.listPapers({ limit: 1 })).items[0]!.id
    for (const url of ['/', '/search?q=grokking', `/papers/${paperId}`, '/authors/alethea-power', '/topics/grokking', '/topics/GROKKING', '/topics', '/researchers', '/classify/']) {
      const res = await app.inject(url)
      expect(res.statusCode, url).toBe(200)
      expect(res.body, url).toContain('app shell')
      expect(res.headers['cache-control'], url).toBe('no-cache')
    }
    // The app shows its not-found page; the status says so too, for link checkers and crawlers.
    for (const url of ['/papers/p123', '/authors/nobody-here', '/topics/no-such-topic', '/no-such-page']) {
      const res = await app.inject(url)
      expect(res.statusCode, url).toBe(404)
      expect(res.body, url).toContain('app shell')
    }
    const asset = await app.inject('/assets/app.js')
    expect(asset.statusCode).toBe(200)
    expect(asset.headers['cache-control']).toContain('immutable')
  })

  it("serves the web app for its routes' ids that end like a file name: an arXiv id, initials, a dotted topic id", async () => {
    for (const url of ['/papers/2310.03789', '/papers/2310.03789v2', '/authors/X.Y.Han', '/authors/j.smith', '/topics/foo.bar', '/topics/foo.bar/', '/search?q=file.js']) {
      const res = await app.inject(url)
      // The app, not a missing file (nothing in this library has these ids, so the app's not-found page, as 404).
      expect(res.statusCode, url).toBe(url.startsWith('/search') ? 200 : 404)
      expect(res.body, url).toContain('app shell')
    }
    // A file name outside the app's routes, or deeper than its ids go, is still a missing file.
    for (const url of ['/robots.txt', '/index.php', '/papers/2310.03789/paper.pdf', '/assets/2310.03789']) {
      const res = await app.inject(url)
      expect(res.statusCode, url).toBe(404)
      expect(res.json(), url).toMatchObject({ error: { code: 'NOT_FOUND' } })
    }
  })

  it("serves a paper's page by its DOI, its slash written %2F or as it is, and says how to write one in an API path", async () => {
    for (const url of ['/papers/10.2139%2Fssrn.288970', '/papers/10.2139/ssrn.288970', '/papers/10.2139%2fSSRN.288970']) {
      const res = await app.inject(url)
      expect(res.statusCode, url).toBe(200)
      expect(res.body, url).toContain('app shell')
    }
    // No paper has it: the app's not-found page, as 404 (not a missing file's JSON).
    const missing = await app.inject('/papers/10.1000/nothing.here')
    expect(missing.statusCode).toBe(404)
    expect(missing.body).toContain('app shell')
    expect((await app.inject('/api/v1/papers/10.2139%2Fssrn.288970')).json()).toMatchObject({ title: 'A Paper Known by Its DOI' })
    // Every slash of a DOI that has several, and a sub-resource after it kept as its own segment.
    for (const [url, written] of [
      ['/api/v1/papers/10.1093/nar/gkaa1100', '/api/v1/papers/10.1093%2Fnar%2Fgkaa1100'],
      ['/api/v1/papers/10.1093/nar/gkaa1100/bibtex', '/api/v1/papers/10.1093%2Fnar%2Fgkaa1100/bibtex'],
    ] as const)
      expect((await app.inject(url)).json().error.message, url).toContain(`(${written})`)
    const pasted = await app.inject('/api/v1/papers/10.2139/ssrn.288970')
    expect(pasted.statusCode).toBe(404)
    expect(pasted.json()).toEqual({
      error: { code: 'NOT_FOUND', message: "no route GET /api/v1/papers/10.2139/ssrn.288970: a DOI's slash is written %2F in a path (/api/v1/papers/10.2139%2Fssrn.288970)" },
    })
  })

  it('answers missing files and unknown API routes with 404, never with the app', async () => {
    for (const url of ['/assets/missing.js', '/favicon.ico', '/api/v1/nothing', '/api/v2/papers']) {
      const res = await app.inject(url)
      expect(res.statusCode, url).toBe(404)
      expect(res.json(), url).toMatchObject({ error: { code: 'NOT_FOUND' } })
    }
  })

  it('answers a method an API path does not serve with 405 and Allow, not a "no route" 404', async () => {
    const get = await app.inject('/api/v1/classify')
    expect(get.statusCode).toBe(405)
    expect(get.headers.allow).toBe('POST')
    expect(get.json()).toEqual({ error: { code: 'METHOD_NOT_ALLOWED', message: 'GET is not served at /api/v1/classify; it takes POST' } })
    // Before the body is read: a text body is not a 415 about its type.
    const post = await app.inject({ method: 'POST', url: '/api/v1/papers', payload: 'x', headers: { 'content-type': 'text/plain' } })
    expect(post.statusCode).toBe(405)
    expect(post.headers.allow).toBe('GET, HEAD')
    const del = await app.inject({ method: 'DELETE', url: '/api/v1/papers/anything' })
    expect(del.statusCode).toBe(405)
    expect(del.json()).toMatchObject({ error: { code: 'METHOD_NOT_ALLOWED' } })
    expect((await app.inject({ method: 'PUT', url: '/api/v1/similar' })).headers.allow).toBe('GET, HEAD, POST')
    const options = await app.inject({ method: 'OPTIONS', url: '/api/v1/similar' })
    expect(options.statusCode).toBe(204)
    expect(options.headers.allow).toBe('GET, HEAD, POST')
    // A path no method serves is still a 404.
    expect((await app.inject({ method: 'DELETE', url: '/api/v1/nothing' })).statusCode).toBe(404)
    // Not listed in the OpenAPI document as operations.
    const doc = (await app.inject('/api/v1/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> }
    expect(Object.keys(doc.paths['/api/v1/classify']!)).toEqual(['post'])
  })

  it('reads numbers from a query string, and takes the types of a JSON body as they are', async () => {
    expect((await app.inject('/api/v1/papers?page=1')).statusCode).toBe(200)
    expect((await app.inject('/api/v1/papers?page=x')).json()).toMatchObject({ error: { field: 'page' } })
    const post = (url: string, body: unknown) => app.inject({ method: 'POST', url, payload: body as object, headers: { 'content-type': 'application/json' } })
    // `{"text": 5}` is no text: it was read as "5" while one validator coerced every part of a request.
    const number = await post('/api/v1/classify', { text: 5 })
    expect(number.statusCode).toBe(400)
    expect(number.json()).toEqual({ error: { code: 'INVALID_ARGUMENT', message: 'parameter "text" must be string', field: 'text', issue: { kind: 'not_string' } } })
    const quotedK = await post('/api/v1/similar', { text: 'grokking', k: '3' })
    expect(quotedK.statusCode).toBe(400)
    expect(quotedK.json()).toMatchObject({ error: { field: 'k' } })
    expect((await post('/api/v1/similar', { text: ['grokking'] })).json()).toMatchObject({ error: { field: 'text' } })
    // JSON sent as text/plain is refused as such, not read as a string and called "not a JSON object".
    const plain = await app.inject({ method: 'POST', url: '/api/v1/classify', payload: '{"text":"grokking"}', headers: { 'content-type': 'text/plain' } })
    expect(plain.statusCode).toBe(415)
    expect(plain.json()).toEqual({
      error: { code: 'UNKNOWN_FORMAT', message: 'send the request body as JSON, with the header Content-Type: application/json', issue: { kind: 'wrong_content_type', value: 'text/plain', known: ['application/json'] } },
    })
    // A body with no Content-Type at all: the same fault, nothing given to repeat.
    const untyped = await app.inject({ method: 'POST', url: '/api/v1/classify', payload: Buffer.from('{"text":"grokking"}') })
    expect([untyped.statusCode, (untyped.json() as ErrorBody).error.issue]).toEqual([415, { kind: 'wrong_content_type', known: ['application/json'] }])
    // No body at all, or JSON that is no object: the body as a whole is at fault, no parameter named.
    for (const payload of [undefined, '[1]', '"grokking"']) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/classify', ...(payload === undefined ? {} : { payload, headers: { 'content-type': 'application/json' } }) })
      expect([res.statusCode, res.json()], payload).toEqual([400, { error: { code: 'INVALID_ARGUMENT', message: 'the request body must be a JSON object', issue: { kind: 'not_object' } } }])
    }
    // Fewer bytes than the Content-Length promised: Fastify's own 400, its fault as data too.
    const short = await app.inject({ method: 'POST', url: '/api/v1/classify', payload: '{"text":"grokking"}', headers: { 'content-type': 'application/json', 'content-length': '3' } })
    expect([short.statusCode, (short.json() as ErrorBody).error]).toEqual([400, { code: 'INVALID_ARGUMENT', message: 'Request body size did not match Content-Length', issue: { kind: 'length_mismatch' } }])
  })

  it('describes every parameter and every field of every answer and body in the OpenAPI document', async () => {
    type Schema = { description?: string; properties?: Record<string, Schema>; items?: Schema; anyOf?: Schema[]; $ref?: string }
    type Operation = { parameters?: Array<{ name: string; description?: string }>; requestBody?: { content: Record<string, { schema: Schema }> }; responses: Record<string, { content?: Record<string, { schema: Schema }> }> }
    const doc = (await app.inject('/api/v1/openapi.json')).json() as { paths: Record<string, Record<string, Operation>> }
    const missing: string[] = []
    const walk = (schema: Schema | undefined, where: string): void => {
      if (!schema) return
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        if (!property.description) missing.push(`${where}.${name}`)
        walk(property, `${where}.${name}`)
      }
      walk(schema.items, `${where}[]`)
      for (const option of schema.anyOf ?? []) walk(option, where)
    }
    let fields = 0
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        for (const parameter of op.parameters ?? []) if (!parameter.description) missing.push(`${method} ${path} ?${parameter.name}`)
        for (const { schema } of Object.values(op.requestBody?.content ?? {})) walk(schema, `${method} ${path} body`)
        for (const [status, response] of Object.entries(op.responses)) for (const { schema } of Object.values(response.content ?? {})) walk(schema, `${method} ${path} ${status}`)
        fields += JSON.stringify(op).split('"properties"').length
      }
    }
    expect(fields).toBeGreaterThan(100)
    expect(missing).toEqual([])
  })

  it("documents a 400's issue in the OpenAPI document: every kind it can be, each said in the description", async () => {
    type Schema = { description?: string; enum?: string[]; properties?: Record<string, Schema> }
    const doc = (await app.inject('/api/v1/openapi.json')).json() as { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>> }
    const error = doc.paths['/api/v1/search']!.get!.responses['400']!.content!['application/json']!.schema.properties!.error!
    const kind = error.properties!.issue!.properties!.kind!
    expect(kind.enum).toEqual([...ERROR_ISSUE_KINDS])
    for (const k of ERROR_ISSUE_KINDS) expect(kind.description, k).toContain(`${k}:`)
  })

  it("is listed in README's API table: every operation, with every query parameter it takes", async () => {
    type Operation = { parameters?: Array<{ name: string; in: string }> }
    const doc = (await app.inject('/api/v1/openapi.json')).json() as { paths: Record<string, Record<string, Operation>> }
    const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8')
    const table = readme.slice(readme.indexOf('## JSON API'), readme.indexOf('\n## ', readme.indexOf('## JSON API') + 1))
    const rows = table.split('\n').filter((line) => line.startsWith('| `'))
    const missing: string[] = []
    for (const [path, methods] of Object.entries(doc.paths)) {
      const route = path.replace('/api/v1', '').replace(/\{(\w+)\}/g, ':$1')
      for (const [method, op] of Object.entries(methods)) {
        const row = rows.find((r) => r.includes(`${method.toUpperCase()} ${route}?`) || r.includes(`${method.toUpperCase()} ${route}\``) || r.includes(`${method.toUpperCase()} ${route} `))
        if (!row) {
          missing.push(`${method} ${route}`)
          continue
        }
        const declared = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name)
        // download= is said once for the BibTeX routes; limit on /authors is page_size's older name.
        for (const name of declared) if (!row.includes(`${name}=`) && !row.includes(`\`${name}\``)) missing.push(`${method} ${route} ?${name}`)
      }
    }
    expect(missing).toEqual([])
  })

  it('says what is wrong with a body that is not JSON, and refuses a prototype key by name rather than calling it not JSON', async () => {
    const send = (payload: string) => app.inject({ method: 'POST', url: '/api/v1/classify', payload, headers: { 'content-type': 'application/json; charset=utf-8' } })
    // Where it breaks, in the parser's words: "Body is not valid JSON" had said nothing of where.
    const broken = (await send('{"text": "x" "title": "y"}')).json() as ErrorBody
    expect(broken.error.code).toBe('INVALID_ARGUMENT')
    expect(broken.error.message).toMatch(/^the request body is not valid JSON: .*position 13/)
    expect(broken.error.issue).toEqual({ kind: 'not_json', position: 13 })
    // Cut short: it breaks where it ends.
    expect(((await send('{"text": "x')).json() as ErrorBody).error.issue).toEqual({ kind: 'not_json', position: 11 })
    expect(((await send('{bad')).json() as ErrorBody).error.issue).toEqual({ kind: 'not_json', position: 1 })
    for (const empty of ['', '  \n']) {
      expect((await send(empty)).json()).toEqual({ error: { code: 'INVALID_ARGUMENT', message: 'the request body is empty; send a JSON object, e.g. {"text": "…"}', issue: { kind: 'body_empty' } } })
    }
    // Valid JSON, refused for what it holds, and said so (it had been "Body is not valid JSON").
    const proto = await send('{"text": "grokking", "__proto__": {"admin": true}}')
    expect(proto.statusCode).toBe(400)
    expect(proto.json()).toEqual({
      error: { code: 'INVALID_ARGUMENT', message: 'the request body holds the key "__proto__", which is refused (it could reach an object\'s prototype)', issue: { kind: 'refused_key', value: '__proto__' } },
    })
    const ctor = ((await send('{"text": "grokking", "constructor": {"prototype": {}}}')).json() as ErrorBody).error
    expect([ctor.message, ctor.issue]).toEqual([expect.stringContaining('"constructor"'), { kind: 'refused_key', value: 'constructor' }])
  })

  it('refuses a JSON body field an operation does not declare with 400 naming it, as it refuses a query parameter', async () => {
    type Body = { content: Record<string, { schema: { properties: Record<string, unknown>; additionalProperties?: boolean } }> }
    const doc = (await app.inject('/api/v1/openapi.json')).json() as { paths: Record<string, Record<string, { requestBody?: Body }>> }
    const withBody = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).flatMap(([method, op]) => (op.requestBody ? [{ path, method, op }] : [])))
    expect(withBody.map((o) => o.path)).toEqual(expect.arrayContaining(API_POST_ROUTES))
    for (const { path, method, op } of withBody) {
      const schema = op.requestBody!.content['application/json']!.schema
      expect(schema.additionalProperties, path).toBe(false)
      const send = (payload: object) => app.inject({ method: method.toUpperCase() as 'POST', url: path, payload })
      // `limit` for `k`: it had been dropped, and the answer came with the default number of papers.
      const unknown = await send({ text: 'grokking in transformers', limit: 5 })
      expect(unknown.statusCode, path).toBe(400)
      expect(unknown.json(), path).toEqual({
        error: {
          code: 'INVALID_ARGUMENT',
          message: `unknown field "limit" in the JSON body; the body takes: ${Object.keys(schema.properties).join(', ')}`,
          field: 'limit',
          issue: { kind: 'unknown_parameter', value: 'limit', known: Object.keys(schema.properties) },
        },
      })
      // A misspelt field is named with the one meant, before "text is required".
      const misspelt = await send({ txet: 'grokking' })
      expect(misspelt.json(), path).toMatchObject({ error: { field: 'txet', message: expect.stringContaining('did you mean "text"?'), issue: { kind: 'unknown_parameter', other: 'text' } } })
    }
  })

  it('takes the query parameters each API operation declares, and refuses any other with 400 naming it', async () => {
    type Parameter = { name: string; in: string; required?: boolean; schema: { type?: string; enum?: unknown[]; minimum?: number } }
    const doc = (await app.inject('/api/v1/openapi.json')).json() as { paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: unknown }>> }
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })))
    expect(operations.length).toBeGreaterThanOrEqual(API_ROUTES.length + API_POST_ROUTES.length)
    // A value each declared parameter takes, from its schema: what a careful client would send.
    const sample = (p: Parameter): string =>
      p.schema.enum ? String(p.schema.enum[0]) : p.schema.type === 'boolean' ? 'true' : p.schema.type === 'integer' || p.schema.type === 'number' ? String(p.schema.minimum ?? 1) : 'grokking'
    for (const { path, method, op } of operations) {
      const declared = (op.parameters ?? []).filter((p) => p.in === 'query')
      const url = path.replace(/\{id\}/g, 'x')
      const send = (query: URLSearchParams) =>
        app.inject({ method: method.toUpperCase() as 'GET' | 'POST', url: `${url}?${query}`, ...(op.requestBody ? { payload: { text: 'grokking' } } : {}) })
      const every = new URLSearchParams(declared.map((p) => [p.name, sample(p)]))
      const accepted = await send(every)
      expect(accepted.statusCode === 400 ? (accepted.json() as ErrorBody).error.message : '', `${method} ${path}?${every}`).not.toMatch(/unknown query parameter/)
      const res = await send(new URLSearchParams([...declared.filter((p) => p.required).map((p): [string, string] => [p.name, sample(p)]), ['no_such_parameter', '1']]))
      expect(res.statusCode, `${method} ${path}`).toBe(400)
      const takes = declared.length > 0 ? `this route takes: ${declared.map((p) => p.name).join(', ')}` : 'this route takes no query parameters'
      expect(res.json(), `${method} ${path}`).toEqual({
        error: {
          code: 'INVALID_ARGUMENT',
          field: 'no_such_parameter',
          message: `unknown query parameter "no_such_parameter"; ${takes}`,
          issue: { kind: 'unknown_parameter', value: 'no_such_parameter', known: declared.map((p) => p.name) },
        },
      })
    }
  })

  it('names an unknown query parameter, the one meant when the name is close, and those the route takes', async () => {
    const error = async (url: string, payload?: object) => {
      const res = await app.inject({ method: payload ? 'POST' : 'GET', url, ...(payload ? { payload } : {}) })
      expect(res.statusCode, url).toBe(400)
      return (res.json() as ErrorBody).error
    }
    expect(await error('/api/v1/papers?pageSize=5')).toEqual({
      code: 'INVALID_ARGUMENT',
      field: 'pageSize',
      message: 'unknown query parameter "pageSize"; did you mean "page_size"? This route takes: sort, topic, year, source, keyword, page, page_size',
      issue: { kind: 'unknown_parameter', value: 'pageSize', known: ['sort', 'topic', 'year', 'source', 'keyword', 'page', 'page_size'], other: 'page_size' },
    })
    for (const [url, meant] of [
      ['/api/v1/papers?PAGE=2', 'page'],
      ['/api/v1/search?q=grokking&year-from=2020', 'year_from'],
      ['/api/v1/search?q=grokking&yaer_to=2020', 'year_to'],
      ['/api/v1/papers?topci=grokking', 'topic'],
      // A misspelt required parameter is named as what it is, not as the one missing.
      ['/api/v1/authors?Q=power', 'q'],
    ] as const) {
      const refused = await error(url)
      expect(refused.message, url).toContain(`did you mean "${meant}"?`)
      expect(refused.issue?.other, url).toBe(meant)
    }
    // Far from every name the route takes, or as near to two of them: no guess, only the list.
    expect((await error('/api/v1/search?q=grokking&year=2022')).message).toBe(
      'unknown query parameter "year"; this route takes: q, prefix, topic, year_from, year_to, author, source, category, page, page_size',
    )
    expect((await error('/api/v1/papers?limit=5')).message).not.toContain('did you mean')
    expect((await error('/api/v1/papers?limit=5')).issue).not.toHaveProperty('other')
    // A stray `=` is a parameter without a name: refused too, with nothing to name as the field.
    expect(await error('/api/v1/papers?sort=recent&=')).toEqual({
      code: 'INVALID_ARGUMENT',
      message: 'a query parameter has no name (an "=" with nothing before it); this route takes: sort, topic, year, source, keyword, page, page_size',
      issue: { kind: 'unknown_parameter', known: ['sort', 'topic', 'year', 'source', 'keyword', 'page', 'page_size'] },
    })
    expect(await error('/api/v1/topics?page=2')).toEqual({
      code: 'INVALID_ARGUMENT',
      field: 'page',
      message: 'unknown query parameter "page"; this route takes no query parameters',
      issue: { kind: 'unknown_parameter', value: 'page', known: [] },
    })
    // A parameter of the JSON body sent in the URL is said to belong there.
    expect(await error('/api/v1/similar?k=3', { text: 'grokking' })).toEqual({
      code: 'INVALID_ARGUMENT',
      field: 'k',
      message: 'unknown query parameter "k"; send "k" in the JSON body (this route takes no query parameters)',
      issue: { kind: 'unknown_parameter', value: 'k', known: [] },
    })
  })

  it('says a query parameter given twice is given twice (it was "must be string")', async () => {
    for (const [url, field, times] of [
      ['/api/v1/search?q=grokking&q=collapse', 'q', 2],
      ['/api/v1/papers?page=1&page=2&page=3', 'page', 3],
    ] as const) {
      const res = await app.inject(url)
      expect(res.statusCode, url).toBe(400)
      expect((res.json() as ErrorBody).error).toEqual({ code: 'INVALID_ARGUMENT', field, message: `parameter "${field}" is given ${times} times; give it once`, issue: { kind: 'repeated', count: times } })
    }
  })

  it('takes every query the web app sends (web/src/api.ts, as its pages call it)', async () => {
    const paperId = (await temp.store.listPapers({ limit: 1 })).items[0]!.id
    const filters = { topic: 'grokking', year_from: '2020', year_to: '2023', source: 'test', category: 'cs.LG', author: 'alethea-power' }
    const urls = [
      paths.papers({ sort: 'recent', topic: 'grokking', source: 'test', page: 1 }),
      paths.search({ q: 'grokking', prefix: false, page: 1, ...filters }),
      paths.authors({ q: 'power', limit: 5 }),
      paths.searchBibtex({ q: 'grokking', prefix: true, ...filters, limit: 500, download: true }),
      `${paths.bibtex(paperId)}?download=true`,
      `${paths.authorBibtex('alethea-power')}?download=true`,
      `${paths.topicBibtex('grokking')}?download=true`,
    ]
    for (const url of urls) expect((await app.inject(`/api/v1${url}`)).statusCode, url).toBe(200)
  })

  it('takes a topic by id or by label, and names an unknown one', async () => {
    const byId = (await app.inject('/api/v1/papers?topic=grokking')).json() as { total: number }
    expect(byId.total).toBe(1)
    expect(((await app.inject('/api/v1/papers?topic=Grokking')).json() as { total: number }).total).toBe(1)
    expect(((await app.inject('/api/v1/search?q=grokking&topic=GROKKING')).json() as { total: number }).total).toBe(1)
    const unknown = await app.inject('/api/v1/papers?topic=Neural%20Collapse')
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json()).toMatchObject({ error: { code: 'INVALID_ARGUMENT', field: 'topic', message: expect.stringContaining('no topic "Neural Collapse"') } })
    const source = await app.inject('/api/v1/papers?source=arxive')
    expect(source.statusCode).toBe(400)
    expect(source.json()).toMatchObject({ error: { field: 'source', message: expect.stringContaining('no source "arxive"') } })
  })

  it('says the library is not analysed yet, rather than that something broke', async () => {
    for (const res of [await app.inject({ method: 'POST', url: '/api/v1/classify', payload: { text: 'grokking in transformers' } }), await app.inject('/api/v1/similar?text=grokking')]) {
      expect(res.statusCode).toBe(503)
      expect(res.json()).toEqual({ error: { code: 'NOT_ANALYSED', message: 'the library has not been analysed yet; run `paperscope analyze`' } })
    }
  })

  it('answers a path it cannot decode with the API error body', async () => {
    for (const url of ['/api/v1/papers/%E0%A4%A', '/api/v1/authors/%ZZ']) {
      const res = await app.inject(url)
      expect(res.statusCode).toBe(400)
      expect(res.json()).toEqual({ error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining('percent-encoding'), issue: { kind: 'bad_percent_encoding' } } })
      // Made before helmet's hooks run, it still carries the headers helmet gives every answer.
      expect([res.headers['x-content-type-options'], res.headers['content-security-policy']]).toEqual(['nosniff', "default-src 'none'; frame-ancestors 'none'"])
    }
    // A page of the web app gets words, not the API's JSON.
    const page = await app.inject('/papers/%ZZ')
    expect(page.statusCode).toBe(400)
    expect(page.headers['content-type']).toContain('text/plain')
    expect(page.body).toContain('percent-encoding')
    // A path segment past the router's longest is said as such (it had been called a bad percent-encoding), same
    // status. Without the web app's files: with them, their catch-all route takes the path first.
    const bare = await buildServer({ store: temp.store, webRoot: null })
    const long = await bare.inject(`/api/v1/papers/${'a'.repeat(MAX_PARAM_LENGTH + 1)}`)
    expect([long.statusCode, long.json()]).toEqual([
      400,
      { error: { code: 'INVALID_ARGUMENT', message: 'a part of the URL path is over 4,096 characters; no id is that long', issue: { kind: 'too_long', limit: MAX_PARAM_LENGTH } } },
    ])
    await bare.close()
  })

  it('explains how to build the web app when it is not built', async () => {
    const bare = await buildServer({ store: temp.store, webRoot: null })
    const res = await bare.inject('/')
    expect(res.statusCode).toBe(503)
    expect(res.body).toContain('npm run build')
    expect((await bare.inject('/api/v1/topics')).statusCode).toBe(200)
    await bare.close()
  })

  it('rate-limits /api per client with a JSON 429, and leaves pages and /healthz alone', async () => {
    const limited = await buildServer({ store: temp.store, rateLimit: { max: 3, windowMs: 60_000 } })
    const codes: number[] = []
    for (let i = 0; i < 4; i++) codes.push((await limited.inject('/api/v1/topics')).statusCode)
    expect(codes).toEqual([200, 200, 200, 429])
    const res = await limited.inject('/api/v1/topics')
    expect(res.json()).toMatchObject({ error: { code: 'RATE_LIMITED', message: expect.stringMatching(/^too many requests: 3 per minute; try again in \d+ (seconds?|minutes?)$/) } })
    expect(res.headers['retry-after']).toBeDefined()
    expect((await limited.inject('/healthz')).statusCode).toBe(200)
    // The API spelled with percent-encoding is the API: limited too, and its unknown routes answer JSON.
    expect((await limited.inject('/%61pi/v1/topics')).statusCode).toBe(429)
    await limited.close()
    expect((await app.inject('/%61pi/v1/nothing')).json()).toMatchObject({ error: { code: 'NOT_FOUND' } })
  })

  it('takes a text of the longest allowed length however the JSON escapes it, and an over-long id is named', async () => {
    // 19,000 Cyrillic letters as json.dumps writes them by default: 6 bytes each.
    const text = 'Ж'.repeat(19_000)
    const escaped = `{"text": "${'\\u0416'.repeat(19_000)}"}`
    expect(escaped.length).toBeGreaterThan(64 * 1024)
    const res = await app.inject({ method: 'POST', url: '/api/v1/classify', headers: { 'content-type': 'application/json' }, payload: escaped })
    expect(res.statusCode).not.toBe(413)
    expect(JSON.parse(escaped).text).toBe(text)
    // Past the limit, the answer says what the limit is.
    const over = await app.inject({ method: 'POST', url: '/api/v1/classify', headers: { 'content-type': 'application/json' }, payload: `{"text": "${'x'.repeat(300 * 1024)}"}` })
    expect([over.statusCode, over.json()]).toEqual([
      413,
      { error: { code: 'PAYLOAD_TOO_LARGE', message: 'the request body is over 256 KiB; a text may have up to 20,000 characters', issue: { kind: 'body_too_large', limit: BODY_LIMIT } } },
    ])
    const long = await app.inject(`/api/v1/papers/${'a'.repeat(600)}`)
    expect([long.statusCode, long.json()]).toMatchObject([400, { error: { field: 'id' } }])
  })

  it('never shows a file path or a stack trace when something breaks', async () => {
    const broken = new Proxy(temp.store, {
      get(target, prop, receiver) {
        if (prop === 'listTopics') {
          return async () => {
            throw new Error('SQLITE_CORRUPT: database disk image is malformed at /var/lib/paperscope/secret.db')
          }
        }
        return Reflect.get(target, prop, receiver) as unknown
      },
    }) as PaperStore
    const server = await buildServer({ store: broken })
    const res = await server.inject('/api/v1/topics')
    expect(res.statusCode).toBe(500)
    expect(res.json()).toEqual({ error: { code: 'INTERNAL', message: 'something went wrong on the server; it has been logged' } })
    expect(res.body).not.toContain('/var/lib')
    expect(res.body).not.toMatch(/\bat \w/)
    await server.close()
  })
})

describe('a person joined into another', () => {
  it('is found by the id they had, in the API and as a page, under the id of the person they became', async () => {
    const temp = await createTempStore()
    const webRoot = mkdtempSync(join(tmpdir(), 'paperscope-web-'))
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>app shell</title>')
    const bib = (key: string, title: string, authors: string[]) => buildRecord({ source: 'bibtex', key, title, authors })
    // Two spellings, two people, until a paper with a co-author in common joins them.
    await importRecords(temp.store, [bib('b', 'Dropout for feature detectors', ['Geoffrey E. Hinton', 'Ilya Sutskever']), bib('a', 'Deep belief nets for digits', ['Geoffrey Hinton', 'Alex Krizhevsky'])])
    const before = (await temp.store.findAuthors('Hinton', 5)).map((a) => a.id)
    await importRecords(temp.store, [bib('c', 'ImageNet classification', ['Alex Krizhevsky', 'Ilya Sutskever', 'Geoffrey E. Hinton'])])
    const person = (await temp.store.findAuthors('Hinton', 5))[0]!
    const gone = before.find((id) => id !== person.id)!
    const app = await buildServer({ store: temp.store, webRoot, version: '1.2.3' })
    try {
      const res = await app.inject(`/api/v1/authors/${gone}`)
      expect(res.statusCode).toBe(200)
      expect(res.json()).toMatchObject({ id: person.id, paperCount: 3 })
      expect((await app.inject(`/authors/${gone}`)).statusCode).toBe(200)
      expect((await app.inject('/authors/nobody-at-all')).statusCode).toBe(404)
      // Their BibTeX too, as a merged paper's old id leads to its BibTeX: it had been a 404.
      const bibtex = await app.inject(`/api/v1/authors/${gone}/bibtex`)
      expect(bibtex.statusCode).toBe(200)
      expect(bibtex.body).toBe((await app.inject(`/api/v1/authors/${person.id}/bibtex`)).body)
      expect(bibtex.headers['x-paperscope-total']).toBe('3')
    } finally {
      await app.close()
      await temp.cleanup()
      rmSync(webRoot, { recursive: true, force: true })
    }
  })
})
