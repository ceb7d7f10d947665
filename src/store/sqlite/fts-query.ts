/**
 * @module Turns what a person types into a safe FTS5 query. Every word is quoted, so FTS syntax characters
 * (`*`, `NEAR`, parentheses, unbalanced quotes) are searched for as words, never parsed; only `OR`, `NOT`
 * and `AND` in capitals, and `-` at the start of a word, are read as what they say.
 */
import { QUERY_DASHES, QUERY_OPERATORS, readQuery, SearchRefusedError, searchableWords as words, type QueryTerm } from '../../core/index.js'
import type { SearchTerms } from '../store.js'

function quote(word: string): string {
  return `"${word.replace(/"/g, '""')}"`
}

/**
 * A word and its plural or singular (`kernel`, `kernels`; `theory`, `theories`; `process`, `processes`), as
 * the index keeps words as written: a search for one finds both, and `generative` no longer finds
 * `generalization` (the stemmer it replaces made them one).
 * @example inflections('kernels') // ['kernels', 'kernel']
 */
export function inflections(word: string): string[] {
  const w = word.toLowerCase()
  if (!/^\p{L}{3,}$/u.test(w) || UNINFLECTED.has(w)) return [word]
  const out = new Set([word])
  const singularIn = SINGULAR_IN_S[w]
  if (singularIn) {
    out.add(singularIn)
    return [...out]
  }
  if (/is$/.test(w)) {
    // analysis → analyses, hypothesis → hypotheses
    out.add(`${w.slice(0, -2)}es`)
    return [...out]
  }
  const plural = /[^su]s$/.test(w)
  if (/[^aeiou]ies$/.test(w) && w.length > 4) out.add(`${w.slice(0, -3)}y`)
  else if (/(?:s|x|z|ch|sh)es$/.test(w)) {
    // phases → phase, boxes → box, analyses → analysis: which one the word is, the index says.
    out.add(w.slice(0, -1))
    out.add(w.slice(0, -2))
    if (/(?:ys|thes)es$/.test(w)) out.add(`${w.slice(0, -2)}is`)
  } else if (plural) out.add(w.slice(0, -1))
  if (!plural) {
    if (/[^aeiou]y$/.test(w)) out.add(`${w.slice(0, -1)}ies`)
    else if (/(?:s|x|z|ch|sh)$/.test(w)) out.add(`${w}es`)
    else out.add(`${w}s`)
  }
  return [...out]
}

/** Words in -s that are no plural, or none whose singular drops the s. */
const UNINFLECTED = new Set(['news', 'series', 'species', 'physics', 'mathematics', 'economics', 'always', 'perhaps', 'whereas', 'thus', 'various', 'previous'])
/** Singulars in -s and their plurals. */
const SINGULAR_IN_S: Record<string, string> = { bias: 'biases', biases: 'bias', lens: 'lenses', lenses: 'lens', gas: 'gases', gases: 'gas', atlas: 'atlases', canvas: 'canvases', corpus: 'corpora', corpora: 'corpus' }

/** Words, phrases and operators of a query kept: FTS5 refuses an expression nested 256 deep. */
const MAX_PARTS = 200
const HAS_WORD_START_DASH = new RegExp(`(?:^|\\s)[${QUERY_DASHES}]`)

/** A term of the query and the FTS5 expression it becomes. */
interface Term extends QueryTerm {
  term: string
}

/**
 * A query of the words and balanced `"phrases"` in `text`: all of them must match, except where `OR` (either
 * side) stands between two of them, typed in capitals, or `-` or `NOT` before one, which leaves it out
 * (`grokking -transformer` and `grokking NOT transformer` are the same); FTS5 binds NOT tightest, then AND, then OR
 * (`grokking OR double descent` is grokking, or double and descent). A word left out belongs to the words beside
 * it up to the next `OR`; one with no word to find beside it (`grokking OR -transformer`) is left out of the
 * group before, as FTS5 has no "or not". An `OR` or `AND` with no word on one side is dropped. The last bare word
 * becomes a prefix when `prefix` is set, or'd with itself as a whole word: the papers with the word itself score
 * for both and come first (`SAM`, the method, before `samples`). Returns null when nothing searchable is left.
 * @throws SearchRefusedError (INVALID_QUERY, field `q`, its reason as data) when every word is left out: FTS5 cannot run a query of only
 * what must be missing, and searching for the words instead would find what was meant to be left out; and for
 * `c++`, `C#` and the like outside a phrase of two words or more: the index has them as the lone letter.
 * @example buildMatchQuery('"phase transition" grok', { prefix: true }) // '"phase transition" AND ("grok" OR "grok"*)'
 * @example buildMatchQuery('-transformer grokking OR "double descent"') // '"grokking" NOT "transformer" OR "double descent"'
 */
export function buildMatchQuery(text: string, options: { prefix?: boolean; inflect?: boolean } = {}): string | null {
  return readMatchQuery(text, options)?.fts ?? null
}

/** A query for FTS5 and how many of the words and phrases typed it runs (it keeps no more than FTS5 takes). */
export interface MatchQuery {
  fts: string
  terms: SearchTerms
}

/**
 * {@link buildMatchQuery}'s query with how many of the typed words and phrases it runs: the count is known here,
 * where the query is cut, so no reader has to parse the query back.
 */
