/** A one-word fill-in must name something: a title's verb at work is no key word, a gerund that names a thing stays. */
import { beforeAll, describe, expect, it } from 'vitest'
import type { SourceRecord } from '../core/index.js'
import { awesomeListKeywordModel, awesomeListRecords } from '../../test/support/corpus-records.js'
import { extractKeywords, keywordCandidates, keywordsBesideCurated, RANK_ALL, type KeywordModel } from './keywords.js'
import { prepareText, type PreparedText } from './text.js'

const records = awesomeListRecords()
const docOf = (r: SourceRecord): PreparedText => prepareText({ title: r.title ?? '', text: r.digest?.text ?? '' })
const record = (title: string): SourceRecord => {
  const found = records.find((r) => r.title === title)
  if (!found) throw new Error(`${title} is no longer in the corpus`)
  return found
}
// Fitted once, for the tests that need it (a few seconds).
let fitted: KeywordModel | undefined
const awesomeModel = (): KeywordModel => (fitted ??= awesomeListKeywordModel(records))
const verbWithObject = (title: string, text: string, key: string): boolean | undefined =>
  keywordCandidates(prepareText({ title, text })).find((c) => c.key === key)?.verbWithObject

describe('one-word key words read as a verb', () => {
  it('marks a word every use of which is a verb followed by its object, and not a gerund that names a thing', () => {
    expect(verbWithObject('Deconstructing Lottery Tickets: Zeros, Signs, and the Supermask', '', 'deconstructing')).toBe(true)
    expect(verbWithObject('Are All Layers Created Equal?', 'Resetting the ambient layers to their initial values has no negative consequence.', 'resetting')).toBe(true)
    // Before a preposition or at the end, the gerund names something (`Example Forgetting`, `Coin-Betting`).
    expect(verbWithObject('An Empirical Study of Example Forgetting during Deep Neural Network Learning', '', 'forgetting')).toBe(false)
    expect(verbWithObject('Tighter PAC-Bayes Bounds Through Coin-Betting', '', 'coinbetting')).toBe(false)
    // One use as a name is enough: `comparing` of `by comparing.` names what is done even where `comparing models` is a verb.
    expect(verbWithObject('Comparing models', 'We learn about both by comparing.', 'comparing')).toBe(false)
  })

  describe('on the awesome list', () => {
    let model: KeywordModel
    const besideCurated = (r: SourceRecord): string[] =>
      keywordsBesideCurated(extractKeywords(model, docOf(r), RANK_ALL), r.keywords).map((k) => k.text)

    beforeAll(() => {
      model = awesomeModel()
    })

    it('does not fill a curated list with the title\'s verb (`Deconstructing`, `Comparing`)', () => {
      const deconstructing = record('Deconstructing Lottery Tickets: Zeros, Signs, and the Supermask')
      expect(deconstructing.keywords).toEqual(['Lottery Ticket Hypothesis'])
      expect(besideCurated(deconstructing)).not.toContain('Deconstructing')
      const comparing = record('Five Points to Check when Comparing Visual Perception in Humans and Machines')
      expect(besideCurated(comparing)).not.toContain('Comparing')
      expect(besideCurated(comparing)).toContain('Visual Perception')
    })

    it('still shows a gerund curators list (`Fine-Tuning`) where the tagger reads a verb at work', () => {
      const text = { title: 'Fine-tuning Large Language Models', text: 'We study fine-tuning the last layer of pretrained networks.' }
      expect(keywordCandidates(prepareText(text)).find((c) => c.key === 'finetuning')?.verbWithObject).toBe(true)
      expect(extractKeywords(model, prepareText(text)).map((k) => k.text)).toContain('Fine-Tuning')
    })
  })
})

describe('a participle that starts a phrase the text abbreviates', () => {
  it('makes `rectified linear units (ReLU)` a phrase, with its acronym, and no other participle-led run', () => {
    const doc = prepareText({ title: '', text: 'We study deep networks with rectified linear units (ReLU). Trained linear units (TLX) differ.' })
    const keys = keywordCandidates(doc).map((c) => c.key)
    expect(keywordCandidates(doc).find((c) => c.key === 'rectified linear unit')?.hasAcronym).toBe(true)
    // `TLX` abbreviates no word by word, so `Trained` still starts nothing.
    expect(keys).not.toContain('trained linear unit')
  })

  it('no longer fills the curated `ReLU` with `Units` (*Understanding Deep Neural Networks with Rectified Linear Units*)', () => {
    const paper = record('Understanding Deep Neural Networks with Rectified Linear Units')
    expect(paper.keywords).toEqual(['ReLU'])
    const ranked = extractKeywords(awesomeModel(), docOf(paper), RANK_ALL)
    // The acronym stands for the phrase it abbreviates, which restates the curated key word; `Units` was its piece.
    expect(ranked[0]?.text.toLowerCase()).toBe('rectified linear units')
    expect(keywordsBesideCurated(ranked, paper.keywords).map((k) => k.text)).not.toContain('Units')
  })
})
