import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ParseResult } from '../../core/index.js'
import { decodeTextInput, splitTextInput } from '../text-input.js'
import { CORPUS_FORMATS, findFormat, parseCorpusBytes, type CorpusFormat } from './index.js'

const readCorpus = (file: string) =>
  readFileSync(new URL(`../../../data/corpus/${file}`, import.meta.url), 'utf8')
const ctx = (input: string) => ({ input, fetchedAt: '2026-06-01T10:00:00.000Z' })
const utf8 = (text: string) => new TextEncoder().encode(text)
const formatNamed = (name: string): CorpusFormat => {
  const format = findFormat(name)
  if (!format) throw new Error(`no format ${name}`)
  return format
}

/** Replaces line `lineNumber` (1-based) of `text` with raw bytes; the other lines stay UTF-8. */
function withLineBytes(text: string, lineNumber: number, bytes: Uint8Array): Uint8Array {
  const lines = text.split('\n')
  const before = utf8(`${lines.slice(0, lineNumber - 1).join('\n')}\n`)
  const after = utf8(`\n${lines.slice(lineNumber).join('\n')}`)
  const out = new Uint8Array(before.length + bytes.length + after.length)
  out.set(before, 0)
  out.set(bytes, before.length)
  out.set(after, before.length + bytes.length)
  return out
}

const withLineText = (text: string, lineNumber: number, replacement: string) =>
  text
    .split('\n')
    .map((line, index) => (index === lineNumber - 1 ? replacement : line))
    .join('\n')

const rejections = (result: ParseResult) => result.issues.filter((issue) => issue.severity === 'rejected')

/** Bytes no text file holds: NUL, C0 controls, invalid UTF-8. */
const GARBAGE = new Uint8Array([
  0x00, 0xff, 0x13, 0x07, 0x89, 0x00, 0x1b, 0x02, 0xfe, 0x41, 0x00, 0x9c, 0xc3, 0x28, 0x01, 0x7f,
])
const TEN_MB_LINE = new Uint8Array(10 * 1024 * 1024).fill(0x62)

/** Per real file: a line inside an entry to break, and a good entry that must survive. */
const CASES = [
  {
    format: 'researcher-profile',
    file: 'researcher-profile.txt',
    line: 28,
    records: 13,
    survivor: 'Spectral-Bias and Kernel-Task Alignment in Physically Informed Neural Networks',
  },
  {
    format: 'author-papers',
    file: 'author-papers.txt',
    line: 5,
    records: 4,
    survivor: 'From Kernels to Features: A Multi-Scale Adaptive Theory of Feature Learning',
  },
  {
    format: 'awesome-list',
    file: 'awesome-deep-phenomena.txt',
    line: 37,
    records: 495,
    survivor: 'The Transient Nature of Emergent In-Context Learning in Transformers',
  },
  {
    format: 'daily-papers',
    file: 'daily-papers.txt',
    line: 19,
    records: 57,
    survivor:
      'Global Convergence of Sub-gradient Method for Robust Matrix Recovery: Small Initialization, Noisy Measurements, and Over-parameterization',
  },
  { format: 'abstracts', file: 'abstracts.txt', line: 5, records: 10, survivor: null },
] as const

