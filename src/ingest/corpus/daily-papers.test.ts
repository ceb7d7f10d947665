import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { dailyPapersFormat, isAbstractLine } from './daily-papers.js'

const PAGE = readFileSync(new URL('../../../data/corpus/daily-papers.txt', import.meta.url), 'utf8')
const LINES = PAGE.split('\n')
const ctx = { input: 'data/corpus/daily-papers.txt', fetchedAt: '2026-06-01T10:00:00.000Z' }
const result = dailyPapersFormat.parse(PAGE, ctx)
// On the real page titles sit on lines 13, 17, ... and abstracts on 15, 19, ... up to 239.
const titleLines = LINES.flatMap((text, index) =>
  index + 1 >= 13 && (index + 1 - 13) % 4 === 0 && text !== '' ? [text] : [],
)
const abstractLines = LINES.flatMap((text, index) =>
  index + 1 >= 15 && (index + 1 - 15) % 4 === 0 && text !== '' ? [text] : [],
)

describe('daily-papers on the real page', () => {
  it('reads 57 title/abstract pairs past the page chrome', () => {
    expect(result.records).toHaveLength(57)
    expect(result.entriesSeen).toBe(57)
    expect(result.records[0]).toMatchObject({
      source: 'daily-papers',
      line: 13,
      locator: `${ctx.input}:13`,
      title: 'Empirical Analysis of the Hessian of Over-Parametrized Neural Networks',
      key: 'empirical analysis of the hessian of over parametrized neural networks',
      fetchedAt: ctx.fetchedAt,
    })
    expect(
      result.records[0]?.abstract?.startsWith(
        'We study the properties of common loss surfaces through their Hessian matrix.',
      ),
    ).toBe(true)
    expect(result.records.at(-1)).toMatchObject({
      line: 237,
      title: 'Neural Network Approximations of PDEs Beyond Linearity: A Representational Perspective',
    })
    expect(result.records.map((r) => r.title)).toEqual(titleLines)
    expect(result.records.map((r) => r.abstract)).toEqual(abstractLines)
  })

  it('reads a title with a question mark as a title', () => {
    const record = result.records.find((r) => r.line === 85)
    expect(record?.title).toBe('Does Learning Require Memorization? A Short Tale about a Long Tail')
    expect(record?.abstract?.startsWith('State-of-the-art results on image recognition tasks')).toBe(true)
  })

  it('never takes the page date for a publication date; without a capture date listedAt is null with one warning', () => {
    expect(
      result.records.every((r) => r.date === null && r.listedAt === null && r.raw['pageDate'] === 'Sep 5'),
    ).toBe(true)
    expect(result.issues).toEqual([
      {
        severity: 'warning',
        source: ctx.input,
        code: 'INVALID_VALUE',
        line: 11,
        field: 'listedAt',
        message:
          'page date "Sep 5" has no year; pass the capture date (captureDate) to date it; it is when the papers were listed, not published',
      },
    ])
  })

  it('records the page date as listedAt in the capture year', () => {
    const captured = dailyPapersFormat.parse(PAGE, { ...ctx, captureDate: '2025-09-06' })
    expect(captured.records.every((r) => r.listedAt === '2025-09-05' && r.date === null)).toBe(true)
    expect(captured.issues).toEqual([])
  })

  it('tells titles from abstracts by their shape, on every line of the page and on cut abstracts', () => {
    expect(titleLines.filter(isAbstractLine)).toEqual([])
    expect(abstractLines.filter((line) => !isAbstractLine(line))).toEqual([])
    expect(abstractLines.filter((line) => !isAbstractLine(line.slice(0, 300)))).toEqual([])
  })
})

describe('daily-papers when pairs are broken', () => {
  it('imports a title whose abstract is missing and keeps every later pair right', () => {
    const lines = [...LINES]
    lines.splice(14, 2) // the abstract of the first paper (line 15) and its blank line
    const parsed = dailyPapersFormat.parse(lines.join('\n'), { ...ctx, captureDate: '2025-09-06' })
    expect(parsed.records).toHaveLength(57)
    expect(parsed.records[0]).toMatchObject({
      title: 'Empirical Analysis of the Hessian of Over-Parametrized Neural Networks',
      abstract: null,
    })
    expect(parsed.records.slice(1).map((r) => r.abstract)).toEqual(abstractLines.slice(1))
    expect(parsed.issues).toMatchObject([
      { severity: 'warning', code: 'MISSING_FIELD', line: 13, field: 'abstract' },
    ])
  })

  it('rejects an abstract whose title is missing and keeps every later pair right', () => {
    const lines = [...LINES]
    lines.splice(16, 2) // the title of the second paper (line 17) and its blank line
    const parsed = dailyPapersFormat.parse(lines.join('\n'), { ...ctx, captureDate: '2025-09-06' })
    expect(parsed.records).toHaveLength(56)
    expect(parsed.entriesSeen).toBe(57)
    expect(parsed.records.slice(1).map((r) => r.title)).toEqual(titleLines.slice(2))
    expect(parsed.issues).toMatchObject([
      { severity: 'rejected', code: 'MISSING_FIELD', line: 17, field: 'title' },
    ])
  })

  it('rejects a title with no letters or digits in one sentence naming line and field, and reads the rest', () => {
    const lines = [...LINES]
    lines[28] = '🤗 → 🚀' // the title of the fifth paper (line 29)
    const parsed = dailyPapersFormat.parse(lines.join('\n'), { ...ctx, captureDate: '2025-09-06' })
    expect(parsed.records).toHaveLength(56)
    expect(parsed.entriesSeen).toBe(57)
    expect(parsed.issues).toEqual([
      {
        severity: 'rejected',
        source: ctx.input,
        code: 'INVALID_VALUE',
        line: 29,
        field: 'title',
        message: 'title "🤗 → 🚀" has no letters or digits',
      },
    ])
  })

  it('reads pairs without blank lines between them', () => {
    const compact = LINES.filter((line) => line !== '').join('\n')
    expect(dailyPapersFormat.parse(compact, ctx).records.map((r) => r.title)).toEqual(titleLines)
  })
})
