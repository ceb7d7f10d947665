/** @module Starts a worker thread on a module beside this one, built (`.js`) or, in a checkout run through tsx, its `.ts` source. */
import { Worker } from 'node:worker_threads'

/**
 * A worker on `./<name>.js`, or on `./<name>.ts` with tsx registered inside the worker first (a worker does
 * not inherit the loader, nor take `--import` in execArgv).
 * @example startModuleWorker('analysis-thread-main', { path })
 */
export function startModuleWorker(name: string, workerData: unknown): Worker {
  const extension = import.meta.url.endsWith('.ts') ? '.ts' : '.js'
  return startWorkerOn(new URL(`./${name}${extension}`, import.meta.url), workerData)
}

/**
 * A worker on the module at `url`: a built `.js` module as it is, a `.ts` source with tsx registered inside
 * the worker first.
 * @example startWorkerOn(readTextThreadModule(), null)
 */
export function startWorkerOn(url: URL, workerData: unknown): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData })
  return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}) })`, {
    eval: true,
    workerData,
  })
}
