/**
 * @module The real server, composed as `npm start` composes it (src/main.ts), on 127.0.0.1 and a free port,
 * for browser tests and screenshots.
 */
import type { FastifyInstance } from 'fastify'
import { composeServer, type ComposeOptions } from '../../../src/main.js'
import type { PaperStore } from '../../../src/store/index.js'

export interface RunningServer {
  app: FastifyInstance
  url: string
  close(): Promise<void>
}

/** Builds and listens; the caller closes it. */
export async function startServer(store: PaperStore, options: Partial<ComposeOptions> = {}): Promise<RunningServer> {
  const app = await composeServer(store, { webRoot: null, rateLimit: false, ...options })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const address = app.server.address()
  if (!address || typeof address === 'string') throw new Error('the server has no TCP address')
  return { app, url: `http://127.0.0.1:${address.port}`, close: () => app.close() }
}
