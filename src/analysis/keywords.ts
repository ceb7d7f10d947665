/**
 * @module Key phrases of a paper from its title and abstract or digest.
 *
 * Candidates are noun phrases of 1–4 content words (`neural tangent kernel`, `edge of stability`). A small
 * logistic ranker, fitted on the library's curated key words, scores each candidate from corpus statistics:
 * how often the phrase is a curated key word when it appears (keyphraseness, as in KEA), its TF-IDF in the
 * paper, whether it is in the title, where it first appears, its length, whether the text defines an acronym
 * for it, whether it is written capitalised, how often the text writes it only inside a longer phrase; and, for
 * curated key words listed by at least two papers, how likely a paper worded like this one is to list it (a
 * per-key-word classifier, see keyword-tags.ts). The best non-overlapping candidates are kept.
 * With no curated key words in the library the ranker falls back to fixed weights on the same features.
 */
import { assignTopics, type NamedLater, type TopicPrediction } from './classify.js'
import { fitKeywordTags, keywordTagProbabilities, tagFeature, type KeywordTagModel } from './keyword-tags.js'
import { textLanguage } from './language.js'
import { fitSoftmax } from './linear.js'
import type { Contribution } from './rank.js'
import type { SparseVector } from './sparse.js'
import type { PreparedText } from './text.js'
import { MODEL_VERSION } from './model-version.js'
import { initialsBothWays, irregularSingularKey, isContentToken, normalizePhrase, phraseWordKey, termKey, type NlpPort, type TextSentence, type TextToken } from './tokenize.js'

/** A phrase that could be a key word of one paper. */
export interface KeywordCandidate {
  key: string
  /** Surface form of its first occurrence. */
  text: string
  n: number
  count: number
  inTitle: boolean
  /** Relative position (0..1) of the first occurrence. */
  firstPosition: number
  /** The text gives it an acronym: `neural tangent kernel (NTK)`. */
  hasAcronym: boolean
  /** Written with capitals in the body (`Neural Collapse`), a sign of a named concept. */
  capitalised: boolean
  /**
   * For a curated key word the text does not contain but partly spells out (`lottery ticket` for
   * `lottery ticket hypothesis`): the share of its words the text has. Absent for phrases of the text.
   */
  completes?: number
  /**
   * For each use in the text, the longer phrases of the text written around it (`implicit regularization` around a
   * `regularization`); `X of Y` phrases are left out, as `role of` does not make `regularization` a part. Absent for
   * phrases not in the text.
   */
  writtenInside?: string[][]
  /**
   * One word every use of which the tagger reads as a verb followed by its object (`Deconstructing Lottery Tickets`,
   * `resetting the critical layers`): what a paper does, no name of a thing. Absent for longer phrases.
   */
  verbWithObject?: boolean
}

/** Corpus statistics and ranker weights. Plain data: store it as JSON. */
export interface KeywordModel {
  kind: 'keywords'
  /** {@link MODEL_VERSION} when fitted. */
  version: number
  documentCount: number
  /** Phrase key → documents whose text contains it. */
  documentFrequency: Record<string, number>
  /** Phrase key → documents that list it as a curated key word. */
  keywordFrequency: Record<string, number>
  /** Phrase key → how people write it (`Neural Tangent Kernel`), from curated key words. */
  display: Record<string, string>
  /**
   * Curated key word as written → its phrase key, for every one the model was fitted on: similar papers'
   * key words are looked up here instead of being read by the NLP model again (absent in older models).
   */
  keyOf?: Record<string, string>
  /** Topic label → curated key word → share of the topic's curated papers that list it (shares ≥ 0.05). */
  topicKeywordShare: Record<string, Record<string, number>>
  /** Ranker weights, one per {@link KEYWORD_FEATURES} entry, plus a bias last. */
  weights: number[]
  /** Per-key-word classifiers of the curated key words listed at least twice (absent with too few). */
  tags?: KeywordTagModel
  /**
   * Documents with curated key words: a key word's share of them is how often any paper lists it, against which
   * its classifier's probability is support for it or not (suggestionSupport; absent in older models).
   */
  curatedDocuments?: number
  /**
   * Curated key word's key → the year of the library's first paper that writes it or lists it, among papers with a
   * year (absent in older models): a paper from well before it is suggested no such key word ({@link SUGGESTION_YEARS_AHEAD}).
   */
  firstYear?: Record<string, number>
}

export const KEYWORDS_HOW_COMPUTED =
  "Key words are phrases of 1–4 content words of the paper's title, abstract and a source's digest that end in a noun, ranked by a small logistic model fitted on the library's curated key words (a word, `to` and the same word again, `sequence to sequence`, are one word, as `sequence-to-sequence` is). What counts: how often the phrase is a curated key word where it appears, TF-IDF, being in the title or early in the text, its length, a defined acronym, capitals, repetition, how much of it the text writes only inside a longer phrase other papers write too (`regularization` in `spectral regularization`), whether the curated papers most similar to this one (the nearest weighing most: by similarity squared), or its topic's papers, list it, and how likely a paper worded like this one is to list a curated key word (a classifier per key word that two or more curated papers list; a word its papers mostly write inside a compound, `descent` in `double descent`, counts only as far as the text writes it in that compound or on its own, as for topics). An acronym is shown as the phrase it stands for when the text spells that out (`AI` → artificial intelligence), and a word that is no key word on its own as the phrase the text first writes it in when other papers write that phrase too (`adversarial attacks`, not `attacks`). Two are shown, more only from a score of 0.9, and a phrase that only fills the list to two needs a score of 0.15 (a weaker phrase is almost never a key word, so a paper shows fewer than two rather than `Data`); a word most papers write and curators do not list (`model`, `training`) fills in after every other phrase unless it scores 0.5, and a word read as a verb at work that curators do not list (`Deconstructing` of *Deconstructing Lottery Tickets*) is not shown, nor is a phrase the text writes only cut from a longer one (`Overfitted Three-Layer` of *… the Overfitted Three-Layer Neural Tangent Kernel Model*, `Squares Problems` of *… Least Squares Problems*, `Theory of reproducing` of *Theory of reproducing kernels*, a verb before its object), or one of two or more words the text writes only on into a longer noun phrase and the library's other texts write only so too (`Long short-term` of *Long short-term memory*); such a phrase no other text writes is shown as the whole noun phrase (`efficient foundation language models` of *LLaMA*, not `efficient foundation`; a gerund before a noun runs the phrase on: `support vector learning machines`), or not at all when that runs past four words, and so is a name no other text writes, beside its head noun when that is shown too (`Transformers` and `Swin transformer`). A phrase that opens on an adjective after the noun its noun phrase opens with is shown with that noun (`graph convolutional networks`, not `convolutional networks`), and a title's phrase no other text writes with the words that open its noun phrase at every place (`Generative adversarial nets`, not `adversarial nets`; not a word that rates it, such as `novel` or `certain`, nor a one-word name; a title opening on a word in -ing is read as its verb, unless other texts write that word right before the phrase's noun, `Discrete Denoising Models`: then the title's noun phrase is shown whole, `Denoising diffusion probabilistic models`, though other texts write `probabilistic models`), and a curated key word the text writes word for word is the text's own, though no phrase of the text holds it (`No Free Lunch Theorem` of *No free lunch theorems for search*: no phrase starts on `No`). Beside a paper's curated key words, Paperscope adds only what is missing to reach two and phrases from 0.9, and none that restates a curated one (a piece of it, a listed phrase of two or more words grown by a word, or its acronym). A curated key word of similar papers or of the paper's topic, or one the text writes a piece of, can be chosen although the text does not spell it out: it is shown as suggested, not as extracted, only when the text supports it (it writes a word of it, on its own or in the key word's compound, so `coordinate descent` supports no `Deep Double Descent`; or its acronym; or papers worded like it list it more often than papers do on average), and under a score of 0.3 only when the text offers too few phrases of its own, and then not on a word that a twentieth or more of the library's texts write, which curators do not list alone (`neural` of *Neural collaborative filtering* for `Neural Tangent Kernel`). One that no similar paper and no topic of the paper lists (every one of an off-topic paper's, which draws on neither), and every one of a paper left unsorted because one word decided its topic or no topic was confident (its similar papers are near it by little), needs more: papers worded like it list it one time in twenty or more, and more often than papers do on average, so a word it shares with the text is not enough (`Gaussian Process` for *A Markovian Decision Process*, `Data Augmentation` for *The Art of Statistics: Learning from Data*). No key word the text does not spell out is suggested to a paper dated five or more years before the library's first paper that writes it or lists it: the concept had no such name yet (`Neural Tangent Kernel`, first written in 2018, for a kernel paper of 2005), while the papers that coin a name come shortly before curators list it (`Large Language Models` for *Language models are few-shot learners*, 2020). Curated key words are never changed. A text not in English (told by franc-min's trigram language identifier and its share of English function words) gets none: the phrases and their ranker are English."

/** The features of a curated key word the text writes only a piece of. */
const COMPLETES_FEATURES: ReadonlySet<string> = new Set(['completes a phrase of the text', 'often curated, completes a phrase'])

/** The ranker's features, in order; their names are the `why` labels. */
export const KEYWORD_FEATURES = [
  'curated key word elsewhere',
  'keyphraseness',
  'tf-idf',
  'in title',
  'early in text',
  'single word',
  'two words',
  'three or more words',
  'acronym defined',
  'capitalised',
  'repeated',
  'used by similar papers',
  'suggested by similar papers',
  'suggested by most similar papers',
  'completes a phrase of the text',
  'often curated, completes a phrase',
  'typical of the paper’s topic',
  'typical of the paper’s topic (not in text)',
  'not in the text',
  'papers worded like it list it',
  'papers worded like it list it (not in text)',
  'written inside a longer phrase',
] as const

/** Fixed weights used when the library has no curated key words to learn from. */
const DEFAULT_WEIGHTS = [1.5, 2, 2, 1.5, 0.5, -1.5, 0.5, 0.3, 1.5, 1, 0.5, 3, 3, 2, 1, 0.5, 2, 2, -2, 0.5, 2, -1, -3]

/** A similar paper's curated key words: evidence for key words the text itself may not spell out. */
export interface KeywordNeighbour {
  /** Cosine similarity to the paper (0..1). */
  similarity: number
  keywords: readonly string[]
}

/** What a training document contributes: its text and, when curated, its key words. */
export interface KeywordTrainingDoc {
  doc: PreparedText
  keywords?: readonly string[]
  /** Its most similar other curated papers (never itself). */
  neighbours?: readonly KeywordNeighbour[]
  /** Its curated topics (for the topic → key word shares). */
  topics?: readonly string[]
  /** The year it is dated, when known (for when each key word was first written). */
  year?: number
}

/** A topic of the paper with its confidence (curated topics: 1). */
export interface KeywordTopic {
  label: string
  confidence: number
}

export interface KeywordFitOptions {
  l2?: number
  nlp?: NlpPort
}

/** A key phrase with its score and the features behind it. */
export interface ExtractedKeyword {
  text: string
  key: string
  score: number
  /** False for a key word the text does not spell out: one similar papers or the paper's topic suggest. */
  inText: boolean
  why: Contribution[]
}

const MAX_WORDS = 4
/** Topic → key word shares below this are not stored. */
const MIN_TOPIC_SHARE = 0.05
/** A key word its topic suggests is a candidate (even if not in the text) from this share on. */
const MIN_SUGGESTED_SHARE = 0.15
const LINKS = new Set(['of'])
/** A variable written out (`Psi` where a page lost `$\Psi$`) is no key word on its own. */
const GREEK_LETTER_NAMES = new Set([
  'alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa', 'lambda', 'mu', 'nu', 'xi',
  'omicron', 'pi', 'rho', 'sigma', 'tau', 'upsilon', 'phi', 'chi', 'psi', 'omega',
])

const joinedTexts = new WeakMap<PreparedText, PreparedText>()

/**
 * The text as a paper's key phrases are chosen from it: a word, `to` and the same word again (`sequence to sequence`,
 * `end to end`) are one word, as the hyphenated `sequence-to-sequence` is. The tagger reads the second as a verb (`to
 * sequence`), which ended every phrase there: *Sequence to sequence learning with neural networks* had no key word
 * (now `Sequence to sequence learning`, 0.37). The same object when nothing is joined. The ranker's fit and the
 * per-key-word classifiers read the texts as the tagger did, as for the phrases only hidden: joined there too, the
 * refit moved six other lists of the richest library at their bars (two better, three worse, one alike).
 */
function keywordText(doc: PreparedText): PreparedText {
  let joined = joinedTexts.get(doc)
  if (joined) return joined
  const join = (sentences: TextSentence[]): TextSentence[] =>
    sentences.map((sentence) => {
      const t = sentence.tokens
      if (!t.some((x, i) => i > 0 && x.lower === 'to' && isRepeatedAround(t, i))) return sentence
      const tokens: TextToken[] = []
      for (let i = 0; i < t.length; i++) {
        const a = t[i] as TextToken
        if (t[i + 1]?.lower === 'to' && isRepeatedAround(t, i + 1)) {
          const b = t[i + 2] as TextToken
          // Read as the first word is: the tagger saw it before the `to`.
          tokens.push({ ...a, text: `${a.text} to ${b.text}`, lower: `${a.lower}-to-${b.lower}`, lemma: `${a.lemma}-to-${b.lemma}` })
          i += 2
        } else tokens.push(a)
      }
      return { ...sentence, tokens }
    })
  const title = join(doc.title)
  const body = join(doc.body)
  joined = title.every((s, i) => s === doc.title[i]) && body.every((s, i) => s === doc.body[i]) ? doc : { ...doc, title, body }
  joinedTexts.set(doc, joined)
  return joined
}

/** The tokens around `to` at `i` are one content word twice. */
function isRepeatedAround(tokens: readonly TextToken[], i: number): boolean {
  const a = tokens[i - 1]
  const b = tokens[i + 1]
  return a !== undefined && b !== undefined && a.kind === 'word' && b.kind === 'word' && !a.stop && a.lower === b.lower && isContentToken(a)
}

/**
 * Candidate phrases of a prepared text: runs of 1–4 content words, optionally joined by `of`, that end in
 * a noun (or a gerund) and do not start with a verb or an adverb.
 */
