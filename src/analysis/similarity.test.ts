import { describe, expect, it } from 'vitest'
import { createSimilarPapers, createVectorIndex, curatedTopicVector, indexEntry, sharedTerms, similar, topicSpecificity, type IndexedPaper, type VectorIndex } from './similarity.js'
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
    expect(ranked[0]?.why.map((w) => w.label)).toEqual(expect.arrayContaining(['lottery tickets']))
  })

  it('finds papers for free text', () => {
    const search = createSimilarPapers(index, model)
    expect(search.similarToText('the tangent kernel of infinitely wide networks', 2)[0]?.paperId).toMatch(/^ntk/)
    expect(similar(index, 'missing', 3)).toEqual([])
  })

  it('pulls neighbours into the same topic when the index has topics', () => {
    const labels = ['LTH', 'NC', 'NTK']
    const withTopics = createVectorIndex(
      papers.map((p) => ({ ...indexEntry(model, p.id, docs.get(p.id) as ReturnType<typeof prepareText>, curatedTopicVector(labels, [p.topic])), shownTopics: [p.topic] })),
      { embedder: 'lsa-4', topicLabels: labels, topicWeight: 0.5 },
    )
    const top = similar(withTopics, 'nc2', 1)[0]
    expect(top?.paperId).toBe('nc1')
    expect(top?.why.some((w) => w.label === 'topic: NC')).toBe(true)
  })

  it('weighs each shared topic by how specific it is: a catch-all topic agrees less than a rare one', () => {
    // NTK: 1 of 4 curated papers, Others: 3 of 4; a topic nobody has yet counts in full.
    const spec = topicSpecificity(['NTK', 'Others', 'New'], [['NTK'], ['Others'], ['Others'], ['Others', 'NTK'], []])
    expect(spec[0]).toBeCloseTo(1, 6)
    expect(spec[1]).toBeCloseTo(Math.sqrt(Math.log(4 / 3) / Math.log(2)), 6)
    expect(spec[2]).toBe(1)
    expect(topicSpecificity(['A'], [['A'], ['A']])[0]).toBe(1)

    // Two papers per topic, worded alike across topics: with specificity, sharing the catch-all topic `NC`
    // (here given to four papers) counts less, and the score is still the blend of its two parts.
    const labels = ['LTH', 'NC', 'NTK']
    const catchAll = (p: (typeof papers)[number]) => (p.topic === 'NTK' ? ['NTK'] : ['NC'])
    const entries = papers.map((p) => indexEntry(model, p.id, docs.get(p.id) as ReturnType<typeof prepareText>, curatedTopicVector(labels, catchAll(p))))
    const specificity = topicSpecificity(labels, papers.map(catchAll))
    const plain = createVectorIndex(entries, { embedder: 'lsa-4', topicLabels: labels, topicWeight: 0.4 })
    const weighed = createVectorIndex(entries, { embedder: 'lsa-4', topicLabels: labels, topicWeight: 0.4, topicSpecificity: specificity })
    const agreement = (index: typeof plain) => similar(index, 'nc2', 5).find((r) => r.paperId === 'lt1')?.topicAgreement
    expect(agreement(plain)).toBeCloseTo(1, 6)
    expect(agreement(weighed)).toBeCloseTo(specificity[1] as number, 6)
    expect(specificity[1]).toBeLessThan(1)
    for (const r of similar(weighed, 'nc2', 5)) expect(r.score).toBeCloseTo(0.6 * r.textSimilarity + 0.4 * (r.topicAgreement ?? 0), 6)
    expect(() => createVectorIndex(entries, { embedder: 'lsa-4', topicLabels: labels, topicSpecificity: new Float32Array(2) })).toThrow(RangeError)
  })

  describe('the topic a result names', () => {
    // Topics: Empirical Study, Others, NTK. One wording for all, so only the topics tell the papers apart.
    const labels = ['Empirical Study', 'Others', 'NTK']
    const entry = (paperId: string, topics: number[], shownTopics?: string[]): IndexedPaper => ({
      paperId,
      vector: Float32Array.of(1, 0),
      terms: [],
      topics: Float32Array.from(topics),
      ...(shownTopics ? { shownTopics } : {}),
    })
    // Predicted: Empirical Study 60%, so shown under it alone; its 35% of Others is not shown.
    const predicted = entry('pred', [0.6, 0.35 - 1e-3, 0.05 + 1e-3], ['Empirical Study'])
    const topicReasons = (index: VectorIndex, paperId: string) => similar(index, paperId, 5).map((r) => [r.paperId, r.why.filter((w) => w.label.startsWith('topic')).map((w) => w.label)])

    it('names a topic only when both papers are shown under it, and leaves a topic they are not unsaid', () => {
      const index = createVectorIndex(
        [predicted, entry('others', [0, 1, 0], ['Others']), entry('empirical', [1, 0, 0], ['Empirical Study']), entry('both', [0.5, 0.5, 0], ['Empirical Study', 'Others'])],
        { embedder: 'test', topicLabels: labels },
      )
      // `others` agrees with `pred` through Others, which `pred` is not shown under: no `topic: Others`.
      expect(Object.fromEntries(topicReasons(index, 'pred'))).toEqual({ others: [], empirical: ['topic: Empirical Study'], both: ['topic: Empirical Study'] })
      expect(Object.fromEntries(topicReasons(index, 'others'))).toEqual({ pred: [], empirical: [], both: ['topic: Others'] })
      // The agreement still counts, as before.
      const others = similar(index, 'pred', 5).find((r) => r.paperId === 'others')
      expect(others?.topicAgreement).toBeGreaterThan(0.3)
      expect(others?.score).toBeCloseTo(0.6 * 1 + 0.4 * (others?.topicAgreement ?? 0), 6)
    })

    it('names no topic when a paper’s shown topics are not known', () => {
      const index = createVectorIndex([entry('a', [0, 1, 0]), entry('b', [0, 1, 0], ['Others'])], { embedder: 'test', topicLabels: labels })
      expect(topicReasons(index, 'a')).toEqual([['b', []]])
      expect(similar(index, 'a', 1)[0]?.topicAgreement).toBeCloseTo(1, 6)
    })
  })

  it('names shared terms as the paper writes them, and no word of a shared phrase again', () => {
    const a = prepareText({ title: 'Tighter generalization bounds for magnitude-based pruning', text: 'We prove generalization bounds for magnitude-based pruning of fully-connected neural networks near a phase transition.' })
    const b = prepareText({ title: 'Generalization bounds and phase transitions', text: 'Magnitude-based pruning of fully-connected neural networks shows a phase transition; we give generalization bounds.' })
    const c = prepareText({ title: 'Other', text: 'An unrelated text about kernels and bounds and phase transitions.' })
    const m = fitVectorModel([a, b, c], { dimensions: 2, tfidf: { minDf: 1, maxDfRatio: 1 } })
    const labels = sharedTerms(indexEntry(m, 'a', a).terms, indexEntry(m, 'b', b).terms, 10).map((w) => w.label)
    // Keys would read `generalization bind` and `magnitudebase pruning`.
    expect(labels).toEqual(expect.arrayContaining(['generalization bounds', 'magnitude-based pruning', 'phase transition']))
    const text = 'tighter generalization bounds for magnitude-based pruning we prove generalization bounds for magnitude-based pruning of fully-connected neural networks near a phase transition'
    for (const label of labels) expect(text, label).toContain(label)
    for (const word of ['generalization', 'pruning', 'phase', 'transition']) expect(labels).not.toContain(word)
    // A name the body capitalises inside a sentence stays a name; verbs, adverbs and phrases cut before their
    // noun are not shown as shared.
    const d = prepareText({ title: 'Curvature of convolutional neural networks', text: 'The Hessian of convolutional neural networks allows a Gaussian approximation that fits comparably well.' })
    const e = prepareText({ title: 'Spectra of convolutional neural networks', text: 'A Gaussian model of the Hessian of convolutional neural networks allows fast training and fits comparably well.' })
    const m2 = fitVectorModel([d, e, c], { dimensions: 2, tfidf: { minDf: 1, maxDfRatio: 1 } })
    const named = sharedTerms(indexEntry(m2, 'd', d).terms, indexEntry(m2, 'e', e).terms, 20).map((w) => w.label)
    expect(named).toEqual(expect.arrayContaining(['Hessian', 'Gaussian', 'neural networks']))
    for (const cut of ['convolutional neural', 'allows', 'comparably', 'hessian', 'gaussian']) expect(named).not.toContain(cut)
    // A word the two write only in different compounds is not shared; a compound in common, or a use alone, is.
    const descent = (compounds?: string[]) => ({ term: 'descent', weight: 1, ...(compounds ? { compounds } : {}) })
    expect(sharedTerms([descent(['coordinate'])], [descent(['double'])])).toEqual([])
    expect(sharedTerms([descent(['coordinate', 'gradient'])], [descent(['gradient'])])).toHaveLength(1)
    expect(sharedTerms([descent(['coordinate'])], [descent()])).toHaveLength(1)
    // An index entry made before surfaces were kept still explains itself by its keys.
    expect(sharedTerms([{ term: 'lottery ticket', weight: 1 }], [{ term: 'lottery ticket', weight: 1 }]).map((w) => w.label)).toEqual(['lottery ticket'])
  })

  it('shows no term most of the library uses, nor nouns papers say of themselves', () => {
    const ntk = (i: number) =>
      prepareText({ title: `Kernel study ${i}`, text: `In this paper we study the neural tangent kernel of wide networks and present results on learning with topic${i} words.` })
    const filler = (i: number) => prepareText({ title: `Note ${i}`, text: `In this paper we present results on learning of subject${i} things.` })
    const docs = [ntk(1), ntk(2), ...Array.from({ length: 60 }, (_, i) => filler(i))]
    const m = fitVectorModel(docs, { dimensions: 2, tfidf: { minDf: 1, maxDfRatio: 1 } })
    const labels = sharedTerms(indexEntry(m, 'a', docs[0]!).terms, indexEntry(m, 'b', docs[1]!).terms, 10).map((w) => w.label)
    expect(labels).toEqual(expect.arrayContaining(['neural tangent', 'tangent kernel']))
    // `paper`, `results` and `learning` are in every one of the 62 papers, and papers say `paper` of themselves.
    for (const generic of ['paper', 'results', 'result', 'learning']) expect(labels).not.toContain(generic)
  })
})

describe('similar papers of equal score', () => {
  it('lists the newer first, then the undated, whatever their ids', () => {
    const doc = prepareText({ title: 'Highway networks', text: '' })
    const entry = (paperId: string, date: string | null): IndexedPaper => ({ ...indexEntry(model, paperId, doc), date })
    const index = createVectorIndex([entry('query', '2021'), entry('a-2013', '2013'), entry('b-undated', null), entry('c-2018', '2018'), entry('d-2015-05', '2015-05')], { embedder: 'lsa-4' })
    const ranked = similar(index, 'query', 4)
    expect(new Set(ranked.map((r) => r.score)).size).toBe(1)
    expect(ranked.map((r) => r.paperId)).toEqual(['c-2018', 'd-2015-05', 'a-2013', 'b-undated'])
  })
})
