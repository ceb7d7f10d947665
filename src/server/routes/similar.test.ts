import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { request } from 'node:http'
import { createTempStore, type TempStore } from '../../../test/support/temp-store.js'
import { buildServer } from '../app.js'

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
