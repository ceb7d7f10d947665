/**
 * @module An extractive digest for a paper that has an abstract but no hand-written digest: the one or two
 * abstract sentences that best say what the paper does, kept whole.
 *
 * Sentences are scored by how much of the paper's vocabulary they carry (similarity to title + abstract; a title a
 * library made from the abstract's opening words is not counted), by contribution cues (`we show`, `this paper
 * proposes`, `we leverage`, `our main insight is`, `… is analyzed`, `we performed an empirical study`; for less, what the authors' own method does: `Our
 * method, called PROSE, learns`) and by position; background (`Much work has focused on`) and a
 * result added to an earlier one (`We further show`) score lower; one set in the paper's model or setting (`In our model,`,
 * `In this setting,`, `Under this model,`) describes the setup, not what the paper does. A sentence that states a
 * contribution, alone or with the sentence before it, is preferred to one that does not, and nothing put before it that is neither the
 * authors' nor a question. A sentence that leans on the previous one (`This`, `He`, `However,`, `For example,`, `For each law,`,
 * `We also`, `Our first bound`; `its` before anything it could stand for: `We find that its effectiveness …`) or points back to something it does not give (`this gap`, `both questions`, `all of
 * them`, `the mechanism behind (i)`; not `such networks` after `networks` in the same sentence, nor `these methods, namely …`) is picked
 * only when no sentence stands on its own, and then with the sentence before it if both fit. A contribution that
 * points back only through words that name what they point to (`We show this delayed generalization is …`, read
 * `the delayed generalization`) or to a phenomenon the title names (`both of these phenomena` beside *Benign
 * Overfitting and Grokking …*) stands on its own. A contribution that points back to the sentence right before it (`How many parameters are needed? We answer this question by …`,
 * `… biases that outweigh its benefits. This work tackles these issues by …`) comes with that sentence, when it
 * stands on its own or does once an opening `In fact,` or `However,` is dropped; after the one question it gives, `the
 * answer to both questions` reads `the answer`. A second sentence that points back
 * is added only right after the first or when the first gives what
 * it names. Only complete sentences are eligible: ending in a full stop, at most 60 words, no link to code or data (`…
 * available at https://…`), brackets balanced, no LaTeX left (a `^` or `_` inside a formula, `GL^+(n, R)`, `‖W‖_F`, is
 * none, more than a few are), not an item of a numbered list cut at its numbers (a table of contents), not a piece of
 * the title or a reference entry (`…, vol. 1, …`); one that opens an enumeration the next sentences go on with (`…
 * three distinctive characteristics: (i) …. (ii) …`) is read up to its colon. A heading run into the text (`Abstract:`,
 * `SUMMARY An account …`) is dropped. The digest starts with a capital, ends with a period, and a framing lead-in (`In
 * this paper, we show`, `In this paper, our main insight is`) is shortened to `We show`, `Our main insight is`, one
 * that only points back (`To address these issues, we`, `Our work bridges this gap: we`) is dropped, never cut mid-way.
 * An acronym defined only in a sentence that was left out is spelled out where the digest first uses it, a word a line
 * break split after its hyphen is written whole as the text writes it elsewhere (`high- dimensional` →
 * `high-dimensional`), and an operator LaTeX cleaning left as its name shows its symbol (`R^n rtimes G` → `R^n ⋊ G`,
 * `1.7times` → `1.7×`), as does a Greek letter's name the digest writes as a script (`M^c_rho(T)` and `measure rho` →
 * `M^c_ρ(T)`, `measure ρ`); a quotation opened with a closing quote (`the name ”Alan Turing”`) opens with an opening
 * one.
 */
import { greekLetter } from './latex.js'
import type { Contribution } from './rank.js'
import type { PreparedText } from './text.js'
import { analyzeText, contentTerms, initialsBothWays, OMITTED_RUN, singularize, type NlpPort, type TextSentence, type TextToken } from './tokenize.js'

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
  "For a paper with an abstract and no digest from a source, Paperscope picks the one or two abstract sentences that best say what the paper does: sentences score for sharing the paper's vocabulary (title and abstract), for stating a contribution (‘we show’, ‘this paper proposes’, ‘we leverage’; for less, what the authors' own method does: ‘Our method, called PROSE, learns’) and for their position, and lose for describing background (‘Much work has focused on’) or adding to a result given before them (‘We further show’); one set in the paper's model or setting (‘In our model, data is sampled …’, ‘In this setting,’) describes the setup, not what the paper does. A title made from the abstract's first words is not counted. A sentence that states a contribution, alone or with the sentence before it, is preferred to one that does not, and no background is put before it. A sentence that leans on one before it (‘This’, ‘However,’, ‘We also’, ‘Our first bound’) or points back to something left out (‘this gap’, ‘both questions’, ‘(i)’) is picked only when no sentence stands on its own, and then with the sentence before it if both fit; one that states the contribution comes with the sentence right before it when that one gives what it points to (‘How many parameters are really needed? We answer this question by …’, ‘… biases that outweigh its benefits. This work tackles these issues by …’), that sentence's opening ‘In fact,’ or ‘However,’ dropped; after the one question it gives, ‘the answer to both questions’ reads ‘the answer’. A contribution whose only reference back names what it points to stands alone, ‘this’ read as ‘the’ (‘We show the delayed generalization is a phase transition …’), as does one pointing to a phenomenon the title names (‘both of these phenomena’ beside ‘Benign Overfitting and Grokking …’). Only whole sentences of at most 60 words are used, never a heading, a reference entry, one that only restates the title or one that says where code or data is (one that opens a list the next sentences go on with up to its colon: ‘… with three distinctive characteristics.’), with LaTeX cleaned, a lead-in like ‘In this paper, we show’ shortened to ‘We show’ and one that only points back (‘To address these issues,’) dropped, and an acronym the abstract defines in a sentence left out spelled out where the digest first uses it (‘trained by GD’ → ‘trained by gradient descent (GD)’). Nothing is written that the abstract does not say."

/**
 * The nouns a paper calls itself by (`this paper`, `the present study`, `this thesis`, `this contribution`, `this essay`): one list for every pattern
 * below that must tell the paper's own voice from a reference back, so that they cannot drift apart.
 */
const SELF_NOUN = 'paper|work|study|article|note|letter|thesis|dissertation|manuscript|chapter|report|survey|review|essay|tutorial|book|contribution'
/** Up to two words before the noun: `this systematic review`, `the present short note`. */
const SELF_MODIFIERS = String.raw`(?:[a-z-]+\s+){0,2}?`
const SELF_REFERENCE = `(?:this|the present) ${SELF_MODIFIERS}(?:${SELF_NOUN})`

/**
 * What the authors did, told in the past as empirical studies tell it (`To fill this gap, we performed an empirical
 * study`, `We have performed quantum Monte Carlo simulations`): the verb right after `we`, as a participle further on
 * is most often an adjective or a passive (`we aim to map the observed features`, `which we call Prefix Learning,
 * have been proposed`).
 */
