import { describe, expect, it } from 'vitest'
import { pastLastPage } from './pagination.js'

describe('a page past the last', () => {
  it('is said in one wording, with the numbers as the page writes them', () => {
    expect(pastLastPage(9, 3)).toEqual({ title: 'There is no page 9', text: 'The last page is 3.' })
    expect(pastLastPage(1200, 62)).toEqual({ title: 'There is no page 1,200', text: 'The last page is 62.' })
  })
})
