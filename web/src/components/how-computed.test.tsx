import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { KeywordReasons } from './chips.js'
import { codeSpans, HowComputed } from './how-computed.js'

describe('HowComputed', () => {
  it('shows backtick spans as code, the rest as text', () => {
    expect(renderToStaticMarkup(<HowComputed text="An acronym (`AI` → artificial intelligence) is spelled out." />)).toBe(
      '<p>An acronym (<code>AI</code> → artificial intelligence) is spelled out.</p>',
    )
    expect(codeSpans('`a` and `b`')).toEqual([
      { text: 'a', code: true },
      { text: ' and ', code: false },
      { text: 'b', code: true },
    ])
    // A lone backtick is no code span; markup stays text.
    expect(renderToStaticMarkup(<HowComputed text="it`s <b>bold</b>" />)).toBe('<p>it`s &lt;b&gt;bold&lt;/b&gt;</p>')
  })

  it("shows the key words' how-computed text with code, not backticks", () => {
    // As src/analysis/keywords.ts writes it, and the API serves it.
    const text = 'An acronym is shown as the phrase it stands for when the text spells that out (`AI` → artificial intelligence).'
    const html = renderToStaticMarkup(<KeywordReasons items={[]} howComputed={text} testId="how" />)
    expect(html).toContain('(<code>AI</code> → artificial intelligence)')
    expect(html).not.toContain('`')
  })
})
