/**
 * @module The incremental analysis on a worker thread, for the server: a scheduled sync that brings enough
 * papers to refit the models (seconds on the corpus, minutes on a big library) must not stop the API from
 * answering meanwhile. The worker opens its own connection to the same SQLite file (WAL: the server keeps
 * reading while it writes); the server's analysis reader sees the new results through the store's
 * generation counter. A library that is not a file (`:memory:`) is analysed in-process.
 */
import { existsSync } from 'node:fs'
import { threadId } from 'node:worker_threads'
import { PaperscopeError, type ErrorCode } from '../core/index.js'
import type { PaperStore } from '../store/index.js'
import { analyzeNewPapers, type AnalyzeReport } from './analyze-library.js'
import { startModuleWorker } from './module-worker.js'

/** What the worker is given: where the library is, and an embedding-model switch if any. */
export interface AnalysisThreadInput {
  path: string
  embeddingModel?: string
}

/** What the worker answers. */
export type AnalysisThreadOutput =
  | { ok: true; report: AnalyzeReport; threadId: number }
  | { ok: false; message: string; code: ErrorCode | null }

/**
 * `analyzeNewPapers` on a worker thread when the library is a file; in-process otherwise. Resolves with the
 * report and the thread it ran on; rejects with the worker's error (its code kept).
 * @example const { report } = await analyzeNewPapersOffThread(store)
 */
export async function analyzeNewPapersOffThread(
  store: PaperStore,
  options: { embeddingModel?: string } = {},
): Promise<{ report: AnalyzeReport; threadId: number }> {
  if (store.location === ':memory:' || !existsSync(store.location)) {
    return { report: await analyzeNewPapers(store, options), threadId }
  }
  const input: AnalysisThreadInput = { path: store.location, ...options }
  const output = await new Promise<AnalysisThreadOutput>((resolve, reject) => {
    const worker = startModuleWorker('analysis-thread-main', input)
    let answered = false
    worker.once('message', (message: AnalysisThreadOutput) => {
      answered = true
      resolve(message)
    })
    worker.once('error', reject)
    worker.once('exit', (code) => {
      if (!answered) reject(new PaperscopeError('INTERNAL', `the analysis thread exited with code ${code} before answering`))
    })
  })
  if (!output.ok) throw new PaperscopeError(output.code ?? 'INTERNAL', output.message)
  return { report: output.report, threadId: output.threadId }
}
