import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { awesomeListFormat, readByline, splitKeywords } from './awesome-list.js'

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
