/** A phrase a text writes only inside a longer one is a part of that key word, on a model fitted to the awesome list. */
import { beforeAll, describe, expect, it } from 'vitest'
import { awesomeListKeywordModel } from '../../test/support/corpus-records.js'
import { extractKeywords, fitKeywordModel, KEYWORD_FEATURES, keywordCandidates, RANK_ALL, type KeywordModel } from './keywords.js'
import { prepareText } from './text.js'

const SPECTRAL = {
  title: 'Spectral regularization for deep networks',
  text: 'We propose spectral regularization, a penalty on the spectral norm of each layer. Spectral regularization improves generalization.',
}

describe('key words written inside a longer phrase', () => {
  it('records, for each use of a phrase, the longer phrases of the text around it, `X of Y` phrases left out', () => {
    const doc = prepareText({ title: 'A note', text: 'We study spectral regularization. The role of regularization is unclear, and regularization is cheap.' })
    const regularization = keywordCandidates(doc).find((c) => c.key === 'regularization')
    // Three uses: inside `spectral regularization`, inside `role of regularization` (no part of it), and alone.
    expect(regularization?.writtenInside).toEqual([['spectral regularization'], [], []])
    expect(keywordCandidates(doc).find((c) => c.key === 'spectral regularization')?.writtenInside).toEqual([[]])
  })

  it('counts a longer phrase only the text itself writes when the text is new to the library, not when the library counted it', () => {
    // No curated key words: the fixed weights, which count a phrase written inside a longer one against it.
    const library = [
      'We show that stronger regularization works well in practice, and that the gradient noise helps.',
      'We show that regularization helps in practice, and that the learning rate matters.',
    ].map((text) => prepareText({ title: '', text }))
    const model = fitKeywordModel(library.map((doc) => ({ doc })))
    const score = (doc: ReturnType<typeof prepareText>) => extractKeywords(model, doc, RANK_ALL).find((k) => k.key === 'regularization')?.score ?? 0
    // Only the first text writes `stronger regularization` (a comparison, never shown, so `regularization` is). Ranked as
    // a library paper, that is no other text's phrase; a new text worded the same (one word changed: a phrase no library
    // text writes) has the library's text beside it.
    const fresh = prepareText({ title: '', text: 'We show that stronger regularization works well in practice, and that the gradient quokka helps.' })
    expect(score(library[0]!)).toBeGreaterThan(score(fresh))
  })

  describe('on the awesome list', () => {
    let model: KeywordModel
    const shown = (title: string, text: string) => extractKeywords(model, prepareText({ title, text })).map((k) => k.text)

    beforeAll(() => {
      model = awesomeListKeywordModel()
    })

    it('shows `Spectral Regularization`, not its part `Regularization`, for a text that writes the word only in that phrase', () => {
      // `Regularization` (a curated key word of 11 papers) had outranked the phrase and, overlapping it, hidden it.
      expect(shown(SPECTRAL.title, SPECTRAL.text)[0]).toBe('Spectral Regularization')
      expect(shown(SPECTRAL.title, SPECTRAL.text)).not.toContain('Regularization')
      // The ranker learned that a phrase the library's texts mostly write inside a longer phrase is less often the key word.
      expect(model.weights[KEYWORD_FEATURES.indexOf('written inside a longer phrase')]).toBeLessThan(0)
    })

    it('still shows the word where the text writes it on its own', () => {
      const alone = { title: 'Regularization for deep networks', text: 'We compare regularization methods. Regularization improves generalization, and spectral regularization most.' }
      expect(shown(alone.title, alone.text)[0]).toBe('Regularization')
    })
  })
})