export function keywordCandidates(doc: PreparedText): KeywordCandidate[] {
  const byKey = new Map<string, KeywordCandidate>()
  const total = Math.max(1, [...doc.title, ...doc.body].reduce((n, s) => n + s.tokens.length, 0))
  let offset = 0
  // Each word's key, and whether it is a content word and can end a phrase, told once: a word is read by up to four runs.
  const { keys: wordKeys } = wordIndex(doc)
  let sentenceIndex = 0
  const visit = (sentences: TextSentence[], inTitle: boolean): void => {
    for (const sentence of sentences) {
      const tokens = sentence.tokens
      const sentenceKeys = wordKeys[sentenceIndex++] as readonly string[]
      const content = tokens.map(isContentToken)
      const ends = tokens.map((t, j) => content[j] === true && canEnd(t))
      // Every use of a candidate in the sentence (first and last token), to find the longer phrases around each.
      const uses: Array<{ from: number; to: number; c: KeywordCandidate }> = []
      for (let i = 0; i < tokens.length; i++) {
        const first = tokens[i] as TextToken
        if (!content[i]) continue
        const keys: string[] = []
        const words: string[] = []
        let contentWords = 0
        for (let j = i; j < tokens.length && contentWords < MAX_WORDS; j++) {
          const t = tokens[j] as TextToken
          // A finite verb inside a run ends it (`Neural Networks Outperform Kernel Methods`); participles
          // and gerunds modify (`Controlled Differential Equations`, `Learning-based`).
          if (j > i && t.pos === 'VERB' && !/(?:ing|ed|en)$/.test(t.lower)) break
          if (content[j]) {
            keys.push(sentenceKeys[j] as string)
            words.push(t.text)
            contentWords++
            if (ends[j] && (canStart(first, contentWords === 1) || startsAbbreviatedPhrase(first, tokens, j, words)) && !(contentWords === 1 && GREEK_LETTER_NAMES.has(keys[0] ?? ''))) {
              const key = keys.join(' ')
              const existing = byKey.get(key)
              if (existing) {
                existing.count++
                existing.inTitle ||= inTitle
                existing.hasAcronym ||= definesAcronym(tokens, j + 1, words)
                existing.capitalised ||= !inTitle && isCapitalised(words)
                if (contentWords === 1) existing.verbWithObject = existing.verbWithObject === true && isVerbWithObject(t, tokens[j + 1])
                uses.push({ from: i, to: j, c: existing })
              } else {
                const c: KeywordCandidate = {
                  key,
                  text: words.join(' ').replace(/ - /g, '-'),
                  n: contentWords,
                  count: 1,
                  inTitle,
                  firstPosition: (offset + i) / total,
                  hasAcronym: definesAcronym(tokens, j + 1, words),
                  capitalised: !inTitle && isCapitalised(words),
                }
                if (contentWords === 1) c.verbWithObject = isVerbWithObject(t, tokens[j + 1])
                byKey.set(key, c)
                uses.push({ from: i, to: j, c })
              }
            }
          } else if (LINKS.has(t.lower) && keys.length > 0 && j + 1 < tokens.length && content[j + 1]) {
            keys.push(t.lower)
            words.push(t.text)
          } else {
            break
          }
        }
      }
      recordPhrasesAround(uses)
      offset += tokens.length
    }
  }
  visit(doc.title, true)
  visit(doc.body, false)
  // No word of a key phrase is longer than this: a run of 5,000 letters is not a term (`pseudo-differential` is 19).
  return [...byKey.values()].filter((c) => c.key.split(' ').every((w) => w.length <= MAX_KEYWORD_WORD) && !PRAISE.test(c.text))
}

/**
 * Each use's longer phrases around it ({@link KeywordCandidate.writtenInside}). Uses come in the order their first word
 * does, and a phrase spans at most 2 × {@link MAX_WORDS} tokens, so only that many uses back are looked at.
 */
function recordPhrasesAround(uses: ReadonlyArray<{ from: number; to: number; c: KeywordCandidate }>): void {
  let first = 0
  for (const use of uses) {
    while ((uses[first] as (typeof uses)[number]).from < use.from - 2 * MAX_WORDS) first++
    const around: string[] = []
    for (let v = first; v < uses.length; v++) {
      const o = uses[v] as (typeof uses)[number]
      if (o.from > use.from) break
      if (o.to >= use.to && o.to - o.from > use.to - use.from && !o.c.key.includes(' of ')) around.push(o.c.key)
    }
    ;(use.c.writtenInside ??= []).push(around)
  }
}

const candidatesByDoc = new WeakMap<PreparedText, readonly KeywordCandidate[]>()

/**
 * {@link keywordCandidates} read once per text: a library's analysis fits the ranker on its papers' texts and then
 * ranks the same texts (it had read each curated one three times). Callers only read the candidates.
 */
function candidatesOf(doc: PreparedText): readonly KeywordCandidate[] {
  let candidates = candidatesByDoc.get(doc)
  if (!candidates) candidatesByDoc.set(doc, (candidates = keywordCandidates(doc)))
  return candidates
}

/** Hyphenated words that praise or hedge (`State-of-the-Art`): no key phrase has one. */
const PRAISE = /(?:^|\s)(?:state-of-the-art|off-the-shelf|easy-to-use|well-known|so-called)(?:$|\s)/i

/** Longest word a key phrase may have, in characters. */
const MAX_KEYWORD_WORD = 40

/**
 * A past participle starts no phrase (`Rectified` is read as a verb), except one the text abbreviates word by word right
 * after it: `rectified linear units (ReLU)`. Then the acronym is shown spelled out, and `Units` of *Understanding Deep
 * Neural Networks with Rectified Linear Units* is no key word beside the curated `ReLU`.
 */
function startsAbbreviatedPhrase(first: TextToken, tokens: readonly TextToken[], last: number, words: readonly string[]): boolean {
  if (words.length < 2 || first.pos !== 'VERB' || !/(?:ed|en)$/.test(first.lower)) return false
  if (tokens[last + 1]?.text !== '(' || tokens[last + 3]?.text !== ')') return false
  const letters = (tokens[last + 2]?.text ?? '').replace(/s$/, '').replace(/[^A-Z]/g, '')
  return letters.length >= 2 && words.map((w) => w[0]?.toUpperCase() ?? '').join('') === letters
}

/** What a verb's object starts with: a determiner, a noun or a name, an adjective, a number, a pronoun. */
const OBJECT_STARTS = new Set(['DET', 'NOUN', 'PROPN', 'ADJ', 'NUM', 'PRON'])

/**
 * A word read as a verb and followed by its object (`Deconstructing Lottery Tickets`, `Comparing Rewinding`): a verb
 * at work. A gerund that names a thing stands alone or before a preposition (`Example Forgetting during …`, `Through
 * Coin-Betting`), and stays a key phrase.
 */
function isVerbWithObject(t: TextToken, next: TextToken | undefined): boolean {
  if (t.pos !== 'VERB' || next === undefined) return false
  return OBJECT_STARTS.has(next.pos) || (next.pos === 'VERB' && next.lower.endsWith('ing'))
}

function canStart(t: TextToken, single: boolean): boolean {
  if (t.pos === 'ADV' || t.pos === 'NUM') return false
  // Title verbs (`Revisiting`, `Explaining`) start no phrase; a lone gerund (`Pruning`, `Grokking`) can be one.
  if (t.pos === 'VERB') return single && t.lower.endsWith('ing')
  return true
}

/**
 * Words ending like adjectives (`neural`, `robust`, `adversarial`) end no key phrase even when a title's
 * capitals make the tagger call them nouns; these nouns are the exceptions.
 */
const NOUNS_LIKE_ADJECTIVES = new Set([
  'signal', 'interval', 'potential', 'trial', 'proposal', 'removal', 'retrieval', 'survival', 'arrival', 'rival', 'tutorial',
  'objective', 'derivative', 'alternative', 'perspective', 'incentive', 'logic', 'topic', 'metric', 'heuristic', 'music',
  'dynamic', 'mechanic', 'statistic', 'graphic', 'clinic', 'epic', 'variable', 'table', 'cable', 'collective', 'initiative',
  'representative', 'primitive', 'narrative', 'detective', 'adjective', 'explosive', 'positive', 'negative', 'fusion',
])
const ADJECTIVE_ENDINGS = /(al|ive|ous|ic|ical|able|ible|ful|less|ary|ant|ent)$/
const NOUN_ENDINGS_KEPT = /(ment|gradient|agent|component|coefficient|descent|event|content|student|parent|constant|variant|quadrant|entent)$/
const NEVER_LAST = new Set(['deep', 'robust', 'early', 'large', 'small', 'wide', 'shallow', 'good', 'better', 'best', 'high', 'low', 'simple', 'new', 'novel', 'sparse', 'random', 'overparameterized', 'pretrained', 'trained', 'many', 'much', 'several', 'various', 'different', 'same'])

function canEnd(t: TextToken): boolean {
  if (!(t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'X' || (t.pos === 'VERB' && t.lower.endsWith('ing')))) return false
  const w = t.lower
  if (NEVER_LAST.has(w)) return false
  // Names written in camel case (`ResNet`, `FastICA`) are nouns whatever their ending.
  if (NOUNS_LIKE_ADJECTIVES.has(w) || NOUN_ENDINGS_KEPT.test(w) || /[a-z][A-Z]/.test(t.text)) return true
  return !(w.length > 4 && ADJECTIVE_ENDINGS.test(w))
}

/**
 * `... kernel (NTK)`: an upper-case token in brackets whose letters start the phrase's last words; for a
 * phrase of fewer words than the acronym has letters (`Autoencoders (AEs)`, `Manifold-Probabilistic
 * Projection Models (MPPM)`), its first letter and then the others in order, inside the words. So `Models`
 * alone does not define `MPPM`.
 */
function definesAcronym(tokens: readonly TextToken[], after: number, words: string[]): boolean {
  if (tokens[after]?.text !== '(' || tokens[after + 2]?.text !== ')') return false
  const acronym = tokens[after + 1]?.text ?? ''
  if (!/^[A-Z][A-Za-z0-9-]*[A-Z]s?$/.test(acronym)) return false
  const initials = words.map((w) => w[0]?.toUpperCase() ?? '').join('')
  const letters = acronym.replace(/s$/, '').replace(/[^A-Z]/g, '')
  if (letters.length < 2) return false
  if (initials.length >= letters.length) return initials.endsWith(letters)
  if (initials[0] !== letters[0]) return false
  const spelled = words.join(' ').toUpperCase()
  let at = 0
  for (const letter of letters) {
    at = spelled.indexOf(letter, at) + 1
    if (at === 0) return false
  }
  return true
}

/** Every word (and every part of a hyphenated one) starts with a capital: `Irregular Time Series`. */
function isTitleCase(text: string): boolean {
  return text.split(/[\s-]+/).every((w) => /^\p{Lu}/u.test(w))
}

function isCapitalised(words: string[]): boolean {
  // Short words (`of`, `for`) may stay lower case in a capitalised phrase; a phrase of short words only
  // (`map`, `SGD`) is capitalised when all of them are.
  const long = words.filter((w) => w.length > 3)
  return (long.length > 0 ? long : words).every((w) => /^[A-Z]/.test(w)) && words.length > 0
}

/**
 * Neighbour evidence per phrase key: the share of the similar papers that list it, each weighed by its similarity
 * squared, so the nearest papers speak for the text more than the tenth does (the nearest is at a median 0.53, the
 * tenth at 0.26: four times the weight, not twice). On the training-year splits key-word F1@3 rose from 0.436 to 0.442
 * (CV 0.460 to 0.462; no temporal split lower at SVD seeds 1–4): *A Brief Prehistory of Double Descent* now shows
 * `Deep Double Descent` and *MALI* `Ordinary Differential Equations`, as curated. Fewer neighbours gained on the next
 * year and lost in cross-validation; a power of 3 or 4 lost 2021 at two seeds (eval/README.md).
 */
export function neighbourScores(
  neighbours: readonly KeywordNeighbour[] | undefined,
  nlp?: NlpPort,
  keyOf?: Readonly<Record<string, string>>,
): Map<string, { score: number; display: string }> {
  const out = new Map<string, { score: number; display: string }>()
  if (!neighbours || neighbours.length === 0) return out
  const weight = (n: KeywordNeighbour): number => Math.max(0, n.similarity) ** 2
  const total = neighbours.reduce((s, n) => s + weight(n), 0)
  if (total <= 0) return out
  for (const n of neighbours) {
    const w = weight(n) / total
    for (const [k, display] of keysOfList(n.keywords, keyOf, nlp)) {
      if (k === '') continue
      const entry = out.get(k)
      if (entry) entry.score += w
      else out.set(k, { score: w, display })
    }
  }
  return out
}

const keysByList = new WeakMap<readonly string[], { keyOf: object | undefined; nlp: NlpPort | undefined; keys: ReadonlyArray<readonly [string, string]> }>()

/**
 * A paper's curated key words as keys, each once with its first spelling, in the order listed: found once per list,
 * as one curated paper is a neighbour of many texts.
 */
function keysOfList(keywords: readonly string[], keyOf: Readonly<Record<string, string>> | undefined, nlp: NlpPort | undefined): ReadonlyArray<readonly [string, string]> {
  const known = keysByList.get(keywords)
  if (known && known.keyOf === keyOf && known.nlp === nlp) return known.keys
  const normal = (k: string): string => (keyOf && Object.hasOwn(keyOf, k) ? (keyOf[k] as string) : normalizeKeyword(k, nlp))
  const firstSpelling = new Map<string, string>()
  for (const x of keywords) {
    const k = normal(x)
    if (!firstSpelling.has(k)) firstSpelling.set(k, x)
  }
  const keys = [...firstSpelling]
  keysByList.set(keywords, { keyOf, nlp, keys })
  return keys
}

const normalized = new Map<string, string>()

/** {@link normalizePhrase}, memoised: curated key words repeat across the library. */
export function normalizeKeyword(keyword: string, nlp?: NlpPort): string {
  let key = normalized.get(keyword)
  if (key === undefined) {
    key = normalizePhrase(keyword, nlp)
    if (normalized.size > 50_000) normalized.clear()
    normalized.set(keyword, key)
  }
  return key
}

type Stats = Pick<KeywordModel, 'documentCount' | 'documentFrequency' | 'keywordFrequency'>

