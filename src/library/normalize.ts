/** @module Normal forms for matching: titles, person names and external ids. Pure string functions. */

import { foldText, normalizeArxivId as coreArxivId, normalizeDoi as coreDoi } from '../core/index.js'

// In core, so the store folds an author query as the library folds names.
export { foldText }

/** Title words for matching: folded, punctuation dropped, hyphenated words split, LaTeX braces removed. */
export function titleTokens(title: string): string[] {
  return foldText(title.replace(/\\[a-zA-Z]+\s*/g, ' '))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
}

/**
 * The key two titles share when they are the same title written differently.
 * @example normalizeTitle('Grokking: A First-Order Phase Transition.') // 'grokking a first order phase transition'
 */
export function normalizeTitle(title: string): string {
  return titleTokens(title).join(' ')
}

const TITLE_SEPARATOR = /\s*(?::|\s[-–—]\s|\?\s)\s*/

/** The shortest title part that still identifies a paper on its own. */
const MIN_PART_WORDS = 5

/**
 * Keys under which a paper can be found by title: the whole title, and each part around a colon or dash
 * that is long enough to identify a paper on its own (so `Droplets of X: Grokking as ...` finds `Grokking as ...`).
 */
export function titleKeys(title: string): string[] {
  const keys = new Set<string>()
  const whole = normalizeTitle(title)
  if (whole) keys.add(whole)
  for (const part of title.split(TITLE_SEPARATOR)) {
    const key = normalizeTitle(part)
    if (key.split(' ').length >= MIN_PART_WORDS) keys.add(key)
  }
  return [...keys]
}

const NAME_PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'da', 'di', 'du', 'la', 'le', 'dos', 'das', 'ter', 'ten', 'bin', 'ibn', 'al'])
const NAME_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv'])

/**
 * The commonest Vietnamese family names, folded. Beside one, `Van` (`Văn`) is a middle name, not the Dutch particle:
 * `Minh Van Nguyen` is Minh Van of the Nguyens, as `Nguyen V. Minh` is one of the Minhs when written family name
 * first. Names that are given names elsewhere too (`Mai`, `Ton`) are left out: `Ton van den Berg` is Dutch.
 */
const VIETNAMESE_FAMILY_NAMES = new Set([
  'nguyen', 'tran', 'le', 'pham', 'hoang', 'huynh', 'phan', 'vu', 'vo', 'dang', 'bui', 'do', 'ho', 'ngo', 'duong', 'ly',
  'truong', 'dinh', 'dao', 'trinh', 'luong', 'lam', 'cao', 'ha', 'luu', 'quach', 'doan', 'thai', 'chau', 'trieu', 'vuong',
])

/** A person's name split for comparison: given-name tokens (initials kept as one letter) and a family key. */
export interface ParsedName {
  readonly given: readonly string[]
  readonly family: string
}

/**
 * Splits a display name into folded given names and a family name (particles kept with the family, but never a
 * capitalised first word: `Le Song` is Le of the Songs). Handles `Family, Given` order, initials glued by dots
 * (`C.Y.`) and hyphens.
 * @example parseName('Stephanie C.Y. Chan') // { given: ['stephanie','c','y'], family: 'chan' }
 */
export function parseName(name: string): ParsedName {
  const cached = parsedNames.get(name)
  if (cached) return cached
  const parsed = Object.freeze(parseNameUncached(name))
  // Names repeat across every record and candidate; a bounded cache keeps matching linear in practice.
  if (parsedNames.size >= PARSED_NAME_CACHE_SIZE) parsedNames.clear()
  parsedNames.set(name, parsed)
  return parsed
}

const PARSED_NAME_CACHE_SIZE = 50_000
const parsedNames = new Map<string, ParsedName>()

