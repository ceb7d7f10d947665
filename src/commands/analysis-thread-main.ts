/** @module The analysis worker thread's entry (see analysis-thread.ts): open the library, analyse, answer, close. */
import { parentPort, threadId, workerData } from 'node:worker_threads'
import { isPaperscopeError } from '../core/index.js'
import { openStore } from '../store/index.js'
import type { AnalysisThreadInput, AnalysisThreadOutput } from './analysis-thread.js'
import { analyzeNewPapers } from './analyze-library.js'

const input = workerData as AnalysisThreadInput
const store = await openStore({ path: input.path })
let output: AnalysisThreadOutput
try {
  const report = await analyzeNewPapers(store, input.embeddingModel !== undefined ? { embeddingModel: input.embeddingModel } : {})
  output = { ok: true, report, threadId }
} catch (err) {
  output = { ok: false, message: (err as Error).message, code: isPaperscopeError(err) ? err.code : null }
} finally {
  await store.close()
}
parentPort?.postMessage(output)
