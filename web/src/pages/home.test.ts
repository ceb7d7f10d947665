import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { MemoryRouter } from 'react-router-dom'
import { describe, expect, it } from 'vitest'
import { feedHeading, feedTitle, TopicStripChip } from './home.js'

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

describe('the feed’s heading', () => {
  it('names every filter shown, a source beside a key word or a topic too', () => {
    expect(feedHeading({ sort: 'recent' })).toBe('Recent papers')
    expect(feedHeading({ sort: 'trending' })).toBe('Trending')
    expect(feedHeading({ sort: 'recent', source: 'arxiv' })).toBe('From arXiv')
    expect(feedHeading({ sort: 'recent', topic: 'Grokking' })).toBe('Papers in Grokking')
    expect(feedHeading({ sort: 'recent', topic: 'Grokking', source: 'arxiv' })).toBe('Papers in Grokking, from arXiv')
    expect(feedHeading({ sort: 'trending', keyword: 'lottery ticket', source: 'arxiv' })).toBe('Papers with the key word “lottery ticket”, from arXiv')
    expect(feedHeading({ sort: 'recent', keyword: 'lottery ticket', topic: 'Lottery Ticket Hypothesis', source: 'arxiv' })).toBe(
      'Papers with the key word “lottery ticket” in Lottery Ticket Hypothesis, from arXiv',
    )
  })
})

describe('a topic chip above the feed', () => {
  const render = (paperCount: number, rising = false) =>
    renderToStaticMarkup(createElement(MemoryRouter, null, createElement(TopicStripChip, { topic: { id: 'empirical-study', label: 'Empirical Study', paperCount }, rising })))
  const name = (html: string) => /aria-label="([^"]*)"/.exec(html)?.[1]

  it('says what its number counts, to the eye on hover and in words to a screen reader', () => {
    const html = render(1234)
    expect(html).toContain('title="1,234 papers"')
    expect(name(html)).toBe('Empirical Study, 1,234 papers')
    expect(name(render(1))).toBe('Empirical Study, 1 paper')
  })

  it('marks a rising topic', () => {
    expect(name(render(30, true))).toBe('Empirical Study, 30 papers, rising')
    expect(render(30, true)).toContain('rising</span>')
  })
})
