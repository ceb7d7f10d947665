/** Why a text is unsorted, in the one sentence every reader shows; and the reason the classifier gives for it. */
import { beforeAll, describe, expect, it } from 'vitest'
import { awesomeListRecords } from '../../test/support/corpus-records.js'
import { classifyTopics, fitTopicClassifier, topicProbabilities, type TopicModel } from './classify.js'
import { prepareText } from './text.js'
import { storedUnsortedReason, unsortedSentence } from './unsorted.js'

const DDD = { label: 'Deep Double Descent', confidence: 0.356 }
const LTH = { label: 'Lottery Ticket Hypothesis', confidence: 0.31 }

describe('unsortedSentence', () => {
  it('says nothing for a text with a topic', () => {
    expect(unsortedSentence({ unsortedBecause: null, topics: [DDD] })).toBeNull()
  })

  it('names the closest topic when no topic is confident enough', () => {
    expect(unsortedSentence({ unsortedBecause: 'low-confidence', topics: [LTH, DDD] })).toBe('Unsorted: no topic is confident enough (closest: Lottery Ticket Hypothesis, 31%).')
    expect(unsortedSentence({ unsortedBecause: 'low-confidence', topics: [] })).toBe('Unsorted: no topic is confident enough.')
  })

  it('names the word a one-word call rests on, and the topic closer without it', () => {
    expect(unsortedSentence({ unsortedBecause: 'one-word', topics: [DDD, LTH], oneWord: { word: 'descent', instead: 'Lottery Ticket Hypothesis' } })).toBe(
      'Unsorted: the best topic, Deep Double Descent (36%), rests on one word (“descent”); without it the text is closer to Lottery Ticket Hypothesis.',
    )
    expect(unsortedSentence({ unsortedBecause: 'one-word', topics: [DDD], oneWord: null })).toBe('Unsorted: the best topic rests on one word of the text, so no topic is given.')
  })

  it('says an off-topic text is further from every topic than any curated paper, naming no topic', () => {
    expect(unsortedSentence({ unsortedBecause: 'off-topic', topics: [LTH] })).toBe(
      'Unsorted: the text is further from every topic of this library than any curated paper is, so it gets no topic, and a key word is suggested only where papers worded like it list it, not from similar papers or topics.',
    )
  })

  it('says a text is too short, or has too few of the words the library uses, with the counts', () => {
    expect(unsortedSentence({ unsortedBecause: 'too-short', tooShort: { words: 1, known: 1, tooFew: 'words' } })).toBe('Unsorted: the text is too short to tell its topic (1 content word).')
    expect(unsortedSentence({ unsortedBecause: 'too-short', tooShort: { words: 2, known: 0, tooFew: 'words' } })).toBe('Unsorted: the text is too short to tell its topic (2 content words).')
    expect(unsortedSentence({ unsortedBecause: 'too-short', tooShort: { words: 4, known: 1, tooFew: 'known' } })).toBe("Unsorted: too few of the text's words are ones this library's papers use (1 of 4) to tell its topic.")
    expect(unsortedSentence({ unsortedBecause: 'too-short' })).toBe('Unsorted: the text is too short to tell its topic.')
  })

  it('names the closest topic a paper is not put under, the years between, and the next when it is something', () => {
    const namedLater = { label: 'Neural Tangent Kernel', confidence: 0.995, firstYear: 2018, year: 2005 }
    expect(unsortedSentence({ unsortedBecause: 'named-later', topics: [LTH], namedLater })).toBe(
      'Unsorted: the closest topic, Neural Tangent Kernel (>99%), is not given: the library first writes its name in 2018, 13 years after this paper, and no other topic is confident enough (next: Lottery Ticket Hypothesis, 31%).',
    )
    expect(unsortedSentence({ unsortedBecause: 'named-later', topics: [{ label: 'Others', confidence: 0.002 }], namedLater })).toMatch(/13 years after this paper, and no other topic is confident enough\.$/)
    expect(unsortedSentence({ unsortedBecause: 'named-later', topics: [] })).toBe('Unsorted: the closest topic was named long after the paper, and no other topic is confident enough.')
  })

  it('says a library without curated topics has none to learn from', () => {
    expect(unsortedSentence({ unsortedBecause: 'no-model' })).toBe('Unsorted: the library has no curated topics to learn from.')
  })
})

describe('storedUnsortedReason (an analysis stored before the reason was kept)', () => {
  const oneWordWhy = 'rests on one word: without “regression” the text is closer to Lottery Ticket Hypothesis, so no topic is given'

  it('reads the reason from the reasons and the best confidence, as the classifier decided it', () => {
    expect(storedUnsortedReason({ unsorted: true, topics: [DDD], why: [oneWordWhy, 'regression'] })).toEqual({
      unsortedBecause: 'one-word',
      oneWord: { word: 'regression', instead: 'Lottery Ticket Hypothesis' },
    })
    expect(storedUnsortedReason({ unsorted: true, topics: [LTH], why: ['further from every topic than any curated paper'] })).toEqual({ unsortedBecause: 'off-topic', oneWord: null })
    expect(storedUnsortedReason({ unsorted: true, topics: [LTH], why: ['pruning', 'close to the Lottery Ticket Hypothesis papers'] })).toEqual({ unsortedBecause: 'low-confidence', oneWord: null })
    // Under the bar, one word did not decide it: no topic was confident enough anyway.
    expect(storedUnsortedReason({ unsorted: true, topics: [LTH], why: [oneWordWhy] })).toMatchObject({ unsortedBecause: 'low-confidence' })
    expect(storedUnsortedReason({ unsorted: false, topics: [DDD], why: ['double descent'] })).toEqual({ unsortedBecause: null, oneWord: null })
  })
})