const PAST_CONTRIBUTION = new RegExp(
  String.raw`\b(?:we|${SELF_REFERENCE})\s+(?:have\s+|had\s+)?(?:(?:also|first|then|further|here|now)\s+)?(?:[a-z]+ly\s+)?(?:showed|found|proved|demonstrated|proposed|introduced|presented|studied|investigated|analy[sz]ed|identified|developed|established|derived|observed|designed|devised|constructed|formulated|performed|conducted|carried out)\b`,
  'i',
)
const CONTRIBUTION_CUE = new RegExp(
  String.raw`\b(we|${SELF_REFERENCE}|our (work|paper|results?|analysis|findings|method|approach|theory)|the (paper|authors))\b[^.]{0,40}?\b(show|shows|find|finds|prove|proves|demonstrate|demonstrates|propose|proposes|introduce|introduces|present|presents|study|studies|investigate|investigates|analy[sz]e|analy[sz]es|identify|identifies|develop|develops|establish|establishes|derive|derives|observe|observes|argue|argues|characteri[sz]e|characteri[sz]es|provide|provides|reveal|reveals|explain|explains|uncover|uncovers|examine|examines|explore|explores|delve|delves|suggest|suggests|report|reports|predict|predicts|focus(?:es)?(?=\s+on\b)|obtain|obtains|design|designs|devise|devises|construct|constructs|formulate|formulates|offer|offers|review|reviews|initiate|initiates|put forward|puts forward|leverage|leverages|(?:move|moves|go|goes) beyond|(?:answer|answers|address|addresses|tackle|tackles)(?=\s+(?:this|these|that|those|the|both|such)\b))\b`,
  'i',
)
const PASSIVE_VERB = '(?:analy[sz]ed|studied|investigated|proposed|presented|introduced|developed|examined|described|discussed)'
/**
 * A contribution said in the passive, as physics and mathematics abstracts say it: `The Aharonov-Bohm problem … is
 * analyzed`, `Graphs on lattice points are studied whose edges …`, `The adjusted cup product neural layer has been introduced in this
 * paper` (not `has been studied` alone, which is others' work).
 */
const PASSIVE_CONTRIBUTION = new RegExp(
  String.raw`(?<!\b(?:what|which|that|who)\s+)\b(?:(?:is|are)\s+(?:here\s+|then\s+|also\s+|first\s+)?${PASSIVE_VERB}|(?:has|have)\s+been\s+${PASSIVE_VERB}\s+in\s+${SELF_REFERENCE})\b`,
  'i',
)
/**
 * The authors' own method as the subject of a sentence, up to the word that should be its verb: `Our method, called
 * PROSE,`, `The proposed model`, `PROSE, our framework,` (after a lead-in clause: `Because …, our approach`).
 */
const OWN_METHOD_SUBJECT =
  /^(?:[^,;:]{0,80},\s+)?(?:(?:our|the proposed)\s+(?:[\w-]+\s+){0,2}?(?:method|model|approach|framework|algorithm)s?\b|[A-Z][\w+-]*(?:\s+[A-Z][\w+-]*){0,5}(?:\s+\([^()]{1,40}\))?,\s+(?:our|the proposed)\s+(?:[\w-]+\s+){0,2}?(?:method|model|approach|framework|algorithm)s?,)(?:\s*\([^()]{1,60}\))?(?:,\s+[^,;:]{1,100}?,)?\s+(?:[a-z]+ly\s+)?([a-z]+)\b/i
/** A sentence in the authors' voice: what they, their work or their method do, whatever the verb. */
const OWN_VOICE = new RegExp(String.raw`\b(?:we|our|${SELF_REFERENCE})\b`, 'i')
/** The authors saying what their work comes to: `our main insight is that`, `our key contribution is`. */
const OWN_INSIGHT = /\bour (?:(?:main|key|central|core|primary) )?(?:insight|contribution|idea|finding|observation)s? (?:is|are)\b/i
/**
 * An opening that places the sentence in the paper's model or setting (`In our model,`, `In this setting,`, `Under this
 * model,`): it describes the setup the paper's results hold in, to be read after what the paper does, so it is no
 * contribution whatever it says next (`In our model, data is sampled … and our results show …`). Not the paper itself
 * (`In this paper, we show`, `In our study,`), nor a setting the sentence names itself (`In the linear case`).
 */
const SETTING_FRAME =
  /^(?:[a-z]+,\s+)?(?:in|under|within)\s+(?:our|this|these|such an?|the proposed)\s+(?:[\w-]+\s+){0,2}?(?:model|setting|setup|framework|regime|scenario|formulation|limit|case)s?,/i
/**
 * An opening that leans on the sentence before it: `This`, `However,`, `Instead,` (but not `Instead of proposing …,
 * we present`, which says itself what it replaces), or a reference back before the first comma.
 */
const LEANS_ON_PREVIOUS = new RegExp(
  String.raw`^(\(?(?:\d{1,2}|[ivx]{1,4}|[a-h])\)\s|(this(?!\s+${SELF_MODIFIERS}(?:${SELF_NOUN})\b)|that(?!\s+is\b)|these|those|it|its|they|their|he|she|his|her|for (?:each|every)|such|however|moreover|furthermore|additionally|in addition|finally|specifically|thus|therefore|hence|also|then|next|later|subsequently|afterwards|after that|at a later|in contrast|in particular|especially|intuitively|more precisely|theoretically|consequently|as a result|to this end|to do so|in doing so|instead(?!\s+of\b)|similarly|likewise|here|first|firstly|second|secondly|third|thirdly|lastly|our (?:first|second|third|fourth|last|final|other)|on the other hand|on the one hand|meanwhile|nevertheless|nonetheless|still|yet|besides|accordingly|overall|in summary|in short|in turn|for example|for instance|in fact|indeed|empirically|the result|the resulting)\b|(?!we\b)[^,]{0,40}\b(this(?!\s+${SELF_MODIFIERS}(?:${SELF_NOUN})\b)|these|those|such|above|aforementioned)\b[^,]{0,30},)`,
  'i',
)
/**
 * A reference back to something the digest does not include: `this gap`, `these models`, `both questions`,
 * `no such bound`, `the two observations` (but not `this paper`, `both X and Y`, `such as`).
 */
const REFERS_BACK = new RegExp(
  String.raw`\b(?:(?:this|these|those)\s+(?!${SELF_MODIFIERS}(?:${SELF_NOUN})\b|(?:end|way|area|field|regard|respect)\b)[a-z]|both\s+(?!of\b)[a-z-]+\b(?![^,;.:]{0,40}\band\b)|(?:both|all|each|most|many|some|none|either|neither) of (?:these|them|those)\b|such\s+(?!as\b|that\b)[a-z]|the\s+(?:two|three|four|above|aforementioned|former|latter)\s+(?!of\b)[a-z]|said\s+(?=[a-z]+s\b)[a-z])`,
  'gi',
)
/** A sentence that opens on `we` + a verb + `it`/`them`: `We analyze it for both …`, `We formulate and solve it as …`. */
const PRONOUN_OBJECT = /^we\s+(?:[a-z]+ly\s+)?[a-z]+(?:\s+and\s+[a-z]+)?\s+(?:it|them)\b/i
/** Pronouns that stand for something named before them; `we`, `I` and `you` need nothing before. */
const THIRD_PERSON = new Set(['it', 'its', 'they', 'their', 'them', 'he', 'she', 'his', 'her', 'him'])

/**
 * Whether a third-person pronoun comes before the sentence has named anything (`We find that its effectiveness
 * implicitly relies on two assumptions`): it stands for something in the sentence before.
 */
function pronounBeforeNoun(s: TextSentence): boolean {
  for (const t of s.tokens) {
    if (t.pos === 'NOUN' || t.pos === 'PROPN') return false
    if (THIRD_PERSON.has(t.lower)) return true
  }
  return false
}

