/**
 * @module Why a text has no topic, in one sentence: the API serves it, and the paper page, the Classify page and
 * `paperscope show` print it as served, so the reason is said one way everywhere.
 */
import { confidencePercent, pluralize } from '../core/index.js'
import { DEFAULT_TOPIC_OPTIONS, OFF_TOPIC_WHY, RESTS_ON_ONE_WORD, type TopicPrediction, type UnsortedReason } from './classify.js'

/** What {@link unsortedSentence} reads of a prediction. */
export type UnsortedInput = Pick<TopicPrediction, 'unsortedBecause'> & Partial<Pick<TopicPrediction, 'topics' | 'oneWord' | 'tooShort' | 'namedLater'>>

// A confidence is never certainty: 0.997 reads `>99%`, as on the pages' chips, not `100%`.
const percent = confidencePercent

/**
 * The sentence a reader sees for an unsorted text, naming the closest topic, or the word a one-word call rests on;
 * null when the text is not unsorted (`unsortedBecause` null).
 * @example
 * unsortedSentence({ unsortedBecause: 'low-confidence', topics: [{ label: 'Lottery Ticket Hypothesis', confidence: 0.31 }] })
 * // 'Unsorted: no topic is confident enough (closest: Lottery Ticket Hypothesis, 31%).'
 */
export function unsortedSentence(prediction: UnsortedInput): string | null {
  const best = prediction.topics?.[0]
  switch (prediction.unsortedBecause) {
    case null:
      return null
    case 'off-topic':
      return 'Unsorted: the text is further from every topic of this library than any curated paper is, so it gets no topic, and a key word is suggested only where papers worded like it list it, not from similar papers or topics.'
    case 'one-word': {
      const one = prediction.oneWord
      // A stored prediction that lost its word (never written so) still says what is known.
      if (!one || !best) return 'Unsorted: the best topic rests on one word of the text, so no topic is given.'
      return `Unsorted: the best topic, ${best.label} (${percent(best.confidence)}), rests on one word (“${one.word}”); without it the text is closer to ${one.instead}.`
    }
    case 'too-short': {
      const t = prediction.tooShort
      if (!t) return 'Unsorted: the text is too short to tell its topic.'
      if (t.tooFew === 'words') return `Unsorted: the text is too short to tell its topic (${pluralize(t.words, 'content word')}).`
      return `Unsorted: too few of the text's words are ones this library's papers use (${t.known} of ${t.words}) to tell its topic.`
    }
    case 'no-model':
      return 'Unsorted: the library has no curated topics to learn from.'
    case 'named-later': {
      const later = prediction.namedLater
      if (!later) return 'Unsorted: the closest topic was named long after the paper, and no other topic is confident enough.'
      const next = best && Math.round(best.confidence * 100) > 0 ? ` (next: ${best.label}, ${percent(best.confidence)})` : ''
      return `Unsorted: the closest topic, ${later.label} (${percent(later.confidence)}), is not given: the library first writes its name in ${later.firstYear}, ${later.firstYear - later.year} years after this paper, and no other topic is confident enough${next}.`
    }
    case 'low-confidence':
    default:
      return best ? `Unsorted: no topic is confident enough (closest: ${best.label}, ${percent(best.confidence)}).` : 'Unsorted: no topic is confident enough.'
  }
}

/** The one-word reason as classifyTopics writes it: `rests on one word: without “X” the text is closer to Y, so no topic is given`. */
const ONE_WORD_WHY = new RegExp(`^${RESTS_ON_ONE_WORD}without “(.+)” the text is closer to (.+), so no topic is given$`)

/**
 * Why a stored unsorted prediction written before the reason was kept is unsorted, read as the classifier decided
 * it from what was kept: its reasons (`why`, whose first is {@link OFF_TOPIC_WHY} for an off-topic text and which
 * names the word of a one-word call), its best confidence and the model's `unsortedBelow`. A one-word call whose best
 * topic was under `unsortedBelow` was unsorted for want of confidence. The library's analysis fits its topic model with
 * the default `unsortedBelow`, which is what it was when one-word calls came in (model version 21); before them no
 * reason names a word, so the bar decides nothing for older rows.
 * @example storedUnsortedReason({ unsorted: true, topics: [{ label: 'Deep Double Descent', confidence: 0.36 }], why: ['rests on one word: without “regression” the text is closer to Lottery Ticket Hypothesis, so no topic is given'] }, 0.35)
 * // { unsortedBecause: 'one-word', oneWord: { word: 'regression', instead: 'Lottery Ticket Hypothesis' } }
 */
export function storedUnsortedReason(
  stored: { unsorted: boolean; topics: ReadonlyArray<{ confidence: number }>; why: readonly string[] },
  unsortedBelow: number = DEFAULT_TOPIC_OPTIONS.unsortedBelow,
): { unsortedBecause: UnsortedReason | null; oneWord: TopicPrediction['oneWord'] } {
  const match = stored.why.map((w) => ONE_WORD_WHY.exec(w)).find((m) => m !== null)
  const oneWord = match ? { word: match[1] as string, instead: match[2] as string } : null
  if (!stored.unsorted) return { unsortedBecause: null, oneWord }
  if (stored.why[0] === OFF_TOPIC_WHY) return { unsortedBecause: 'off-topic', oneWord }
  if ((stored.topics[0]?.confidence ?? 0) < unsortedBelow || !oneWord) return { unsortedBecause: 'low-confidence', oneWord }
  return { unsortedBecause: 'one-word', oneWord }
}
