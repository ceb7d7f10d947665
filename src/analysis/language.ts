/**
 * @module Whether a text is English, so that steps that only read English (key phrases: English parts of
 * speech, stop words and a ranker fitted on English papers) leave other texts alone instead of showing `les`
 * or a whole Chinese title as a key word.
 */
import { francAll } from 'franc-min'
import type { PreparedText } from './text.js'
import type { TextSentence } from './tokenize.js'

/** What {@link textLanguage} tells of a text. */
export interface TextLanguage {
  /** True for English, and for a text too short to tell (most short texts in a paper library are English titles). */
  english: boolean
  /** The language's English name when the text is not English (`French`, `Chinese`), else null. */
  language: string | null
}

/**
 * Share of words that are English function words of three or more letters (wink's stop words: `the`, `and`,
 * `with`, `that`) from which a text is English whatever franc says. English prose is well above it; titles
 * (few function words) and Romance languages (whose `a`, `as`, `no`, `do` are also English stop words: the
 * three-letter floor leaves them out) are below it, and franc decides.
 */
const ENGLISH_FUNCTION_WORDS = 0.1
/** Letters franc needs before its answer for a Latin-script text counts: it misreads a fifth of shorter English titles. */
const MIN_LATIN_CHARACTERS = 40
/**
 * Letters under which franc's answer for a Latin-script text counts only beside two function words of another language
 * ({@link FOREIGN_FUNCTION_WORDS}): it read 6 English titles of 42–57 letters of the d2l references as French, Dutch,
 * Spanish, Uzbek and Madurese (`Training compute-optimal large language models`, `Imagenet: A large-scale hierarchical
 * image database`), which lost every key word; the short Italian titles there write `sulla`, `della`, `di`, `una`.
 */
const SURE_LATIN_CHARACTERS = 60
/**
 * Frequent function words of the Latin-script languages franc names that no English text writes as words (none that
 * English or a name writes: `de`, `van`, `von`, `der`, `la`, `le`, `et` of `et al.`, `per`, `come`, `die`, `del`, nor
 * what a title may write as a symbol or an acronym: `y`, `os`, `dos`, `com`, `em`).
 */
const FOREIGN_FUNCTION_WORDS = new Set([
  'di', 'della', 'delle', 'dei', 'degli', 'sulla', 'sulle', 'nella', 'nelle', 'una', 'il', 'che', 'gli', 'alla', 'alle',
  'les', 'des', 'du', 'sur', 'dans', 'pour', 'une', 'avec', 'chez', 'dont', 'aux', 'ses', 'sont',
  'los', 'las', 'para', 'por', 'sobre', 'und', 'mit', 'für', 'zur', 'zum', 'ein', 'eine', 'einer', 'auf', 'über',
  'ist', 'nicht', 'das', 'uma', 'não', 'het', 'een', 'voor', 'met', 'zijn', 'niet',
])
/** Characters franc reads: enough to tell, and its time grows with the text. */
const SAMPLE_CHARACTERS = 600
/**
 * A Latin-script text is not English when franc's best is another language and scores English under this
 * share of it. English scored at least 0.83 of the best on every corpus text that franc did not read as English.
 */
const MAX_ENGLISH_SCORE = 0.85
/** English scores about 0 on a text in another script (Chinese, Russian): franc's trigrams share nothing. */
const OTHER_SCRIPT_SCORE = 0.3

/** Made when a text first needs its language named: making it takes 10–15 ms, which every English batch would wait for. */
let languageNames: Intl.DisplayNames | undefined

/**
 * Tells whether a prepared text (title and body) is English, with franc-min's trigram language identifier and
 * the share of English function words. Tuned to never call an English text foreign (none of the corpus's 570
 * texts, with their abstract or digest, their first sentence, or their title alone), at the cost of short
 * foreign titles: a text in another script is told from 10 characters, a Latin-script one from 40 (under 60 only when it
 * writes two function words of another language).
 * @example textLanguage(prepareText({ title: 'Effondrement neuronal', text: 'Nous étudions la phase terminale…' })) // { english: false, language: 'French' }
 */
export function textLanguage(doc: PreparedText): TextLanguage {
  let language = languageByDoc.get(doc)
  if (!language) languageByDoc.set(doc, (language = readLanguage(doc)))
  return language
}

/** Told once per text: key words ask before reading a text, and `classify` again for its answer's `language`. */
const languageByDoc = new WeakMap<PreparedText, TextLanguage>()

function readLanguage(doc: PreparedText): TextLanguage {
  const sentences = [...doc.title, ...doc.body]
  // Counted in a loop: arrays of every token and word had been most of the time of telling an English text.
  let words = 0
  let functionWords = 0
  for (const s of sentences) {
    for (const t of s.tokens) {
      if (t.kind !== 'word') continue
      words++
      if (t.stop && t.text.length >= 3) functionWords++
    }
  }
  if (words > 0 && functionWords / words >= ENGLISH_FUNCTION_WORDS) return ENGLISH
  const sample = sentences
    .map((s) => s.text)
    .join(' ')
    .slice(0, SAMPLE_CHARACTERS)
  const scores = francAll(sample)
  const best = scores[0]
  if (!best || best[0] === 'und' || best[0] === 'eng') return ENGLISH
  const english = scores.find(([code]) => code === 'eng')?.[1] ?? 0
  const letters = sample.replace(/\s+/g, '').length
  if (english < OTHER_SCRIPT_SCORE) return { english: false, language: languageName(best[0]) }
  if (letters < MIN_LATIN_CHARACTERS || english >= MAX_ENGLISH_SCORE) return ENGLISH
  if (letters < SURE_LATIN_CHARACTERS && foreignFunctionWords(sentences) < 2) return ENGLISH
  return { english: false, language: languageName(best[0]) }
}

const ENGLISH: TextLanguage = { english: true, language: null }

/** How many of {@link FOREIGN_FUNCTION_WORDS} the sentences write, each counted once. */
function foreignFunctionWords(sentences: readonly TextSentence[]): number {
  const found = new Set<string>()
  for (const s of sentences) for (const t of s.tokens) if (t.kind === 'word' && FOREIGN_FUNCTION_WORDS.has(t.lower)) found.add(t.lower)
  return found.size
}

function languageName(code: string): string {
  try {
    languageNames ??= new Intl.DisplayNames(['en'], { type: 'language' })
    return languageNames.of(code) ?? code
  } catch {
    return code
  }
}
