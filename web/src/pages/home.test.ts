import { describe, expect, it } from 'vitest'
import { feedTitle } from './home.js'

describe('the feed’s tab title', () => {
  it('names the filter, the order and the page, and is the app’s name alone for the plain first page', () => {
    expect(feedTitle({ sort: 'recent', page: 1 })).toBeNull()
    expect(feedTitle({ sort: 'recent', topic: 'Others', page: 1 })).toBe('Others · Feed')
    expect(feedTitle({ sort: 'recent', page: 2 })).toBe('Recent papers, page 2')
    expect(feedTitle({ sort: 'trending', page: 1 })).toBe('Trending')
    expect(feedTitle({ sort: 'trending', topic: 'Others', page: 3 })).toBe('Others · Trending, page 3')
    expect(feedTitle({ sort: 'recent', source: 'arxiv', page: 1 })).toBe('From arXiv · Feed')
  })
})
