import { describe, expect, it } from 'vitest'
import { createSimilarPapers, createVectorIndex, curatedTopicVector, indexEntry, similar } from './similarity.js'
import { prepareText } from './text.js'
import { fitVectorModel } from './vectors.js'

const papers = [
  { id: 'lt1', title: 'Lottery tickets in pruned networks', text: 'Sparse subnetworks found by iterative magnitude pruning train to full accuracy.', topic: 'LTH' },
  { id: 'lt2', title: 'Winning tickets and pruning at initialization', text: 'Pruning at initialization finds lottery tickets without training.', topic: 'LTH' },
  { id: 'ntk1', title: 'Neural tangent kernel of wide networks', text: 'Infinitely wide networks evolve as linear models under the neural tangent kernel.', topic: 'NTK' },
  { id: 'ntk2', title: 'Kernel regime and lazy training', text: 'In the lazy regime the tangent kernel stays constant during training.', topic: 'NTK' },
  { id: 'nc1', title: 'Neural collapse at the terminal phase', text: 'Last-layer features collapse to class means forming a simplex equiangular tight frame.', topic: 'NC' },
  { id: 'nc2', title: 'Collapse of class features', text: 'Within-class variability of last-layer features vanishes late in training.', topic: 'NC' },
]
const docs = new Map(papers.map((p) => [p.id, prepareText(p)]))
const model = fitVectorModel([...docs.values()], { dimensions: 4, tfidf: { minDf: 1, maxDfRatio: 1 } })

describe('similar papers', () => {
  const index = createVectorIndex(
    papers.map((p) => indexEntry(model, p.id, docs.get(p.id) as ReturnType<typeof prepareText>)),
    { embedder: 'lsa-4' },
  )

  it('ranks the paper on the same topic first, never the paper itself, and says which terms they share', () => {
    const ranked = similar(index, 'lt1', 3)
    expect(ranked.map((r) => r.paperId)).not.toContain('lt1')
    expect(ranked[0]?.paperId).toBe('lt2')
    expect(ranked.map((r) => r.score)).toEqual([...ranked.map((r) => r.score)].sort((a, b) => b - a))
    expect(ranked[0]?.why.map((w) => w.label)).toEqual(expect.arrayContaining(['ticket']))
  })

  it('finds papers for free text', () => {
    const search = createSimilarPapers(index, model)
    expect(search.similarToText('the tangent kernel of infinitely wide networks', 2)[0]?.paperId).toMatch(/^ntk/)
    expect(similar(index, 'missing', 3)).toEqual([])
  })

  it('pulls neighbours into the same topic when the index has topics', () => {
    const labels = ['LTH', 'NC', 'NTK']
    const withTopics = createVectorIndex(
      papers.map((p) => indexEntry(model, p.id, docs.get(p.id) as ReturnType<typeof prepareText>, curatedTopicVector(labels, [p.topic]))),
      { embedder: 'lsa-4', topicLabels: labels, topicWeight: 0.5 },
    )
    const top = similar(withTopics, 'nc2', 1)[0]
    expect(top?.paperId).toBe('nc1')
    expect(top?.why.some((w) => w.label === 'topic: NC')).toBe(true)
  })
})
