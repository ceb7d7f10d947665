import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CORPUS_FORMATS, MIN_DETECT_CONFIDENCE, detectFormat, findFormat, parseCorpusBytes } from './index.js'

/** The real capture each format is built for; a format without one fails the first test. */
const REAL_FILES: Record<string, string> = {
  'researcher-profile': 'researcher-profile.txt',
  'author-papers': 'author-papers.txt',
  'awesome-list': 'awesome-deep-phenomena.txt',
  'daily-papers': 'daily-papers.txt',
  abstracts: 'abstracts.txt',
}
const readCorpus = (file: string) =>
  readFileSync(new URL(`../../../data/corpus/${file}`, import.meta.url), 'utf8')
const ctx = (input: string) => ({ input, fetchedAt: '2026-06-01T10:00:00.000Z' })

describe('the corpus formats', () => {
  it('are the five formats, each with its real file', () => {
    expect(CORPUS_FORMATS.map((format) => format.name).sort()).toEqual([
      'abstracts',
      'author-papers',
      'awesome-list',
      'daily-papers',
      'researcher-profile',
    ])
    expect(Object.keys(REAL_FILES).sort()).toEqual(CORPUS_FORMATS.map((format) => format.name).sort())
  })

  it('are found by name', () => {
    for (const format of CORPUS_FORMATS) expect(findFormat(format.name)).toBe(format)
    expect(findFormat('bibtex')).toBeUndefined()
  })

  describe.each(CORPUS_FORMATS.map((format) => [format.name, format] as const))('%s', (name, format) => {
    const file = REAL_FILES[name] ?? ''
    const text = readCorpus(file)
    const input = `data/corpus/${file}`
    const result = format.parse(text, ctx(input))
    const lineCount = text.split('\n').length

    it('is detected in its real file by content alone', () => {
      expect(detectFormat(text, 'capture.txt')?.format.name).toBe(name)
      expect(detectFormat(text, file)?.format.name).toBe(name)
    })

    it('claims none of the other real files more strongly than their own format does', () => {
      for (const [otherName, otherFile] of Object.entries(REAL_FILES)) {
        if (otherName === name) continue
        const otherText = readCorpus(otherFile)
        expect(format.detect(otherText, 'capture.txt')).toBeLessThan(
          findFormat(otherName)?.detect(otherText, 'capture.txt') ?? 0,
        )
      }
    })

    it('fills the record fields every format shares', () => {
      expect(result.records.length).toBeGreaterThan(0)
      for (const record of result.records) {
        expect(record.source).toBe(name)
        expect(record.locator).toBe(`${input}:${record.line}`)
        expect(record.fetchedAt).toBe('2026-06-01T10:00:00.000Z')
        expect(record.line).toBeGreaterThanOrEqual(1)
        expect(record.line).toBeLessThanOrEqual(lineCount)
        expect(record.key).not.toContain(input)
        expect(record.key).not.toContain(`:${record.line}`)
      }
      expect(new Set(result.records.map((record) => record.key)).size).toBe(result.records.length)
    })

    it('counts every entry it saw as a record or a rejection', () => {
      const rejected = result.issues.filter((issue) => issue.severity === 'rejected').length
      expect(result.entriesSeen).toBe(result.records.length + rejected)
      for (const issue of result.issues) expect(issue.source).toBe(input)
    })

    it('reads the same records from bytes as from text', () => {
      const fromBytes = parseCorpusBytes(format, new TextEncoder().encode(text), ctx(input))
      expect(fromBytes).toEqual(result)
    })
  })
})

describe('detectFormat', () => {
  it('returns null for text that is none of the formats', () => {
    const bibtex = readFileSync(
      new URL('../../../test/fixtures/bibtex/d2l_excerpt_ml_papers.bib', import.meta.url),
      'utf8',
    )
    const fullBibtex = readFileSync(
      new URL('../../../test/fixtures/bibtex/d2l_full_488_entries.bib', import.meta.url),
      'utf8',
    )
    const prose =
      'It was a bright cold day in April, and the clocks were striking thirteen.\n\nWinston Smith slipped quickly through the glass doors.'
    for (const text of [bibtex, fullBibtex, prose, readCorpus('README.md'), '', '{"papers": []}']) {
      expect(detectFormat(text, 'input.txt')).toBeNull()
    }
  })

  it('is not swayed by a misleading file name', () => {
    expect(detectFormat(readCorpus('daily-papers.txt'), 'researcher-profile.txt')?.format.name).toBe(
      'daily-papers',
    )
    expect(detectFormat('random words only', 'awesome-deep-phenomena.txt')).toBeNull()
  })

  it('reports its confidence', () => {
    const detected = detectFormat(readCorpus('awesome-deep-phenomena.txt'), 'README.txt')
    expect(detected?.confidence).toBeGreaterThanOrEqual(MIN_DETECT_CONFIDENCE)
    expect(detected?.confidence).toBeLessThanOrEqual(1)
  })
})
