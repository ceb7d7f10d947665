/** @module The real server on 127.0.0.1 and a free port, for browser tests, screenshots and benchmarks. */
import type { FastifyInstance } from 'fastify'
import { buildServer, type ServerDeps } from '../../../src/server/index.js'

export interface RunningServer {
  app: FastifyInstance
  url: string
  close(): Promise<void>
}

/** Builds and listens; the caller closes it. */
export async function startServer(deps: ServerDeps): Promise<RunningServer> {
  const app = await buildServer(deps)
  await app.listen({ host: '127.0.0.1', port: 0 })
  const address = app.server.address()
  if (!address || typeof address === 'string') throw new Error('the server has no TCP address')
  return { app, url: `http://127.0.0.1:${address.port}`, close: () => app.close() }
}
