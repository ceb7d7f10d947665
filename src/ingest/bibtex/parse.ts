/**
 * @module BibTeX import with citation-js (which decodes `{\"o}`, keeps `{GAN}` as written and reads
 * `J{\"u}rgen` right). The file is cut into entries first, so one broken entry is a rejected issue with
 * its line number while the rest of the file imports; `@string` macros apply to every entry.
 */
import { createRequire } from 'node:module'
import type { plugins as CitationPlugins } from '@citation-js/core'
import {
  createSourceRecord,
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
    text: text.slice(s.index, starts[i + 1]?.index ?? text.length),
  }))
}

/** Longest entry read, in characters: the parser recurses over a field's text and runs out of stack near 10 MB. */
const MAX_ENTRY_LENGTH = 1_000_000

/**
 * What makes an entry unreadable before the parser says it in its own words ("This format is not supported or
 * recognized", "Maximum call stack size exceeded"): braces that never close (a file cut off mid-entry), or an
 * entry longer than any real one.
 */
function entryProblem(chunk: Chunk): string | null {
  // Only an entry opened with `{` (BibTeX also allows `(`) is checked, from that brace to the one closing it:
  // comments after the entry are part of its chunk, and a brace in them is none of the entry's.
  const open = /^\s*@[ \t]*[A-Za-z]+[ \t]*\{/.exec(chunk.text)
  if (!open) return null
  let depth = 0
  let end = -1
  for (let i = open[0].length - 1; i < chunk.text.length && i <= MAX_ENTRY_LENGTH; i++) {
    const c = chunk.text[i]
    if (c === '\\') i++
    else if (c === '{') depth++
    else if (c === '}' && --depth === 0) {
      end = i
      break
    }
  }
  if (end >= 0) return null
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

/**
 * Parses a BibTeX/BibLaTeX file into records; never throws for a bad entry.
 * @example parseBibtex(readFileSync('refs.bib', 'utf8'), { input: 'refs.bib', fetchedAt })
 */
export function parseBibtex(text: string, ctx: ParseContext): ParseResult {
  const result = emptyParseResult()
  const source = text.replace(/^\uFEFF/, '')
  const chunks = splitEntries(source)
  const macros = chunks
    .filter((c) => c.type === 'string')
    .map((c) => c.text)
    .join('\n')
  const seen = new Map<string, number>()
  for (const chunk of chunks) {
    if (chunk.type === 'string' || chunk.type === 'comment' || chunk.type === 'preamble') continue
    result.entriesSeen++
    const outcome = readEntry(chunk, macros, ctx)
    if ('issue' in outcome) {
      result.issues.push(outcome.issue)
      continue
    }
    const firstLine = seen.get(outcome.record.key)
    if (firstLine !== undefined) {
      result.issues.push({
        severity: 'rejected',
        source: ctx.input,
        line: chunk.line,
        field: 'key',
        code: 'DUPLICATE_ENTRY',
        message: `bibtex: the key ${outcome.record.raw['citationKey'] as string} is used again (first on line ${firstLine}); kept the first`,
      })
      continue
    }
    seen.set(outcome.record.key, chunk.line)
    result.records.push(outcome.record)
    result.issues.push(...outcome.warnings)
  }
  return result
}

function readEntry(
  chunk: Chunk,
  macros: string,
  ctx: ParseContext,
): { record: SourceRecord; warnings: ImportIssue[] } | { issue: ImportIssue } {
  const fail = (code: ImportIssue['code'], message: string, field?: string): { issue: ImportIssue } => ({
    issue: {
      severity: 'rejected',
      source: ctx.input,
      line: chunk.line,
      ...(field ? { field } : {}),
      code,
      message,
      excerpt: chunk.text.slice(0, 80).replace(/\s+/g, ' ').trim(),
    },
  })
  const problem = entryProblem(chunk)
  if (problem) return fail('PARSE_FAILED', `bibtex: cannot read the entry: ${problem}`)
  let entry: BibEntry | undefined
  let item: CslItem | undefined
  let unlistedNames: CslName[] = []
  // Pieces first, so that a private-use character the file has is one of them, not taken for a stand-in.
  const verbatim = protectVerbatim(chunk.text)
  verbatim.text = protectBackslashes(verbatim.text)
  try {
    const plugins = citationJs()
    const entries = plugins.input.chainLink(`${macros}\n${verbatim.text}`, {
      target: '@biblatex/entries+list',
      forceType: '@biblatex/text',
    }) as BibEntry[]
    entry = entries.find((e) => e.type.toLowerCase() !== 'string')
    if (entry) {
      item = (
        plugins.input.chain([entry], { target: '@csl/list+object', generateGraph: false }) as CslItem[]
      )[0]
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
    }
  } catch (err) {
    return fail('PARSE_FAILED', `bibtex: cannot read the entry: ${inFileLines(firstLine((err as Error).message), chunk, macros)}`)
  }
  if (!entry || !item) return fail('PARSE_FAILED', 'bibtex: cannot read the entry')

  const restore = <T extends string | null>(text: T): T => restorePieces(text, verbatim.pieces)
  const cleanLatex = (value: string | null | undefined) => restore(cleanLatexText(value))
  const title = cleanLatex(item.title)
  if (!title) return fail('MISSING_FIELD', `bibtex: ${entry.label} has no title`, 'title')

  const warnings: ImportIssue[] = []
  const names = item.author ?? []
  const truncated = names.some(isEtAl)
  const readName = (name: CslName) => restore(formatName(name))
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
  const parts =
    original[0] !== undefined && original[0] >= 1000 && original[0] <= 9999 ? original : dateParts(item.issued)
  // `year = {2023a}` (a suffix that tells two papers of one year apart) still says 2023.
  const suffixedYear = /^(\d{4})[a-z]$/.exec(prop('year') ?? '')?.[1]
  if (parts.length === 0 && suffixedYear) parts.push(Number(suffixedYear))
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
    (cleanText(props['url']) ? cleanText(item.URL) : null) ??
    urlCommandArgument(keptProp('howpublished')) ??
    urlCommandArgument(keptProp('note')) ??
    cleanText(item.URL) ??
    (ids.doi ? `https://doi.org/${ids.doi}` : ids.arxiv ? `https://arxiv.org/abs/${ids.arxiv}` : null)

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
  }
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
  const doi = normalizeDoi(prop('doi'))
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
