/** @module `paperscope import <paths...>`: prints what was read, new, merged and rejected, and why. */
import { formatImportIssue, pluralize, type ImportReport } from '../../core/index.js'
import { analyzeNewPapers, importFiles, unreadablePaths, type AnalyzeReport } from '../../commands/index.js'
import { CliExit, EXIT, type CliIo } from '../io.js'
import { labelled, listItem, table, wrap } from '../format.js'
import { createProgress, printJson, withStore } from './shared.js'
import { createAnalyzeProgress } from './analyze.js'

export interface ImportCliOptions {
  format?: string
  captureDate?: string
  json?: boolean
  verbose?: boolean
  /** False with `--no-analyze`: skip analysing the new papers. */
  analyze?: boolean
  /** `--prune`: remove what a list file no longer has even when the removal is held back. */
  prune?: boolean
}

export async function runImport(io: CliIo, dbPath: string, paths: string[], opts: ImportCliOptions): Promise<void> {
  // Nothing that can be read at all is an error, said before the library is opened (as `classify` says a
  // missing file): a mistyped path makes no empty library and no analysis of nothing. A missing path among
  // readable ones is a rejected input in the report, and the rest imports.
  const unreadable = await unreadablePaths(paths, io.cwd)
  if (paths.length > 0 && unreadable.length === paths.length) {
    for (const why of unreadable) io.stderr(`error [SOURCE_UNAVAILABLE]: ${why}\n`)
    throw new CliExit(EXIT.fatal)
  }
  const progress = createProgress(io, 'importing')
  const { report, analysis } = await withStore(io, dbPath, async (store) => {
    const report = await importFiles(store, paths, {
      cwd: io.cwd,
      now: io.now,
      ...(opts.format ? { format: opts.format } : {}),
      ...(opts.captureDate ? { captureDate: opts.captureDate } : {}),
      ...(opts.prune ? { prune: true } : {}),
      onBatch: (done, total) => progress.update(done, total),
    }).finally(() => progress.stop())
    return { report, analysis: opts.analyze === false ? null : await analyzeAfterImport(io, store) }
  }, { create: true })
  if (opts.json) printJson(io, { ...report, analysis })
  else io.stdout(renderImportReport(report, opts.verbose ?? false) + (analysis ? renderAnalysisLine(analysis) : ''))
  if (report.rejected > 0) throw new CliExit(EXIT.partial)
}

/**
 * Author profiles new or changed, with the candidates (search hits kept with no person yet) apart from people's, in
 * `stats`' words: a Semantic Scholar author search brings dozens of hits, which are not that many researchers.
 * @example describeProfileChanges(65, 58) // '7 of people, 58 candidate profiles (search hits, no person yet)'
 */
export function describeProfileChanges(profiles: number, candidates: number): string {
  const people = profiles - candidates
  return [
    ...(people > 0 || candidates === 0 ? [`${people} of people`] : []),
    ...(candidates > 0 ? [`${pluralize(candidates, 'candidate profile')} (search hits, no person yet)`] : []),
  ].join(', ')
}

/** The human summary of an import: a row per input, totals, then the rejections with file and line. */
export function renderImportReport(report: ImportReport, verbose: boolean): string {
  // `removed` (entries a list file no longer has) is a column only when a list lost some, which is rare.
  const removed = report.removed > 0
  const rows: Array<Array<string | number>> = [
    ['input', 'format', 'read', 'new', 'merged', 'updated', 'unchanged', ...(removed ? ['removed'] : []), 'rejected'],
  ]
  for (const i of report.inputs)
    rows.push([i.input, i.format, i.read, i.new, i.merged, i.updated, i.unchanged, ...(removed ? [i.removed] : []), i.rejected])
  rows.push(['total', '', report.read, report.new, report.merged, report.updated, report.unchanged, ...(removed ? [report.removed] : []), report.rejected])
  const out = [table(rows), '']
  if (report.profiles) out.push(labelled(`author profiles new or changed: ${describeProfileChanges(report.profiles, report.candidateProfiles)}`))
  if (removed) {
    // Records, not papers: a moved entry's paper stays (its new entry joined it), a deleted one's leaves.
    const left = report.papersRemoved
    const stay = report.removedOfStayingPapers
    out.push(
      labelled(
        `removed: ${pluralize(report.removed, 'entry', 'entries')} no longer in ${report.inputs.filter((i) => i.removed > 0).length === 1 ? 'its list file' : 'their list files'}` +
          (stay > 0 ? `; ${stay} of them belonged to papers that stay (the entry moved or was retitled, or another record has the paper)` : ''),
      ),
    )
    if (left.length > 0) {
      const shown = verbose ? left : left.slice(0, 5)
      out.push(`left the library (${left.length}):`, ...shown.map((p) => listItem(`  ${p.id}  `, `${p.title}  (${p.input})`)))
      if (shown.length < left.length) out.push(`  … ${left.length - shown.length} more (--verbose lists them)`)
    }
  }
  const rejected = report.issues.filter((i) => i.severity === 'rejected')
  const warnings = report.issues.filter((i) => i.severity === 'warning')
  // Each issue starts with its file and line; what follows goes on under it, at 80 columns as the table.
  const issue = (i: (typeof report.issues)[number]): string => wrap(formatImportIssue(i), '  ', '    ')
  if (rejected.length) out.push(`rejected (${rejected.length}):`, ...rejected.map(issue))
  if (warnings.length) {
    const shown = verbose ? warnings : warnings.slice(0, 5)
    out.push(`warnings (${warnings.length}):`, ...shown.map(issue))
    if (shown.length < warnings.length) out.push(`  … ${warnings.length - shown.length} more (--verbose lists them)`)
  }
  return `${out.join('\n')}\n`
}

/**
 * Analyses the papers an import brought (the new or changed papers with the stored models, or a refit: none stored yet, or the library grew). The import is
 * already committed, so a failing analysis is reported and the import still counts. `saved` names what was (`rematch` passes its own words).
 */
export async function analyzeAfterImport(
  io: CliIo,
  store: Parameters<typeof analyzeNewPapers>[0],
  saved = 'the import is saved',
): Promise<AnalyzeReport | null> {
  const progress = createAnalyzeProgress(io)
  try {
    return await analyzeNewPapers(store, { onProgress: (p) => progress.update(p), now: io.now })
  } catch (err) {
    io.stderr(`warning: ${saved}, but analysing the new papers failed (${(err as Error).message}); run \`paperscope analyze\`\n`)
    return null
  } finally {
    progress.stop()
  }
}

/** What the analysis after an import, sync or rematch did, in a sentence wrapped at 80 columns under its label. */
export function renderAnalysisLine(a: AnalyzeReport): string {
  const what =
    a.mode === 'full'
      ? `fitted the models (${a.reason ?? 'requested'}) and analysed ${a.analyzed === 1 ? 'the one paper' : `all ${a.analyzed} papers`}`
      : `analysed ${pluralize(a.analyzed, 'new or changed paper')} with the stored models`
  return `${labelled(`analysis: ${what} in ${(a.ms.total / 1000).toFixed(1)} s (${pluralize(a.topics.predicted, 'topic')} predicted, ${a.topics.unsorted} unsorted, ${pluralize(a.digests.generated, 'digest')} generated)`)}\n`
}
