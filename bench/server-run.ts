/**
 * @module `npm run bench` (server part): search throughput and latency, and the web app's size.
 * BENCH_PAPERS (default 100000) sizes the synthetic library; BENCH_SECONDS (default 10) each load run.
 */
import { resolve } from 'node:path'
import { runServerBench } from './server.js'

await runServerBench({
  corpusDir: resolve('data/corpus'),
  syntheticPapers: Number(process.env.BENCH_PAPERS ?? 100_000),
  cacheDir: resolve('tmp/bench'),
  webDist: resolve('web/dist'),
  seconds: Number(process.env.BENCH_SECONDS ?? 10),
  print: (line) => console.log(line),
})