/**
 * `tag`: {@link tagFeature} of the key word's classifier probability (0 without one). `counted`: the library's phrase
 * counts include this text (a curated paper when fitting, or a library paper ranked after the fit).
 */
function featureRow(c: KeywordCandidate, neighbourScore: number, topicScore: number, model: Stats, exclude?: { df: boolean; kf: boolean }, tag = 0, counted = exclude?.df ?? false): number[] {
  const df = Math.max(0, (model.documentFrequency[c.key] ?? 0) - (exclude?.df ? 1 : 0))
  const kf = Math.max(0, (model.keywordFrequency[c.key] ?? 0) - (exclude?.kf ? 1 : 0))
  const idf = Math.log((1 + model.documentCount) / (1 + df)) + 1
  const inText = c.count > 0
  const tfidf = (1 + Math.log(Math.max(1, c.count))) * idf
  if (!inText) {
    // A key word the text does not spell out stands on the similar papers' evidence alone.
    const coverage = c.completes ?? 0
    return [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, neighbourScore, neighbourScore * neighbourScore, coverage, coverage * Math.log1p(kf), 0, topicScore, 1, 0, tag, 0]
  }
  return [
    Math.log1p(kf),
    (kf + 0.01) / (df + 1),
    tfidf / 8,
    c.inTitle ? 1 : 0,
    1 - c.firstPosition,
    c.n === 1 ? 1 : 0,
    c.n === 2 ? 1 : 0,
    c.n >= 3 ? 1 : 0,
    c.hasAcronym ? 1 : 0,
    c.capitalised ? 1 : 0,
    Math.log(c.count),
    neighbourScore,
    0,
    0,
    0,
    0,
    topicScore,
    0,
    0,
    tag,
    0,
    writtenInsideShare(c, model, counted),
  ]
}

/**
 * The share of a phrase's uses written inside a longer phrase of the text that another text of the library writes too. A
 * phrase the text writes only inside a longer one is a part of that term (the nested terms of Frantzi, Ananiadou and
 * Mima's C-value): `regularization` where the text only writes `spectral regularization`, which curators list and the
 * ranker had put under the curated `Regularization`. On the training-year splits it raised key-word F1@3 from 0.430 to
 * 0.436 (CV 0.454 to 0.460); counting `X of Y` phrases too gave 2021 0.006 less (eval/README.md). `own`: the library's
 * counts include this text, so a phrase around one of its phrases needs a second text.
 */
function writtenInsideShare(c: KeywordCandidate, model: Stats, own: boolean): number {
  const uses = c.writtenInside ?? []
  if (uses.length === 0) return 0
  const elsewhere = own ? 2 : 1
  return uses.filter((around) => around.some((key) => (model.documentFrequency[key] ?? 0) >= elsewhere)).length / uses.length
}

/** In-text candidates, curated key words the text partly spells out, and key words of similar papers. */
function allCandidates(
  doc: PreparedText,
  scores: Map<string, { score: number; display: string }>,
  model: Stats & Pick<KeywordModel, 'display'>,
  suggested: ReadonlyMap<string, number> = new Map(),
): KeywordCandidate[] {
  const inText = candidatesOf(doc)
  const byKey = new Map(inText.map((c) => [c.key, c]))
  const extra = new Map<string, KeywordCandidate>()
  const completions = completionIndex(model)
  for (const c of inText) {
    for (const key of completions.get(c.key) ?? []) {
      if (byKey.has(key)) continue
      const coverage = c.n / key.split(' ').filter((w) => !LINKS.has(w)).length
      const existing = extra.get(key)
      let completing = existing
      if (!existing || (existing.completes ?? 0) < coverage) extra.set(key, (completing = outOfText(key, model.display[key] ?? key, coverage)))
      // The ranker reads every completion (dropping those in another compound cost 0.008 of the training-year F1,
      // eval/README.md); only one in the key word's own compound supports a suggestion (suggestionSupport).
      completedParts.set(completing as KeywordCandidate, [...((existing && completedParts.get(existing)) ?? []), c.key])
    }
  }
  for (const [key, { display }] of scores) {
    if (!byKey.has(key) && !extra.has(key)) extra.set(key, outOfText(key, display, 0))
  }
  for (const [key, share] of suggested) {
    if (share >= MIN_SUGGESTED_SHARE && !byKey.has(key) && !extra.has(key)) extra.set(key, outOfText(key, model.display[key] ?? key, 0))
  }
  return [...inText, ...extra.values()]
}

/** A curated key word the text partly spells out → the phrases of the text it completes. */
const completedParts = new WeakMap<KeywordCandidate, readonly string[]>()

/**
 * True when the text writes `part` where it can be the piece of `key` it is: alone or after the word `key` writes
 * before it. `descent` of *Coordinate Descent for Sparse Regression*, always written `coordinate descent`, is no piece
 * of `Deep Double Descent` (`double descent`), as the topic model reads a word by the compound it heads (compounds.ts).
 */
function completesInCompound(doc: PreparedText, part: string, key: string): boolean {
  const words = key.split(' ')
  const n = part.split(' ').length
  const at = words.findIndex((_, i) => words.slice(i, i + n).join(' ') === part)
  const modifier = at > 0 && !LINKS.has(words[at - 1] as string) ? words[at - 1] : undefined
  if (modifier === undefined) return true
  const before = wordsBefore(doc, part)
  return before.has('') || before.has(modifier)
}

const wordsBeforeByDoc = new WeakMap<PreparedText, Map<string, ReadonlySet<string>>>()

/** The content words a text writes right before a phrase of it ('' for none), found once per text and phrase. */
function wordsBefore(doc: PreparedText, part: string): ReadonlySet<string> {
  let byPart = wordsBeforeByDoc.get(doc)
  if (!byPart) wordsBeforeByDoc.set(doc, (byPart = new Map()))
  let found = byPart.get(part)
  if (!found) {
    const out = new Set<string>()
    for (const { tokens, start } of spansOf(doc, part)) {
      const t = tokens[start - 1]
      out.add(t === undefined || !isContentToken(t) ? '' : phraseWordKey(t))
    }
    byPart.set(part, (found = out))
  }
  return found
}

/** Key word → confidence-weighted share of the paper's topics' curated papers that list it. */
function topicSuggestions(model: Pick<KeywordModel, 'topicKeywordShare'>, topics: readonly KeywordTopic[]): Map<string, number> {
  const out = new Map<string, number>()
  for (const { label, confidence } of topics) {
    for (const [key, share] of Object.entries(model.topicKeywordShare[label] ?? {})) out.set(key, (out.get(key) ?? 0) + confidence * share)
  }
  return out
}

function outOfText(key: string, text: string, completes: number): KeywordCandidate {
  return { key, text, n: key.split(' ').filter((w) => !LINKS.has(w)).length, count: 0, inTitle: false, firstPosition: 1, hasAcronym: false, capitalised: false, completes }
}

/** Curated key words listed at least twice, indexed by each of their shorter word runs. */
const completionCache = new WeakMap<object, Map<string, string[]>>()
function completionIndex(model: Stats): Map<string, string[]> {
  let index = completionCache.get(model.keywordFrequency)
  if (index) return index
  index = new Map()
  for (const [key, kf] of Object.entries(model.keywordFrequency)) {
    if (kf < 2) continue
    const words = key.split(' ')
    for (let i = 0; i < words.length; i++) {
      for (let j = i + 1; j <= words.length; j++) {
        if (j - i === words.length || LINKS.has(words[i] as string) || LINKS.has(words[j - 1] as string)) continue
        const part = words.slice(i, j).join(' ')
        const list = index.get(part) ?? index.set(part, []).get(part)!
        list.push(key)
      }
    }
  }
  completionCache.set(model.keywordFrequency, index)
  return index
}

function toSparse(row: number[]): SparseVector {
  return { indices: Int32Array.from(row.map((_, i) => i)), values: Float32Array.from(row) }
}

/**
 * Learns phrase statistics from the library and fits the ranker on papers with curated key words.
 * A curated paper is scored without its own key words (leave-one-out), as an unseen paper would be.
 * @example const model = fitKeywordModel(papers.map((p) => ({ doc: prepareText(p), keywords: p.keywords })))
 */
export function fitKeywordModel(docs: readonly KeywordTrainingDoc[], { l2 = 1e-3, nlp }: KeywordFitOptions = {}): KeywordModel {
  const documentFrequency: Record<string, number> = {}
  const keywordFrequency: Record<string, number> = {}
  const inText = docs.map((d) => candidatesOf(d.doc))
  const keyOf: Record<string, string> = {}
  const spellings = new Map<string, Map<string, number>>()
  const gold = docs.map((d) => {
    const keys = new Set<string>()
    for (const k of d.keywords ?? []) {
      const key = normalizeKeyword(k, nlp)
      keyOf[k] = key
      if (key === '') continue
      keys.add(key)
      const counts = spellings.get(key) ?? spellings.set(key, new Map()).get(key)!
      counts.set(k.trim(), (counts.get(k.trim()) ?? 0) + 1)
    }
    return keys
  })
  // A key word is shown as people most often write it; among equals, the first in code-unit order, so the
  // order papers were imported in (which orders `docs`) does not decide it.
  const display: Record<string, string> = {}
  for (const [key, counts] of spellings) {
    display[key] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0]![0]
  }
  inText.forEach((cs) => {
    for (const c of cs) documentFrequency[c.key] = (documentFrequency[c.key] ?? 0) + 1
  })
  gold.forEach((keys) => {
    for (const k of keys) keywordFrequency[k] = (keywordFrequency[k] ?? 0) + 1
  })
  // Topic → key word counts over curated papers that have key words.
  const topicPapers = new Map<string, number>()
  const topicCounts = new Map<string, Map<string, number>>()
  docs.forEach((d, i) => {
    const keys = gold[i] as Set<string>
    if (keys.size === 0) return
    for (const t of new Set(d.topics ?? [])) {
      topicPapers.set(t, (topicPapers.get(t) ?? 0) + 1)
      const counts = topicCounts.get(t) ?? topicCounts.set(t, new Map()).get(t)!
      for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1)
    }
  })
  const topicKeywordShare: Record<string, Record<string, number>> = {}
  for (const [t, counts] of topicCounts) {
    const n = topicPapers.get(t) ?? 1
    const shares: Record<string, number> = {}
    for (const [k, c] of counts) if (c >= 2 && c / n >= MIN_TOPIC_SHARE) shares[k] = c / n
    topicKeywordShare[t] = shares
  }
  // Per-key-word classifiers; a curated paper's probabilities leave it out, as its key-word counts do.
  const tagFit = fitKeywordTags(docs.map((d) => d.doc), gold)
  const curatedDocuments = gold.filter((keys) => keys.size > 0).length
  const firstYear = firstYears(docs, inText, gold, keywordFrequency)
  const base = { kind: 'keywords' as const, version: MODEL_VERSION, documentCount: docs.length, documentFrequency, keywordFrequency, display, keyOf, topicKeywordShare, ...(tagFit ? { tags: tagFit.model } : {}), curatedDocuments, ...(firstYear ? { firstYear } : {}) }
  const xs: SparseVector[] = []
  const ys: number[] = []
  docs.forEach((d, i) => {
    const keys = gold[i] as Set<string>
    if (keys.size === 0) return
    const scores = neighbourScores(d.neighbours, nlp)
    const own = [...new Set(d.topics ?? [])]
    // Leave-one-out topic shares: the paper's own key words do not count for it.
    const topicScore = (key: string): number =>
      own.reduce((sum, t) => {
        const n = topicPapers.get(t) ?? 0
        const c = (topicCounts.get(t)?.get(key) ?? 0) - (keys.has(key) ? 1 : 0)
        return n > 1 && c >= 1 ? sum + c / (n - 1) / own.length : sum
      }, 0)
    const suggested = topicSuggestions(base, own.map((label) => ({ label, confidence: 1 / own.length })))
    const tags = tagFit?.trainProbabilities[i]
    for (const c of allCandidates(d.doc, scores, base, suggested)) {
      xs.push(toSparse(featureRow(c, scores.get(c.key)?.score ?? 0, topicScore(c.key), base, { df: c.count > 0, kf: keys.has(c.key) }, tagFeature(tags?.get(c.key)))))
      ys.push(keys.has(c.key) ? 1 : 0)
    }
  })
  if (!ys.includes(1) || !ys.includes(0)) return { ...base, weights: [...DEFAULT_WEIGHTS] }
  const positives = ys.filter((y) => y === 1).length
  const ranker = fitSoftmax(xs, ys, 2, KEYWORD_FEATURES.length, {
    l2,
    classWeights: [1, Math.min(20, (ys.length - positives) / positives)],
  })
  const stride = KEYWORD_FEATURES.length + 1
  const weights = Array.from({ length: stride }, (_, f) => (ranker.weights[stride + f] as number) - (ranker.weights[f] as number))
  return { ...base, weights }
}

/** For each curated key word, the year of the first dated paper that writes it or lists it; none when no paper is dated. */
function firstYears(
  docs: readonly KeywordTrainingDoc[],
  inText: readonly (readonly KeywordCandidate[])[],
  gold: readonly Set<string>[],
  keywordFrequency: Record<string, number>,
): Record<string, number> | undefined {
  const first: Record<string, number> = {}
  docs.forEach((d, i) => {
    const year = d.year
    if (year === undefined) return
    const keys = [...(inText[i] ?? []).map((c) => c.key), ...(gold[i] ?? [])]
    for (const key of keys) {
      const seen = first[key]
      if ((keywordFrequency[key] ?? 0) > 0 && (seen === undefined || year < seen)) first[key] = year
    }
  })
  return Object.keys(first).length > 0 ? first : undefined
}

/**
 * A key word the text does not spell out is not suggested for a paper dated this many years or more before the
 * library's first paper that writes it or lists it: the concept had no such name yet (`Neural Tangent Kernel`,
 * first written in 2018, for *Learning the kernel with hyperkernels* of 2005; `Information Bottleneck` for the
 * back-propagation paper of 1988). Curators list the papers that coined a name soon after: *Language models are
 * few-shot learners* (2020) is rightly suggested `Large Language Models`, first written in 2022. On the richest
 * library (eval/README.md) 68 of 139 suggestions were for papers dated before their key word's first year. Read by
 * hand, of the 24 dated 1–4 years before it 13 were right and 11 wrong; of the 44 dated 5 or more years before it 39
 * were wrong and 5 right (`Book` for Vapnik's two books, `Convolutional Neural Networks` for the Neocognitron, `No Free
 * Lunch Theorem` for *No free lunch theorems for search*, whose `No` no phrase of the text keeps). The evaluations'
 * test papers are all later than their training papers, so their scores cannot move.
 */
