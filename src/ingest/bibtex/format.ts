/**
 * @module BibTeX export: a pure function from papers to a `.bib` text with stable cite keys, LaTeX escaping
 * (accents as `{\"o}`, specials as `\&`), and capitals protected with braces so styles keep `GAN` and
 * `Bayes`. What it writes, `parseBibtex` reads back to the same titles, authors, dates and ids.
 */

/** The least a paper needs to be cited; the library's Paper fits. */
export interface BibtexPaper {
  id: string
  title: string
  authors: readonly string[]
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date: string | null
  venue: string | null
  ids: { doi?: string | undefined; arxiv?: string | undefined }
  abstract?: string | null | undefined
  url?: string | null | undefined
  /** True when the author list is cut; written as `and others`. */
  authorsTruncated?: boolean | undefined
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
  /\b(proceedings|proc\.|conference|workshop|symposium|neurips|nips|icml|iclr|cvpr|iccv|eccv|acl|emnlp|naacl|aaai|ijcai|kdd|sigir|www|interspeech|icassp)\b/i

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
}

/**
 * Writes text for a BibTeX field: specials escaped, accented Latin letters as LaTeX commands, other
 * characters (Greek, CJK) left as UTF-8, which BibLaTeX and citation-js read.
 * @example escapeLatex('Jürgen & Łukasz: 50%') // 'J{\\"u}rgen \\& {\\L}ukasz: 50\\%'
 */
export function escapeLatex(text: string): string {
  let out = ''
  // One line per value: a line starting with `@` inside a value would look like a new entry to readers.
  for (const char of text.normalize('NFC').replace(/\s+/g, ' ')) {
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
    // Break the ligatures TeX would make of `--`, `---`, ``` `` ``` and `''` (they would come back as dashes and quotes).
    if ((char === '-' || char === '`' || char === "'") && out.endsWith(char)) out += '{}'
    out += char
  }
  return out
}

/**
 * A title with every word that carries a capital after its first letter, or any capital beyond the
 * first word, protected by braces, so a style that lower-cases titles keeps `GAN`, `BERT` and `Bayes`.
 */
function protectCapitals(title: string): string {
  return title
    .split(/(\s+)/)
    .map((part, index) => {
      if (/^\s+$/.test(part) || !/\p{Lu}/u.test(part)) return escapeLatex(part)
      const onlyFirst = /^\P{Lu}*\p{Lu}\P{Lu}*$/u.test(part) && /^\P{L}*\p{Lu}/u.test(part)
      return index === 0 && onlyFirst ? escapeLatex(part) : `{${escapeLatex(part)}}`
    })
    .join('')
}

/** `Family, Given`, braced when the family name has spaces (`{Del Maestro}, Adrian`). */
function formatAuthor(name: string): string {
  const trimmed = name.trim()
  if (trimmed.includes(',')) return escapeLatex(trimmed)
  const words = trimmed.split(/\s+/)
  if (words.length === 1) return `{${escapeLatex(trimmed)}}`
  let start = words.length - 1
  while (start > 1 && NAME_PARTICLES.has(words[start - 1]!.toLowerCase())) start--
  const family = words.slice(start).join(' ')
  const given = words.slice(0, start).join(' ')
  const familyText = family.includes(' ') ? `{${escapeLatex(family)}}` : escapeLatex(family)
  return `${familyText}, ${escapeLatex(given)}`
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

function familyName(name: string): string {
  const trimmed = name.trim()
  if (trimmed.includes(',')) return trimmed.split(',')[0]!
  const words = trimmed.split(/\s+/)
  return words[words.length - 1] ?? ''
}

/** The base of a cite key: first author's family name, year, first significant title word (`vaswani2017attention`). */
function baseCiteKey(paper: BibtexPaper): string {
  const family = asciiFold(familyName(paper.authors[0] ?? '')).replace(/[^a-z0-9]/g, '') || 'anon'
  const year = paper.date?.slice(0, 4) ?? 'nd'
  const word =
    asciiFold(paper.title)
      .split(/[^a-z0-9]+/)
      .find((w) => w.length > 1 && !STOP_WORDS.has(w)) ?? 'untitled'
  return `${family}${year}${word}`
}

/**
 * Cite keys for papers: the same paper gets the same key whatever order the papers come in. When two
 * papers share a base key, suffixes a, b, ... follow the order of their ids.
 */
export function citeKeys(papers: readonly BibtexPaper[]): Map<string, string> {
  const groups = new Map<string, BibtexPaper[]>()
  for (const paper of papers) {
    const base = baseCiteKey(paper)
    groups.set(base, [...(groups.get(base) ?? []), paper])
  }
  const keys = new Map<string, string>()
  for (const [base, group] of groups) {
    const ids = [...new Set(group.map((p) => p.id))].sort()
    for (const paper of group)
      keys.set(paper.id, ids.length === 1 ? base : `${base}${suffix(ids.indexOf(paper.id))}`)
  }
  return keys
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

/**
 * Formats papers as BibTeX, one entry per paper, in the order given.
 * @example formatBibtex([{ id: 'p1', title: 'Attention is all you need', authors: ['Ashish Vaswani'], date: '2017-06', venue: null, ids: { arxiv: '1706.03762' } }])
 */
export function formatBibtex(papers: readonly BibtexPaper[]): string {
  const keys = citeKeys(papers)
  return papers.map((paper) => formatEntry(paper, keys.get(paper.id)!)).join('\n')
}

function formatEntry(paper: BibtexPaper, key: string): string {
  const venue = paper.venue?.trim() || null
  const type = venue ? (PROCEEDINGS.test(venue) ? 'inproceedings' : 'article') : 'misc'
  const fields: Array<[string, string]> = [['title', `{${protectCapitals(paper.title.trim())}}`]]
  const authors = paper.authors.map(formatAuthor)
  if (paper.authorsTruncated) authors.push('others')
  if (authors.length) fields.push(['author', `{${authors.join(' and ')}}`])
  if (venue) fields.push([type === 'inproceedings' ? 'booktitle' : 'journal', `{${escapeLatex(venue)}}`])
  if (paper.date) {
    const [year, month, day] = paper.date.split('-')
    fields.push(['year', `{${year}}`])
    if (month) fields.push(['month', MONTHS[Number(month) - 1]!])
    if (day) fields.push(['day', `{${Number(day)}}`])
  }
  // doi, eprint and url are verbatim fields: written as they are, never escaped.
  if (paper.ids.doi) fields.push(['doi', `{${paper.ids.doi.replace(/[{}]/g, '')}}`])
  if (paper.ids.arxiv) {
    fields.push(['eprint', `{${paper.ids.arxiv}}`])
    fields.push(['archiveprefix', '{arXiv}'])
  }
  if (paper.url) fields.push(['url', `{${paper.url.replace(/[{}\\]/g, encodeURIComponent)}}`])
  if (paper.abstract) fields.push(['abstract', `{${escapeLatex(paper.abstract.trim())}}`])
  const width = Math.max(...fields.map(([name]) => name.length))
  return `@${type}{${key},\n${fields.map(([name, value]) => `  ${name.padEnd(width)} = ${value}`).join(',\n')}\n}\n`
}
