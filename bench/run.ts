/**
 * @module `npm run bench`: prints figures for import speed (and the server, when its bench is present).
 * Options: BENCH_PAPERS (default 100000) sets the synthetic library size.
 */
import { resolve } from 'node:path'
import { runImportBench } from './import-bench.js'
import { defaultAnalysisBenchOptions, runAnalysisBench } from './analysis-bench.js'
import { runHostileInputBench } from './hostile-input-bench.js'

const print = (line: string): void => console.log(line)
const papers = Number(process.env.BENCH_PAPERS ?? 100_000)

print(`# Paperscope benchmarks — node ${process.version}, ${new Date().toISOString()}`)
print('## import')
await runImportBench({ corpusDir: resolve('data/corpus'), syntheticPapers: papers, print })
print('## hostile input')
runHostileInputBench({ corpusDir: resolve('data/corpus'), print })
print('## analysis')
await runAnalysisBench(defaultAnalysisBenchOptions(print))
