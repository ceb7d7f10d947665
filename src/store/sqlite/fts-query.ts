/**
 * @module Turns what a person types into a safe FTS5 query. Every word is quoted, so FTS syntax characters
 * (`*`, `-`, `NEAR`, `AND`, parentheses, unbalanced quotes) are searched for as words, never parsed.
 */

/** Letters and digits, as the unicode61 tokenizer sees words. */
const WORD = /[\p{L}\p{N}]+/gu

function words(text: string): string[] {
  return text.match(WORD) ?? []
}

function quote(word: string): string {
  return `"${word.replace(/"/g, '""')}"`
}

/**
 * An AND query of the words and balanced `"phrases"` in `text`; the last bare word becomes a prefix when
 * `prefix` is set. Returns null when nothing searchable is left.
 * @example buildMatchQuery('"phase transition" grok', { prefix: true }) // '"phase transition" "grok"*'
 */
export function buildMatchQuery(text: string, { prefix = false }: { prefix?: boolean } = {}): string | null {
  const parts: string[] = []
  const quoteCount = (text.match(/"/g) ?? []).length
  // Unbalanced quotes are treated as plain characters, not as a phrase that never ends.
  const segments = quoteCount % 2 === 0 ? text.split('"') : [text.replace(/"/g, ' ')]
  let lastBareWord: number | null = null
  segments.forEach((segment, i) => {
    const inPhrase = i % 2 === 1
    const found = words(segment)
    if (found.length === 0) return
    if (inPhrase) {
      parts.push(quote(found.join(' ')))
      lastBareWord = null
    } else {
      for (const w of found) {
        parts.push(quote(w))
        lastBareWord = parts.length - 1
      }
    }
  })
  if (parts.length === 0) return null
  const endsWithSpace = /\s$/.test(text)
  if (prefix && lastBareWord === parts.length - 1 && !endsWithSpace) parts[parts.length - 1] += '*'
  return parts.join(' ')
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
