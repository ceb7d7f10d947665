import { readFileSync, readdirSync, statSync } from 'node:fs'
import { basename, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { SourceRecord } from '../../core/index.js'
import { detectFileFormat } from '../index.js'
import { awesomeListFormat, idsFromUrl, readByline, splitKeywords } from './awesome-list.js'

const LIST = readFileSync(new URL('../../../data/corpus/awesome-deep-phenomena.txt', import.meta.url), 'utf8')
const ctx = { input: 'data/corpus/awesome-deep-phenomena.txt', fetchedAt: '2026-06-01T10:00:00.000Z' }
const result = awesomeListFormat.parse(LIST, ctx)
const atLine = (line: number) => {
  const record = result.records.find((r) => r.line === line)
  if (!record) throw new Error(`no record at line ${line}`)
  return record
}
const countBy = (values: string[]) =>
  Object.fromEntries([...new Set(values)].map((value) => [value, values.filter((v) => v === value).length]))

describe('awesome-list on the real README', () => {
  it('reads 495 papers and rejects only the contribution template', () => {
    expect(result.records).toHaveLength(495)
    expect(result.entriesSeen).toBe(496)
    expect(result.issues.filter((issue) => issue.severity === 'rejected')).toEqual([
      {
        severity: 'rejected',
        source: ctx.input,
        code: 'TEMPLATE_ENTRY',
        line: 2702,
        field: 'entry',
        message:
          'the contribution template ("Paper Title", "Authors. Published Conference or Journal"), not a paper',
        excerpt: 'Paper Title [paper]',
      },
    ])
    expect(result.records.some((r) => r.title === 'Paper Title')).toBe(false)
  })

  it('files every paper under its section topic and year', () => {
    expect(countBy(result.records.map((r) => r.topics.join('|')))).toEqual({
      'Empirical Study': 77,
      'Neural Collapse': 16,
      'Deep Double Descent': 22,
      'Lottery Ticket Hypothesis': 70,
      'Emergence and Phase Transitions': 28,
      'Interactions with Neuroscience': 31,
      'Information Bottleneck': 22,
      'Neural Tangent Kernel': 38,
      Others: 191,
    })
    expect(countBy(result.records.map((r) => r.date ?? 'null'))).toEqual({
      '2016': 6,
      '2017': 17,
      '2018': 41,
      '2019': 51,
      '2020': 76,
      '2021': 68,
      '2022': 123,
      '2023': 113,
    })
  })

  it('reads an entry without a venue: title, authors with initials, key words, digest, links', () => {
    const record = atLine(34)
    expect(record).toMatchObject({
      source: 'awesome-list',
      locator: `${ctx.input}:34`,
      title: 'Truth is in There: Improving Reasoning in Language Models with Layer-Selective Rank Reduction',
      authors: ['Pratyusha Sharma', 'Jordan T. Ash', 'Dipendra Misra'],
      authorsTruncated: false,
      venue: null,
      date: '2023',
      topics: ['Empirical Study'],
      keywords: ['Large Language Models', 'Reasoning'],
      key: 'empirical study/truth is in there improving reasoning in language models with layer selective rank reduction',
    })
    expect(record.digest?.origin).toBe('curated')
    expect(
      record.digest?.text.startsWith(
        'Transformer-based Large Language Models (LLMs) have become a fixture in modern machine learning.',
      ),
    ).toBe(true)
    expect(record.raw).toMatchObject({
      section: 'Empirical Study: 2023',
      links: ['paper', 'code'],
      authorsLine: 'Pratyusha Sharma, Jordan T. Ash, Dipendra Misra',
    })
  })

  it('keeps the venue as printed and the section year as the date', () => {
    expect(atLine(39)).toMatchObject({
      authors: [
        'Aaditya K. Singh',
        'Stephanie C.Y. Chan',
        'Ted Moskovitz',
        'Erin Grant',
        'Andrew M. Saxe',
        'Felix Hill',
      ],
      venue: 'NeurIPS 2023',
      date: '2023',
    })
    // Section 2018 (arXiv), venue CVPR 2019: the date stays the section's.
    expect(atLine(378)).toMatchObject({
      venue: 'CVPR 2019',
      date: '2018',
      raw: expect.objectContaining({ venueYear: 2019 }),
    })
    expect(atLine(1638)).toMatchObject({
      title: 'Mathematical Models of Overparameterized Neural Networks',
      venue: 'Proceedings of the IEEE',
      date: '2020',
    })
  })

  it('drops the "Author List" prefix and keeps long lists whole', () => {
    const winner = atLine(69)
    expect(winner.title).toBe('Why is the winner the best?')
    expect(winner.authors).toHaveLength(125)
    expect(winner.authors[0]).toBe('Matthias Eisenmann')
    expect(winner.authors.at(-1)).toBe('Lena Maier-Hein')
    const neuroscience = atLine(1325)
    expect(neuroscience.authors).toHaveLength(32)
    expect(neuroscience.authors[0]).toBe('Blake A. Richards')
    expect(neuroscience.authors.slice(-2)).toEqual(['Denis Therien', 'Konrad P. Kording'])
    expect(neuroscience.venue).toBe('Nature Neuroscience')
    expect(neuroscience.raw).toMatchObject({ venue: '*Nature Neuroscience*' })
  })

  it('yields one record per section for a paper listed under two topics', () => {
    const title =
      'Why ReLU networks yield high-confidence predictions far away from the training data and how to mitigate the problem'
    const listed = result.records.filter((r) => r.title === title)
    expect(listed.map((r) => [r.line, r.topics, r.keywords])).toEqual([
      [378, ['Empirical Study'], ['ReLU']],
      [2497, ['Others'], ['ReLU', 'Adversarial Example']],
    ])
    expect(new Set(listed.map((r) => r.key)).size).toBe(2)
  })

  it('reads the hand-made slips of the list', () => {
    // `Key Work:` and `Key Wrod:` are the list's typos for `Key Word:`.
    expect(atLine(1093).keywords).toEqual(['Grokking', 'Interpretability'])
    expect(atLine(2497).keywords).toEqual(['ReLU', 'Adversarial Example'])
    // A digest line without its bullet.
    expect(atLine(2263).digest?.text.startsWith('We show: (1) for every problem instance')).toBe(true)
    // A venue glued to the last author without its period, and a surname that looks like an initial.
    expect(atLine(1031)).toMatchObject({
      authors: ['Jonathan Frankle', 'Michael Carbin'],
      venue: 'ICLR 2019',
    })
    expect(atLine(2630)).toMatchObject({
      authors: ['Qianxiao Li', 'Long Chen', 'Cheng Tai', 'Weinan E'],
      venue: 'JMLR',
    })
    // Semicolons between authors; names run together; a handle repeating a name.
    expect(atLine(1198).authors).toEqual(['Mototaka Suzuki', 'Cyriel M. A. Pennartz', 'Jaan Aru'])
    expect(atLine(1216).authors).toHaveLength(13)
    expect(atLine(1216).authors.slice(0, 3)).toEqual([
      'Jeffrey S Bowers',
      'Gaurav Malhotra',
      'Marin Dujmović',
    ])
    expect(atLine(724).authors).toEqual(['Arthur da Cunha', 'Emanuele Natale', 'Laurent Viennot'])
    // A title without its final period, and a [book] link.
    expect(atLine(2602).title).toBe('Stronger generalization bounds for deep nets via a compression approach')
    expect(atLine(2454).raw).toMatchObject({ links: ['paper', 'book'] })
  })

  it('imports entries that miss their author line, with a warning each', () => {
    expect(atLine(1944)).toMatchObject({
      title: 'mSAM: Micro-Batch-Averaged Sharpness-Aware Minimization',
      authors: [],
      keywords: ['Sharpness-Aware Minimization'],
    })
    expect(
      result.issues
        .filter((issue) => issue.field === 'authors' && issue.code === 'MISSING_FIELD')
        .map((issue) => issue.line),
    ).toEqual([1944, 1948])
    expect(
      result.issues.filter((issue) => issue.severity === 'warning').map((issue) => [issue.line, issue.code]),
    ).toEqual([
      [726, 'INVALID_VALUE'],
      [1218, 'INVALID_VALUE'],
      [1944, 'MISSING_FIELD'],
      [1948, 'MISSING_FIELD'],
    ])
  })

  it('lists the grokking paper under its awesome-list title', () => {
    expect(atLine(1053)).toMatchObject({
      title:
        'Droplets of Good Representations: Grokking as a First Order Phase Transition in Two Layer Networks',
      authors: ['Noa Rubin', 'Inbar Seroussi', 'Zohar Ringel'],
      topics: ['Emergence and Phase Transitions'],
      date: '2023',
    })
  })

  it('cleans every title and keeps keys unique', () => {
    for (const record of result.records) {
      expect(record.title).not.toMatch(/\[(paper|code|book)\]|\\$|[^.]\.$/)
      expect(record.locator).toBe(`${ctx.input}:${record.line}`)
    }
    expect(new Set(result.records.map((r) => r.key)).size).toBe(495)
    expect(result.records.filter((r) => r.digest !== null)).toHaveLength(495)
    expect(result.records.filter((r) => r.venue !== null)).toHaveLength(259)
  })
})

describe('awesome-list on edited input', () => {
  const page = (body: string) => `Awesome Things\n\nNeural Collapse: 2021\n\n${body}`

  it('joins wrapped lines to the title or detail they continue', () => {
    const parsed = awesomeListFormat.parse(
      page(
        '  • A Long Title That Wraps\n    Onto The Next Line. [paper]\n\n    • Ann Lee, Bo Chen. ICML\n    2021\n    • Key Word: A; B.\n    • Key Word: C.\n    • Digest Text.',
      ),
      ctx,
    )
    expect(parsed.records[0]).toMatchObject({
      title: 'A Long Title That Wraps Onto The Next Line',
      venue: 'ICML 2021',
      keywords: ['A', 'B', 'C'],
      digest: { text: 'Text.', origin: 'curated' },
    })
  })

  it('rejects an entry that has nothing but its title line', () => {
    const parsed = awesomeListFormat.parse(
      page('  • Only A Title. [paper]\n  • Full Entry. [paper]\n    • Ann Lee.\n'),
      ctx,
    )
    expect(parsed.records.map((r) => r.title)).toEqual(['Full Entry'])
    expect(parsed.issues).toMatchObject([
      { severity: 'rejected', code: 'MISSING_FIELD', line: 5, field: 'authors' },
    ])
  })

  it('still reports an unreadable line after the papers end', () => {
    const parsed = awesomeListFormat.parse(
      page('  • Paper. [paper]\n    • Ann Lee.\n\nRelated Resources\n\n  • Some list\n\u0000\u0001\n'),
      ctx,
    )
    expect(parsed.records.map((r) => r.title)).toEqual(['Paper'])
    expect(parsed.issues).toMatchObject([
      { severity: 'rejected', code: 'BINARY_CONTENT', line: 11, field: 'entry' },
    ])
    expect(parsed.issues[0]?.message).toBe(
      'entry at line 10 ("Some list"): line 11 cannot be read: line holds binary data (NUL or mostly control characters), not text',
    )
    expect(parsed.entriesSeen).toBe(2)
  })

  it('rejects a second listing of the same paper in the same topic', () => {
    const entry = '  • Same Paper. [paper]\n    • Ann Lee.\n'
    const parsed = awesomeListFormat.parse(page(`${entry}\nNeural Collapse: 2020\n\n${entry}`), ctx)
    expect(parsed.records).toHaveLength(1)
    expect(parsed.issues).toMatchObject([{ severity: 'rejected', code: 'DUPLICATE_ENTRY', line: 10 }])
  })
})

describe('readByline', () => {
  it.each([
    [
      'Jiefeng Chen, Timothy Nguyen, Dilan Gorur, Arslan Chaudhry. ICLR 2023',
      ['Jiefeng Chen', 'Timothy Nguyen', 'Dilan Gorur', 'Arslan Chaudhry'],
      'ICLR 2023',
      2023,
    ],
    ['Author List Ann Lee, Bo Chen.', ['Ann Lee', 'Bo Chen'], null, null],
    [
      'Henry W. Lin, Max Tegmark, David Rolnick. Journal of Statistical Physics',
      ['Henry W. Lin', 'Max Tegmark', 'David Rolnick'],
      'Journal of Statistical Physics',
      null,
    ],
    [
      'Anirban Samaddar, Sandeep Madireddy, Prasanna Balaprakash',
      ['Anirban Samaddar', 'Sandeep Madireddy', 'Prasanna Balaprakash'],
      null,
      null,
    ],
    ['Ann Lee, John T. McDonald', ['Ann Lee', 'John T. McDonald'], null, null],
  ])('reads %j', (line, authors, venue, venueYear) => {
    expect(readByline(line)).toMatchObject({ authorList: { authors, truncated: false }, venue, venueYear })
  })
})

describe('splitKeywords', () => {
  it('splits on semicolons and drops the final period', () => {
    expect(splitKeywords('Key Word: Large Language Models; Reasoning.')).toEqual([
      'Large Language Models',
      'Reasoning',
    ])
    expect(splitKeywords('Key Word: Information Bottleneck')).toEqual(['Information Bottleneck'])
    expect(splitKeywords('Key Word: ;  ; .')).toEqual([])
  })

  it('splits on commas when a line has no semicolon (one entry of the list writes them so)', () => {
    expect(splitKeywords('Key Word: Neural Collapse, Nonconvex Optimization.')).toEqual(['Neural Collapse', 'Nonconvex Optimization'])
    expect(splitKeywords('Key Word: Bias, Variance; Double Descent.')).toEqual(['Bias, Variance', 'Double Descent'])
  })
})

describe('awesome-list on the Markdown source (README.md)', () => {
  // A few entries of the same list in the shape of its README.md: badges, a table of contents, images, a
  // multi-line digest, `</details>` closed or not, entries without an author line, the resources and the template.
  const MARKDOWN = readFileSync(new URL('../../../test/fixtures/awesome-list/awesome-deep-phenomena.md', import.meta.url), 'utf8')
  const mdCtx = { input: 'lists/awesome-deep-phenomena.md', fetchedAt: ctx.fetchedAt }
  const md = awesomeListFormat.parse(MARKDOWN, mdCtx)
  const lineOf = (start: string): number =>
    MARKDOWN.split('\n').findIndex((line) => line.startsWith(start)) + 1
  const byTitle = (title: string): SourceRecord => {
    const record = md.records.find((r) => r.title === title)
    if (!record) throw new Error(`no record "${title}"`)
    return record
  }
  /** What the two shapes share: all but where the entry sits and the link targets only Markdown has. */
  const shared = ({ line: _l, locator: _p, url: _u, ids: _i, raw, ...rest }: SourceRecord) => {
    const { linkTargets: _t, ...rawShared } = raw
    return { ...rest, raw: rawShared }
  }

  it('reads the same records as the rendered capture gives for the same entries', () => {
    const twins = md.records.flatMap((record) => {
      const rendered = result.records.find((r) => r.key === record.key)
      return rendered ? [[record, rendered] as const] : []
    })
    expect(twins.map(([record]) => record.title)).toEqual([
      'Truth is in There: Improving Reasoning in Language Models with Layer-Selective Rank Reduction',
      'The Transient Nature of Emergent In-Context Learning in Transformers',
      'Why ReLU networks yield high-confidence predictions far away from the training data and how to mitigate the problem',
      'The Lottery Ticket Hypothesis: Finding Sparse, Trainable Neural Networks',
      'mSAM: Micro-Batch-Averaged Sharpness-Aware Minimization',
      'Machine Love',
      'The Benefits of Implicit Regularization from SGD in Least Squares Problems',
      'Maximum Principle Based Algorithms for Deep Learning',
    ])
    for (const [record, rendered] of twins) expect(shared(record)).toEqual(shared(rendered))
    // Venue in emphasis, a venue glued to the last author, a surname that looks like an initial: read alike.
    expect(byTitle('The Transient Nature of Emergent In-Context Learning in Transformers').venue).toBe(
      'NeurIPS 2023',
    )
    expect(byTitle('The Lottery Ticket Hypothesis: Finding Sparse, Trainable Neural Networks').venue).toBe(
      'ICLR 2019',
    )
    expect(byTitle('Maximum Principle Based Algorithms for Deep Learning').authors.at(-1)).toBe('Weinan E')
  })

  it('keeps the paper link and the arXiv id or DOI it names; records point at their Markdown line', () => {
    const truth = byTitle(
      'Truth is in There: Improving Reasoning in Language Models with Layer-Selective Rank Reduction',
    )
    expect(truth).toMatchObject({
      line: lineOf('- Truth is in There'),
      locator: `${mdCtx.input}:${lineOf('- Truth is in There')}`,
      url: 'https://arxiv.org/abs/2312.13558',
      ids: { arxiv: '2312.13558' },
      raw: {
        links: ['paper', 'code'],
        linkTargets: [
          { label: 'paper', url: 'https://arxiv.org/abs/2312.13558' },
          { label: 'code', url: 'https://github.com/pratyushasharma/laser' },
        ],
      },
    })
    // A fragment after the id, and a paper page that is not on arXiv.
    expect(byTitle('Maximum Principle Based Algorithms for Deep Learning').ids).toEqual({
      arxiv: '1710.09513',
    })
    expect(byTitle('Understanding Deep Learning (Still) Requires Rethinking Generalization')).toMatchObject({
      url: 'https://dl.acm.org/doi/10.1145/3446776',
      ids: { doi: '10.1145/3446776' },
      venue: 'Communications of the ACM',
      date: '2021',
      keywords: ['Memorization', 'Generalization'],
      digest: null,
    })
    // The rendered capture has no link targets: its records carry neither URL nor id.
    expect(atLine(34)).toMatchObject({ url: null, ids: {} })
  })

  it('joins a digest written over several lines, with or without its closing </details>', () => {
    const relu = byTitle(
      'Why ReLU networks yield high-confidence predictions far away from the training data and how to mitigate the problem',
    )
    expect(relu.digest?.text).toMatch(/^Classifiers used in the wild, .* far away from the training data\.$/)
    expect(relu.digest?.text).toBe(atLine(378).digest?.text)
    for (const record of md.records) expect(record.digest?.text ?? '').not.toMatch(/[<>]/)
  })

  it('takes no paper from badges, images, the table of contents or the resources; rejects only the template', () => {
    expect(md.records).toHaveLength(9)
    expect(md.entriesSeen).toBe(10)
    expect(md.issues.map((issue) => [issue.severity, issue.code, issue.line])).toEqual([
      ['warning', 'MISSING_FIELD', lineOf('- mSAM')],
      ['warning', 'MISSING_FIELD', lineOf('- Machine Love')],
      ['rejected', 'TEMPLATE_ENTRY', lineOf('- Paper Title')],
    ])
    expect(md.records.map((r) => r.topics[0])).toEqual([
      'Empirical Study',
      'Empirical Study',
      'Empirical Study',
      'Empirical Study',
      'Lottery Ticket Hypothesis',
      'Others',
      'Others',
      'Others',
      'Others',
    ])
  })

  it('reads no paper from a Markdown file without entries, and rejects nothing', () => {
    // The import says that such a file gave nothing (see import-files.test.ts); the parser only must not invent.
    const empty = awesomeListFormat.parse(
      '# Reading list\n\n- [Later](#later)\n\n## Later\n\n![cover](https://example.org/c.png)\n\n## Related Resources\n\n- [a blog](https://example.org)\n',
      mdCtx,
    )
    expect(empty).toMatchObject({ records: [], issues: [], entriesSeen: 0 })
  })

  it('is detected as awesome-list, and no other file the tests use is', () => {
    expect(detectFileFormat(MARKDOWN, 'README.md')).toMatchObject({ format: { name: 'awesome-list' } })
    expect(awesomeListFormat.detect(MARKDOWN, 'README.md')).toBeGreaterThanOrEqual(0.95)
    // The name only nudges: `.md` a little, the content decides.
    expect(awesomeListFormat.detect(MARKDOWN, 'list.md')).toBeGreaterThan(
      awesomeListFormat.detect(MARKDOWN, 'list.txt'),
    )
    expect(awesomeListFormat.detect('# Notes\n\n- [a link](https://example.org)\n', 'notes.md')).toBe(0)
    const root = fileURLToPath(new URL('../../../', import.meta.url))
    const listFiles = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name)
        return statSync(path).isDirectory() ? listFiles(path) : [path]
      })
    const files = [...listFiles(join(root, 'data/corpus')), ...listFiles(join(root, 'test/fixtures'))]
    expect(files.length).toBeGreaterThan(20)
    const detectedAsList = files.filter(
      (file) => detectFileFormat(readFileSync(file, 'utf8'), basename(file))?.format.name === 'awesome-list',
    )
    // The awesome lists: the corpus's rendered page and the Markdown fixtures of this format, each of them.
    const fixtures = readdirSync(join(root, 'test/fixtures/awesome-list')).map((name) => `test/fixtures/awesome-list/${name}`)
    expect(fixtures.length).toBeGreaterThanOrEqual(3)
    expect(detectedAsList.map((file) => relative(root, file)).sort()).toEqual(['data/corpus/awesome-deep-phenomena.txt', ...fixtures].sort())
  })
})

