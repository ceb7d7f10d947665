/**
 * A title that opens on a word in -ing is read as its verb before the object (`Deconstructing Lottery Tickets`), unless
 * the library's other texts write that word as a modifier of the phrase's noun (`Discrete Denoising Models`): then the
 * title's noun phrase is shown whole (`Denoising diffusion probabilistic models`).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { SourceRecord } from '../core/index.js'
import { awesomeListFixtureRecords, awesomeListRecords, d2lReferenceRecords } from '../../test/support/corpus-records.js'
import { extractKeywords, fitKeywordModel, RANK_ALL, type KeywordModel } from './keywords.js'
import { prepareText, type PreparedText } from './text.js'

describe('a title opening on a word in -ing', () => {
  // The awesome list, the D2L book's references and an awesome list of diffusion papers, as one library reads them:
  // the diffusion list writes `A Continuous Time Framework for Discrete Denoising Models`, the D2L book DDPM's title.
  let model: KeywordModel
  let records: SourceRecord[]
  const doc = (r: SourceRecord): PreparedText => prepareText({ title: r.title ?? '', text: r.digest?.text ?? r.abstract ?? '' })
  const keywords = (title: string, options = {}): string[] => {
    const r = records.find((o) => o.title === title)
    if (!r) throw new Error(`${title} is no longer in the fixtures`)
    return extractKeywords(model, doc(r), options).map((k) => k.text)
  }

  beforeAll(() => {
    records = [...awesomeListRecords(), ...d2lReferenceRecords(), ...awesomeListFixtureRecords('diff-usion-awesome-diffusion-models.md')]
    model = fitKeywordModel(records.map((r) => ({ doc: doc(r), keywords: r.keywords, topics: r.topics })))
  })

  it('shows the whole title phrase when other texts write the word as a modifier of its noun (`Denoising diffusion probabilistic models`)', () => {
    expect(records.some((r) => /Discrete Denoising Models/.test(r.title ?? ''))).toBe(true)
    const ddpm = keywords('Denoising diffusion probabilistic models')
    expect(ddpm).toContain('Denoising diffusion probabilistic models')
    expect(ddpm).not.toContain('probabilistic models')
  })

  it('still reads the word as a verb where no other text writes it before the noun (`Deconstructing`, `Generating`)', () => {
    const lottery = keywords('Deconstructing Lottery Tickets: Zeros, Signs, and the Supermask', RANK_ALL)
    expect(lottery).not.toContain('Deconstructing')
    expect(lottery.some((k) => k.startsWith('Deconstructing'))).toBe(false)
    expect(keywords('Generating long sequences with sparse transformers', RANK_ALL)).not.toContain('Generating long sequences')
  })
})
