/**
 * @module `paperscope rematch [--dry-run] [--json] [--no-analyze]`: today's matcher decides again which records are one
 * paper, for the whole library, and the papers it groups otherwise are split, joined or regrouped (one transaction),
 * each said with why; then the changed papers are analysed, as after an import. Run by hand after an upgrade whose
 * matcher changed: an import never matches an unchanged record again.
 */
import { pluralize } from '../../core/index.js'
import { rematchLibrary, type AnalyzeReport, type RematchReport } from '../../commands/index.js'
import type { CliIo } from '../io.js'
import { analyzeAfterImport, renderAnalysisLine } from './import.js'
import { createProgress, printJson, withStore } from './shared.js'

export interface RematchCliOptions {
  dryRun?: boolean
  json?: boolean
  /** False with `--no-analyze`: skip analysing the changed papers. */
  analyze?: boolean
}

export async function runRematch(io: CliIo, dbPath: string, opts: RematchCliOptions): Promise<void> {
  const progress = createProgress(io, 'rematching')
  const { report, analysis } = await withStore(io, dbPath, async (store) => {
    const report = await rematchLibrary(store, {
      dryRun: opts.dryRun ?? false,
      onProgress: (done, total) => progress.update(done, total),
    }).finally(() => progress.stop())
    const analysis: AnalyzeReport | null =
      report.applied && opts.analyze !== false ? await analyzeAfterImport(io, store, 'the rematch is saved') : null
    return { report, analysis }
  })
  if (opts.json) printJson(io, { ...report, analysis })
  else io.stdout(renderRematchReport(report) + (analysis ? renderAnalysisLine(analysis) : ''))
}

/** A line per change (what happens and why), then the counts; a dry run says that nothing was written. */
export function renderRematchReport(r: RematchReport): string {
  if (r.changes.length === 0 && r.ids.length === 0)
    return `nothing to change: today's matcher makes the same ${pluralize(r.papersAfter, 'paper')} of the ${pluralize(r.records, 'record')}\n`
  const counts = [
    pluralize(r.splits, 'split'),
    pluralize(r.joins, 'join'),
    pluralize(r.regroups, 'regroup'),
  ].join(', ')
  const out = [
    ...r.changes.flatMap((c) => c.lines),
    ...r.ids.map((c) => c.line),
    '',
    `${counts}; papers ${r.papersBefore} → ${r.papersAfter} (${r.papersCreated} new, ${r.papersRemoved} joined into another: their ids lead there); ${pluralize(r.recordsMoved, 'record')} moved` +
      (r.ids.length ? `; ${pluralize(r.ids.length, 'paper')} ${r.ids.length === 1 ? 'shows' : 'show'} other ids` : ''),
  ]
  if (r.dryRun) out.push('dry run: nothing was written (`paperscope rematch` applies it)')
  return `${out.join('\n')}\n`
}
