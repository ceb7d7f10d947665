import { describe, expect, it } from 'vitest'
import { fitTfidf, tfidfVector } from './tfidf.js'

const counts = (...terms: string[]): Map<string, number> => new Map(terms.map((t) => [t, 1]))

describe('tfidfVector', () => {
  const docs = [counts('grokking', 'network'), counts('collapse', 'network'), counts('kernel', 'network'), counts('ticket', 'network')]
  const model = fitTfidf(docs, { minDf: 1 })

  it('keeps the terms it left out as too common apart from terms never seen', () => {
    expect(model.vocabulary).toEqual(['collapse', 'grokking', 'kernel', 'ticket'])
    expect(model.common).toEqual(['network'])
  })

  it('leaves terms it never saw out of the vector, and with `lengthen` counts them in its length only', () => {
    const text = counts('grokking', 'flour', 'dough', 'network')
    const ignored = tfidfVector(model, text)
    expect([...ignored.values]).toEqual([1])
    const lengthened = tfidfVector(model, text, { unseen: 'lengthen' })
    expect([...lengthened.indices]).toEqual([...ignored.indices])
    // `grokking` (df 1) against two words in no document, each weighed with the idf of df 0; `network` is known.
    const grok = Math.log(5 / 2) + 1
    const unseen = Math.log(5) + 1
    expect(lengthened.values[0]).toBeCloseTo(grok / Math.sqrt(grok ** 2 + 2 * unseen ** 2), 6)
  })

  it('ignores unseen terms for a model fitted before it listed its common ones', () => {
    const { common: _common, ...older } = model
    expect([...tfidfVector(older, counts('grokking', 'flour'), { unseen: 'lengthen' }).values]).toEqual([1])
  })
})
