import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { request } from 'node:http'
import { createAnalysisReader } from '../../commands/index.js'
import { createCorpusLibrary, type TestLibrary } from '../../../test/e2e/support/library.js'
import { createTempStore, type TempStore } from '../../../test/support/temp-store.js'
import { buildServer } from '../app.js'
import type { SimilarResult } from './similar.schema.js'

/** A GET over a real socket: Node's 16 KB limit on a request head applies only there, not to `inject`. */
function httpGet(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('/similar over GET and POST', () => {
  let temp: TempStore
  let app: FastifyInstance
  let port: number

  beforeAll(async () => {
    temp = await createTempStore()
    app = await buildServer({ store: temp.store, rateLimit: false })
    await app.listen({ host: '127.0.0.1', port: 0 })
    port = (app.server.address() as { port: number }).port
  })
  afterAll(async () => {
    await app.close()
    await temp.cleanup()
  })

  it('takes about 13,000 ASCII characters over GET, refuses a longer URL with 431, and says so beside `text`', async () => {
    // Not analysed: 503 is the route's answer, so the request reached it.
    expect((await httpGet(port, `/api/v1/similar?text=${'a'.repeat(13_000)}`)).status).toBe(503)
    const over = await httpGet(port, `/api/v1/similar?text=${'a'.repeat(17_000)}`)
    expect(over.status).toBe(431)
    expect(JSON.parse(over.body)).toMatchObject({ error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining('POST /api/v1/similar') } })
    // The schema still allows 20,000: a POST body carries them.
    const post = await app.inject({ method: 'POST', url: '/api/v1/similar', payload: { text: 'a '.repeat(9_999) } })
    expect(post.statusCode).toBe(503)

    type Op = { parameters?: Array<{ name: string; description?: string; schema: { maxLength?: number } }>; requestBody?: unknown; responses: Record<string, { description: string }> }
    const doc = (await app.inject('/api/v1/openapi.json')).json() as { paths: Record<string, { get: Op; post: Op }> }
    const text = doc.paths['/api/v1/similar']!.get.parameters!.find((p) => p.name === 'text')!
    expect(text.schema.maxLength).toBe(20_000)
    expect(text.description).toContain('16 KB')
    expect(text.description).toContain('about 13,000 ASCII characters')
    expect(text.description).toContain('POST /similar')
    expect(doc.paths['/api/v1/similar']!.get.responses['431']!.description).toContain('over 16 KB')
    // POST reads the text from a body, so its `text` is not limited by the URL (and not described as if it were).
    expect(doc.paths['/api/v1/similar']!.post.requestBody).toBeDefined()
    expect(JSON.stringify(doc.paths['/api/v1/similar']!.post.requestBody)).not.toContain('13,000')
  })
})

describe('/similar on the analysed corpus', () => {
  let lib: TestLibrary
  let app: FastifyInstance

  beforeAll(async () => {
    lib = await createCorpusLibrary({ hostile: false, analyze: true })
    // The two lookups src/compose-server.ts gives the route, read from the stored analysis.
    const reader = createAnalysisReader(lib.store)
    app = await buildServer({
      store: lib.store,
      rateLimit: false,
      analysis: {
        similarToText: async (input, limit) => (await reader.similarToText(input, limit))?.map((r) => ({ paperId: r.paperId, score: r.score, why: r.why.map((w) => w.label) })) ?? null,
        comparedByWording: (input) => reader.comparedByWording(input),
      },
    })
  }, 60_000)
  afterAll(async () => {
    await app.close()
    await lib.cleanup()
  })

  it('says why a text got fewer papers than asked for, and says nothing when it got them all', async () => {
    const similar = async (text: string, k = 10) => (await app.inject({ method: 'POST', url: '/api/v1/similar', payload: { text, k } })).json() as SimilarResult
    // Too short to tell its topic: compared by wording alone, and one paper shares two terms with it.
    const short = await similar('grokking transformers')
    expect(short.similar).toHaveLength(1)
    expect(short.note).toBe("Compared by wording alone, as the text is too short to tell its topic (too few content words the library's papers use): only 1 library paper shares two or more listed terms with it.")
    // No content word at all is too short too, before it is off topic (56955f1); an empty list had said nothing
    // but the general howComputed.
    const greeting = await similar('hello there')
    expect(greeting.similar).toEqual([])
    expect(greeting.note).toBe("Compared by wording alone, as the text is too short to tell its topic (too few content words the library's papers use): no library paper shares two or more listed terms with it.")
    // Off topic: words enough, none near any topic.
    const recipe = await similar('Whisk the eggs with sugar and melted butter, fold in the flour, then bake the sponge cake in a warm oven until golden.')
    expect(recipe.similar).toEqual([])
    expect(recipe.note).toBe('Compared by wording alone, as the text is further from every topic of the library than any curated paper: no library paper shares two or more listed terms with it.')
    const onTopic = await similar('Grokking: networks trained on modular arithmetic generalize long after they overfit the training data, a delayed generalization.', 5)
    expect(onTopic.similar).toHaveLength(5)
    expect(onTopic.note).toBeNull()
  })

  it('takes a title alone, as POST /classify does, and refuses neither a title nor a text naming text', async () => {
    const title = 'Prevalence of neural collapse during the terminal phase of deep learning training'
    const post = (payload: object) => app.inject({ method: 'POST', url: '/api/v1/similar', payload })
    const alone = await post({ title, k: 5 })
    expect(alone.statusCode).toBe(200)
    const body = alone.json() as SimilarResult
    expect(body.similar).toHaveLength(5)
    // The papers a title names: the corpus's neural collapse papers, read as a paper known by its title is.
    expect(body.similar.filter((s) => /collapse/i.test(s.paper.title)).length).toBeGreaterThanOrEqual(3)
    expect((await app.inject(`/api/v1/similar?k=5&title=${encodeURIComponent(title)}`)).json()).toEqual(body)
    for (const payload of [{ title: '  ' }, {}]) {
      const refused = await post(payload)
      expect(refused.statusCode).toBe(400)
      expect(refused.json()).toEqual({ error: { code: 'INVALID_ARGUMENT', field: 'text', message: 'parameter "text" is required unless a title is given', issue: { kind: 'required' } } })
    }
  })
})
