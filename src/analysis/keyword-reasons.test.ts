/** The topic a key word's reason names, on a model fitted to the awesome list's curated key words and topics. */
import { beforeAll, describe, expect, it } from 'vitest'
import { awesomeListKeywordModel, awesomeListRecords } from '../../test/support/corpus-records.js'
import { assignTopics } from './classify.js'
import { extractKeywords, type KeywordModel, type KeywordTopic } from './keywords.js'
import { prepareText } from './text.js'

const LTH = 'Lottery Ticket Hypothesis'
// Names none of its topic's key words: `Lottery Ticket Hypothesis` comes from what the topics suggest.
const doc = prepareText({ title: 'Sparse subnetworks that train in isolation', text: 'We prune a dense network early in training and retrain the mask.' })

describe('a key word typical of a topic', () => {
  let model: KeywordModel
  const typical = (topics: KeywordTopic[], shownTopics: string[]) =>
    extractKeywords(model, doc, { topics, shownTopics, max: 5, min: 5, minScore: 0 })
      .flatMap((k) => k.why.map((w) => w.label))
      .filter((label) => label.startsWith('typical of'))

  beforeAll(() => {
    const records = awesomeListRecords()
    model = awesomeListKeywordModel(records)
  })

  it('says the topic is only near the paper when the paper is not shown under it', () => {
    // A prediction is shown under the topics `assignTopics` gives it, as `analyze` and `classify` pass them.
    const predicted = (topics: KeywordTopic[]) =>
      typical(topics, assignTopics([], { topics, unsorted: topics[0]!.confidence < 0.35, offTopic: false, why: [] }).map((t) => t.label))
    // Shown under Others alone (Lottery Ticket Hypothesis at 30% is under the 35% a second topic needs).
    const second = predicted([
      { label: 'Others', confidence: 0.6 },
      { label: LTH, confidence: 0.3 },
      { label: 'Empirical Study', confidence: 0.1 },
    ])
    // Unsorted (best under 35%): shown under no topic.
    const unsorted = predicted([
      { label: LTH, confidence: 0.3 },
      { label: 'Others', confidence: 0.25 },
      { label: 'Empirical Study', confidence: 0.2 },
    ])
    for (const labels of [second, unsorted]) {
      expect(labels.length).toBeGreaterThan(0)
      for (const label of labels) expect(label).toMatch(/^typical of “Lottery Ticket Hypothesis” papers, a topic near this paper( \(not in text\))?$/)
    }
  })

  it('names a topic the paper is shown under plainly: its best predicted one, or any curated one', () => {
    const shown: Array<[KeywordTopic[], string[]]> = [
      // Predicted: the best is shown.
      [[{ label: LTH, confidence: 0.7 }, { label: 'Others', confidence: 0.3 }], [LTH]],
      // Curated: equal shares (as `analyze` gives them) or 1 each, every one shown (the default: every topic given).
      [[{ label: 'Others', confidence: 1 / 3 }, { label: 'Empirical Study', confidence: 1 / 3 }, { label: LTH, confidence: 1 / 3 }], ['Others', 'Empirical Study', LTH]],
      [[{ label: 'Others', confidence: 1 }, { label: LTH, confidence: 1 }], ['Others', LTH]],
    ]
    for (const [topics, shownTopics] of shown) {
      const labels = typical(topics, shownTopics)
      expect(labels.length).toBeGreaterThan(0)
      for (const label of labels) expect(label).toMatch(/^typical of “Lottery Ticket Hypothesis” papers( \(not in text\))?$/)
    }
  })
})
