/** How many words and phrases of a query the search ran, read from the query it ran. */
import { describe, expect, it } from 'vitest'
import { termsSearched } from './search-terms.js'

describe('termsSearched', () => {
  it('counts the terms of the query run, not the words a plural, a phrase or a quote in it adds', () => {
    expect(termsSearched('kernels "phase transition" -x', '("kernels" OR "kernel") AND "phase transition" NOT "x"')).toEqual({ typed: 3, searched: 3 })
    expect(termsSearched('a OR b c', '"a" OR "b"')).toEqual({ typed: 3, searched: 2 })
    expect(termsSearched('"grokking OR descent" b', '"grokking OR descent" AND "b"')).toEqual({ typed: 2, searched: 2 })
  })
})
