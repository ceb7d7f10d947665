/** A word, `to` and the same word again (`sequence to sequence`) is one word to key phrases, as `sequence-to-sequence` is. */
import { beforeAll, describe, expect, it } from 'vitest'
import type { SourceRecord } from '../core/index.js'
import { awesomeListRecords, d2lReferenceRecords } from '../../test/support/corpus-records.js'
import { extractKeywords, fewKeywordsNote, fitKeywordModel, keywordsBesideCurated, RANK_ALL, type KeywordModel } from './keywords.js'
import { prepareText, type PreparedText } from './text.js'

describe('a word to the same word, on the awesome list with the D2L references', () => {
  let records: SourceRecord[]
  let model: KeywordModel
  const docOf = (r: SourceRecord): PreparedText => prepareText({ title: r.title ?? '', text: r.digest?.text ?? r.abstract ?? '' })
  const shown = (title: string): string[] => {
    const r = records.find((x) => x.title === title)
    if (!r) throw new Error(`${title} is no longer in the fixtures`)
    return keywordsBesideCurated(extractKeywords(model, docOf(r), { ...RANK_ALL, curated: r.keywords }), r.keywords ?? []).map((k) => k.text)
  }

  beforeAll(() => {
    records = [...awesomeListRecords(), ...d2lReferenceRecords()]
    model = fitKeywordModel(records.map((r) => ({ doc: docOf(r), keywords: r.keywords, topics: r.topics })))
  })

  it('gives *Sequence to sequence learning with neural networks* its phrase (the tagger reads `to sequence` as a verb)', () => {
    expect(shown('Sequence to sequence learning with neural networks')).toContain('Sequence to sequence learning')
  })

  it('keys it as the hyphenated word, so the two spellings are one phrase', () => {
    const key = (title: string): string[] => extractKeywords(model, prepareText({ title, text: '' }), RANK_ALL).map((k) => k.key)
    expect(key('End to end training of deep visuomotor policies')).toContain('endtoend training')
    expect(key('End-to-end training of deep visuomotor policies')).toContain('endtoend training')
  })

  it('joins nothing else: `present to present` modifies no noun, *Network in network* has only `network`', () => {
    expect(shown('Network in network')).toEqual([])
    expect(fewKeywordsNote(0)).toMatch(/^No key words: no phrase of the text scores 0\.15 or more/)
    const mirage = prepareText({ title: 'Emergent abilities', text: 'They appear to go from not present to present, and back.' })
    expect(extractKeywords(model, mirage, RANK_ALL).map((k) => k.text).filter((t) => / to /.test(t))).toEqual([])
  })
})
