/** The API on the analysed corpus library, with the analysis results the server composes: why a paper or a text is unsorted. */
import Database from 'better-sqlite3'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSourceRecord } from './core/index.js'
import { analyzeLibrary, analyzeNewPapers, findAuthor, importRecords } from './commands/index.js'
import { composeServer, createAnalysis, serverSettings } from './compose-server.js'
import { createCorpusLibrary, OFF_TOPIC_TITLE, type TestLibrary } from '../test/e2e/support/library.js'
import type { PaperDetail } from './server/schemas.js'
import type { ClassifyResult } from './server/routes/classify.schema.js'
import { bareTitleLibrary } from '../test/support/bare-titles.js'
import { createTempStore } from '../test/support/temp-store.js'

const COORDINATE = { title: 'Coordinate Descent for Sparse Regression', text: 'We analyse coordinate descent for lasso regression and prove linear convergence.' }
const OFF_TOPIC_NOTE = 'Unsorted: the text is further from every topic of this library than any curated paper is, so it gets no topic, and a key word is suggested only where papers worded like it list it, not from similar papers or topics.'
/** The one-word sentence, its percentage and closer topic left open. */
const ONE_WORD_NOTE = /^Unsorted: the best topic, Deep Double Descent \(\d{2}%\), rests on one word \(“regression”\); without it the text is closer to [A-Z][^.]+\.$/

