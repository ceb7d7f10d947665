/** Finding every spelling of a key word among the library's, as a topic page counts them. */
import { describe, expect, it } from 'vitest'
import { foldedKeyword } from '../core/index.js'
import { keywordSpellings } from './topics.js'

const library = (keywords: string[]) => ({ listKeywordSpellings: async () => keywords.map((keyword) => ({ keyword, folded: foldedKeyword(keyword) })) })

describe('keywordSpellings', () => {
  const store = library([
    'Over-Parameterization', 'overparameterization', 'Overparameterized Models', 'GAN', 'GANs', 'Organ Transplants', 'Language Models',
    'Polyak-Łojasiewicz Condition', 'Neural Tangent Kernels', 'neural tangent kernel', 'Neural Tangents', 'e',
  ])

  it('finds a key word written with or without a hyphen, either way round', async () => {
    expect((await keywordSpellings(store, 'Overparameterization')).sort()).toEqual(['Over-Parameterization', 'overparameterization'])
    expect((await keywordSpellings(store, 'Over-Parameterization')).sort()).toEqual(['Over-Parameterization', 'overparameterization'])
  })

  it('finds a plural from its singular and back, a short one too, and no word that only holds its letters', async () => {
    expect((await keywordSpellings(store, 'GANs')).sort()).toEqual(['GAN', 'GANs'])
    expect((await keywordSpellings(store, 'neural tangent kernels')).sort()).toEqual(['Neural Tangent Kernels', 'neural tangent kernel'])
  })

  it('finds a key word with letters beyond ASCII, and a one-letter one only as itself', async () => {
    expect(await keywordSpellings(store, 'polyak-łojasiewicz condition')).toEqual(['Polyak-Łojasiewicz Condition'])
    expect(await keywordSpellings(store, 'E')).toEqual(['e'])
    expect(await keywordSpellings(store, 'alchemy')).toEqual([])
  })
})
