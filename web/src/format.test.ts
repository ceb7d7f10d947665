import { describe, expect, it } from 'vitest'
import { confidenceSpoken, idsNotShown, ordinal, percentileRank, sourceLabelInText } from './format.js'

describe('source names in a sentence', () => {
  it('writes common names in lower case with an article, proper names as they are', () => {
    expect(sourceLabelInText('awesome-list')).toBe('the curated awesome list')
    expect(sourceLabelInText('arxiv')).toBe('arXiv')
    expect(sourceLabelInText('openalex')).toBe('OpenAlex')
    expect(sourceLabelInText('bibtex')).toBe('BibTeX')
  })
})

describe('percentiles and other numbers in 0..100', () => {
  it('writes ordinals with the suffix English gives them', () => {
    const ordinals = [1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 57, 100, 101, 111, 112, 113].map(ordinal)
    expect(ordinals).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd', '57th', '100th', '101st', '111th', '112th', '113th'])
  })

  it('ranks a percentile as a whole one, never a rounded top or bottom', () => {
    expect(percentileRank(56.5)).toBe('57th')
    expect(percentileRank(41.1)).toBe('41st')
    expect(percentileRank(99.6)).toBe('99th')
    expect(percentileRank(100)).toBe('100th')
    expect(percentileRank(0.4)).toBe('1st')
  })

  it('says a confidence past the rounding in words, not as a sign a screen reader may skip', () => {
    expect(confidenceSpoken(0.62)).toBe('62%')
    expect(confidenceSpoken(1)).toBe('over 99%')
    expect(confidenceSpoken(0.001)).toBe('under 1%')
  })
})

describe("a record's ids its paper does not show", () => {
  it('names the kinds whose value the paper does not show, DOIs compared without case', () => {
    // DDPG's reference-list entry carries Bengio's monograph DOI; the DDPG paper shows only its arXiv id.
    expect(idsNotShown({ arxiv: '1509.02971', doi: '10.1561/2200000006' }, { arxiv: '1509.02971' })).toEqual(['doi'])
    // A preprint's DOI beside the publication's, which the paper shows.
    expect(idsNotShown({ doi: '10.48550/arXiv.1512.03385' }, { doi: '10.1109/cvpr.2016.90' })).toEqual(['doi'])
    expect(idsNotShown({ doi: '10.1109/CVPR.2016.90', arxiv: '1512.03385' }, { doi: '10.1109/cvpr.2016.90', arxiv: '1512.03385' })).toEqual([])
  })
})
