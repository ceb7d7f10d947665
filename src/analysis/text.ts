/** @module A paper's text read once (title and body sentences) and counted as terms for the vector models. */
import { analyzeText, contentTerms, isContentToken, phrasesOf, termKey, type NlpPort, type TextSentence } from './tokenize.js'

/** A paper's text after LaTeX cleaning, sentence splitting and tagging. */
export interface PreparedText {
  title: TextSentence[]
  /** Abstract or digest. */
  body: TextSentence[]
}

/** What a text-based analysis needs to know about a paper. */
export interface TextInput {
  title: string
  /** Abstract, digest, or both; may be empty. */
  text: string
}

/** Reads a paper's title and body once; every later step works on the result. */
export function prepareText(input: TextInput, nlp?: NlpPort): PreparedText {
  return { title: analyzeText(input.title, nlp), body: analyzeText(input.text, nlp) }
}

/** How a text is counted as terms. */
export interface TermOptions {
  /** Longest phrase counted as one term besides its words (2 = words and two-word phrases). */
  maxN?: number
  /** How many times a title term counts (titles are short and say what the paper is about). */
  titleWeight?: number
}

export const DEFAULT_TERM_OPTIONS: Required<TermOptions> = { maxN: 2, titleWeight: 2 }

/**
 * Term counts of a prepared text: content lemmas and content phrases up to `maxN` words, title terms
 * counted `titleWeight` times.
 * @example termCounts(prepareText({ title: 'Lottery tickets', text: '' })) // Map { 'lottery' => 2, 'ticket' => 2, 'lottery ticket' => 2 }
 */
export function termCounts(doc: PreparedText, options: TermOptions = {}): Map<string, number> {
  const { maxN, titleWeight } = { ...DEFAULT_TERM_OPTIONS, ...options }
  const counts = new Map<string, number>()
  const add = (sentences: TextSentence[], weight: number): void => {
    for (const term of contentTerms(sentences)) counts.set(term, (counts.get(term) ?? 0) + weight)
    if (maxN >= 2) {
      for (const p of phrasesOf(sentences, { minN: 2, maxN })) counts.set(p.key, (counts.get(p.key) ?? 0) + weight)
    }
  }
  add(doc.title, titleWeight)
  add(doc.body, 1)
  return counts
}

/**
 * How the text writes each of its terms (as {@link termCounts} keys them): `generalization bind` →
 * `generalization bounds`, `magnitudebase` → `magnitude-based`. The body's first use wins over the title's
 * capitals; a word is lower-cased unless it has capitals inside (`ReLU`, `SGD`). Only the `wanted` terms
 * are looked for: a paper's index keeps a few of its hundreds.
 */
export function termSurfaces(doc: PreparedText, wanted: ReadonlySet<string>, options: TermOptions = {}): Map<string, string> {
  const { maxN } = { ...DEFAULT_TERM_OPTIONS, ...options }
  const out = new Map<string, string>()
  const word = (text: string): string => (/\p{Lu}/u.test(text.slice(1)) ? text : text.toLowerCase())
  const found = (key: string): boolean => !wanted.has(key) || out.has(key)
  for (const sentences of [doc.body, doc.title]) {
    for (const s of sentences) for (const t of s.tokens) if (isContentToken(t) && !found(termKey(t))) out.set(termKey(t), word(t.text))
    if (out.size === wanted.size) break
    if (maxN >= 2) for (const p of phrasesOf(sentences, { minN: 2, maxN })) if (!found(p.key)) out.set(p.key, p.text.split(' ').map(word).join(' '))
    if (out.size === wanted.size) break
  }
  return out
}
