/**
 * @module A word's sense by the compound it heads, for the topic centroids: `descent` of `coordinate descent`
 * is not the `descent` of `double descent`.
 *
 * A topic's centroid weight of a word is split by the content word right before it in its papers (the compound
 * the word heads), for compounds the library writes often enough to be names of things (`double descent`,
 * `gradient descent`, `neural collapse`). A text's use of the word counts for the topic only with the part of that
 * weight it can match: the topic's uses outside such compounds, and its uses in the text's own compound. A topic
 * whose papers write `descent` only in `double descent` takes a text's `coordinate descent` as next to no evidence.
 */
import { isContentToken, termKey, type TextSentence } from './tokenize.js'
import type { PreparedText } from './text.js'

/** A word's occurrences in a text by the content word right before it ('' when none), title ones counted `titleWeight` times. */
export type HeadContexts = Map<string, Map<string, number>>

/**
 * Per label: head word → modifier → the share of the label's centroid weight of that word that comes from its
 * papers' uses in that compound. Only compounds in at least {@link minPapers} curated papers. Plain data.
 */
export interface HeadCompounds {
  minPapers: number
  /** Word → how far its uses in compounds the library does not name are bound to them (see {@link compoundShares}); absent words: 0. */
  unnamed: Record<string, number>
  shares: Array<Record<string, Record<string, number>>>
}

const contextsByDoc = new WeakMap<PreparedText, Map<number, HeadContexts>>()

/**
 * Each content word of a text with the content words right before its occurrences (the compounds it heads).
 * @example headContexts(prepareText({ title: '', text: 'Gradient descent and double descent.' }), 1) // descent → { gradient: 1, double: 1 }, …
 */
export function headContexts(doc: PreparedText, titleWeight: number): HeadContexts {
  let byWeight = contextsByDoc.get(doc)
  if (!byWeight) contextsByDoc.set(doc, (byWeight = new Map()))
  let out = byWeight.get(titleWeight)
  if (!out) {
    const found: HeadContexts = new Map()
    const add = (sentences: readonly TextSentence[], weight: number): void => {
      for (const s of sentences) {
        let before = ''
        for (const t of s.tokens) {
          if (!isContentToken(t)) {
            before = ''
            continue
          }
          const key = termKey(t)
          const byModifier = found.get(key) ?? found.set(key, new Map()).get(key)!
          byModifier.set(before, (byModifier.get(before) ?? 0) + weight)
          before = key
        }
      }
    }
    add(doc.title, titleWeight)
    add(doc.body, 1)
    byWeight.set(titleWeight, (out = found))
  }
  return out
}

/** How a text writes one word: its share in each named compound it heads, and how much of it any label's compound can miss. */
export interface WordCompounds {
  /** Modifier → share of the word's occurrences in that named compound. */
  shares: Map<string, number>
  /**
   * Share of the word's occurrences that match a label's compound only when it is theirs: those in named compounds,
   * plus (when `unnamed` is 'strict') those in compounds the library does not name (`coordinate descent`); a word
   * with no content word before it matches any compound.
   */
  bound: number
}

/** Each word of a text as {@link WordCompounds}, for compounds `named` holds (`modifier head`); words written only alone are left out. */
export function compoundShares(contexts: HeadContexts, named: ReadonlySet<string>, unnamed: (word: string) => number): Map<string, WordCompounds> {
  const out = new Map<string, WordCompounds>()
  for (const [word, byModifier] of contexts) {
    let total = 0
    for (const n of byModifier.values()) total += n
    const shares = new Map<string, number>()
    let bound = 0
    for (const [modifier, n] of byModifier) {
      if (modifier === '') continue
      if (named.has(`${modifier} ${word}`)) {
        shares.set(modifier, n / total)
        bound += n / total
      } else bound += (unnamed(word) * n) / total
    }
    if (bound > 0) out.set(word, { shares, bound })
  }
  return out
}

/** The share of each word's uses (over all texts) inside the `named` compounds it heads. */
export function namedShare(contexts: readonly HeadContexts[], named: ReadonlySet<string>): Map<string, number> {
  const all = new Map<string, number>()
  const inNamed = new Map<string, number>()
  for (const c of contexts) {
    for (const [word, byModifier] of c) {
      for (const [modifier, n] of byModifier) {
        all.set(word, (all.get(word) ?? 0) + n)
        if (modifier !== '' && named.has(`${modifier} ${word}`)) inNamed.set(word, (inNamed.get(word) ?? 0) + n)
      }
    }
  }
  return new Map([...inNamed].map(([word, n]) => [word, n / (all.get(word) as number)]))
}

/** Two-word compounds (`modifier head`) written in at least `minPapers` of the texts. */
export function namedCompounds(contexts: readonly HeadContexts[], minPapers: number): Set<string> {
  const papers = new Map<string, number>()
  for (const c of contexts) {
    for (const [word, byModifier] of c) {
      for (const modifier of byModifier.keys()) if (modifier !== '') papers.set(`${modifier} ${word}`, (papers.get(`${modifier} ${word}`) ?? 0) + 1)
    }
  }
  return new Set([...papers].filter(([, n]) => n >= minPapers).map(([k]) => k))
}

/**
 * How much of a label's weight of `word` a text's uses of it can match, from 0 to 1: all but the label's shares in
 * compounds the text's bound uses are not in (`1 − Σ s·(bound − π)`, π the text's own share in that compound).
 */
export function headMatch(labelShares: Readonly<Record<string, number>> | undefined, text: WordCompounds | undefined): number {
  if (!labelShares || !text) return 1
  let away = 0
  for (const modifier in labelShares) away += (labelShares[modifier] as number) * (text.bound - (text.shares.get(modifier) ?? 0))
  return Math.min(1, Math.max(0, 1 - away))
}
