/** @module `paperscope stats`: what the library holds. */
import { libraryOverview, type LibraryOverview } from '../../commands/index.js'
import type { CliIo } from '../io.js'
import { table } from '../format.js'
import { printJson, withStore } from './shared.js'

export async function runStats(io: CliIo, dbPath: string, opts: { json?: boolean }): Promise<void> {
  const overview = await withStore(io, dbPath, (store) => libraryOverview(store))
  if (opts.json) printJson(io, overview)
  else io.stdout(renderStats(overview))
}

export function renderStats(o: LibraryOverview): string {
  const s = o.stats
  const out = [
    `library: ${o.location}`,
    table([
      ['papers', s.papers],
      ['authors', s.authors],
      ['source records', s.sourceRecords],
      ['papers merged from several records', s.mergedPapers],
      ['records merged into another record\'s paper', s.mergedRecords],
      // Search hits are kept with no person (2f3edce): counted apart, since they are no one's profile yet.
      ['author profiles of people', s.authorProfiles - s.candidateProfiles],
      ['candidate profiles (search hits, no person yet)', s.candidateProfiles],
      ['papers without a year', s.papersWithoutYear],
    ]),
    '',
    'per source:',
    table([['  source', 'records', 'papers'], ...Object.entries(s.perSource).map(([k, v]) => [`  ${k}`, v.records, v.papers])]),
    '',
    // Curated and predicted apart, and all of them: `all` is what `export --topic`, /topics and the web count.
    'per topic (papers curated by a source, predicted by the analysis, and all):',
    s.topicCounts.length === 0
      ? '  none yet: topics come from a curated list (an awesome list) and the analysis'
      : table([
          ['  topic', 'curated', 'predicted', 'all'],
          ...s.topicCounts.map((t) => [`  ${t.label}`, t.curated, t.predicted, t.papers]),
        ]),
  ]
  return `${out.join('\n')}\n`
}
