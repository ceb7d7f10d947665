/** The sentences similar-paper lists carry: from the known words stored with a paper's novelty. */
import { describe, expect, it } from 'vitest'
import { tooLittleKnownReason } from '../analysis/index.js'
import { knownByTitleAlone, paperSimilarNote, shortListNote, tooLittleKnownNote } from './similar-note.js'

const bare = { abstract: null, digest: null }

describe('similar-papers note of a paper the model knows too little of', () => {
  it('reads the known words stored with the novelty, not its reason', () => {
    for (const words of [['networks'], [], ['GPU']]) expect(paperSimilarNote(bare, { tooLittleKnown: words }, 4)).toBe(tooLittleKnownNote(words, 4, true))
    // The reason is for readers: a row without the words says nothing, whatever its sentence.
    const unsaid: { tooLittleKnown: string[] | null; explanation: string } = { tooLittleKnown: null, explanation: tooLittleKnownReason(['networks']) }
    expect(paperSimilarNote(bare, unsaid, 4)).toBeNull()
    expect(paperSimilarNote(bare, null, 4)).toBeNull()
    expect(paperSimilarNote(bare, undefined, 0)).toBeNull()
  })

  it('says what the list rests on: the one known word, the topics alone, or why it is empty', () => {
    expect(tooLittleKnownNote(['networks'], 8, true)).toBe(
      "The model knows only “networks” of this paper's text (its title alone), so these papers are near that one word and may share little else with it; its similar papers say little.",
    )
    expect(tooLittleKnownNote(['networks'], 0, true)).toMatch(/^No similar papers: the model knows only “networks” of this paper's text \(its title alone\), too little/)
    expect(tooLittleKnownNote([], 3, true)).toMatch(/these papers come from its topics alone, not its wording/)
    expect(tooLittleKnownNote([], 0, false)).toMatch(/^No similar papers: the model knows none of the words of this paper's text, so/)
  })

  it('names a text the title alone only when no abstract or source digest is read', () => {
    expect(knownByTitleAlone(bare)).toBe(true)
    expect(knownByTitleAlone({ abstract: null, digest: { text: 'A made-up digest.', origin: 'generated' } })).toBe(true)
    expect(knownByTitleAlone({ abstract: 'We gate layers.', digest: null })).toBe(false)
    expect(knownByTitleAlone({ abstract: '  ', digest: { text: 'A curator wrote this.', origin: 'curated' } })).toBe(false)
    expect(paperSimilarNote(bare, { tooLittleKnown: ['matrix'] }, 5)).toBe(tooLittleKnownNote(['matrix'], 5, true))
    expect(paperSimilarNote({ abstract: 'We gate layers.', digest: null }, { tooLittleKnown: ['matrix'] }, 5)).toBe(tooLittleKnownNote(['matrix'], 5, false))
  })
})

describe('short-list note of a text never seen', () => {
  it('says why a text list is short, and names no count of zero', () => {
    expect(shortListNote(null, 0)).toBe('No library paper could be ranked against the text.')
    expect(shortListNote(null, 1)).toBe('Only 1 library paper could be ranked against the text.')
    expect(shortListNote(null, 3)).toBe('Only 3 library papers could be ranked against the text.')
    expect(shortListNote('too-short', 0)).toMatch(/^Compared by wording alone, as the text is too short .*: no library paper shares two or more listed terms with it\.$/)
    expect(shortListNote('off-topic', 2)).toMatch(/: only 2 library papers share two or more listed terms with it\.$/)
  })
})
