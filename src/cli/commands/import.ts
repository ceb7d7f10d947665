/** @module `paperscope import <paths...>`: prints what was read, new, merged and rejected, and why. */
import { formatImportIssue, type ImportReport } from '../../core/index.js'
import { importFiles } from '../../commands/index.js'
import { CliExit, EXIT, type CliIo } from '../io.js'
import { table } from '../format.js'
import { createProgress, printJson, withStore } from './shared.js'

export interface ImportCliOptions {
  format?: string
  captureDate?: string
  json?: boolean
  verbose?: boolean
}

export async function runImport(io: CliIo, dbPath: string, paths: string[], opts: ImportCliOptions): Promise<void> {
  const progress = createProgress(io, 'importing')
  const report = await withStore(io, dbPath, (store) =>
    importFiles(store, paths, {
      cwd: io.cwd,
      now: io.now,
      ...(opts.format ? { format: opts.format } : {}),
      ...(opts.captureDate ? { captureDate: opts.captureDate } : {}),
      onBatch: (done, total) => progress.update(done, total),
    }).finally(() => progress.stop()),
  )
  if (opts.json) printJson(io, report)
  else io.stdout(renderImportReport(report, opts.verbose ?? false))
  if (report.rejected > 0) throw new CliExit(EXIT.partial)
}

/** The human summary of an import: a row per input, totals, then the rejections with file and line. */
export function renderImportReport(report: ImportReport, verbose: boolean): string {
  const rows: Array<Array<string | number>> = [['input', 'format', 'read', 'new', 'merged', 'updated', 'unchanged', 'rejected']]
  for (const i of report.inputs) rows.push([i.input, i.format, i.read, i.new, i.merged, i.updated, i.unchanged, i.rejected])
  rows.push(['total', '', report.read, report.new, report.merged, report.updated, report.unchanged, report.rejected])
  const out = [table(rows), '']
  if (report.profiles) out.push(`author profiles new or changed: ${report.profiles}`)
  const rejected = report.issues.filter((i) => i.severity === 'rejected')
  const warnings = report.issues.filter((i) => i.severity === 'warning')
  if (rejected.length) out.push(`rejected (${rejected.length}):`, ...rejected.map((i) => `  ${formatImportIssue(i)}`))
  if (warnings.length) {
    const shown = verbose ? warnings : warnings.slice(0, 5)
    out.push(`warnings (${warnings.length}):`, ...shown.map((i) => `  ${formatImportIssue(i)}`))
    if (shown.length < warnings.length) out.push(`  … ${warnings.length - shown.length} more (--verbose lists them)`)
  }
  return `${out.join('\n')}\n`
}
