/** A phrase no other text writes, cut where the text's noun phrase runs on, is shown as the whole noun phrase. */
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
    expect(keywords('Non-stochastic best arm identification and hyperparameter optimization')).toContain('best arm identification')
  })

  it('shows no piece whose noun phrase runs on past four words', () => {
    expect(keywords('A simple automatic derivative evaluation program', RANK_ALL)).not.toContain('simple automatic derivative evaluation')
  })

  it('grows no phrase that ends on a verb before its object (`fallacy of placing` confidence in …)', () => {
    expect(keywords('The fallacy of placing confidence in confidence intervals', RANK_ALL)).toContain('confidence intervals')
  })
})
