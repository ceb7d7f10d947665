/**
 * @module `paperscope serve`: serves an existing library over HTTP (web app + JSON API) until SIGINT or
 * SIGTERM. The server itself is composed in src/main.ts and handed in as a `ServeLauncher`, so the CLI
 * never imports the HTTP edge.
 */
import { pluralize } from '../../core/index.js'
import type { PaperStore } from '../../store/index.js'
import { CliExit, EXIT, type CliIo } from '../io.js'
import { withStore } from './shared.js'

export interface ServeOptions {
  host: string
  port: number
}

/** Starts the HTTP server on an open library; resolves once it has shut down gracefully. */
export type ServeLauncher = (store: PaperStore, options: ServeOptions & { io: CliIo }) => Promise<void>

/** Options as commander gives them: `--host`, `--port` override HOST and PORT. */
export interface ServeCliOptions {
  host?: string
  port?: number
}

/** The host and port to listen on: flags first, then HOST and PORT from the settings. */
export function serveOptions(io: CliIo, opts: ServeCliOptions): ServeOptions {
  return { host: opts.host ?? io.env.HOST, port: opts.port ?? io.env.PORT }
}

/** Fails with a clear message when the program was started without a server (not through src/main.ts). */
export function requireLauncher(io: CliIo, launch: ServeLauncher | undefined): ServeLauncher {
  if (launch) return launch
  io.stderr('this entry point has no HTTP server; run `node dist/src/main.js serve` (or `npm start`)\n')
  throw new CliExit(EXIT.fatal)
}

export async function runServe(io: CliIo, dbPath: string, opts: ServeCliOptions, launch: ServeLauncher | undefined): Promise<void> {
  const start = requireLauncher(io, launch)
  await withStore(io, dbPath, async (store) => {
    const { papers } = await store.libraryStats()
    io.stderr(`library: ${store.location} (${pluralize(papers, 'paper')})\n`)
    if (papers === 0) io.stderr('the library is empty: `paperscope start` builds it from the corpus, `paperscope import` adds files\n')
    await start(store, { ...serveOptions(io, opts), io })
  })
}
