import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import {
  MAX_LINE_LENGTH,
  decodeTextInput,
  describeBinaryContent,
  isBinaryLine,
  splitTextInput,
} from './text-input.js'

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)
const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0))
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}
const codes = (issues: { code: string; line?: number; severity: string }[]) =>
  issues.map(({ code, line, severity }) => ({ code, line, severity }))

describe('decodeTextInput', () => {
  it('strips a UTF-8 BOM and normalises CRLF', () => {
    const input = decodeTextInput(utf8('\uFEFFfirst\r\nsecond\r\n'), 'a.txt')
    expect(input.lines).toEqual(['first', 'second', ''])
    expect(input.text).toBe('first\nsecond\n')
    expect(input.issues).toEqual([])
  })

  it('decodes a line of invalid UTF-8 as Latin-1 and names the first bad line in one warning', () => {
    const latin1Line = new Uint8Array([0x53, 0xe9, 0x62, 0x61, 0x73, 0x74, 0x69, 0x65, 0x6e]) // "Sébastien" in Latin-1
    const bytes = concat(
      utf8('ok line\nJosé in UTF-8\n'),
      latin1Line,
      utf8('\nanother\n'),
      latin1Line,
      utf8('\nlast'),
    )
    const input = decodeTextInput(bytes, 'a.txt')
    expect(input.lines).toEqual(['ok line', 'José in UTF-8', 'Sébastien', 'another', 'Sébastien', 'last'])
    expect(codes(input.issues)).toEqual([{ code: 'ENCODING', line: 3, severity: 'warning' }])
    expect(input.issues[0]?.message).toContain('2 line(s)')
    expect(input.issues[0]?.message).toContain('lines 3, 5')
  })

  it('decodes Latin-1 punctuation as windows-1252, not as control characters', () => {
    const input = decodeTextInput(
      new Uint8Array([0x95, 0x20, 0x4b, 0x65, 0x79, 0x92, 0x73, 0x20, 0x96, 0x20, 0xe9]),
      'a.txt',
    )
    expect(input.lines).toEqual(['• Key’s – é'])
    expect(codes(input.issues)).toEqual([{ code: 'ENCODING', line: 1, severity: 'warning' }])
  })

  it('rejects a line holding NUL as binary, keeps it as an empty line, and records it by number', () => {
    const bytes = concat(utf8('one\n'), new Uint8Array([0x00, 0x01, 0x02, 0xff, 0xfe, 0x41]), utf8('\nthree'))
    const input = decodeTextInput(bytes, 'a.txt')
    expect(input.lines).toEqual(['one', '', 'three'])
    expect(codes(input.issues)).toEqual([{ code: 'BINARY_CONTENT', line: 2, severity: 'rejected' }])
    expect(input.rejectedLines.get(2)?.code).toBe('BINARY_CONTENT')
    expect(input.issues[0]?.source).toBe('a.txt')
  })

  // The time these take is printed by `npm run bench` (hostile input), not asserted here.
  it('rejects a 10 MB line without decoding it and keeps the lines after it numbered right', () => {
    const huge = new Uint8Array(10 * 1024 * 1024).fill(0x61)
    const input = decodeTextInput(concat(utf8('before\n'), huge, utf8('\nafter')), 'big.txt')
    expect(input.lines).toEqual(['before', '', 'after'])
    expect(codes(input.issues)).toEqual([{ code: 'LINE_TOO_LONG', line: 2, severity: 'rejected' }])
    expect(input.issues[0]?.excerpt).toBe('a'.repeat(80))
  })

  it('keeps a line of exactly MAX_LINE_LENGTH characters and rejects one more', () => {
    const input = decodeTextInput(
      utf8(`${'x'.repeat(MAX_LINE_LENGTH)}\n${'y'.repeat(MAX_LINE_LENGTH + 1)}`),
      'a.txt',
    )
    expect(input.lines[0]?.length).toBe(MAX_LINE_LENGTH)
    expect(codes(input.issues)).toEqual([{ code: 'LINE_TOO_LONG', line: 2, severity: 'rejected' }])
  })

  it('counts characters, not bytes, against the limit', () => {
    // 60 000 three-byte characters: 180 000 bytes but only 60 000 characters.
    const input = decodeTextInput(utf8('€'.repeat(60_000)), 'a.txt')
    expect(input.issues).toEqual([])
    expect(input.lines[0]?.length).toBe(60_000)
  })

  it('decodes UTF-16 with a byte order mark silently', () => {
    const text = 'Title\nAbstract: é and ∑\n'
    const le = new Uint8Array([
      0xff,
      0xfe,
      ...Array.from(text).flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]),
    ])
    const input = decodeTextInput(le, 'a.txt')
    expect(input.lines).toEqual(['Title', 'Abstract: é and ∑', ''])
    expect(input.issues).toEqual([])
  })

  it('decodes UTF-16LE without a byte order mark, with a warning that it guessed', () => {
    const text = 'Daily Papers\nSep 5\nSome title here\n'
    const le = new Uint8Array(Array.from(text).flatMap((c) => [c.charCodeAt(0), 0]))
    const input = decodeTextInput(le, 'a.txt')
    expect(input.lines).toEqual(['Daily Papers', 'Sep 5', 'Some title here', ''])
    expect(codes(input.issues)).toEqual([{ code: 'ENCODING', line: 1, severity: 'warning' }])
    expect(input.issues[0]?.message).toContain('utf-16le')
  })

  it('returns one empty line for empty input', () => {
    expect(decodeTextInput(new Uint8Array(), 'a.txt')).toMatchObject({ lines: [''], text: '', issues: [] })
  })
})

