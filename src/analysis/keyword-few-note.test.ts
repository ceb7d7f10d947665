/** The few-key-words note says only what applies: the language reason only for a text not in English. */
import { describe, expect, it } from 'vitest'
import { fewKeywordsNote } from './keywords.js'
import { prepareText } from './text.js'
import { textLanguage } from './language.js'

describe('the note of a text with no key words', () => {
  it('names no other language for an English text (*Network in network*)', () => {
    const english = textLanguage(prepareText({ title: 'Network in network', text: '' })).language
    const note = fewKeywordsNote(0, { language: english })
    expect(note).toMatch(/^No key words: no phrase of the text scores 0\.15 or more/)
    expect(note).not.toMatch(/English/)
  })

  it('gives a text not in English that reason alone, naming its language', () => {
    const french = textLanguage(
      prepareText({ title: 'Effondrement neuronal dans les réseaux profonds', text: "Nous étudions la phase terminale de l'entraînement des classifieurs profonds. Les caractéristiques de la dernière couche s'effondrent vers les moyennes de classe." }),
    ).language
    expect(fewKeywordsNote(0, { language: french })).toBe('No key words: the text is not in English (French), and the phrases and their ranker are English.')
  })

  it('says both where the caller cannot tell the language, and nothing from two key words', () => {
    expect(fewKeywordsNote(0)).toMatch(/; a text not in English gets none\.$/)
    expect(fewKeywordsNote(2, { language: 'French' })).toBeNull()
  })
})
