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

/** How a text writes one of its terms, and whether the term names something a reader can be shown. */
export interface TermSurface {
  text: string
  /**
   * False for a term that says little alone: a verb (`allows`; not a gerund, `pruning`), an adverb
   * (`comparably`), or a phrase cut before its noun (`convolutional neural`).
   */
  nameLike: boolean
}

/**
 * How the text writes each of its terms (as {@link termCounts} keys them): `generalization bind` →
 * `generalization bounds`, `magnitudebase` → `magnitude-based`. The body's first use wins over the title's
 * capitals; a word is lower-cased unless it has capitals inside (`ReLU`, `SGD`) or the body capitalises it
 * inside a sentence (`Gaussian`, `Hessian`). Only the `wanted` terms are looked for: a paper's index keeps a
 * few of its hundreds.
 */
export function termSurfaces(doc: PreparedText, wanted: ReadonlySet<string>, options: TermOptions = {}): Map<string, TermSurface> {
  const { maxN } = { ...DEFAULT_TERM_OPTIONS, ...options }
  const names = namesInBody(doc.body)
  const word = (text: string, key: string): string => {
    // A capital inside a part marks an acronym or a name (`PAC-Bayes`, `ReLU`); a Title-Case title's
    // `High-Dimensional` has capitals only where its parts begin, so it is lower-cased like `Kernel`.
    if (text.split('-').some((part) => /\p{Lu}/u.test(part.slice(1)))) return text
    if (!names.has(key)) return text.toLowerCase()
    return /^\p{Lu}/u.test(text) ? text : `${text.charAt(0).toUpperCase()}${text.slice(1)}`
  }
  const out = new Map<string, TermSurface>()
  const found = (key: string): boolean => !wanted.has(key) || out.has(key)
  for (const sentences of [doc.body, doc.title]) {
    for (const s of sentences) {
      for (const t of s.tokens) if (isContentToken(t) && !found(termKey(t))) out.set(termKey(t), { text: word(t.text, termKey(t)), nameLike: namesAlone(t.pos, t.lower) })
    }
    if (out.size === wanted.size) break
    if (maxN >= 2) {
      for (const p of phrasesOf(sentences, { minN: 2, maxN })) {
        if (found(p.key)) continue
        const keys = p.key.split(' ')
        const text = p.text.split(' ').map((w, i) => word(w, keys[i] ?? ''))
        out.set(p.key, { text: text.join(' '), nameLike: p.lastPos !== 'ADJ' && namesAlone(p.lastPos, text[text.length - 1]?.toLowerCase() ?? '') })
      }
    }
    if (out.size === wanted.size) break
  }
  return out
}

/** Word keys the body capitalises inside a sentence, so names rather than sentence openings. */
function namesInBody(body: readonly TextSentence[]): Set<string> {
  const out = new Set<string>()
  for (const s of body) {
    s.tokens.forEach((t, i) => {
      const previous = s.tokens[i - 1]
      // After a colon or a quote a capital may open a clause; only a capital after a word marks a name.
      if (i > 0 && previous?.kind === 'word' && /^\p{Lu}\p{Ll}/u.test(t.text) && isContentToken(t)) out.add(termKey(t))
    })
  }
  return out
}

/** Whether a term ending in a word of this POS names something on its own. */
function namesAlone(pos: string, lastWord: string): boolean {
  if (pos === 'ADV') return false
  if (pos === 'VERB' || pos === 'AUX') return lastWord.endsWith('ing')
  return true
}