describe('splitTextInput', () => {
  it('applies the same checks to text that is already decoded', () => {
    const input = splitTextInput(
      `\uFEFFa\r\n\u0000\u0001bin\r\n${'z'.repeat(MAX_LINE_LENGTH + 5)}\r\nend`,
      's.txt',
    )
    expect(input.lines).toEqual(['a', '', '', 'end'])
    expect(codes(input.issues)).toEqual([
      { code: 'BINARY_CONTENT', line: 2, severity: 'rejected' },
      { code: 'LINE_TOO_LONG', line: 3, severity: 'rejected' },
    ])
    expect([...input.rejectedLines.keys()]).toEqual([2, 3])
  })

  it('warns about replacement characters left by a lenient decoder, naming the first such line', () => {
    const input = splitTextInput('fine\nS\uFFFDbastien Bubeck, Varun Chandrasekaran', 's.txt')
    expect(codes(input.issues)).toEqual([{ code: 'ENCODING', line: 2, severity: 'warning' }])
    expect(input.lines[1]).toBe('S\uFFFDbastien Bubeck, Varun Chandrasekaran')
  })

  it('splits a 10 MB single-line text and rejects the long line', () => {
    const input = splitTextInput(`x\n${'é'.repeat(10 * 1024 * 1024)}\ny`, 's.txt')
    expect(input.lines).toEqual(['x', '', 'y'])
    expect(input.issues[0]).toMatchObject({ code: 'LINE_TOO_LONG', line: 2 })
  })
})

describe('isBinaryLine', () => {
  it.each([
    ['plain text with a\ttab', false],
    ['a stray control \u0007 in a long enough line of ordinary text', false],
    ['\u0001\u0002\u0003abc', true],
    ['text with NUL \u0000 inside', true],
    ['\u0080\u0081\u0082\u0083 mostly C1', true],
    ['', false],
  ])('%j → %s', (line, expected) => {
    expect(isBinaryLine(line)).toBe(expected)
  })
})

describe('line ends', () => {
  const LINES = ['first', '', 'Sébastien', 'fourth']

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR (classic Mac)', '\r'],
  ])('reads %s line ends as line ends, from bytes and from text', (_name, eol) => {
    const text = LINES.join(eol)
    expect(decodeTextInput(utf8(text), 'a.txt').lines).toEqual(LINES)
    expect(splitTextInput(text, 'a.txt').lines).toEqual(LINES)
    expect(decodeTextInput(utf8(text), 'a.txt').text).toBe(LINES.join('\n'))
  })

  it('counts CRLF as one line end and a lone CR as one, when they are mixed', () => {
    const text = 'a\r\nb\nc\rd\r\r\ne\n\rf'
    const expected = ['a', 'b', 'c', 'd', '', 'e', '', 'f']
    expect(decodeTextInput(utf8(text), 'a.txt').lines).toEqual(expected)
    expect(splitTextInput(text, 'a.txt').lines).toEqual(expected)
  })

  it('numbers the lines of a CR-only file right: a binary line and a Latin-1 line keep their numbers', () => {
    const latin1Line = new Uint8Array([0x53, 0xe9, 0x62]) // "Séb" in Latin-1
    const bytes = concat(
      utf8('one\rtwo\r'),
      new Uint8Array([0x00, 0x01, 0x02, 0xff, 0xfe, 0x41]),
      utf8('\r'),
      latin1Line,
      utf8('\rfive'),
    )
    const input = decodeTextInput(bytes, 'mac.txt')
    expect(input.lines).toEqual(['one', 'two', '', 'Séb', 'five'])
    expect(codes(input.issues)).toEqual([
      { code: 'BINARY_CONTENT', line: 3, severity: 'rejected' },
      { code: 'ENCODING', line: 4, severity: 'warning' },
    ])
    const fromText = splitTextInput('one\rtwo\r\u0000\u0001bin\rfour', 'mac.txt')
    expect(codes(fromText.issues)).toEqual([{ code: 'BINARY_CONTENT', line: 3, severity: 'rejected' }])
  })

  it('reads CR line ends in UTF-16 too', () => {
    const text = 'Daily Papers\rSep 5\rSome title here'
    const le = new Uint8Array(2 + text.length * 2)
    le.set([0xff, 0xfe])
    for (let i = 0; i < text.length; i++) le[2 + i * 2] = text.charCodeAt(i)
    expect(decodeTextInput(le, 'u16.txt').lines).toEqual(['Daily Papers', 'Sep 5', 'Some title here'])
  })
})

