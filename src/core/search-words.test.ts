import { describe, expect, it } from 'vitest'
import { readQuery, wordsToFind } from './search-words.js'

describe('reading a query', () => {
  it('names the words to find, without operators or the words left out', () => {
    expect(wordsToFind('grokking -transformer OR "double descent" NOT sgd')).toEqual(['grokking', 'double descent'])
    expect(wordsToFind('in-context learning')).toEqual(['in-context', 'learning'])
    expect(wordsToFind('NOT *')).toEqual([])
    expect(wordsToFind('"unpaired -x')).toEqual(['unpaired'])
    // Operators only in capitals.
    expect(wordsToFind('grokking or not')).toEqual(['grokking', 'or', 'not'])
  })

  it('splits terms at OR and leaves out a word after a dash, an en dash, a minus sign or NOT', () => {
    const { groups, last } = readQuery('grokking –transformer OR NOT sgd "double descent"')
    expect(groups.map((g) => g.map((t) => [t.words.join(' '), t.excluded]))).toEqual([
      [['grokking', false], ['transformer', true]],
      [['sgd', true], ['double descent', false]],
    ])
    expect(last).toMatchObject({ typed: '"double descent"', bare: false })
    // A hyphen inside a word leaves nothing out.
    expect(readQuery('a-b').groups[0]).toEqual([{ words: ['a', 'b'], bare: true, excluded: false, typed: 'a-b' }])
  })

  it('refuses c++, C# and the like outside a phrase of two words, with what to type instead', () => {
    for (const [q, typed] of [['c++', 'c++'], ['C#', 'C#'], ['C++17', 'C++17'], ['grokking -c++', 'c++'], ['"c++"', 'c++'], ['rust OR f#', 'f#']] as const) {
      const { refusal } = readQuery(q)
      expect(refusal?.reason, q).toBe('letter-and-symbols')
      expect(refusal?.word, q).toBe(typed)
      expect(refusal?.message, q).toMatch(new RegExp(`^"${typed.replace(/\+/g, '\\+')}" cannot be searched for: .* as in "${typed.replace(/\+/g, '\\+')} code"$`))
    }
    expect(readQuery('C#').refusal?.message).toContain('the lone letter C and find every "Appendix C" and "(c)"')
    for (const q of ['"c++ templates"', 'a+b', '1+1', 'grokking']) expect(readQuery(q).refusal, q).toBeNull()
  })

  it('refuses a query that only leaves words out, naming the first three, and not one with no word at all', () => {
    expect(readQuery('-x NOT y').refusal).toEqual({
      reason: 'only-left-out',
      message: 'nothing to find: the query only leaves out -x -y; add a word to find, as in "grokking -transformer"',
    })
    expect(readQuery('-a -b -"c d" -e').refusal?.message).toMatch(/leaves out -a -b -"c d" …;/)
    for (const q of ['', 'NOT', '*', 'OR AND']) expect(readQuery(q).refusal, q).toBeNull()
  })
})
