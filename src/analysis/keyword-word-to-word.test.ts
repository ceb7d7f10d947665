/** A word, `to` and the same word again (`sequence to sequence`) is one word to key phrases, as `sequence-to-sequence` is. */
import { beforeAll, describe, expect, it } from 'vitest'
import { awesomeAndD2lKeywords, type MixedLibraryKeywords } from '../../test/support/corpus-records.js'
import { extractKeywords, fewKeywordsNote, keywordsBesideCurated, RANK_ALL } from './keywords.js'
import { prepareText } from './text.js'

describe('a word to the same word, on the awesome list with the D2L references', () => {
  let library: MixedLibraryKeywords
  const shown = (title: string): string[] => {
    const r = library.record(title)
    return keywordsBesideCurated(extractKeywords(library.model, library.doc(r), { ...RANK_ALL, curated: r.keywords }), r.keywords ?? []).map((k) => k.text)
  }

  beforeAll(() => {
    library = awesomeAndD2lKeywords()
  })

  it('gives *Sequence to sequence learning with neural networks* its phrase (the tagger reads `to sequence` as a verb)', () => {
    expect(shown('Sequence to sequence learning with neural networks')).toContain('Sequence to sequence learning')
  })

  it('keys it as the hyphenated word, so the two spellings are one phrase', () => {
    const key = (title: string): string[] => extractKeywords(library.model, prepareText({ title, text: '' }), RANK_ALL).map((k) => k.key)
    expect(key('End to end training of deep visuomotor policies')).toContain('endtoend training')
    expect(key('End-to-end training of deep visuomotor policies')).toContain('endtoend training')
  })

  it('joins nothing else: `present to present` modifies no noun, *Network in network* has only `network`', () => {
    expect(shown('Network in network')).toEqual([])
    expect(fewKeywordsNote(0)).toMatch(/^No key words: no phrase of the text scores 0\.15 or more/)
    const mirage = prepareText({ title: 'Emergent abilities', text: 'They appear to go from not present to present, and back.' })
    expect(extractKeywords(library.model, mirage, RANK_ALL).map((k) => k.text).filter((t) => / to /.test(t))).toEqual([])
  })
})