export const SUGGESTION_YEARS_AHEAD = 5

/**
 * Phrases past the `min` first are shown only from this score on. Curated papers list 1.7 key words on
 * average, so a third phrase mostly costs precision: on the training-year validation splits (eval/README.md)
 * key-word F1@3 is 0.363 when three phrases are always shown, 0.417 with a 0.5 cut-off, and 0.426–0.428 on
 * the plateau from 0.8 to 0.95 (0.9 taken from its middle), where a third phrase is rare.
 */
export const KEYWORD_MIN_SCORE = 0.9
const libraryWordSets = new WeakMap<KeywordModel, ReadonlySet<string>>()

/**
 * Every word of the phrases the library's papers write (the key-word model's document frequencies, which no
 * frequency cut thins: `neural` and `network` are there, though too common for the topic model's terms).
 */
export function libraryWords(model: KeywordModel): ReadonlySet<string> {
  let words = libraryWordSets.get(model)
  if (!words) {
    words = new Set(Object.keys(model.documentFrequency).flatMap((key) => key.split(' ').filter((w) => !LINKS.has(w))))
    libraryWordSets.set(model, words)
  }
  return words
}

/** A key word the text does not spell out is taken under this score only when the text offers too few phrases. */
export const KEYWORD_MIN_SUGGESTION_SCORE = 0.3

export interface ExtractOptions {
  max?: number
  min?: number
  minScore?: number
  /** Suggestions (key words not in the text) under this score come last ({@link KEYWORD_MIN_SUGGESTION_SCORE}). */
  minSuggestionScore?: number
  /**
   * Phrases under this score never fill the list to `min`: the list is shorter instead ({@link MIN_FILL_IN_SCORE}, or
   * `minScore` when that is lower).
   */
  minFillScore?: number
  /** Curated papers most similar to this one, for key words its text does not spell out. */
  neighbours?: readonly KeywordNeighbour[]
  /** The paper's topics (curated, or predicted with their confidences), for key words typical of them. */
  topics?: readonly KeywordTopic[]
  /**
   * The topics a reader sees the paper under (its curated ones, or the predicted ones assigned to it): a key word's
   * reason names another topic as only near the paper. Every topic of `topics` unless given.
   */
  shownTopics?: readonly string[]
  /**
   * The paper's curated key words: a phrase that restates one ({@link restatesKeyword}) is never shown beside it
   * ({@link keywordsBesideCurated}), so it is passed over and hides no phrase it is inside; it still hides its own
   * pieces and the phrases it chains with.
   */
  curated?: readonly string[]
  /**
   * The classifier left the paper unsorted though not off topic (one word decided its best topic, or no topic reached
   * the bar; {@link keywordEvidence}): its similar papers and topics are near it by little, so a key word it does not
   * spell out needs what one they do not list needs ({@link UNBACKED_SUGGESTION_MIN_PROBABILITY}).
   */
  unsorted?: boolean
  /** The year the paper is dated, when known: no key word first written long after it is suggested ({@link SUGGESTION_YEARS_AHEAD}). */
  year?: number
  nlp?: NlpPort
}

/** What a paper's topics give its key words ({@link keywordEvidence}). */
export interface KeywordEvidence {
  /** The topics whose curated papers' key words may be suggested for it ({@link ExtractOptions.topics}). */
  topics: KeywordTopic[]
  /** The topics a reader sees it under ({@link ExtractOptions.shownTopics}). */
  shownTopics: string[]
  /** False for an off-topic text: its nearest curated papers are near by accident, so they suggest nothing. */
  similarPapers: boolean
  /** True for a text left unsorted but not off topic: what its similar papers and topics suggest is weak ({@link ExtractOptions.unsorted}). */
  unsorted: boolean
}

/**
 * What a paper's topics give its key words, the one rule the library's analysis, `classify` and the evals follow. A
 * curated paper draws on its curated topics in equal shares, a predicted one on its best topics by the confidence in
 * each (a topic it is not shown under is named as near it), and so does a paper unsorted because no topic reaches
 * the model's `unsortedBelow` (`unsortedBecause` 'low-confidence'): its confidences are low and say so. A paper the
 * classifier withheld a topic from though one reached that bar ('off-topic', or 'one-word': one word decided it) draws
 * on none: its confidences are no evidence. *Coordinate Descent for Sparse Regression* (“Deep Double Descent” 0.36, on
 * `regression` alone) had been suggested `Deep Double Descent` partly by that topic. Dropping every unsorted paper's
 * topics instead cost 0.005 of the training-year temporal key-word F1: near-bar texts lost right suggestions
 * (eval/README.md). Either unsorted paper's suggestions still need papers worded like it to list them (`unsorted`):
 * `Robustness` for AlexNet came from two of its ten similar papers.
 * @example
 * const e = keywordEvidence([], classifyTopics(topicModel, doc))
 * extractKeywords(model, doc, { topics: e.topics, shownTopics: e.shownTopics, neighbours: e.similarPapers ? neighbours : [] })
 */
export function keywordEvidence(
  curated: readonly string[],
  prediction: Pick<TopicPrediction, 'topics' | 'unsorted' | 'offTopic' | 'unsortedBecause'> | null,
): KeywordEvidence {
  const shownTopics = assignTopics(curated, prediction).map((t) => t.label)
  if (curated.length > 0) return { topics: curated.map((label) => ({ label, confidence: 1 / curated.length })), shownTopics, similarPapers: true, unsorted: false }
  const withheld = prediction?.unsortedBecause === 'off-topic' || prediction?.unsortedBecause === 'one-word'
  const topics = prediction && !withheld ? prediction.topics.map(({ label, confidence }) => ({ label, confidence })) : []
  const unsorted = prediction?.unsortedBecause === 'one-word' || prediction?.unsortedBecause === 'low-confidence' || prediction?.unsortedBecause === 'named-later'
  return { topics, shownTopics, similarPapers: !(prediction?.offTopic ?? false), unsorted }
}

/**
 * The best 2–5 key phrases of a paper, best first (none for a text not in English); overlapping phrases (one
 * inside the other) keep only the better. Phrases under `minScore` ({@link KEYWORD_MIN_SCORE} unless given) are dropped once `min` phrases are
 * chosen.
 * @example extractKeywords(model, prepareText({ title, text: abstract })).map((k) => k.text)
 */
export function extractKeywords(model: KeywordModel, text: PreparedText, { max = 5, min = 2, minScore = KEYWORD_MIN_SCORE, minSuggestionScore = KEYWORD_MIN_SUGGESTION_SCORE, minFillScore = Math.min(MIN_FILL_IN_SCORE, minScore), neighbours, topics = [], shownTopics = topics.map((t) => t.label), curated = [], unsorted = false, year, nlp }: ExtractOptions = {}): ExtractedKeyword[] {
  // The phrases and their ranker are English: another language gets none rather than `les` or a whole title.
  if (!textLanguage(text).english) return []
  const doc = keywordText(text)
  const scores = neighbourScores(neighbours, nlp, model.keyOf)
  const suggested = topicSuggestions(model, topics)
  // The per-key-word classifiers were fitted on the texts as the tagger read them.
  const tags = model.tags ? keywordTagProbabilities(model.tags, text) : undefined
  // A library paper ranked after the fit is in the phrase counts (every phrase of it counted; a new text almost always
  // has a phrase no other text writes): a longer phrase around one of its phrases then needs another text beside it.
  const counted = candidatesOf(doc).every((c) => (model.documentFrequency[c.key] ?? 0) > 0)
  const scored = allCandidates(doc, scores, model, suggested)
    .map((c) => {
      const row = featureRow(c, scores.get(c.key)?.score ?? 0, suggested.get(c.key) ?? 0, model, undefined, tagFeature(tags?.get(c.key)), counted)
      // The contributions are spelled out only for the phrases shown; the sum is the same, in the same order.
      let z = model.weights[row.length] ?? 0
      for (let i = 0; i < row.length; i++) z += (row[i] as number) * (model.weights[i] ?? 0)
      return { c, score: 1 / (1 + Math.exp(-z)), row }
    })
    .sort((a, b) => b.score - a.score || (a.c.key < b.c.key ? -1 : 1))
  // An acronym that ranks high stands for its spelled-out phrase when the text has both (`SNNs` → `Spiking
  // Neural Networks`): curated key words spell concepts out, and a reader new to the field can read them.
  for (const s of scored) {
    const letters = acronymLetters(s.c)
    if (letters === '') continue
    const long = scored.find((o) => o.c.count > 0 && o.c.n >= 2 && spellsOut(o.c.text, letters, true))
    if (long) s.c = long.c
  }
  // A phrase a Title-Case title cut short (`Irregular Time` of `… for Irregular Time Series`: the tagger reads
  // capitalised words badly) is shown whole when the short one is no phrase of its own: it is no curated key
  // word, every occurrence in the text is inside the longer one, and so is every paper of the corpus that has it.
  const df = (key: string): number => model.documentFrequency[key] ?? 0
  // The last word of a question is mostly its verb (`What Makes In-Context Learning Work?`), no noun to add.
  const questionEnds = new Set(doc.title.flatMap((sentence) => (sentence.tokens.at(-1)?.text === '?' ? [sentence.tokens.at(-2)?.text ?? ''] : [])))
  const titleCase = isTitleCaseTitle(doc.title)
  for (const s of scored) {
    if (!s.c.inTitle || s.c.count === 0 || (model.keywordFrequency[s.c.key] ?? 0) > 0) continue
    const whole = scored.find(
      (o) => o.c.n === s.c.n + 1 && o.c.inTitle && o.c.count === s.c.count && o.c.key.startsWith(`${s.c.key} `) && isTitleCase(o.c.text) && df(s.c.key) <= df(o.c.key) && !questionEnds.has(o.c.text.split(' ').at(-1) ?? ''),
    )
    if (whole) s.c = whole.c
    // The same when the longer phrase is no candidate because the tagger misread the word next to it.
    else if (titleCase) s.c = grownInTitle(doc, s.c, scored) ?? s.c
  }
  // A word that is no key word of its own is shown as the phrase the text first writes it in, when other papers write
  // that phrase too: `adversarial attacks`, not `attacks`, where the text goes on to `test-time attacks` and `greedy
  // attacks` (the word alone outranks the phrase by its count, and the phrase then overlaps it). A generic word stays
  // as it is, to fill in last (`training data` says no more than `data`).
  const firstWrittenAfter = wordsBeforeFirstUse(doc)
  for (const s of scored) {
    const c = s.c
    if (c.n !== 1 || c.count === 0 || (model.keywordFrequency[c.key] ?? 0) > 0 || isGenericWord(model, c)) continue
    const before = firstWrittenAfter.get(c.key)
    if (!before || !isContentToken(before)) continue
    const key = `${phraseWordKey(before)} ${c.key}`
    if (df(key) < 2 && (model.keywordFrequency[key] ?? 0) === 0) continue
    const modified = scored.find((o) => o.c.key === key && o.c.count > 0)
    if (modified) s.c = modified.c
  }
  // Phrases that read as key words and are none: comparisons (`Bigger Models`), a title's own wording (see
  // isTitleWording) and a verb at work that no curator lists (`Deconstructing` of *Deconstructing Lottery Tickets*, a
  // fill-in at 0.19; a listed gerund such as `Pruning` stays). They are only not shown; the ranker is fitted on every
  // candidate as before, so hiding them moves no other paper's key words.
  const elsewhere = phrasesElsewhere(model, doc, counted)
  // Asked of a phrase several times (the cut pieces, their wholes, the list), so told once each.
  const hiddenAsWritten = new Map<KeywordCandidate, boolean>()
  const hidden = (c: KeywordCandidate): boolean => {
    let told = hiddenAsWritten.get(c)
    if (told === undefined) {
      told =
        (c.count > 0 && startsWithComparative(c)) ||
        (c.inTitle && (model.keywordFrequency[c.key] ?? 0) === 0 && isTitleWording(doc, c, elsewhere)) ||
        (c.verbWithObject === true && (model.keywordFrequency[c.key] ?? 0) === 0) ||
        (c.count > 0 && (model.keywordFrequency[c.key] ?? 0) === 0 && isFragment(doc, c, df, elsewhere))
      hiddenAsWritten.set(c, told)
    }
    return told || cut.has(c)
  }
  // A phrase no other text writes and no curator lists, cut where the text's noun phrase runs on (`efficient
  // foundation` of *LLaMA: Open and efficient foundation language models*, `Pointer sentinel` of *Pointer sentinel
  // mixture models*), is shown as the whole noun phrase, which the text writes wherever it writes the piece: phrases
  // no other text writes score alike but for their length, so the two-word piece outranked the whole. One whose noun
  // phrase runs on past four words is not shown (`simple automatic derivative evaluation` before `program`). Pieces the rules above hide keep their place: their whole would outrank the
  // phrase the library knows (`Theory of Dynamic Programming` for `Dynamic Programming`). Of one word, only a name the
  // tagger reads as one grows so (`Swin` of *Swin transformer: …*, which showed `Transformers | Swin`), and it may stand
  // beside its head noun: a model and its kind (`Transformers | Swin transformer`), a method and its field.
  const cut = new Set<KeywordCandidate>()
  const named = new Set<(typeof scored)[number]>()
  for (const s of scored) {
    const c = s.c
    // Whether a phrase is hidden is asked last: of the many one-word phrases, only names get that far.
    if (c.count === 0 || (model.keywordFrequency[c.key] ?? 0) > 0 || elsewhere.of(c.key) > 0) continue
    if ((c.n === 1 && !isNameBeforeNoun(doc, c)) || hidden(c)) continue
    const whole = wholeNounPhrase(doc, c, scored)
    if (whole === undefined) cut.add(c)
    else if (whole !== null && !hidden(whole)) {
      s.c = whole
      if (c.n === 1) named.add(s)
    }
  }
  // A name with its head noun stands beside the head chosen on its own: `Swin transformer` and `Transformers`.
  type Ranked = (typeof scored)[number]
  const namesKindOf = (whole: Ranked, head: Ranked): boolean => named.has(whole) && whole.c.key.endsWith(` ${head.c.key}`)
  const clashesChosen = (a: Ranked, b: Ranked): boolean => clashes(a.c, b.c) && !namesKindOf(a, b) && !namesKindOf(b, a)
  // A phrase that opens on an adjective the text writes, at every place, right after the noun its noun phrase opens
  // with is shown with that noun, when the text has the longer phrase: a noun before an adjective names the kind
  // (`graph convolutional networks` of *Semi-supervised classification with graph convolutional networks*, not
  // `convolutional networks`), where an adjective before one only qualifies it (`deep convolutional networks`).
  // Only a phrase of two or more words (one word ends a phrase: it opens on no adjective) that some longer candidate ends
  // with can be grown so, told by keys before its places in the text are read; whether it is hidden is asked last.
  const endsLonger = new Set(scored.flatMap(({ c }) => (c.n >= 3 ? [c.key.slice(c.key.indexOf(' ') + 1)] : [])))
  for (const s of scored) {
    const c = s.c
    if (!endsLonger.has(c.key) || c.count === 0 || (model.keywordFrequency[c.key] ?? 0) > 0) continue
    const whole = withNounBefore(doc, c, scored)
    if (whole && !hidden(c) && !hidden(whole)) s.c = whole
  }
  // A phrase of the title of two or more words no other text writes and no curator lists, that the text writes at every
  // place after the same word of its noun phrase, is shown from where that noun phrase opens: `Generative adversarial nets`, not
  // `adversarial nets` (the shorter of two phrases no other text writes outranks the longer by its length alone, as
  // the pieces cut at the end above did), grown to four words at most; not by a word that only rates it (`novel`). A
  // phrase other texts write too is grown only to a title's opening word in -ing they write as a modifier of its noun
  // (`probabilistic models` to `Denoising diffusion probabilistic models`, see namesKindElsewhere): the title's kind of it.
  for (const s of scored) {
    const c = s.c
    if (c.n < 2 || !c.inTitle || (model.keywordFrequency[c.key] ?? 0) > 0) continue
    const whole = withWordsBefore(doc, c, scored)
    if (!whole || (elsewhere.of(c.key) > 0 && !opensOnModifier(doc, whole, elsewhere))) continue
    if (!hidden(c) && !hidden(whole)) s.c = whole
  }
  // A curated key word the text writes word for word though no phrase of the text holds it is the text's own, not a
  // suggestion: no phrase starts on a function word (`No` of `No Free Lunch Theorem` in *No free lunch theorems for
  // search*, which showed `free lunch theorems`) or holds a word the tagger read as a verb (`bound` of a `generalization
  // bound`). Only shown so: the ranker's score is the one it gave the key word.
  for (const s of scored) {
    if (s.c.count > 0 || (model.keywordFrequency[s.c.key] ?? 0) === 0) continue
    const written = spansOf(doc, s.c.key).length
    if (written > 0) s.c = { ...s.c, count: written, inTitle: spansOf(doc, s.c.key, 'title').length > 0 }
  }
  // A phrase that restates a curated key word is not shown beside it, so it must hide no fuller phrase either:
  // `Sharpness` (a piece of the curated `Sharpness-Aware Minimization`) had hidden `sharpness minimization algorithm`.
  // It still hides its own pieces and what chains with it, pieces of the curated key word too (`Units` inside
  // `rectified linear units` beside a curated `ReLU`, `Benefits of Implicit` beside `implicit regularization`).
  const restates = (c: KeywordCandidate): boolean => curated.some((listed) => restatesKeyword({ text: model.display[c.key] ?? c.text, key: c.key }, listed, nlp))
  const passed: KeywordCandidate[] = []
  const hiddenByPassed = (c: KeywordCandidate): boolean => passed.some((o) => clashes(o, c) && !` ${c.key} `.includes(` ${o.key} `))
  // A suggestion neither similar papers nor the paper's topic list (all an off-topic paper's) has only the text behind
  // it; so has every suggestion of a paper left unsorted, whose similar papers and topics are near it by little.
  const weaklyBacked = (key: string): boolean => unsorted || ((scores.get(key)?.score ?? 0) <= 0 && (suggested.get(key) ?? 0) <= 0)
  const supported = suggestionSupport(model, doc, tags, weaklyBacked)
  const chosen: typeof scored = []
  const weak: typeof scored = []
  for (const s of scored) {
    if (chosen.length >= max) break
    if (chosen.length >= min && s.score < minScore) break
    // Under the fill-in bar a phrase is almost never a key word (`Data` at 0.05 of `… Bigger Models and More Data
    // Hurt`): the list is shorter instead. Scores only fall from here.
    if (s.score < minFillScore) break
    if (chosen.some((o) => clashesChosen(o, s)) || hidden(s.c) || hiddenByPassed(s.c)) continue
    if (restates(s.c)) {
      passed.push(s.c)
      continue
    }
    // A key word the text does not spell out and gives no support is no key word of it (`Neural Tangent Kernel`
    // for a paper on evolving mathematical functions).
    if (s.c.count === 0 && !supported(s.c, s.score)) continue
    if (s.c.count === 0 && namedLater(model.firstYear?.[s.c.key], year)) continue
    // A weak suggestion (not in the text, under `minSuggestionScore`) yields to the text's own phrases: it is
    // what a reader questions first (`Quantum Machine Learning` at 0.21 for an online-learning paper); so does a
    // word most papers write that is no key word (`model`, `training`) short of a confident score.
    if ((s.c.count === 0 && s.score < minSuggestionScore) || (s.score < GENERIC_WORD_MIN_SCORE && isGenericWord(model, s.c))) {
      weak.push(s)
      continue
    }
    chosen.push(s)
  }
  // Only when the text offers too few phrases do these fill in, after the rest.
  for (const s of weak) {
    if (chosen.length >= min || chosen.length >= max) break
    if (!chosen.some((o) => clashes(o.c, s.c)) && !hiddenByPassed(s.c)) chosen.push(s)
  }
  const shown = new Set(shownTopics)
  return chosen.map(({ c, score, row }) => ({
    text: model.display[c.key] ?? c.text,
    key: c.key,
    score,
    inText: c.count > 0,
    why: row
      .map((v, i) => ({ label: KEYWORD_FEATURES[i] as string, weight: v * (model.weights[i] ?? 0) }))
      // `not in the text` is the suggestions' baseline, not a reason: the key word's origin already says it.
      // A curated key word the text writes word for word though no phrase holds it was scored as not in the text: its
      // reasons say what they mean for one that is (`papers worded like it list it`), and none says it completes a phrase.
      .filter((x) => x.weight > 0 && x.label !== 'not in the text' && !(c.count > 0 && COMPLETES_FEATURES.has(x.label)))
      .sort((a, b) => b.weight - a.weight)
      .slice(0, 3)
      .map((x) => (TOPIC_FEATURES.has(x.label) ? { ...x, label: namingTopic(x.label, topicBehind(model, topics, c.key), shown) } : x))
      .map((x) => (c.count > 0 ? { ...x, label: x.label.replace(/ \(not in text\)$/, '') } : x)),
  }))
}

