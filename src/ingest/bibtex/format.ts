/**
 * @module BibTeX export: a pure function from papers to a `.bib` text with stable cite keys, LaTeX escaping
 * (accents as `{\"o}`, specials as `\&`), and capitals protected with braces so styles keep `GAN` and
 * `Bayes`. Text without TeX in it, `parseBibtex` reads back as it was. Text with TeX in it (`$p/n \to κ$`,
 * `\textit{entropy collapse}`, `AT\&T`) is TeX already: it is written as written, only what would break
 * BibTeX or LaTeX escaped, and reads back as any `.bib` with that TeX reads (math as written, `$p/n \to κ$`;
 * other TeX decoded, `entropy collapse`). A paper's source records give what only BibTeX has (see
 * {@link sourceEntryParts}): its entry type and container, pages, publisher and the like, its arXiv class.
 */

/** The least a paper needs to be cited; the library's Paper fits. */
export interface BibtexPaper {
  id: string
  title: string
  authors: readonly string[]
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: the paper's date (the first it was out, a preprint's as a rule). */
  date: string | null
  /**
   * Other dates the paper's sources give (`YYYY[-MM[-DD]]`), such as the proceedings' beside the preprint's:
   * when the venue names a year, one of that year gives the entry's month and day.
   */
  sourceDates?: readonly string[] | undefined
  venue: string | null
  ids: { doi?: string | undefined; arxiv?: string | undefined }
  abstract?: string | null | undefined
  url?: string | null | undefined
  /** True when the author list is cut; written as `and others`. */
  authorsTruncated?: boolean | undefined
  /**
   * People known to be authors though no source's author list has them (a researcher profile's owner,
   * beside a list cut with `et al.` before reaching her): never put in `author`, at a place no source gave,
   * but in a field of their own ({@link UNLISTED_AUTHORS_FIELD}) that styles ignore and `parseBibtex` reads.
   */
  unlistedAuthors?: readonly string[] | undefined
  /**
   * True when no source gave a title and Paperscope made it from the abstract: it is written as the
   * abstract's first words (its TeX as the abstract field writes it, without the `…` that marks the cut on
   * screen) with a `note` saying so, and the cite key does not take a word of it.
   */
  titleDerived?: boolean | undefined
  /**
   * The cite key to write, when the caller made the keys over more papers than it writes (the whole library, so
   * that no two papers of it share a key); else the key is made from the papers given.
   */
  citeKey?: string | undefined
  /**
   * The entry type of the paper's BibTeX source entry (`book`, `phdthesis`, `inproceedings`), written instead
   * of the type the venue suggests.
   */
  entryType?: string | undefined
  /** The container as the paper's BibTeX source entry had it (`journal` or `booktitle`), written instead of the venue. */
  container?: { field: 'journal' | 'booktitle'; value: string } | undefined
  /** Fields of one source record ({@link KEPT_FIELDS}: pages, volume, publisher, ...), TeX as written. */
  fields?: Readonly<Partial<Record<KeptField, string>>> | undefined
  /** The arXiv category a source gave as the primary one (`cs.LG`), written as `eprintclass`. */
  eprintClass?: string | undefined
  /** Authors whose names are one name (`World Health Organization`), braced whole. */
  corporateAuthors?: readonly string[] | undefined
}

/** Fields an imported entry keeps in its record's `raw`, as written, which the export writes back in this order. */
export const KEPT_FIELDS = [
  'editor',
  'volume',
  'number',
  'pages',
  'series',
  'edition',
  'publisher',
  'organization',
  'school',
  'institution',
  'address',
  'howpublished',
  'isbn',
  'issn',
  'note',
] as const
export type KeptField = (typeof KEPT_FIELDS)[number]

/** What a paper's source records say that only BibTeX writes: the parts of a {@link BibtexPaper} they give. */
export type SourceEntryParts = Pick<BibtexPaper, 'entryType' | 'container' | 'fields' | 'eprintClass' | 'corporateAuthors'>

/**
 * True when a container names a preprint server rather than where a paper was published (`arXiv preprint
 * arXiv:1412.6980`, `CoRR`, `bioRxiv`, `medRxiv`, `SSRN`): such an entry is no paper's venue.
 * @example isPreprintVenue('arXiv preprint arXiv:1412.6980') // true
 */
export function isPreprintVenue(venue: string): boolean {
  return /^(arxiv\b|corr$|biorxiv|medrxiv|ssrn$)/i.test(venue.trim())
}

/** A venue compared as a name: case, accents, punctuation and braces aside. */
function venueKey(venue: string): string {
  return venue.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
}

/** Entry types that say nothing of where a paper was published (a preprint's, as a rule). */
const UNPUBLISHED_TYPES = new Set(['misc', 'unpublished', 'online', 'electronic', 'preprint', 'article'])

/**
 * The entry type, container, kept fields and arXiv class that a paper's source records give, earliest first.
 * Type, container and kept fields all come from ONE BibTeX record, never the type of a preprint's entry with
 * the pages of the proceedings': when the paper has a venue, the record whose container is that venue, else
 * the earliest one that is no preprint's (its container no preprint server's, `arXiv preprint …`, `CoRR`);
 * when none is, no record's type or container (the export guesses them from the venue). Without a venue, the
 * earliest BibTeX record. Kept fields the chosen record does not have come from no other BibTeX record: only,
 * when it has none, from the earliest other record that has some. The arXiv class comes from the earliest
 * record that gives one (an arXiv record's primary category).
 * @example sourceEntryParts([{ source: 'bibtex', raw: { entryType: 'book', publisher: 'MIT Press' } }])
 */
