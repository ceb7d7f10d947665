/**
 * @module `paperscope sync [--source S] [--since DATE] [--feed ID] [--config PATH] [--json]`: runs the feeds
 * the config file lists, once, now. Progress (a line per page, and each wait before a retry) goes to stderr, the summary (per feed: pages,
 * new, merged, rejected with reasons, cursor) to stdout. Ctrl+C stops after the page being written; the next
 * sync resumes from there. New or changed papers are then analysed as after an import (`--no-analyze` skips it). Exit 0: all read (or nothing configured); 2: some records rejected or a feed
 * failed, the rest stored; 1: fatal; 130: stopped by Ctrl+C or SIGTERM, what was stored kept and not analysed yet.
 */
import { findSyncConfig, runSync, type AnalyzeReport, type FeedSummary, type RunSyncResult, type SyncLogger } from '../../commands/index.js'
import { formatImportIssue, pluralize } from '../../core/index.js'
import { labelled, table, wrap } from '../format.js'
import { CliExit, EXIT, type CliIo } from '../io.js'
import { analyzeAfterImport, describeProfileChanges, renderAnalysisLine } from './import.js'
import { printJson, withStore } from './shared.js'

export interface SyncCliOptions {
  source?: string
  since?: string
  feed?: string
  config?: string
  json?: boolean
  /** False with `--no-analyze`: leave the new papers for `paperscope analyze`. */
  analyze?: boolean
}

/** How to configure a feed, printed when nothing is configured. */
export const HOW_TO_CONFIGURE = `Paperscope fetches nothing unless a feed is configured. To add one, write paperscope.config.json
(or point --config / PAPERSCOPE_CONFIG at a file), for example:

  {
    "contact": "you@example.org",
    "feeds": [
      { "id": "arxiv-ml", "source": "arxiv", "categories": ["cs.LG"], "words": ["grokking"] },
      { "id": "hf-daily", "source": "huggingface" }
    ]
  }

then run \`paperscope sync\`. The README's "Feeds (optional, online)" section lists every source and option.
`

/**
 * What the sync says while it runs, one line each on stderr: a retry and how long it waits first (a 503, a
 * Retry-After), a page asked for again. A feed that fails is in the summary instead, and pages have their own
 * progress lines, so those and the debug chatter stay quiet.
 * @example `arxiv: retrying request in 3 s (HTTP 503), attempt 2  http://…/api/query?start=0`
 */
export function waitsOnStderr(io: CliIo): SyncLogger {
  const quiet = (): void => undefined
  return {
    info: quiet,
    debug: quiet,
    warn(fields, message = '') {
      const f = fields as Record<string, unknown>
      if (f['inReport'] === true) return
      const text = (key: string): string | null => (typeof f[key] === 'string' ? (f[key] as string) : null)
      const wait = typeof f['delayMs'] === 'number' ? ` in ${formatWait(f['delayMs'])}` : ''
      const reason = text('reason') ?? text('error')
      const attempt = typeof f['attempt'] === 'number' ? `, attempt ${f['attempt'] + 1}` : ''
      const url = text('url')
      io.stderr(
        `${text('source') ?? text('feed') ?? 'sync'}: ${message}${wait}${reason ? ` (${reason})` : ''}${attempt}${url ? `  ${url}` : ''}\n`,
      )
    },
  }
}

function printNothingToSync(io: CliIo, result: Extract<RunSyncResult, { configured: false }>, opts: SyncCliOptions): void {
  if (opts.json) printJson(io, { configured: false, configPath: result.configPath, reason: result.reason })
  else io.stdout(`Nothing to sync: ${result.reason}.\n\n${HOW_TO_CONFIGURE}`)
}