/** A result added to one given before it: `We further show`, `We also find`, `We then study`. */
const SECONDARY = new RegExp(
  String.raw`^(?:[^,.;:]{0,120},\s+)?(?:we|this (?:${SELF_NOUN}))\s+(?:also|further|then|additionally|next|finally|moreover|furthermore|subsequently|rather|now|again)\b`,
  'i',
)
/**
 * Background rather than contribution: what other work did, what the field knows, why the topic matters
 * (`Much work has focused on`, `Recent works have`, `X has received significant attention`).
 */
const BACKGROUND =
  /^(?:(?:much|many|most|some|several|numerous|recent|prior|previous|past|existing|earlier|related|current|classical)\s+(?:recent\s+|prior\s+|theoretical\s+|empirical\s+)?(?:work|works|studies|research|papers|literature|approaches|methods|efforts|theories|analyses)\b|recently,|in recent years|over the (?:past|last)\b|it is (?:well[- ])?known|(?:although|despite)\b(?![^.]*\bwe\b))|\b(?:has|have) (?:received|attracted|gained|drawn) (?:\w+ )?(?:attention|interest)\b|\b(?:has|have) (?:proven|been shown) to be\b|\b(?:has|have) (?:exhibited|achieved|displayed|enjoyed|witnessed|seen)\b|\bhave (?:emerged|been (?:widely |extensively )?(?:proposed|studied|investigated|developed|explored|used))\b|\bremains? (?:the gold standard|an open (?:question|problem)|poorly understood|unclear)\b/i
/** An enumerated item named but not given: `the mechanism behind (i),`, `extend (i) and (ii) to`. */
const ITEM_REFERENCE = /\((?:i{1,3}|iv|vi{0,3}|[a-d])\)(?=\s*(?:[,.;:]|and\b|or\b|$))/i
const CONNECTIVE_PREFIX = new RegExp(
  String.raw`^(however|moreover|furthermore|additionally|in addition|specifically|in particular|next|finally|consequently|as a result|to (?:this|that|the)(?: [a-z-]+)? end|thus|therefore|hence|instead|on the other hand|overall|in summary|nevertheless),\s+(?=(we|our|this (?:${SELF_NOUN}))\b)`,
  'i',
)
/**
 * A connective that links a sentence to the one before it but says nothing the sentence needs (`In fact,`,
 * `However,`): a sentence that leans on no more than this may open a digest without it.
 */
const OPENING_CONNECTIVE =
  /^(?:however|moreover|furthermore|additionally|in addition|in fact|indeed|in particular|in practice|(?:more )?concretely|importantly|notably|nevertheless|nonetheless|unfortunately|yet|still)\s*,\s*/i
/**
 * Words for what the sentence before says, as a whole (`this work tackles these issues`, `to close this gap`): with
 * that sentence right before, they name what it says, whatever words it says it in.
 */
const SHELL_NOUNS = new Set(['issue', 'problem', 'limitation', 'challenge', 'difficulty', 'shortcoming', 'drawback', 'gap', 'concern', 'bottleneck', 'obstacle', 'weakness', 'deficiency', 'barrier', 'hurdle', 'discrepancy', 'tension', 'line', 'direction'])
/** What follows a reference that gives what it names: `, namely …`, `, i.e. …`. */
const SPELLED_OUT = /^\s*,\s*(?:namely|i\.e\.|that is)\b/i
const FRAMING_PREFIX = new RegExp(String.raw`^(?:in ${SELF_REFERENCE}|in our (?:${SELF_NOUN})|here),?\s+(we|our)\b`, 'i')
/**
 * A lead-in that only points back, before the authors say what they do: `To address these issues, we`,
 * `Our work bridges this gap between theory and practice: we`. Dropping it leaves the claim, whole.
 */
const POINTING_LEAD_IN = new RegExp(
  String.raw`^(?:(?:to\s+(?:address|tackle|overcome|solve|fill|bridge|close|remedy|mitigate|alleviate|resolve|answer|handle|circumvent|fix|study|investigate|understand)|(?:based|building|drawing) on|(?:motivated|inspired|guided) by|leveraging)\s+(?:this|these|those|such|both|the above|the aforementioned)\b[^,;:.]{0,50},\s*(?=(?:(?:for|in|on|with)\s[^,;:.]{0,50}?\s)?(?:we|our|this (?:${SELF_NOUN}))\b)|[^,;:.]{0,60}\b(?:this|these|those|such)\s+[a-z][^,;:.]{0,60}:\s*(?=we\b))`,
  'i',
)

interface Scored {
  i: number
  s: TextSentence
  score: number
  eligible: boolean
  /** Complete and readable (ending in a full stop, brackets balanced, no LaTeX left), if maybe too short alone. */
  whole: boolean
  /** Leans on or points back to a sentence before it, read as it would open the digest. */
  dependent: boolean
  /** States a contribution (`we show`, `this paper proposes`). */
  contribution: boolean
  /** Leans on the sentence before it only by an opening connective (`In fact,`), and stands on its own without it. */
  standsUnlinked: boolean
  why: Contribution[]
}

/**
 * Picks 1–2 sentences of an abstract as a digest, or null when it has no complete, readable sentence.
 * A sentence that leans on or points back to one the digest would leave out is picked only when no
 * sentence stands on its own, and then with the sentence before it when both fit. A contribution that points back only
 * through words that name what they point to (`We show this delayed generalization is …`, read `the delayed
 * generalization`) or to a phenomenon the title names (`both of these phenomena` beside *Benign Overfitting and
 * Grokking …*) stands on its own. A contribution that
 * points back to the sentence right before it (`How many parameters are needed? We answer this question
 * by …`) competes with the sentences that stand alone, that sentence with it.
 * @example generateDigest('Deep nets generalise. In this paper, we show that X holds for Y.', 'Title')?.text // 'We show that X holds for Y.'
 */