/**
 * The year the library first wrote or listed each topic's name, for the topics named by a curated key word
 * ({@link topicsNamedLater}). A name no curator lists (`Others`, `Interactions with Neuroscience`) names no concept with
 * a first year.
 */
export function topicNameYears(model: Pick<KeywordModel, 'firstYear' | 'keywordFrequency' | 'keyOf'>, labels: readonly string[], nlp?: NlpPort): Map<string, number> {
  const out = new Map<string, number>()
  for (const label of labels) {
    const key = model.keyOf?.[label] ?? normalizeKeyword(label, nlp)
    const first = model.firstYear?.[key]
    if ((model.keywordFrequency[key] ?? 0) > 0 && first !== undefined) out.set(label, first)
  }
  return out
}

/**
 * The topics a paper dated `year` is not put under, each with the reason: those whose name the library first wrote or
 * listed {@link SUGGESTION_YEARS_AHEAD} years or more after it ({@link topicNameYears}), as no such key word is suggested
 * to it (`Neural Tangent Kernel` for *Theory of reproducing kernels*, 1950, at 1.00; `Information Bottleneck` for
 * *Elements of Information Theory*, 1999). Hubel and Wiesel's receptive fields (1962) stay under `Interactions with
 * Neuroscience`, a name no curator lists.
 */
export function topicsNamedLater(nameYears: ReadonlyMap<string, number>, year: number | undefined): Map<string, NamedLater> {
  const out = new Map<string, NamedLater>()
  if (year === undefined) return out
  for (const [label, firstYear] of nameYears) if (namedLater(firstYear, year)) out.set(label, { firstYear, year })
  return out
}

/**
 * True when a paper dated `year` is {@link SUGGESTION_YEARS_AHEAD} years or more older than a name the library first
 * wrote in `first`: the one rule for its suggested key words and its topics.
 */
function namedLater(first: number | undefined, year: number | undefined): boolean {
  return year !== undefined && first !== undefined && first - year >= SUGGESTION_YEARS_AHEAD
}

/**
 * A word in at least this share of the library's texts (and {@link GENERIC_WORD_MIN_PAPERS} of them) that curators
 * almost never list where it appears ({@link GENERIC_WORD_MAX_KEYPHRASENESS}) is a generic word: `model`,
 * `training`, `data`, `network`, `performance`.
 */
export const GENERIC_WORD_SHARE = 0.05
const GENERIC_WORD_MIN_PAPERS = 3
const GENERIC_WORD_MAX_KEYPHRASENESS = 0.05
/** A generic word fills a list only after every other phrase, unless it scores this much. */
export const GENERIC_WORD_MIN_SCORE = 0.5

/** True for a single word of the text most papers write and curators do not list (see {@link GENERIC_WORD_SHARE}). */
function isGenericWord(model: Stats, c: KeywordCandidate): boolean {
  if (c.count === 0 || c.n !== 1) return false
  const df = model.documentFrequency[c.key] ?? 0
  const kf = model.keywordFrequency[c.key] ?? 0
  return df >= GENERIC_WORD_MIN_PAPERS && df >= GENERIC_WORD_SHARE * model.documentCount && kf < GENERIC_WORD_MAX_KEYPHRASENESS * df
}

const widestPhrases = new WeakMap<object, ReadonlyMap<string, number>>()

/**
 * Word → the most texts that write one phrase holding it: at least that many write the word (`neural`, which ends no
 * phrase and so has no count of its own, by `neural network`).
 */
function textsWritingWord(model: Stats): ReadonlyMap<string, number> {
  let widest = widestPhrases.get(model.documentFrequency)
  if (!widest) {
    const out = new Map<string, number>()
    for (const [key, n] of Object.entries(model.documentFrequency)) for (const w of key.split(' ')) if (!LINKS.has(w) && n > (out.get(w) ?? 0)) out.set(w, n)
    widestPhrases.set(model.documentFrequency, (widest = out))
  }
  return widest
}

/**
 * True for a word of a phrase that a generic word's share of the library's texts write ({@link GENERIC_WORD_SHARE},
 * counted by {@link textsWritingWord}) and curators do not list alone: `neural`, `network`, `deep`, `theory`.
 */
function isGenericWordOfPhrases(model: Stats, w: string): boolean {
  const n = textsWritingWord(model).get(w) ?? 0
  const kf = model.keywordFrequency[w] ?? 0
  return n >= GENERIC_WORD_MIN_PAPERS && n >= GENERIC_WORD_SHARE * model.documentCount && kf < GENERIC_WORD_MAX_KEYPHRASENESS * n
}

/**
 * A suggestion that no similar paper and no topic of the paper lists (every suggestion of an off-topic paper, whose
 * neighbours and topics are no evidence) is shown only when its classifier gives the text this probability: one in
 * twenty papers worded like it lists it (and more than the share of curated papers that list it). The text's piece of
 * it and "more often than papers do on average" are no support alone: `Gaussian Process` for *A Markovian Decision
 * Process* (0.02 against a share of 0.008, from the shared `process`), `Curriculum Learning` for an LSTM paper
 * (`learning`, 0.015). On the richest library (eval/README.md) it took 9 wrong suggestions of 11 off the off-topic
 * papers and 4 right ones of 16 (`Convolutional Neural Networks` of titles such as *Squeeze-and-excitation networks*,
 * on the one word `networks`); `Large Language Models` of LLaMA (0.057) and OPT (0.077) stay. 0.03 would take 7 wrong
 * and the same 4 right, 0.1 all 11 wrong and 8 right (LLaMA's, OPT's). The training-year splits have almost no such
 * suggestion: their key words are as before.
 * Every suggestion of a paper left unsorted though not off topic ({@link ExtractOptions.unsorted}) needs the same:
 * its similar papers and topics had backed 10 suggestions on the richest library, 8 wrong: `Data Augmentation` for
 * *The Art of Statistics* (classifier 0.024), `Neural Tangent Kernel` for a review of recurrent networks (0.052, under
 * its share of 0.10); 5 wrong and 1 right (`Survey` of that review, 0.048) went, `Robustness` of AlexNet (0.062) and
 * `Information Bottleneck` of the back-propagation paper (0.056) stay. On the training-year splits 3 wrong suggestions
 * gave way to the text's phrases and F1 is as before; asking most of the similar papers' weight instead lost 0.004
 * (temporal), the 0.05 alone lost 0.0066 on a cross-validation split.
 */
export const UNBACKED_SUGGESTION_MIN_PROBABILITY = 0.05

