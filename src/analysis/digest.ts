/**
 * @module An extractive digest for a paper that has an abstract but no hand-written digest: the one or two
 * abstract sentences that best say what the paper does, kept whole.
 *
 * Sentences are scored by how much of the paper's vocabulary they carry (similarity to title + abstract),
 * by contribution cues (`we show`, `this paper proposes`) and by position; background openers, sentences
 * that lean on the previous one (`This`, `However,`, `For example,`) or point back to something left out
 * (`this gap`, `both questions`, `the mechanism behind (i)`) score lower, and a second sentence that points
 * back is added only right after the first. Only complete sentences are eligible:
 * ending in a full stop, brackets balanced, no LaTeX left. The digest starts with a capital, ends with a
 * period, and a framing lead-in (`In this paper, we show`) is shortened to `We show`, never cut mid-way. An
 * acronym defined only in a sentence that was left out is spelled out where the digest first uses it.
 */
import type { Contribution } from './rank.js'
import type { PreparedText } from './text.js'
import { analyzeText, contentTerms, initialsOf, type NlpPort, type TextSentence } from './tokenize.js'

export interface GeneratedDigest {
  text: string
  /** Indices of the abstract sentences used, in order. */
  sentences: number[]
  why: Contribution[]
}

export interface DigestOptions {
  /** Longest digest in characters; a second sentence is added only if both fit. */
  maxLength?: number
  maxSentences?: number
  nlp?: NlpPort
  /** The title and abstract already read by {@link prepareText} (same texts), so they are not analysed twice. */
  prepared?: PreparedText
}

export const DIGEST_HOW_COMPUTED =
  "For a paper with an abstract and no digest from a source, Paperscope picks the one or two abstract sentences that best say what the paper does: sentences score for sharing the paper's vocabulary (title and abstract), for stating a contribution (‘we show’, ‘this paper proposes’) and for their position, and lose for leaning on a sentence before them (‘This’, ‘However,’) or pointing back to something left out (‘this gap’, ‘(i)’). Only whole sentences are used, with LaTeX cleaned, a lead-in like ‘In this paper, we show’ shortened to ‘We show’, and an acronym the abstract defines in a sentence left out spelled out where the digest first uses it (‘trained by GD’ → ‘trained by gradient descent (GD)’). Nothing is written that the abstract does not say."

const CONTRIBUTION_CUE =
  /\b(we|this (paper|work|study|article|note)|our (work|paper|results?|analysis|findings|method|approach|theory)|the (paper|authors))\b[^.]{0,40}?\b(show|shows|find|finds|prove|proves|demonstrate|demonstrates|propose|proposes|introduce|introduces|present|presents|study|studies|investigate|investigates|analy[sz]e|analy[sz]es|identify|identifies|develop|develops|establish|establishes|derive|derives|observe|observes|argue|argues|characteri[sz]e|characteri[sz]es|provide|provides|reveal|reveals|explain|explains|uncover|uncovers|examine|examines|explore|explores|suggest|suggests|report|reports|predict|predicts)\b/i
const LEANS_ON_PREVIOUS =
  /^((this|these|those|it|its|they|their|such|however|moreover|furthermore|additionally|in addition|finally|specifically|thus|therefore|hence|also|then|in contrast|in particular|consequently|as a result|to this end|to do so|in doing so|instead|similarly|likewise|here|first|firstly|second|secondly|third|thirdly|lastly|on the other hand|on the one hand|meanwhile|nevertheless|nonetheless|still|yet|besides|accordingly|overall|in summary|in short|in turn|for example|for instance|in fact|indeed|empirically|the result|the resulting)\b|[^,]{0,40}\b(this|these|those|such|above|aforementioned)\b[^,]{0,30},)/i
/**
 * A reference back to something the digest does not include: `this gap`, `these models`, `both questions`,
 * `no such bound` (but not `this paper`, `both X and Y`, `such as`).
 */
const REFERS_BACK =
  /\b(?:(?:this|these|those)\s+(?!(?:paper|work|study|article|note|letter|thesis|manuscript|report|survey|review|end|way)\b)[a-z]|both\s+(?!of\b)[a-z-]+\b(?![^,;.]{0,40}\band\b)|both of (?:these|them|those)\b|such\s+(?!as\b|that\b)[a-z])/i
/** An enumerated item named but not given: `the mechanism behind (i),`, `extend (i) and (ii) to`. */
const ITEM_REFERENCE = /\((?:i{1,3}|iv|vi{0,3}|[a-d])\)(?=\s*(?:[,.;:]|and\b|or\b|$))/i
const CONNECTIVE_PREFIX = /^(however|moreover|furthermore|additionally|in addition|specifically|in particular|finally|consequently|as a result|to this end|thus|therefore|hence|instead|on the other hand|overall|in summary|nevertheless),\s+(?=(we|our|this paper|this work)\b)/i
const FRAMING_PREFIX = /^(in this (paper|work|study|article|note)|in our (paper|work|study)|here|in the present (paper|work)),?\s+we\b/i