describe('why a paper or a text is unsorted, as the API serves it', () => {
  let lib: TestLibrary
  let app: FastifyInstance
  const ids = { offTopic: '', coordinate: '' }

  beforeAll(async () => {
    lib = await createCorpusLibrary({ offTopic: true })
    await importRecords(lib.store, [
      createSourceRecord({ source: 'test', fetchedAt: '2026-01-02T00:00:00.000Z', key: 'coordinate', locator: 'test:coordinate', title: COORDINATE.title, abstract: COORDINATE.text, authors: ['Ada Lasso'], date: '2024-05' }),
    ])
    await analyzeLibrary(lib.store, { now: () => new Date('2026-01-02T00:00:00.000Z') })
    app = await composeServer(lib.store, { webRoot: null, rateLimit: false })
    const idOf = async (title: string): Promise<string> => (await lib.store.searchPapers({ text: `"${title}"`, limit: 1 })).items[0]!.paper.id
    ids.offTopic = await idOf(OFF_TOPIC_TITLE)
    ids.coordinate = await idOf(COORDINATE.title)
  }, 120_000)
  afterAll(async () => {
    await app.close()
    await lib.cleanup()
  })

  const paper = async (id: string): Promise<PaperDetail['topicPrediction']> => ((await app.inject(`/api/v1/papers/${id}`)).json() as PaperDetail).topicPrediction
  const classify = async (body: { title?: string; text?: string; year?: number | null }): Promise<ClassifyResult> => (await app.inject({ method: 'POST', url: '/api/v1/classify', payload: body })).json() as ClassifyResult

  it("serves a stored paper's reason and the sentence that says it: off topic, or one word deciding its best topic", async () => {
    expect(await paper(ids.offTopic)).toMatchObject({ status: 'unsorted', unsortedBecause: 'off-topic', unsortedNote: OFF_TOPIC_NOTE })
    const coordinate = await paper(ids.coordinate)
    expect(coordinate).toMatchObject({ status: 'unsorted', unsortedBecause: 'one-word' })
    expect(coordinate!.candidates[0]!.label).toBe('Deep Double Descent')
    expect(coordinate!.unsortedNote).toMatch(ONE_WORD_NOTE)
    expect(coordinate!.unsortedNote).toContain(`(${Math.round(coordinate!.candidates[0]!.confidence * 100)}%)`)
    // A paper with a topic has no reason to give.
    const sorted = (await lib.store.searchPapers({ text: '"Perturbation Analysis of Neural Collapse"', limit: 1 })).items[0]!.paper.id
    expect(await paper(sorted)).toMatchObject({ unsortedBecause: null, unsortedNote: null })
  })

  it('reads the same reason from a paper analysed before the reason was kept', async () => {
    const before = { offTopic: await paper(ids.offTopic), coordinate: await paper(ids.coordinate) }
    const db = new Database(lib.path)
    try {
      expect(db.prepare('UPDATE paper_analysis SET topic_unsorted = NULL WHERE topic_unsorted IS NOT NULL').run().changes).toBeGreaterThan(2)
    } finally {
      db.close()
    }
    expect(await paper(ids.offTopic)).toEqual(before.offTopic)
    expect(await paper(ids.coordinate)).toEqual(before.coordinate)
  })

  it('serves the reason and the sentence for a text never seen, too short to tell included', async () => {
    const coordinate = await classify(COORDINATE)
    expect(coordinate).toMatchObject({ topics: [], unsorted: true, offTopic: false, unsortedBecause: 'one-word' })
    expect(coordinate.unsortedNote).toMatch(ONE_WORD_NOTE)
    expect(await classify({ text: 'Keep a rye sourdough starter in a cold kitchen, feed it flour and water daily, and let the dough rise overnight before baking the bread.' })).toMatchObject({
      unsorted: true,
      offTopic: true,
      unsortedBecause: 'off-topic',
      unsortedNote: OFF_TOPIC_NOTE,
    })
    expect(await classify({ text: 'grokking' })).toMatchObject({ unsortedBecause: 'too-short', unsortedNote: 'Unsorted: the text is too short to tell its topic (1 content word).' })
    expect(await classify({ title: 'Grokking in neural networks', text: 'Neural networks trained on modular addition grok long after they fit.' })).toMatchObject({ unsorted: false, unsortedBecause: null, unsortedNote: null })
  })

  it('dates a text given its year as a library paper is: no topic or suggested key word named years after it, and says why', async () => {
    const title = 'Learning the kernel with hyperkernels'
    const undated = await classify({ title })
    expect(undated.topics.map((t) => t.label)).toEqual(['Neural Tangent Kernel'])
    expect(undated.keywords.find((k) => k.text === 'Neural Tangent Kernel')?.origin).toBe('suggested')
    // null is a year left out.
    expect(await classify({ title, year: null })).toEqual(undated)
    const dated = await classify({ title, year: 2005 })
    expect(dated.topics).toEqual([])
    expect(dated.keywords.map((k) => k.text)).not.toContain('Neural Tangent Kernel')
    expect(dated).toMatchObject({ unsorted: true, unsortedBecause: 'named-later' })
    expect(dated.topicWhy[0]).toMatch(/^not under Neural Tangent Kernel: the library first writes its name in (\d{4}), \d+ years after this paper$/)
    expect(dated.unsortedNote).toMatch(/^Unsorted: the closest topic, Neural Tangent Kernel \((>99|\d+)%\), is not given: the library first writes its name in \d{4}, \d+ years after this paper, and no other topic is confident enough/)
    // A bad year is refused, its fault as data.
    const next = new Date().getUTCFullYear() + 1
    for (const [year, issue] of [
      [next + 1, { kind: 'too_large', limit: next }],
      [999, { kind: 'too_small', limit: 1000 }],
      [2005.5, { kind: 'not_integer' }],
      ['2005', { kind: 'not_integer' }],
    ] as const) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/classify', payload: { title, year } })
      expect(res.statusCode, String(year)).toBe(400)
      expect(res.json(), String(year)).toMatchObject({ error: { code: 'INVALID_ARGUMENT', field: 'year', issue } })
    }
    expect((await classify({ title, year: next })).unsortedBecause).toBeNull()
  })

  it('finds no nearest papers for a text too short to tell its topic by topics it was not given: by wording alone', async () => {
    type Similar = { similar: Array<{ why: Array<{ label: string }>; topicAgreement: number | null }> }
    const similar = async (text: string): Promise<Similar> => (await app.inject(`/api/v1/similar?text=${encodeURIComponent(text)}&k=8`)).json() as Similar
    // No content word: nothing to compare, where eight papers at wording 0.00 came by the classifier's prior.
    expect((await similar('hello there')).similar).toEqual([])
    // One word of the field: only papers that share two listed terms with it, and no topic part.
    for (const item of (await similar('grokking')).similar) {
      expect(item.topicAgreement).toBeNull()
      expect(item.why.length).toBeGreaterThanOrEqual(2)
    }
    // A text long enough keeps its topics in the score.
    const grokking = await similar('Neural networks trained on modular addition grok long after they fit the training data.')
    expect(grokking.similar.length).toBeGreaterThan(0)
    expect(grokking.similar.some((i) => i.topicAgreement !== null)).toBe(true)
  })

  it('counts each reader behind a trusted proxy by X-Forwarded-For, as PAPERSCOPE_TRUST_PROXY says', async () => {
    expect(serverSettings({}).PAPERSCOPE_TRUST_PROXY).toBe(false)
    expect(serverSettings({ PAPERSCOPE_TRUST_PROXY: 'true' }).PAPERSCOPE_TRUST_PROXY).toBe(true)
    expect(serverSettings({ PAPERSCOPE_TRUST_PROXY: '127.0.0.1,10.0.0.0/8' }).PAPERSCOPE_TRUST_PROXY).toBe('127.0.0.1,10.0.0.0/8')
    expect(serverSettings({ PAPERSCOPE_TRUST_PROXY: '' }).PAPERSCOPE_TRUST_PROXY).toBe(false)
    // One request a minute each: two readers behind one proxy share its address unless the proxy is trusted.
    const statuses = async (trustProxy: boolean): Promise<number[]> => {
      const server = await composeServer(lib.store, { webRoot: null, rateLimit: { max: 1, windowMs: 60_000 }, analysis: false, trustProxy })
      try {
        const get = async (reader: string) => (await server.inject({ url: '/api/v1/stats', headers: { 'x-forwarded-for': reader } })).statusCode
        return [await get('203.0.113.1'), await get('203.0.113.2')]
      } finally {
        await server.close()
      }
    }
    expect(await statuses(false)).toEqual([200, 429])
    expect(await statuses(true)).toEqual([200, 200])
  })

  it("gives a text's digest in the shape of a paper's, `{text, origin}`, and documents it so", async () => {
    const text = 'Neural networks trained on modular addition grok long after they fit. We trace the delay to weight decay.'
    const answer = await classify({ title: 'Grokking in neural networks', text })
    expect(answer.digest).toEqual({ text: expect.stringMatching(/^Neural networks trained on modular addition/), origin: 'generated' })
    expect(text).toContain(answer.digest!.text)
    // A paper's digest has the same keys, so a client reads the two alike.
    const curated = (await lib.store.listPapers({ limit: 200 })).items.find((p) => p.digest !== null)!
    const paperDigest = ((await app.inject(`/api/v1/papers/${curated.id}`)).json() as PaperDetail).digest!
    expect(Object.keys(answer.digest!).sort()).toEqual(Object.keys(paperDigest).sort())
    // No complete sentence: no digest.
    expect((await classify({ text: 'grokking' })).digest).toBeNull()
    type Schema = { properties?: Record<string, Schema>; anyOf?: Schema[]; $ref?: string }
    const doc = (await app.inject('/api/v1/openapi.json')).json() as { paths: Record<string, Record<string, { responses: Record<string, { content: Record<string, { schema: Schema }> }> }>> }
    const digestKeys = (path: string, method: string): string[] => {
      const digest = doc.paths[path]![method]!.responses['200']!.content['application/json']!.schema.properties!.digest!
      return Object.keys((digest.properties ? digest : digest.anyOf?.find((s) => s.properties))?.properties ?? {}).sort()
    }
    expect(digestKeys('/api/v1/classify', 'post')).toEqual(['origin', 'text'])
    expect(digestKeys('/api/v1/classify', 'post')).toEqual(digestKeys('/api/v1/papers/{id}', 'get'))
  })

  it('documents the reason and the sentence in the OpenAPI document', async () => {
    type Props = Record<string, { description?: string; properties?: Props; anyOf?: Array<{ properties?: Props }> }>
    const doc = (await app.inject('/api/v1/openapi.json')).json() as { paths: Record<string, Record<string, { responses: Record<string, { content: Record<string, { schema: { properties: Props } }> }> }>> }
    const classifyProps = doc.paths['/api/v1/classify']!.post!.responses['200']!.content['application/json']!.schema.properties
    const paperProps = doc.paths['/api/v1/papers/{id}']!.get!.responses['200']!.content['application/json']!.schema.properties
    const prediction = paperProps.topicPrediction!
    const predictionProps = prediction.properties ?? prediction.anyOf?.find((s) => s.properties)?.properties ?? {}
    for (const props of [classifyProps, predictionProps]) {
      expect(props.unsortedBecause?.description).toMatch(/one-word: the best topic reached it but is under 40% and one word of the text alone makes it best/)
      expect(props.unsortedNote?.description).toMatch(/^Why it has no topic, as one sentence to show as it is/)
      expect(props.unsortedBecause?.description).toContain('named-later (a library paper, or a classified text given its `year`)')
    }
    // The year a text may be given, and that it is no label.
    const body = JSON.stringify((doc.paths['/api/v1/classify']!.post as unknown as { requestBody: unknown }).requestBody)
    expect(body).toMatch(/"year":\{[^}]*"minimum":1000/)
    expect(body).toContain('The year the text was written (2005), when known')
  })
})

describe("a researcher's AI Score, as the API explains it, when the model knows too little of a paper to place it", () => {
  it('says which papers the topical centrality is a mean of and why the bare title is left out, or why it is unknown', async () => {
    const t = await createTempStore(() => new Date('2026-11-29T12:00:00Z'))
    try {
      await importRecords(t.store, bareTitleLibrary())
      await analyzeNewPapers(t.store)
      const why = async (name: string) => (await createAnalysis(t.store).authorMetrics!((await findAuthor(t.store, name)).author!.id))!.aiScore!
      // Rupesh Srivastava: Dropout and `Highway networks`, which the model knows as `networks` alone.
      expect((await why('Rupesh Srivastava')).why).toContain(
        'topical centrality over 1 of the 2 papers: the other one has too little text the model knows to place it, or no analysis yet, so it is left out, not counted as 0',
      )
      // Klaus Greff has only the highway paper: neither input is known, so there is no score, and the why says so.
      const greff = await why('Klaus Greff')
      expect(greff.value).toBeNull()
      expect(greff.why).toContain('topical centrality unknown: the paper has too little text the model knows to place it, or no analysis yet')
    } finally {
      await t.cleanup()
    }
  })
})
