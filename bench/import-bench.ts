/**
 * @module Import benchmarks: the real corpus end to end, a synthetic bulk import through the full
 * pipeline (match, merge, authors, FTS), and the raw better-sqlite3 prepared-insert rate on the same
 * machine in the same run for scale.
 */
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { importFiles, importRecords } from '../src/commands/index.js'
import { openStore } from '../src/store/index.js'
import { generateNamesakeRecords, generateRecords } from './synthetic.js'

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9
}

/** Papers of the common-names import: enough that the common names have hundreds of papers each. */
const NAMESAKE_PAPERS = 2_000

export interface ImportBenchOptions {
  corpusDir: string
  syntheticPapers: number
  print: (line: string) => void
}

export async function runImportBench({ corpusDir, syntheticPapers, print }: ImportBenchOptions): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'paperscope-bench-'))
  try {
    // 1. The corpus, into a fresh file, then again (idempotent re-import).
    const store = await openStore({ path: join(dir, 'corpus.db') })
    let t = process.hrtime.bigint()
    const report = await importFiles(store, [corpusDir], {})
    const first = seconds(t)
    t = process.hrtime.bigint()
    await importFiles(store, [corpusDir], {})
    const again = seconds(t)
    await store.close()
    print(`corpus import (fresh file): ${first.toFixed(2)} s for ${report.read} entries → ${report.new} papers (${report.merged} merged, ${report.rejected} rejected)`)
    print(`corpus re-import (nothing changes): ${again.toFixed(2)} s`)

    // 2. Synthetic bulk import through the whole pipeline.
    const records = generateRecords(syntheticPapers)
    const bulk = await openStore({ path: join(dir, 'bulk.db') })
    t = process.hrtime.bigint()
    const counts = await importRecords(bulk, records, [], { batchSize: 1000 })
    const bulkSeconds = seconds(t)
    const stats = await bulk.libraryStats()
    await bulk.close()
    print(
      `synthetic bulk import: ${syntheticPapers} records in ${bulkSeconds.toFixed(1)} s = ${Math.round(syntheticPapers / bulkSeconds)} papers/s ` +
        `(${counts.new} new, ${counts.merged} merged; ${stats.authors} authors)`,
    )

    // 2b. Few common names, many written as initials: telling people apart (and joining the ones split) at its hardest.
    const namesakes = generateNamesakeRecords(NAMESAKE_PAPERS)
    const crowded = await openStore({ path: join(dir, 'namesakes.db') })
    t = process.hrtime.bigint()
    await importRecords(crowded, namesakes, [], { batchSize: 1000 })
    const namesakeSeconds = seconds(t)
    const people = (await crowded.libraryStats()).authors
    await crowded.close()
    print(
      `synthetic common names: ${NAMESAKE_PAPERS} records (400 names, a third as initials) in ${namesakeSeconds.toFixed(1)} s = ` +
        `${Math.round(NAMESAKE_PAPERS / namesakeSeconds)} papers/s (${people} people)`,
    )

    // 3. Raw prepared inserts of the same records into one plain table, one transaction: the ceiling.
    const raw = new Database(join(dir, 'raw.db'))
    raw.pragma('journal_mode = WAL')
    raw.pragma('synchronous = NORMAL')
    raw.exec('CREATE TABLE papers (id TEXT PRIMARY KEY, title TEXT, abstract TEXT, date TEXT, authors TEXT)')
    const insert = raw.prepare('INSERT INTO papers VALUES (?, ?, ?, ?, ?)')
    t = process.hrtime.bigint()
    raw.transaction(() => {
      for (const r of records) insert.run(r.key, r.title, r.abstract, r.date, JSON.stringify(r.authors))
    })()
    const rawSeconds = seconds(t)
    raw.close()
    print(`raw better-sqlite3 prepared insert: ${syntheticPapers} rows in ${rawSeconds.toFixed(2)} s = ${Math.round(syntheticPapers / rawSeconds)} rows/s`)
    print(`pipeline cost: ${(rawSeconds / bulkSeconds * 100).toFixed(1)}% of the raw insert rate (matching, merging, authors, FTS per record)`)
    const n = (x: number): string => Math.round(x).toLocaleString('en-US')
    print('')
    print('| import | time | rate |')
    print('| --- | ---: | ---: |')
    print(`| corpus, fresh file (${report.read} entries → ${report.new} papers) | ${first.toFixed(2)} s | ${n(report.read / first)} entries/s |`)
    print(`| corpus again (nothing changes) | ${again.toFixed(2)} s | ${n(report.read / again)} entries/s |`)
    print(`| synthetic ${n(syntheticPapers)} papers through importRecords (match, merge, authors, topics, FTS) | ${bulkSeconds.toFixed(1)} s | ${n(syntheticPapers / bulkSeconds)} papers/s |`)
    print(`| synthetic ${n(NAMESAKE_PAPERS)} papers, 400 common names, a third as initials | ${namesakeSeconds.toFixed(1)} s | ${n(NAMESAKE_PAPERS / namesakeSeconds)} papers/s |`)
    print(`| the same records, raw better-sqlite3 prepared insert into one plain table | ${rawSeconds.toFixed(2)} s | ${n(syntheticPapers / rawSeconds)} rows/s |`)
    print('')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