/**
 * Picks 1–2 sentences of an abstract as a digest, or null when it has no complete, readable sentence.
 * @example generateDigest('Deep nets generalise. In this paper, we show that X holds for Y.', 'Title')?.text // 'We show that X holds for Y.'
 */
export function generateDigest(abstract: string, title = '', { maxLength = 320, maxSentences = 2, nlp, prepared }: DigestOptions = {}): GeneratedDigest | null {
  const sentences = prepared?.body ?? analyzeText(abstract, nlp)
  if (sentences.length === 0) return null
  const titleSentences = prepared?.title ?? analyzeText(title, nlp)
  const docTerms = bag([...titleSentences, ...titleSentences, ...sentences])
  const scored = sentences
    .map((s, i) => ({ i, s, ...scoreSentence(s, i, sentences.length, docTerms) }))
    .filter((x) => x.eligible)
  if (scored.length === 0) return null
  const ranked = [...scored].sort((a, b) => b.score - a.score || a.i - b.i)
  const first = ranked[0] as (typeof ranked)[number]
  const chosen = [first]
  if (maxSentences > 1) {
    for (const next of ranked.slice(1)) {
      const candidate = [...chosen, next].sort((a, b) => a.i - b.i)
      const text = candidate.map((c) => rewrite(c.s.text)).join(' ')
      // A second sentence must stand on its own or follow the first directly, and both must fit.
      const standsAlone = !LEANS_ON_PREVIOUS.test(next.s.text.trim()) && !REFERS_BACK.test(next.s.text)
      const readable = standsAlone || next.i === first.i + 1
      if (text.length <= maxLength && readable && next.score >= first.score * 0.6) {
        chosen.push(next)
        break
      }
    }
  }
  chosen.sort((a, b) => a.i - b.i)
  let text = chosen.map((c, k) => (k === 0 ? rewrite(c.s.text) : stripConnective(c.s.text))).join(' ')
  if (text.length > maxLength && chosen.length > 1) {
    chosen.splice(0, chosen.length, first)
    text = rewrite(first.s.text)
  }
  text = spellOutAcronyms(text, sentences.map((s) => s.text).join(' '))
  return { text, sentences: chosen.map((c) => c.i), why: first.why }
}

const ACRONYM_DEFINITION = /\(([A-Z][A-Za-z0-9]*[A-Z])s?\)/g
const MINOR_WORDS = new Set(['of', 'and', 'the', 'for', 'in', 'on', 'to', 'a', 'an', 'with'])

/**
 * An acronym the abstract defines in a sentence the digest left out is spelled out where the digest first
 * uses it: `trained by GD on XOR data` → `trained by gradient descent (GD) on XOR data`. Only a definition
 * whose words' initials are exactly the acronym's capitals counts, and only a free-standing use is expanded
 * (not `NTK-Attention`, not one already followed by brackets).
 * @example spellOutAcronyms('We train with GD.', 'We use gradient descent (GD). We train with GD.') // 'We train with gradient descent (GD).'
 */
export function spellOutAcronyms(digest: string, abstract: string): string {
  let out = digest
  for (const m of abstract.matchAll(ACRONYM_DEFINITION)) {
    const acronym = m[1] as string
    if (out.includes(`(${acronym})`) || out.includes(`(${acronym}s)`)) continue
    const definition = definitionBefore(abstract.slice(0, m.index), acronym)
    if (!definition) continue
    const defined = definition.phrase
    // Not inside a name (`NTK-Attention`, `PDE Parameter Embeddings`) nor right before another bracket.
    const use = new RegExp(`(?<![\\w-])${acronym}s?(?![\\w-]|\\s*\\(|\\s+[A-Z])`)
    const definedPlural = m[0].endsWith('s)')
    out = out.replace(use, (used, at: number) => {
      const plural = used.endsWith('s') && used !== acronym
      // `deep neural networks (DNNs)` defined, `the DNN` used: the phrase follows the use's number.
      let long = plural === definedPlural ? defined : plural ? `${defined}s` : defined.replace(/(?<!s)s$/, '')
      // A definition that opened its sentence (`Deep neural networks (DNNs) ...`) was capitalised for that
      // alone; elsewhere its capitals are the author's (`Gaussian process regression`).
      if (definition.opensSentence && /^[A-Z][a-z]/.test(long) && !/\s[A-Z]/.test(long)) long = long.charAt(0).toLowerCase() + long.slice(1)
      if (at === 0) long = long.charAt(0).toUpperCase() + long.slice(1)
      return `${long} (${used})`
    })
  }
  return out
}

/**
 * The words right before `(ACR)` whose initials spell the acronym's capitals (`gradient descent` for GD), and
 * whether they open a sentence; null when there are none.
 */
