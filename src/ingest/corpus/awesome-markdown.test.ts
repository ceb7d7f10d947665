import { describe, expect, it } from 'vitest'
import { splitTextInput } from '../text-input.js'
import { isMarkdownSource, renderAwesomeMarkdown } from './awesome-markdown.js'

const render = (markdown: string) => renderAwesomeMarkdown(splitTextInput(markdown, 'list.md'))

describe('renderAwesomeMarkdown', () => {
  it('renders line for line into the shape of the page as text', () => {
    const rendered = render(
      [
        '# Awesome Things [![Awesome](https://badge.svg)](https://awesome.re)',
        '- [Topic](#topic)',
        '## Topic',
        '![avatar](https://x.org/a.png)',
        '### Topic: 2023',
        '- A Title That',
        'Wraps. [[paper]](https://arxiv.org/abs/2301.00001) [[code]](https://github.com/a/b)',
        '  - Ann Lee, Bo Chen. *ICML 2023*',
        '  - <details><summary>Digest</summary> First line',
        '  second line.',
        '  </details>',
        '',
        'A paragraph after the list.',
      ].join('\n'),
    )
    expect(rendered.input.lines).toEqual([
      'Awesome Things Awesome',
      '',
      'Topic',
      'avatar',
      'Topic: 2023',
      '  • A Title That',
      '      Wraps. [paper] [code]',
      '    • Ann Lee, Bo Chen. ICML 2023',
      '    • Digest First line',
      '      second line.',
      '',
      '',
      'A paragraph after the list.',
    ])
    expect(rendered.links.get(7)).toEqual([
      { label: 'paper', url: 'https://arxiv.org/abs/2301.00001' },
      { label: 'code', url: 'https://github.com/a/b' },
    ])
    expect(rendered.links.has(2)).toBe(false)
  })

  it('blanks comments and code, keeping the line numbers and the line issues', () => {
    const input = splitTextInput(
      '<!-- a\nnote -->\n```\n- not an entry\n```\n\u0000\u0001\n- Entry',
      'list.md',
    )
    const rendered = renderAwesomeMarkdown(input)
    expect(rendered.input.lines).toEqual(['', '', '', '', '', '', '  • Entry'])
    expect(rendered.input.rejectedLines.get(6)?.code).toBe('BINARY_CONTENT')
    expect(rendered.input.issues).toBe(input.issues)
  })

  it('drops an item that is only links with nothing under it (a link list), and keeps one with details', () => {
    const rendered = render(
      '- [A blog](https://blog.org) ![ ](https://stars.svg)\n- [A Paper](https://arxiv.org/abs/2301.00001)\n  - Ann Lee',
    )
    expect(rendered.input.lines).toEqual(['', '  • A Paper', '    • Ann Lee'])
  })

  it('decodes the HTML entities a README writes, as GitHub shows them', () => {
    expect(render('  - Marin Dujmovi&#263;, Ann L&eacute;e. &ldquo;Bits &amp; Bytes&rdquo; &notanentity;').input.lines).toEqual(['    • Marin Dujmović, Ann Lée. “Bits & Bytes” &notanentity;'])
  })

  it('drops emphasis and escapes but keeps an underscore inside a word', () => {
    expect(render('  - Laurent_Viennot, Ann Lee. _ICLR 2019_ **best** 5 * 3 \\*x\\*').input.lines).toEqual([
      '    • Laurent_Viennot, Ann Lee. ICLR 2019 best 5 * 3 *x*',
    ])
  })
})

describe('isMarkdownSource', () => {
  it('tells the source from its rendered text', () => {
    expect(isMarkdownSource(['## Topic: 2023', '- Title. [[paper]](u)', '  - Ann Lee'])).toBe(true)
    expect(isMarkdownSource(['Topic: 2023', '  • Title. [paper]', '    • Ann Lee'])).toBe(false)
  })
})
