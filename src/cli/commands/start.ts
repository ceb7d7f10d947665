/**
 * @module `paperscope start` (what `npm start` runs): builds the library from the embedded corpus on first
 * run, with a progress line, then serves the web app and the API until SIGINT/SIGTERM. `--no-serve` only
 * builds and prints what the library holds (the old behaviour).
 */
import { resolve } from 'node:path'
import { ensureLibrary, libraryOverview, resolveEmbeddingModel } from '../../commands/index.js'
import { pluralize } from '../../core/index.js'
import type { PaperStore } from '../../store/index.js'
import type { CliIo } from '../io.js'
import { renderAnalysisLine, renderImportReport } from './import.js'
import { renderSearch } from './search.js'
import { requireLauncher, serveOptions, type ServeCliOptions, type ServeLauncher } from './serve.js'
import { renderStats } from './stats.js'
import { createProgress, withStore } from './shared.js'

export interface StartOptions extends ServeCliOptions {
  rebuild?: boolean
  /** False with `--no-serve`. */
  serve?: boolean
}

/** Imports the corpus into an empty library (or on `rebuild`), reporting progress on stderr. */
async function buildLibrary(io: CliIo, store: PaperStore, rebuild: boolean): Promise<string | null> {
  const corpusDir = resolve(io.cwd, io.env.PAPERSCOPE_CORPUS)
  const progress = createProgress(io, 'building the library')
  const { papers } = await store.libraryStats()
  if (papers === 0 || rebuild) io.stderr(`building the library from ${io.env.PAPERSCOPE_CORPUS} (first start) …\n`)
  const started = Date.now()
  let analysing = false
  const { report, analysis } = await ensureLibrary(store, {
    corpusDir,
    cwd: io.cwd,
    now: io.now,
    rebuild,
    ...(io.env.PAPERSCOPE_EMBEDDING_MODEL ? { embeddingModel: resolveEmbeddingModel(io.env.PAPERSCOPE_EMBEDDING_MODEL, io.cwd) ?? 'lsa' } : {}),
    onFile: (file, i, total) => io.stderr(`importing ${i + 1}/${total}: ${file}\n`),
    onBatch: (done, total) => progress.update(done, total),
    onAnalyze: (p) => {
      if (!analysing) {
        progress.stop()
        if (p.stage !== 'saving') io.stderr('analysing the library (topics, key words, digests, similar papers, novelty) …\n')
        analysing = true
      }
    },
  }).finally(() => progress.stop())
  if (report) io.stderr(`built the library: ${pluralize(report.new, 'paper')} from ${pluralize(report.read, 'entry', 'entries')} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`)
  if (analysis && analysis.analyzed > 0) io.stderr(renderAnalysisLine(analysis))
  if (!report) return null
  return renderImportReport(report, false)
}

export async function runStart(io: CliIo, dbPath: string, opts: StartOptions, launch?: ServeLauncher): Promise<void> {
  const serve = opts.serve !== false
  const start = serve ? requireLauncher(io, launch) : undefined
  await withStore(io, dbPath, async (store) => {
    io.stderr(`library: ${store.location}\n`)
    const built = await buildLibrary(io, store, opts.rebuild ?? false)
    if (start) {
      await start(store, { ...serveOptions(io, opts), io })
      return
    }
    if (built) io.stdout(`built the library from ${io.env.PAPERSCOPE_CORPUS}:\n${built}\n`)
    io.stdout(renderStats(await libraryOverview(store)))
    io.stdout(`\nsample search:\n${renderSearch('grokking', await store.searchPapers({ text: 'grokking', limit: 5 }))}`)
  }, { create: true })
}
