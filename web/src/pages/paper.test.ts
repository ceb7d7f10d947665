import { describe, expect, it } from 'vitest'
import { digestSourceRecord, noveltyCaption, paperLanguageLine } from './paper.js'

describe('the novelty caption', () => {
  it("names the paper's year, or the years pooled with it and why", () => {
    // The text's length is taken out before ranking (model version 44): said, since the percentile need not follow the novelty.
    expect(noveltyCaption({ from: 2021, to: 2021, papers: 40 })).toBe('among this library’s 40 papers of 2021 with a novelty, with what a text of its length gets taken out')
    expect(noveltyCaption({ from: 2017, to: 2018, papers: 15 })).toBe(
      'among this library’s 15 papers of 2017–2018 with a novelty, with what a text of its length gets taken out: years with too few papers to rank among alone are ranked together with the years next to them',
    )
    // An analysis from before the cohort was kept: no claim that only its own year counted.
    expect(noveltyCaption(null)).toMatch(/of its year \(of the years next to it too, when its year has few papers\), with what a text of its length gets taken out$/)
  })
})

describe('where a digest came from', () => {
  const curated = { text: 'We show it.', origin: 'curated' as const }
  it('names the record whose digest the paper shows, and none for a generated digest', () => {
    const sources = [
      { source: 'daily-papers', digest: null },
      { source: 'semantic-scholar', digest: { text: 'It is shown.', origin: 'source-model' as const } },
      { source: 'awesome-list', digest: curated },
    ]
    expect(digestSourceRecord(curated, sources)?.source).toBe('awesome-list')
    expect(digestSourceRecord({ text: 'It is shown.', origin: 'source-model' }, sources)?.source).toBe('semantic-scholar')
    expect(digestSourceRecord({ text: 'We show it.', origin: 'generated' }, sources)).toBeUndefined()
  })
})

describe("the line naming a paper's language", () => {
  it('names a language not English, and nothing for English or an analysis that recorded none', () => {
    expect(paperLanguageLine('French')).toBe('Language: French')
    expect(paperLanguageLine('English')).toBeNull()
    expect(paperLanguageLine(null)).toBeNull()
    // No analysis yet (keywordAnalysis null).
    expect(paperLanguageLine(undefined)).toBeNull()
  })
})