describe.each(CASES)(
  '$format with a broken line inside an entry',
  ({ format: name, file, line, records, survivor }) => {
    const format = formatNamed(name)
    const text = readCorpus(file)
    const input = `corrupted/${file}`
    const original = format.parse(text, ctx(input))

    const expectOneEntryRejected = (result: ParseResult, code: string) => {
      expect(rejections(result).filter((issue) => issue.code === code)).toMatchObject([
        { code, line, field: 'entry', source: input },
      ])
      expect(result.records).toHaveLength(records - 1)
      expect(result.entriesSeen).toBe(original.entriesSeen)
      if (survivor) expect(result.records.map((r) => r.title)).toContain(survivor)
    }

    it('rejects the entry holding a binary garbage line (bytes) and parses the rest', () => {
      expectOneEntryRejected(
        parseCorpusBytes(format, withLineBytes(text, line, GARBAGE), ctx(input)),
        'BINARY_CONTENT',
      )
    })

    it('rejects the entry holding a binary garbage line (text) and parses the rest', () => {
      expectOneEntryRejected(
        format.parse(withLineText(text, line, '\u0000\u0001\u0002garbage\u0003\u0004'), ctx(input)),
        'BINARY_CONTENT',
      )
    })

    // How long these take is printed by `npm run bench` (hostile input); a parser that backtracked on such
    // lines would not finish within the test timeout.
    it('rejects the entry holding a 10 MB line', () => {
      const result = parseCorpusBytes(format, withLineBytes(text, line, TEN_MB_LINE), ctx(input))
      expectOneEntryRejected(result, 'LINE_TOO_LONG')
      const fromText = format.parse(withLineText(text, line, 'b'.repeat(10 * 1024 * 1024)), ctx(input))
      expectOneEntryRejected(fromText, 'LINE_TOO_LONG')
    })

    it('reads the file the same with CRLF line ends and a BOM', () => {
      const crlf = format.parse(`\uFEFF${text.replace(/\n/g, '\r\n')}`, ctx(input))
      expect(crlf).toEqual(original)
    })

    it('reads long pathological lines inside entries and keeps every other entry', () => {
      for (const filler of [' ', '.', 'a', 'A', ',', '\\', '*', 'et al. ', 'Ab. ', 'Noa Rubin, ']) {
        const long = filler.repeat(Math.floor(99_000 / filler.length))
        const result = format.parse(withLineText(text, line, long), ctx(input))
        // A line of spaces is a blank line, which may join two entries (abstracts.txt separates by them).
        expect(result.entriesSeen, `filler ${JSON.stringify(filler)}`).toBeGreaterThanOrEqual(original.entriesSeen - 1)
        if (survivor) expect(result.records.map((r) => r.title)).toContain(survivor)
      }
    })
  },
)

describe('files cut in the middle of an entry', () => {
  const cut = (file: string, lastLine: number, keepChars?: number) => {
    const lines = readCorpus(file).split('\n').slice(0, lastLine)
    if (keepChars !== undefined) lines[lastLine - 1] = (lines[lastLine - 1] ?? '').slice(0, keepChars)
    return lines.join('\n')
  }

  it('researcher-profile: an entry cut after its title is rejected for its missing author line', () => {
    const result = formatNamed('researcher-profile').parse(cut('researcher-profile.txt', 55), ctx('cut.txt'))
    expect(result.records).toHaveLength(6)
    expect(rejections(result)).toMatchObject([{ code: 'MISSING_FIELD', line: 54, field: 'authors' }])
    expect(result.issues).toContainEqual(
      expect.objectContaining({ severity: 'warning', code: 'INVALID_VALUE', field: 'papers', line: 10 }),
    )
  })

  it('author-papers: a glued line cut inside the title is rejected for its missing authors', () => {
    const result = formatNamed('author-papers').parse(cut('author-papers.txt', 5, 40), ctx('cut.txt'))
    expect(result.records.map((r) => r.line)).toEqual([1])
    expect(rejections(result)).toMatchObject([{ code: 'MISSING_FIELD', line: 4, field: 'authors' }])
  })

  it('awesome-list: an entry cut inside its title line is rejected', () => {
    const result = formatNamed('awesome-list').parse(
      cut('awesome-deep-phenomena.txt', 39, 32),
      ctx('cut.txt'),
    )
    expect(result.records.map((r) => r.line)).toEqual([34])
    expect(rejections(result)).toMatchObject([{ code: 'MISSING_FIELD', line: 39, field: 'authors' }])
  })

  it('daily-papers: a title cut at the end is imported without abstract; a cut abstract is still an abstract', () => {
    const titleCut = formatNamed('daily-papers').parse(cut('daily-papers.txt', 21, 30), {
      ...ctx('cut.txt'),
      captureDate: '2025-09-05',
    })
    expect(titleCut.records.map((r) => [r.line, r.title, r.abstract === null])).toEqual([
      [13, 'Empirical Analysis of the Hessian of Over-Parametrized Neural Networks', false],
      [
        17,
        'How Over-Parameterization Slows Down Gradient Descent in Matrix Sensing: The Curses of Symmetry and Initialization',
        false,
      ],
      [21, 'Global Convergence of Sub-grad', true],
    ])
    expect(titleCut.issues).toMatchObject([
      { severity: 'warning', code: 'MISSING_FIELD', line: 21, field: 'abstract' },
    ])
    const abstractCut = formatNamed('daily-papers').parse(cut('daily-papers.txt', 19, 300), ctx('cut.txt'))
    expect(abstractCut.records.map((r) => r.abstract?.length)).toEqual([1782, 300])
  })

  it('abstracts: a paragraph cut inside its label is rejected', () => {
    const result = formatNamed('abstracts').parse(cut('abstracts.txt', 7, 5), ctx('cut.txt'))
    expect(result.records.map((r) => r.line)).toEqual([1, 3, 5])
    expect(rejections(result)).toMatchObject([
      { code: 'PARSE_FAILED', line: 7, field: 'abstract', excerpt: 'Abstr' },
    ])
  })
})

