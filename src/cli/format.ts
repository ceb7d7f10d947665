/** @module Plain-text rendering for the terminal: tables, papers, authors. */
import type { Paper, PaperWithSources } from '../core/index.js'
import { readableText } from '../commands/index.js'

/**
 * Left-aligned columns; numbers right-aligned. The table fits `width` columns: a first cell too long for the room
 * the other columns leave it (a file's path, a long topic name) gets a line of its own (wrapped when it is longer
 * than a line and has spaces), and its row goes on the line below, under the first column. A table whose other
 * columns alone are wider keeps its rows whole.
 * @example table([['input', 'read'], ['data/corpus/awesome-deep-phenomena.txt', 496]], 20) // 'input  read\ndata/corpus/awesome-deep-phenomena.txt\n        496'
 */
export function table(rows: Array<Array<string | number>>, width = TERMINAL_WIDTH): string {
  const len = (cell: string | number): number => [...String(cell)].length
  const widths: number[] = []
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, len(cell))))
  // The room the other columns leave the first. When it is less than the header's, no layout fits (sync's
  // cursors): the rows stay whole, as splitting them would only make the table longer.
  const rest = widths.slice(1).reduce((sum, w) => sum + w + 2, 0)
  const room = width - rest
  if (room >= len(rows[0]?.[0] ?? '')) widths[0] = Math.max(0, ...rows.map((row) => len(row[0] ?? '')).filter((w) => w <= room))
  const line = (row: Array<string | number>): string =>
    row
      .map((cell, i) => (typeof cell === 'number' ? String(cell).padStart(widths[i]!) : String(cell) + ' '.repeat(Math.max(0, widths[i]! - len(cell)))))
      .join('  ')
      .trimEnd()
  return rows
    .map((row) => (len(row[0] ?? '') <= widths[0]! ? line(row) : `${ownLine(String(row[0]), width)}\n${line(['', ...row.slice(1)])}`))
    .join('\n')
}

/** A first cell on a line of its own: a name of many words wrapped under its indent, a path whole. */
function ownLine(cell: string, width: number): string {
  const indent = /^ */.exec(cell)![0]
  return wrap(cell.slice(indent.length), indent, `${indent}  `, width)
}

export function authorLine(paper: Paper, max = 6): string {
  const listed = paper.authors.filter((a) => a.position !== null)
  const others = paper.authors.filter((a) => a.position === null)
  const names = listed.slice(0, max).map((a) => a.name)
  const more = listed.length > max || paper.authorsTruncated ? ' et al.' : ''
  const extra = others.length ? ` (also: ${others.map((a) => a.name).join(', ')})` : ''
  return `${names.join(', ')}${more}${extra}` || '(no authors listed)'
}

export function paperHeadline(paper: Paper): string {
  const when = paper.date ?? (paper.listedAt ? `listed ${paper.listedAt}` : 'undated')
  return `${readableText(paper.title)}${paper.titleDerived ? ' [title derived from abstract]' : ''}  (${when})`
}

/** Prose lines fit a terminal of this many columns, the common default: a wider one reads them the same. */
export const TERMINAL_WIDTH = 80

/**
 * `text` as lines of at most `width` columns: the first begins with `first`, the others with `rest` (a hanging
 * indent under a label). A word longer than a line (a path, a URL) gets a line of its own rather than a cut.
 * Runs of spaces become one, unless `keepSpaces` (a list line's `title  [2023]  id` keeps its columns).
 */
export function wrap(text: string, first = '  ', rest = first, width = TERMINAL_WIDTH, { keepSpaces = false } = {}): string {
  // Each word with the spaces before it, which a line break drops.
  const words = [...(keepSpaces ? text.trim() : text.replace(/\s+/g, ' ').trim()).matchAll(/( *)(\S+)/g)]
  const lines: string[] = []
  let line = first
  let empty = true
  for (const [, gap, w] of words) {
    if (!empty && line.length + gap!.length + w!.length > width) {
      lines.push(line)
      line = rest + w
    } else line = empty ? line + w : line + gap + w
    empty = false
  }
  lines.push(line)
  return lines.map((l) => l.trimEnd()).join('\n')
}

/** The most of a query or reference a message repeats: a pasted abstract is named by its start. */
const QUOTED_MAX = 60

/** `text` in double quotes for a message, a long one cut between words with … (`"We study grokking in…"`). */
export function quoted(text: string, max = QUOTED_MAX): string {
  const t = text.replace(/\s+/g, ' ').trim()
  if (t.length <= max) return `"${t}"`
  const cut = t.slice(0, max + 1).replace(/\s+\S*$/, '')
  return `"${cut.length > 0 ? cut : t.slice(0, max)}…"`
}

/** A list line, `lead` (`  1. `) then `text` (`Title  [2023]  id`), its continuation under the text. */
export function listItem(lead: string, text: string, width = TERMINAL_WIDTH): string {
  return wrap(text, lead, ' '.repeat(lead.length), width, { keepSpaces: true })
}