export function generateDigest(abstract: string, title = '', { maxLength = 320, maxSentences = 2, nlp, prepared }: DigestOptions = {}): GeneratedDigest | null {
  const sentences = (prepared?.body ?? analyzeText(abstract, nlp)).map((s, i, all) => beforeCutList(s, all[i + 1]))
  if (sentences.length === 0) return null
  // A title made from the abstract's opening words says no more than that sentence: counting it would pull
  // the digest back to the opening, most often background (`Neural networks extract features from data …`).
  const titleSentences = isOpeningOf(title, abstract) ? [] : (prepared?.title ?? analyzeText(title, nlp))
  const docTerms = bag([...titleSentences, ...titleSentences, ...sentences])
  // Summed once: every sentence is compared with the same vocabulary.
  const vocabulary = { terms: docTerms, norm: sumOfSquares(docTerms) }
  const listNumbers = sentences.map(numberAtEnd)
  const titleWords = comparableWords(title)
  const all: Scored[] = sentences.map((s, i) => {
    const x = { i, s, ...scoreSentence(s, i, sentences.length, vocabulary) }
    if (endsAtStrayStop(s, sentences[i + 1]) || splitsAList(listNumbers, i)) x.eligible = x.whole = false
    if (x.eligible && (restatesTitle(s, titleWords) || CITATION.test(s.text))) x.eligible = false
    return x
  })
  const scored = all.filter((x) => x.eligible)
  if (scored.length === 0) return null
  // A sentence that stands on its own always comes before one that points back to what it would leave out.
  const ranked = [...scored].sort((a, b) => Number(a.dependent) - Number(b.dependent) || b.score - a.score || a.i - b.i)
  const unit = bestUnit(all, ranked, maxSentences > 1 ? maxLength : 0, titleSentences)
  const first = unit.sentence
  const chosen = [first]
  const before = all[first.i - 1]
  if (unit.lead) {
    chosen.unshift(unit.lead)
  } else if (first.dependent && maxSentences > 1 && before?.eligible && digestText([before, first]).length <= maxLength) {
    // Nothing stands on its own: the sentence it points back to comes with it.
    chosen.unshift(before)
  } else if (maxSentences > 1) {
    for (const next of ranked) {
      // A sentence the text repeats is said once.
      if (next.i === first.i || normalizedSentence(next) === normalizedSentence(first)) continue
      const candidate = [...chosen, next].sort((a, b) => a.i - b.i)
      // A second sentence must stand on its own or follow the first directly, and both must fit.
      const opens = next.i < first.i
      // Before what the paper does, only what the paper does too or a question it asks: background there would
      // be read first.
      if (opens && first.contribution && !next.contribution && !OWN_VOICE.test(next.s.text) && !/\?["”’)]?$/.test(next.s.text)) continue
      const readable = opens ? !next.dependent : next.i === first.i + 1 || standsAfter(next, first)
      // One that follows the first and points back only to what the first gives is scored as if it stood alone.
      const score = next.i === first.i + 1 && next.dependent && leadFor(next, first, maxLength) ? withoutDependency(next) : next.score
      if (digestText(candidate).length <= maxLength && readable && score >= first.score * 0.6) {
        chosen.push(next)
        break
      }
    }
  }
  chosen.sort((a, b) => a.i - b.i)
  let text = digestText(chosen)
  if (text.length > maxLength && chosen.length > 1) {
    chosen.splice(0, chosen.length, first)
    text = rewrite(first.s.text)
  }
  const whole = sentences.map((s) => s.text).join(' ')
  text = typeset(rejoinBrokenWords(spellOutAcronyms(text, whole), `${title} ${whole}`))
  return { text, sentences: chosen.map((c) => c.i), why: unit.why }
}

/**
 * A word a line break split after its hyphen (`on a variety of high- dimensional optimization problems`) is written
 * whole as the text writes it elsewhere (`high-dimensional`, or `computation` for `computa- tion`); a hyphen before
 * a space that the text never closes up is left alone, as in `high- and low-resource languages`.
 * @example rejoinBrokenWords('on high- dimensional problems.', 'the theory of high-dimensional SGD') // 'on high-dimensional problems.'
 */
export function rejoinBrokenWords(digest: string, text: string): string {
  if (!digest.includes('- ')) return digest
  return digest.replace(/(?<![\p{L}-])(\p{L}{2,})- (\p{Ll}{2,})(?![\p{L}-])/gu, (m, head: string, tail: string) =>
    [`${head}-${tail}`, `${head}${tail}`].find((w) => new RegExp(`(?<![\\p{L}-])${w}(?![\\p{L}-])`, 'u').test(text)) ?? m,
  )
}

/**
 * Operators LaTeX cleaning leaves as their names (`R^{n} \rtimes G` and `R^{n} rtimes G` both read `R^n rtimes G`),
 * which no English text writes as words: the digest shows their symbols. Only there: the text the splitter reads
 * keeps the name, as a symbol before `G.` would keep it from ending the sentence.
 */
const LOST_OPERATORS: Record<string, string> = { rtimes: '⋊', ltimes: '⋉', otimes: '⊗', oplus: '⊕', times: '×' }
/** Those names, and `times` right after a number (`up to 1.7times fewer` was `1.7\times`). */
const LOST_OPERATOR = /\b(?:rtimes|ltimes|otimes|oplus)\b|(?<=\d)times\b/g

/**
 * The digest's marks as a reader expects them: lost operators as symbols, and a closing quote that opens a quotation
 * (`the name ”Alan Turing” is mentioned`) as an opening one.
 */
function typeset(digest: string): string {
  // Each replacement only where its mark is: most digests have none of them.
  let out = digest
  if (out.includes('times') || out.includes('oplus')) out = out.replace(LOST_OPERATOR, (name) => LOST_OPERATORS[name] ?? name)
  if (out.includes('”')) out = out.replace(/(^|[\s(])”(?=[\p{L}\p{N}][^”“]*”)/gu, '$1“')
  if (!SCRIPT_MARK.test(out)) return out
  // A Greek letter's name written as a sub- or superscript has lost its backslash (`M^c_rho(T)`): it is a symbol
  // there and wherever else the digest names it alone (`a reference measure rho`).
  const scripted = new Set((out.match(/(?<=[_^])[A-Za-z]{2,}\b/g) ?? []).filter((name) => greekLetter(name) !== null))
  for (const name of scripted) out = out.replace(new RegExp(`(?<![\\p{L}-])${name}(?![\\p{L}-])`, 'gu'), greekLetter(name) ?? name)
  return out
}

/**
 * A term written in lower case that may open a sentence: `k-means`, `t-SNE`, `p-values`, `x-axis` (a letter and
 * a hyphen), `mRNA`, `iPhone`, `word2vec` (a capital or a digit inside), `e.g.`, `i.e.` (dotted).
 */
const LOWER_CASE_OPENER = /^(?:\p{Ll}-\p{L}|\p{Ll}\p{L}*[\p{Lu}\p{N}]|(?:\p{L}\.){2,}$)/u

/** Abbreviations the splitter may end a sentence on (`… as in Ref.`, `… ca.`), whose period is theirs. */
const ABBREVIATIONS = new Set(['ca', 'cf', 'vs', 'etc', 'viz', 'ibid', 'approx', 'resp', 'al', 'fig', 'figs', 'eq', 'eqs', 'eqn', 'eqns', 'sec', 'secs', 'sect', 'thm', 'thms', 'lem', 'chap', 'appx', 'supp', 'avg'])
/** Abbreviations that are words too (`… a mobile app.`, `… is no.`): abbreviations only when capitalised mid-sentence. */
const CAPITALISED_ABBREVIATIONS = new Set(['ch', 'vol', 'ref', 'refs', 'def', 'prop', 'alg', 'tab', 'tabs', 'app', 'no', 'nos', 'pp', 'ex', 'min', 'max', 'cor'])

/**
 * Whether the splitter ended `s` at a stray full stop inside a sentence (`… while most face dat . a scarcity.`),
 * which leaves a fragment on both sides: the next sentence opens on an ordinary lower-case word (`a`, `the`), or
 * on any lower case after an abbreviation's period (`as in Ref.`, `U.S.`), which may end a sentence or not. One
 * that ends on a full stop of its own before a term written in lower case (`… in transformers. k-means
 * clustering …`) ends where it should.
 */
function endsAtStrayStop(s: TextSentence, next: TextSentence | undefined): boolean {
  // Past a quote that opens it: `… the answer to the question, ' Can machines think ? ' is to be sought …`.
  const opener = next?.tokens.find((t) => !/^["'“”‘’]$/.test(t.text))?.text ?? ''
  if (!/^\p{Ll}/u.test(opener)) return false
  if (!LOWER_CASE_OPENER.test(opener)) return true
  // The stop itself, before any closing quote or bracket (`… ("lottery tickets").`, `… it works."`).
  const at = s.tokens.findLastIndex((t) => !/^["”’')\]]$/.test(t.text))
  const stop = s.tokens[at]?.text ?? ''
  if (stop === '!' || stop === '?') return false
  const word = s.tokens[at - 1]?.text ?? ''
  const lower = word.toLowerCase()
  return stop !== '.' || ABBREVIATIONS.has(lower) || (CAPITALISED_ABBREVIATIONS.has(lower) && /^\p{Lu}/u.test(word))
}

/**
 * Whether `s` is an item of a numbered list the splitter cut at its numbers, as in a table of contents (`… Letter to
 * Winston Churchill (1941) 8. Memorandum to OP-20-G on Naval Enigma (c. 1941) Artificial Intelligence 9. …`): it
 * ends on one number and a sentence beside it on the next, or it stands between two that do (`… (c. 1951) 13. Can
 * Digital Computers Think? 14. …`).
 */
function splitsAList(numbers: readonly number[], i: number): boolean {
  const [before, n, after] = [numbers[i - 1] ?? NaN, numbers[i] ?? NaN, numbers[i + 1] ?? NaN]
  return after === n + 1 || before === n - 1 || after === before + 1
}

/** The number a sentence ends on (`… (c. 1941) 8.` → 8), NaN for none. */
function numberAtEnd(s: TextSentence): number {
  return Number(/(?:^|\s)(\d{1,3})\.$/.exec(s.text.trim())?.[1] ?? NaN)
}

/** An enumeration opened after a colon: `with three distinctive characteristics: (i) …`. */
const LIST_OPENING = /:\s*\((?:i|1|a)\)\s/

/**
 * A sentence that opens an enumeration whose next item is the next sentence (`… named Informer, with three
 * distinctive characteristics: (i) a ProbSparse self-attention mechanism, … alignment. (ii) the self-attention
 * distilling …`) gives one item of several: it is read up to its colon, which says what the list is of (`…, with
 * three distinctive characteristics.`). Any other sentence is returned as it is.
 */
function beforeCutList(s: TextSentence, next: TextSentence | undefined): TextSentence {
  const opening = LIST_OPENING.exec(s.text)
  if (!opening || !/^\((?:ii|2|b)\)\s/.test(next?.text.trim() ?? '')) return s
  // The colon's token: the first `:` the tokens give as many colons before as the text does.
  const colons = (s.text.slice(0, opening.index).match(/:/g) ?? []).length
  let seen = -1
  const at = s.tokens.findIndex((t) => t.text === ':' && ++seen === colons)
  if (at < 0) return s
  const stop = { ...(s.tokens[at] as TextToken), text: '.', lower: '.', lemma: '.' }
  return { text: `${s.text.slice(0, opening.index).trimEnd()}.`, tokens: [...s.tokens.slice(0, at), stop] }
}

/**
 * A label that opens a paragraph or a part of a structured abstract (`Abstract:`, `Summary:`, `Results:`, `TL;DR:`):
 * the corpus's abstracts.txt writes every paragraph as `Abstract:…`, and a pasted text keeps it.
 */
const LEADING_LABEL =
  /^(?:abstract|summary|tl;?\s?dr|background|context|motivation|objectives?|aims?|purpose|introduction|overview|methods?|methodology|approach|results?|findings|conclusions?|significance)\s*:\s*/i

/**
 * Whether `title` is the opening of `abstract`, cut short or whole (`Pruning deep neural networks is a widely used
 * strategy to alleviate the…`): a title a library made from the abstract because no source gave one.
 */
function isOpeningOf(title: string, abstract: string): boolean {
  const norm = (t: string): string => t.replace(/\s+/g, ' ').trim().toLowerCase()
  const head = norm(title).replace(/\s*(?:…|\.\.\.)$/, '')
  return head.length >= 20 && norm(stripLabel(abstract)).startsWith(head)
}

/** A reference entry given as a sentence: `Planning and coding of problems …, vol. 1, Institute for Advanced Study, 1947.` */
const CITATION = /\b(?:vol|pp)\.\s*\d/i

/** A heading in capitals run into its text, with no colon: `SUMMARY An account is given of …`. */
const CAPITALS_HEADING = /^(?:ABSTRACT|SUMMARY|BACKGROUND|INTRODUCTION)\.?\s+(?=\p{Lu}\p{Ll})/u

function stripLabel(sentence: string): string {
  return sentence.trim().replace(LEADING_LABEL, '').replace(CAPITALS_HEADING, '')
}

/**
 * Whether the sentence is a piece of the title and says nothing more (an abstract that opens on the paper's own
 * citation: `ARTHUR W. BURKS. The logic of programming electronic digital computers. Industrial mathematics …`).
 */
function restatesTitle(s: TextSentence, titleWords: string): boolean {
  const text = stripLabel(s.text)
  // Most sentences are longer than the title: their ASCII letters and digits alone, each one character of the words
  // compared, are more than it holds. Counting them is cheaper than writing the words out.
  if (asciiAlphanumericsOver(text, titleWords.length - 2)) return false
  const sentence = comparableWords(text)
  return sentence.trim().split(' ').length >= 3 && titleWords.includes(sentence)
}

function asciiAlphanumericsOver(text: string, limit: number): boolean {
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) && ++n > limit) return true
  }
  return false
}

/** A text's letters and digits, lower-cased, its words one space apart and a space at both ends. */
function comparableWords(text: string): string {
  return ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `
}

function normalizedSentence(x: Scored): string {
  return x.s.text.replace(/\s+/g, ' ').trim().toLowerCase()
}

/** What a digest opens with: one sentence, or one that leans on the sentence right before it, given with it. */
interface Unit {
  sentence: Scored
  lead: Scored | null
  score: number
  why: Contribution[]
}

/**
 * The best sentence to build the digest on, in this order: a contribution that stands on its own, or reads so beside
 * the title (see {@link readAlone}, scored without the penalty for pointing back); a contribution
 * whose reference the sentence right before it gives (with that sentence, scored without the penalty for pointing
 * back); any other sentence that stands on its own (background only when the abstract states no contribution it
 * can give whole); one that can come with the sentence it leans on; the rest. `maxLength` 0: no room for two
 * sentences.
 */
function bestUnit(all: readonly Scored[], ranked: readonly Scored[], maxLength: number, title: readonly TextSentence[]): Unit {
  const units = ranked.map((x, rank) => {
    const lead = x.dependent ? leadFor(x, all[x.i - 1], maxLength) : null
    const alone = x.dependent && !lead ? readAlone(x, all[x.i - 1], title) : null
    const sentence = alone ?? x
    const why = lead ? x.why.filter((w) => !DEPENDENCY_LABELS.has(w.label)) : sentence.why
    const unit: Unit = { sentence, lead, score: why.reduce((a, b) => a + b.weight, 0), why }
    const tier = x.contribution && (!x.dependent || alone) ? 0 : x.contribution && lead ? 1 : !x.dependent ? 2 : lead ? 3 : 4
    return { unit, tier, rank }
  })
  units.sort((a, b) => a.tier - b.tier || (a.tier <= 2 ? b.unit.score - a.unit.score : 0) || a.rank - b.rank)
  return (units[0] as { unit: Unit }).unit
}

/** Head nouns that name nothing without the sentence they point back to: `this question`, `this model`, `these results`. */
const GENERIC_HEADS = new Set([
  ...SHELL_NOUNS,
  ...['question', 'phenomenon', 'phenomena', 'behavior', 'behaviour', 'effect', 'setting', 'setup', 'scenario', 'approach', 'method', 'model'],
  ...['result', 'observation', 'finding', 'fact', 'task', 'property', 'case', 'regime', 'idea', 'insight', 'framework', 'process', 'procedure'],
  ...['technique', 'analysis', 'paradigm', 'trend', 'perspective', 'view', 'claim', 'hypothesis', 'conjecture', 'goal', 'aspect', 'quantity'],
  ...['class', 'family', 'type', 'kind', 'form', 'assumption', 'condition', 'point', 'one', 'thing', 'object', 'system', 'network', 'data'],
])
/** Words before a head that say nothing of what it is: `this new approach`, `these two surprising phenomena`. */
const WEAK_MODIFIERS = new Set([
  ...['new', 'novel', 'same', 'simple', 'main', 'key', 'first', 'second', 'general', 'particular', 'specific', 'important', 'interesting'],
  ...['surprising', 'striking', 'remarkable', 'intriguing', 'puzzling', 'emerging', 'whole', 'entire', 'other', 'different', 'recent', 'empirical'],
  ...['theoretical', 'practical', 'common', 'basic', 'central', 'fundamental', 'crucial', 'above', 'following', 'two', 'three', 'former', 'latter'],
])
/** What a title names, so that a sentence shown beside it may point to it: `this phenomenon`, `both of these phenomena`. */
const PHENOMENA = new Set(['phenomenon', 'phenomena', 'behavior', 'behaviour', 'effect'])

/**
 * A contribution that points back only to what reads without the sentence it points to, as it then reads: `this` or
 * `these` before words that name what they point to (`We show this delayed generalization is a phase transition …` →
 * `We show the delayed generalization is …`), or a phenomenon the title names, when the sentence before is about
 * the title's subject (`We show that both of these phenomena provably occur …` beside *Benign Overfitting and
 * Grokking in ReLU Networks*); else null. Whatever else it leans on (`However,`, `We also`) keeps it out.
 */
function readAlone(x: Scored, before: Scored | undefined, title: readonly TextSentence[]): Scored | null {
  if (!x.contribution || x.why.some((w) => DEPENDENCY_LABELS.has(w.label) && w.label !== REFERS_BACK_LABEL) || x.why.some((w) => w.label === SECONDARY_LABEL)) return null
  let text = rewrite(x.s.text)
  const titleTerms = new Set(contentTerms(title))
  const titleSubject = before !== undefined && contentTerms([before.s]).some((t) => titleTerms.has(t))
  // From the last, so that the indices of the earlier ones hold.
  for (const ref of unresolvedReferences(text, x.s).reverse()) {
    const named = ref.head.map(wordKey).filter((w) => !WEAK_MODIFIERS.has(w))
    const head = ref.nouns.length > 0 ? wordKey(ref.nouns[ref.nouns.length - 1] as string) : ''
    // One word alone names little (`this connection`) unless the title says it too (`these speed limits`).
    const names = named.some((w) => !GENERIC_HEADS.has(w)) && (named.length >= 2 || named.some((w) => titleTerms.has(w)))
    if (/^(?:this|these|those)$/i.test(ref.pointer) && names) {
      const the = ref.pointer.charAt(0) === ref.pointer.charAt(0).toUpperCase() ? 'The' : 'the'
      text = text.slice(0, ref.index) + the + text.slice(ref.index + ref.pointer.length)
    } else if (!(PHENOMENA.has(head) && titleSubject)) {
      return null
    }
  }
  const why = x.why.filter((w) => !DEPENDENCY_LABELS.has(w.label))
  return { ...x, s: { ...x.s, text }, dependent: false, why, score: why.reduce((a, b) => a + b.weight, 0) }
}

/** A sentence's score without its penalties for leaning on or pointing back to the sentence before it. */
function withoutDependency(x: Scored): number {
  return x.why.filter((w) => !DEPENDENCY_LABELS.has(w.label)).reduce((a, b) => a + b.weight, 0)
}

/** A sentence that comes before the one it leads to may be short (`How many parameters are needed?`), not a fragment. */
const MIN_LEAD = 20

/**
 * The sentence right before `x` when it gives what `x` leans on or points back to, stands on its own, and both
 * fit in `maxLength`; else null.
 */
function leadFor(x: Scored, before: Scored | undefined, maxLength: number): Scored | null {
  if (!before?.whole || (before.dependent && !before.standsUnlinked) || before.s.text.trim().length < MIN_LEAD || digestText([before, x]).length > maxLength) return null
  const text = answerTo(before, stripConnective(x.s.text))
  const items = text.match(new RegExp(ITEM_REFERENCE.source, 'gi')) ?? []
  if (items.some((item) => !before.s.text.includes(item))) return null
  return pointsBack(text, x.s, [before.s], true) ? null : before
}

/** The chosen sentences as written: the first one's lead-in shortened, a later one's connective dropped. */
function digestText(chosen: readonly Scored[]): string {
  return chosen
    .map((c, k) => {
      if (k === 0) return dropOpeningConnective(rewrite(c.s.text))
      // One that does not follow the sentence before it in the abstract loses a lead-in pointing back too.
      const previous = chosen[k - 1] as Scored
      return c.i === previous.i + 1 ? answerTo(previous, stripConnective(c.s.text)) : stripLeadIns(c.s.text)
    })
    .join(' ')
}

/**
 * `the answer to both questions` (`to these questions`, `to the two questions`, `to all three questions`): said
 * right after the one question a digest gives, the answer it names is the answer to that one.
 */
const ANSWER_TO_QUESTIONS =
  /\b(answers?)\s+to\s+(?:(?:both|all(?:\s+(?:two|three))?)(?:\s+of)?(?:\s+(?:these|those|the))?|these|those|the\s+(?:two|three|above))\s+questions\b/gi

/**
 * A sentence as it reads right after `before`: after a question, `the answer to both questions` is `the answer`
 * (*On the Generalization Mystery*: `… how does GD find one that generalizes well? We argue that the answer lies in …`).
 */
function answerTo(before: Scored, text: string): string {
  return /\?["”’)]?$/.test(before.s.text.trim()) ? text.replace(ANSWER_TO_QUESTIONS, '$1') : text
}

/** A sentence added after a non-adjacent first one: it neither leans on the sentence before it nor points back past the first. */
function standsAfter(next: Scored, first: Scored): boolean {
  const text = stripLeadIns(next.s.text)
  return !LEANS_ON_PREVIOUS.test(text) && !PRONOUN_OBJECT.test(text) && !ITEM_REFERENCE.test(text) && !pointsBack(text, next.s, [first.s])
}

/** A reference back a sentence makes (`this delayed generalization`, `both of these phenomena`), and the words it names. */
interface Reference {
  /** Where the reference starts in the text, and what it is (`this`, `both of these`, `such`). */
  index: number
  pointer: string
  /** The nouns and adjectives right after the pointer (`delayed generalization`). */
  head: string[]
  nouns: string[]
}

/**
 * True when the sentence refers to something not given before it (in the sentence itself or in `context`):
 * `both of these phenomena`, but not `we study deep networks and show that such networks …`.
 */
function pointsBack(text: string, s: TextSentence, context: readonly TextSentence[] = [], adjacent = false): boolean {
  return unresolvedReferences(text, s, context, adjacent).length > 0
}

/** The references back in the sentence whose words neither the sentence before them nor `context` gives. */
function unresolvedReferences(text: string, s: TextSentence, context: readonly TextSentence[] = [], adjacent = false): Reference[] {
  const out: Reference[] = []
  // Most sentences make no reference back: what references are read with is worked out at the first one.
  let read: ReferenceContext | undefined
  for (const m of text.matchAll(REFERS_BACK)) {
    read ??= referenceContext(s, context)
    const { posOf, contextWords, asked } = read
    // The words it names: the nouns and adjectives right after `this`, `both of these`, `the two`, `such a`.
    const after = text.slice(m.index).replace(/^(?:both of |both |such |said |the (?:two|three|four|above|aforementioned|former|latter) )?(?:these |those |this |them )?(?:an? )?/i, '')
    const head: string[] = []
    const words = after.match(/^[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,3}/)?.[0].split(/\s+/) ?? []
    for (const [k, w] of words.entries()) {
      // A hyphenated word inside what is named, or an `-ing` or `-ed` word before its noun, modifies it (`this
      // over-fitting problem`, `this emerging line`, `this delayed generalization`), whatever the tagger read.
      const next = words[k + 1]?.toLowerCase() ?? ''
      const participle = /ing$/i.test(w) || (/ed$/i.test(w) && posOf.get(next) === 'NOUN')
      const modifier = w.includes('-') || (k === 0 && next !== '' && participle && posOf.get(w.toLowerCase()) === 'VERB')
      const pos = modifier ? 'ADJ' : posOf.get(w.toLowerCase())
      if (pos !== 'NOUN' && pos !== 'PROPN' && pos !== 'ADJ' && pos !== 'NUM' && pos !== 'X') break
      head.push(w)
    }
    const nouns = head.filter((w) => posOf.get(w.toLowerCase()) === 'NOUN' || posOf.get(w.toLowerCase()) === 'PROPN')
    const earlier = wordsOf(`${contextWords} ${text.slice(0, m.index)}`)
    const named = (nouns.length > 0 ? nouns : head).map(wordKey)
    const question = named.length === 1 && named[0] === 'question' && asked >= (/^(?:this|that)\s/i.test(m[0]) ? 1 : 2)
    // `these issues` right after the sentence that says what they are.
    const shell = adjacent && context.length > 0 && nouns.length === 1 && SHELL_NOUNS.has(wordKey(nouns[0] as string))
    // `these software testing methods, namely differential, metamorphic, …`: what it names follows at once.
    const spelledOut = head.length > 0 && SPELLED_OUT.test(after.slice(after.indexOf(head[head.length - 1] as string) + (head[head.length - 1] as string).length))
    if (!question && !shell && !spelledOut && (named.length === 0 || !named.some((w) => earlier.some((e) => sameWord(e, w)))))
      out.push({ index: m.index, pointer: text.slice(m.index, text.length - after.length).trimEnd(), head, nouns })
  }
  return out
}

/** What the references back in a sentence are read with. */
interface ReferenceContext {
  /** Each word's tag in the sentence, at its first use. */
  posOf: Map<string, string>
  contextWords: string
  /** Questions asked before it: one is `this question`, two are `both questions`. */
  asked: number
}

function referenceContext(s: TextSentence, context: readonly TextSentence[]): ReferenceContext {
  const posOf = new Map<string, string>()
  for (const t of s.tokens) if (t.kind === 'word' && !posOf.has(t.lower)) posOf.set(t.lower, t.pos)
  const contextWords = context.map((c) => c.text).join(' ')
  return { posOf, contextWords, asked: (contextWords.match(/\?/g) ?? []).length }
}

const wordKey = (w: string): string => singularize(w.toLowerCase())
const wordsOf = (text: string): string[] => (text.match(/[A-Za-z][\w-]*/g) ?? []).map(wordKey)
/** `question` and `questions`, `phenomena` and `phenomenon`. */
const sameWord = (a: string, b: string): boolean => a === b || (a.length >= 7 && b.length >= 7 && a.slice(0, 6) === b.slice(0, 6))

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
    // A hyphenated word gives one initial or one per part: `time-series forecasting` is TSF or TF.
    const { perPart, perWord } = initialsBothWays(phrase, MINOR_WORDS)
    const initials = perPart === letters ? perPart : perWord
    if (initials === letters && /^[A-Za-z]/.test(phrase[0] ?? '') && !MINOR_WORDS.has((phrase[0] ?? '').toLowerCase())) {
      const preceding = words.slice(0, -n).join(' ')
      return { phrase: phrase.join(' ').replace(/[,;:]$/, ''), opensSentence: preceding === '' || /[.!?]["”’)]?$/.test(preceding) }
    }
    if (perWord.length > letters.length) break
  }
  return null
}

const ENUMERATION_ITEM = /^(?:first|firstly|second|secondly|third|thirdly|lastly|finally|next|our (?:first|second|third|fourth|last|final|other)\b)\b/i
const LEANS_LABEL = 'leans on the previous sentence'
const REFERS_BACK_LABEL = 'refers to something said before it'
const ITEM_LABEL = 'names a numbered item it does not give'
const SECONDARY_LABEL = 'adds to a result given before it'
/** The penalties a sentence loses when the sentence it leans on comes with it. */
const DEPENDENCY_LABELS = new Set([LEANS_LABEL, REFERS_BACK_LABEL, ITEM_LABEL])

/**
 * A sentence that says where the code, data or a demo is (`The source code is available at https://github.com/…`,
 * `Code will be released.`): a link, not what the paper does or finds.
 */
const WHERE_TO_FIND =
  /\bhttps?:\/\/|\bwww\.\w|\b(?:code|data|models?|implementation|weights|samples|benchmarks?|datasets?|framework)\b[^.]{0,80}\b(?:is|are|will be|has been|have been)\s+(?:\w+ly\s+)?(?:made\s+)?(?:available|released|open-sourced)\b/i

/**
 * Longest sentence a digest uses, in words: one longer is most often two the source ran together without a full
 * stop (`… (and called (C) in this note) It was shewn in his paper …`), and too long to read at a glance anyway.
 */
const MAX_WORDS = 60
/**
 * More than {@link MAX_WORDS} words, as `text.split(/\s+/)` counts them (one more than the runs of spaces), without
 * making the array: the runs before the last are each followed by a word.
 */
const TOO_MANY_WORDS = new RegExp(String.raw`^\S*(?:\s+\S+){${MAX_WORDS - 1}}\s`)

/** What a sentence gains for saying what the authors' method does: half what `we propose` gains. */
const OWN_METHOD_WEIGHT = 0.6

/**
 * Whether the authors' own method does something in the sentence (`Our method, called PROSE, learns maps …`): a
 * contribution, whatever the verb. The word after the subject must be tagged a verb (not `Our model parameters`).
 */
function ownMethodActs(opening: string, s: TextSentence): boolean {
  const verb = OWN_METHOD_SUBJECT.exec(opening)?.[1]?.toLowerCase()
  return verb !== undefined && s.tokens.some((t) => t.lower === verb && (t.pos === 'VERB' || t.pos === 'AUX'))
}

/** The paper's vocabulary as sentences are compared with it: its term counts and their sum of squares, summed once. */
interface Vocabulary {
  terms: Map<string, number>
  norm: number
}

function scoreSentence(s: TextSentence, index: number, count: number, vocabulary: Vocabulary): Omit<Scored, 'i' | 's'> {
  const text = stripLabel(s.text)
  const whole =
    /[.!?]["”’)]?$/.test(text) &&
    /^["“(]?[A-Z0-9]/.test(text) &&
    text.length <= 400 &&
    !TOO_MANY_WORDS.test(text) &&
    !hasLatexResidue(text) &&
    balanced(text) &&
    !/(\bet al\.|\bFig\.|\bTab\.|\be\.g\.$|\bi\.e\.$)$/.test(text) &&
    !/(\.\.\.|…)\s*$/.test(text) &&
    // A run too long to be a word was left out of it (see `withoutOverlongRuns`).
    !text.includes(OMITTED_RUN)
  const eligible = whole && text.length >= 40 && !WHERE_TO_FIND.test(text)
  // Read as the sentence would open the digest: `In this work, we show that both of these …` as `We show that both of these …`.
  const opening = rewrite(text)
  const centrality = cosineBags(bag([s]), vocabulary)
  const setting = SETTING_FRAME.test(opening)
  const cue = !setting && (CONTRIBUTION_CUE.test(text) || PAST_CONTRIBUTION.test(text) || OWN_INSIGHT.test(text) || PASSIVE_CONTRIBUTION.test(text)) ? 1 : 0
  // What the authors' method does is theirs too, but most often what it achieves (`Our method reduces the parameters
  // by 64.7 %`): it counts for less than saying what they do (`We propose VTrans`).
  const ownMethod = !cue && !setting && ownMethodActs(opening, s) ? 1 : 0
  const leans = LEANS_ON_PREVIOUS.test(opening) || PRONOUN_OBJECT.test(opening) || pronounBeforeNoun(s) ? 1 : 0
  const refersBack = !leans && pointsBack(opening, s) ? 1 : 0
  const itemReference = ITEM_REFERENCE.test(text) ? 1 : 0
  const secondary = SECONDARY.test(opening) ? 1 : 0
  const unlinked = dropOpeningConnective(opening)
  const standsUnlinked =
    unlinked !== opening && !LEANS_ON_PREVIOUS.test(unlinked) && !PRONOUN_OBJECT.test(unlinked) && !SECONDARY.test(unlinked) && !itemReference && !pointsBack(unlinked, s)
  // Others' work and what the field knows: a sentence about what `we` or `our` method do is no background.
  const background = !cue && BACKGROUND.test(text) && !/\b(?:we|our)\b/i.test(text) ? 1 : 0
  const position = count <= 1 ? 0 : index === 0 ? 0.2 : index <= 2 ? 0.4 : index === count - 1 ? 0.1 : 0.2
  const why: Contribution[] = [
    { label: 'shares the paper’s vocabulary', weight: 2 * centrality },
    { label: 'states a contribution', weight: 1.2 * cue },
    { label: 'says what the authors’ method does', weight: OWN_METHOD_WEIGHT * ownMethod },
    { label: 'position in the abstract', weight: position },
    { label: LEANS_LABEL, weight: -1.2 * leans },
    { label: REFERS_BACK_LABEL, weight: -1.2 * refersBack },
    { label: ITEM_LABEL, weight: -1.2 * itemReference },
    { label: SECONDARY_LABEL, weight: -0.6 * secondary },
    { label: 'describes background, not the paper', weight: -1 * background },
  ]
  return {
    score: why.reduce((a, b) => a + b.weight, 0),
    eligible,
    whole,
    // A result added to one before it (`We also use our scores to …`) leans on that one as much as `This` does.
    dependent: leans + refersBack + itemReference + secondary > 0,
    // A question is no contribution, whatever it names (`how do we find them?`), and an item of a list
    // (`First, we report`) leans on the list, not on the sentence that announces it.
    contribution: cue + ownMethod > 0 && !/\?["”’)]?$/.test(text) && !ENUMERATION_ITEM.test(opening),
    standsUnlinked,
    why: why.filter((w) => w.weight !== 0),
  }
}

/** `In this paper, we show` → `We show`; `However, we` → `We`; capital first letter; final period. */
function rewrite(sentence: string): string {
  let t = stripLabel(sentence).replace(/\s+/g, ' ')
  // `In this paper, we show` → `We show`; `In this paper, our main insight is` → `Our main insight is`.
  t = t.replace(FRAMING_PREFIX, (_m, who: string) => (who.toLowerCase() === 'our' ? 'Our' : 'We'))
  t = stripLeadIns(t)
  t = t.charAt(0).toUpperCase() + t.slice(1)
  if (!/[.!?]["”’)]?$/.test(t)) t = `${t}.`
  return t
}

/** A lead-in that only points back (`To address these issues,`) and then a connective (`However,`) dropped. */
function stripLeadIns(sentence: string): string {
  return stripConnective(stripLabel(sentence).replace(POINTING_LEAD_IN, ''))
}

/** `In fact, there is evidence that …` → `There is evidence that …`. */
function dropOpeningConnective(sentence: string): string {
  const t = sentence.replace(OPENING_CONNECTIVE, '')
  return t.charAt(0).toUpperCase() + t.slice(1)
}

function stripConnective(sentence: string): string {
  const t = stripLabel(sentence).replace(/\s+/g, ' ').replace(CONNECTIVE_PREFIX, '')
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

/**
 * A sub- or superscript inside a math-like token, readable as cleaned LaTeX leaves it: `GL^+(n, R)`, `W_ij`,
 * `O(n^(-1/2))`, `‖W‖_F`, `M^*`.
 */
const SCRIPT_IN_TOKEN = /(?<=[\p{L}\p{N}\p{S})\]*'′‖])[\^_](?=[\p{L}\p{N}\p{S}(*'′‖+\-−])/gu

/** More sub- and superscripts than this make a formula, not a sentence to read. */
const MAX_SCRIPTS = 4
/** Math commands a capture lost the backslash of: `mathcalO(`, `Oleft(left(`, `int_Omega`, `nabla u`. */
const LOST_COMMAND = /\bmath(?:cal|bb|bf|rm|it|sf|frak|scr)[A-Z(]|\S(?:left|right)[()[\]]|\b(?:left|right)[([]|\b(?:int|sum|prod)[_^]|\bnabla\b/

/** A sub- or superscript mark anywhere, and the words every {@link LOST_COMMAND} without one holds. */
const SCRIPT_MARK = /[\^_]/
const LOST_COMMAND_WORD = /math|left|right|nabla/

/**
 * LaTeX cleaning left behind: a backslash, a dollar, a brace, a `^` or `_` that stands outside a math-like
 * token, more scripts than a sentence reads with, or a math command that lost its backslash.
 */
function hasLatexResidue(text: string): boolean {
  // Most sentences have no script at all: then the count and the removal change nothing, and LOST_COMMAND needs a word.
  if (!SCRIPT_MARK.test(text)) return /[\\${}]/.test(text) || (LOST_COMMAND_WORD.test(text) && LOST_COMMAND.test(text))
  const scripts = text.match(SCRIPT_IN_TOKEN)?.length ?? 0
  return scripts > MAX_SCRIPTS || LOST_COMMAND.test(text) || /[\\$^_{}]/.test(text.replace(SCRIPT_IN_TOKEN, ''))
}

/** What stands before the `)` of an enumeration marker: `3`, `iv`, `b`, after a space or the start. */
const LIST_MARKER_BEFORE = /(?:^|[\s;,])(?:\d{1,2}|[ivx]{1,4}|[a-h])$/

function bag(sentences: readonly TextSentence[]): Map<string, number> {
  const out = new Map<string, number>()
  for (const t of contentTerms(sentences)) out.set(t, (out.get(t) ?? 0) + 1)
  return out
}

function cosineBags(a: Map<string, number>, b: Vocabulary): number {
  let ab = 0
  let aa = 0
  for (const [t, v] of a) {
    aa += v * v
    ab += v * (b.terms.get(t) ?? 0)
  }
  return aa === 0 || b.norm === 0 ? 0 : ab / Math.sqrt(aa * b.norm)
}

function sumOfSquares(counts: Map<string, number>): number {
  let sum = 0
  for (const v of counts.values()) sum += v * v
  return sum
}
