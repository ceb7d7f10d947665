/**
 * A paper the classifier left unsorted, though not off topic (one word decided its best topic, or no topic was
 * confident), is near its similar papers and topics by little: a key word they suggest is shown only when papers
 * worded like it list it too, as for a suggestion nothing backs.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { SourceRecord } from '../core/index.js'
import { awesomeListRecords, d2lReferenceRecords } from '../../test/support/corpus-records.js'
import { classifyTopics, fitTopicClassifier, type TopicModel, type TopicPrediction } from './classify.js'
import { keywordTagProbabilities } from './keyword-tags.js'
import { extractKeywords, fitKeywordModel, keywordEvidence, keywordsBesideCurated, RANK_ALL, UNBACKED_SUGGESTION_MIN_PROBABILITY, type KeywordModel, type KeywordNeighbour } from './keywords.js'
import { prepareText, type PreparedText } from './text.js'
import { embedPrepared, fitVectorModel, type VectorModel } from './vectors.js'

const prediction = (unsortedBecause: TopicPrediction['unsortedBecause']): Pick<TopicPrediction, 'topics' | 'unsorted' | 'offTopic' | 'unsortedBecause'> => ({
  topics: [{ label: 'Lottery Ticket Hypothesis', confidence: 0.3 }],
  unsorted: unsortedBecause !== null,
  offTopic: unsortedBecause === 'off-topic',
  unsortedBecause,
})

describe('keywordEvidence', () => {
  it('marks a text unsorted for one word or low confidence, not off topic, predicted or curated', () => {
    expect(keywordEvidence([], prediction('one-word')).unsorted).toBe(true)
    expect(keywordEvidence([], prediction('low-confidence')).unsorted).toBe(true)
    // Off topic draws on no similar paper and no topic at all; a sorted or curated paper's are evidence.
    expect(keywordEvidence([], prediction('off-topic')).unsorted).toBe(false)
    expect(keywordEvidence([], prediction(null)).unsorted).toBe(false)
    expect(keywordEvidence(['Lottery Ticket Hypothesis'], prediction('low-confidence')).unsorted).toBe(false)
  })
})

// The library's analysis on the awesome list (its curated key words and topics) and the D2L book's references: an
// LSA model for similar papers, the key-word model fitted with each curated paper's neighbours, the topic classifier.
describe('suggestions on unsorted papers of the awesome list with the D2L references', () => {
  let curated: SourceRecord[]
  let d2l: SourceRecord[]
  let vectors: VectorModel
  let curatedVectors: Float32Array[]
  let model: KeywordModel
  let topics: TopicModel
  const docOf = (r: Pick<SourceRecord, 'title' | 'abstract' | 'digest'>): PreparedText => prepareText({ title: r.title ?? '', text: r.digest?.text ?? r.abstract ?? '' })
  const neighbours = (v: Float32Array, self = -1): KeywordNeighbour[] =>
    curated
      .map((r, i) => ({ similarity: i === self ? 0 : v.reduce((s, x, d) => s + x * (curatedVectors[i]?.[d] ?? 0), 0), keywords: r.keywords ?? [] }))
      .filter((n) => n.similarity > 0 && n.keywords.length > 0)
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, 10)
  // As analyze takes a paper's evidence; `unsorted` may be overridden to show what the rule takes away.
  const analysed = (title: string, override?: { unsorted: boolean }) => {
    const r = d2l.find((x) => x.title === title)
    if (!r) throw new Error(`${title} is no longer in the D2L fixture`)
    const doc = docOf(r)
    const p = classifyTopics(topics, doc)
    const e = keywordEvidence([], p)
    const ranked = extractKeywords(model, doc, {
      neighbours: e.similarPapers ? neighbours(embedPrepared(vectors, doc)) : [],
      topics: e.topics,
      shownTopics: e.shownTopics,
      unsorted: e.unsorted,
      ...override,
      ...RANK_ALL,
    })
    const shown = keywordsBesideCurated(ranked, [])
    return { doc, because: p.unsortedBecause, shown, suggested: shown.filter((k) => !k.inText).map((k) => k.text) }
  }

  beforeAll(() => {
    curated = awesomeListRecords()
    d2l = d2lReferenceRecords()
    const docs = curated.map(docOf)
    vectors = fitVectorModel(docs)
    curatedVectors = docs.map((d) => embedPrepared(vectors, d))
    model = fitKeywordModel(curated.map((r, i) => ({ doc: docs[i] as PreparedText, keywords: r.keywords, topics: r.topics, neighbours: neighbours(curatedVectors[i] as Float32Array, i) })))
    topics = fitTopicClassifier(curated.map((r, i) => ({ doc: docs[i] as PreparedText, topics: r.topics ?? [] })))
  })

  it('drops what only near papers back (`Data Augmentation` for *The Art of Statistics*)', () => {
    const art = analysed('The Art of Statistics: Learning from Data')
    expect(art.because).toBe('one-word')
    expect(art.suggested).not.toContain('Data Augmentation')
    // Without the rule the similar papers' `Data Augmentation` is shown.
    expect(analysed('The Art of Statistics: Learning from Data', { unsorted: false }).suggested).toContain('Data Augmentation')

    const reasoners = analysed('Large Language Models are Zero-Shot Reasoners')
    expect(reasoners.because).toBe('low-confidence')
    expect(reasoners.suggested).not.toContain('Neural Scaling Laws')
    expect(analysed('Large Language Models are Zero-Shot Reasoners', { unsorted: false }).suggested).toContain('Neural Scaling Laws')
  })

  it('keeps what papers worded like it list (`Large Language Models` for *Language models are few-shot learners*)', () => {
    const gpt3 = analysed('Language models are few-shot learners')
    expect(gpt3.because).not.toBeNull()
    expect(gpt3.suggested).toContain('Large Language Models')
  })

  it('shows an unsorted paper a suggestion only where papers worded like it list it one time in twenty, above average', () => {
    let unsorted = 0
    let suggestions = 0
    for (const r of d2l) {
      const { doc, because, shown } = analysed(r.title ?? '')
      if (because !== 'one-word' && because !== 'low-confidence') continue
      unsorted++
      const p = keywordTagProbabilities(model.tags!, doc)
      for (const k of shown.filter((k) => !k.inText)) {
        suggestions++
        expect(p.get(k.key), `${k.text} for ${r.title}`).toBeGreaterThanOrEqual(UNBACKED_SUGGESTION_MIN_PROBABILITY)
        expect(p.get(k.key), `${k.text} for ${r.title}`).toBeGreaterThanOrEqual((model.keywordFrequency[k.key] ?? 0) / (model.curatedDocuments ?? 1))
      }
    }
    expect(unsorted).toBeGreaterThan(10)
    expect(suggestions).toBeGreaterThan(0)
  })
})