/** A label and its prose, wrapped under the label's indent plus two: `  how: long text…` → continued at 4. */
export function labelled(line: string, width = TERMINAL_WIDTH): string {
  const indent = /^ */.exec(line)![0]
  return wrap(line.slice(indent.length), indent, `${indent}  `, width)
}

/**
 * `noTopics`: the lines that say why a paper without topics has none; `fewKeywords`: why it has fewer than two
 * key words (see `show`); `keywordWhy`: each key word's reasons as the analysis stored them (the API's and the paper
 * page's `why`), by its text; `language`: the language the analysis told its text is in (storedLanguage), shown only
 * when it is not English.
 */
export function renderPaper(
  paper: PaperWithSources,
  {
    noTopics = [],
    fewKeywords = [],
    keywordWhy = new Map(),
    language = null,
  }: { noTopics?: readonly string[]; fewKeywords?: readonly string[]; keywordWhy?: ReadonlyMap<string, readonly string[]>; language?: string | null } = {},
): string {
  const out: string[] = []
  out.push(wrap(paperHeadline(paper), '', '  ', TERMINAL_WIDTH, { keepSpaces: true }), `  id: ${paper.id}`)
  const ids = Object.entries(paper.ids).map(([k, v]) => `${k} ${v}`)
  if (ids.length) out.push(`  ids: ${ids.join(' · ')}`)
  out.push(labelled(`  authors: ${authorLine(paper, 50)}`))
  if (paper.date) out.push(`  date: ${paper.date} (${paper.datePrecision} precision)`)
  if (paper.listedAt) out.push(`  listed: ${paper.listedAt}`)
  if (paper.venue) out.push(labelled(`  venue: ${paper.venue}`))
  if (paper.categories.length) out.push(labelled(`  categories: ${paper.categories.join(', ')}`))
  // Only a text not in English says its language: it is why such a paper has no key words of its own.
  if (language !== null && language !== 'English') out.push(`  language: ${language}`)
  if (paper.topics.length)
    out.push(
      labelled(`  topics: ${paper.topics.map((t) => (t.origin === 'curated' ? t.label : `${t.label} (predicted ${Math.round(Number(((t.confidence ?? 0) * 100).toFixed(6)))}%)`)).join('; ')}`),
    )
  else out.push(...noTopics.map((l) => labelled(l)))
  const curatedWords = paper.keywords.filter((k) => k.origin === 'curated')
  const extractedWords = paper.keywords.filter((k) => k.origin === 'extracted')
  const suggestedWords = paper.keywords.filter((k) => k.origin === 'suggested')
  if (curatedWords.length) out.push(labelled(`  key words: ${curatedWords.map((k) => k.text).join('; ')}`))
  if (extractedWords.length) out.push(labelled(`  key words (extracted from the text): ${extractedWords.map((k) => k.text).join('; ')}`))
  if (suggestedWords.length) out.push(...renderSuggested(suggestedWords, keywordWhy))
  out.push(...fewKeywords.map((l) => labelled(l)))
  if (paper.citationCount !== null) out.push(`  citations: ${paper.citationCount}`)
  if (paper.digest) out.push(`  digest (${paper.digest.origin}):`, wrap(readableText(paper.digest.text), '    '))
  if (paper.abstract) out.push('  abstract:', wrap(readableText(paper.abstract), '    '))
  out.push(`  sources (${paper.sources.length}):`)
  for (const s of paper.sources) {
    const why = s.matchReason ? ` — merged by ${s.matchReason}` : ' — created the paper'
    out.push(wrap(`${s.source}  ${s.locator}  fetched ${s.fetchedAt}${why}`, '    ', '      ', TERMINAL_WIDTH, { keepSpaces: true }))
    if (s.title && s.title !== paper.title) out.push(labelled(`      title there: ${readableText(s.title)}`))
    // An id the paper does not show: a preprint's DOI beside the publication's, or another paper's it carried.
    const unshown = Object.entries(s.ids).filter(([k, v]) => paper.ids[k as keyof typeof paper.ids] !== v)
    if (unshown.length) out.push(labelled(`      ids there: ${unshown.map(([k, v]) => `${k} ${v}`).join(' · ')}`))
  }
  return out.join('\n')
}

/**
 * A paper's suggested key words (not in its text), each with its own reasons as the paper page lists them (`text:
 * why, why`): similar papers, the paper's topic or papers worded like it, not one cause for all. Without stored
 * reasons (no analysis row for them) the words alone.
 */
function renderSuggested(words: readonly PaperWithSources['keywords'][number][], why: ReadonlyMap<string, readonly string[]>): string[] {
  if (!words.some((k) => (why.get(k.text) ?? []).length > 0)) return [labelled(`  key words (suggested, not in the text): ${words.map((k) => k.text).join('; ')}`)]
  return ['  key words (suggested, not in the text):', ...words.map((k) => labelled(`    ${k.text}${(why.get(k.text) ?? []).length > 0 ? `: ${why.get(k.text)!.join(', ')}` : ''}`))]
}