/**
 * Whether the text supports a key word it does not spell out (similar papers or the paper's topic suggest it):
 * it writes a word of it (`kernel` for `Neural Tangent Kernel`) or its acronym (`NTK`), or the key word's
 * classifier gives the text at least the share of curated papers that list it, so papers worded like this one
 * list it more often than papers do on average. With none of these a suggestion is not shown: `Neural Tangent
 * Kernel` (classifier 0.06 against a share of 0.10) and `Lottery Ticket Hypothesis` (0.06 against 0.12) had been
 * the only key words of a paper on evolving mathematical functions. On the training-year splits such suggestions
 * in the app's list were right 2 times in 43 (eval/README.md). A word of the key word, or a piece of it the text
 * completes, counts only where the text writes it on its own or after the word the key word writes before it: the
 * `descent` of `coordinate descent` had supported `Deep Double Descent` (and `Stochastic Gradient Descent`).
 * A weak suggestion (under {@link KEYWORD_MIN_SUGGESTION_SCORE}, which fills a list only when the text offers too few
 * phrases) is supported by no word a generic word's share of the library's texts write ({@link isGenericWordOfPhrases}):
 * `Neural Tangent Kernel` at 0.27 for *Neural collaborative filtering* had rested on `neural` alone. On the training
 * years a wrong `Neural Tangent Kernel` of *Neural Controlled Differential Equations* went, and a wrong `Deep Double
 * Descent` of *Neural Ordinary Differential Equations* (on `deep`) gave way to another wrong suggestion (CV F1 up 0.0009,
 * temporal equal); held for every score up to 0.9 it also took right ones (`Neural Tangent Kernel` of *Explaining
 * Neural Scaling Laws*) and other weak suggestions filled in, CV 0.0022 lower.
 * `weaklyBacked`: no similar paper or topic of the paper lists the key word, or the paper is unsorted; such a
 * suggestion needs its classifier's {@link UNBACKED_SUGGESTION_MIN_PROBABILITY} and the average share, nothing else.
 */
function suggestionSupport(
  model: Pick<KeywordModel, 'display' | 'keywordFrequency' | 'documentCount' | 'documentFrequency' | 'curatedDocuments'>,
  doc: PreparedText,
  tags: ReadonlyMap<string, number> | undefined,
  weaklyBacked: (key: string) => boolean,
): (c: KeywordCandidate, score: number) => boolean {
  // Each word of the text with the content words right before its uses ('' for none): the compounds it heads. Read
  // when a suggestion first asks.
  let read: { words: Map<string, Set<string>>; acronyms: Set<string> } | undefined
  const readText = (): { words: Map<string, Set<string>>; acronyms: Set<string> } => {
    const words = new Map<string, Set<string>>()
    const acronyms = new Set<string>()
    for (const { tokens } of [...doc.title, ...doc.body]) {
      let before = ''
      for (const t of tokens) {
        if (t.kind !== 'word' || t.stop) {
          before = ''
          continue
        }
        for (const key of [termKey(t), phraseWordKey(t), t.lower.replace(/-/g, '')]) (words.get(key) ?? words.set(key, new Set()).get(key)!).add(before)
        before = isContentToken(t) ? phraseWordKey(t) : ''
        if (/^[A-Z][A-Za-z0-9-]*[A-Z]s?$/.test(t.text)) acronyms.add(t.text.replace(/s$/, '').replace(/[^A-Z]/g, ''))
      }
    }
    return { words, acronyms }
  }
  const curated = Math.max(1, model.curatedDocuments ?? model.documentCount)
  // Papers worded like the text list it more often than papers do on average.
  const aboveAverage = (key: string, p: number | undefined): boolean => p !== undefined && p >= (model.keywordFrequency[key] ?? 0) / curated
  return (c, score) => {
    if (c.count > 0) return true
    if (weaklyBacked(c.key)) {
      const p = tags?.get(c.key)
      return p !== undefined && p >= UNBACKED_SUGGESTION_MIN_PROBABILITY && aboveAverage(c.key, p)
    }
    if ((c.completes ?? 0) > 0 && (completedParts.get(c) ?? []).some((part) => completesInCompound(doc, part, c.key))) return true
    const { words, acronyms } = (read ??= readText())
    const all = c.key.split(' ')
    // A word of the key word is support where the text writes it alone or in the key word's own compound: the text's
    // `coordinate descent` is no `double descent` (`Deep Double Descent`), nor its `gradient descent`.
    const written = (w: string, i: number): boolean => {
      const uses = words.get(w)
      if (!uses) return false
      const modifier = i > 0 && !LINKS.has(all[i - 1] as string) ? (all[i - 1] as string) : undefined
      return modifier === undefined || uses.has('') || uses.has(modifier)
    }
    if (all.some((w, i) => !LINKS.has(w) && (score >= KEYWORD_MIN_SUGGESTION_SCORE || !isGenericWordOfPhrases(model, w)) && written(w, i))) return true
    if (phraseInitials(model.display[c.key] ?? c.text).some((initials) => initials.length >= 2 && acronyms.has(initials))) return true
    return aboveAverage(c.key, tags?.get(c.key))
  }
}

const TOPIC_FEATURES = new Set<string>(['typical of the paper’s topic', 'typical of the paper’s topic (not in text)'])

/** The paper's topic whose curated papers make the key word typical (the largest confidence × share). */
function topicBehind(model: Pick<KeywordModel, 'topicKeywordShare'>, topics: readonly KeywordTopic[], key: string): string | undefined {
  let best: { label: string; weight: number } | undefined
  for (const { label, confidence } of topics) {
    const weight = confidence * (model.topicKeywordShare[label]?.[key] ?? 0)
    if (weight > 0 && (!best || weight > best.weight)) best = { label, weight }
  }
  return best?.label
}

/**
 * `typical of the paper’s topic` → `typical of “Neural Collapse” papers`: which topic's curated papers list it. The
 * topic is weighed by the paper's confidence in it, so it can be one the paper is not shown under (a predicted
 * paper's second or third topic); the reason then says so (`…, a topic near this paper`) rather than let a reader
 * take it for the paper's own, and still names it, since that topic is where the weight comes from.
 */
function namingTopic(label: string, topic: string | undefined, shown: ReadonlySet<string>): string {
  if (!topic) return label
  return label.replace('the paper’s topic', shown.has(topic) ? `“${topic}” papers` : `“${topic}” papers, a topic near this paper`)
}

/** A word as a key phrase keys it: a content word by {@link phraseWordKey}, a link (`of`) as written. */
function wordKey(t: TextToken): string {
  return isContentToken(t) ? phraseWordKey(t) : t.lower
}

/** Word key → the token before the word's first use in the title or the text (none at a sentence's start). */
function wordsBeforeFirstUse(doc: PreparedText): Map<string, TextToken | undefined> {
  const out = new Map<string, TextToken | undefined>()
  const { sentences, at } = wordIndex(doc)
  for (const [key, [[s, i]]] of at as ReadonlyMap<string, readonly [readonly [number, number]]>) out.set(key, (sentences[s] as TextSentence).tokens[i - 1])
  return out
}

/** Where a phrase is written: its sentence's tokens and the indices of its first and last word. */
interface Span {
  tokens: readonly TextToken[]
  start: number
  end: number
}

/** A text's sentences, the title's first, with each word's key and where each key is written (sentence, word). */
interface WordIndex {
  sentences: readonly TextSentence[]
  keys: ReadonlyArray<readonly string[]>
  titleSentences: number
  at: ReadonlyMap<string, ReadonlyArray<readonly [number, number]>>
}

/**
 * The indexes of the texts read last. Kept for a few texts, not for each: a library's analysis holds every text at
 * once, and an index per text would hold a tuple per word of the library.
 */
const recentWordIndexes: Array<{ doc: PreparedText; index: WordIndex }> = []
const RECENT_WORD_INDEXES = 4

/** Built once per text: a phrase is looked for many times per text, and keying every word each time took most of the ranking's time. */
function wordIndex(doc: PreparedText): WordIndex {
  const recent = recentWordIndexes.find((r) => r.doc === doc)
  if (recent) return recent.index
  const sentences = [...doc.title, ...doc.body]
  const at = new Map<string, Array<readonly [number, number]>>()
  const keys = sentences.map(({ tokens }, s) =>
    tokens.map((t, i) => {
      const key = wordKey(t)
      ;(at.get(key) ?? at.set(key, []).get(key)!).push([s, i])
      return key
    }),
  )
  const index = { sentences, keys, titleSentences: doc.title.length, at }
  recentWordIndexes.unshift({ doc, index })
  if (recentWordIndexes.length > RECENT_WORD_INDEXES) recentWordIndexes.pop()
  return index
}

/** Every place the title and the text (or the title alone) write a phrase, found by its key, in the order written. */
function spansOf(doc: PreparedText, key: string, where: 'text' | 'title' = 'text'): Span[] {
  const { sentences, keys, titleSentences, at } = wordIndex(doc)
  const words = key.split(' ')
  const out: Span[] = []
  for (const [s, i] of at.get(words[0] as string) ?? []) {
    if (where === 'title' && s >= titleSentences) break
    const written = keys[s] as readonly string[]
    if (i + words.length > written.length) continue
    let k = 1
    while (k < words.length && written[i + k] === words[k]) k++
    if (k === words.length) out.push({ tokens: (sentences[s] as TextSentence).tokens, start: i, end: i + words.length - 1 })
  }
  return out
}

/** A word, no function word, written with a capital. */
function isCapitalisedWord(t: TextToken | undefined): t is TextToken {
  return t !== undefined && t.kind === 'word' && !t.stop && /^\p{Lu}/u.test(t.text)
}

/** Every word of the title that is not a function word starts with a capital: `Deep Image Prior`. */
function isTitleCaseTitle(title: readonly TextSentence[]): boolean {
  const words = title
    .flatMap((s) => s.tokens)
    .filter((t) => t.kind === 'word' && !t.stop && /\p{L}/u.test(t.text))
  return words.length > 1 && words.every((t) => /^\p{Lu}/u.test(t.text))
}

/**
 * The whole phrase when a Title-Case title cut a phrase short because the tagger misread a capitalised word
 * next to it: a past participle that opens the run, read as a verb (`Linear Units` of `… with Rectified Linear
 * Units`); a word not in -ly that closes it, read as an adverb (`Deep Image` of `Deep Image Prior`); or the
 * first part of an `X-based` word after it (`Multi-agent Reinforcement` of `… Multi-agent Reinforcement
 * Learning-based Parametrization`). Only when the text never writes the short phrase without that word, so it
 * is no phrase of its own. Verbs and adverbs that are ones stay out (`Are All Layers Created Equal?`, `Gradient
 * Descent Provably Optimizes`, `Winning the Lottery Ahead of Time`).
 */
function grownInTitle(
  doc: PreparedText,
  c: KeywordCandidate,
  scored: ReadonlyArray<{ c: KeywordCandidate }>,
): KeywordCandidate | undefined {
  const span = spansOf(doc, c.key, 'title')[0]
  if (!span) return undefined
  const { tokens, start, end } = span
  const before = tokens[start - 1]
  const after = tokens[end + 1]
  const beforeBefore = tokens[start - 2]
  const afterAfter = tokens[end + 2]
  const participle =
    isCapitalisedWord(before) &&
    before.pos === 'VERB' &&
    /(?:ed|en)$/.test(before.lower) &&
    before.lemma !== before.lower &&
    !(beforeBefore && isContentToken(beforeBefore))
  const adverb =
    isCapitalisedWord(after) &&
    (after.pos === 'ADV' || after.pos === 'ADP') &&
    !after.lower.endsWith('ly') &&
    (afterAfter === undefined || (isCapitalisedWord(afterAfter) && isContentToken(afterAfter)))
  const based = after ? /^(\p{L}[\p{L}\p{N}]*)-based$/iu.exec(after.text)?.[1] : undefined
  const left = participle ? [before] : []
  const right = adverb
    ? [after]
    : based && after
      ? [{ ...after, text: based, lower: based.toLowerCase(), lemma: based.toLowerCase(), pos: 'NOUN' }]
      : []
  if (left.length === 0 && right.length === 0) return undefined
  const same = (t: TextToken | undefined, w: TextToken): boolean =>
    t !== undefined && (t.lower === w.lower || (based !== undefined && t.lower === `${w.lower}-based`))
  const all = spansOf(doc, c.key)
  const everywhere = all.every(
    (x) =>
      left.every((w) => same(x.tokens[x.start - 1], w)) && right.every((w) => same(x.tokens[x.end + 1], w)),
  )
  if (all.length !== c.count || !everywhere) return undefined
  const key = [...left.map(phraseWordKey), c.key, ...right.map(phraseWordKey)].join(' ')
  const text = [...left.map((w) => w.text), c.text, ...right.map((w) => w.text)].join(' ')
  return scored.find((o) => o.c.key === key)?.c ?? { ...c, key, text, n: c.n + left.length + right.length }
}

/** Auxiliaries after which a question puts its subject before its verb: `When Do Curricula Work?`. */
const QUESTION_AUXILIARIES = new Set([
  'do', 'does', 'did', 'can', 'could', 'will', 'would', 'should', 'may', 'might', 'must',
])

/**
 * True for a phrase only the title writes that is the title's wording, not a concept of the paper (curated key
 * words are never hidden):
 * - it ends on the verb of a title question (`Curricula Work` of `When Do Curricula Work?`): after `Do`, `Can`
 *   and the like the verb comes last, and a capitalised one the tagger read as a noun is the last word;
 * - it holds the noun a title `A … of/about/on …` opens with, which names the kind of paper (`Brief Prehistory`
 *   of `A Brief Prehistory of Double Descent`, `Short Tale` of `A Short Tale about a Long Tail`);
 * - it starts on the title's first word in -ing, its verb (`Understanding Deep Neural Networks`), unless the library's
 *   other texts write that word inside a noun phrase right before the phrase's last noun (`Discrete Denoising Models`
 *   for `Denoising diffusion probabilistic models`): then the word modifies the noun phrase it opens;
 * - it holds a framing noun the title says `of` or `on` after (see FRAMING_NOUNS), written anywhere.
 */
function isTitleWording(doc: PreparedText, c: KeywordCandidate, elsewhere: Elsewhere): boolean {
  if (isFraming(doc, c)) return true
  const spans = spansOf(doc, c.key, 'title')
  if (spans.length !== c.count) return false
  return spans.some(({ tokens, start, end }) => {
    if (tokens[end + 1]?.text === '?' && end + 2 === tokens.length) {
      const aux = tokens.findLastIndex((t) => t.pos === 'AUX' && QUESTION_AUXILIARIES.has(t.lower))
      const subjectAndVerb = tokens.slice(aux + 1, end + 1)
      const noVerbRead = subjectAndVerb.every(
        (t) => isCapitalisedWord(t) && isContentToken(t) && t.pos !== 'VERB',
      )
      if (aux >= 0 && subjectAndVerb.length >= 2 && noVerbRead) return true
    }
    if (/^an?$/.test(tokens[0]?.lower ?? '') && tokens.length > 2 && isContentToken(tokens[1] as TextToken)) {
      let head = 1
      while (head + 1 < tokens.length && isContentToken(tokens[head + 1] as TextToken)) head++
      if (tokens[head + 1]?.pos === 'ADP' && start <= head && end >= head) return true
    }
    return start === 0 && c.n > 1 && /ing$/.test(tokens[0]?.lower ?? '') && !namesKindElsewhere(c, elsewhere)
  })
}