export function readMatchQuery(text: string, { prefix = false, inflect = true }: { prefix?: boolean; inflect?: boolean } = {}): MatchQuery | null {
  // Read by the rule the search page reads it by (core/search-words): what it refuses, the page never sends.
  const reading = readQuery(text)
  if (reading.refusal) throw new SearchRefusedError(reading.refusal.reason, reading.refusal.message, reading.refusal.word)
  const groups: Term[][] = reading.groups.map((group) => group.map((t) => Object.assign(t, { term: quote(t.words.join(' ')) })))
  const lastTyped = reading.last as Term | undefined
  const terms = groups.flat()
  if (terms.length === 0) return null
  // A group of only words left out joins the group before it (the one after, when first): `OR -x` is `NOT x`.
  const kept: Term[][] = []
  let held: Term[] = []
  for (const group of groups) {
    if (group.some((t) => !t.excluded)) {
      kept.push([...held, ...group])
      held = []
    } else if (kept.length > 0) kept[kept.length - 1]!.push(...group)
    else held.push(...group)
  }
  const typing = prefix && lastTyped !== undefined && lastTyped.bare && !/\s$/.test(text) && !lastTyped.excluded
  // A word typed whole also stands for its plural or singular; one still being typed is a prefix, which has them.
  for (const t of terms) {
    // A plain word only: a phrase or `in-context` is searched as written.
    if (!inflect || !t.bare || t.words.length !== 1 || (typing && t === lastTyped)) continue
    const forms = inflections(t.words[0]!)
    if (forms.length > 1) t.term = `(${forms.map(quote).join(' OR ')})`
  }
  if (typing) lastTyped!.term = `(${lastTyped!.term} OR ${lastTyped!.term}*)`
  // AND written out between terms: FTS5 binds terms side by side tighter than NOT (`a -b c` would leave out
  // `b c`), and needs it next to a bracket; written, NOT binds tightest as it says. NOT needs a word on its left,
  // so words left out before a group's first word to find follow it.
  const out: string[] = []
  for (const group of kept) {
    if (out.length > 0) out.push('OR')
    const first = group.findIndex((t) => !t.excluded)
    for (const t of [group[first]!, ...group.slice(0, first), ...group.slice(first + 1)]) {
      if (t.excluded) out.push('NOT')
      else if (out.length > 0 && out[out.length - 1] !== 'OR') out.push('AND')
      out.push(t.term)
    }
  }
  // FTS5 nests each operator: a few hundred make an expression too deep for it. No person types that many.
  out.splice(MAX_PARTS)
  while (QUERY_OPERATORS.has(out[out.length - 1]!)) out.pop()
  return { fts: out.join(' '), terms: { typed: terms.length, searched: out.filter((part) => !QUERY_OPERATORS.has(part)).length } }
}

/**
 * The words of a plain query (two or more, no operator, no quotes) as one phrase in the title column, for
 * ranking titles that say the query as written first; null for any other query.
 * @example buildTitlePhraseQuery('feature learning') // '{title} : "feature learning"'
 */
export function buildTitlePhraseQuery(text: string, { prefix = false }: { prefix?: boolean } = {}): string | null {
  const found = words(text)
  if (found.length < 2 || text.includes('"') || HAS_WORD_START_DASH.test(text) || found.some((w) => QUERY_OPERATORS.has(w))) return null
  if (prefix && !/\s$/.test(text) && /[\p{L}\p{N}]$/u.test(text)) return `{title} : ${quote(found.join(' '))}*`
  // `kernel method` is said by `Kernel Methods` too.
  const head = found.slice(0, -1).join(' ')
  const phrases = inflections(found[found.length - 1]!).map((w) => quote(`${head} ${w}`))
  return `{title} : ${phrases.length > 1 ? `(${phrases.join(' OR ')})` : phrases[0]}`
}

/** Folded, distinct words of a text as the candidate lookups count them. */
export function indexWords(text: string): string[] {
  const folded = text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase()
  return [...new Set(words(folded).filter((w) => w.length > 2))]
}

/**
 * An OR query over the given words restricted to one column, for finding candidates (near-identical
 * titles) rather than for people. Pass the rarest words: common ones make the lookup slow and useless.
 */
export function buildAnyWordQuery(picked: readonly string[], column: string): string | null {
  if (picked.length === 0) return null
  return `{${column}} : (${picked.map(quote).join(' OR ')})`
}

/**
 * An AND query over the longest words of a text restricted to one column: a cut copy of an abstract
 * still contains all of them. The last word is left out because a cut may end mid-word.
 */
export function buildAllWordsQuery(text: string, column: string, maxWords = 6): string | null {
  const all = words(text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase())
  const picked = [...new Set(all.slice(0, -1).filter((w) => w.length > 3))]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .slice(0, maxWords)
  if (picked.length === 0) return null
  return `{${column}} : (${picked.map(quote).join(' AND ')})`
}

/** Control characters FTS5 snippets are asked to put around matches; they never occur in stored text. */
export const MATCH_START = '\u0002'
export const MATCH_END = '\u0003'

/** Splits marked text (from FTS5 `highlight`/`snippet`) into plain and matched segments. */
export function splitMarked(text: string): Array<{ text: string; match: boolean }> {
  const out: Array<{ text: string; match: boolean }> = []
  let match = false
  for (const piece of text.split(new RegExp(`([${MATCH_START}${MATCH_END}])`))) {
    if (piece === MATCH_START) match = true
    else if (piece === MATCH_END) match = false
    else if (piece) out.push({ text: piece, match })
  }
  return out
}
