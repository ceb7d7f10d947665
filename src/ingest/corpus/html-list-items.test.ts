import { describe, expect, it } from 'vitest'
import { readHtmlListItems } from './html-list-items.js'

const itemsOf = (lines: readonly string[]) => {
  const read = readHtmlListItems(lines)
  return [...read.items].sort((a, b) => a - b).map((index) => [index + 1, read.lines[index]])
}

describe('readHtmlListItems', () => {
  it('writes each item as a Markdown item on the line its words start, the rest of its list blank', () => {
    // geyongtao/deep-face-pipeline, the README of `face detection papers/` (named by its own image links): one list
    // per paper, the `<li>` on a line of its own, closed as `</ul></li>`.
    const lines = [
      '【Face Detection】',
      '<ul>',
      '<li>',
      'A Convolutional Neural Network Cascade for Face Detection, CVPR, 2015',
      '</ul></li>',
      '  ',
      '<ul>',
      '<li>',
      'Joint Training of Cascaded CNN for Face Detection, CVPR, 2016. <a href="http://www.cv-foundation.org/openaccess/content_cvpr_2016/papers/Qin_Joint_Training_of_CVPR_2016_paper.pdf">[Paper]</a></li>',
      '</ul></li>',
    ]
    const read = readHtmlListItems(lines)
    expect(read.lines).toHaveLength(lines.length)
    expect(read.lines[0]).toBe('【Face Detection】')
    expect(itemsOf(lines)).toEqual([
      [4, '- A Convolutional Neural Network Cascade for Face Detection, CVPR, 2015'],
      [
        9,
        '- Joint Training of Cascaded CNN for Face Detection, CVPR, 2016. [[Paper]](http://www.cv-foundation.org/openaccess/content_cvpr_2016/papers/Qin_Joint_Training_of_CVPR_2016_paper.pdf)',
      ],
    ])
    expect(read.lines.filter((line) => line.includes('<'))).toEqual([])
  })

  it('joins what an item nests after `<br>`, and reads an item of items as a group, not an entry', () => {
    // A page of paper summaries whose table of contents is an HTML list (found by its text, repository not
    // recorded): a bold title over a nested list of its links; `Other:` groups two more such items.
    const lines = [
      '<ul>',
      '<li><strong>Wide Residual Networks</strong>',
      '<ul>',
      '<li><a href="#wide-residual-networks">[summary]</a> <a href="https://arxiv.org/abs/1605.07146">[paper]</a></li>',
      '</ul>',
      '</li>',
      '<li>Other:',
      '<ul>',
      '<li><strong>Introspective Classification with Convolutional Nets</strong>',
      '<ul>',
      '<li><a href="https://arxiv.org/abs/1704.07816">[paper]</a></li>',
      '</ul>',
      '</li>',
      '</ul>',
      '</li>',
      '</ul>',
    ]
    expect(itemsOf(lines)).toEqual([
      [
        2,
        '- **Wide Residual Networks** <br> [[summary]](#wide-residual-networks) [[paper]](https://arxiv.org/abs/1605.07146)',
      ],
      [
        9,
        '- **Introspective Classification with Convolutional Nets** <br> [[paper]](https://arxiv.org/abs/1704.07816)',
      ],
    ])
    // The group's name is a heading over its items: their section, which ends with the group's `</li>` (line 15).
    expect(readHtmlListItems(lines).lines[6]).toBe('###### Other')
    expect([...readHtmlListItems(lines).groupEnds]).toEqual([[6, 14]])
  })

  it('reads entities, `<br>` and attributes in any quoting, and a list folded in `<details>`', () => {
    const lines = [
      '<details><summary>Models</summary>',
      "<ul><li><b>Learning &amp; Reasoning</b><br><i>Ann Lee, Bo Chen</i> <a href='https://arxiv.org/abs/2301.00001' target=_blank>[arXiv]</a>",
      '</ul></details>',
    ]
    expect(itemsOf(lines)).toEqual([
      [2, '- **Learning & Reasoning** <br> *Ann Lee, Bo Chen* [[arXiv]](https://arxiv.org/abs/2301.00001)'],
    ])
  })

  it('leaves lists shown as code alone, and changes nothing in a file without `<li`', () => {
    const code = [
      'Write `<ul><li>Title</li></ul>` in HTML, or:',
      '```html',
      '<ul>',
      '<li>A title</li>',
      '</ul>',
      '```',
    ]
    expect(readHtmlListItems(code)).toEqual({
      lines: code,
      items: new Set(),
      crowded: [],
      groupEnds: new Map(),
    })
    const plain = ['# List', '- [Title](https://arxiv.org/abs/2301.00001)']
    expect(readHtmlListItems(plain).lines).toEqual(plain)
  })

  it('leaves a list inside a Markdown line to that line: a table cell, an item after its title', () => {
    const lines = [
      '| Paper | Links |',
      '|---|---|',
      '| [Attention Is All You Need](https://arxiv.org/abs/1706.03762) | <ul><li>[code](https://github.com/a/b)</li></ul> |',
      '- [BERT](https://arxiv.org/abs/1810.04805) <ul><li>Devlin et al.</li></ul>',
    ]
    expect(readHtmlListItems(lines)).toEqual({ lines, items: new Set(), crowded: [], groupEnds: new Map() })
  })

  it('moves an item that shares its line down to a free line, and names one that finds none', () => {
    expect(itemsOf(['<ul><li>First title here</li><li>Second title here</li></ul>', '', 'Text'])).toEqual([
      [1, '- First title here'],
      [2, '- Second title here'],
    ])
    const crowded = readHtmlListItems([
      '<ul><li>First title here</li><li>Second title here</li></ul>',
      'Text',
    ])
    expect(crowded.crowded).toEqual([1])
    expect(crowded.lines).toEqual(['- First title here', 'Text'])
  })
})