/**
 * True for a phrase opening on a word in -ing that another text writes after a word of its own noun phrase and right
 * before this phrase's last noun (*A Continuous Time Framework for Discrete Denoising Models* for `Denoising diffusion
 * probabilistic models`): the word names a kind of the noun, a modifier, not a title's verb before its object
 * (`Understanding Deep Neural Networks`, `Deconstructing Lottery Tickets`). Another title that opens on the same verb
 * does not count, as no word comes before it there (`Generating sequences with …` for `Generating long sequences`),
 * and a phrase with `of` is left a verb's.
 */
function namesKindElsewhere(c: KeywordCandidate, elsewhere: Elsewhere): boolean {
  const words = c.key.split(' ')
  if (words.length < 2 || words.some((w) => LINKS.has(w))) return false
  return elsewhere.inside(`${words[0]} ${words[words.length - 1]}`) >= 1
}

/** A title phrase that opens the title on a word in -ing the library's other texts write as a modifier of its noun ({@link namesKindElsewhere}). */
function opensOnModifier(doc: PreparedText, c: KeywordCandidate, elsewhere: Elsewhere): boolean {
  const spans = spansOf(doc, c.key, 'title')
  return spans.length > 0 && spans.every(({ tokens, start }) => start === 0 && /ing$/.test(tokens[0]?.lower ?? '')) && namesKindElsewhere(c, elsewhere)
}

/**
 * Nouns a title frames its subject with, not concepts: `Role of Over-Parametrization` (*Towards Understanding the
 * Role of Over-Parametrization in …*), `Principle of Rate Reduction`, `Normalization effects` (*… effects on deep
 * neural networks*), `Generalization Benefit` (*On the Generalization Benefit of Noise in …*). Read from the corpus
 * titles' `(On) the X of` and `X on` framings; `theory`, `analysis`, `dynamics` and `geometry` name a study's
 * method or object (`Mean Field Theory`, `Perturbation Analysis`) and are left out.
 */
const FRAMING_NOUNS = new Set([
  'role', 'principle', 'effect', 'impact', 'importance', 'benefit', 'advantage', 'power', 'existence', 'validity',
  'simplicity', 'limitation', 'mystery', 'case', 'nature', 'origin',
])

/** A framing noun followed by `of`/`on`, in the phrase or right after it in the title. */
function isFraming(doc: PreparedText, c: KeywordCandidate): boolean {
  const frames = (t: TextToken | undefined, next: TextToken | undefined): boolean =>
    t !== undefined && next !== undefined && FRAMING_NOUNS.has(wordKey(t)) && (next.lower === 'of' || next.lower === 'on')
  return spansOf(doc, c.key, 'title').some(({ tokens, start, end }) => {
    for (let i = start; i <= end; i++) if (frames(tokens[i], tokens[i + 1])) return true
    return false
  })
}

/** What a noun phrase runs on into: a noun, a name, an adjective or a word the tagger does not know. */
const RUNS_ON = new Set(['NOUN', 'PROPN', 'ADJ', 'X'])

/**
 * A word the tagger reads as a name wherever the text writes it, and no name of a thing itself (see
 * {@link isOneWordName}): `Swin` of `Swin transformer`, `Tikhonov` of `Tikhonov regularization`.
 */
function isNameBeforeNoun(doc: PreparedText, c: KeywordCandidate): boolean {
  return !isOneWordName(c.text) && spansOf(doc, c.key).every(({ tokens, start }) => tokens[start]?.pos === 'PROPN')
}

/** A word that names a thing by a digit or a second capital: `GPT-4`, `ResNet`. */
function isOneWordName(text: string): boolean {
  return /\d|[A-Z].*[A-Z]/.test(text)
}

/**
 * The word after `end` when the noun phrase runs on into it (a content word tagged noun, name, adjective or unknown),
 * else null; never the last word of a title question, its verb however tagged (`What Makes In-Context Learning Work?`).
 */
function nounPhraseGoesOn(tokens: readonly TextToken[], end: number): TextToken | null {
  const next = tokens[end + 1]
  if (next === undefined || !isContentToken(next)) return null
  if (!RUNS_ON.has(next.pos) && !modifiesNoun(next, tokens[end + 2])) return null
  return tokens[end + 2]?.text === '?' && end + 3 === tokens.length ? null : next
}

/**
 * A gerund before a noun modifies it, as inside a phrase (`support vector learning machines`): the noun phrase runs on
 * through it, though the tagger reads it as a verb.
 */
function modifiesNoun(t: TextToken, next: TextToken | undefined): boolean {
  if (t.pos !== 'VERB' || !t.lower.endsWith('ing') || next === undefined || !isContentToken(next)) return false
  return next.pos === 'NOUN' || next.pos === 'PROPN' || next.pos === 'X'
}

/**
 * True for a phrase the text writes only as a piece of a longer noun phrase, which a reader sees cut (curated key
 * words are never hidden). At every place the text writes it, either the noun phrase runs on after it
 * (`Overfitted Three-Layer` of `… the Overfitted Three-Layer Neural Tangent Kernel Model`, `Long Time` of `… for Long
 * Time Series`), or it starts inside a compound: the word before it and its first word are a phrase other papers
 * write (`Net Architectures` after `Neural`, `ticket initializations` after `lottery`), or one word the library writes
 * hyphenated (`Squares Problems` after `Least`: `least-squares`; `least` is a stop word no phrase holds). Or, for a
 * phrase of two or more words, the noun phrase runs on after it at every place and the other texts write it only on
 * into longer phrases ({@link writtenOnElsewhere}), though they write no compound of its last word and the next.
 */
function isFragment(doc: PreparedText, c: KeywordCandidate, df: (key: string) => number, elsewhere: Elsewhere): boolean {
  const spans = spansOf(doc, c.key)
  if (spans.length === 0 || spans.length !== c.count) return false
  if (c.n > 1 && writtenOnElsewhere(spans, c, elsewhere)) return true
  // `X of` a gerund read as a verb before its object is cut from `X of <verb> <object>`: `Theory of reproducing` of
  // *Theory of reproducing kernels*, `fallacy of placing` before `confidence`.
  if (c.n > 1 && spans.every(({ tokens, end }) => LINKS.has(tokens[end - 1]?.lower ?? '') && isVerbWithObject(tokens[end] as TextToken, tokens[end + 1]))) return true
  const first = c.key.split(' ')[0] ?? ''
  const last = c.key.split(' ').at(-1) ?? ''
  // A one-word name (`GPT-4`, `ResNet`: a digit or a second capital) names the thing, whatever it modifies: `GPT-4` of
  // *GPT-4 Technical Report* runs on into `Technical` and had been hidden, leaving `Technical Report` alone.
  const name = c.n === 1 && isOneWordName(c.text)
  const runsOn = ({ tokens, end }: Span): boolean => {
    if (name) return false
    const next = nounPhraseGoesOn(tokens, end)
    if (next === null) return false
    // Read as the text writes it lower-case too: a title's `Learning Dynamics` is keyed `learning dynamics`, the text's `learning dynamic`.
    const on = `${last} ${wordKey(next)}`
    return !canEnd(next) || df(on) >= 2 || df(irregularSingularKey(on)) >= 2
  }
  const startsInside = ({ tokens, start }: Span): boolean => {
    const before = tokens[start - 1]
    if (before === undefined || before.kind !== 'word') return false
    const word = wordKey(before)
    return df(`${word} ${first}`) >= 2 || df(`${word}${first}`) >= 1
  }
  return spans.every(runsOn) || spans.every(startsInside)
}

/**
 * The phrase a text writes wherever it writes `c`, grown while its noun phrase runs on after it at every place (a
 * noun, name, adjective or unknown word follows, not a title question's verb, and `c` ends on no verb before its
 * object: `fallacy of placing` before `confidence in confidence intervals`): null when `c` does not run on or no
 * longer candidate follows it, undefined when the phrase still runs on at four words (the most a phrase has).
 */
function wholeNounPhrase(doc: PreparedText, c: KeywordCandidate, scored: ReadonlyArray<{ c: KeywordCandidate }>): KeywordCandidate | null | undefined {
  let phrase = c
  for (;;) {
    const spans = spansOf(doc, phrase.key)
    if (spans.length === 0 || spans.length !== phrase.count) return phrase === c ? null : undefined
    // A gerund after a noun of the phrase modifies what follows (`support vector learning` machines); after `of` it is a
    // verb before its object.
    const runsOn = spans.every(
      ({ tokens, end }) => (tokens[end]?.pos !== 'VERB' || isContentToken(tokens[end - 1] as TextToken)) && nounPhraseGoesOn(tokens, end) !== null,
    )
    if (!runsOn) return phrase === c ? null : phrase
    // The next longer phrase starting with it: a word the tagger reads as a verb (`processing`) ends none.
    const from = phrase
    let longer: KeywordCandidate | undefined
    for (const { c: o } of scored) if (o.n > from.n && o.count === from.count && (longer === undefined || o.n < longer.n) && o.key.startsWith(`${from.key} `)) longer = o
    // None: past four words the piece is cut for good; short of them the tagger may have missed the whole, keep it.
    if (!longer) return from.n >= MAX_WORDS ? undefined : null
    phrase = longer
  }
}

/**
 * The phrase of one more word the text writes wherever it writes `c`, when `c` opens on an adjective (a word that ends
 * no phrase) and the word before it at every place is a noun that opens the noun phrase: `graph` of `with graph
 * convolutional networks`. Not `scale` of `large scale visual recognition`, itself inside a compound.
 */
function withNounBefore(
  doc: PreparedText,
  c: KeywordCandidate,
  scored: ReadonlyArray<{ c: KeywordCandidate }>,
): KeywordCandidate | undefined {
  const spans = spansOf(doc, c.key)
  if (spans.length === 0 || spans.length !== c.count) return undefined
  const opensAfterNoun = ({ tokens, start }: Span): boolean => {
    const first = tokens[start] as TextToken
    const before = tokens[start - 1]
    const beforeThat = tokens[start - 2]
    return (
      first.pos !== 'VERB' &&
      !canEnd(first) &&
      before !== undefined &&
      isContentToken(before) &&
      (before.pos === 'NOUN' || before.pos === 'PROPN') &&
      canEnd(before) &&
      !isOneWordName(before.text) &&
      !(beforeThat !== undefined && isContentToken(beforeThat))
    )
  }
  if (!spans.every(opensAfterNoun)) return undefined
  const { tokens, start } = spans[0] as Span
  const key = `${wordKey(tokens[start - 1] as TextToken)} ${c.key}`
  return scored.find((o) => o.c.key === key && o.c.count === c.count)?.c
}

/** Words that rate a phrase rather than name a kind of it: a phrase is not grown by one (`novel graph network`). */
const RATING_WORDS = new Set(['new', 'novel', 'simple', 'good', 'better', 'best', 'many', 'much', 'several', 'various', 'different', 'same', 'general', 'effective', 'efficient', 'powerful', 'improved', 'proposed', 'first', 'main', 'key', 'important', 'recent', 'modern', 'standard', 'popular', 'certain', 'particular', 'specific', 'given', 'typical', 'insightful', 'principled', 'unified', 'practical', 'fast', 'scalable', 'accurate', 'robust'])

/**
 * The longest phrase of the text (four words at most) that `c` ends, grown one word at a time to the front while the
 * text writes the same word right before it at every place, a word that can open a phrase, rates nothing
 * ({@link RATING_WORDS}) and is no one-word name of its own (`GPT-4` of *GPT-4 Technical Report*): `generative` of
 * *Generative adversarial nets*. Undefined when no word precedes it so.
 */
function withWordsBefore(doc: PreparedText, c: KeywordCandidate, scored: ReadonlyArray<{ c: KeywordCandidate }>): KeywordCandidate | undefined {
  let phrase = c
  for (;;) {
    const spans = spansOf(doc, phrase.key)
    if (spans.length === 0 || spans.length !== phrase.count) break
    const words = new Set<string>()
    const opens = spans.every(({ tokens, start }) => {
      const before = tokens[start - 1]
      if (before === undefined || !isContentToken(before) || !canStart(before, false) || RATING_WORDS.has(before.lower) || isOneWordName(before.text)) return false
      words.add(wordKey(before))
      return true
    })
    if (!opens || words.size !== 1) break
    const key = `${[...words][0]} ${phrase.key}`
    const longer = scored.find((o) => o.c.key === key && o.c.count === phrase.count)?.c
    if (!longer) break
    phrase = longer
  }
  return phrase === c ? undefined : phrase
}

/** Phrase key → the phrases of one more word that start with it, with the texts that write each. */
const runOnCache = new WeakMap<object, ReadonlyMap<string, ReadonlyMap<string, number>>>()
function runOnIndex(model: Stats): ReadonlyMap<string, ReadonlyMap<string, number>> {
  let index = runOnCache.get(model.documentFrequency)
  if (!index) {
    const built = new Map<string, Map<string, number>>()
    for (const [key, n] of Object.entries(model.documentFrequency)) {
      const cut = key.lastIndexOf(' ')
      if (cut < 0) continue
      const head = key.slice(0, cut)
      ;(built.get(head) ?? built.set(head, new Map()).get(head)!).set(key, n)
    }
    runOnCache.set(model.documentFrequency, (index = built))
  }
  return index
}

/** Phrase key of two words → the phrases of three that end with it (`discrete denoising model` for `denoising model`). */
const writtenAfterCache = new WeakMap<object, ReadonlyMap<string, readonly string[]>>()
function writtenAfterIndex(model: Stats): ReadonlyMap<string, readonly string[]> {
  let index = writtenAfterCache.get(model.documentFrequency)
  if (!index) {
    const built = new Map<string, string[]>()
    for (const key of Object.keys(model.documentFrequency)) {
      const words = key.split(' ')
      if (words.length !== 3) continue
      const end = `${words[1]} ${words[2]}`
      ;(built.get(end) ?? built.set(end, []).get(end)!).push(key)
    }
    writtenAfterCache.set(model.documentFrequency, (index = built))
  }
  return index
}