describe('files in the wrong encoding', () => {
  /** Encodes text as windows-1252, what "Latin-1" files usually are; other characters become `?`. */
  function encodeWindows1252(text: string): Uint8Array {
    // Written out: Node's TextDecoder('windows-1252') decodes 0x80–0x9F as C1 controls.
    const punctuation: Record<string, number> = {
      '€': 0x80,
      '…': 0x85,
      '‘': 0x91,
      '’': 0x92,
      '“': 0x93,
      '”': 0x94,
      '•': 0x95,
      '–': 0x96,
      '—': 0x97,
      Š: 0x8a,
      š: 0x9a,
      Ž: 0x8e,
      ž: 0x9e,
    }
    return new Uint8Array(
      Array.from(text, (char) =>
        char.charCodeAt(0) <= 0xff && (char.charCodeAt(0) < 0x80 || char.charCodeAt(0) >= 0xa0)
          ? char.charCodeAt(0)
          : (punctuation[char] ?? 0x3f),
      ),
    )
  }

  const utf16le = (text: string, bom: boolean) => {
    const units = Array.from({ length: text.length }, (_, i) => text.charCodeAt(i))
    return new Uint8Array([
      ...(bom ? [0xff, 0xfe] : []),
      ...units.flatMap((unit) => [unit & 0xff, unit >> 8]),
    ])
  }

  it('awesome-list saved as Latin-1: one ENCODING warning at the first bad line, every entry imported, accents intact', () => {
    const result = parseCorpusBytes(
      formatNamed('awesome-list'),
      encodeWindows1252(readCorpus('awesome-deep-phenomena.txt')),
      ctx('latin1.txt'),
    )
    const encoding = result.issues.filter((issue) => issue.code === 'ENCODING')
    expect(encoding).toMatchObject([{ severity: 'warning', line: 5 }])
    expect(result.records).toHaveLength(495)
    expect(result.records.find((r) => r.line === 74)?.authors[0]).toBe('Sébastien Bubeck')
    expect(rejections(result)).toMatchObject([{ code: 'TEMPLATE_ENTRY', line: 2702 }])
  })

  it('researcher-profile with an abstract line of invalid UTF-8: a warning naming that line, all 13 papers imported', () => {
    const text = readCorpus('researcher-profile.txt')
    const lines = text.split('\n')
    const badLine = new Uint8Array([...utf8(lines[16] ?? ''), 0xc3, 0x28])
    const result = parseCorpusBytes(
      formatNamed('researcher-profile'),
      withLineBytes(text, 17, badLine),
      ctx('bad.txt'),
    )
    expect(result.issues.filter((issue) => issue.code === 'ENCODING')).toMatchObject([
      { severity: 'warning', line: 17, source: 'bad.txt' },
    ])
    expect(result.records).toHaveLength(13)
    expect(result.records[0]?.abstract?.endsWith('before the transition.Ã(')).toBe(true)
  })

  it('daily-papers as UTF-16 without a BOM: decoded with a warning, all 57 papers imported', () => {
    const text = readCorpus('daily-papers.txt')
    const result = parseCorpusBytes(formatNamed('daily-papers'), utf16le(text, false), ctx('utf16.txt'))
    expect(result.issues.filter((issue) => issue.code === 'ENCODING')).toMatchObject([
      { severity: 'warning', line: 1 },
    ])
    expect(result.records.map((r) => r.title)).toEqual(
      formatNamed('daily-papers')
        .parse(text, ctx('utf16.txt'))
        .records.map((r) => r.title),
    )
  })

  it('researcher-profile as UTF-16 with a BOM: read as if it were UTF-8', () => {
    const text = readCorpus('researcher-profile.txt')
    const result = parseCorpusBytes(formatNamed('researcher-profile'), utf16le(text, true), ctx('utf16.txt'))
    expect(result).toEqual(formatNamed('researcher-profile').parse(text, ctx('utf16.txt')))
  })
})

