import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { authorPapersFormat } from './author-papers.js'

const PAGE = readFileSync(new URL('../../../data/corpus/author-papers.txt', import.meta.url), 'utf8')
const ctx = { input: 'data/corpus/author-papers.txt', fetchedAt: '2026-06-01T10:00:00.000Z' }
const result = authorPapersFormat.parse(PAGE, ctx)

describe('author-papers on the real page', () => {
  it('splits the glued title and author list of every entry', () => {
    expect(
      result.records.map((r) => ({
        line: r.line,
        title: r.title,
        authors: r.authors,
        authorsTruncated: r.authorsTruncated,
      })),
    ).toEqual([
      {
        line: 1,
        title: 'Grokking as a First Order Phase Transition in Two Layer Networks',
        authors: ['Noa Rubin', 'Inbar Seroussi', 'Zohar Ringel'],
        authorsTruncated: false,
      },
      {
        line: 4,
        title: 'Mitigating the Curse of Detail: Scaling Arguments for Feature Learning and Sample Complexity',
        authors: ['Noa Rubin', 'Orit Davidovich', 'Zohar Ringel'],
        authorsTruncated: false,
      },
      {
        line: 7,
        title: 'From Kernels to Features: A Multi-Scale Adaptive Theory of Feature Learning',
        authors: ['Noa Rubin', 'Kirsten Fischer', 'Javed Lindner'],
        authorsTruncated: true,
      },
      {
        line: 10,
        title: 'Applications of Statistical Field Theory in Deep Learning',
        authors: ['Zohar Ringel', 'Noa Rubin', 'Edo Mor'],
        authorsTruncated: true,
      },
    ])
    expect(result.entriesSeen).toBe(4)
    expect(result.issues).toEqual([])
  })

  it('reads categories and dates, and names no owner', () => {
    expect(result.records.map((r) => [r.categories, r.date, r.extraAuthors])).toEqual([
      [['ML'], '2023-10-05', []],
      [['LG'], '2025-12-03', []],
      [['DIS-NN'], '2025-02-05', []],
      [['ML'], '2025-02-25', []],
    ])
    expect(result.profiles).toEqual([])
  })

  it('keeps the glued line as read and the abstract whole', () => {
    expect(result.records[0]?.raw).toMatchObject({
      categoryDate: 'MLOct 5, 2023',
      titleAndAuthors:
        'Grokking as a First Order Phase Transition in Two Layer NetworksNoa Rubin, Inbar Seroussi, Zohar Ringel',
    })
    expect(
      result.records[0]?.abstract?.startsWith(
        'A key property of deep neural networks (DNNs) is their ability to learn new features during training.',
      ),
    ).toBe(true)
    expect(
      result.records.every(
        (r) =>
          r.source === 'author-papers' &&
          r.locator === `${ctx.input}:${r.line}` &&
          r.key ===
            r.title
              ?.toLowerCase()
              .replace(/[^a-z0-9]+/g, ' ')
              .trim(),
      ),
    ).toBe(true)
  })

  it('also reads entries whose authors sit on their own line', () => {
    const separate =
      'MLOct 5, 2023\nSome Title About Networks\nNoa Rubin, Zohar Ringel et al.\nAn abstract of the paper, in a sentence.'
    const parsed = authorPapersFormat.parse(separate, ctx)
    expect(parsed.records[0]).toMatchObject({
      title: 'Some Title About Networks',
      authors: ['Noa Rubin', 'Zohar Ringel'],
      authorsTruncated: true,
    })
  })

  it('rejects an entry whose title line has no author list and imports the others', () => {
    const lines = PAGE.split('\n')
    lines[4] = 'Mitigating the Curse of Detail: Scaling Arguments for Feature Learning and Sample Complexity'
    const parsed = authorPapersFormat.parse(lines.join('\n'), ctx)
    expect(parsed.records.map((r) => r.line)).toEqual([1, 7, 10])
    expect(parsed.entriesSeen).toBe(4)
    expect(parsed.issues).toMatchObject([
      { severity: 'rejected', code: 'MISSING_FIELD', line: 4, field: 'authors' },
    ])
  })

  it('reports lines above the first entry and imports the rest', () => {
    const parsed = authorPapersFormat.parse(`Skip to content\n${PAGE}`, ctx)
    expect(parsed.records).toHaveLength(4)
    expect(parsed.issues).toMatchObject([{ severity: 'warning', code: 'PARSE_FAILED', line: 1 }])
  })
})
