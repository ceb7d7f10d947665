import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { Highlighted, keepEdges } from './text.js'

/** The text a reader sees (and copies): the markup without its tags. */
const textOf = (html: string): string => html.replace(/<[^>]+>/g, '')

describe('Highlighted', () => {
  it('keeps the space between two marked words of a text with LaTeX', () => {
    // As /search?q=finite datasets marks a title that holds LaTeX elsewhere.
    const segments = [
      { text: 'Diffusion models on ', match: false },
      { text: 'finite', match: true },
      { text: ' ', match: false },
      { text: 'datasets', match: true },
      { text: ' with $N \\asymp d$', match: false },
    ]
    const html = renderToStaticMarkup(<Highlighted segments={segments} />)
    expect(textOf(html)).toBe('Diffusion models on finite datasets with N ≍ d')
    expect(html).toContain('<mark>finite</mark><span> </span><mark>datasets</mark>')
  })

  it('keeps a piece of spaces as one space, drops a piece that was only LaTeX markup, and keeps the edges of cleaned pieces', () => {
    expect(keepEdges(' ', '')).toBe(' ')
    expect(keepEdges('  ', '')).toBe(' ')
    expect(keepEdges('', '')).toBe('')
    expect(keepEdges('\\,', '')).toBe('')
    expect(keepEdges(' $x$ ', 'x')).toBe(' x ')
  })
})