describe('the reason a classifier trained on the awesome list gives', () => {
  let model: TopicModel

  beforeAll(() => {
    const records = awesomeListRecords()
    model = fitTopicClassifier(
      records.map((r) => ({ doc: prepareText({ title: r.title ?? '', text: r.digest?.text ?? '' }), topics: r.topics })),
      { calibrationFolds: 3 },
    )
  })

  it('leaves Coordinate Descent for Sparse Regression unsorted because one word decides it, and says which', () => {
    const p = classifyTopics(model, prepareText({ title: 'Coordinate Descent for Sparse Regression', text: 'We analyse coordinate descent for lasso regression and prove linear convergence.' }))
    expect(p).toMatchObject({ unsorted: true, offTopic: false, unsortedBecause: 'one-word', oneWord: { word: 'regression' } })
    expect(p.topics[0]?.label).toBe('Deep Double Descent')
    expect(p.topics[0]?.confidence).toBeGreaterThanOrEqual(model.unsortedBelow)
    expect(p.oneWord?.instead).not.toBe('Deep Double Descent')
    expect(unsortedSentence(p)).toBe(
      `Unsorted: the best topic, Deep Double Descent (${Math.round(p.topics[0]!.confidence * 100)}%), rests on one word (“regression”); without it the text is closer to ${p.oneWord!.instead}.`,
    )
    // The reasons say the same, and a row stored with only them is read back to the same reason.
    expect(storedUnsortedReason({ unsorted: true, topics: p.topics, why: p.why.map((w) => w.label) }, model.unsortedBelow)).toEqual({ unsortedBecause: 'one-word', oneWord: p.oneWord })
  })

  it('gives off-topic for a bread recipe, and no reason for a paper of the field', () => {
    const bread = classifyTopics(model, prepareText({ title: 'A sourdough starter for rye bread', text: '' }))
    expect(bread).toMatchObject({ unsorted: true, offTopic: true, unsortedBecause: 'off-topic', oneWord: null })
    expect(storedUnsortedReason({ unsorted: true, topics: bread.topics, why: bread.why.map((w) => w.label) }, model.unsortedBelow).unsortedBecause).toBe('off-topic')
    const grokking = classifyTopics(model, prepareText({ title: 'Grokking in neural networks', text: 'Neural networks trained on modular addition grok long after they fit.' }))
    expect(grokking).toMatchObject({ unsorted: false, unsortedBecause: null })
    expect(unsortedSentence(grokking)).toBeNull()
  })

  it('puts a paper under no topic it names in `exclude`: the next one if confident, else unsorted as named later', () => {
    const text = prepareText({ title: 'Learning the kernel with hyperkernels', text: '' })
    const free = classifyTopics(model, text)
    expect(free.topics[0]?.label).toBe('Neural Tangent Kernel')
    expect(free.namedLater).toBeUndefined()
    const exclude = new Map([['Neural Tangent Kernel', { firstYear: 2018, year: 2005 }]])
    const p = classifyTopics(model, text, { exclude })
    expect(p.topics.map((t) => t.label)).not.toContain('Neural Tangent Kernel')
    // The others keep their confidences: none is made surer by the absence.
    const probabilities = topicProbabilities(model, text)
    for (const t of p.topics) expect(t.confidence).toBe(probabilities[model.labels.indexOf(t.label)])
    expect(p.namedLater).toEqual({ label: 'Neural Tangent Kernel', confidence: free.topics[0]!.confidence, firstYear: 2018, year: 2005 })
    expect(p).toMatchObject({ unsorted: true, unsortedBecause: 'named-later', oneWord: null })
    expect(p.why[0]?.label).toBe('not under Neural Tangent Kernel: the library first writes its name in 2018, 13 years after this paper')
    // A paper confidently on another topic gets that one, and its reasons still say what was passed over.
    const grokking = prepareText({ title: 'Grokking in neural networks', text: 'Neural networks trained on modular addition grok long after they fit.' })
    const best = classifyTopics(model, grokking).topics
    const second = classifyTopics(model, grokking, { exclude: new Map([[best[0]!.label, { firstYear: 2020, year: 2010 }]]) })
    expect(second.topics[0]?.label).toBe(best[1]?.label)
    expect(second.unsortedBecause).toBe(second.topics[0]!.confidence < model.unsortedBelow ? 'named-later' : null)
    expect(second.why[0]?.label).toMatch(/^not under /)
  })

  it('is unsorted exactly when it gives a reason, and low-confidence exactly when the best topic is under the bar', () => {
    const texts = [
      ['Learning rates and batch sizes', 'We study how the learning rate and the batch size of stochastic gradient descent change generalization.'],
      ['Coordinate Descent for Sparse Regression', 'We analyse coordinate descent for lasso regression and prove linear convergence.'],
      ['A sourdough starter for rye bread', ''],
      ['Networks', 'We study networks.'],
    ] as const
    for (const [title, text] of texts) {
      const p = classifyTopics(model, prepareText({ title, text }))
      expect(p.unsorted, title).toBe(p.unsortedBecause !== null)
      if (!p.offTopic) expect(p.unsortedBecause === 'low-confidence', title).toBe((p.topics[0]?.confidence ?? 0) < model.unsortedBelow)
    }
  })
})
