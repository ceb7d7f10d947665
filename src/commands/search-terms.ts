/**
 * @module How many of a query's words and phrases a search ran: the store keeps no more than its full-text index
 * takes (100; FTS5 nests one operator per term) and drops the rest silently, so the CLI and the API say so.
 */
import { readQuery } from '../core/index.js'

/** How many words and phrases a query has (`typed`), and how many of them the search ran (`searched`). */
export interface TermsSearched {
  typed: number
  searched: number
}

/**
 * How many words and phrases the query has, and how many of them the search ran (`ftsQuery`, the query the store
 * ran): it nests one operator per term and keeps no more than FTS5 takes (100 terms), silently. The terms run are
 * what stands between its operators outside quotes and brackets (a word's plural or singular is bracketed with it).
 * @example termsSearched('a b c', '"a" AND "b"') // { typed: 3, searched: 2 }
 */
export function termsSearched(text: string, ftsQuery: string): TermsSearched {
  const typed = readQuery(text).groups.flat().length
  let operators = 0
  let depth = 0
  let quoted = false
  // Quotes inside a term are doubled (`""`), which toggles twice: the state stays right.
  for (const token of ftsQuery.match(/"|\(|\)|[^\s"()]+/g) ?? []) {
    if (token === '"') quoted = !quoted
    else if (quoted) continue
    else if (token === '(') depth++
    else if (token === ')') depth--
    else if (depth === 0 && (token === 'AND' || token === 'OR' || token === 'NOT')) operators++
  }
  return { typed, searched: ftsQuery.trim() ? Math.min(typed, operators + 1) : 0 }
}
