/**
 * @module BibTeX import with citation-js (which decodes `{\"o}`, keeps `{GAN}` as written and reads
 * `J{\"u}rgen` right). The file is cut into entries first, so one broken entry is a rejected issue with
 * its line number while the rest of the file imports; `@string` macros apply to every entry, and `crossref`
 * gives an entry what it lacks from the entry it names (the first with that key, up a chain of any length), as
 * BibTeX and biber do.
 */
import { createRequire } from 'node:module'
import type { plugins as CitationPlugins } from '@citation-js/core'
import {
  arxivUrl,
  createSourceRecord,
  doiUrl,
  fileEntryKey,
  formatPartialDate,
  type ExternalIds,
  type ImportIssue,
  type ParseResult,
  type SourceRecord,
} from '../../core/index.js'
import type { ParseContext } from '../file-format.js'
import { cleanText, emptyParseResult, normalizeArxivId, normalizeDoi } from '../source.js'
import { DERIVED_TITLE_NOTE, isPreprintVenue, KEPT_FIELDS, NAME_SUFFIX, UNLISTED_AUTHORS_FIELD } from './format.js'

/**
 * citation-js, loaded on the first BibTeX file rather than with the importers: it is a fifth of what every
 * `paperscope` command loads at start-up (`classify` and `search` never read BibTeX). It is CommonJS, so a
 * synchronous require keeps the parser synchronous.
 */
let citationPlugins: typeof CitationPlugins | null = null
function citationJs(): typeof CitationPlugins {
  if (!citationPlugins) {
    const require = createRequire(import.meta.url)
    citationPlugins = (require('@citation-js/core') as { plugins: typeof CitationPlugins }).plugins
    require('@citation-js/plugin-bibtex')
  }
  return citationPlugins
}

export const BIBTEX_SOURCE = 'bibtex'

/** One `@type{...}` block of a file, with the line it starts on. */
interface Chunk {
  type: string
  line: number
  /** Where it starts in the file's text. */
  start: number
  text: string
}

