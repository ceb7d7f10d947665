import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { KeywordReasons } from './chips.js'
import { codeSpans, HowComputed, leadSentence } from './how-computed.js'

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

  it('gives the first sentence apart, the gist before the detail', () => {
    expect(renderToStaticMarkup(<HowComputed text="Cosine of the two vectors. Each topic counts by how rare it is (`Others` less)." />)).toBe(
      '<p class="how-lead">Cosine of the two vectors.</p><p>Each topic counts by how rare it is (<code>Others</code> less).</p>',
    )
    // Not at an abbreviation or a decimal point, nor before a lower-case word.
    expect(leadSentence('Scores 0.6 × wording, e.g. Topics weigh 0.4. The rest follows.')).toEqual(['Scores 0.6 × wording, e.g. Topics weigh 0.4.', 'The rest follows.'])
    expect(leadSentence('One sentence only.')).toEqual(['One sentence only.', ''])
    expect(leadSentence('Each input is between 0 and 1. Topical centrality comes next.')).toEqual(['Each input is between 0 and 1.', 'Topical centrality comes next.'])
    // Nor inside brackets, nor at a colon.
    expect(leadSentence('It is 1 minus a cosine (of the vectors: LSA by default. Or ONNX.) to any paper. Then more.')).toEqual([
      'It is 1 minus a cosine (of the vectors: LSA by default. Or ONNX.) to any paper.',
      'Then more.',
    ])
  })

  it("shows the key words' how-computed text with code, not backticks", () => {
    // As src/analysis/keywords.ts writes it, and the API serves it.
    const text = 'An acronym is shown as the phrase it stands for when the text spells that out (`AI` → artificial intelligence).'
    const html = renderToStaticMarkup(<KeywordReasons items={[]} howComputed={text} testId="how" />)
    expect(html).toContain('(<code>AI</code> → artificial intelligence)')
    expect(html).not.toContain('`')
  })
})