function parseNameUncached(name: string): ParsedName {
  // An initial glued to the name before it (`JasonD. Lee` in the awesome list) is a middle initial: a small letter
  // then a capital with a full stop never occurs inside one name.
  let text = name.trim().replace(/(\p{Ll})(\p{Lu}\.)/gu, '$1 $2')
  const comma = text.indexOf(',')
  if (comma > 0) text = `${text.slice(comma + 1)} ${text.slice(0, comma)}`
  const folded = nameWords(foldText(text))
  // The same words as written (only folding changes case, and it never moves a word's bounds), to see capitals.
  const written = nameWords(text.normalize('NFKD').replace(/\p{M}+/gu, ''))
  const kept = folded.flatMap((t, i) => (t && !NAME_SUFFIXES.has(t) ? [i] : []))
  const tokens = kept.map((i) => folded[i]!)
  if (tokens.length === 0) return { given: [], family: '' }
  // A first word written with a capital is a given name even when it looks like a particle (`Le Song`, `Bin Yu`,
  // `Van Jacobson`); only a lower-case one (`van Rossum` written alone) starts the family name.
  const firstGiven = written.length === folded.length && /^\p{Lu}/u.test(written[kept[0]!]!)
  let start = tokens.length - 1
  while (start > (firstGiven ? 1 : 0) && NAME_PARTICLES.has(tokens[start - 1]!) && !vietnameseMiddleName(tokens, start - 1)) start--
  const family = tokens.slice(start).join(' ').replace(/-/g, ' ')
  const given = tokens.slice(0, start).flatMap((t) => t.split('-')).filter(Boolean)
  return { given, family }
}

/**
 * True when the word at `i` is the Vietnamese middle name `Van` after a given name: right before a Vietnamese family
 * name that ends the name (`Minh Van Nguyen`), or second after one that starts it (`Nguyen Van Minh`, read as the
 * family name last like every other name). `Thi` (`Thị`) is no particle, so it needs no rule.
 */
function vietnameseMiddleName(tokens: readonly string[], i: number): boolean {
  if (i < 1 || tokens[i] !== 'van') return false
  return (i === tokens.length - 2 && VIETNAMESE_FAMILY_NAMES.has(tokens[i + 1]!)) || (i === 1 && VIETNAMESE_FAMILY_NAMES.has(tokens[0]!))
}

function nameWords(text: string): string[] {
  return text
    .replace(/\./g, '. ')
    .replace(/[^\p{L}\p{N}'\s-]+/gu, ' ')
    .split(/\s+/)
    .map((t) => t.replace(/^'+|'+$/g, ''))
}

/**
 * The exact identity key of a name: folded, dots and hyphens ignored.
 * `Elizabeth Collins-Woodfin` and `elizabeth collins woodfin` share it; `E. Collins-Woodfin` does not.
 */
export function nameKey(name: string): string {
  const { given, family } = parseName(name)
  return [...given, family].join(' ').trim()
}

/** The key used to find possible variants of a name: family name and first initial. */
export function nameBlockKey(name: string): string {
  const { given, family } = parseName(name)
  return `${family}|${given[0]?.[0] ?? ''}`
}

function givenCompatible(a: string, b: string): boolean {
  if (a.length === 1 || b.length === 1) return a[0] === b[0]
  return a === b
}

/**
 * True when two names can be the same person: same family name, and given names that agree where both
 * have them (an initial agrees with a name starting with it; a missing middle name agrees with any).
 * @example namesCompatible('A. M. Saxe', 'Andrew M. Saxe') // true
 */
export function namesCompatible(a: string, b: string): boolean {
  const x = parseName(a)
  const y = parseName(b)
  if (!x.family || x.family !== y.family) return false
  if (x.given.length === 0 || y.given.length === 0) return true
  if (!givenCompatible(x.given[0]!, y.given[0]!)) return false
  // Later given names are compared in order, skipping ones only one side has.
  let j = 1
  for (let i = 1; i < x.given.length; i++) {
    const g = x.given[i]!
    const at = y.given.slice(j).findIndex((h) => givenCompatible(g, h))
    if (at >= 0) j += at + 1
    else if (g.length > 1 && y.given.slice(1).some((h) => h.length > 1 && h[0] === g[0] && h !== g)) return false
  }
  return true
}

/**
 * An arXiv id found in a text (`see arXiv:2310.03789v2`, a link), in core's normal form and only one arXiv could
 * have given ({@link coreArxivId}): `2310.03789`, `astro-ph/0601001`.
 */
export function normalizeArxivId(value: string): string | null {
  const m = /(?:arxiv\.org\/(?:abs|pdf)\/|arxiv:)?\s*([a-z-]+(?:\.[a-z]{2})?\/\d{7}|\d{4}\.\d{4,5})(?:v\d+)?/i.exec(value.trim())
  return m ? coreArxivId(m[1]!) : null
}

/** DOI lower-cased without resolver prefix: `10.1103/physrevlett.1` (core's, which every source's ids are in). */
export const normalizeDoi: (value: string) => string | null = coreDoi
