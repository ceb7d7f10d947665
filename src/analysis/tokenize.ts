/**
 * @module Text in, tokens out: LaTeX cleaning, sentences, tokens with lemmas and stop-word flags, n-gram
 * phrases and the term keys every other analysis module counts. The only file that imports wink-nlp; the
 * rest of `analysis/` sees the narrow {@link NlpPort} shape (STYLE §3), never wink's types.
 */
import { createRequire } from 'node:module'
import { cleanLatex } from './latex.js'
import type winkNLPType from 'wink-nlp'
import type { Model } from 'wink-nlp'

/** What a token is, in the few kinds the analysis cares about. */
export type TokenKind = 'word' | 'number' | 'punct' | 'symbol'

/** One token of a sentence. */
export interface TextToken {
  /** As written. */
  text: string
  /** Lower-cased. */
  lower: string
  /** Lower-cased lemma (`networks` → `network`, `was` → `be`). */
  lemma: string
  /** Universal POS tag (`NOUN`, `ADJ`, `PROPN`, ...). */
  pos: string
  /** A function word (wink's English stop-word list). */
  stop: boolean
  kind: TokenKind
}

/** One sentence with its tokens. */
export interface TextSentence {
  text: string
  tokens: TextToken[]
}

/** The few NLP features the analysis uses; wink-nlp implements it, a test or another library could too. */
export interface NlpPort {
  /** Splits text into sentences of tokens. */
  read(text: string): TextSentence[]
}

/** A token is part of a phrase when it is a word that carries content (not a stop word, not punctuation). */
const PHRASE_POS = new Set(['NOUN', 'PROPN', 'ADJ', 'VERB', 'ADV', 'X', 'NUM'])

/**
 * Creates the wink-nlp backed port. The model is bundled with the package: no network, no files. Use
 * {@link getNlp} rather than many of these: every instance makes wink-eng-lite-web-model 1.8 serialise its
 * entity tables once more (each call takes twice as long as the one before; the 21st in a process throws
 * "Invalid string length").
 */
export function createWinkNlp(): NlpPort {
  // Loaded here, not at import: the model takes ~120 ms to load, which commands that read no text (`search`,
  // `show`, `serve`) should not pay at start-up. Both packages are CommonJS.
  const require = createRequire(import.meta.url)
  const winkNLP = require('wink-nlp') as typeof winkNLPType
  const model = require('wink-eng-lite-web-model') as Model
  // Sentence boundaries and POS are all we need (lemmas depend on POS); NER and sentiment cost time.
  const nlp = winkNLP(model, ['sbd', 'pos'])
  const its = nlp.its
  return {
    read(text) {
      const written = withoutOverlongRuns(text)
      // wink reads the text with a space after each glued colon; sentences are still cut from the text as written.
      const { text: spaced, inserted } = spaceGluedColons(written)
      const doc = nlp.readDoc(spaced)
      // Each property is read once for the whole text and cut at the sentences' token spans (reading it
      // per sentence cost a collection per sentence and property).
      const tokens = doc.tokens()
      const values = tokens.out(its.value) as string[]
      const normals = tokens.out(its.normal) as string[]
      const lemmas = tokens.out(its.lemma as unknown as typeof its.value) as string[]
      const tags = tokens.out(its.pos) as string[]
      const stops = tokens.out(its.stopWordFlag) as unknown as boolean[]
      const types = tokens.out(its.type) as string[]
      const spaces = tokens.out(its.precedingSpaces) as string[]
      const spans = doc.sentences().out(its.span) as unknown as Array<[number, number]>
      const offsets = inserted.length === 0 ? null : tokenOffsets(values, spaces)
      const texts = offsets ? sentencesAsWritten(written, inserted, offsets, spans) : (doc.sentences().out() as string[])
      const insertedBefore = offsets ? tokensAfterInsertedSpace(inserted, offsets.start, spaces) : null
      const sentences: RawSentence[] = spans.map(([first, last], si) => {
        const raw: RawToken[] = []
        for (let i = first; i <= last; i++) {
          const value = values[i] ?? ''
          raw.push({
            text: value,
            lower: normals[i] ?? value.toLowerCase(),
            lemma: (lemmas[i] ?? value).toLowerCase(),
            pos: tags[i] ?? 'X',
            stop: stops[i] === true,
            kind: tokenKind(types[i] ?? 'word', value),
            glued: i > first && ((spaces[i] ?? ' ') === '' || insertedBefore?.has(i) === true),
          })
        }
        return { text: texts[si] ?? '', tokens: raw }
      })
      return mergeAbbreviationSplits(sentences.flatMap(splitAfterVariables)).map((x) => ({
        text: x.text,
        tokens: joinHyphenated(x.tokens.map(markAbbreviation)),
      }))
    },
  }
}

