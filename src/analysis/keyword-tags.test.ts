import { describe, expect, it } from 'vitest'
import { fitKeywordTags, keywordTagProbabilities, tagFeature } from './keyword-tags.js'
import { prepareText, termCounts } from './text.js'
import { tfidfVector } from './tfidf.js'

const paper = (title: string, text: string) => prepareText({ title, text })

describe('per-key-word classifiers', () => {
  const texts: Array<[string, string]> = [
    ['Winning tickets in pruned networks', 'Sparse subnetworks found by iterative magnitude pruning train to full accuracy.'],
    ['Pruning at initialization finds sparse subnetworks', 'Magnitude pruning before training keeps sparse subnetworks that match dense accuracy.'],
    ['Rewinding and sparse subnetworks', 'Iterative pruning with weight rewinding finds sparse subnetworks in large networks.'],
    ['Kernel regime of wide networks', 'Infinitely wide networks trained by gradient descent follow the neural tangent kernel.'],
    ['Tangent kernels beyond infinite width', 'Finite width corrections to the neural tangent kernel of wide networks.'],
    ['Spectral bias in the kernel regime', 'The neural tangent kernel of wide networks explains the spectral bias of gradient descent.'],
  ]
  const docs = texts.map(([title, text]) => paper(title, text))
  const keys = [
    new Set(['lottery ticket']),
    new Set(['lottery ticket']),
    new Set(['lottery ticket']),
    new Set(['neural tangent kernel']),
    new Set(['neural tangent kernel', 'spectral bias']),
    new Set(['neural tangent kernel', 'spectral bias']),
  ]

  it('says which key words a text worded like their papers would list, only for key words listed twice or more', () => {
    const fit = fitKeywordTags(docs, keys)
    expect(fit).toBeDefined()
    expect(Object.keys(fit!.model.centroids).sort()).toEqual(['lottery ticket', 'neural tangent kernel', 'spectral bias'])
    const p = keywordTagProbabilities(fit!.model, paper('Sparse subnetworks by magnitude pruning', 'We prune networks iteratively and find sparse subnetworks.'))
    expect(p.get('lottery ticket')!).toBeGreaterThan(p.get('neural tangent kernel')!)
    // Survives a trip through JSON, as it is stored.
    const stored = JSON.parse(JSON.stringify(fit!.model))
    expect(keywordTagProbabilities(stored, docs[0]!)).toEqual(keywordTagProbabilities(fit!.model, docs[0]!))
  })

  it("scores a text by each key word's whole centroid: the same sums, to the last bit, as a dot product over every term of it", () => {
    const fit = fitKeywordTags(docs, keys)!
    const { centroids, platt } = fit.model
    for (const doc of [...docs, paper('Sparse kernels', 'Pruning the neural tangent kernel of wide networks.'), paper('Unrelated', 'Bread and butter.')]) {
      const x = tfidfVector(fit.model.tfidf, termCounts(doc))
      const dense = new Float64Array(fit.model.tfidf.vocabulary.length)
      x.indices.forEach((t, j) => (dense[t] = x.values[j]!))
      const p = keywordTagProbabilities(fit.model, doc)
      expect([...p.keys()]).toEqual(Object.keys(centroids))
      for (const [key, c] of Object.entries(centroids)) {
        let d = 0
        for (let j = 0; j < c.indices.length; j++) d += c.values[j]! * dense[c.indices[j]!]!
        expect(p.get(key)).toBe(1 / (1 + Math.exp(-(platt[0] * (d / c.norm) + platt[1] * Math.log(c.papers) + platt[2]))))
      }
    }
  })

  it('gives a training paper a probability for its own key word only when the others that list it are enough', () => {
    const fit = fitKeywordTags(docs, keys)!
    // A lottery-ticket paper: two others list its key word, so it is scored without itself.
    expect([...fit.trainProbabilities[0]!.keys()].sort()).toEqual(['lottery ticket', 'neural tangent kernel', 'spectral bias'])
    // A spectral-bias paper: one other lists it, too few without itself.
    expect([...fit.trainProbabilities[5]!.keys()].sort()).toEqual(['lottery ticket', 'neural tangent kernel'])
  })

  it('fits and scores a text read once as it would a fresh reading of it (its counts are kept, never changed)', () => {
    const once = fitKeywordTags(docs, keys)!
    const again = fitKeywordTags(docs, keys)!
    expect(again).toEqual(once)
    const copies = texts.map(([title, text]) => paper(title, text))
    expect(fitKeywordTags(copies, keys)).toEqual(once)
    docs.forEach((d, i) => expect(keywordTagProbabilities(once.model, d)).toEqual(keywordTagProbabilities(once.model, copies[i]!)))
  })

  it("reads a word by the compound it heads, as the topics do: `coordinate descent` is no evidence for the `double descent` papers' `descent`", () => {
    const double = ['Double descent in linear regression', 'Epoch-wise double descent', 'Double descent of the test error', 'Model-wise double descent in random features', 'Sample-wise double descent and regularization', 'Double descent explained by bias and variance']
    const gradient = ['Gradient descent on wide networks', 'Implicit bias of gradient descent', 'Stochastic gradient descent escapes saddles', 'Gradient descent with large step sizes', 'Noisy gradient descent generalizes', 'Gradient descent finds flat minima']
    // Papers on other things, so that `descent` is no word of most texts (those are left out of the vocabulary).
    const other = texts.slice(0, 3).flatMap(([title, text]) => [1, 2, 3, 4].map((k) => paper(`${title} ${k}`, text)))
    const corpus = [...double.map((t) => paper(t, `We observe ${t.toLowerCase()}.`)), ...gradient.map((t) => paper(t, `We analyse ${t.toLowerCase()}.`)), ...other]
    const fit = fitKeywordTags(corpus, [...double.map(() => new Set(['double descent'])), ...gradient.map(() => new Set(['gradient descent'])), ...other.map(() => new Set<string>())])!
    expect(fit.model.heads?.shares['double descent']?.['descent']).toEqual({ double: 1 })
    // The library writes `descent` only in the compounds it names, so a compound it does not name binds it too.
    expect(fit.model.heads?.unnamed['descent']).toBe(1)
    const p = (title: string) => keywordTagProbabilities(fit.model, paper(title, 'We study convergence rates.')).get('double descent')!
    // `coordinate` and `coordinate descent` are no terms of the library: without compounds the two texts read alike.
    expect(p('Coordinate descent and convergence')).toBeLessThan(p('Descent and convergence') - 0.05)
    expect(p('Double descent and convergence')).toBeGreaterThan(p('Descent and convergence'))
    expect(keywordTagProbabilities(JSON.parse(JSON.stringify(fit.model)), corpus[0]!)).toEqual(keywordTagProbabilities(fit.model, corpus[0]!))
    // A model stored before the heads dropped their unread paper count scores as it did.
    const stored = JSON.parse(JSON.stringify({ ...fit.model, heads: { ...fit.model.heads, minPapers: 5 } })) as typeof fit.model
    for (const title of ['Coordinate descent and convergence', 'Double descent and convergence']) expect(keywordTagProbabilities(stored, paper(title, 'x'))).toEqual(keywordTagProbabilities(fit.model, paper(title, 'x')))
  })

  it('gives nothing to fit from when no key word is listed twice', () => {
    expect(fitKeywordTags(docs.slice(0, 2), [new Set(['a']), new Set(['b'])])).toBeUndefined()
  })

  it('reads a probability as clipped log-odds: 0.5 is 1, no classifier is 0', () => {
    expect(tagFeature(0.5)).toBe(1)
    expect(tagFeature(undefined)).toBe(0)
    expect(tagFeature(1e-9)).toBe(0)
    expect(tagFeature(1 - 1e-9)).toBe(2)
  })
})
