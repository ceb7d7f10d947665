/**
 * @module Texts read on a second thread while this one scores them: `paperscope classify --jsonl` on a batch
 * sends each line's text here as soon as it is read, and the reading thread (src/analysis/read-text-thread.ts)
 * tokenizes it and makes its digest while the models score the lines before it. On two cores that is most of
 * half of each line's work off the scoring thread, and the NLP model loads there, not here. The answers are
 * the analysis's `readText`'s in process: the same code on the same texts in the same order.
 */
import type { Worker } from 'node:worker_threads'
// Types only from the analysis: src/main.ts starts a reader before the analysis modules load.
import type { ReadText, ReadTextAnswer, ReadTextRequest, TextInput } from '../analysis/index.js'
import { startWorkerOn } from './module-worker.js'

export interface TextReader {
  /** The text read: its prepared sentences and its digest. Texts sent are read in the order sent. */
  read(input: TextInput): Promise<ReadText>
  /** Stops the thread; texts not read yet are refused. */
  close(): Promise<void>
}

/**
 * Starts a reading thread on `module` (the analysis's `readTextThreadModule()`). Rejects every pending read with
 * a plain Error when the thread fails: a bug (reading a text throws for no input the classify schema lets
 * through), never one bad line. The thread holds the process open only while a read is pending.
 * @example const reader = startTextReaderOn(readTextThreadModule()); const { doc, digest } = await reader.read({ title, text }); await reader.close()
 */
export function startTextReaderOn(module: URL): TextReader {
  const worker: Worker = startWorkerOn(module, null)
  worker.unref()
  const pending = new Map<number, { resolve: (read: ReadText) => void; reject: (err: Error) => void }>()
  let next = 0
  let failure: Error | null = null
  const failAll = (err: Error): void => {
    failure ??= err
    for (const p of pending.values()) p.reject(failure)
    pending.clear()
  }
  worker.on('message', (answer: ReadTextAnswer) => {
    const p = pending.get(answer.id)
    if (!p) return
    pending.delete(answer.id)
    if (pending.size === 0) worker.unref()
    if ('read' in answer) p.resolve(answer.read)
    else p.reject(new Error(`the text-reading thread failed: ${answer.error}`))
  })
  worker.on('error', (err) => failAll(new Error(`the text-reading thread failed: ${err.message}`, { cause: err })))
  worker.on('exit', (code) => failAll(new Error(`the text-reading thread exited with code ${code}`)))
  return {
    read(input) {
      if (failure) return Promise.reject(failure)
      const id = next++
      const read = new Promise<ReadText>((resolve, reject) => {
        if (pending.size === 0) worker.ref()
        pending.set(id, { resolve, reject })
        worker.postMessage({ id, title: input.title, text: input.text } satisfies ReadTextRequest)
      })
      // Reads sent ahead may fail (the thread stopped) before anyone awaits them: that is no unhandled
      // rejection; whoever awaits one still gets the error.
      read.catch(() => {})
      return read
    },
    async close() {
      failure ??= new Error('the text-reading thread was closed')
      await worker.terminate()
    },
  }
}
