/**
 * A weak suggestion (under the 0.3 that lets it only fill a list) is not supported by a word a twentieth or more of the
 * library's texts write and curators do not list alone: `neural` is no support for `Neural Tangent Kernel`.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { awesomeListKeywordProbe } from '../../test/support/corpus-records.js'
import { extractKeywords, RANK_ALL, type KeywordModel } from './keywords.js'
import { prepareText } from './text.js'

describe('a weak suggestion the text shares only a generic word with', () => {
  let model: KeywordModel
  // One of two similar curated papers lists `Neural Tangent Kernel`; the first title is one of the D2L book's references.
  const neighbours = [
    { similarity: 0.5, keywords: ['Neural Tangent Kernel'] },
    { similarity: 0.5, keywords: ['Pruning'] },
  ]
  const suggested = (title: string): string[] =>
    extractKeywords(model, prepareText({ title, text: '' }), { ...RANK_ALL, neighbours })
      .filter((k) => !k.inText)
      .map((k) => k.text)

  beforeAll(() => {
    model = awesomeListKeywordProbe().model
  })

  it('is not shown on `neural` alone (*Neural collaborative filtering*, 0.29 before)', () => {
    expect(suggested('Neural collaborative filtering')).not.toContain('Neural Tangent Kernel')
  })

  it('is shown on a word of it few texts write (`kernel`)', () => {
    expect(suggested('Kernel methods for collaborative filtering')).toContain('Neural Tangent Kernel')
  })
})
