/** @module Starts a worker thread on a module beside this one, built (`.js`) or, in a checkout run through tsx, its `.ts` source. */
import { Worker } from 'node:worker_threads'

/**
 * A worker on `./<name>.js`, or on `./<name>.ts` with tsx registered inside the worker first (a worker does
 * not inherit the loader, nor take `--import` in execArgv).
 * @example startModuleWorker('analysis-thread-main', { path })
 */
export function startModuleWorker(name: string, workerData: unknown): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, import.meta.url), { workerData })
  const source = new URL(`./${name}.ts`, import.meta.url).href
  return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}) })`, {
    eval: true,
    workerData,
  })
}