export function sourceEntryParts(
  records: ReadonlyArray<{ source: string; raw: Record<string, unknown> }>,
  venue?: string | null,
): SourceEntryParts {
  const bibtex = records.filter((r) => r.source === 'bibtex')
  const others = records.filter((r) => r.source !== 'bibtex')
  const ordered = [...bibtex, ...others]
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined)
  const containerOf = (raw: Record<string, unknown>) => text(raw['booktitle']) ?? text(raw['journal'])
  const parts: SourceEntryParts = {}
  const wanted = venue?.trim() ? venueKey(venue) : null
  const chosen = !wanted
    ? bibtex[0]
    : (bibtex.find((r) => {
        const container = containerOf(r.raw)
        return container !== undefined && venueKey(container) === wanted
      }) ??
      bibtex.find((r) => {
        const container = containerOf(r.raw)
        if (container !== undefined) return !isPreprintVenue(container)
        // No container: a book, a thesis, a report is published as it is; a `misc` is a preprint's entry.
        const type = text(r.raw['entryType'])?.toLowerCase()
        return type !== undefined && !UNPUBLISHED_TYPES.has(type) && !BOOKTITLE_TYPES.has(type)
      }))
  const raw = chosen?.raw
  const entryType = text(raw?.['entryType'])?.toLowerCase()
  if (entryType && /^[a-z]+$/.test(entryType)) parts.entryType = entryType
  const journal = text(raw?.['journal'])
  const booktitle = text(raw?.['booktitle'])
  if (booktitle) parts.container = { field: 'booktitle', value: booktitle }
  else if (journal) parts.container = { field: 'journal', value: journal }
  for (const record of [...(chosen ? [chosen] : []), ...others]) {
    const fields: Partial<Record<KeptField, string>> = {}
    for (const field of KEPT_FIELDS) {
      // Another source's `organization` (Hugging Face's: the org that posted the paper) is no BibTeX one.
      if (field === 'organization' && record.source !== 'bibtex') continue
      const value = text(record.raw[field])
      if (value !== undefined && !(field === 'note' && value === DERIVED_TITLE_NOTE)) fields[field] = value
    }
    if (Object.keys(fields).length) {
      parts.fields = fields
      break
    }
  }
  for (const record of ordered) {
    // BibTeX's `eprintclass` (or `primaryClass`, read as it), arXiv's primary category.
    const value = text(record.raw['eprintclass']) ?? (record.source === 'arxiv' ? text(record.raw['primaryCategory']) : undefined)
    if (value) {
      parts.eprintClass = value
      break
    }
  }
  const corporate = ordered.flatMap((r) => (Array.isArray(r.raw['corporateAuthors']) ? r.raw['corporateAuthors'] : []))
  const names = [...new Set(corporate.filter((n): n is string => typeof n === 'string'))]
  if (names.length) parts.corporateAuthors = names
  return parts
}

/** What a cite key is made of, and when the paper entered its library (`entered`: earlier keeps the plain key). */
export type CiteKeyPaper = Pick<BibtexPaper, 'id' | 'title' | 'titleDerived' | 'date' | 'authors'> & { entered?: string | number }

/** A paper's claim to the cite key of its BibTeX source entry (`label`, the part of its record key after `#`). */
export interface CiteKeyClaim {
  paperId: string
  label: string | null
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const NAME_PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'del',
  'della',
  'di',
  'da',
  'du',
  'des',
  'dos',
  'das',
  'le',
  'la',
  'ter',
  'ten',
  'zu',
  'af',
  'av',
])
const STOP_WORDS = new Set([
  'a',
  'an',
  'the',
  'on',
  'of',
  'in',
  'for',
  'and',
  'to',
  'with',
  'from',
  'by',
  'at',
  'is',
  'are',
  'towards',
  'toward',
])
const PROCEEDINGS =
  /\b(proceedings|proc\.|conference|workshop|symposium|neurips|nips|icml|iclr|colt|aistats|uai|cvpr|iccv|eccv|acl|emnlp|naacl|aaai|ijcai|kdd|sigir|www|interspeech|icassp)\b|\badvances in neural information processing systems\b/i