describe('idsFromUrl', () => {
  it.each([
    ['https://arxiv.org/abs/2312.13558', { arxiv: '2312.13558' }],
    ['https://arxiv.org/pdf/2107.05802v2.pdf', { arxiv: '2107.05802' }],
    ['https://arxiv.org/abs/1704.04289#', { arxiv: '1704.04289' }],
    ['https://doi.org/10.1038/S41586-024-07566-Y', { doi: '10.1038/s41586-024-07566-y' }],
    ['https://dl.acm.org/doi/abs/10.1145/3446776?x=1', { doi: '10.1145/3446776' }],
    ['https://www.nature.com/articles/s41586-024-07566-y', {}],
    ['https://openreview.net/forum?id=YiBa9HKTyXE', {}],
  ])('%s', (url, ids) => {
    expect(idsFromUrl(url)).toEqual(ids)
  })
})

describe('Markdown entries whose authors follow the title after a dash', () => {
  const ctx = { input: 'lists/README.md', fetchedAt: '2026-06-01T10:00:00.000Z' }
  const read = (lines: readonly string[]) =>
    awesomeListFormat
      .parse(['# Awesome Detection', '', '## Papers', '', ...lines].join('\n'), ctx)
      .records.map(({ title, authors, venue, date }) => ({ title, authors, venue, date }))

  it('reads the names after the dash as the authors, and a year or venue after them', () => {
    // Shapes of real READMEs (an object-detection list, a RetinaNet port's references, a dehazing project's).
    expect(
      read([
        '- [Mask R-CNN](https://arxiv.org/abs/1703.06870) - Kaiming He, Georgia Gkioxari, Piotr Dollár, Ross Girshick, 2017.',
        '- [Faster R-CNN: Towards Real-Time Object Detection with Region Proposal Networks](https://arxiv.org/abs/1506.01497) -Shaoqing Ren, Kaiming He, Ross Girshick, Jian Sun, 2015.',
        '* [Deep Residual Learning for Image Recognition](https://arxiv.org/abs/1512.03385) - Kaiming He, Xiangyu Zhang, Shaoqing Ren, and Jian Sun, 2015',
        '- 📄 [Single Image Haze Removal Using Dark Channel Prior](https://ieeexplore.ieee.org/document/5206515) - Kaiming He, Jian Sun, and Xiaoou Tang, CVPR 2009',
        '- [Fully Convolutional Networks for Semantic Segmentation](https://arxiv.org/abs/1411.4038) – Jonathan Long, Evan Shelhamer, Trevor Darrell (CVPR 2015)',
      ]),
    ).toEqual([
      { title: 'Mask R-CNN', authors: ['Kaiming He', 'Georgia Gkioxari', 'Piotr Dollár', 'Ross Girshick'], venue: null, date: '2017' },
      { title: 'Faster R-CNN: Towards Real-Time Object Detection with Region Proposal Networks', authors: ['Shaoqing Ren', 'Kaiming He', 'Ross Girshick', 'Jian Sun'], venue: null, date: '2015' },
      { title: 'Deep Residual Learning for Image Recognition', authors: ['Kaiming He', 'Xiangyu Zhang', 'Shaoqing Ren', 'Jian Sun'], venue: null, date: '2015' },
      { title: 'Single Image Haze Removal Using Dark Channel Prior', authors: ['Kaiming He', 'Jian Sun', 'Xiaoou Tang'], venue: 'CVPR 2009', date: '2009' },
      { title: 'Fully Convolutional Networks for Semantic Segmentation', authors: ['Jonathan Long', 'Evan Shelhamer', 'Trevor Darrell'], venue: 'CVPR 2015', date: '2015' },
    ])
  })

  it('reads a description after the dash as no one', () => {
    expect(
      read([
        '- [Detectron](https://arxiv.org/abs/1703.06871) - A simple, flexible framework for object detection research, by Facebook.',
        '- [YOLO9000: Better, Faster, Stronger](https://arxiv.org/abs/1612.08242) - Real-time detection of over 9000 object categories.',
        '- [Feature Pyramid Networks](https://arxiv.org/abs/1612.03144) - Multi-scale features, cheap.',
      ]).map((r) => r.authors),
    ).toEqual([[], [], []])
  })
})