const ENTRY_START = /^[ \t]*@[ \t]*([A-Za-z]+)[ \t]*[{(]/gm

/** Cuts a file at every line that starts an entry. Text before the first entry is ignored (BibTeX does too). */
function splitEntries(text: string): Chunk[] {
  const starts: Array<{ index: number; type: string }> = []
  for (const m of text.matchAll(ENTRY_START)) starts.push({ index: m.index, type: m[1]!.toLowerCase() })
  const lineAt = lineCounter(text)
  return starts.map((s, i) => ({
    type: s.type,
    line: lineAt(s.index),
    start: s.index,
    text: braced(text.slice(s.index, starts[i + 1]?.index ?? text.length)),
  }))
}

/**
 * An entry written in parentheses, `@article(key, title = "T")`, as BibTeX also takes them, written in braces,
 * which is all the parser reads: the `(` after the type and the `)` that closes it outside braces and quotes.
 * An entry in braces, or one whose `)` never comes, is returned as it is.
 * @example braced('@article(k, title = {(a) b})\n') // '@article{k, title = {(a) b}}\n'
 */
function braced(entry: string): string {
  const open = /^[ \t]*@[ \t]*[A-Za-z]+[ \t]*\(/.exec(entry)
  if (!open) return entry
  let depth = 0
  let quoted = false
  for (let i = open[0].length; i < entry.length; i++) {
    const c = entry[i]
    if (c === '\\') i++
    else if (c === '{') depth++
    else if (c === '}') depth = Math.max(0, depth - 1)
    else if (c === '"' && depth === 0) quoted = !quoted
    else if (c === ')' && depth === 0 && !quoted) return `${entry.slice(0, open[0].length - 1)}{${entry.slice(open[0].length, i)}}${entry.slice(i + 1)}`
  }
  return entry
}

/** Longest entry read, in characters: the parser recurses over a field's text and runs out of stack near 10 MB. */
const MAX_ENTRY_LENGTH = 1_000_000

/**
 * Where an entry opened with `{` closes (BibTeX also allows `(`, which {@link braced} has made a brace when it could):
 * `end` just past its closing brace, or -1 with the `depth` of braces left open when it does not close within
 * {@link MAX_ENTRY_LENGTH}. Null for an entry not opened with `{`.
 */
function entryExtent(text: string): { end: number; depth: number } | null {
  const open = /^\s*@[ \t]*[A-Za-z]+[ \t]*\{/.exec(text)
  if (!open) return null
  let depth = 0
  for (let i = open[0].length - 1; i < text.length && i <= MAX_ENTRY_LENGTH; i++) {
    const c = text[i]
    if (c === '\\') i++
    else if (c === '{') depth++
    else if (c === '}' && --depth === 0) return { end: i + 1, depth: 0 }
  }
  return { end: -1, depth }
}

/**
 * An entry's text to its closing brace. What follows, up to the next entry, is text BibTeX skips (a comment, a
 * note); given to the parser with the entry, an `@` in it (`% kept by jane@example.org`) would start another entry
 * and fail this one.
 */
function entryText(text: string): string {
  const end = entryExtent(text)?.end ?? -1
  return end < 0 ? text : text.slice(0, end)
}

/**
 * What makes an entry unreadable before the parser says it in its own words ("This format is not supported or
 * recognized", "Maximum call stack size exceeded"): braces that never close (a file cut off mid-entry), or an
 * entry longer than any real one.
 */
function entryProblem(chunk: Chunk): string | null {
  // Only an entry opened with `{` is checked, from that brace to the one closing it: comments after the entry are
  // part of its chunk, and a brace in them is none of the entry's.
  const extent = entryExtent(chunk.text)
  if (!extent || extent.end >= 0) return null
  const { depth } = extent
  if (chunk.text.length > MAX_ENTRY_LENGTH)
    return `it is over ${MAX_ENTRY_LENGTH.toLocaleString('en')} characters long, more than an entry may have`
  return `it is not closed: ${depth === 1 ? 'a `{` has' : `${depth} \`{\` have`} no matching \`}\` before the next entry or the end of the file`
}

/**
 * The parser's "at line N col M" counts lines of what it was given (the file's @string macros, then the entry);
 * a reader needs the file's line.
 */
function inFileLines(message: string, chunk: Chunk, macros: string): string {
  const before = macros.split('\n').length
  return message.replace(/\bline (\d+)(?= col \d+)/, (m, n: string) => (Number(n) > before ? `line ${chunk.line + Number(n) - 1 - before}` : m))
}

/**
 * The parser's `expected "rbrace", got "identifier"` where a field follows another with no comma between them
 * (`author = {Alan Turing}` then `year = 1950`), said with both fields and their file lines. Such an entry is
 * rejected, not mended: BibTeX and biber stop at it too, so the file needs the comma for LaTeX anyway. Null for any
 * other failure, or when the place the parser names holds no `field =`.
 */
function missingComma(message: string, chunk: Chunk, macros: string): string | null {
  const at = /expected "rbrace", got "identifier" at line (\d+) col (\d+)/.exec(message)
  if (!at) return null
  const lines = chunk.text.split('\n')
  const index = Number(at[1]) - 1 - macros.split('\n').length
  const line = lines[index]
  const next = line === undefined ? null : /^([A-Za-z][\w:.+-]*)\s*=/.exec(line.slice(Number(at[2]) - 1))
  if (!next) return null
  const nextAt = lines.slice(0, index).reduce((n, l) => n + l.length + 1, 0) + Number(at[2]) - 1
  // The field before: the last `name =` at the depth of the entry's first field, not one inside a value
  // (`title = {a = b}`). One pass: braces counted from one candidate to the next.
  const before = chunk.text.slice(0, nextAt)
  let previous: RegExpExecArray | undefined
  let [depth, counted, own] = [0, 0, -1]
  for (const m of before.matchAll(/(?<=^|[\s,{])([A-Za-z][\w:.+-]*)\s*=/g)) {
    for (; counted < m.index; counted++) depth += before[counted] === '{' ? 1 : before[counted] === '}' ? -1 : 0
    if (own === -1) own = depth
    if (depth === own) previous = m
  }
  if (!previous) return null
  const lineOf = lineCounter(chunk.text)
  return (
    `a comma is missing between the fields \`${previous[1]!}\` (line ${chunk.line + lineOf(previous.index) - 1}) ` +
    `and \`${next[1]!}\` (line ${chunk.line + index}): every field but the last ends with a comma`
  )
}

/** The file line a field of an entry is written on (the entry's first line when it cannot be found). */
function fieldLine(chunk: Chunk, field: string): number {
  const at = new RegExp(`^[ \\t]*${field}[ \\t]*=`, 'im').exec(chunk.text)?.index
  return at === undefined ? chunk.line : chunk.line + (chunk.text.slice(0, at).match(/\n/g)?.length ?? 0)
}

function lineCounter(text: string): (index: number) => number {
  const newlines: number[] = []
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) newlines.push(i)
  return (index) => {
    let lo = 0
    let hi = newlines.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (newlines[mid]! < index) lo = mid + 1
      else hi = mid
    }
    return lo + 1
  }
}

interface BibEntry {
  type: string
  label: string
  properties: Record<string, unknown>
}

interface CslName {
  given?: string
  family?: string
  literal?: string
  'non-dropping-particle'?: string
  'dropping-particle'?: string
  suffix?: string
}

interface CslItem {
  title?: string
  author?: CslName[]
  issued?: { 'date-parts'?: Array<Array<number | string>> }
  /** From `origdate`: the original publication (a preprint before its proceedings). */
  'original-date'?: { 'date-parts'?: Array<Array<number | string>> }
  'container-title'?: string
  abstract?: string
  URL?: string
  DOI?: string
  keyword?: string
}

/** How sure we are that a file is BibTeX. */
export function detectBibtex(text: string, fileName: string): number {
  const hasEntry =
    /^[ \t]*@[ \t]*(article|inproceedings|incollection|book|misc|phdthesis|mastersthesis|techreport|online|conference|unpublished|proceedings|inbook|manual|report|thesis)[ \t]*[{(]/im.test(
      text.slice(0, 200_000),
    )
  if (/\.(bib|bibtex)$/i.test(fileName)) return hasEntry ? 0.99 : 0.6
  return hasEntry ? 0.8 : 0
}

/** Blocks of a file that are no entries: BibTeX reads `@string` for its macros and skips the others. */
const NOT_ENTRIES = new Set(['string', 'comment', 'preamble'])

/**
 * Parses a BibTeX/BibLaTeX file into records; never throws for a bad entry.
 *
 * Keys are one key in any case, as BibTeX takes them, and the first entry with a key is the one BibTeX keeps: a
 * later entry with it (`dupkey`, then `DupKey`) is a rejected duplicate, also when the first could not be read.
 * An entry with a `crossref` takes the fields it lacks from that first entry, wherever it is in the file
 * ({@link createCrossrefResolver}); a parent with no authors of its own (DBLP's `@proceedings`, an edited
 * `@book`) is a volume its papers are in, not a paper: it gives no record and is no entry of the count, and a
 * NOT_A_PAPER warning says so. What is said of many entries alike (a DBLP export's volumes, one per venue; crossref
 * keys the file lacks, as in DBLP entries pasted one by one) is one warning with a count and the first few by key
 * and line; a problem of one entry (a month it cannot read, a crossref loop) is said of that entry, on its line.
 * @example parseBibtex(readFileSync('refs.bib', 'utf8'), { input: 'refs.bib', fetchedAt })
 */
export function parseBibtex(text: string, ctx: ParseContext): ParseResult {
  const result = emptyParseResult()
  // Control characters go before the file is cut into entries, so that one before an `@` hides no entry.
  const screened = removeControlCharacters(text.replace(/^\uFEFF/, ''))
  const chunks = splitEntries(screened.text)
  const removed = removedByChunk(chunks, screened.removed)
  const macros = chunks
    .filter((c) => c.type === 'string')
    .map((c) => entryText(c.text))
    .join('\n')
  const reads: Array<{
    chunk: Chunk
    controls: ImportIssue[]
    outcome: { read: EntryRead } | { issue: ImportIssue }
  }> = []
  chunks.forEach((chunk, i) => {
    const controls = controlIssues(chunk, removed[i]!, ctx)
    if (chunk.type === 'string') result.issues.push(...controls)
    if (!NOT_ENTRIES.has(chunk.type)) reads.push({ chunk, controls, outcome: readChunk(chunk, macros, ctx) })
  })
  if (reads.length === 0) {
    result.issues.push({
      severity: 'warning',
      source: ctx.input,
      code: 'PARSE_FAILED',
      message: 'bibtex: no BibTeX entries found',
    })
    return result
  }
  // The first entry with each key, read or not, is the one BibTeX keeps: a crossref names it, and a later entry
  // with that key is a duplicate whatever became of the first (one that could not be read hides no later one).
  const registry: CrossrefRegistry = new Map()
  for (const { chunk, outcome } of reads) {
    const label = 'read' in outcome ? outcome.read.entry.label : chunkLabel(chunk)
    // An unreadable entry whose key cannot be found claims none.
    if (!('read' in outcome) && label === '') continue
    if (!registry.has(label.toLowerCase()))
      registry.set(label.toLowerCase(), {
        line: chunk.line,
        label,
        read: 'read' in outcome ? outcome.read : null,
      })
  }
  const isFirst = (read: EntryRead) => registry.get(read.entry.label.toLowerCase())?.read === read
  const children = new Map<EntryRead, EntryRead[]>()
  for (const { outcome } of reads) {
    if (!('read' in outcome) || !isFirst(outcome.read)) continue
    const parent = crossrefParent(outcome.read, registry)
    if (!parent || parent === outcome.read) continue
    const siblings = children.get(parent)
    if (siblings) siblings.push(outcome.read)
    else children.set(parent, [outcome.read])
  }
  const firsts = reads.flatMap(({ outcome }) => ('read' in outcome && isFirst(outcome.read) ? [outcome.read] : []))
  const loops = crossrefLoops(firsts, registry)
  for (const loop of loops) result.issues.push(loopIssue(loop, ctx))
  const resolver = createCrossrefResolver(registry, loops, ctx)
  // Notes that say the same of many entries (a DBLP export has a volume per venue), said once with examples.
  const containers: Array<{ read: EntryRead; papers: readonly EntryRead[] }> = []
  const missing: MissingCrossref[] = []
  // Keys whose first entry gave no record (it could not be read, or had no title), for their duplicates' message.
  const notImported = new Set<string>()
  for (const { chunk, controls, outcome } of reads) {
    result.entriesSeen++
    if ('issue' in outcome) {
      const key = chunkLabel(chunk).toLowerCase()
      if (registry.get(key)?.line === chunk.line) notImported.add(key)
      result.issues.push(outcome.issue)
      continue
    }
    const { label } = outcome.read.entry
    if (!isFirst(outcome.read)) {
      result.issues.push(duplicateIssue(chunk, label, registry.get(label.toLowerCase())!, notImported, ctx))
      continue
    }
    const papers = children.get(outcome.read)
    if (papers && !cleanText(outcome.read.entry.properties['author'])) {
      // A volume its papers are in (DBLP's @proceedings, an edited @book), not a paper: its fields are in their
      // records, so what was removed from them is still said. Nothing is wrong with it, so it is no rejection
      // (which would fail the import's exit code and hold back removals): a note, and no entry of the count.
      result.entriesSeen--
      containers.push({ read: outcome.read, papers })
      result.issues.push(...controls)
      continue
    }
    const made = readRecord(outcome.read, resolver, ctx)
    if ('issue' in made) {
      notImported.add(label.toLowerCase())
      result.issues.push(made.issue)
      continue
    }
    result.records.push(made.record)
    if (made.missing) missing.push(made.missing)
    result.issues.push(...controls, ...made.warnings)
  }
  if (containers.length === 1) result.issues.push(containerIssue(containers[0]!.read, containers[0]!.papers, ctx))
  else if (containers.length > 1) result.issues.push(containersIssue(containers, ctx))
  if (missing.length === 1) result.issues.push(missingCrossrefIssue(missing[0]!, ctx))
  else if (missing.length > 1) result.issues.push(missingCrossrefsIssue(missing, ctx))
  // In file order, a grouped note at its first example's line (a sort is stable: an entry's own stay in order).
  result.issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
  return result
}

/** `a, b, c and 2 more`: the first few of a group's examples, and how many are not shown. */
function someOf(items: readonly string[], shown = 3): string {
  return items.length <= shown ? items.join(', ') : `${items.slice(0, shown).join(', ')} and ${items.length - shown} more`
}

/** A later entry with a key an entry before it has (in any case): rejected, as BibTeX keeps the first. */
function duplicateIssue(
  chunk: Chunk,
  label: string,
  first: KeyOwner,
  notImported: ReadonlySet<string>,
  ctx: ParseContext,
): ImportIssue {
  const asWritten = first.label === label ? '' : ` as ${first.label}; BibTeX keys ignore case`
  // Taking this one instead would give the key another paper as soon as the first is mended.
  const outcome = notImported.has(label.toLowerCase())
    ? `; not imported, as BibTeX takes the first, which could not be imported (see line ${first.line})`
    : '; kept the first'
  return {
    severity: 'rejected',
    source: ctx.input,
    line: chunk.line,
    field: 'key',
    code: 'DUPLICATE_ENTRY',
    message: `bibtex: the key ${label} is used again (first on line ${first.line}${asWritten})${outcome}`,
  }
}

/**
 * A crossref parent with no authors (DBLP's `@proceedings`, an edited `@book`): the volume its papers are in,
 * which gives no record of its own. A warning (seen with `import -v`), not a rejection: a DBLP file is right to have it.
 */
function containerIssue(read: EntryRead, papers: readonly EntryRead[], ctx: ParseContext): ImportIssue {
  const named = papers.slice(0, 3).map((p) => `${p.entry.label} on line ${p.chunk.line}`)
  const who =
    papers.length === 1
      ? `${papers[0]!.entry.label} (line ${papers[0]!.chunk.line}) takes what it lacks`
      : `${papers.length} entries (${named.join(', ')}${papers.length > 3 ? ', …' : ''}) take what they lack`
  const one = papers.length === 1
  return {
    severity: 'warning',
    source: ctx.input,
    line: read.chunk.line,
    field: 'author',
    code: 'NOT_A_PAPER',
    message: `bibtex: ${read.entry.label} has no authors and ${who} from it by crossref: it is the @${read.entry.type.toLowerCase()} ${one ? 'that entry is' : 'they are'} in, not a paper; gave no record of its own (its fields are in ${one ? 'that record' : 'their records'})`,
  }
}

/**
 * Several crossref parents with no authors (a DBLP export has one @proceedings per venue), in one note: how many,
 * the first few with their lines, and the papers that take their fields.
 */
function containersIssue(containers: ReadonlyArray<{ read: EntryRead; papers: readonly EntryRead[] }>, ctx: ParseContext): ImportIssue {
  const types = [...new Set(containers.map((c) => `@${c.read.entry.type.toLowerCase()}`))]
  const papers = containers.reduce((n, c) => n + c.papers.length, 0)
  const named = containers.map((c) => `${c.read.entry.label} on line ${c.read.chunk.line}`)
  return {
    severity: 'warning',
    source: ctx.input,
    line: containers[0]!.read.chunk.line,
    field: 'author',
    code: 'NOT_A_PAPER',
    message: `bibtex: ${containers.length} ${types.join(' and ')} entries with no authors are used only as crossref targets (${someOf(named)}): each is the volume its papers are in, not a paper, and gave no record of its own; their fields are in the records of the ${papers} entries that crossref them`,
  }
}

/** An entry whose crossref names a key no entry of the file has. */
interface MissingCrossref {
  label: string
  target: string
  /** The line of the entry's `crossref` field. */
  line: number
}

function missingCrossrefIssue(missing: MissingCrossref, ctx: ParseContext): ImportIssue {
  return {
    severity: 'warning',
    source: ctx.input,
    line: missing.line,
    field: 'crossref',
    code: 'INVALID_VALUE',
    message: `bibtex: ${missing.label}: crossref ${missing.target} names no entry of this file; kept the entry without what it would give`,
  }
}

/** Entries pasted without the entries they crossref (DBLP's, one by one from its pages), in one note. */
function missingCrossrefsIssue(missing: readonly MissingCrossref[], ctx: ParseContext): ImportIssue {
  const named = missing.map((m) => `${m.label} on line ${m.line} names ${m.target}`)
  return {
    ...missingCrossrefIssue(missing[0]!, ctx),
    message: `bibtex: ${missing.length} entries crossref keys this file does not have (${someOf(named)}); kept them without what those entries would give`,
  }
}

/**
 * C0 and C1 control characters and DEL: no text has them, and a NUL cuts what a terminal shows of a venue
 * (`Neural \0 {C}omputation` shown as `Neural `). Tab, line feed and carriage return are whitespace files are
 * written with and stay; vertical tab, form feed and next line (U+0085) are whitespace too and become a space
 * (`Jane\u0085Doe` is two words); the others are removed.
 */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g
// eslint-disable-next-line no-control-regex
const SPACE_CONTROL = /^[\u000b\u000c\u0085]$/

/** A control character taken out of the text, and where it was (an index into the text without it). */
interface RemovedControl {
  at: number
  char: string
}

function removeControlCharacters(text: string): { text: string; removed: RemovedControl[] } {
  const removed: RemovedControl[] = []
  let dropped = 0
  const screened = text.replace(CONTROL_CHARACTER, (char: string, offset: number) => {
    removed.push({ at: offset - dropped, char })
    if (SPACE_CONTROL.test(char)) return ' '
    dropped++
    return ''
  })
  return { text: screened, removed }
}

/** The removed control characters of each chunk, chunk by chunk (those before the first entry are in none). */
function removedByChunk(chunks: readonly Chunk[], removed: readonly RemovedControl[]): RemovedControl[][] {
  const out = chunks.map((): RemovedControl[] => [])
  let c = 0
  for (const r of removed) {
    while (c < chunks.length && r.at >= chunks[c]!.start + chunks[c]!.text.length) c++
    if (c < chunks.length && r.at >= chunks[c]!.start) out[c]!.push(r)
  }
  return out
}

/**
 * One warning per field of an entry (or macro of a `@string`) that had control characters removed, on the line
 * of the first, naming them. Those after the entry's closing brace are in text BibTeX ignores, and said of by no one.
 */
function controlIssues(chunk: Chunk, removed: readonly RemovedControl[], ctx: ParseContext): ImportIssue[] {
  if (removed.length === 0) return []
  const places = fieldsAt(
    chunk.text,
    removed.map((r) => r.at - chunk.start),
  )
  const byField = new Map<string, { line: number; chars: string[] }>()
  removed.forEach((r, i) => {
    const field = places[i]
    if (field === null || field === undefined) return
    const found = byField.get(field) ?? {
      line: chunk.line + newlinesBefore(chunk.text, r.at - chunk.start),
      chars: [],
    }
    found.chars.push(r.char)
    byField.set(field, found)
  })
  const isString = chunk.type === 'string'
  const label = isString ? '@string' : chunkLabel(chunk)
  return [...byField].map(([field, { line, chars }]): ImportIssue => {
    const codes = [...new Set(chars)].map(
      (c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
    )
    const what =
      chars.length === 1
        ? `a control character (${codes[0]})`
        : `${chars.length} control characters (${codes.join(', ')})`
    return {
      severity: 'warning',
      source: ctx.input,
      line,
      field,
      code: 'INVALID_VALUE',
      message: `bibtex: ${label}: removed ${what} from ${isString ? `@string ${field}` : `the ${field}`}; ${chars.length === 1 ? 'it is' : 'they are'} no text`,
    }
  })
}

/**
 * The field each offset of an entry's text lies in, its name or its value (`key` for the cite key and what comes
 * before it), or null past the entry's closing brace. Offsets ascending.
 */
function fieldsAt(text: string, offsets: readonly number[]): Array<string | null> {
  const open = /^\s*@[ \t]*[A-Za-z]*[ \t]*([{(])/.exec(text)
  const opener = open?.[1] ?? '{'
  const closer = opener === '{' ? '}' : ')'
  const out: Array<string | null> = []
  let field = 'key'
  let depth = 0
  let quoted = false
  let last = opener
  let i = open?.[0].length ?? 0
  while (out.length < offsets.length && offsets[out.length]! < i) out.push(field)
  for (; i < text.length; i++) {
    while (out.length < offsets.length && offsets[out.length]! <= i) out.push(field)
    const ch = text[i]!
    if (ch === '\\') {
      i++
      continue
    }
    if (depth > 0) {
      if (ch === '{') depth++
      else if (ch === '}') depth--
      continue
    }
    if (quoted) {
      if (ch === '"') quoted = false
      else if (ch === '{') depth++
      continue
    }
    if (ch === closer) break
    if (ch === '{') depth++
    else if (ch === '"') quoted = true
    else if (/[A-Za-z]/.test(ch) && (last === ',' || last === opener)) {
      const name = /^[A-Za-z][\w:-]*(?=\s*=)/.exec(text.slice(i, i + 80))?.[0]
      if (name) field = name.toLowerCase()
    }
    if (!/\s/.test(ch)) last = ch
  }
  const after = i < text.length ? null : field
  while (out.length < offsets.length) out.push(after)
  return out
}

function newlinesBefore(text: string, offset: number): number {
  return text.slice(0, offset).match(/\n/g)?.length ?? 0
}

/** The key an entry's first line gives it, as written (`''` when it has none). */
function chunkLabel(chunk: Chunk): string {
  return /^\s*@[ \t]*[A-Za-z]+[ \t]*[{(]\s*([^\s,{}()"=]*)/.exec(chunk.text)?.[1] ?? ''
}

/** What makes a rejected issue of an entry: its line and the start of its text. */
function entryFailure(
  chunk: Chunk,
  ctx: ParseContext,
  code: ImportIssue['code'],
  message: string,
  field?: string,
): { issue: ImportIssue } {
  return {
    issue: {
      severity: 'rejected',
      source: ctx.input,
      line: chunk.line,
      ...(field ? { field } : {}),
      code,
      message,
      excerpt: chunk.text.slice(0, 80).replace(/\s+/g, ' ').trim(),
    },
  }
}

/** An entry as citation-js read it (its fields as written, TeX undecoded), with the TeX set aside to get back. */
interface EntryRead {
  chunk: Chunk
  entry: BibEntry
  /** From {@link protectVerbatim}: what each private-use character in the fields stands for. */
  pieces: string[]
  written: string[]
}

/** An entry's fields as written, or the one rejected issue saying why it cannot be read. */
function readChunk(
  chunk: Chunk,
  macros: string,
  ctx: ParseContext,
): { read: EntryRead } | { issue: ImportIssue } {
  const problem = entryProblem(chunk)
  if (problem) return entryFailure(chunk, ctx, 'PARSE_FAILED', `bibtex: cannot read the entry: ${problem}`)
  // Pieces first, so that a private-use character the file has is one of them, not taken for a stand-in.
  const verbatim = protectVerbatim(entryText(chunk.text))
  verbatim.text = protectBackslashes(verbatim.text)
  let entry: BibEntry | undefined
  try {
    const entries = citationJs().input.chainLink(`${macros}\n${verbatim.text}`, {
      target: '@biblatex/entries+list',
      forceType: '@biblatex/text',
    }) as BibEntry[]
    entry = entries.find((e) => e.type.toLowerCase() !== 'string')
  } catch (err) {
    return entryFailure(
      chunk,
      ctx,
      'PARSE_FAILED',
      `bibtex: cannot read the entry: ${missingComma((err as Error).message, chunk, macros) ?? inFileLines(firstLine((err as Error).message), chunk, macros)}`,
    )
  }
  if (!entry) return entryFailure(chunk, ctx, 'PARSE_FAILED', 'bibtex: cannot read the entry')
  return { read: { chunk, entry, pieces: verbatim.pieces, written: verbatim.written } }
}

/** The first entry with a key: where it is, its key as written, and its fields (null when it could not be read). */
interface KeyOwner {
  line: number
  label: string
  read: EntryRead | null
}

/** The first entry with each key, by key in lower case. */
type CrossrefRegistry = Map<string, KeyOwner>

/** The entry an entry's `crossref` names (keys in any case), if the file has it and it could be read. */
function crossrefParent(read: EntryRead, registry: CrossrefRegistry): EntryRead | undefined {
  const target = cleanText(read.entry.properties['crossref'])
  return target === null ? undefined : (registry.get(target.toLowerCase())?.read ?? undefined)
}

/**
 * Fields no entry takes from its parent. biber's: they are about the parent entry itself. Ours: what names or
 * describes the parent rather than the entry (the proceedings' DOI or URL would make every paper of them one
 * paper; their abstract and key words are not a paper's), and DBLP's notes on its own record.
 */
const NOT_INHERITED = new Set([
  'ids',
  'crossref',
  'xref',
  'entryset',
  'entrysubtype',
  'execute',
  'label',
  'options',
  'presort',
  'related',
  'relatedoptions',
  'relatedstring',
  'relatedtype',
  'shorthand',
  'shorthandintro',
  'sortkey',
  'doi',
  'url',
  'urldate',
  'eprint',
  'eprinttype',
  'archiveprefix',
  'eprintclass',
  'primaryclass',
  'arxiv',
  'abstract',
  'keywords',
  'file',
  'pdf',
  'biburl',
  'bibsource',
  'timestamp',
  UNLISTED_AUTHORS_FIELD,
])

const BOOK_PARTS = ['inbook', 'bookinbook', 'suppbook']
const COLLECTION_PARTS = ['incollection', 'inreference', 'suppcollection']

/**
 * biber's default title inheritance (citation-js has the same): a parent of this type gives its title to a child
 * of these types as `booktitle` (a volume's title is where its papers are), `maintitle` or `journaltitle`, and
 * no title of its own. `@conference` is BibTeX's other name for `@inproceedings`.
 */
const TITLE_INHERITANCE: Record<
  string,
  { prefix: 'main' | 'book' | 'journal'; children: ReadonlySet<string> }
> = {
  mvbook: { prefix: 'main', children: new Set(['book', ...BOOK_PARTS]) },
  mvcollection: { prefix: 'main', children: new Set(['collection', 'reference', ...COLLECTION_PARTS]) },
  mvreference: { prefix: 'main', children: new Set(['collection', 'reference', ...COLLECTION_PARTS]) },
  mvproceedings: { prefix: 'main', children: new Set(['proceedings', 'inproceedings']) },
  book: { prefix: 'book', children: new Set(BOOK_PARTS) },
  collection: { prefix: 'book', children: new Set(COLLECTION_PARTS) },
  reference: { prefix: 'book', children: new Set(COLLECTION_PARTS) },
  proceedings: { prefix: 'book', children: new Set(['inproceedings']) },
  periodical: { prefix: 'journal', children: new Set(['article', 'suppperiodical']) },
}

/** What a parent of `parentType` (its fields, its own parents' already in) gives a child of `childType`. */
function inheritedFields(
  parentType: string,
  childType: string,
  data: Record<string, unknown>,
): Record<string, unknown> {
  const out = { ...data }
  for (const field of NOT_INHERITED) delete out[field]
  const child = childType === 'conference' ? 'inproceedings' : childType
  if (
    (parentType === 'mvbook' || parentType === 'book') &&
    BOOK_PARTS.includes(child) &&
    out['author'] !== undefined
  )
    out['bookauthor'] = out['author']
  const titles = TITLE_INHERITANCE[parentType]
  if (titles?.children.has(child)) {
    // A parent with no title but a booktitle of its own gives that one.
    for (const part of ['title', 'subtitle', ...(titles.prefix === 'journal' ? [] : ['titleaddon'])]) {
      if (cleanText(data[part])) out[titles.prefix + part] = data[part]
      delete out[part]
    }
    for (const field of ['shorttitle', 'sorttitle', 'indextitle', 'indexsorttitle']) delete out[field]
  }
  return out
}

/** An entry's fields with what its crossref chain gives it, and the TeX set aside in them ({@link protectVerbatim}). */
interface ResolvedFields {
  properties: Record<string, unknown>
  pieces: string[]
  written: string[]
}

/**
 * Resolves crossrefs as biber does (BibTeX itself follows one level): an entry takes the fields it lacks from the
 * entry it names, before or after it, in any case of its key; that one has taken its own parent's first, and so
 * on up the chain, whatever its length; the parent's title is the child's `booktitle` ({@link
 * TITLE_INHERITANCE}). Each entry is resolved once and its fields kept for its children, so a file is read in
 * time linear in its entries, and the chain is walked without recursion. A crossref to the entry itself, to no
 * entry, or to one that could not be read, is not followed, with a warning on its line (one to no entry is given
 * back as `missing`, for the file's note). In a loop (biber stops with an error there; `loops` are the file's, as
 * {@link crossrefLoops} found them), each entry of it follows the loop as far as the entry before itself, as BibTeX
 * would one step: it takes what it lacks from the entries after it, nearest first; an entry leading into the loop
 * takes from the one it names.
 */
function createCrossrefResolver(
  registry: CrossrefRegistry,
  loops: readonly (readonly EntryRead[])[],
  ctx: ParseContext,
): (read: EntryRead) => { read: EntryRead; warnings: ImportIssue[]; missing?: MissingCrossref } {
  const resolved = new Map<EntryRead, ResolvedFields>()

  const ownFields = (read: EntryRead): ResolvedFields => {
    const properties: Record<string, unknown> = {}
    for (const [field, value] of Object.entries(read.entry.properties))
      if (field !== 'crossref' && (typeof value !== 'string' || value.trim() !== ''))
        properties[field] = value
    return { properties, pieces: read.pieces, written: read.written }
  }

  // The parent's TeX set aside gets stand-ins of the child's own (the child's table is a copy, grown here).
  const inherit = (child: EntryRead, parent: EntryRead, from: ResolvedFields): ResolvedFields => {
    const own = ownFields(child)
    const pieces = [...own.pieces]
    const written = [...own.written]
    const adopt = (value: unknown): unknown =>
      typeof value !== 'string'
        ? value
        : value.replace(/[\ue100-\uf8ff]/g, (c) => {
            const index = c.charCodeAt(0) - PIECE_BASE
            if (PIECE_BASE + pieces.length > PIECE_LAST) return from.written[index] ?? c
            pieces.push(from.pieces[index] ?? c)
            written.push(from.written[index] ?? c)
            return String.fromCharCode(PIECE_BASE + pieces.length - 1)
          })
    const inherited = inheritedFields(
      parent.entry.type.toLowerCase(),
      child.entry.type.toLowerCase(),
      from.properties,
    )
    for (const field of Object.keys(inherited)) inherited[field] = adopt(inherited[field])
    return { properties: { ...inherited, ...own.properties }, pieces, written }
  }

  // Each entry of a loop, from the entries after it down to the one before it. A loop of k entries is k walks of k
  // steps: one longer than any real file has (a typo makes a loop of two) is cut once instead, before its first
  // entry, so that a file is still read in time linear in its entries.
  const resolveLoop = (loop: readonly EntryRead[]) => {
    const k = loop.length
    const starts = k * k <= MAX_LOOP_STEPS ? loop.map((_, i) => i) : [0]
    for (const start of starts) {
      const at = (j: number) => loop[(start + j) % k]!
      let fields = ownFields(at(k - 1))
      if (starts.length === 1) resolved.set(at(k - 1), fields)
      for (let j = k - 2; j >= 0; j--) {
        fields = inherit(at(j), at(j + 1), fields)
        if (starts.length === 1 || j === 0) resolved.set(at(j), fields)
      }
    }
  }

  // The loops first: every chain then ends at an entry already resolved or one with no parent to follow.
  for (const loop of loops) resolveLoop(loop)

  const fieldsOf = (start: EntryRead): ResolvedFields => {
    // Up the chain to an entry already resolved or one with no parent to follow.
    const path: EntryRead[] = []
    for (let node: EntryRead | undefined = start; node && !resolved.has(node);) {
      path.push(node)
      const parent = crossrefParent(node, registry)
      if (parent === node) break
      node = parent
    }
    // Then down again, each entry taking from its parent, now resolved.
    for (let i = path.length - 1; i >= 0; i--) {
      const node = path[i]!
      const parent = crossrefParent(node, registry)
      const from = parent && parent !== node ? resolved.get(parent) : undefined
      resolved.set(node, from ? inherit(node, parent!, from) : ownFields(node))
    }
    return resolved.get(start)!
  }

  return (read) => {
    const target = cleanText(read.entry.properties['crossref'])
    if (target === null) return { read, warnings: [] }
    const warnings: ImportIssue[] = []
    const line = fieldLine(read.chunk, 'crossref')
    const warn = (message: string) =>
      warnings.push({
        severity: 'warning',
        source: ctx.input,
        line,
        field: 'crossref',
        code: 'INVALID_VALUE',
        message: `bibtex: ${read.entry.label}: ${message}`,
      })
    const { properties, pieces, written } = fieldsOf(read)
    const parent = crossrefParent(read, registry)
    const owner = registry.get(target.toLowerCase())
    if (parent === read) warn(`crossref ${target} names the entry itself; ignored it`)
    else if (!parent && owner)
      warn(`crossref ${target} names the entry on line ${owner.line}, which could not be read; kept the entry without what it would give`)
    const out = { read: { ...read, entry: { ...read.entry, properties }, pieces, written }, warnings }
    return parent || owner ? out : { ...out, missing: { label: read.entry.label, target, line } }
  }
}

/**
 * Steps of following a crossref loop from each of its entries (a loop of k entries takes k², some 6 µs each): up to
 * 200 entries, a quarter of a second. A typo makes a loop of two.
 */
const MAX_LOOP_STEPS = 40_000

/** A loop's entries rotated to start at the one first in the file, so that it is named and cut the same way however it is met. */
function inFileOrder(loop: EntryRead[]): EntryRead[] {
  let first = 0
  loop.forEach((read, i) => {
    if (read.chunk.start < loop[first]!.chunk.start) first = i
  })
  return [...loop.slice(first), ...loop.slice(0, first)]
}

/**
 * The crossref loops among the first entries of their keys (`a` names `b`, `b` names `a`), each from its entry
 * first in the file, in file order; an entry naming itself is none (its own warning says so). Each entry names at
 * most one other, so one walk from each entry, never walking an entry twice, finds them all.
 */
function crossrefLoops(reads: readonly EntryRead[], registry: CrossrefRegistry): EntryRead[][] {
  const walked = new Set<EntryRead>()
  const loops: EntryRead[][] = []
  for (const read of reads) {
    const path: EntryRead[] = []
    const onPath = new Map<EntryRead, number>()
    for (let node: EntryRead | undefined = read; node && !walked.has(node); node = crossrefParent(node, registry)) {
      walked.add(node)
      onPath.set(node, path.length)
      path.push(node)
      const parent = crossrefParent(node, registry)
      const back = parent === undefined || parent === node ? undefined : onPath.get(parent)
      if (back !== undefined) {
        loops.push(inFileOrder(path.slice(back)))
        break
      }
    }
  }
  return loops.sort((a, b) => a[0]!.chunk.start - b[0]!.chunk.start)
}

/** One warning per crossref loop, on the first entry's `crossref`, naming its entries and their lines. */
function loopIssue(loop: readonly EntryRead[], ctx: ParseContext): ImportIssue {
  const names = loop.map((e) => `${e.entry.label} (line ${e.chunk.line})`)
  const shown = names.length <= 5 ? names : [...names.slice(0, 3), '…', names.at(-1)!]
  const size = names.length <= 5 ? '' : `, a loop of ${names.length} entries`
  const how =
    loop.length * loop.length <= MAX_LOOP_STEPS
      ? ': each entry of it takes what it lacks from those after it, up to where the loop would come back to it'
      : `, too long to follow from each entry: followed from ${loop[0]!.entry.label} as far as ${loop.at(-1)!.entry.label}, which takes nothing by crossref`
  return {
    severity: 'warning',
    source: ctx.input,
    line: fieldLine(loop[0]!.chunk, 'crossref'),
    field: 'crossref',
    code: 'INVALID_VALUE',
    message: `bibtex: crossref loop ${[...shown, loop[0]!.entry.label].join(' → ')}${size}${how}`,
  }
}

/** The record an entry read gives (with what its crossref gives it), or the one rejected issue saying why none. */
function readRecord(
  parsed: EntryRead,
  resolveCrossref: ReturnType<typeof createCrossrefResolver>,
  ctx: ParseContext,
): { record: SourceRecord; warnings: ImportIssue[]; missing?: MissingCrossref | undefined } | { issue: ImportIssue } {
  const { read, warnings, missing } = resolveCrossref(parsed)
  const { chunk, entry } = read
  const verbatim = { pieces: read.pieces, written: read.written }
  let item: CslItem | undefined
  let unlistedNames: CslName[] = []
  try {
    const plugins = citationJs()
    item = (plugins.input.chain([entry], { target: '@csl/list+object', generateGraph: false }) as CslItem[])[0]
    // Paperscope's export names authors known from outside the author list (a profile's owner) in a
    // field of their own, written as `author` is: read as `author` would be.
    const unlisted = entry.properties[UNLISTED_AUTHORS_FIELD]
    if (typeof unlisted === 'string' && unlisted.trim()) {
      const names = plugins.input.chain(
        [{ type: 'misc', label: entry.label, properties: { title: 'x', author: unlisted } }],
        { target: '@csl/list+object', generateGraph: false },
      ) as CslItem[]
      unlistedNames = names[0]?.author ?? []
    }
  } catch (err) {
    const message = firstLine((err as Error).message)
    return entryFailure(chunk, ctx, 'PARSE_FAILED', `bibtex: cannot read the entry: ${message}`)
  }
  if (!item) return entryFailure(chunk, ctx, 'PARSE_FAILED', 'bibtex: cannot read the entry')

  const restore = <T extends string | null>(text: T): T => restorePieces(text, verbatim.pieces)
  const cleanLatex = (value: string | null | undefined) => restore(cleanLatexText(value))
  const title = cleanLatex(item.title)
  if (!title) return entryFailure(chunk, ctx, 'MISSING_FIELD', `bibtex: ${entry.label} has no title`, 'title')

  const names = item.author ?? []
  const truncated = names.some(isEtAl)
  // `Anonymous` (OpenReview's author of a paper under review, kept so by Zotero) is no one: as an author, every such
  // paper of a library would be one researcher's.
  const readName = (name: CslName) => {
    const text = restore(formatName(name))
    return text !== null && /^anonymous(?:\s+authors?)?$/i.test(text) ? null : text
  }
  const authors = names
    .filter((n) => !isEtAl(n))
    .map(readName)
    .filter((n): n is string => n !== null)
  const extraAuthors = unlistedNames
    .filter((n) => !isEtAl(n))
    .map(readName)
    .filter((n): n is string => n !== null && !authors.includes(n))
  // A name braced whole (`{World Health Organization}`) is one name, not a family and given names: the
  // export braces it again.
  const corporateAuthors = [...names, ...unlistedNames]
    .filter((n) => !isEtAl(n) && isCorporate(n))
    .map(readName)
    .filter((n): n is string => n !== null)

  const props = entry.properties
  const prop = (name: string) => restore(restoreBackslashes(cleanText(props[name])))
  // A kept field is written back as the file wrote it: its TeX (`TR\^{}2`, `\~{}u`, `\textbackslash{}`)
  // is not decoded to text (`TR^2` would be math to LaTeX, `~u` a tie).
  const keptProp = (name: string) => {
    const value = cleanText(props[name])
    return value === null ? null : restorePieces(value.replaceAll(LITERAL_BACKSLASH, '\\textbackslash{}'), verbatim.written)
  }
  // A paper's date is the first it was out: `origdate` when an entry has one (a preprint, in Paperscope's
  // export of a paper whose venue names a later year), else the entry's year, month and day.
  const dateParts = (date: CslItem['issued']) =>
    date?.['date-parts']?.[0]?.map(Number).filter((n) => Number.isInteger(n)) ?? []
  const original = dateParts(item['original-date'])
  const fromOriginal = original[0] !== undefined && original[0] >= 1000 && original[0] <= 9999
  const parts = fromOriginal ? original : dateParts(item.issued)
  // `year = {2023a}` (a suffix that tells two papers of one year apart) still says 2023.
  const suffixedYear = /^(\d{4})[a-z]$/.exec(prop('year') ?? '')?.[1]
  if (parts.length === 0 && suffixedYear) parts.push(Number(suffixedYear))
  // citation-js reads a month given as a number or `jan`…`dec`; one written out or cut with a dot (`Feb.`) is
  // read here, and one that is no month (`13`, `foo`) is said, as a year is. A biblatex `date` has its own.
  const monthText = prop('month')
  if (monthText && !fromOriginal && !cleanText(props['date'])) {
    const month = parts[1] !== undefined && parts[1] >= 1 && parts[1] <= 12 ? parts[1] : readMonth(monthText)
    if (month !== null) {
      if (parts.length > 0) parts[1] = month
    } else {
      const hasYear = parts[0] !== undefined && parts[0] >= 1000 && parts[0] <= 9999
      parts.splice(1)
      warnings.push({
        severity: 'warning',
        source: ctx.input,
        line: fieldLine(chunk, 'month'),
        field: 'month',
        code: 'INVALID_VALUE',
        message: `bibtex: ${entry.label}: cannot read the month ${JSON.stringify(monthText)}; ${
          hasYear ? 'kept the date without a month' : 'ignored it'
        }`,
      })
    }
  }
  let date: string | null = null
  if (parts[0] !== undefined && parts[0] >= 1000 && parts[0] <= 9999) {
    const [year, month, day] = parts
    date = formatPartialDate(
      year!,
      month && month >= 1 && month <= 12 ? month : undefined,
      month && day ? day : undefined,
    )
  } else if (prop('year')) {
    warnings.push({
      severity: 'warning',
      source: ctx.input,
      line: fieldLine(chunk, 'year'),
      field: 'year',
      code: 'INVALID_VALUE',
      message: `bibtex: ${entry.label}: cannot read the year ${JSON.stringify(prop('year'))}; kept the entry without a date`,
    })
  }

  const container = cleanLatex(item['container-title'])
  const ids = entryIds(prop, container)
  const venue = container && !isPreprintVenue(container) ? container : null
  const keywords = (prop('keywords') ?? '')
    .split(/[,;]/)
    .map((k) => k.trim())
    .filter(Boolean)
  // citation-js takes a `\url{…}` of `howpublished` or `note` for the URL, but reads its `~` as a space: the
  // argument as the file wrote it is the URL (a `url` field is read as written already).
  const url =
    (cleanText(props['url']) ? verbatimText(cleanText(item.URL)) : null) ??
    urlCommandArgument(keptProp('howpublished')) ??
    urlCommandArgument(keptProp('note')) ??
    cleanText(item.URL) ??
    (ids.doi ? doiUrl(ids.doi) : ids.arxiv ? arxivUrl(ids.arxiv) : null)

  const raw: Record<string, unknown> = { entryType: entry.type.toLowerCase(), citationKey: entry.label }
  // The container as the entry names it, in its own field (the export writes it back there).
  const containerField = ['journal', 'journaltitle', 'booktitle'].find((field) => cleanText(props[field]))
  if (container && containerField) raw[containerField === 'booktitle' ? 'booktitle' : 'journal'] = container
  // Fields the library has no place for, kept as written (TeX) for the export.
  for (const field of KEPT_FIELDS) {
    const value = keptProp(field)
    if (value) raw[field] = value
  }
  const eprintClass = prop('eprintclass') ?? prop('primaryclass')
  if (eprintClass) raw['eprintclass'] = eprintClass
  if (corporateAuthors.length) raw['corporateAuthors'] = corporateAuthors

  const abstract = cleanLatex(item.abstract)
  // Paperscope's export marks a title it made from the abstract with a note: such an entry gives no title,
  // so the library makes the same one again and knows it for what it is (not a title to match others by).
  const derivedTitle = abstract !== null && prop('note') === DERIVED_TITLE_NOTE

  return {
    record: createSourceRecord({
      source: BIBTEX_SOURCE,
      // Cite keys are only unique within one file: the file is part of the identity, the file itself when known
      // (two projects' references.bib, each read from inside its folder, are both `references.bib`).
      key: fileEntryKey(ctx.file ?? ctx.input, entry.label),
      locator: `${ctx.input}:${chunk.line}`,
      line: chunk.line,
      fetchedAt: ctx.fetchedAt,
      title: derivedTitle ? null : title,
      abstract,
      authors,
      authorsTruncated: truncated,
      ...(extraAuthors.length ? { extraAuthors } : {}),
      date,
      venue,
      ids,
      keywords,
      url,
      raw,
    }),
    warnings,
    missing,
  }
}

const MONTH_NAMES = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
]

/**
 * The month a `month` field gives (1–12): a number, a name, or a name cut to three letters or more, with or
 * without a dot (`Feb.`, `Sept.`), then perhaps a day (`jun # "~10"`). Null when it is no month.
 * @example readMonth('Sept.') // 9
 */
function readMonth(text: string): number | null {
  const value = /^([a-z]+|\d{1,2})\.?(?:[\s~-]+\d{1,2})?$/i.exec(text.trim())?.[1]?.toLowerCase()
  if (value === undefined) return null
  if (/^\d+$/.test(value)) return Number(value) >= 1 && Number(value) <= 12 ? Number(value) : null
  const index = value.length >= 3 ? MONTH_NAMES.findIndex((name) => name.startsWith(value)) : -1
  return index < 0 ? null : index + 1
}

/** `et al.` and `others` say the list was cut; they are not authors. */
function isEtAl(name: CslName): boolean {
  const family = (name.family ?? name.literal ?? '').toLowerCase()
  return (
    family === 'others' || (family === 'al.' && name['non-dropping-particle'] === 'et') || family === 'et al.'
  )
}

/** A name with only a family part of more than one word: a braced corporate name (`{World Health Organization}`). */
function isCorporate(name: CslName): boolean {
  if (name.literal) return true
  return !name.given && !name.suffix && !name['non-dropping-particle'] && !name['dropping-particle'] && /\s/.test(name.family?.trim() ?? '')
}

function formatName(name: CslName): string | null {
  if (name.literal) return cleanLatexText(name.literal)
  // `Martin Luther King, Jr.` (no given name after the comma, only a suffix) is read by BibTeX as a family
  // name `Martin Luther King` with a given name `Jr.`: it is the name `Martin Luther King Jr.`.
  if (name.given && NAME_SUFFIX.test(name.given.trim()) && !name.suffix && /\s/.test(name.family?.trim() ?? ''))
    return formatName({ ...name, given: name.family!, family: '', suffix: name.given.trim() })
  const family = [name['dropping-particle'], name['non-dropping-particle'], name.family]
    .filter(Boolean)
    .join(' ')
  const full = [name.given, family, name.suffix].filter(Boolean).join(' ')
  return cleanLatexText(full)
}

/** arXiv ids hide in `eprint`, in `journal = {arXiv:1409.1259}`, in DBLP's `volume = {abs/1810.04805}` and in URLs. */
function entryIds(prop: (name: string) => string | null, container: string | null): ExternalIds {
  const ids: ExternalIds = {}
  const doi = normalizeDoi(verbatimText(prop('doi')))
  const archive = (prop('archiveprefix') ?? prop('eprinttype') ?? '').toLowerCase()
  let arxiv =
    (archive === 'arxiv' || archive === '' ? normalizeArxivId(prop('eprint')) : null) ??
    (container && /^arxiv\b/i.test(container)
      ? normalizeArxivId(container.replace(/^arxiv\s*(?:preprint\s*)?/i, '').replace(/^[:\s]+/, ''))
      : null) ??
    (container && /^corr$/i.test(container)
      ? normalizeArxivId(prop('volume')?.replace(/^abs\//i, ''))
      : null) ??
    normalizeArxivId(prop('url')) ??
    normalizeArxivId(prop('arxiv'))
  if (doi?.startsWith('10.48550/arxiv.')) arxiv ??= normalizeArxivId(doi.slice('10.48550/arxiv.'.length))
  else if (doi) ids.doi = doi
  if (arxiv) ids.arxiv = arxiv
  return ids
}

/** Math commands citation-js leaves as they are (it turns Greek letters into Unicode itself). */
const MATH_SYMBOLS: Record<string, string> = {
  times: '×',
  cdot: '·',
  pm: '±',
  leq: '≤',
  le: '≤',
  geq: '≥',
  ge: '≥',
  infty: '∞',
  to: '→',
  sim: '∼',
  approx: '≈',
}

/**
 * Text from citation-js, made tidy: HTML it adds for `\emph` dropped, a dotless i with an accent
 * (from `{\'\i}`, which citation-js leaves as `ı́`) turned into the precomposed letter, NFC.
 */
/**
 * A backslash written as `\textbackslash{}` is a character of the text. citation-js gives it back as a bare
 * `\`, after which `\textbackslash{}pm` would read as the command `\pm` (±): it stands in as a private-use
 * character through the parse and is put back by {@link cleanLatexText} and the fields' cleaning.
 */
const LITERAL_BACKSLASH = '\uE000'

function protectBackslashes(text: string): string {
  return text.replace(/\\textbackslash(?:\{\}|(?![a-zA-Z])\s?)/g, LITERAL_BACKSLASH)
}

function restoreBackslashes<T extends string | null>(text: T): T {
  return (text === null ? text : text.replaceAll(LITERAL_BACKSLASH, '\\')) as T
}

/**
 * A verbatim field (`doi`, `url`) with the escapes BibTeX needs elsewhere taken out: DBLP writes
 * `10.1007/11880561\_13`, and no DOI or URL has a backslash before `_`, `%`, `&` or `#` (nor the `%5C` that
 * citation-js makes of it in a URL).
 * @example verbatimText('10.1007/11880561\\_13') // '10.1007/11880561_13'
 */
function verbatimText(value: string | null): string | null {
  return value === null ? null : value.replace(/(?:\\|%5C)([_%&#])/gi, '$1')
}

/** The argument of the first `\url{…}` in a field's TeX as written, the URL it names. */
function urlCommandArgument(tex: string | null): string | null {
  const url = tex ? /\\url\{([^{}\s]+)\}/.exec(tex)?.[1] : undefined
  return url ?? null
}

/** First of the private-use characters that stand in for TeX kept verbatim through citation-js. */
const PIECE_BASE = 0xe100
const PIECE_LAST = 0xf8ff

/** Fields read as written, not as TeX: nothing in them is set aside. */
const VERBATIM_FIELDS = new Set(['url', 'doi', 'eprint', 'file', 'pdf', 'urlraw', 'verba', 'verbb', 'verbc'])

/** Letters citation-js does not know as commands (it reads `{\AA}ngstr{\"o}m` as `\AAngström`). */
const LETTER_COMMANDS: Record<string, string> = { AA: 'Å', aa: 'å' }

/**
 * Field values' TeX that citation-js would garble, each put in as one private-use character and given back
 * by {@link restorePieces}: math (`$…$`, `$$…$$`, `\(…\)`) as written, which the library keeps as TeX
 * (citation-js reads `$\sqrt{n}$` as `\sqrtn`), a `$` that nothing closes as a dollar; `\^{}` and `\~{}` as the `^` and `~` they write; `{\AA}`
 * as `Å`; a private-use character the file has as itself. `written` has each piece as the file wrote it, for the
 * fields kept as written. Only text inside a value (within its braces or quotes) is looked at, so math never runs from one
 * field into the next, and not that of fields read as written (`url`, `doi`, `eprint`).
 */
function protectVerbatim(text: string): { text: string; pieces: string[]; written: string[] } {
  const pieces: string[] = []
  const written: string[] = []
  const base = /^\s*@[ \t]*[A-Za-z]+[ \t]*\(/.test(text) ? 0 : 1
  let out = ''
  let depth = 0
  let quoted = false
  let field = ''
  let i = 0
  const put = (value: string, length: number): boolean => {
    if (PIECE_BASE + pieces.length > PIECE_LAST) return false
    out += String.fromCharCode(PIECE_BASE + pieces.length)
    pieces.push(value)
    written.push(text.slice(i, i + length))
    i += length
    return true
  }
  while (i < text.length) {
    const ch = text[i]!
    if (depth === base && !quoted && /[A-Za-z]/.test(ch) && /[,{(]\s*$/.test(out.slice(-40))) {
      const name = /^[A-Za-z][\w:-]*(?=\s*=)/.exec(text.slice(i, i + 80))?.[0]
      if (name) field = name.toLowerCase()
    }
    if ((depth > base || (depth === base && quoted)) && !VERBATIM_FIELDS.has(field)) {
      // A private-use character of the file's own is a piece too: as itself it would be taken for one.
      if (/[\ue000-\uf8ff]/.test(ch) && put(ch, 1)) continue
      if (ch === '$' || text.startsWith('\\(', i)) {
        const end = verbatimMathEnd(text, i, depth === base)
        if (end > 0 && put(text.slice(i, end), end - i)) continue
        // A `$` that nothing closes is a dollar (citation-js would refuse the entry).
        if (end < 0 && ch === '$' && put('$', 1)) continue
      } else if (ch === '\\') {
        const literal = /^\\([\^~])\{\}/.exec(text.slice(i, i + 4))
        if (literal && put(literal[1]!, 4)) continue
        const letter = /^\\(AA|aa)(?![A-Za-z])(?:\{\}| (?=[A-Za-z]))?/.exec(text.slice(i, i + 6))
        if (letter && put(LETTER_COMMANDS[letter[1]!]!, letter[0].length)) continue
      } else if (ch === '{') {
        const letter = /^\{\\(AA|aa)\}/.exec(text.slice(i, i + 5))
        if (letter && put(LETTER_COMMANDS[letter[1]!]!, letter[0].length)) continue
      }
    }
    if (ch === '\\') {
      out += text.slice(i, i + 2)
      i += 2
      continue
    }
    if (ch === '{') depth++
    else if (ch === '}') depth--
    else if (ch === '"' && depth === base) quoted = !quoted
    out += ch
    i++
  }
  return { text: out, pieces, written }
}

/**
 * Just past the math that starts at `start` (`$…$`, `$$…$$`, `\(…\)`) within one value, or -1 when it
 * does not close before the value's group does (`quoted`: the value is in quotes, which end it too).
 */
function verbatimMathEnd(text: string, start: number, quoted: boolean): number {
  const fence = text.startsWith('\\(', start) ? '\\)' : text.startsWith('$$', start) ? '$$' : '$'
  let depth = 0
  for (let i = start + (fence === '$' ? 1 : 2); i < text.length; i++) {
    const ch = text[i]!
    if (ch === '\\') {
      if (fence === '\\)' && text[i + 1] === ')' && depth === 0) return i + 2
      i++
    } else if (ch === '{') depth++
    else if (ch === '}') {
      if (--depth < 0) return -1
    } else if (ch === '"' && quoted && depth === 0) return -1
    else if (ch === '$' && fence !== '\\)') {
      if (depth !== 0) return -1
      if (fence === '$$') return text.startsWith('$$', i) ? i + 2 : -1
      return i > start + 1 ? i + 1 : -1
    }
  }
  return -1
}

/** Text with the TeX {@link protectVerbatim} set aside put back (math on one line, as every text field is). */
function restorePieces<T extends string | null>(text: T, pieces: readonly string[]): T {
  if (text === null || pieces.length === 0) return text
  return text.replace(/[\ue100-\uf8ff]/g, (c) => pieces[c.charCodeAt(0) - PIECE_BASE]?.replace(/\s+/g, ' ') ?? c) as T
}

export function cleanLatexText(value: string | null | undefined): string | null {
  if (!value) return null
  const text = value
    .replace(/<\/?(?:i|b|sc|sup|sub|span)\b[^>]*>/g, '')
    .replace(
      /\\(times|cdot|pm|leq|geq|le|ge|infty|to|sim|approx)\b\s*/g,
      (_, command: string) => MATH_SYMBOLS[command] ?? '',
    )
    .replace(/ı(?=[\u0300-\u036f])/g, 'i')
    .replace(/ȷ(?=[\u0300-\u036f])/g, 'j')
    .normalize('NFC')
  return restoreBackslashes(cleanText(text))
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim()
}