/** Journals whose names say `Proceedings`: the Proceedings of the IEEE, of the National Academy of Sciences, of the Royal Society. */
const JOURNAL_PROCEEDINGS =
  /^\s*(?:the\s+)?(?:proc(?:eedings|\.)\s+(?:of\s+)?(?:the\s+)?(?:ieee\s*$|national\s+academy|nat(?:'l|\.)?\s+acad|royal\s+society|roy\.\s+soc|r\.\s+soc)|pnas\b)/i

/** The entry type a venue suggests: proceedings for a conference's, an article for a journal's. */
function venueEntryType(venue: string): 'inproceedings' | 'article' {
  return PROCEEDINGS.test(venue) && !JOURNAL_PROCEEDINGS.test(venue) ? 'inproceedings' : 'article'
}

/** Entry types whose container is a `booktitle`; an `article`'s is a `journal`. */
const BOOKTITLE_TYPES = new Set(['inproceedings', 'conference', 'incollection', 'inbook', 'inreference', 'bookinbook'])

/** Suffixes a name can end with (`Jr.`, `III`), written in BibTeX's `von Last, Jr, First`. */
export const NAME_SUFFIX = /^(?:jr|sr|jnr|snr)\.?$|^(?:ii|iii|iv)$/i

/** Combining marks and the LaTeX accent command that writes each. */
const ACCENTS: Record<string, string> = {
  '\u0300': '`',
  '\u0301': "'",
  '\u0302': '^',
  '\u0303': '~',
  '\u0304': '=',
  '\u0306': 'u',
  '\u0307': '.',
  '\u0308': '"',
  '\u030A': 'r',
  '\u030B': 'H',
  '\u030C': 'v',
  '\u0327': 'c',
  '\u0328': 'k',
}
/** Letters that are commands of their own in LaTeX (å goes through its ring accent, \\r{a}, which more readers know than \\aa). */
const LETTERS: Record<string, string> = {
  ß: '{\\ss}',
  ø: '{\\o}',
  Ø: '{\\O}',
  æ: '{\\ae}',
  Æ: '{\\AE}',
  œ: '{\\oe}',
  Œ: '{\\OE}',
  ł: '{\\l}',
  Ł: '{\\L}',
  ı: '{\\i}',
}
const SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  // In LaTeX's default font encoding (OT1) these print as other glyphs: `<x>` as ¡x¿, `|` as an em dash.
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '\\textbar{}',
}

/** Text commands LaTeX knows without a package, kept as written with their one braced argument. */
const TEXT_COMMANDS = new Set([
  'textit',
  'textbf',
  'textsl',
  'textsc',
  'textsf',
  'texttt',
  'textrm',
  'textup',
  'textmd',
  'textnormal',
  'emph',
  'underline',
  'mbox',
])
/** Commands without an argument kept as written. */
const WORD_COMMANDS = new Set(['LaTeX', 'TeX', 'ldots', 'dots'])
/** Accents as sources write them: `{\"o}`, `\"{o}`, `\"o`, `{\'\i}`, `\c{c}`, `{\ss}`. */
const WRITTEN_ACCENT =
  /^(?:\{\\(?:[`'^"~=.](?:[A-Za-z]|\\[ij]|\{[A-Za-z]\})|[cvuHkrdb]\{(?:[A-Za-z]|\\[ij])\}|ss|o|O|l|L|ae|AE|oe|OE|aa|AA|i|j)\}|\\[`'^"~=.](?:\{(?:[A-Za-z]|\\[ij])\}|[A-Za-z]|\\[ij](?![A-Za-z]))|\\[cvuHkrdb]\{(?:[A-Za-z]|\\[ij])\})/
/** A group with a font declaration, `{\em finite sample}`: kept as written. */
const DECLARATION =
  /^\{\\(?:em|it|bf|sl|sc|tt|rm|sf|itshape|bfseries|scshape|slshape|upshape|mdseries|rmfamily|sffamily|ttfamily|normalfont)(?![A-Za-z])/

const COMMAND_NAME = /[A-Za-z]+/y

/** A piece of text: TeX written as written (`text` is what is written) or plain text still to escape. */
interface TexPart {
  tex: boolean
  text: string
  /** Where the part starts in the text. */
  start: number
  /** TeX a title braces so a style's case change leaves it alone (`{$N$}`, `{\LaTeX}`). */
  protect?: boolean
}

/**
 * True when the braces balance both as TeX reads them (`\{` is no brace) and as BibTeX does (every brace
 * counts, and a value ends where its braces close).
 */
function balancedBraces(text: string): boolean {
  let tex = 0
  let raw = 0
  for (let i = 0; i < text.length; i++) {
    const escaped = text[i - 1] === '\\' && text[i - 2] !== '\\'
    if (text[i] === '{') {
      raw++
      if (!escaped) tex++
    } else if (text[i] === '}') {
      if (--raw < 0) return false
      if (!escaped && --tex < 0) return false
    }
  }
  return tex === 0 && raw === 0
}

/**
 * How braces are written where the default would not do, by index: one that pairs with none as
 * `\textbraceleft{}` or `\textbraceright{}` (BibTeX counts every brace, and would end or run on the value
 * there), and so a `\{` paired with a bare `}` in text with TeX, which balances for BibTeX but not for TeX;
 * a group after a command written as text (`\cite{x}`) as `\{x\}`, as it reads. The default: `\{` in text
 * without TeX, and as written in text with TeX (a group).
 */
function braceForms(text: string, inTex: boolean): Map<number, string> {
  const forms = new Map<number, string>()
  const command = (i: number) => (text[i] === '{' ? '\\textbraceleft{}' : '\\textbraceright{}')
  const escaped = (i: number) => inTex && text[i - 1] === '\\'
  const afterCommand = (i: number) => {
    let j = i
    while (j > 0 && /[A-Za-z]/.test(text[j - 1]!)) j--
    return j < i && text[j - 1] === '\\'
  }
  const open: number[] = []
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '{') open.push(i)
    else if (text[i] === '}') {
      const partner = open.pop()
      if (partner === undefined) forms.set(i, command(i))
      else if (escaped(partner) !== escaped(i)) forms.set(partner, command(partner)).set(i, command(i))
      else if (inTex && !escaped(i) && afterCommand(partner)) forms.set(partner, '\\{').set(i, '\\}')
    }
  }
  for (const i of open) forms.set(i, command(i))
  return forms
}

/** For every `{` TeX reads as a brace, just past the `}` that closes it; none when nothing closes it. */
function groupEnds(text: string): Map<number, number> {
  const ends = new Map<number, number>()
  const open: number[] = []
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++
    else if (text[i] === '{') open.push(i)
    else if (text[i] === '}') {
      const start = open.pop()
      if (start !== undefined) ends.set(start, i + 1)
    }
  }
  return ends
}

/** In math, commands that need a braced argument (and `\^`, `\_`, `\sp`, `\sb`). */
const MATH_NEEDS_ARGUMENT =
  /\\(?:[\^_]|(?:sp|sb|mathrm|text[a-zA-Z]*|emph|strong|enquote|mkbib[a-zA-Z]*|url)(?![a-zA-Z]))(?!\s*\{)/
/** Text accents, which are no math (LaTeX stops at them, and citation-js cannot read them there). */
const MATH_TEXT_ACCENT = /\\(?:[`'~=."]|[uvrHbdckt](?![a-zA-Z])|textcommabelow|href|ElsevierGlyph)/

/**
 * Math that LaTeX typesets and citation-js (which reads our BibTeX back) reads: braces balance, every `^`
 * and `_` has something to raise or lower, commands that take an argument have one, environments close.
 */
function wellFormedMath(math: string): boolean {
  if (!balancedBraces(math) || /[\^_]\s*(?:[}^_]|$)/.test(math) || /^(?:\\.|[^\\$])*\$/.test(math))
    return false
  if (MATH_NEEDS_ARGUMENT.test(math) || MATH_TEXT_ACCENT.test(math)) return false
  const environments: string[] = []
  for (const m of math.matchAll(/\\(begin|end)(?![a-zA-Z])\s*(?:\{([^{}]*)\})?/g)) {
    if (m[2] === undefined) return false
    if (m[1] === 'begin') environments.push(m[2])
    else if (environments.pop() !== m[2]) return false
  }
  return environments.length === 0
}

/**
 * Just past the math that starts at `start` (`$…$`, `$$…$$`, `\(…\)`), or -1. As in pandoc, `$` opens
 * math only before a non-space and closes it only after one and not before a digit (`$5 and $10` is money).
 * `nextClose`: where the first `\)` from an index is.
 */
function mathEnd(text: string, start: number, nextClose: (from: number) => number): number {
  if (text.startsWith('\\(', start)) {
    const close = nextClose(start + 2)
    return close > start + 2 && wellFormedMath(text.slice(start + 2, close)) ? close + 2 : -1
  }
  const fence = text.startsWith('$$', start) ? '$$' : '$'
  const from = start + fence.length
  if (from >= text.length || /\s/.test(text[from]!)) return -1
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') {
      i++
      continue
    }
    if (text[i] !== '$') continue
    if (fence === '$$' && !text.startsWith('$$', i)) return -1
    if (/\s/.test(text[i - 1]!) || (fence === '$' && /\d/.test(text[i + 1] ?? ''))) return -1
    return wellFormedMath(text.slice(from, i)) ? i + fence.length : -1
  }
  return -1
}

/** Capitals outside command names: a title braces such TeX. */
function hasCapitals(tex: string): boolean {
  return /\p{Lu}/u.test(tex.replace(/\\[A-Za-z]+/g, ''))
}

/** The text cut into TeX and plain parts, or null when it has no TeX in it. */
function texParts(text: string): TexPart[] | null {
  const parts: TexPart[] = []
  let plain = ''
  let escaped = false
  let i = 0
  // Looked up, not scanned for at every `{` and `\(`, so that text full of them takes linear time.
  let ends: Map<number, number> | undefined
  const groupEnd = (open: number) => (ends ??= groupEnds(text)).get(open) ?? -1
  let closeFrom = Infinity
  let close = -1
  const nextClose = (from: number) => {
    if (from < closeFrom || (close !== -1 && close < from)) close = text.indexOf('\\)', from)
    closeFrom = from
    return close
  }
  const tex = (part: Omit<TexPart, 'start'>) => {
    if (plain) parts.push({ tex: false, text: plain, start: i - plain.length })
    plain = ''
    parts.push({ ...part, start: i })
  }
  while (i < text.length) {
    const ch = text[i]!
    if (ch === '$' || text.startsWith('\\(', i)) {
      const end = mathEnd(text, i, nextClose)
      if (end > 0) {
        // A bare `%` would comment out the rest of the line when LaTeX reads the .bbl.
        const math = text.slice(i, end).replace(/(?<!\\)%/g, '\\%')
        tex({ tex: true, text: math, protect: hasCapitals(math) })
        i = end
        continue
      }
    } else if (ch === '\\' && /[&%$#_]/.test(text[i + 1] ?? '')) {
      // An escaped special is TeX too, but stays in its word (`AT\&T`): the plain text writes it.
      escaped = true
      plain += text.slice(i, i + 2)
      i += 2
      continue
    } else if (ch === '\\' || ch === '{') {
      const accent = WRITTEN_ACCENT.exec(text.slice(i, i + 12))?.[0]
      if (accent) {
        tex({ tex: true, text: accent, protect: hasCapitals(accent) })
        i += accent.length
        continue
      }
      const declaration = ch === '{' ? DECLARATION.exec(text.slice(i, i + 16))?.[0] : undefined
      const declarationEnd = declaration ? groupEnd(i) : -1
      if (declaration && declarationEnd > 0 && balancedBraces(text.slice(i, declarationEnd))) {
        const written = `${declaration}${escapeTex(text.slice(i + declaration.length, declarationEnd - 1), true)}}`
        tex({ tex: true, text: written, protect: hasCapitals(written) })
        i = declarationEnd
        continue
      }
      COMMAND_NAME.lastIndex = i + 1
      const name = ch === '\\' ? COMMAND_NAME.exec(text)?.[0] : undefined
      const after = i + 1 + (name?.length ?? 0)
      if (name && TEXT_COMMANDS.has(name) && text[after] === '{') {
        const end = groupEnd(after)
        if (end > 0 && balancedBraces(text.slice(after, end))) {
          // The argument is TeX too: written the same way (its capitals are braced already).
          tex({ tex: true, text: `\\${name}{${escapeTex(text.slice(after + 1, end - 1), true)}}` })
          i = end
          continue
        }
      }
      if (name && WORD_COMMANDS.has(name) && !/[A-Za-z]/.test(text[after] ?? '')) {
        const end = text.startsWith('{}', after) ? after + 2 : after
        tex({ tex: true, text: text.slice(i, end), protect: true })
        i = end
        continue
      }
    }
    plain += ch
    i++
  }
  if (!parts.length && !escaped) return null
  if (plain) parts.push({ tex: false, text: plain, start: i - plain.length })
  return parts
}

/**
 * True when the text has TeX in it (math, a LaTeX text command, a written accent, an escaped `\&`), which
 * `escapeLatex` writes as written.
 */
export function hasTex(text: string): boolean {
  return texParts(text.normalize('NFC').replace(/\s+/g, ' ')) !== null
}

/**
 * Text for a field: TeX parts as written, plain parts escaped. `inTex`: the text is inside TeX (a command's
 * argument), so it counts as having TeX even when it has none of its own.
 */
function escapeTex(text: string, inTex: boolean): string {
  const parts = texParts(text)
  if (!parts) return escapeText(text, inTex)
  // Braces pair across the TeX between them (which balances by itself): `{the $N$ model}` is a group.
  const forms = braceForms(text, true)
  return parts.map((part) => (part.tex ? part.text : escapeText(part.text, true, forms, part.start))).join('')
}

/**
 * Writes text for a BibTeX field: specials escaped, accented Latin letters as LaTeX commands, other
 * characters (Greek, CJK) left as UTF-8, which BibLaTeX and citation-js read. TeX in the text (`$x^2$`,
 * `\textit{x}`, `{\"o}`, `\&`) is written as written; a field that has some keeps its `--` too (a `~` or `^`
 * outside math is a character, as the import read it: `\textasciitilde{}`, `\textasciicircum{}`).
 * @example escapeLatex('Jürgen & Łukasz: 50%') // 'J{\\"u}rgen \\& {\\L}ukasz: 50\\%'
 * @example escapeLatex('ratio $p/n \\to κ$ & more') // 'ratio $p/n \\to κ$ \\& more'
 */
export function escapeLatex(text: string): string {
  // One line per value: a line starting with `@` inside a value would look like a new entry to readers.
  return escapeTex(text.normalize('NFC').replace(/\s+/g, ' '), false)
}

/**
 * Text with no TeX in it, escaped. `inTex` when it sits in a field with TeX: `\&` and `\{` are written as
 * written (a `~` or `^` is still a character of the text, `\textasciitilde{}`: a tie the import read as a
 * space, and a bare `~` written back would be one), and braces that pair are a TeX group, written as they are; elsewhere braces
 * that pair are written `\{ \}`. `forms`: see `braceForms`, when `text` is cut from a longer text at
 * `offset`.
 */
function escapeText(text: string, inTex: boolean, forms = braceForms(text, inTex), offset = 0): string {
  let out = ''
  let index = offset
  let written = false
  for (const char of text) {
    const at = index
    index += char.length
    if (written) {
      written = false
      continue
    }
    const next = text[at - offset + 1] ?? ''
    if (inTex && char === '\\' && /[&%$#_{}]/.test(next)) {
      written = true
      out += (/[{}]/.test(next) && forms.get(at + 1)) || char + next
      continue
    }
    if (char === '{' || char === '}') {
      out += forms.get(at) ?? (inTex ? char : `\\${char}`)
      continue
    }
    if (SPECIALS[char]) {
      out += SPECIALS[char]
      continue
    }
    if (LETTERS[char]) {
      out += LETTERS[char]
      continue
    }
    const decomposed = char.normalize('NFD')
    const base = decomposed[0]!
    const marks = [...decomposed.slice(1)]
    if (marks.length > 0 && /[A-Za-z]/.test(base) && marks.every((m) => ACCENTS[m])) {
      // An accented i or j takes its dotless form: {\'\i}.
      let letter: string = base === 'i' ? '\\i' : base === 'j' ? '\\j' : base
      for (const mark of marks) {
        const command = ACCENTS[mark]!
        // Letter commands take a braced argument (\c{c}); symbol commands go straight before it (\"u).
        letter = /[a-z]/i.test(command) ? `\\${command}{${letter}}` : `\\${command}${letter}`
      }
      out += `{${letter}}`
      continue
    }
    // Break the ligatures TeX would make of `--`, `---`, ``` `` ``` and `''` (they would come back as dashes
    // and quotes); in a field with TeX they are TeX as written.
    if (!inTex && (char === '-' || char === '`' || char === "'") && out.endsWith(char)) out += '{}'
    out += char
  }
  return out
}

/**
 * A title with every word that carries a capital after its first letter, or any capital beyond the
 * first word, protected by braces, so a style that lower-cases titles keeps `GAN`, `BERT` and `Bayes`;
 * math with capitals is braced too (`{$N$}`).
 */
function protectCapitals(title: string): string {
  const flat = title.normalize('NFC').replace(/\s+/g, ' ')
  const parts = texParts(flat)
  const inTex = parts !== null
  let first = true
  const forms = braceForms(flat, inTex)
  return (parts ?? [{ tex: false, text: flat, start: 0 }])
    .map((part) => {
      if (part.tex) {
        first = false
        return part.protect ? `{${part.text}}` : part.text
      }
      let offset = part.start
      return part.text
        .split(/(\s+)/)
        .map((word) => {
          const at = offset
          offset += word.length
          if (word === '' || /^\s+$/.test(word)) return word
          const isFirst = first
          first = false
          const escaped = escapeText(word, inTex, forms, at)
          if (!/\p{Lu}/u.test(word)) return escaped
          const onlyFirst = /^\P{Lu}*\p{Lu}\P{Lu}*$/u.test(word) && /^\P{L}*\p{Lu}/u.test(word)
          if (isFirst && onlyFirst) return escaped
          // Quotes and punctuation around the word stay outside the braces: `"{Lottery}":`, not `{"Lottery":}`.
          const [, lead = '', inner = '', outer = ''] = /^([\p{Pi}\p{Ps}"'`]*)(.*?)([\p{Pf}\p{Pe}"'.,:;!?]*)$/su.exec(word) ?? []
          // A bracket the word opens stays with it: `{Variance(s)}`, `{O(N)}`.
          const closes = Math.max(0, (inner.match(/[([{]/g)?.length ?? 0) - (inner.match(/[)\]}]/g)?.length ?? 0))
          const kept = /^[)\]}]*/.exec(outer)?.[0].slice(0, closes) ?? ''
          const core = inner + kept
          const trail = outer.slice(kept.length)
          if (!/\p{Lu}/u.test(core)) return `{${escaped}}`
          return (
            escapeText(lead, inTex, forms, at) +
            `{${escapeText(core, inTex, forms, at + lead.length)}}` +
            escapeText(trail, inTex, forms, at + lead.length + core.length)
          )
        })
        .join('')
    })
    .join('')
}

/**
 * BibTeX's `von Last, Jr, First` (`van der Berg, Jan`, `Hoane, Jr, A. Joseph`); a family name of words with
 * capitals braced (`{Del Maestro}, Adrian`); a corporate or one-word name braced whole (`{World Health
 * Organization}`). A name word `and`, in any case (`ANd`), is braced: BibTeX splits the list on it whatever its case.
 */
function formatAuthor(name: string, corporate: ReadonlySet<string> = new Set()): string {
  let trimmed = name.trim().replace(/\s+/g, ' ')
  if (corporate.has(trimmed)) return `{${escapeLatex(trimmed)}}`
  const suffixed = afterCommaSuffix(trimmed)
  if (suffixed) trimmed = `${suffixed.name} ${suffixed.suffix}`
  if (trimmed.includes(',')) return namePart(trimmed)
  const words = trimmed.split(' ')
  const suffix = words.length > 2 && NAME_SUFFIX.test(words[words.length - 1]!) ? words.pop()! : null
  if (words.length === 1) return `{${escapeLatex(trimmed)}}`
  let start = words.length - 1
  while (start > 1 && NAME_PARTICLES.has(words[start - 1]!.toLowerCase())) start--
  const family = words.slice(start)
  const given = words.slice(0, start).join(' ')
  // Lower-case particles are BibTeX's von part, written before the family name; a family name that
  // starts with a capital particle (`Van Merriënboer`) is braced, so it stays one.
  const von = family.findIndex((w) => !/^\p{Ll}/u.test(w) || !NAME_PARTICLES.has(w))
  const familyText =
    von > 0 && von === family.length - 1
      ? `${family.slice(0, von).join(' ')} ${namePart(family[von]!)}`
      : family.length > 1
        ? `{${escapeLatex(family.join(' '))}}`
        : namePart(family[0]!)
  return `${familyText}${suffix ? `, ${namePart(suffix)}` : ''}, ${namePart(given)}`
}

/**
 * Name words as written outside braces, with a word `and` in any case braced (`A, {ANd}` for *ANd A*): BibTeX splits
 * an author list on it whatever its case.
 */
function namePart(text: string): string {
  return escapeLatex(text).replace(/(^|[\s,])(and)(?=[\s,]|$)/giu, '$1{$2}')
}

function asciiFold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[œŒ]/g, 'oe')
    .replace(/[đĐðÐ]/g, 'd')
    .replace(/[þÞ]/g, 'th')
    .replace(/ı/g, 'i')
    .toLowerCase()
}

/** The family name a cite key starts with: the one `formatAuthor` writes first (`King` of `Martin Luther King, Jr.`). */
/** `Martin Luther King, Jr.`: the part after the comma is no given name but a suffix (null for any other name). */
function afterCommaSuffix(name: string): { name: string; suffix: string } | null {
  const parts = /^([^,]+\s[^,]+),\s*([^,\s]+)$/.exec(name)
  return parts && NAME_SUFFIX.test(parts[2]!) ? { name: parts[1]!, suffix: parts[2]! } : null
}

function familyName(name: string): string {
  let trimmed = name.trim().replace(/\s+/g, ' ')
  const suffixed = afterCommaSuffix(trimmed)
  if (suffixed) trimmed = suffixed.name
  if (trimmed.includes(',')) return trimmed.split(',')[0]!
  const words = trimmed.split(/\s+/)
  if (words.length > 2 && NAME_SUFFIX.test(words[words.length - 1]!)) words.pop()
  return words[words.length - 1] ?? ''
}

/**
 * The part of a cite key after the family name: the year and the first significant title word
 * (`2017attention`). Papers that differ in it never share a key.
 */
export function citeKeyStem(paper: Pick<BibtexPaper, 'id' | 'title' | 'titleDerived' | 'date'>): string {
  const year = paper.date?.slice(0, 4) ?? 'nd'
  // A title Paperscope made up gives no word: the paper's id does, which no other paper has.
  const word = paper.titleDerived
    ? asciiFold(paper.id).replace(/[^a-z0-9]/g, '') || 'untitled'
    : (asciiFold(paper.title)
        .split(/[^a-z0-9]+/)
        .find((w) => w.length > 1 && !STOP_WORDS.has(w)) ?? 'untitled')
  return `${year}${word}`
}

/** The base of a cite key: first author's family name, year, first significant title word (`vaswani2017attention`). */
function baseCiteKey(paper: CiteKeyPaper): string {
  const family = asciiFold(familyName(paper.authors[0] ?? '')).replace(/[^a-z0-9]/g, '') || 'anon'
  return `${family}${citeKeyStem(paper)}`
}

/**
 * True when BibTeX and LaTeX take the text as a cite key as it is: no spaces or control characters, and none of
 * `,{}#%"'=\` (which end the key, start a comment or a field, or read as TeX).
 * @example validCiteKey('Zhang:2022') // true
 * @example validCiteKey('zhang 2022') // false
 */
export function validCiteKey(key: string): boolean {
  return /^[^\s\p{Cc},{}#%"'=\\]+$/u.test(key)
}

/**
 * The keys papers keep from their BibTeX source entries, by paper id. `claims` come earliest first (the order
 * their records were stored), one per paper (its earliest BibTeX record); a paper keeps its entry's label when
 * it is a valid key ({@link validCiteKey}) and no claim before it has the same key (BibTeX does not tell
 * `Zhang2022` from `zhang2022`). A paper that keeps none is given a generated key by {@link citeKeys}.
 * @example keptCiteKeys([{ paperId: 'p1', label: 'zhang2022how' }, { paperId: 'p2', label: 'Zhang2022How' }]) // Map { p1 → zhang2022how }
 */
export function keptCiteKeys(claims: Iterable<CiteKeyClaim>): Map<string, string> {
  const kept = new Map<string, string>()
  const claimed = new Set<string>()
  for (const { paperId, label } of claims) {
    if (kept.has(paperId) || label === null || !validCiteKey(label)) continue
    const folded = label.toLowerCase()
    if (claimed.has(folded)) continue
    claimed.add(folded)
    kept.set(paperId, label)
  }
  return kept
}

/**
 * Cite keys for papers: the same paper gets the same key whatever order the papers come in. A paper with a
 * BibTeX source entry keeps that entry's key: `claims` are the claims of every paper of the library (see
 * {@link keptCiteKeys}), so that a paper keeps its key only when no paper claimed it before. The others get
 * generated keys, which never take a kept one (of these papers or any other that claims one). Papers that
 * share a base key are told apart in the order they entered the library (`entered`; then by id): the first
 * keeps the base, the next get a, b, ... (as JabRef does), so a paper added later never changes an earlier
 * one's generated key. A suffix is skipped when the key it makes starts with another of these papers' base
 * keys (`balestriero2022dat` + `a` is `balestriero2022data`, the plain key of another paper), so a suffixed
 * key never is another paper's key: keys are the same in every export as long as the papers given include
 * every paper whose base key starts with a given paper's.
 */
export function citeKeys(
  papers: readonly CiteKeyPaper[],
  options: { claims?: Iterable<CiteKeyClaim> | undefined } = {},
): Map<string, string> {
  const kept = keptCiteKeys(options.claims ?? [])
  const taken = new Set([...kept.values()].map((key) => key.toLowerCase()))
  const keys = new Map<string, string>()
  const groups = new Map<string, CiteKeyPaper[]>()
  for (const paper of papers) {
    const own = kept.get(paper.id)
    if (own !== undefined) {
      keys.set(paper.id, own)
      continue
    }
    const base = baseCiteKey(paper)
    const group = groups.get(base)
    if (group) group.push(paper)
    else groups.set(base, [paper])
  }
  // A suffixed key that starts with another base could be that paper's key, or one of its group's.
  const startsWithOtherBase = (base: string, key: string) => {
    for (let end = base.length + 1; end <= key.length; end++) if (groups.has(key.slice(0, end))) return true
    return false
  }
  const given = new Set<string>()
  for (const base of [...groups.keys()].sort()) {
    const order = [...new Map(groups.get(base)!.map((p) => [p.id, p])).values()].sort(
      (a, b) => compareEntered(a.entered, b.entered) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )
    let next = -1
    for (const paper of order) {
      let key: string
      do {
        key = next < 0 ? base : `${base}${suffix(next)}`
        next++
      } while (taken.has(key) || given.has(key) || (key !== base && startsWithOtherBase(base, key)))
      given.add(key)
      keys.set(paper.id, key)
    }
  }
  return keys
}

/** Earlier first; a paper without an entry time after those with one. */
function compareEntered(a: string | number | undefined, b: string | number | undefined): number {
  if (a === b) return 0
  if (a === undefined) return 1
  if (b === undefined) return -1
  return a < b ? -1 : 1
}

function suffix(index: number): string {
  let s = ''
  let n = index
  do {
    s = String.fromCharCode(97 + (n % 26)) + s
    n = Math.floor(n / 26) - 1
  } while (n >= 0)
  return s
}

/** A year standing alone in a venue's name (`ICML 2019`, `Proceedings of the 2019 Conference on ...`). */
const VENUE_YEAR = /(?<![\p{L}\p{N}./-])(?:19|20)\d{2}(?![\p{L}\p{N}/-]|\.\d)/gu

/**
 * The year a venue names (`ICML 2019` → `2019`), or null when it names none or several.
 * @example venueYear('Proceedings of ICML 2019') // '2019'
 */
function venueYear(venue: string | null | undefined): string | null {
  const years = new Set(venue?.match(VENUE_YEAR) ?? [])
  return years.size === 1 ? [...years][0]! : null
}

/**
 * The date an entry's `year`, `month` and `day` give, and the paper's own date as `origdate` when that is
 * another one. A paper's date in the library is the first it was out (an arXiv preprint, 2018); a venue that
 * names a year (`ICML 2019`) published it that year, and `year = {2018}` beside `booktitle = {ICML 2019}`
 * would cite proceedings from before they existed. So when the venue names a year, the entry takes it, with
 * the month and day of a source date of that year when one is known (the proceedings' own date), else the
 * year alone (the preprint's month and day are not the proceedings'). The paper's own date is kept as
 * `origdate` (BibLaTeX's date of the original publication), which `parseBibtex` reads back as the paper's
 * date, so an export imported again gives the library it came from.
 */
function entryDate(
  date: string | null,
  venue: string | null,
  sourceDates: readonly string[],
): { date: string | null; original: string | null } {
  const year = venueYear(venue)
  // No date stays no date: a year made up from the venue alone would be read back as the paper's date.
  if (!date || !year || date.startsWith(year)) return { date, original: null }
  const published = sourceDates
    .filter((d) => d.startsWith(year) && /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(d))
    // The most precise; among equally precise ones, the earliest.
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))[0]
  return { date: published ?? year, original: date }
}

/**
 * The field that names a paper's authors known from outside its author list (`unlistedAuthors`), as `author`
 * does (`Family, Given and ...`). Styles ignore a field they do not know; `parseBibtex` reads it back.
 */
export const UNLISTED_AUTHORS_FIELD = 'paperscope-unlisted-authors'

/**
 * A title Paperscope made from the abstract, as an entry's title: the `…` the library puts where it cut the
 * abstract goes (it is no part of any text, and the entry's note says the title is made), and so does math
 * the cut left open (`with $N \asymp`), so that the TeX in it is the abstract's, written as the abstract
 * field writes it.
 */
function derivedTitleText(title: string): string {
  let text = title.trim().replace(/\s*…$/u, '')
  let dollars = 0
  let last = -1
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++
    else if (text[i] === '$') {
      dollars++
      last = i
    }
  }
  // An odd `$` that opens math (not money: `$5`) was cut before its close.
  if (dollars % 2 === 1 && !/\d/.test(text[last + 1] ?? '')) text = text.slice(0, text[last - 1] === '$' ? last - 1 : last)
  return text.replace(/[\s,;:(]+$/u, '') || title.trim()
}

/** The note on an entry whose title Paperscope made up. */
export const DERIVED_TITLE_NOTE =
  'No source gives a title: Paperscope made this one from the first words of the abstract'

/**
 * Formats papers as BibTeX, one entry per paper, in the order given.
 * @example formatBibtex([{ id: 'p1', title: 'Attention is all you need', authors: ['Ashish Vaswani'], date: '2017-06', venue: null, ids: { arxiv: '1706.03762' } }])
 */
export function formatBibtex(papers: readonly BibtexPaper[]): string {
  const keys = citeKeys(papers)
  return papers.map((paper) => formatEntry(paper, paper.citeKey ?? keys.get(paper.id)!)).join('\n')
}

function formatEntry(paper: BibtexPaper, key: string): string {
  const venue = paper.venue?.trim() || null
  const type = paper.entryType ?? (venue ? venueEntryType(venue) : 'misc')
  const fields: Array<[string, string]> = [
    ['title', `{${protectCapitals(paper.titleDerived ? derivedTitleText(paper.title) : paper.title.trim())}}`],
  ]
  const corporate = new Set((paper.corporateAuthors ?? []).map((n) => n.trim().replace(/\s+/g, ' ')))
  const authors = paper.authors.map((n) => formatAuthor(n, corporate))
  if (paper.authorsTruncated) authors.push('others')
  if (authors.length) fields.push(['author', `{${authors.join(' and ')}}`])
  const unlisted = (paper.unlistedAuthors ?? [])
    .filter((name) => !paper.authors.includes(name))
    .map((n) => formatAuthor(n, corporate))
  if (unlisted.length) fields.push([UNLISTED_AUTHORS_FIELD, `{${unlisted.join(' and ')}}`])
  // The source entry's own container, in its own field; else the venue, where the entry type keeps it.
  const container = paper.container?.value.trim()
    ? { field: paper.container.field, value: paper.container.value.trim() }
    : venue
      ? {
          field: BOOKTITLE_TYPES.has(type) ? 'booktitle' : type === 'article' ? 'journal' : venueEntryType(venue) === 'inproceedings' ? 'booktitle' : 'journal',
          value: venue,
        }
      : null
  if (container) fields.push([container.field, `{${escapeLatex(container.value)}}`])
  const kept = paper.fields ?? {}
  for (const name of KEPT_FIELDS) {
    const value = kept[name]?.trim()
    if (!value || (name === 'note' && paper.titleDerived)) continue
    fields.push([name, `{${keptFieldText(value)}}`])
  }
  const { date, original } = entryDate(paper.date, venue, paper.sourceDates ?? [])
  if (date) {
    const [year, month, day] = date.split('-')
    fields.push(['year', `{${year}}`])
    if (month) fields.push(['month', MONTHS[Number(month) - 1]!])
    // BibTeX and biblatex read no `day`: biblatex's `date` gives the full date (year and month stay for BibTeX).
    if (day) fields.push(['date', `{${date}}`])
  }
  if (original) fields.push(['origdate', `{${original}}`])
  // doi, eprint and url are verbatim fields: written as they are, never escaped.
  if (paper.ids.doi) fields.push(['doi', `{${paper.ids.doi.replace(/[{}]/g, '')}}`])
  if (paper.ids.arxiv) {
    fields.push(['eprint', `{${paper.ids.arxiv}}`])
    fields.push(['archiveprefix', '{arXiv}'])
    const eprintClass = paper.eprintClass?.trim()
    if (eprintClass && /^[A-Za-z-]+(?:\.[A-Za-z-]+)?$/.test(eprintClass)) fields.push(['eprintclass', `{${eprintClass}}`])
  }
  if (paper.url) fields.push(['url', `{${paper.url.replace(/[{}\\]/g, encodeURIComponent)}}`])
  if (paper.abstract) fields.push(['abstract', `{${escapeLatex(paper.abstract.trim())}}`])
  if (paper.titleDerived) fields.push(['note', `{${DERIVED_TITLE_NOTE}}`])
  // Names padded to the longest standard one: Paperscope's own long field name does not widen every line.
  const width = Math.max(...fields.map(([name]) => (name === UNLISTED_AUTHORS_FIELD ? 0 : name.length)))
  return `@${type}{${key},\n${fields.map(([name, value]) => `  ${name.padEnd(width)} = ${value}`).join(',\n')}\n}\n`
}

/**
 * A kept field's value (TeX as the source wrote it) as written when its braces balance and it has no `@` to
 * start a line with; otherwise escaped as text.
 */
function keptFieldText(value: string): string {
  const flat = value.replace(/\s+/g, ' ')
  if (!balancedBraces(flat)) return escapeLatex(flat)
  // A bare `%` would end the line for LaTeX; inside `\url{…}` (`%20`) it is the URL's, written as it is.
  return flat.replace(/\\url\{[^{}]*\}|(?<!\\)%/g, (match) => (match === '%' ? '\\%' : match))
}