function definitionBefore(before: string, acronym: string): { phrase: string; opensSentence: boolean } | null {
  const letters = acronym.replace(/[^A-Z0-9]/g, '')
  const words = before.trimEnd().split(/\s+/)
  for (let n = 1; n <= Math.min(words.length, letters.length + 3); n++) {
    const phrase = words.slice(-n)
    const initials = initialsOf(phrase, MINOR_WORDS)
    if (initials === letters && /^[A-Za-z]/.test(phrase[0] ?? '') && !MINOR_WORDS.has((phrase[0] ?? '').toLowerCase())) {
      const preceding = words.slice(0, -n).join(' ')
      return { phrase: phrase.join(' ').replace(/[,;:]$/, ''), opensSentence: preceding === '' || /[.!?]["”’)]?$/.test(preceding) }
    }
    if (initials.length > letters.length) break
  }
  return null
}

function scoreSentence(s: TextSentence, index: number, count: number, docTerms: Map<string, number>): { score: number; eligible: boolean; why: Contribution[] } {
  const text = s.text.trim()
  const eligible =
    /[.!?]["”’)]?$/.test(text) &&
    /^["“(]?[A-Z0-9]/.test(text) &&
    text.length >= 40 &&
    text.length <= 400 &&
    !/[\\$^_{}]/.test(text) &&
    balanced(text) &&
    !/(\bet al\.|\bFig\.|\bTab\.|\be\.g\.$|\bi\.e\.$)$/.test(text) &&
    !/(\.\.\.|…)\s*$/.test(text)
  const terms = bag([s])
  const centrality = cosineBags(terms, docTerms)
  const cue = CONTRIBUTION_CUE.test(text) ? 1 : 0
  const leans = LEANS_ON_PREVIOUS.test(text) && !CONNECTIVE_PREFIX.test(text) && !FRAMING_PREFIX.test(text) ? 1 : 0
  const refersBack = !leans && REFERS_BACK.test(text) ? 1 : 0
  const itemReference = ITEM_REFERENCE.test(text) ? 1 : 0
  const position = count <= 1 ? 0 : index === 0 ? 0.2 : index <= 2 ? 0.4 : index === count - 1 ? 0.1 : 0.2
  const why: Contribution[] = [
    { label: 'shares the paper’s vocabulary', weight: 2 * centrality },
    { label: 'states a contribution', weight: 1.2 * cue },
    { label: 'position in the abstract', weight: position },
    { label: 'leans on the previous sentence', weight: -1.2 * leans },
    { label: 'refers to something said before it', weight: -0.3 * refersBack },
    { label: 'names a numbered item it does not give', weight: -1.2 * itemReference },
  ]
  return { score: why.reduce((a, b) => a + b.weight, 0), eligible, why: why.filter((w) => w.weight !== 0) }
}

/** `In this paper, we show` → `We show`; `However, we` → `We`; capital first letter; final period. */
function rewrite(sentence: string): string {
  let t = sentence.trim().replace(/\s+/g, ' ')
  t = t.replace(FRAMING_PREFIX, 'We')
  t = stripConnective(t)
  t = t.charAt(0).toUpperCase() + t.slice(1)
  if (!/[.!?]["”’)]?$/.test(t)) t = `${t}.`
  return t
}

function stripConnective(sentence: string): string {
  const t = sentence.trim().replace(/\s+/g, ' ').replace(CONNECTIVE_PREFIX, '')
  return t.charAt(0).toUpperCase() + t.slice(1)
}

function balanced(text: string): boolean {
  let round = 0
  let square = 0
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (ch === '(') round++
    else if (ch === ')') {
      // An enumeration written `2) … and 3) …` closes what it never opened.
      if (round === 0 && LIST_MARKER_BEFORE.test(text.slice(Math.max(0, i - 5), i))) continue
      round--
    } else if (ch === '[') square++
    else if (ch === ']') square--
    if (round < 0 || square < 0) return false
  }
  // TeX quotes cleaned to “ may close with a plain " (``edge of stability"): count all three marks.
  const quotes = (text.match(/["“”]/g) ?? []).length
  return round === 0 && square === 0 && quotes % 2 === 0
}

/** What stands before the `)` of an enumeration marker: `3`, `iv`, `b`, after a space or the start. */
const LIST_MARKER_BEFORE = /(?:^|[\s;,])(?:\d{1,2}|[ivx]{1,4}|[a-h])$/

function bag(sentences: readonly TextSentence[]): Map<string, number> {
  const out = new Map<string, number>()
  for (const t of contentTerms(sentences)) out.set(t, (out.get(t) ?? 0) + 1)
  return out
}

function cosineBags(a: Map<string, number>, b: Map<string, number>): number {
  let ab = 0
  let aa = 0
  let bb = 0
  for (const [t, v] of a) {
    aa += v * v
    ab += v * (b.get(t) ?? 0)
  }
  for (const v of b.values()) bb += v * v
  return aa === 0 || bb === 0 ? 0 : ab / Math.sqrt(aa * bb)
}
