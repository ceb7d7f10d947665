/**
 * @module The server under benchmark (composed as `npm start` composes it), in its own process so autocannon
 * does not share its event loop: opens the library at argv[2], listens on 127.0.0.1:0 with the rate limit off and no request logs, and
 * tells the parent its port.
 */
import { composeServer } from '../src/main.js'
import { openStore } from '../src/store/index.js'

const path = process.argv[2]
if (!path) throw new Error('usage: server-child <library.db>')
const store = await openStore({ path })
const app = await composeServer(store, { rateLimit: false, webRoot: null })
await app.listen({ host: '127.0.0.1', port: 0 })
const address = app.server.address()
process.send?.({ port: typeof address === 'object' && address ? address.port : 0 })
const stop = async (): Promise<void> => {
  await app.close()
  await store.close()
  process.exit(0)
}
process.on('disconnect', () => void stop())
process.on('SIGTERM', () => void stop())
