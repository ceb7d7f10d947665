/** @module `paperscope start`: builds the library from the embedded corpus on first run, then shows it. */
import { resolve } from 'node:path'
import { ensureLibrary, libraryOverview } from '../../commands/index.js'
import { FILE_FORMATS, detectFileFormat } from '../../ingest/index.js'
import type { CliIo } from '../io.js'
import { renderImportReport } from './import.js'
import { renderSearch } from './search.js'
import { renderStats } from './stats.js'
import { createProgress, withStore } from './shared.js'

export async function runStart(io: CliIo, dbPath: string, opts: { rebuild?: boolean }): Promise<void> {
  await withStore(io, dbPath, async (store) => {
    const corpusDir = resolve(io.cwd, io.env.PAPERSCOPE_CORPUS)
    const progress = createProgress(io, 'building the library')
    io.stderr(`library: ${store.location}\n`)
    const report = await ensureLibrary(store, {
      corpusDir,
      formats: FILE_FORMATS,
      detect: detectFileFormat,
      cwd: io.cwd,
      now: io.now,
      rebuild: opts.rebuild ?? false,
      onFile: (file, i, total) => io.stderr(`importing ${i + 1}/${total}: ${file}\n`),
      onBatch: (done, total) => progress.update(done, total),
    }).finally(() => progress.stop())
    if (report) io.stdout(`built the library from ${corpusDir}:\n${renderImportReport(report, false)}\n`)
    io.stdout(renderStats(await libraryOverview(store)))
    io.stdout(`\nsample search:\n${renderSearch('grokking', await store.searchPapers({ text: 'grokking', limit: 5 }))}`)
  })
}