/**
 * The longest run of non-space characters read as written. The longest in the corpus texts is 70 characters (a
 * GitHub URL), the longest URL in the sources' fixtures 183; a run longer than 500 is no word but pasted data,
 * text that lost its spaces or a formula. wink takes time quadratic in a run's length: its abbreviation test
 * (`/[a-z].*\.$/i`) on letters, its tokenizer on `a'a'…`, `a-a-…` or `a/a/…` (a 60,000-character run took 2.5
 * to 19 s, 300,000 letters over a minute); runs of at most 500 cost no more than ordinary text of the same length.
 */
export const MAX_RUN_LENGTH = 500
/** What stands for a run left out: the editor's mark for words omitted, punctuation that no term or phrase crosses. */
export const OMITTED_RUN = '[…]'
// Matched only where a run starts: `\S{501,}` alone is tried again at every character of a shorter run (0.55 s
// instead of 4 ms on 500,000 characters in runs of 500).
const OVERLONG_RUN = new RegExp(`(?<!\\S)\\S{${MAX_RUN_LENGTH + 1},}`, 'g')

/**
 * The text with every run of more than {@link MAX_RUN_LENGTH} non-space characters replaced by
 * {@link OMITTED_RUN}, keeping a full stop, question or exclamation mark that ends it so its sentence still
 * ends there. Dropped rather than cut into pieces: the pieces would be no words either, and would count as
 * terms (a 300,000-letter run, 600 times the same one) in keywords, similarity and classification.
 * Ordinary text comes back unchanged.
 * @example withoutOverlongRuns(`See ${'a'.repeat(1000)}. We show it.`) // 'See […]. We show it.'
 */
export function withoutOverlongRuns(text: string): string {
  return text.replace(OVERLONG_RUN, (run) => {
    const last = run.charAt(run.length - 1)
    return '.!?'.includes(last) ? `${OMITTED_RUN}${last}` : OMITTED_RUN
  })
}