function formatWait(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${Math.round(ms / 1000)} s`
}

export async function runSyncCommand(
  io: CliIo,
  dbPath: string,
  opts: SyncCliOptions,
  version?: string,
): Promise<void> {
  // Nothing to fetch (no config, no enabled feed; a config it cannot read throws): said before a library is made.
  const { found, nothing } = await findSyncConfig({ cwd: io.cwd, env: io.env, configPath: opts.config })
  if (nothing) {
    printNothingToSync(io, nothing, opts)
    return
  }
  const controller = new AbortController()
  const onSignal = (): void => {
    if (controller.signal.aborted) process.exit(130)
    io.stderr('stopping after the page being written (Ctrl+C again to quit at once) …\n')
    controller.abort(new Error('interrupted'))
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  let result: RunSyncResult
  let analysis: AnalyzeReport | null = null
  try {
    result = await withStore(io, dbPath, async (store) => {
      const synced = await runSync(store, {
        found,
        cwd: io.cwd,
        env: io.env,
        signal: controller.signal,
        configPath: opts.config,
        source: opts.source,
        feed: opts.feed,
        since: opts.since,
        now: () => io.now().getTime(),
        logger: waitsOnStderr(io),
        ...(version ? { version } : {}),
        onPage: ({ feed, page, url, counts }) =>
          io.stderr(
            `${feed}: page ${page}: ${counts.new} new, ${counts.merged} merged, ${counts.updated} updated, ${counts.unchanged} unchanged  ${url}\n`,
          ),
      })
      // What the sync stored is committed; analysing it comes after, as after an import.
      const changed =
        synced.configured && synced.report.new + synced.report.merged + synced.report.updated > 0
      // Stopped by Ctrl+C: end now; the next import, sync or `analyze` analyses what was stored.
      if (changed && opts.analyze !== false && !synced.report.aborted) {
        // As during an import's analysis, Ctrl+C ends the process at once (the shell reports 130): the analysis
        // is one transaction, so nothing of it is saved, and the next import, sync or `analyze` does it. A handler
        // could not run until the analysis, which keeps the thread busy, was over.
        process.removeListener('SIGINT', onSignal)
        process.removeListener('SIGTERM', onSignal)
        io.stderr('analysing what the sync stored (Ctrl+C stops it at once, saving nothing of the analysis) …\n')
        analysis = await analyzeAfterImport(io, store)
      }
      return synced
    }, { create: true })
  } finally {
    process.removeListener('SIGINT', onSignal)
    process.removeListener('SIGTERM', onSignal)
  }

  if (!result.configured) {
    printNothingToSync(io, result, opts)
    return
  }
  if (opts.json) {
    const { report, feeds, configPath, afterSync } = result
    printJson(io, {
      configured: true,
      configPath,
      feeds,
      totals: totals(feeds),
      issues: report.issues,
      repeatedWarnings: report.repeatedWarnings,
      aborted: report.aborted,
      afterSync,
      analysis,
    })
  } else io.stdout(renderSyncResult(result) + (analysis ? renderAnalysisLine(analysis) : ''))
  const { report } = result
  // Stopped by Ctrl+C (or SIGTERM): what was stored stays, but the run did not read everything, or analyse it.
  if (report.aborted) throw new CliExit(EXIT.interrupted)
  if (report.rejected > 0 || report.issues.some((i) => i.severity === 'rejected'))
    throw new CliExit(EXIT.partial)
}

function totals(
  feeds: readonly FeedSummary[],
): Record<'pages' | 'read' | 'new' | 'merged' | 'updated' | 'unchanged' | 'rejected' | 'profiles' | 'candidateProfiles', number> {
  const sum = { pages: 0, read: 0, new: 0, merged: 0, updated: 0, unchanged: 0, rejected: 0, profiles: 0, candidateProfiles: 0 }
  for (const f of feeds) for (const key of Object.keys(sum) as Array<keyof typeof sum>) sum[key] += f[key]
  return sum
}

/**
 * The human summary, at 80 columns as every command: a row per feed with its counts, totals, then each feed's
 * source and cursor on a line of its own (a cursor is JSON of up to a hundred characters, which no column holds),
 * then every rejection with its reason.
 */
export function renderSyncResult(result: Extract<RunSyncResult, { configured: true }>): string {
  const rows: Array<Array<string | number>> = [['feed', 'status', 'pages', 'read', 'new', 'merged', 'updated', 'unchanged', 'rejected']]
  for (const f of result.feeds) rows.push([f.feed, f.status, f.pages, f.read, f.new, f.merged, f.updated, f.unchanged, f.rejected])
  const sum = totals(result.feeds)
  rows.push(['total', '', sum.pages, sum.read, sum.new, sum.merged, sum.updated, sum.unchanged, sum.rejected])
  const out = [labelled(`config: ${result.configPath}`), table(rows), '', 'where each feed resumes next time:']
  // A cursor has no spaces: one too long for the line after its feed's name goes on the next, under it.
  for (const f of result.feeds) out.push(wrap(`${f.feed} (${f.source}): ${shorten(f.cursor ?? 'from the start', CURSOR_SHOWN)}`, '  ', '    '))
  out.push('')
  // Researcher profiles (an OpenAlex or Semantic Scholar author feed) are not papers: the table has no column for them.
  if (sum.profiles > 0)
    out.push(
      labelled(
        `author profiles new or changed: ${result.feeds
          .filter((f) => f.profiles > 0)
          .map((f) => `${f.feed} ${describeProfileChanges(f.profiles, f.candidateProfiles)}`)
          .join('; ')}`,
      ),
      '',
    )
  const { report } = result
  if (report.aborted)
    out.push('stopped before the end; the next `paperscope sync` resumes from the cursors above', '')
  const rejected = report.issues.filter((i) => i.severity === 'rejected')
  const warnings = report.issues.filter((i) => i.severity === 'warning')
  // Each issue starts with its page's URL or feed; what follows goes on under it, as import's issues do.
  const issue = (i: (typeof report.issues)[number]): string => wrap(formatImportIssue(i), '  ', '    ')
  if (rejected.length) out.push(`rejected (${rejected.length}):`, ...rejected.map(issue))
  if (warnings.length) {
    out.push(`warnings (${warnings.length}):`, ...warnings.slice(0, 5).map(issue))
    if (warnings.length > 5) out.push(`  … ${warnings.length - 5} more (--json lists them)`)
  }
  if (report.repeatedWarnings > 0)
    out.push(
      labelled(
        `${pluralize(report.repeatedWarnings, 'warning')} on pages that changed nothing ${report.repeatedWarnings === 1 ? 'was' : 'were'} shown when those records first came, and ${report.repeatedWarnings === 1 ? 'is' : 'are'} not repeated`,
      ),
    )
  if (typeof result.afterSync === 'object') out.push(labelled(`updating the analysis failed: ${result.afterSync.failed}`))
  return `${out.join('\n')}\n`
}

/** The most of a cursor shown: a line under its feed's name, at 80 columns (`--json` gives it whole). */
const CURSOR_SHOWN = 76

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}
