import { describe, expect, it } from 'vitest'
import { sourceLabelInText } from './format.js'

describe('source names in a sentence', () => {
  it('writes common names in lower case with an article, proper names as they are', () => {
    expect(sourceLabelInText('awesome-list')).toBe('the curated awesome list')
    expect(sourceLabelInText('arxiv')).toBe('arXiv')
    expect(sourceLabelInText('openalex')).toBe('OpenAlex')
    expect(sourceLabelInText('bibtex')).toBe('BibTeX')
  })
})
