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

/** A README in Markdown, as `import README.md --format daily-papers` read it: a heading, then prose lines. */
const MARKDOWN = [
  '# Paperscope',
  '',
  'Import papers from files and APIs.',
  '',
  '```json',
  '{',
  '  "feeds": [',
  '    { "source": "arxiv", "query": "cat:cs.LG" }',
  '  ]',
  '}',
  '```',
  '',
  '## Import',
  '',
  'The import reads every file in a folder, detects each format, and merges the papers into the library.',
  '',
].join('\n')

/** The start of a PNG: its signature and header chunk, then bytes that look like noise, some of them newlines. */
function pngLikeBytes(): Uint8Array {
  const head = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]
  const bytes = new Uint8Array(2048)
  bytes.set(head)
  let state = 11
  for (let i = head.length; i < bytes.length; i++) {
    state = (state * 1103515245 + 12345) >>> 0
    bytes[i] = i % 40 === 0 ? 0x0a : 0x41 + ((state >>> 24) % 26)
  }
  return bytes
}

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

    it('reads its real file saved with classic Mac (CR only) line ends as the same records, lines and all', () => {
      const cr = text.replace(/\n/g, '\r')
      expect(detectFormat(cr, file)?.format.name).toBe(name)
      expect(format.parse(cr, ctx(input))).toEqual(result)
      expect(format.parseBytes?.(new TextEncoder().encode(cr), ctx(input))).toEqual(result)
    })

    it('reads its real file from bytes with no warning that it does not look like itself', () => {
      expect(format.parseBytes?.(new TextEncoder().encode(text), ctx(input))).toEqual(result)
    })

    it('rejects a binary file as a whole, naming it and what it is, and reads nothing from it', () => {
      const png = pngLikeBytes()
      expect(format.parseBytes?.(png, ctx('figure.png'))).toEqual({
        records: [],
        profiles: [],
        issues: [
          {
            severity: 'rejected',
            source: 'figure.png',
            code: 'BINARY_CONTENT',
            message: 'the file is binary (a PNG image), not text; nothing imported from it',
          },
        ],
        entriesSeen: 0,
      })
      const database = new Uint8Array(8192)
      database.set(new TextEncoder().encode('Sep 5\nA Title Of A Paper\n\nWe study the thing at length here.\n'), 100)
      expect(format.parseBytes?.(database, ctx('papers.dat'))).toMatchObject({
        records: [],
        issues: [{ code: 'BINARY_CONTENT', message: expect.stringMatching(/^the file is binary \(\d+% of its first 4096 bytes are NUL or control bytes, \d+ of them NUL\), not text/) }],
      })
    })

    it('reads a file that does not look like it when asked, and warns when that gave records', () => {
      const parsed = format.parseBytes?.(new TextEncoder().encode(MARKDOWN), ctx('README.md'))
      const warnings = parsed?.issues.filter((issue) => issue.code === 'UNKNOWN_FORMAT')
      if ((parsed?.records.length ?? 0) === 0) expect(warnings).toEqual([])
      else
        expect(warnings).toEqual([
          {
            severity: 'warning',
            source: 'README.md',
            code: 'UNKNOWN_FORMAT',
            field: 'format',
            message: expect.stringMatching(new RegExp(`^does not look like ${name}: .*check the ${parsed?.records.length} entr`)),
          },
        ])
    })
  })
})

describe('a file read as a format it does not look like', () => {
  it('is read as asked, with a warning naming the format, as `import README.md --format daily-papers` was', () => {
    const format = findFormat('daily-papers')
    const parsed = format?.parseBytes?.(new TextEncoder().encode(MARKDOWN), ctx('README.md'))
    expect(parsed?.records.length).toBeGreaterThan(0)
    expect(parsed?.issues[0]).toEqual({
      severity: 'warning',
      source: 'README.md',
      code: 'UNKNOWN_FORMAT',
      field: 'format',
      message: `does not look like daily-papers: its check is 0.30 sure, and a daily-papers file scores 0.50 or more; read as daily-papers only because that format was asked for (--format or a manifest), so check the ${parsed?.records.length} entries it gave`,
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
