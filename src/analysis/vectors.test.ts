import { Matrix, SVD } from 'ml-matrix'
import { describe, expect, it } from 'vitest'
import { dot, type SparseVector } from './sparse.js'
import { prepareText } from './text.js'
import { createLsaEmbedder, embedPrepared, fitVectorModel, tooLittleKnown, truncatedSvd, vectorModelFromJson, vectorModelToJson } from './vectors.js'

const texts = [
  { title: 'Lottery tickets in pruned networks', text: 'Sparse subnetworks found by iterative magnitude pruning train to full accuracy.' },
  { title: 'Winning tickets and pruning at initialization', text: 'Pruning at initialization finds lottery tickets without training.' },
  { title: 'Neural tangent kernel of wide networks', text: 'Infinitely wide networks evolve as linear models under the neural tangent kernel.' },
  { title: 'Kernel regime and lazy training', text: 'In the lazy regime the tangent kernel stays constant during training.' },
  { title: 'Neural collapse at the terminal phase', text: 'Last-layer features collapse to class means forming a simplex equiangular tight frame.' },
  { title: 'Collapse of class features', text: 'Within-class variability of last-layer features vanishes late in training.' },
]

describe('truncated SVD', () => {
  it('matches a dense SVD on the top singular values', () => {
    const dense = [
      [1, 0, 2, 0, 0],
      [0, 3, 0, 1, 0],
      [1, 0, 2, 0, 1],
      [0, 2, 0, 1, 0],
    ]
    const rows: SparseVector[] = dense.map((r) => {
      const idx = r.map((v, i) => [v, i] as const).filter(([v]) => v !== 0)
      return { indices: Int32Array.from(idx.map(([, i]) => i)), values: Float32Array.from(idx.map(([v]) => v)) }
    })
    const expected = new SVD(new Matrix(dense)).diagonal
    const { singularValues } = truncatedSvd(rows, 5, { dimensions: 2, oversample: 2 })
    expect(singularValues[0]).toBeCloseTo(expected[0] as number, 4)
    expect(singularValues[1]).toBeCloseTo(expected[1] as number, 4)
  })
})

describe('LSA vector model', () => {
  const docs = texts.map((t) => prepareText(t))
  const model = fitVectorModel(docs, { dimensions: 4, tfidf: { minDf: 1, maxDfRatio: 1 }, fittedAt: '2025-01-01T00:00:00Z' })

  it('embeds papers as unit vectors and puts papers on one topic closer', () => {
    const v = docs.map((d) => embedPrepared(model, d))
    for (const x of v) expect(Math.sqrt(dot(x, x))).toBeCloseTo(1, 5)
    expect(dot(v[0] as Float32Array, v[1] as Float32Array)).toBeGreaterThan(dot(v[0] as Float32Array, v[4] as Float32Array))
  })

  it('embeds a new text with the fitted model (no refit)', () => {
    const [v] = createLsaEmbedder(model).embed([{ title: 'Pruning finds lottery tickets', text: '' }])
    const ticket = embedPrepared(model, docs[0] as ReturnType<typeof prepareText>)
    const kernel = embedPrepared(model, docs[2] as ReturnType<typeof prepareText>)
    expect(dot(v as Float32Array, ticket)).toBeGreaterThan(dot(v as Float32Array, kernel))
  })

  it('survives a JSON round trip and gives the same vectors', () => {
    const back = vectorModelFromJson(JSON.parse(JSON.stringify(vectorModelToJson(model))))
    const a = embedPrepared(model, docs[3] as ReturnType<typeof prepareText>)
    const b = embedPrepared(back, docs[3] as ReturnType<typeof prepareText>)
    expect(Array.from(b)).toEqual(Array.from(a))
  })

  it('is deterministic for the same library', () => {
    const again = fitVectorModel(docs, { dimensions: 4, tfidf: { minDf: 1, maxDfRatio: 1 }, fittedAt: '2025-01-01T00:00:00Z' })
    expect(Array.from(again.components)).toEqual(Array.from(model.components))
  })
})

describe('words of a text the model knows', () => {
  // Default options, as the library's model is fitted: a word in one text only is not in the vocabulary.
  const library = [
    { title: 'Network in network', text: '' },
    { title: 'Deep residual learning for image recognition', text: 'Deeper neural networks are harder to train. We present a residual learning framework to ease the training of networks that are substantially deeper.' },
    { title: 'Densely connected convolutional networks', text: 'Convolutional networks can be substantially deeper and more accurate to train if they contain shorter connections between layers.' },
    { title: 'Batch normalization', text: 'Training is complicated by the change of each layer input distribution during training.' },
    { title: 'Adam: a method for stochastic optimization', text: 'An algorithm for first-order gradient-based optimization of stochastic objective functions.' },
    { title: 'Dropout', text: 'Randomly dropping units during training prevents units from co-adapting too much.' },
  ]
  const model = fitVectorModel(library.map((t) => prepareText(t)), { dimensions: 3 })

  it('names the one word of a bare title it knows, as the title writes it, and none of an unseen one', () => {
    // `highway` is in no text of the library: the vector is `networks` alone.
    expect(tooLittleKnown(model, prepareText({ title: 'Highway networks', text: '' }))).toEqual(['networks'])
    expect(tooLittleKnown(model, prepareText({ title: 'Q-learning', text: '' }))).toEqual([])
    expect(tooLittleKnown(model, prepareText(library[0]!))).toEqual(['network'])
  })

  it('says nothing of a text with two or more words it knows', () => {
    expect(tooLittleKnown(model, prepareText({ title: 'Training networks', text: '' }))).toBeNull()
    expect(tooLittleKnown(model, prepareText(library[1]!))).toBeNull()
  })
})