/** Bytes that look like noise (a small LCG, so the test is the same every run), as compressed data does. */
function noise(length: number, seed = 7): Uint8Array {
  const out = new Uint8Array(length)
  let state = seed
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0
    out[i] = state >>> 24
  }
  return out
}

describe('describeBinaryContent', () => {
  const bytesOf = (magic: string | number[]): Uint8Array =>
    typeof magic === 'string' ? Uint8Array.from(magic, (c) => c.charCodeAt(0)) : Uint8Array.from(magic)

  it.each([
    ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG image'],
    ['PDF', '%PDF-1.7\n', 'a PDF document'],
    ['ZIP', 'PK\u0003\u0004', 'a ZIP archive'],
    ['SQLite', 'SQLite format 3\u0000', 'an SQLite database'],
    ['gzip', [0x1f, 0x8b, 0x08], 'gzip-compressed data'],
    ['JPEG', [0xff, 0xd8, 0xff, 0xe0], 'a JPEG image'],
  ])('names a %s file by its signature, even when the rest reads as text', (_name, magic, what) => {
    const bytes = concat(bytesOf(magic), utf8('\nSome title here\n\nAn abstract line that is long enough.\n'))
    expect(describeBinaryContent(bytes)).toContain(what)
  })

  it('calls bytes with many NUL or control bytes binary data, with the share', () => {
    expect(describeBinaryContent(noise(4096))).toMatch(/^\d+% of its first 4096 bytes are NUL or control bytes/)
    const records = new Uint8Array(2048)
    records.set(utf8('header'), 0)
    expect(describeBinaryContent(records)).toBe('100% of its first 2048 bytes are NUL or control bytes, 2042 of them NUL')
  })

  it('takes text for text: the corpus files, Latin-1, UTF-16, one garbage line, tiny and empty input', () => {
    for (const file of ['abstracts.txt', 'author-papers.txt', 'awesome-deep-phenomena.txt', 'daily-papers.txt']) {
      const bytes = readFileSync(new URL(`../../data/corpus/${file}`, import.meta.url))
      expect(describeBinaryContent(bytes), file).toBeNull()
      const withGarbage = concat(bytes.subarray(0, 500), new Uint8Array([0x00, 0x13, 0x07, 0x00, 0x02, 0x0a]), bytes.subarray(500))
      expect(describeBinaryContent(withGarbage), file).toBeNull()
    }
    const latin1 = Uint8Array.from('Sébastien Bubeck – “title”\n'.repeat(20), (c) => (c === '–' ? 0x96 : c === '“' ? 0x93 : c === '”' ? 0x94 : c.charCodeAt(0)))
    expect(describeBinaryContent(latin1)).toBeNull()
    const utf16 = new Uint8Array(400)
    for (let i = 0; i < 200; i++) utf16[i * 2] = 'Some title here\n'.charCodeAt(i % 16)
    expect(describeBinaryContent(utf16)).toBeNull()
    expect(describeBinaryContent(concat(utf8('one\n'), new Uint8Array([0x00, 0x01, 0x02, 0xff, 0xfe, 0x41]), utf8('\nthree')))).toBeNull()
    expect(describeBinaryContent(new Uint8Array())).toBeNull()
  })
})
