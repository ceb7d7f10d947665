import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { analyzeLibrary, createAnalysisReader } from '../../commands/index.js'
import { createTempStore, type TempStore } from '../../../test/support/temp-store.js'
import { buildServer } from '../app.js'

describe('POST /classify on a library analysed while empty', () => {
  let temp: TempStore
  let app: FastifyInstance

  beforeAll(async () => {
    temp = await createTempStore()
    await analyzeLibrary(temp.store)
    // The classifier src/main.ts hands the server, whose errors reach the route as they are.
    const reader = createAnalysisReader(temp.store)
    app = await buildServer({
      store: temp.store,
      rateLimit: false,
      analysis: {
        classifyText: async (input) => {
          await reader.classifyText(input)
          throw new Error('the classifier should have refused a library with no papers')
        },
      },
    })
  })
  afterAll(async () => {
    await app.close()
    await temp.cleanup()
  })

  it('refuses a body with neither a text nor a title, naming text as required', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/classify', payload: { title: '  ' } })
    expect(res.statusCode).toBe(400)
    // Its fault as data, as ajv's own refusals carry (before, no issue).
    expect(res.json()).toEqual({ error: { code: 'INVALID_ARGUMENT', field: 'text', message: 'parameter "text" is required unless a title is given', issue: { kind: 'required' } } })
  })

  it('answers 404 (no papers to learn from), which the document declares and says why', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/classify', payload: { text: 'grokking in transformers' } })
    expect(res.statusCode).toBe(404)
    expect(res.json()).toMatchObject({ error: { code: 'NOT_FOUND', message: expect.stringContaining('no papers to learn from') } })
    // It does not tell a client where the library lives on the server.
    expect(res.body).not.toContain(temp.store.location)
    const doc = (await app.inject('/api/v1/openapi.json')).json() as { paths: Record<string, { post: { responses: Record<string, { description: string }> } }> }
    const responses = doc.paths['/api/v1/classify']!.post.responses
    expect(Object.keys(responses).sort()).toEqual(['200', '400', '404', '413', '415', '429', '431', '503'])
    expect(responses['404']!.description).toContain('no papers to learn from')
  })
})