/** How many other texts of the library write a phrase, and phrases of one more word starting with one. */
interface Elsewhere {
  of(key: string): number
  startingWith(key: string): number
  /** The most texts that write one phrase of three words ending with this one of two (`discrete denoising model` for `denoising model`). */
  inside(key: string): number
}

/**
 * The library's phrase counts without this text: `counted`, they include it (a library paper ranked after the fit),
 * so each phrase it writes counts one text less.
 */
function phrasesElsewhere(model: Stats, doc: PreparedText, counted: boolean): Elsewhere {
  const own = counted ? new Set(candidatesOf(doc).map((c) => c.key)) : new Set<string>()
  const of = (key: string): number => (model.documentFrequency[key] ?? 0) - (own.has(key) ? 1 : 0)
  return {
    of,
    startingWith(key) {
      let n = 0
      for (const longer of runOnIndex(model).get(key)?.keys() ?? []) n += of(longer)
      return n
    },
    inside(key) {
      let n = 0
      for (const longer of writtenAfterIndex(model).get(key) ?? []) n = Math.max(n, of(longer))
      return n
    },
  }
}

/**
 * True for a phrase of two or more words the text writes, at every place, on into a noun, name, adjective or unknown
 * word, and that the other texts of the library write, as far as their phrase counts tell, only on into a longer
 * phrase: as many of them write a phrase of one more word starting with it as write it. `Long short-term` of *Long
 * short-term memory* (the other text writes `Long short-term memory-networks`), `Single shot` of *SSD: Single shot
 * multibox detector*, `Rich feature` of *Rich feature hierarchies for …* and `Large batch` of *Large batch training of
 * …* had been shown, the one side of the compound left when the other was hidden as starting inside it (the
 * richest library, eval/README.md). There `collaborative filtering` (written on by 2 texts of 8) and `linear algebra`
 * (1 of 3) stay. A single word is left to the tests above: `Spline` of *A Spline Theory
 * of Deep Learning* is the paper's concept, though other texts write `spline functions`.
 */
function writtenOnElsewhere(spans: readonly Span[], c: KeywordCandidate, elsewhere: Elsewhere): boolean {
  const others = elsewhere.of(c.key)
  if (others < 1) return false
  if (!spans.every(({ tokens, end }) => nounPhraseGoesOn(tokens, end) !== null)) return false
  return elsewhere.startingWith(c.key) >= others
}

/** Comparatives: `Bigger Models` (`… Where Bigger Models and More Data Hurt`) says how things compare, not which. */
const COMPARATIVES = new Set([
  'bigger', 'larger', 'smaller', 'deeper', 'wider', 'narrower', 'shallower', 'better', 'worse', 'faster', 'slower',
  'stronger', 'weaker', 'simpler', 'harder', 'easier', 'longer', 'shorter', 'greater', 'fewer', 'closer',
])

function startsWithComparative(c: KeywordCandidate): boolean {
  return COMPARATIVES.has(c.text.split(' ')[0]?.toLowerCase() ?? '')
}

type Phrase = Pick<KeywordCandidate, 'key' | 'text' | 'n'>

/**
 * True when two phrases say one thing twice: one inside the other, two pieces of one phrase of the text, or an acronym
 * of the other. A key word the text does not write (a completion or suggestion) is no piece of a phrase of it:
 * `Neural Tangent Kernel` (the text writes `NTK`) had been read as chained to `kernel machine` and dropped. An
 * irregular plural is its singular here: a title's `Curricula`, keyed as a name, and the text's `curriculum` were
 * both shown.
 */
function clashes(a: KeywordCandidate, b: KeywordCandidate): boolean {
  return (
    overlaps(a.key, b.key) ||
    overlaps(irregularSingularKey(a.key), irregularSingularKey(b.key)) ||
    (a.count > 0 && b.count > 0 && chains(a.key, b.key)) ||
    isAcronymOf(a, b) ||
    isAcronymOf(b, a)
  )
}

/**
 * The lowest score of a phrase that only fills a list to two, beside a curator's key words or not. Under it the
 * phrases the corpus library showed beside curated ones were no key words (`letter` of "In this letter", 0.04;
 * `relative benefits`, `steps of approximations`, `Neural Networks`, `Deep Learning`, 0.08–0.12), and neither were
 * the single words that filled short texts (`Data` at 0.05 for the title *Deep Double Descent: Where Bigger Models
 * and More Data Hurt*): on the training-year splits 16 of 3,975 candidates under it were a curator's key word. So a
 * paper shows fewer than two then ({@link FEW_KEYWORDS_NOTE} says why). Chosen by reading those lists, not on a score.
 */
export const MIN_FILL_IN_SCORE = 0.15

/** Options of {@link extractKeywords} that return its whole ranking (overlap-free), for {@link keywordsBesideCurated}. */
export const RANK_ALL = { min: 50, max: 50, minScore: 0, minFillScore: 0 } as const

/**
 * Why a key word the text does not spell out was not suggested either: the same words for one key word or none. Short,
 * as it stands beside the list (on the Classify page, a side column): the bars themselves are in the how-computed text.
 */
const NO_SUPPORTED_SUGGESTION =
  'no key word it does not spell out is backed by it (by its words, its acronym or papers worded like it; for a dated paper, none first written five or more years later)'

/**
 * Why a paper or text shows fewer than two key words, as the API and the pages say it (a topic's "unsorted" is the
 * same kind of answer): the one-key-word wording.
 */
const FEW_KEYWORDS_NOTE = `Fewer than two key words: no other phrase of the text scores 0.15 or more (under it a phrase is almost never a key word), and ${NO_SUPPORTED_SUGGESTION}.`

/** The same for an English text with none: "no other phrase" would read as if one had been found. */
const NO_KEYWORDS_NOTE = `No key words: no phrase of the text scores 0.15 or more (under it a phrase is almost never a key word), and ${NO_SUPPORTED_SUGGESTION}`

/**
 * Why a paper or text shows `shown` key words when that is fewer than two ({@link FEW_KEYWORDS_NOTE}, {@link NO_KEYWORDS_NOTE}), else null.
 * `language`: the language of a text not in English (`French`), which alone gives it none; null for an English text,
 * whose note then names no other language. Left out where the caller cannot tell (a stored paper), the note says both.
 */
export function fewKeywordsNote(shown: number, { language }: { language?: string | null } = {}): string | null {
  if (shown >= 2) return null
  if (shown > 0) return FEW_KEYWORDS_NOTE
  if (language) return `No key words: the text is not in English (${language}), and the phrases and their ranker are English.`
  return language === null ? `${NO_KEYWORDS_NOTE}.` : `${NO_KEYWORDS_NOTE}; a text not in English gets none.`
}

/**
 * The key words Paperscope shows beside a paper's curated ones, from its whole ranking ({@link RANK_ALL}):
 * a paper shows 2–5 key words, curated ones first, so Paperscope adds what is missing to reach two (from
 * {@link MIN_FILL_IN_SCORE}; fewer when no more phrases reach it) and,
 * beyond that, only phrases it is confident of (from {@link KEYWORD_MIN_SCORE}); none that restates a
 * curated one. Beside a curator's list, a key word the text does not spell out (suggested) comes only when
 * confident: `Neural Tangent Kernel` at 0.52 had joined the curated `Lottery Ticket Hypothesis` of "Rigging the
 * Lottery" (31 papers of the corpus were suggested it), and a shorter list is better than a guess beside a
 * person's. With no curated key words this is what {@link extractKeywords} gives by default.
 */
export function keywordsBesideCurated(ranked: readonly ExtractedKeyword[], curated: readonly string[], { min = 2, max = 5, minScore = KEYWORD_MIN_SCORE } = {}): ExtractedKeyword[] {
  const needed = Math.max(0, min - curated.length)
  const out: ExtractedKeyword[] = []
  for (const k of ranked) {
    if (out.length >= max - curated.length) break
    if (curated.some((listed) => restatesKeyword(k, listed))) continue
    if (curated.length > 0 && !k.inText && k.score < minScore) continue
    // The ranking puts what only fills in (weak suggestions, generic words) after the rest, so the first phrases
    // that reach the bar fill the list, as extractKeywords chooses them.
    if (k.score >= minScore || (out.length < needed && k.score >= MIN_FILL_IN_SCORE)) out.push(k)
  }
  return out
}

/**
 * True when a chosen key word restates one a person already listed for the paper: the same after
 * normalization, a piece of it (`Curve Theory` beside `Learning Curve Theory`, `Regularization` beside
 * `Implicit Regularization`), a listed phrase of two or more words grown (`Lottery Ticket Hypothesis` beside
 * `Lottery Tickets`), or an acronym of it or spelled out by it. Such a key word is not shown beside
 * the curated one.
 * @example restatesKeyword({ text: 'Curve Theory', key: 'curve theory' }, 'Learning Curve Theory') // true
 */
export function restatesKeyword(keyword: Pick<ExtractedKeyword, 'text' | 'key'>, listed: string, nlp?: NlpPort): boolean {
  const key = normalizeKeyword(listed, nlp)
  if (key === '') return false
  const a: Phrase = { key: keyword.key, text: keyword.text, n: keyword.key.split(' ').length }
  const b: Phrase = { key, text: listed.trim(), n: key.split(' ').length }
  // A more specific phrase adds something to one word (`Benign Overfitting` beside `Overfitting`), and so do two
  // that only share a word (`Relative representations` beside `Representation Similarity`); a phrase that only
  // grows a listed phrase is another name for it (`Lottery Ticket Hypothesis` beside `Lottery Tickets`,
  // `Neural Scaling Laws` beside `Scaling Laws`).
  if (` ${b.key} `.includes(` ${a.key} `) || isAcronymOf(a, b) || isAcronymOf(b, a)) return true
  if (b.n >= 2 && ` ${a.key} `.includes(` ${b.key} `)) return true
  // A title's capitals can hide a word's lemma (`Curricula` is read as a name, `curricula` as the plural of
  // `curriculum`), so a key word with no capital inside its words is compared in lower case too.
  if (!keyword.text.split(/[\s-]+/).some((word) => /\p{Lu}/u.test(word.slice(1)))) {
    const lowered = normalizeKeyword(keyword.text.toLowerCase(), nlp)
    if (lowered !== a.key && lowered !== '' && ` ${b.key} `.includes(` ${lowered} `)) return true
  }
  // Keys drop hyphens (`sharpnessaware minimization`), so a piece of a hyphenated word is looked for in the
  // words between the hyphens too: `Sharpness` beside `Sharpness-Aware Minimization`.
  if (!/-/.test(listed) && !/-/.test(keyword.text)) return false
  const spaced = (text: string): string => normalizeKeyword(text.replace(/-/g, ' '), nlp)
  const whole = spaced(listed)
  const piece = spaced(keyword.text)
  return piece !== '' && ` ${whole} `.includes(` ${piece} `)
}

/** One word, upper case at both ends (`NTK`, `SNNs`, `ResNeT`). */
function looksLikeAcronym(c: Pick<KeywordCandidate, 'text' | 'n'>): boolean {
  return c.n === 1 && /^[A-Z][A-Za-z0-9]*[A-Z]s?$/.test(c.text)
}

/**
 * True when `short` is a one-word upper-case acronym of `long` (`ICL` of `In-Context Learning`); unless
 * `exact`, also of a phrase that contains it (`DNN` of `representations of deep neural networks`).
 */
function isAcronymOf(long: Pick<KeywordCandidate, 'text' | 'n'>, short: Pick<KeywordCandidate, 'text' | 'n'>, { exact = false } = {}): boolean {
  if (long.n < 2) return false
  const letters = acronymLetters(short)
  return letters !== '' && spellsOut(long.text, letters, exact)
}

/** The capitals a one-word acronym spells (`SNNs`: SNN), or '' when it is none or spells fewer than two. */
function acronymLetters(short: Pick<KeywordCandidate, 'text' | 'n'>): string {
  if (!looksLikeAcronym(short)) return ''
  const letters = short.text.replace(/s$/, '').replace(/[^A-Z]/g, '')
  return letters.length < 2 ? '' : letters
}

/** A phrase's initials are `letters` (`exact`) or hold them. */
function spellsOut(text: string, letters: string, exact: boolean): boolean {
  // Its first initial is its first letter unless it opens on a link (`of`): most phrases are told apart by that alone,
  // without reading their initials (an acronym is looked for among every phrase of the text).
  if (exact && /^[A-Za-z]/.test(text) && text.charAt(0).toUpperCase() !== letters.charAt(0) && !/^of(?:[\s-]|$)/i.test(text)) return false
  return phraseInitials(text).some((initials) => initials === letters || (!exact && initials.includes(letters)))
}

const initialsByPhrase = new Map<string, readonly string[]>()

/**
 * A phrase's initials ({@link initialsBothWays}), one per part and one per word:
 * `Sharpness-Aware Minimization` is SAM, `Long Sequence Time-series Forecasting` LSTF (as the digest reads an
 * acronym's definition). Memoised: every acronym of a text is compared with each of its phrases.
 */
function phraseInitials(text: string): readonly string[] {
  let initials = initialsByPhrase.get(text)
  if (initials === undefined) {
    const { perPart, perWord } = initialsBothWays(text.split(/\s+/), LINKS)
    initials = perWord === perPart ? [perPart] : [perPart, perWord]
    if (initialsByPhrase.size > 50_000) initialsByPhrase.clear()
    initialsByPhrase.set(text, initials)
  }
  return initials
}

/** True when two phrases are pieces of one longer phrase: one ends with the word the other starts with (`structural equation`, `equation model`). */
function chains(a: string, b: string): boolean {
  // Cut, not split: a paper's whole ranking is compared pair by pair (split had been most of ranking a paper).
  const aFirst = a.indexOf(' ')
  const bFirst = b.indexOf(' ')
  if (aFirst < 0 || bFirst < 0) return false
  return a.slice(a.lastIndexOf(' ') + 1) === b.slice(0, bFirst) || b.slice(b.lastIndexOf(' ') + 1) === a.slice(0, aFirst)
}

/** True when one phrase's words appear, in order and contiguously, inside the other's. */
function overlaps(a: string, b: string): boolean {
  // Only the shorter can be inside the longer, and only if its letters are: most pairs end before a string is built.
  const [long, short] = a.length >= b.length ? [a, b] : [b, a]
  return long.includes(short) && ` ${long} `.includes(` ${short} `)
}
