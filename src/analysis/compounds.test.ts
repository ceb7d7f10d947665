import { describe, expect, it } from 'vitest'
import { compoundShares, headContexts, headMatch, namedCompounds } from './compounds.js'
import { prepareText } from './text.js'

describe('a word read by the compound it heads', () => {
  const contexts = ['Double descent of the test error.', 'Gradient descent finds minima.', 'Gradient descent and double descent.'].map((text) => headContexts(prepareText({ title: '', text }), 1))

  it('names the compounds enough texts write', () => {
    expect([...namedCompounds(contexts, 2)].sort()).toEqual(['double descent', 'gradient descent'])
  })

  it("matches a label's compound only where the text writes the word in it or on its own", () => {
    const named = new Set(['double descent', 'gradient descent'])
    const read = (text: string) => compoundShares(headContexts(prepareText({ title: '', text }), 1), named, (word) => (word === 'descent' ? 1 : 0)).get('descent')
    const doubleOnly = { double: 0.9 }
    expect(headMatch(doubleOnly, read('We study double descent.'))).toBeCloseTo(1)
    expect(headMatch(doubleOnly, read('We study gradient descent.'))).toBeCloseTo(0.1)
    expect(headMatch(doubleOnly, read('We study coordinate descent.'))).toBeCloseTo(0.1)
    // On its own the word may mean the label's compound: it matches in full.
    expect(headMatch(doubleOnly, read('The descent is slow.'))).toBe(1)
    expect(headMatch(undefined, read('We study gradient descent.'))).toBe(1)
  })
})