describe('parsers on arbitrary input (property)', () => {
  const realLines = [
    'researcher-profile.txt',
    'author-papers.txt',
    'awesome-deep-phenomena.txt',
    'daily-papers.txt',
    'abstracts.txt',
  ].flatMap((file) => readCorpus(file).split('\n').slice(0, 120))
  /** Lines like the real ones, cut and mixed with noise, so that parsers go deep, not just past line 1. */
  const lineArbitrary = fc.oneof(
    fc.constantFrom(...realLines),
    fc
      .tuple(fc.constantFrom(...realLines), fc.nat())
      .map(([line, cut]) => line.slice(0, cut % (line.length + 1))),
    fc.string({ unit: 'binary', maxLength: 60 }),
    fc.constantFrom(
      '',
      '  • Title. [paper]',
      '    • Key Word: X.',
      'MLOct 5, 2023',
      'LGMay 21',
      'Sep 5',
      'Abstract:',
      'Contributing',
      'Topic: 2021',
      '13 Papers',
      '\u0000\u0001',
      '\u0002\u0003garbage',
    ),
  )
  const textArbitrary = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 400 }),
    fc
      .tuple(fc.array(lineArbitrary, { maxLength: 40 }), fc.constantFrom('\n', '\r\n'))
      .map(([lines, eol]) => lines.join(eol)),
  )

  const expectWellFormed = (result: ParseResult, lineCount: number) => {
    for (const issue of result.issues) {
      expect(issue.line).toBeGreaterThanOrEqual(1)
      expect(issue.line).toBeLessThanOrEqual(lineCount)
    }
    for (const record of result.records) {
      expect(record.line).toBeGreaterThanOrEqual(1)
      expect(record.line).toBeLessThanOrEqual(lineCount)
    }
    const rejected = result.issues.filter((issue) => issue.severity === 'rejected')
    expect(result.entriesSeen).toBe(result.records.length + rejected.length)
  }

  /** Every line the text input rejected is named by some rejection: none is dropped silently. */
  const expectEveryUnreadableLineReported = (result: ParseResult, unreadable: Iterable<number>) => {
    const rejected = result.issues.filter((issue) => issue.severity === 'rejected')
    for (const line of unreadable) {
      const named = rejected.some(
        (issue) =>
          issue.line === line || new RegExp(`unreadable: line [\\d, ]*\\b${line}\\b`).test(issue.message),
      )
      expect(named, `line ${line} is not reported in ${JSON.stringify(rejected)}`).toBe(true)
    }
  }

  it.each(CORPUS_FORMATS.map((format) => [format.name, format] as const))(
    '%s never throws on text and puts every issue on a line of the file',
    (_name, format) => {
      fc.assert(
        fc.property(textArbitrary, (text) => {
          const result = format.parse(text, ctx('prop.txt'))
          // CRLF, LF and a lone CR each end a line.
          expectWellFormed(result, text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).length)
          expectEveryUnreadableLineReported(result, splitTextInput(text, 'prop.txt').rejectedLines.keys())
          expect(format.detect(text, 'prop.txt')).toBeGreaterThanOrEqual(0)
        }),
        { numRuns: 300 },
      )
    },
  )

  it.each(CORPUS_FORMATS.map((format) => [format.name, format] as const))(
    '%s never throws on bytes',
    (_name, format) => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
          const decoded = decodeTextInput(bytes, 'prop.bin')
          const result = parseCorpusBytes(format, bytes, ctx('prop.bin'))
          expectWellFormed(result, decoded.lines.length)
          expectEveryUnreadableLineReported(result, decoded.rejectedLines.keys())
        }),
        { numRuns: 200 },
      )
    },
  )
})