/** A colon or semicolon glued between a word and a letter or a bracket (`Abstract:Diffusion`, `Results:SGD`, `key:value`). */
const GLUED_COLON = /(?<=\p{L}{2})[:;](?=[\p{L}([])/gu

/**
 * The text with a space after each colon glued between a word and a letter or bracket, and where the spaces went
 * (offsets in the new text). wink reads `:D`, `:P`, `:p`, `:O`, `:(` as emoticons, so `Abstract:Diffusion`,
 * `Results:SGD`, `Abstract:pruning` had become `:D` `iffusion`, `:S` `GD`, `:p` `runing`. The corpus's abstracts
 * page writes every paragraph so; its importer takes the label off, but a text pasted into `classify` keeps it.
 * Only wink reads the spaced text: sentences are cut from the text as written (`Ti:Sapphire` stays so in a digest).
 * @example spaceGluedColons('Abstract:Diffusion models') // { text: 'Abstract: Diffusion models', inserted: [9] }
 */
export function spaceGluedColons(text: string): { text: string; inserted: number[] } {
  const inserted: number[] = []
  const spaced = text.replace(GLUED_COLON, (colon: string, at: number) => {
    inserted.push(at + 1 + inserted.length)
    return `${colon} `
  })
  return { text: spaced, inserted }
}

/** Where each token starts and ends in the text wink read (its tokens and their preceding spaces are the text). */
function tokenOffsets(values: readonly string[], spaces: readonly string[]): { start: number[]; end: number[] } {
  const start: number[] = []
  const end: number[] = []
  let at = 0
  values.forEach((value, i) => {
    at += (spaces[i] ?? '').length
    start.push(at)
    at += value.length
    end.push(at)
  })
  return { start, end }
}

/** The sentences' texts cut from the text as written, given the spaces inserted into what wink read. */
function sentencesAsWritten(written: string, inserted: readonly number[], { start, end }: { start: readonly number[]; end: readonly number[] }, spans: ReadonlyArray<[number, number]>): string[] {
  // An offset of the spaced text in the written one: less the spaces inserted before it.
  const unspaced = (offset: number): number => offset - inserted.filter((p) => p < offset).length
  return spans.map(([first, last]) => written.slice(unspaced(start[first] ?? 0), unspaced(end[last] ?? 0)).trim())
}

/** Tokens whose only preceding space was inserted: glued to the token before them as written. */
function tokensAfterInsertedSpace(inserted: readonly number[], start: readonly number[], spaces: readonly string[]): Set<number> {
  const at = new Set(inserted)
  const out = new Set<number>()
  start.forEach((s, i) => {
    if (spaces[i] === ' ' && at.has(s - 1)) out.add(i)
  })
  return out
}

type RawToken = TextToken & { glued: boolean }
interface RawSentence {
  text: string
  tokens: RawToken[]
}

/** A dotted abbreviation without its last period (`w.r.t`, `i.i.d`, `e.g`). */
const DOTTED_STEM = /^(?:\p{L}\.)+\p{L}$/u
/** A dotted abbreviation with it (`w.r.t.`, `i.e.`, `U.S.`). */
const DOTTED = /^(?:\p{L}\.){2,}$/u
/**
 * Abbreviations of a paper's references to itself and others (`Fig. 2`, `Thm. 3.1`, `cf. Smith`), which wink
 * takes for a sentence's end: the period is theirs (one token with the word), and a sentence goes on after them
 * unless a capitalised word follows (`… in Fig. A detailed proof …` ends).
 */
const REFERENCE_ABBREVIATIONS = new Set([
  'fig', 'figs', 'sec', 'secs', 'sect', 'eq', 'eqs', 'eqn', 'eqns', 'thm', 'thms', 'lem', 'chap', 'resp', 'approx', 'cf', 'al',
])
/**
 * Abbreviations that are words too (`the answer is no.`, `a mobile app.`): a sentence goes on after one only
 * before a number or a bracket (`No. 3`, `Tab. (2)`), and the period stays a period.
 */
const WORD_ABBREVIATIONS = new Set(['no', 'nos', 'app', 'ex', 'def', 'ref', 'refs', 'tab', 'tabs', 'ch', 'vol', 'pp', 'prop', 'cor', 'alg'])
/** Abbreviations that never end a sentence, whatever follows (`cf. Smith et al.`). */
const NEVER_LAST = new Set(['cf.'])

/**
 * wink reads `w.r.t.` as one token until it has met `w.r.t` without the period in an earlier text (it
 * remembers words it did not know); from then on it splits the period off and ends a sentence there
 * (`… representations w.r.t.` | `feature importance.`), so how a text was read depended on what was read
 * before it. This puts every dotted abbreviation back together and joins a sentence that ends on one to
 * the next when that one goes on in lower case or with a number, whatever wink read first.
 */
function mergeAbbreviationSplits(sentences: RawSentence[]): RawSentence[] {
  const out: RawSentence[] = []
  for (const sentence of sentences) {
    const tokens = joinDottedStems(sentence.tokens)
    const previous = out[out.length - 1]
    if (previous && tokens.length > 0 && goesOn(previous.tokens, tokens)) {
      previous.text = `${previous.text.trimEnd()} ${sentence.text.trimStart()}`
      previous.tokens.push(...tokens)
    } else {
      out.push({ text: sentence.text, tokens })
    }
  }
  return out
}

/** Whether a sentence wink ended (its tokens `before`) goes on with the next (`after`). */
function goesOn(before: readonly RawToken[], after: readonly RawToken[]): boolean {
  const last = before[before.length - 1]?.text ?? ''
  const first = after[0]?.text ?? ''
  const lower = last.toLowerCase()
  if (NEVER_LAST.has(lower)) return true
  // `et al.` and dotted ones (`i.e.`) end a sentence as often as not: only a lower-case word or a number goes on.
  if (DOTTED.test(last) || lower === 'al.') return /^[\p{Ll}\p{N}]/u.test(first)
  // `No. 3`, `Tab. (2)`; `… is no.` and `… an app.` end their sentences.
  if (last === '.' && WORD_ABBREVIATIONS.has(before[before.length - 2]?.lower ?? '')) return /^[\p{N}(]/u.test(first)
  if (!isReferenceAbbreviation(lower)) return false
  // `Fig. 2`, `Sec. (3)`, `Eq. and`; `App. A.` or `Fig. S1,`, a label and its punctuation; not `Fig. A detailed …`.
  if (/^[\p{N}(\p{Ll}]/u.test(first)) return true
  const second = after[1]
  return /^\p{Lu}\p{N}*$/u.test(first) && (second === undefined || second.kind === 'punct')
}

function isReferenceAbbreviation(lower: string): boolean {
  return lower.endsWith('.') && REFERENCE_ABBREVIATIONS.has(lower.slice(0, -1))
}

/**
 * wink takes a one-letter word and its period for an initial (`J. Smith`) and so does not end a sentence
 * on a variable: `… scaling with data size n. Theoretical understanding …`, `… extrapolation in A. We show
 * …`. This ends the sentence there when a lower-case letter is followed by a capital, or a capital letter by
 * a capitalised function word (`We`, `The`, `This`), which a name never is, or a capital letter after a
 * lower-case noun by any capital.
 */
function splitAfterVariables(sentence: RawSentence): RawSentence[] {
  const out: RawSentence[] = []
  let tokens: RawToken[] = []
  let text = sentence.text
  let cursor = 0
  for (let i = 0; i < sentence.tokens.length; i++) {
    const token = sentence.tokens[i] as RawToken
    const next = sentence.tokens[i + 1]
    const at = text.indexOf(token.text, cursor)
    cursor = at < 0 ? cursor : at + token.text.length
    // (The length check first: this runs on every token, the regular expressions on few.)
    const variable = token.text.length === 2 && /^\p{L}\.$/u.test(token.text) && next !== undefined && /^\p{Lu}/u.test(next.text)
    const previous = sentence.tokens[i - 1]
    // A capital named by the lower-case noun before it (`the group G. Invariant …`) is a variable too; an
    // initial follows a name or a function word (`Michael I. Jordan`, `by J. Smith`).
    const named = previous !== undefined && previous.kind === 'word' && !previous.stop && /^\p{Ll}+$/u.test(previous.text)
    if (variable && (/^\p{Ll}/u.test(token.text) || named || (next.stop && /^\p{Lu}\p{Ll}/u.test(next.text)))) {
      const letter = token.text.slice(0, 1)
      tokens.push({ ...token, text: letter, lower: letter.toLowerCase(), lemma: letter.toLowerCase() })
      tokens.push({ text: '.', lower: '.', lemma: '.', pos: 'PUNCT', stop: false, kind: 'punct', glued: true })
      out.push({ text: text.slice(0, cursor).trim(), tokens })
      text = text.slice(cursor)
      cursor = 0
      tokens = []
    } else {
      tokens.push(token)
    }
  }
  out.push({ text: text.trim(), tokens })
  return out.filter((s) => s.tokens.length > 0)
}

function joinDottedStems(tokens: RawToken[]): RawToken[] {
  const out: RawToken[] = []
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as RawToken
    const next = tokens[i + 1]
    if ((DOTTED_STEM.test(token.text) || REFERENCE_ABBREVIATIONS.has(token.lower)) && next?.text === '.' && next.glued) {
      out.push({ ...token, text: `${token.text}.`, lower: `${token.lower}.` })
      i++
    } else {
      out.push(token)
    }
  }
  return out
}

/** A dotted abbreviation is a function word, read the same whatever wink's tagger made of it. */
function markAbbreviation(token: RawToken): RawToken {
  if (!DOTTED.test(token.text) && !isReferenceAbbreviation(token.text.toLowerCase())) return token
  const lower = token.text.toLowerCase()
  return { ...token, lower, lemma: lower, pos: 'X', stop: true, kind: 'word' }
}

/**
 * wink splits `In-Context` and `Sharpness-Aware` into three tokens but keeps `pre-training` whole; join
 * every `word-word` written without spaces into one word so both read the same. The compound takes the
 * POS of its last part and is never a stop word.
 */
function joinHyphenated(tokens: RawToken[]): TextToken[] {
  const out: TextToken[] = []
  let i = 0
  while (i < tokens.length) {
    const first = tokens[i]
    if (!first) break
    let current: TextToken = { text: first.text, lower: first.lower, lemma: first.lemma, pos: first.pos, stop: first.stop, kind: first.kind }
    let j = i + 1
    while (j + 1 < tokens.length) {
      const dash = tokens[j]
      const next = tokens[j + 1]
      if (!dash || !next || dash.text !== '-' || !dash.glued || !next.glued) break
      if (current.kind !== 'word' && current.kind !== 'number') break
      if (next.kind !== 'word' && next.kind !== 'number') break
      current = {
        text: `${current.text}-${next.text}`,
        lower: `${current.lower}-${next.lower}`,
        lemma: `${current.lower}-${next.lemma}`,
        pos: next.pos === 'ADP' || next.pos === 'DET' ? 'ADJ' : next.pos,
        stop: false,
        kind: 'word',
      }
      j += 2
    }
    out.push(current)
    i = j
  }
  return out
}

function tokenKind(type: string, value: string): TokenKind {
  if (type === 'punctuation') return 'punct'
  if (type === 'number' || type === 'ordinal') return 'number'
  if (type === 'word' || type === 'hashtag' || type === 'mention') return /[\p{L}]/u.test(value) ? 'word' : 'symbol'
  return /[\p{L}]/u.test(value) && /^[\p{L}\p{N}'’.-]+$/u.test(value) ? 'word' : 'symbol'
}

let defaultNlp: NlpPort | null = null

/** The shared wink-nlp port, created on first use. */
export function getNlp(): NlpPort {
  defaultNlp ??= createWinkNlp()
  return defaultNlp
}

/** Reads cleaned text into sentences and tokens with the shared port. */
export function analyzeText(text: string, nlp: NlpPort = getNlp()): TextSentence[] {
  const cleaned = cleanLatex(text)
  return cleaned.trim() === '' ? [] : nlp.read(cleaned)
}

/** Sentences of a text, LaTeX cleaned, as strings. */
export function splitSentences(text: string, nlp: NlpPort = getNlp()): string[] {
  return analyzeText(text, nlp)
    .map((s) => s.text.trim())
    .filter((s) => s !== '')
}

// ---------------------------------------------------------------------------------------------
// Terms and phrases

/**
 * The capital initials of a phrase's words, hyphenated parts counted as words and `skip` words left out:
 * `In-Context Learning` → `ICL`. Acronyms are matched against these.
 */
export function initialsOf(words: readonly string[], skip: ReadonlySet<string>): string {
  // A loop, not flatMap/filter/map/join: every phrase of every text read for key words asks (four arrays each).
  let initials = ''
  for (const word of words) {
    for (const part of word.split('-')) if (part !== '' && !skip.has(part.toLowerCase())) initials += (part[0] as string).toUpperCase()
  }
  return initials
}

/**
 * A phrase's initials both ways a hyphenated word gives them: one per part and one per word (`Long Sequence
 * Time-series Forecasting` is LSTSF or LSTF; `Sharpness-Aware Minimization` SAM or SM). An acronym's definition
 * may be written either way.
 */
export function initialsBothWays(words: readonly string[], skip: ReadonlySet<string>): { perPart: string; perWord: string } {
  return { perPart: initialsOf(words, skip), perWord: initialsOf(words.map((w) => w.replaceAll('-', '')), skip) }
}

/** Words whose lemma reads wrong where terms are shown (`data` is not `datum` in this field). */
const KEPT_AS_WRITTEN = new Set(['data'])

/**
 * Where a token keeps its key, once worked out, and whether it is a content word: every analysis asks for the same
 * tokens' keys and content tests several times (classifying a text asked about each of its tokens a dozen times).
 * On the token itself, not in a WeakMap: a property read where the map's lookups were 7% of finding a text's key
 * words, more with the collector's work on the map. Not enumerable, so a token copied with changes (`{ ...token, text: '.' }`) works out its own, and a
 * token sent to another thread or compared in a test is as it was.
 */
const TERM = Symbol('term')

interface TokenTerm {
  key: string
  content: boolean
}

function tokenTerm(token: TextToken): TokenTerm {
  const known = (token as { [TERM]?: TokenTerm })[TERM]
  if (known !== undefined) return known
  const key = computeTermKey(token)
  const term: TokenTerm = { key, content: key.length >= 2 && /\p{L}/u.test(key) && PHRASE_POS.has(token.pos) }
  Object.defineProperty(token, TERM, { value: term })
  return term
}

/**
 * The key a word is counted under: its lemma, lower-cased, hyphens and apostrophes dropped, so that
 * `pre-training`, `Pretraining` and `pre-trained` meet where the lemmatizer allows.
 */
export function termKey(token: TextToken): string {
  return tokenTerm(token).key
}

function computeTermKey(token: TextToken): string {
  // Gerunds are nouns in this domain (`learning`, `pruning`, `grokking`); the tagger's VERB reading would
  // turn `learning` into `learn` in one sentence and keep it in the next.
  let base = ((token.pos === 'VERB' || token.pos === 'AUX') && token.lower.endsWith('ing')) || KEPT_AS_WRITTEN.has(token.lower) ? token.lower : token.lemma
  // Title-cased words are often tagged PROPN and not lemmatised: `Kernels` stays `kernels`.
  if (base === token.lower && (token.pos === 'PROPN' || token.pos === 'NOUN' || token.pos === 'X')) base = singularizeLast(base)
  return base.replace(/[-‐‑–'’.]/g, '')
}

/**
 * The key a word has inside a key phrase: as {@link termKey}, except that a form the tagger read as a verb is
 * kept as written (made singular). A key phrase is a noun phrase: its `bounds`, `masked` and `based` are not
 * the verbs bind, mask and base, and the same phrase must get the same key in running text and on its own
 * (`PAC-Bayes Bound` was `pacbayes bind` alone but `pacbayes bound` in a sentence).
 */
export function phraseWordKey(token: TextToken): string {
  if ((token.pos === 'VERB' || token.pos === 'AUX') && !token.lower.endsWith('ing')) return singularizeLast(token.lower).replace(/[-‐‑–'’.]/g, '')
  return termKey(token)
}

/** WordNet's irregular noun plurals (`curricula` → `curriculum`), the table wink reads for a word it tags NOUN. */
let nounExceptions: Readonly<Record<string, string>> | undefined

/**
 * Words whose lemma as a noun drops the s though {@link singularize} keeps it: wink reads the text's `dynamics` as
 * `dynamic`, while a capitalised `Dynamics`, tagged as a name and not lemmatised, is keyed `dynamics`.
 */
const NOUN_LEMMA_DROPS_S = new Set(['dynamics', 'statistics', 'metrics', 'heuristics', 'graphics', 'optics', 'physics', 'species'])

/**
 * A key with each word read as its lower-case noun would be keyed. A capitalised word tagged as a name is not
 * lemmatised, only made singular by {@link singularize}: `Curricula` stays `curricula`, `Matrices` becomes `matrice`
 * and `Dynamics` stays `dynamics`, where the text's `curriculum`, `matrix` and `dynamic` are keyed apart. Keys are left
 * as they are (re-keying those words refits the key-word ranker and moved a split's F1 by 0.02), and this is for
 * telling that two keys name one thing.
 */
export function irregularSingularKey(key: string): string {
  nounExceptions ??= createRequire(import.meta.url)('wink-eng-lite-web-model/dist/wn-noun-exceptions.js') as Record<string, string>
  const table = nounExceptions
  return key
    .split(' ')
    .map((w) => {
      if (KEPT_AS_WRITTEN.has(w)) return w
      if (Object.hasOwn(table, w)) return table[w] as string
      // `matrice` is what singularize left of `matrices`.
      if (Object.hasOwn(table, `${w}s`) && w.endsWith('e')) return table[`${w}s`] as string
      return NOUN_LEMMA_DROPS_S.has(w) ? w.slice(0, -1) : w
    })
    .join(' ')
}

function singularizeLast(word: string): string {
  const cut = Math.max(word.lastIndexOf('-'), 0)
  return cut === 0 ? singularize(word) : `${word.slice(0, cut + 1)}${singularize(word.slice(cut + 1))}`
}

/** True for a token that can be part of a content phrase. */
export function isContentToken(token: TextToken): boolean {
  if (token.kind !== 'word' || token.stop) return false
  return tokenTerm(token).content
}

/** A phrase found in a text: its key (lemmas joined by spaces), its surface form and where it starts. */
export interface Phrase {
  key: string
  text: string
  /** Number of words. */
  n: number
  /** Index of the sentence it is in. */
  sentence: number
  /** Position of its first token over the whole text. */
  position: number
  /** POS of its first and last tokens. */
  firstPos: string
  lastPos: string
}

/**
 * All n-grams of content tokens (`minN..maxN` words) that cross no stop word and no punctuation.
 * @example phrasesOf(analyzeText('the neural tangent kernel'), { maxN: 3 }).map(p => p.key)
 * // ['neural', 'neural tangent', 'neural tangent kernel', 'tangent', 'tangent kernel', 'kernel']
 */
export function phrasesOf(sentences: readonly TextSentence[], { minN = 1, maxN = 3 }: { minN?: number; maxN?: number } = {}): Phrase[] {
  const out: Phrase[] = []
  let offset = 0
  sentences.forEach((sentence, si) => {
    const tokens = sentence.tokens
    for (let i = 0; i < tokens.length; i++) {
      const first = tokens[i]
      if (!first || !isContentToken(first)) continue
      const keys: string[] = []
      const words: string[] = []
      for (let j = i; j < tokens.length && j - i < maxN; j++) {
        const t = tokens[j]
        if (!t || !isContentToken(t)) break
        keys.push(termKey(t))
        words.push(t.text)
        if (keys.length >= minN) {
          out.push({
            key: keys.join(' '),
            text: words.join(' '),
            n: keys.length,
            sentence: si,
            position: offset + i,
            firstPos: first.pos,
            lastPos: t.pos,
          })
        }
      }
    }
    offset += tokens.length
  })
  return out
}

/** Content-word keys of a text (unigrams), in order. */
export function contentTerms(sentences: readonly TextSentence[]): string[] {
  const out: string[] = []
  for (const s of sentences) for (const t of s.tokens) if (isContentToken(t)) out.push(termKey(t))
  return out
}

/**
 * The normal form of a short phrase, for comparing key words: lemmas of its words, lower-cased, hyphens
 * dropped, stop words kept only inside. `Large Language Models` → `large language model`.
 */
export function normalizePhrase(phrase: string, nlp: NlpPort = getNlp()): string {
  const tokens = analyzeText(phrase, nlp).flatMap((s) => s.tokens)
  const words = tokens.filter((t) => t.kind === 'word' || t.kind === 'number').map((t) => phraseWordKey(t))
  while (words.length > 0 && STOP_EDGE.has(words[0] ?? '')) words.shift()
  while (words.length > 0 && STOP_EDGE.has(words[words.length - 1] ?? '')) words.pop()
  return words.filter((w) => w !== '').join(' ')
}

const STOP_EDGE = new Set(['the', 'a', 'an', 'of', 'and', 'in', 'on', 'for', 'to'])

const SINGULAR_EXCEPTIONS = new Set(['series', 'species', 'lens', 'bayes', 'news', 'physics', 'mathematics', 'dynamics', 'statistics', 'always', 'perhaps', 'whereas', 'thus', 'less', 'towards', 'various', 'previous'])

/** A conservative English singular for words the lemmatizer left alone (`kernels` → `kernel`). */
export function singularize(word: string): string {
  if (word.length <= 3 || SINGULAR_EXCEPTIONS.has(word) || !word.endsWith('s')) return word
  if (/(ss|us|is|as|ics|ous|ness|less)$/.test(word)) return word
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`
  if (/(ches|shes|xes|zes|sses)$/.test(word)) return word.slice(0, -2)
  return word.slice(0, -1)
}
