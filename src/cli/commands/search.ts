/**
 * @module `paperscope search <query> [--limit N] [--offset N]`: ranked papers with the words that matched, a page
 * at a time (at most the store's page size at once; a larger `--limit` is cut, with a warning naming `--offset`).
 */
import { pluralize } from '../../core/index.js'
import type { SearchResult } from '../../store/index.js'
import type { CliIo } from '../io.js'
import { paperNamedBy, readableText } from '../../commands/index.js'
import { authorLine, listItem, quoted, TERMINAL_WIDTH, wrap } from '../format.js'
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
  // The store searches as many words and phrases as its index takes and drops the rest: say so, as for --limit.
  const terms = result.terms
  if (terms.searched < terms.typed)
    io.stderr(
      `${terms.typed} words and phrases are more than one search takes (at most ${terms.searched}): searched the first ${terms.searched}, the other ${terms.typed - terms.searched} left out\n`,
    )
  if (opts.json) printJson(io, result)
  else io.stdout(renderSearch(text, result))
}

/** A hit's snippet fills at most this many lines of the terminal. */
const SNIPPET_LINES = 3

// Private-use characters LaTeX cleaning leaves alone (it uses U+E000 itself): they carry the matches through it.
const OPEN = '\uF8F0'
const CLOSE = '\uF8F1'

/**
 * The snippet with its matches in `*stars*`, its LaTeX made readable as the web app's search page shows it
 * (`$n\gtrsim d^4$` → n ≳ d⁴, ``grokking'' → “grokking”): cleaned whole, as a formula may span a match.
 */
export function snippetText(segments: ReadonlyArray<{ text: string; match: boolean }>): string {
  const marked = segments.map((s) => (s.match ? `${OPEN}${s.text}${CLOSE}` : s.text)).join('')
  return readableText(marked).replace(/\s+/g, ' ').replaceAll(OPEN, '*').replaceAll(CLOSE, '*').trim()
}

/** The first `max` lines of wrapped text, the last ending in … when there was more. */
function clip(text: string, max: number): string {
  const lines = text.split('\n')
  if (lines.length <= max) return text
  const kept = lines.slice(0, max)
  let last = kept[max - 1]!
  if (!last.endsWith('…')) last = `${[...last].length < TERMINAL_WIDTH ? last : last.replace(/ +\S+$/, '')}…`
  kept[max - 1] = last
  return kept.join('\n')
}

export function renderSearch(text: string, result: SearchResult): string {
  if (result.total === 0) return `no papers match ${quoted(text)}\n`
  const matches = `${pluralize(result.total, 'paper matches', 'papers match')} ${quoted(text)}`
  if (result.items.length === 0 && result.offset > 0) return `${matches}; --offset ${result.offset} is past the last\n`
  const shown =
    result.offset === 0 ? `${result.items.length}` : `${result.offset + 1}–${result.offset + result.items.length}`
  const lines = [`${matches} (showing ${shown}):`]
  result.items.forEach((hit, i) => {
    const p = hit.paper
    lines.push(listItem(`${String(result.offset + i + 1).padStart(3)}. `, `${readableText(p.title)}  [${p.date ?? 'undated'}]  ${p.id}`))
    lines.push(wrap(authorLine(p, 4), '     '))
    const snippet = snippetText(hit.snippet)
    if (snippet) lines.push(clip(wrap(snippet, '     '), SNIPPET_LINES))
  })
  return `${lines.join('\n')}\n`
}
