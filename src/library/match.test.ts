import { describe, expect, it } from 'vitest'
import type { PaperCandidate } from './match.js'
import { abstractContainment, matchRecord } from './match.js'

function candidate(over: Partial<PaperCandidate> & { paperId: string; title: string }): PaperCandidate {
  return { titleDerived: false, ids: {}, authors: [], year: null, abstract: null, ...over }
}
function record(over: Partial<Parameters<typeof matchRecord>[0]>): Parameters<typeof matchRecord>[0] {
  return { title: null, ids: {}, authors: [], extraAuthors: [], date: null, abstract: null, ...over }
}

const grokking = candidate({
  paperId: 'p1',
  title: 'Grokking as a First Order Phase Transition in Two Layer Networks',
  authors: ['Noa Rubin', 'Inbar Seroussi', 'Zohar Ringel'],
  year: 2023,
})

describe('matchRecord', () => {
  it('matches a shared id before anything else', () => {
    const c = candidate({ paperId: 'p9', title: 'Something else entirely', ids: { arxiv: '2310.03789' } })
    expect(matchRecord(record({ title: 'X', ids: { arxiv: '2310.03789' } }), [grokking, c])?.paperId).toBe('p9')
  })
  it('matches a title with a prefix added before a colon when authors overlap', () => {
    const r = record({
      title: 'Droplets of Good Representations: Grokking as a First Order Phase Transition in Two Layer Networks',
      authors: ['Noa Rubin', 'Inbar Seroussi', 'Zohar Ringel'],
      date: '2023',
    })
    expect(matchRecord(r, [grokking])).toMatchObject({ paperId: 'p1', reason: 'title-part' })
  })
  it('matches the same title from a page without authors', () => {
    const r = record({ title: 'Grokking as a first-order phase transition in two layer networks' })
    expect(matchRecord(r, [grokking])).toMatchObject({ paperId: 'p1', reason: 'title' })
  })
  it('does not merge different papers with similar titles', () => {
    const a = candidate({ paperId: 'pa', title: 'Fantastic Generalization Measures and Where to Find Them', year: 2019 })
    const r = record({ title: 'Fantastic Generalization Measures are Nowhere to be Found', date: '2023' })
    expect(matchRecord(r, [a])).toBeNull()
  })
  it('vetoes a title match when nobody is on both author lists', () => {
    const r = record({ title: grokking.title, authors: ['Jane Doe', 'John Roe'] })
    expect(matchRecord(r, [grokking])).toBeNull()
  })
  it('vetoes a title match across different arXiv ids', () => {
    const c = candidate({ ...grokking, ids: { arxiv: '2310.03789' } })
    expect(matchRecord(record({ title: grokking.title, ids: { arxiv: '1111.11111' } }), [c])).toBeNull()
  })
  it('tolerates spelling variants in long titles', () => {
    const c = candidate({ paperId: 'p2', title: 'Empirical Analysis of the Hessian of Over-Parametrized Neural Networks' })
    const r = record({ title: 'Empirical Analysis of the Hessian of Overparameterized Neural Networks' })
    expect(matchRecord(r, [c])).toMatchObject({ paperId: 'p2', reason: 'fuzzy-title' })
  })
  it('keeps apart titles that differ only in a number', () => {
    const c = candidate({ paperId: 'p4', title: 'Scaling laws for neural language models, part 1' })
    expect(matchRecord(record({ title: 'Scaling laws for neural language models, part 2' }), [c])).toBeNull()
  })
  it('matches a record without title by its abstract, even a cut one', () => {
    const full =
      'We study the properties of common loss surfaces through their Hessian matrix. In particular, in the context of deep learning, we empirically show that the spectrum of the Hessian is composed of two parts.'
    const c = candidate({ paperId: 'p3', title: 'Empirical Analysis', abstract: full })
    expect(matchRecord(record({ abstract: full.slice(0, 120) }), [c])).toMatchObject({ reason: 'abstract' })
    expect(matchRecord(record({ abstract: 'A completely different abstract about protein folding and the weather in May.' }), [c])).toBeNull()
  })
  it('breaks ties by the smallest paper id, so merging is deterministic', () => {
    const a = candidate({ ...grokking, paperId: 'pb' })
    const b = candidate({ ...grokking, paperId: 'pa' })
    expect(matchRecord(record({ title: grokking.title }), [a, b])?.paperId).toBe('pa')
  })
})

describe('abstractContainment', () => {
  it('is 1 for a prefix of the other abstract', () => {
    const text = 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen'
    expect(abstractContainment(text.split(' ').slice(0, 10).join(' '), text)).toBe(1)
  })
})
