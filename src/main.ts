#!/usr/bin/env node
/**
 * @module The process entry point (`node dist/src/main.js <command>`; `npm start` runs `start`; bin/paperscope.js
 * calls {@link main}). It hands the CLI its services: the HTTP server (src/compose-server.ts, loaded when a
 * command serves) and, for `classify`, a text-reading thread started before anything else loads, so the NLP
 * model loads on the second core while this one loads the modules and the library's models. What this file
 * imports statically is what every command waits for: keep it small (src/cli/start-up.test.ts).
 */
import { realpathSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { setFlagsFromString } from 'node:v8'
import type { ServeLauncher } from './cli/commands/serve.js'
import type { FastifyInstance } from 'fastify'
import { readTextThreadModule } from './analysis/read-text-module.js'
import { startTextReaderOn, type TextReader } from './commands/text-reader.js'
import type { ComposeOptions } from './compose-server.js'
import { packageRoot, packageVersion } from './package-info.js'
import type { PaperStore } from './store/index.js'

export type { ComposeOptions } from './compose-server.js'
export { packageRoot } from './package-info.js'

/**
 * The server with everything wired: the store, the analysis results, the BibTeX writer of src/ingest/bibtex.
 * `serve` listens on it; the end-to-end tests and the benchmark build theirs here too.
 */
export async function composeServer(store: PaperStore, options: ComposeOptions): Promise<FastifyInstance> {
  return (await import('./compose-server.js')).composeServer(store, options)
}

/** Serves `store` until SIGINT/SIGTERM (src/compose-server.ts). */
const launchServer: ServeLauncher = async (store, options) => (await import('./compose-server.js')).launchServer(store, options)

function isEntryPoint(): boolean {
  if (!process.argv[1]) return false
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))
  } catch {
    return false
  }
}

/**
 * V8's interrupt budget for `classify`: how much bytecode a function runs before V8 considers optimizing it (V8's own
 * is 66 KB). A batch lives a second or a few, its two threads keep both cores busy, and optimizing every function
 * that warms up cost more than it saved there. Measured on Node 20 (docs/benchmarks.md): 100 long abstracts 1.05 →
 * 0.82 s, 3,240 texts 5.5 → 5.3 s, one line alike; never optimizing (100 MB) was slower again (1.03 s).
 */
const CLASSIFY_INTERRUPT_BUDGET = 1_200_000

/** Runs the CLI on `argv` with the real process and server; bin/paperscope.js calls this. */
export async function main(argv: readonly string[]): Promise<number> {
  // Before the reading thread and the CLI's modules: it applies to the functions compiled from then on, both threads'.
  if (argv.includes('classify')) setFlagsFromString(`--interrupt-budget=${CLASSIFY_INTERRUPT_BUDGET}`)
  // `classify` reads texts on a second thread: started now, its NLP model loads while the CLI's modules do. An
  // argument that only looks like the command (`--db classify`) starts one that is never used: closed below,
  // and it never holds the process open.
  const reader: TextReader | undefined = argv.includes('classify') ? startTextReaderOn(readTextThreadModule()) : undefined
  try {
    const { processIo, runCli } = await import('./cli/main.js')
    return await runCli([...argv], processIo(), {
      serve: launchServer,
      version: packageVersion(packageRoot()),
      ...(reader ? { textReader: reader } : {}),
    })
  } finally {
    await reader?.close()
  }
}

if (isEntryPoint()) {
  process.exitCode = await main(process.argv.slice(2))
}
