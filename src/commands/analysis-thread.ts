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
import { analyzeNewPapers, type AnalyzeProgress, type AnalyzeReport } from './analyze-library.js'
import { startModuleWorker } from './module-worker.js'

/** What the worker is given: where the library is, an embedding-model switch if any, and whether to report progress. */
export interface AnalysisThreadInput {
  path: string
  embeddingModel?: string
  progress?: boolean
}

/** What the worker answers; with `progress`, progress messages come first. */
export type AnalysisThreadOutput =
  | { ok: true; report: AnalyzeReport; threadId: number }
  | { ok: false; message: string; code: ErrorCode | null }

export type AnalysisThreadMessage = AnalysisThreadOutput | { progress: AnalyzeProgress }

/**
 * `analyzeNewPapers` on a worker thread when the library is a file; in-process otherwise. Resolves with the
 * report and the thread it ran on; rejects with the worker's error (its code kept).
 * @example const { report } = await analyzeNewPapersOffThread(store)
 */
export async function analyzeNewPapersOffThread(
  store: PaperStore,
  options: {
    embeddingModel?: string
    onProgress?: (progress: AnalyzeProgress) => void
    /**
     * Stops the analysis at once (the worker is ended; its one transaction is not committed, so nothing of the
     * analysis is saved) and rejects with the signal's reason.
     */
    signal?: AbortSignal
  } = {},
): Promise<{ report: AnalyzeReport; threadId: number }> {
  const { onProgress, signal, ...rest } = options
  if (store.location === ':memory:' || !existsSync(store.location)) {
    return { report: await analyzeNewPapers(store, { ...rest, ...(onProgress ? { onProgress } : {}) }), threadId }
  }
  signal?.throwIfAborted()
  const input: AnalysisThreadInput = { path: store.location, ...rest, ...(onProgress ? { progress: true } : {}) }
  const output = await new Promise<AnalysisThreadOutput>((resolve, reject) => {
    const worker = startModuleWorker('analysis-thread-main', input)
    let answered = false
    const stop = (): void => {
      answered = true
      void worker.terminate()
      reject(signal?.reason)
    }
    signal?.addEventListener('abort', stop, { once: true })
    worker.on('message', (message: AnalysisThreadMessage) => {
      if ('progress' in message) return onProgress?.(message.progress)
      answered = true
      signal?.removeEventListener('abort', stop)
      resolve(message)
    })
    worker.once('error', (err) => {
      signal?.removeEventListener('abort', stop)
      reject(err)
    })
    worker.once('exit', (code) => {
      signal?.removeEventListener('abort', stop)
      if (!answered) reject(new PaperscopeError('INTERNAL', `the analysis thread exited with code ${code} before answering`))
    })
  })
  if (!output.ok) throw new PaperscopeError(output.code ?? 'INTERNAL', output.message)
  return { report: output.report, threadId: output.threadId }
}
