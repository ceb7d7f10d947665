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
 * counted `titleWeight` times. The text is read for its terms once ({@link termOccurrences}); each call only
 * weighs them, so the models that count one text with other options (topics, vectors, key-word classifiers)
 * share that reading. The map is new at every call.
 * @example termCounts(prepareText({ title: 'Lottery tickets', text: '' })) // Map { 'lottery' => 2, 'ticket' => 2, 'lottery ticket' => 2 }
 */
export function termCounts(doc: PreparedText, options: TermOptions = {}): Map<string, number> {
  const { maxN, titleWeight } = { ...DEFAULT_TERM_OPTIONS, ...options }
  const counts = new Map<string, number>()
  const add = (occurrences: ReadonlyMap<string, number>, weight: number): void => {
    for (const [term, times] of occurrences) {
      // Added once per occurrence, not multiplied: the same sums as counting the text token by token, for any weight.
      let count = counts.get(term) ?? 0
      for (let k = 0; k < times; k++) count += weight
      counts.set(term, count)
    }
  }
  const { title, body } = termOccurrences(doc, maxN)
  add(title.words, titleWeight)
  if (maxN >= 2) add(title.phrases, titleWeight)
  add(body.words, 1)
  if (maxN >= 2) add(body.phrases, 1)
  return counts
}

/** How often each content lemma and each content phrase (2..maxN words) occurs in sentences, in first-use order. */
interface Occurrences {
  words: ReadonlyMap<string, number>
  phrases: ReadonlyMap<string, number>
}

const occurrencesByDoc = new WeakMap<PreparedText, Map<number, { title: Occurrences; body: Occurrences }>>()

/**
 * A text's term occurrences, title and body apart, found once per text and phrase length: classifying one text
 * counted its terms five times (key-word classifiers, vectors, topic centroids and regressions), each walking
 * every token again. Nothing changes a prepared text once read.
 */
function termOccurrences(doc: PreparedText, maxN: number): { title: Occurrences; body: Occurrences } {
  let byN = occurrencesByDoc.get(doc)
  if (!byN) occurrencesByDoc.set(doc, (byN = new Map()))
  let found = byN.get(maxN)
  if (!found) {
    // Words do not depend on maxN: a text counted with another phrase length shares them.
    const other = byN.values().next().value
    const side = (sentences: TextSentence[], words: ReadonlyMap<string, number> | undefined): Occurrences => ({
      words: words ?? tally(contentTerms(sentences)),
      phrases: maxN >= 2 ? tally(phrasesOf(sentences, { minN: 2, maxN }).map((p) => p.key)) : new Map(),
    })
    found = { title: side(doc.title, other?.title.words), body: side(doc.body, other?.body.words) }
    byN.set(maxN, found)
  }
  return found
}

function tally(terms: readonly string[]): Map<string, number> {
  const out = new Map<string, number>()
  for (const term of terms) out.set(term, (out.get(term) ?? 0) + 1)
  return out
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
