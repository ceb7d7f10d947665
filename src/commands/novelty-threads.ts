/**
 * @module Novelty's all-pairs scan split across worker threads. On a big library it is most of a full
 * analysis (16,000 papers: 128 million dot products), and each row is independent, so rows are cut into
 * ranges of equal work, one per core, over one shared copy of the vectors. The result is the same as
 * `computeNovelty`'s, to the bit: each row is computed by the same code in the same order.
 */
import { availableParallelism } from 'node:os'
import type { Worker } from 'node:worker_threads'
import {
  computeNovelty,
  finishNovelty,
  noveltyPairs,
  prepareNovelty,
  type NoveltyInput,
  type NoveltyScan,
  type NoveltyScanOutput,
  type PaperNovelty,
} from '../analysis/index.js'
import { PaperscopeError } from '../core/index.js'
import { startModuleWorker } from './module-worker.js'

/** What one worker is given: the scan in shared memory, where to write, and its rows. */
export interface NoveltyThreadJob {
  matrix: SharedArrayBuffer
  compared: SharedArrayBuffer
  similarities: SharedArrayBuffer
  rows: SharedArrayBuffer
  dims: number
  size: number
  from: number
  to: number
}

/** What a worker says: pairs done since its last message, then done (or what went wrong). */
export type NoveltyThreadMessage = { kind: 'progress'; pairs: number } | { kind: 'done' } | { kind: 'error'; message: string }

/** Below this many papers the scan stays on the calling thread: starting workers would cost more than it saves. */
export const PARALLEL_NOVELTY_MIN_PAPERS = 4000

export interface NoveltyThreadOptions {
  evidence?: number
  /** Workers to use; default one per core, at most 8. One computes on the calling thread. */
  threads?: number
  /** Fewer papers than this are computed on the calling thread. */
  minPapers?: number
  onProgress?: (done: number, total: number) => void
}

/**
 * `computeNovelty`, with the pair scan on worker threads when the library is big enough and the machine has
 * more than one core.
 * @example const novelty = await computeNoveltyOnThreads(inputs, { evidence: 3 })
 */
export async function computeNoveltyOnThreads(
  papers: readonly NoveltyInput[],
  { evidence = 3, threads = Math.min(8, availableParallelism()), minPapers = PARALLEL_NOVELTY_MIN_PAPERS, onProgress }: NoveltyThreadOptions = {},
): Promise<PaperNovelty[]> {
  const dated = papers.filter((p) => p.date).length
  if (threads <= 1 || dated < minPapers) return computeNovelty(papers, { evidence, ...(onProgress ? { onProgress } : {}) })
  const prepared = prepareNovelty(papers, evidence)
  const shared = shareScan(prepared.scan)
  const total = noveltyPairs(prepared.scan)
  let done = 0
  const workers: Worker[] = []
  try {
    await Promise.all(
      balancedRanges(prepared.scan.compared, threads).map(([from, to]) => {
        const worker = startModuleWorker('novelty-thread-main', { ...shared.job, from, to } satisfies NoveltyThreadJob)
        workers.push(worker)
        return untilDone(worker, (pairs) => {
          done += pairs
          onProgress?.(done, total)
        })
      }),
    )
  } finally {
    // After a failure the others would go on computing rows nobody reads.
    await Promise.all(workers.map((w) => w.terminate()))
  }
  return finishNovelty(papers, { scan: shared.scan, dated: prepared.dated }, shared.out, evidence)
}

/** The scan copied into shared memory, with the output arrays there too. */
function shareScan(scan: NoveltyScan): { job: Omit<NoveltyThreadJob, 'from' | 'to'>; scan: NoveltyScan; out: NoveltyScanOutput } {
  const rows = scan.compared.length
  const matrix = new SharedArrayBuffer(scan.matrix.byteLength)
  const compared = new SharedArrayBuffer(scan.compared.byteLength)
  const similarities = new SharedArrayBuffer(rows * scan.size * Float64Array.BYTES_PER_ELEMENT)
  const rowIds = new SharedArrayBuffer(rows * scan.size * Int32Array.BYTES_PER_ELEMENT)
  const sharedScan: NoveltyScan = { matrix: new Float32Array(matrix), dims: scan.dims, compared: new Int32Array(compared), size: scan.size }
  sharedScan.matrix.set(scan.matrix)
  sharedScan.compared.set(scan.compared)
  return {
    job: { matrix, compared, similarities, rows: rowIds, dims: scan.dims, size: scan.size },
    scan: sharedScan,
    out: { similarities: new Float64Array(similarities), rows: new Int32Array(rowIds) },
  }
}

/**
 * Row ranges of about equal work: row r costs compared[r] dot products, which grow along the rows, so the
 * ranges shrink towards the end.
 */
export function balancedRanges(compared: Int32Array, parts: number): Array<[number, number]> {
  let total = 0
  for (const c of compared) total += c
  if (total === 0) return compared.length > 0 ? [[0, compared.length]] : []
  const ranges: Array<[number, number]> = []
  let from = 0
  let acc = 0
  for (let r = 0; r < compared.length && ranges.length < parts - 1; r++) {
    acc += compared[r] as number
    if (acc >= (total * (ranges.length + 1)) / parts) {
      ranges.push([from, r + 1])
      from = r + 1
    }
  }
  ranges.push([from, compared.length])
  return ranges.filter(([a, b]) => b > a)
}

function untilDone(worker: Worker, onPairs: (pairs: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let finished = false
    worker.on('message', (message: NoveltyThreadMessage) => {
      if (message.kind === 'progress') onPairs(message.pairs)
      else if (message.kind === 'done') {
        finished = true
        resolve()
      } else {
        finished = true
        reject(new PaperscopeError('INTERNAL', `novelty thread: ${message.message}`))
      }
    })
    worker.once('error', (err) => {
      finished = true
      reject(err)
    })
    worker.once('exit', (code) => {
      if (!finished) reject(new PaperscopeError('INTERNAL', `a novelty thread exited with code ${code} before it was done`))
    })
  })
}
