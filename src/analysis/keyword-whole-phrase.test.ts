/**
 * A phrase no other text writes, cut where the text's noun phrase runs on, is shown as the whole noun phrase; so is a
 * piece after the noun its phrase opens with, and a curated key word the text writes in full is the text's own.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { awesomeAndD2lKeywords, type MixedLibraryKeywords } from '../../test/support/corpus-records.js'
import { extractKeywords, RANK_ALL } from './keywords.js'

describe('a piece of a noun phrase no other text writes', () => {
  // The awesome list with the D2L book's references, as a library of both reads them: their titles alone, each
  // phrase of which no other text writes, so a two-word piece outranks the whole by its length alone.
  let library: MixedLibraryKeywords
  const keywords = (title: string, options = {}): string[] => extractKeywords(library.model, library.doc(library.record(title)), options).map((k) => k.text)

  beforeAll(() => {
    library = awesomeAndD2lKeywords()
  })

  it('shows the whole noun phrase, not the piece before its noun (`efficient foundation` of LLaMA)', () => {
    const llama = keywords('LLaMA: Open and efficient foundation language models')
    expect(llama).not.toContain('efficient foundation')
    expect(llama).toContain('efficient foundation language models')
    expect(keywords('Pointer sentinel mixture models', RANK_ALL)[0]).toBe('Pointer sentinel mixture models')
    expect(keywords('Max-margin Markov networks', RANK_ALL)[0]).toBe('Max-margin Markov networks')
    expect(keywords('Non-stochastic best arm identification and hyperparameter optimization')).toContain('Non-stochastic best arm identification')
  })

  it('shows the words that open a noun phrase no other text writes, not the piece after them (`Generative adversarial nets`)', () => {
    const gan = keywords('Generative adversarial nets', RANK_ALL)
    expect(gan[0]).toBe('Generative adversarial nets')
    expect(gan).not.toContain('adversarial nets')
    expect(keywords('SSD: Single shot multibox detector')).toContain('Single shot multibox detector')
    expect(keywords('Deep fried convnets', RANK_ALL)[0]).toBe('Deep fried convnets')
    // Not a word that rates the phrase rather than names a kind of it.
    expect(keywords('On the distribution of the roots of certain symmetric matrices', RANK_ALL)).toContain('symmetric matrices')
  })

  it('shows no `X of` a verb before its object (`Theory of reproducing` kernels)', () => {
    expect(keywords('Theory of reproducing kernels', RANK_ALL)).not.toContain('Theory of reproducing')
    expect(keywords('The fallacy of placing confidence in confidence intervals', RANK_ALL)).not.toContain('fallacy of placing')
  })

  it('shows no piece whose noun phrase runs on past four words', () => {
    expect(keywords('A simple automatic derivative evaluation program', RANK_ALL)).not.toContain('simple automatic derivative evaluation')
  })

  it('grows no phrase that ends on a verb before its object (`fallacy of placing` confidence in …)', () => {
    expect(keywords('The fallacy of placing confidence in confidence intervals', RANK_ALL)).toContain('confidence intervals')
  })

  it('runs a noun phrase on through a gerund before a noun (`support vector learning machines`)', () => {
    // Other texts write `support vector` only on into `support vector machines`; the tagger reads `learning` as a verb.
    const svm = keywords('Incorporating invariances in support vector learning machines')
    expect(svm).toContain('support vector learning machines')
    expect(svm).not.toContain('support vector')
    expect(keywords('Practical Bayesian Optimization of Machine Learning Algorithms', RANK_ALL)).not.toContain('Bayesian Optimization of Machine')
  })

  it('shows the noun a phrase opens with before its adjective (`graph convolutional networks`)', () => {
    const gcn = keywords('Semi-supervised classification with graph convolutional networks')
    expect(gcn).toContain('graph convolutional networks')
    expect(gcn).not.toContain('convolutional networks')
    // Not a noun inside a compound before it (`large scale`), nor a one-word name that names the thing itself.
    expect(keywords('ImageNet large scale visual recognition challenge', RANK_ALL)).toContain('visual recognition')
    expect(keywords('GPT-4 Technical Report', RANK_ALL)).toEqual(expect.arrayContaining(['Technical Report', 'GPT-4']))
  })

  it('shows a name no other text writes with its head noun, beside the head (`Swin transformer`)', () => {
    expect(keywords('Swin transformer: Hierarchical vision transformer using shifted windows')).toEqual(['Transformers', 'Swin transformer'])
    expect(keywords('Training with noise is equivalent to Tikhonov regularization')).toEqual(['Regularization', 'Tikhonov regularization'])
  })

  it('shows a curated key word the text writes word for word as the text’s own (`No Free Lunch Theorem`)', () => {
    // No phrase of the text starts on the function word `No`; the curated key word is no suggestion named years later.
    const nfl = extractKeywords(library.model, library.doc(library.record('No free lunch theorems for search')), { year: 1995 })
    expect(nfl.map((k) => [k.text, k.inText])).toEqual([['No Free Lunch Theorem', true]])
    // Its reasons are those of a key word the text writes: none says it is not in the text, or completes a phrase.
    const reasons = nfl[0]!.why.map((w) => w.label)
    expect(reasons).toContain('papers worded like it list it')
    for (const r of reasons) expect(r).not.toMatch(/not in text|completes a phrase/)
  })
})
