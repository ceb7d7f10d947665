/** @module `paperscope search <query>`: ranked papers with the words that matched. */
import { pluralize } from '../../core/index.js'
import type { SearchResult } from '../../store/index.js'
import type { CliIo } from '../io.js'
import { readableText } from '../../commands/index.js'
import { authorLine } from '../format.js'
import { printJson, withStore } from './shared.js'

export async function runSearch(io: CliIo, dbPath: string, text: string, opts: { limit: number; json?: boolean }): Promise<void> {
  const result = await withStore(io, dbPath, (store) => store.searchPapers({ text, limit: opts.limit }))
  if (opts.json) printJson(io, result)
  else io.stdout(renderSearch(text, result))
}

export function renderSearch(text: string, result: SearchResult): string {
  if (result.total === 0) return `no papers match "${text}"\n`
  const lines = [`${pluralize(result.total, 'paper matches', 'papers match')} "${text}" (showing ${result.items.length}):`]
  result.items.forEach((hit, i) => {
    const p = hit.paper
    lines.push(`${String(i + 1).padStart(3)}. ${readableText(p.title)}  [${p.date ?? 'undated'}]  ${p.id}`)
    lines.push(`     ${authorLine(p, 4)}`)
    const snippet = hit.snippet.map((s) => (s.match ? `*${s.text}*` : s.text)).join('').replace(/\s+/g, ' ')
    if (snippet) lines.push(`     ${snippet.slice(0, 200)}`)
  })
  return `${lines.join('\n')}\n`
}
