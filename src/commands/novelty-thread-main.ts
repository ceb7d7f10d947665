/** @module A novelty worker's entry (see novelty-threads.ts): scan its rows into the shared output, say how far it got, then done. */
import { parentPort, workerData } from 'node:worker_threads'
import { scanNearestEarlier } from '../analysis/index.js'
import type { NoveltyThreadJob, NoveltyThreadMessage } from './novelty-threads.js'

const job = workerData as NoveltyThreadJob
const post = (message: NoveltyThreadMessage): void => parentPort?.postMessage(message)
try {
  let pairs = 0
  let rows = 0
  scanNearestEarlier(
    { matrix: new Float32Array(job.matrix), dims: job.dims, compared: new Int32Array(job.compared), size: job.size },
    job.from,
    job.to,
    { similarities: new Float64Array(job.similarities), rows: new Int32Array(job.rows) },
    (count) => {
      pairs += count
      // A message every 64 rows: enough for a progress bar, few enough not to matter.
      if (++rows % 64 === 0) {
        post({ kind: 'progress', pairs })
        pairs = 0
      }
    },
  )
  post({ kind: 'progress', pairs })
  post({ kind: 'done' })
} catch (err) {
  post({ kind: 'error', message: (err as Error).message })
}
