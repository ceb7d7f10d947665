import { describe, expect, it } from 'vitest'
import { prepareText, termCounts, termSurfaces } from './text.js'

describe('termSurfaces', () => {
  const surfaces = (title: string, text: string): string[] => {
    const doc = prepareText({ title, text })
    return [...termSurfaces(doc, new Set(termCounts(doc).keys())).values()].map((s) => s.text)
  }

  it("lower-cases a Title-Case title's words, hyphenated ones too, and keeps acronyms and names", () => {
    const terms = surfaces('High-Dimensional Asymptotics of Feature Learning in GLMs', 'We study PAC-Bayes bounds with ReLU units under a Gaussian prior.')
    expect(terms).toEqual(expect.arrayContaining(['high-dimensional', 'asymptotics', 'PAC-Bayes', 'ReLU', 'Gaussian']))
    expect(terms).not.toContain('High-Dimensional')
  })

  it('keeps the capitals of a hyphenated word the body writes as a name', () => {
    expect(surfaces('Kernels', 'We prove a bound for the Hamilton-Jacobi equation and test the Hamilton-Jacobi flow.')).toContain('Hamilton-Jacobi')
  })
})

describe('termCounts', () => {
  it('counts no term for a run too long to be a word (a 100,000-character one in a .bib abstract)', () => {
    // It took 10 s to read, and its one huge term counted among the paper's words.
    const terms = [...termCounts(prepareText({ title: 'Pruning transformers', text: `We prune transformers. ${'x'.repeat(100_000)} It works.` })).keys()]
    expect(terms.sort()).toEqual(['prune', 'prune transformer', 'pruning', 'pruning transformer', 'transformer', 'work'])
  })
})
