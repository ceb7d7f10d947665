/**
 * @module How a search's words are read: which are words to find, which are left out, which operators join them,
 * and which queries are refused and why. Pure and free of SQL, so the store's full-text query and the web's
 * search page read a query by one rule: the page says a refusal itself instead of sending what the API refuses.
 */
import { PaperscopeError } from './errors.js'

/** Letters and digits, as the index's tokenizer (unicode61) sees words. */
const WORD = /[\p{L}\p{N}]+/gu

/** Words, and words joined by hyphens (`in-context`), which are one term: a phrase of their words. */
const TERM = /[\p{L}\p{N}]+(?:[-‐‑][\p{L}\p{N}]+)*/gu

/** Operators a person may type between words, in capitals as search engines take them. */
export const QUERY_OPERATORS: ReadonlySet<string> = new Set(['OR', 'NOT', 'AND'])

/**
 * A `-` that starts a word, or the en dash or minus sign phones and editors turn it into: `grokking –transformer`
 * means what `grokking -transformer` does.
 */
export const QUERY_DASHES = '-\u2013\u2212'
const ENDS_WITH_LONE_DASH = new RegExp(`(?:^|\\s)[${QUERY_DASHES}]$`)

/**
 * A letter with `+` or `#` after it (`c++`, `C#`, `f#`, `c++17`): a language's name, which the index (letters and
 * digits only) keeps as the lone letter, so it would find every `(c)` and `Appendix C`. Not `a+b`.
 */
