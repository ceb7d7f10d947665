/**
 * @module Turns what a person types into a safe FTS5 query. Every word is quoted, so FTS syntax characters
 * (`*`, `NEAR`, parentheses, unbalanced quotes) are searched for as words, never parsed; only `OR`, `NOT`
 * and `AND` in capitals, and `-` at the start of a word, are read as what they say.
 */
import { PaperscopeError } from '../../core/index.js'

/** Letters and digits, as the unicode61 tokenizer sees words. */
const WORD = /[\p{L}\p{N}]+/gu

function words(text: string): string[] {
  return text.match(WORD) ?? []
}

/** Words, and words joined by hyphens (`in-context`), which are one term: a phrase of their words. */
const TERM = /[\p{L}\p{N}]+(?:[-‐‑][\p{L}\p{N}]+)*/gu

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

/** Operators a person may type between words, in capitals as search engines take them. */
const OPERATORS = new Set(['OR', 'NOT', 'AND'])
/** Words, phrases and operators of a query kept: FTS5 refuses an expression nested 256 deep. */
const MAX_PARTS = 200
/**
 * A `-` that starts a word, or the en dash or minus sign phones and editors turn it into: `grokking –transformer`
 * means what `grokking -transformer` does.
 */
const DASHES = '-\u2013\u2212'
const ENDS_WITH_LONE_DASH = new RegExp(`(?:^|\\s)[${DASHES}]$`)
const HAS_WORD_START_DASH = new RegExp(`(?:^|\\s)[${DASHES}]`)

/**
 * A letter with `+` or `#` after it (`c++`, `C#`, `f#`, `c++17`): a language's name, which the index (unicode61,
 * letters and digits only) keeps as the lone letter, so it would find every `(c)` and `Appendix C`. Not `a+b`.
 */
const LETTER_AND_SYMBOLS = /(?<![\p{L}\p{N}+#])\p{L}[+#]+\p{N}*(?![\p{L}\p{N}+#])/u

/**
 * Refuses a word the index cannot tell from a lone letter, typed alone or as a one-word phrase; in a phrase with
 * another word (`"C++ templates"`) the words beside it say which is meant.
 * @throws PaperscopeError INVALID_QUERY (field `q`)
 */
function refuseLetterAndSymbols(segments: readonly string[], phrases: boolean): void {
  segments.forEach((segment, i) => {
    const inPhrase = phrases && i % 2 === 1
    const found = inPhrase ? (words(segment).length === 1 ? segment.match(LETTER_AND_SYMBOLS) : null) : segment.match(LETTER_AND_SYMBOLS)
    if (!found) return
    const typed = found[0]
    const letter = typed.charAt(0)
    throw new PaperscopeError(
      'INVALID_QUERY',
      `"${typed}" cannot be searched for: the index keeps only letters and digits, so it would be the lone letter ${letter} and find every "Appendix ${letter.toUpperCase()}" and "(${letter.toLowerCase()})"; put it in a phrase with the word beside it, as in "${typed} code"`,
      { field: 'q' },
    )
  })
}

interface Term {
  term: string
  bare: boolean
  word?: string | undefined
  /** Left out (`-word`, `NOT word`): it must be missing from a match. */
  excluded: boolean
  /** As typed, for a message. */
  typed: string
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
 * @throws PaperscopeError INVALID_QUERY (field `q`) when every word is left out: FTS5 cannot run a query of only
 * what must be missing, and searching for the words instead would find what was meant to be left out; and for
 * `c++`, `C#` and the like outside a phrase of two words or more: the index has them as the lone letter.
 * @example buildMatchQuery('"phase transition" grok', { prefix: true }) // '"phase transition" AND ("grok" OR "grok"*)'
 * @example buildMatchQuery('-transformer grokking OR "double descent"') // '"grokking" NOT "transformer" OR "double descent"'
 */
export function buildMatchQuery(text: string, { prefix = false, inflect = true }: { prefix?: boolean; inflect?: boolean } = {}): string | null {
  // Terms between ORs, in the order typed.
  const groups: Term[][] = [[]]
  let leaveOut = false
  let lastTyped: Term | undefined
  const add = (term: Term): void => {
    term.excluded ||= leaveOut
    leaveOut = false
    groups[groups.length - 1]!.push(term)
    lastTyped = term
  }
  const quoteCount = (text.match(/"/g) ?? []).length
  // Unbalanced quotes are treated as plain characters, not as a phrase that never ends.
  const segments = quoteCount % 2 === 0 ? text.split('"') : [text.replace(/"/g, ' ')]
  refuseLetterAndSymbols(segments, quoteCount % 2 === 0)
  segments.forEach((segment, i) => {
    const found = words(segment)
    if (found.length === 0) return
    if (i % 2 === 1) {
      // `grokking -"chain of thought"`: a phrase after a lone `-` is left out too.
      const phrase = quote(found.join(' '))
      add({ term: phrase, bare: false, excluded: ENDS_WITH_LONE_DASH.test(segments[i - 1] ?? ''), typed: phrase })
      return
    }
    // `in-context learning` is the phrase `in context` and `learning`, not three words anywhere.
    for (const m of segment.matchAll(TERM)) {
      const w = m[0]
      if (w === 'NOT') leaveOut = true
      else if (w === 'OR') groups.push([])
      else if (w !== 'AND') {
        // `grokking -transformer`, as search engines read it: a word after a lone `-` is left out.
        const dash = segment[m.index - 1]
        const excluded = dash !== undefined && DASHES.includes(dash) && (m.index === 1 || /\s/.test(segment[m.index - 2] ?? ''))
        add({ term: quote(words(w).join(' ')), bare: true, word: words(w).length === 1 ? w : undefined, excluded, typed: w })
      }
    }
  })
  const terms = groups.flat()
  if (terms.length === 0) return null
  if (terms.every((t) => t.excluded)) {
    const named = terms.slice(0, 3).map((t) => `-${t.typed}`).join(' ')
    throw new PaperscopeError('INVALID_QUERY', `nothing to find: the query only leaves out ${named}${terms.length > 3 ? ' …' : ''}; add a word to find, as in "grokking -transformer"`, { field: 'q' })
  }
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
    if (!inflect || t.word === undefined || (typing && t === lastTyped)) continue
    const forms = inflections(t.word)
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
  while (OPERATORS.has(out[out.length - 1]!)) out.pop()
  return out.join(' ')
}

/**
 * The words of a plain query (two or more, no operator, no quotes) as one phrase in the title column, for
 * ranking titles that say the query as written first; null for any other query.
 * @example buildTitlePhraseQuery('feature learning') // '{title} : "feature learning"'
 */
export function buildTitlePhraseQuery(text: string, { prefix = false }: { prefix?: boolean } = {}): string | null {
  const found = words(text)
  if (found.length < 2 || text.includes('"') || HAS_WORD_START_DASH.test(text) || found.some((w) => OPERATORS.has(w))) return null
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
