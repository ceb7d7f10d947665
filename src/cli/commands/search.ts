/**
 * @module `paperscope search <query> [--limit N] [--offset N]`: ranked papers with the words that matched, a page
 * at a time (at most the store's page size at once; a larger `--limit` is cut, with a warning naming `--offset`).
 */
import { pluralize } from '../../core/index.js'
import type { SearchResult } from '../../store/index.js'
import type { CliIo } from '../io.js'
import { paperNamedBy, readableText } from '../../commands/index.js'
import { authorLine } from '../format.js'
import { printJson, withStore } from './shared.js'

export async function runSearch(
  io: CliIo,
  dbPath: string,
  text: string,
  opts: { limit: number; offset?: number; json?: boolean },
): Promise<void> {
  const offset = opts.offset ?? 0
  const result = await withStore(io, dbPath, async (store) => {
    const named = await paperNamedBy(store, text)
    return store.searchPapers({ text, limit: opts.limit, offset, ...(named ? { paperIdNamed: named } : {}) })
  })
  // The store returns at most `result.limit` at once; say so rather than drop the rest silently.
  const next = offset + result.items.length
  if (result.limit < opts.limit && next < result.total)
    io.stderr(
      `--limit ${opts.limit} is more than one search returns (at most ${result.limit}): showing ${result.items.length} of ${result.total}; --offset ${next} shows the next\n`,
    )
  if (opts.json) printJson(io, result)
  else io.stdout(renderSearch(text, result))
}

export function renderSearch(text: string, result: SearchResult): string {
  if (result.total === 0) return `no papers match "${text}"\n`
  const matches = `${pluralize(result.total, 'paper matches', 'papers match')} "${text}"`
  if (result.items.length === 0 && result.offset > 0) return `${matches}; --offset ${result.offset} is past the last\n`
  const shown =
    result.offset === 0 ? `${result.items.length}` : `${result.offset + 1}–${result.offset + result.items.length}`
  const lines = [`${matches} (showing ${shown}):`]
  result.items.forEach((hit, i) => {
    const p = hit.paper
    lines.push(`${String(result.offset + i + 1).padStart(3)}. ${readableText(p.title)}  [${p.date ?? 'undated'}]  ${p.id}`)
    lines.push(`     ${authorLine(p, 4)}`)
    const snippet = hit.snippet.map((s) => (s.match ? `*${s.text}*` : s.text)).join('').replace(/\s+/g, ' ')
    if (snippet) lines.push(`     ${snippet.slice(0, 200)}`)
  })
  return `${lines.join('\n')}\n`
}