const LETTER_AND_SYMBOLS = /(?<![\p{L}\p{N}+#])\p{L}[+#]+\p{N}*(?![\p{L}\p{N}+#])/u

/** The runs of letters and digits in a text: the words the index holds of it. */
export function searchableWords(text: string): string[] {
  return text.match(WORD) ?? []
}

/** One word, hyphenated term or `"phrase"` of a query. */
export interface QueryTerm {
  /** Its words, letters and digits only: one for a plain word, more for a phrase or a term like `in-context`. */
  words: string[]
  /** Typed outside quotes: a word or hyphenated term, which may be searched as a prefix while it is typed. */
  bare: boolean
  /** Left out (`-word`, `NOT word`, `-"a phrase"`): it must be missing from a match. */
  excluded: boolean
  /** As typed (a phrase with its quotes), for a message. */
  typed: string
}

/** Why a query is refused, and the sentence that says so (lower case first, as the API's messages are). */
export interface QueryRefusal {
  /** `letter-and-symbols`: `c++`, `C#` and the like; `only-left-out`: every word is left out. */
  reason: 'letter-and-symbols' | 'only-left-out'
  message: string
  /** For `letter-and-symbols`: the word as typed (`c++`), which an API error gives as data. */
  word?: string
}

/** A query as read: its terms between `OR`s, in the order typed, the last term typed, and why it is refused. */
export interface QueryReading {
  /** Terms between `OR`s; a query without `OR` is one group. Empty groups when an `OR` has no term beside it. */
  groups: QueryTerm[][]
  /** The term typed last, which the search reads as a prefix while it is typed. */
  last: QueryTerm | undefined
  /** Null when the query may be searched (or has no word at all: see {@link wordsToFind}). */
  refusal: QueryRefusal | null
}

/**
 * The word the index cannot tell from a lone letter (`c++`), typed alone or as a one-word phrase; null when there
 * is none. In a phrase with another word (`"C++ templates"`) the words beside it say which is meant.
 */
function letterAndSymbols(segments: readonly string[], phrases: boolean): string | null {
  for (const [i, segment] of segments.entries()) {
    const inPhrase = phrases && i % 2 === 1
    if (inPhrase && searchableWords(segment).length !== 1) continue
    const found = segment.match(LETTER_AND_SYMBOLS)
    if (found) return found[0]
  }
  return null
}

/**
 * Reads a query as the search does: runs of letters and digits are words; `"phrases"` when the quotes pair up
 * (unpaired quotes are plain characters); `OR`, `AND` and `NOT` in capitals are operators; a word or phrase after
 * `NOT` or a word-starting dash is left out. Refused: `c++`, `C#` and the like outside a phrase of two words or
 * more (the index has them as the lone letter), and a query whose every word is left out (nothing to find, and
 * searching for the words instead would find what was meant to be left out).
 * @example readQuery('grokking -transformer').groups // [[{ words: ['grokking'], excluded: false, … }, { words: ['transformer'], excluded: true, … }]]
 * @example readQuery('c++').refusal?.reason // 'letter-and-symbols'
 */
export function readQuery(text: string): QueryReading {
  const groups: QueryTerm[][] = [[]]
  let leaveOut = false
  let last: QueryTerm | undefined
  const add = (term: QueryTerm): void => {
    term.excluded ||= leaveOut
    leaveOut = false
    groups[groups.length - 1]!.push(term)
    last = term
  }
  const quoteCount = (text.match(/"/g) ?? []).length
  const paired = quoteCount % 2 === 0
  const segments = paired ? text.split('"') : [text.replace(/"/g, ' ')]
  segments.forEach((segment, i) => {
    const found = searchableWords(segment)
    if (found.length === 0) return
    if (i % 2 === 1) {
      // `grokking -"chain of thought"`: a phrase after a lone `-` is left out too.
      add({ words: found, bare: false, excluded: ENDS_WITH_LONE_DASH.test(segments[i - 1] ?? ''), typed: `"${found.join(' ')}"` })
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
        const excluded = dash !== undefined && QUERY_DASHES.includes(dash) && (m.index === 1 || /\s/.test(segment[m.index - 2] ?? ''))
        add({ words: searchableWords(w), bare: true, excluded, typed: w })
      }
    }
  })
  return { groups, last, refusal: refusalOf(letterAndSymbols(segments, paired), groups.flat()) }
}

function refusalOf(symbolWord: string | null, terms: readonly QueryTerm[]): QueryRefusal | null {
  if (symbolWord !== null) {
    const letter = symbolWord.charAt(0)
    return {
      reason: 'letter-and-symbols',
      word: symbolWord,
      message: `"${symbolWord}" cannot be searched for: the index keeps only letters and digits, so it would be the lone letter ${letter} and find every "Appendix ${letter.toUpperCase()}" and "(${letter.toLowerCase()})"; put it in a phrase with the word beside it, as in "${symbolWord} code"`,
    }
  }
  if (terms.length > 0 && terms.every((t) => t.excluded)) {
    const named = terms.slice(0, 3).map((t) => `-${t.typed}`).join(' ')
    return {
      reason: 'only-left-out',
      message: `nothing to find: the query only leaves out ${named}${terms.length > 3 ? ' …' : ''}; add a word to find, as in "grokking -transformer"`,
    }
  }
  return null
}

/**
 * The words and phrases a query looks for, as {@link readQuery} reads them: not the operators, nor the words it
 * leaves out. Empty: the search has nothing to find (no word at all, or every word left out).
 * @example wordsToFind('grokking -transformer OR "double descent"') // ['grokking', 'double descent']
 */
export function wordsToFind(text: string): string[] {
  return readQuery(text)
    .groups.flat()
    .filter((t) => !t.excluded)
    .map((t) => (t.bare ? t.typed : t.words.join(' ')))
}

/**
 * Why a search is not run: a {@link QueryRefusal}'s reasons, or text with only spaces (`empty`), or no word at all
 * (`no-words`: `!!`, `AND OR NOT`).
 */
export type SearchRefusalReason = QueryRefusal['reason'] | 'empty' | 'no-words'

/**
 * The store's refusal of a search's words (INVALID_QUERY, field `q`), carrying its reason as data: an edge says
 * it in its own terms (the API's `issue`) from this one reading, without reading the words again.
 * @example new SearchRefusedError('letter-and-symbols', '"c++" cannot be searched for: …', 'c++')
 */
export class SearchRefusedError extends PaperscopeError {
  readonly reason: SearchRefusalReason
  /** For `letter-and-symbols`: the word as typed (`c++`). */
  readonly word: string | undefined

  constructor(reason: SearchRefusalReason, message: string, word?: string) {
    super('INVALID_QUERY', message, { field: 'q' })
    this.name = 'SearchRefusedError'
    this.reason = reason
    this.word = word
  }
}
