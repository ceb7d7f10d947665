/**
 * @module Turns the bytes or text of a line-based input into numbered lines that are safe to parse:
 * BOM stripped, line ends normalised, invalid UTF-8, binary lines and huge lines reported with their line
 * number; and tells a binary file (an image, an archive, a database) from text before any of that.
 *
 * Decisions, so every importer behaves the same:
 * - `\r\n`, `\n` and a lone `\r` (classic Mac OS) each end a line: a file saved with any of them reads as the
 *   same lines with the same numbers.
 * - Invalid UTF-8 is decoded line by line. A bad line is decoded as Latin-1 (windows-1252, what the
 *   WHATWG `latin1` label means and what such files almost always are) and kept, with one `warning`
 *   ENCODING issue per input that names the first bad line and counts the others. Rejecting those lines instead would drop every accented author name of a
 *   file saved as Latin-1; a warning keeps the data and still tells the person.
 * - A line that contains NUL or consists mostly of control characters is binary: it is rejected
 *   (BINARY_CONTENT) and replaced by an empty line, so later line numbers stay right.
 * - A line longer than {@link MAX_LINE_LENGTH} is rejected (LINE_TOO_LONG) and replaced by an empty line
 *   without being scanned: its length is known without reading it.
 * - UTF-16 (with a BOM, or without one when every other byte is NUL) is decoded as UTF-16; without a BOM
 *   that is a guess, so it comes with an ENCODING warning.
 * - A whole file is binary when it starts with a known signature (PNG, PDF, ZIP, SQLite, ...) or when at
 *   least {@link BINARY_FILE_CONTROL_RATIO} of its first bytes are NUL or other control bytes
 *   ({@link describeBinaryContent}). Line by line such a file partly passes as text (its high bytes decode as
 *   Latin-1 letters), so a reader of files asks this first and rejects the file as a whole.
 */
import { decodeWindows1252, detectUtf16, type ImportIssue } from '../core/index.js'

/** Lines longer than this (in UTF-16 code units) are rejected; real entries stay below a few thousand. */
export const MAX_LINE_LENGTH = 100_000

/** Longest excerpt of a bad line kept in an issue. */
const EXCERPT_LENGTH = 80

/** Above this share of control characters a line is binary, not text with a stray control. */
const BINARY_CONTROL_RATIO = 0.1

/**
 * From this share of NUL and control bytes on, a whole file is binary. Text holds next to none; bytes that
 * look like noise (compressed data, images) hold about 11% (28 of the 256 byte values), a database or an
 * executable far more. Half of that noise level keeps a text file with a few garbage lines as text.
 */
export const BINARY_FILE_CONTROL_RATIO = 0.05

/** How much of a file the binary check reads: enough for a verdict, without reading megabytes. */
const BINARY_SAMPLE_BYTES = 4096

/** Below this many bytes a share says little: such a file is checked line by line only. */
const BINARY_MIN_SAMPLE_BYTES = 32

/** Lines end at `\r\n`, `\n` or a lone `\r`. */
const LINE_END = /\r\n|\r|\n/

/** Numbered, cleaned lines of one input and what was wrong with them. */
export interface TextInput {
  /** The cleaned text: `lines` joined by `\n`. */
  text: string
  /** Line `n` of the input is `lines[n - 1]`; rejected lines are empty strings. */
  lines: string[]
  /** Encoding warnings and line rejections, in line order. */
  issues: ImportIssue[]
  /** The rejection issue of each rejected line, by 1-based line number, so a parser can tell a rejected
   * line (now empty) from a blank one and reject the entry it sat in. */
  rejectedLines: ReadonlyMap<number, ImportIssue>
}

/**
 * Decodes the bytes of a line-based input (UTF-8 expected) into numbered lines.
 * Never throws; everything it could not read is in `issues`.
 * @example
 * const input = decodeTextInput(readFileSync(path), path)
 * input.issues // e.g. [{ code: 'BINARY_CONTENT', line: 12, severity: 'rejected', ... }]
 */
export function decodeTextInput(bytes: Uint8Array, source: string, options: DecodeOptions = {}): TextInput {
  const screen = options.screenLines ?? true
  const utf16 = detectUtf16(bytes)
  if (utf16) {
    const text = new TextDecoder(utf16.encoding).decode(bytes.subarray(utf16.bomLength))
    const input = splitTextInput(text, source, options)
    if (utf16.bomLength > 0) return input
    const warning = createIssue(
      'warning',
      'ENCODING',
      source,
      1,
      `input looks like ${utf16.encoding} without a byte order mark; decoded as ${utf16.encoding}`,
    )
    return { ...input, issues: [warning, ...input.issues] }
  }
  return decodeUtf8Lines(stripUtf8Bom(bytes), source, screen)
}

export interface DecodeOptions {
  /**
   * False keeps binary and over-long lines as decoded, for a parser that reads entries across lines and says
   * itself what it cannot read (BibTeX): blanking a line there would drop a field without a word.
   */
  screenLines?: boolean
}

/**
 * Splits already-decoded text into numbered lines with the same checks as {@link decodeTextInput}
 * (BOM, line ends, binary lines, huge lines). Replacement characters (U+FFFD) left by a lenient decoder
 * are reported as one ENCODING warning.
 * @example splitTextInput('a\r\nb\rc', 'x.txt').lines // ['a', 'b', 'c']
 */
export function splitTextInput(text: string, source: string, options: DecodeOptions = {}): TextInput {
  const rawLines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(LINE_END)
  const collector = createLineCollector(source, options.screenLines ?? true)
  for (const rawLine of rawLines) collector.add(rawLine, false)
  return collector.finish()
}

interface LineCollector {
  /** Adds the next line (its line end already cut off); `decodedAsLatin1` marks a line whose bytes were not valid UTF-8. */
  add(line: string, decodedAsLatin1: boolean): void
  /** Adds a line already known to be too long, without its text. */
  addTooLong(length: number, excerpt: string): void
  finish(): TextInput
}

/** Accumulates checked lines and their issues; both entry points feed lines through it. */
function createLineCollector(source: string, screen: boolean): LineCollector {
  const lines: string[] = []
  const issues: ImportIssue[] = []
  const rejectedLines = new Map<number, ImportIssue>()
  const latin1Lines: number[] = []
  const replacementLines: number[] = []

  const reject = (code: 'BINARY_CONTENT' | 'LINE_TOO_LONG', message: string, excerpt: string): void => {
    const issue = { ...createIssue('rejected', code, source, lines.length + 1, message), excerpt }
    issues.push(issue)
    rejectedLines.set(issue.line, issue)
    lines.push('')
  }

  return {
    add(line, decodedAsLatin1) {
      if (screen && line.length > MAX_LINE_LENGTH) {
        this.addTooLong(line.length, line.slice(0, EXCERPT_LENGTH))
        return
      }
      if (screen && isBinaryLine(line)) {
        reject(
          'BINARY_CONTENT',
          'line holds binary data (NUL or mostly control characters), not text',
          toPrintableExcerpt(line),
        )
        return
      }
      if (decodedAsLatin1) latin1Lines.push(lines.length + 1)
      else if (line.includes('\uFFFD')) replacementLines.push(lines.length + 1)
      lines.push(line)
    },
    addTooLong(length, excerpt) {
      reject(
        'LINE_TOO_LONG',
        `line has ${length} characters, more than the limit of ${MAX_LINE_LENGTH}`,
        toPrintableExcerpt(excerpt),
      )
    },
    finish() {
      const encodingIssues = [
        summarizeLines(source, latin1Lines, 'not valid UTF-8; decoded as Latin-1 (windows-1252)'),
        summarizeLines(
          source,
          replacementLines,
          'contain U+FFFD replacement characters: the text was decoded with the wrong encoding',
        ),
      ].filter((issue): issue is ImportIssue & { line: number } => issue !== null)
      const allIssues = [...encodingIssues, ...issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
      return { text: lines.join('\n'), lines, issues: allIssues, rejectedLines }
    },
  }
}

/** One ENCODING warning for all lines with the same problem, placed at the first of them. */
function summarizeLines(
  source: string,
  lineNumbers: number[],
  problem: string,
): (ImportIssue & { line: number }) | null {
  const first = lineNumbers[0]
  if (first === undefined) return null
  const shown = lineNumbers.slice(0, 10).join(', ')
  const more = lineNumbers.length > 10 ? ', ...' : ''
  const message = `${lineNumbers.length} line(s) ${problem} (lines ${shown}${more})`
  return createIssue('warning', 'ENCODING', source, first, message)
}

/** Decodes UTF-8 per line so that one bad byte only affects its own line. */
function decodeUtf8Lines(bytes: Uint8Array, source: string, screen: boolean): TextInput {
  const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
  const collector = createLineCollector(source, screen)
  // The next LF and CR at or after `start`, each searched again only once passed: searching both from every
  // line would read a file without CRs to its end once per line.
  let nextLf = -2
  let nextCr = -2
  let start = 0
  while (start <= bytes.length) {
    if (nextLf !== -1 && nextLf < start) nextLf = bytes.indexOf(0x0a, start)
    if (nextCr !== -1 && nextCr < start) nextCr = bytes.indexOf(0x0d, start)
    const newline = nextCr === -1 ? nextLf : nextLf === -1 ? nextCr : Math.min(nextLf, nextCr)
    const end = newline === -1 ? bytes.length : newline
    // CRLF is one line end.
    const endLength = newline !== -1 && bytes[newline] === 0x0d && bytes[newline + 1] === 0x0a ? 2 : 1
    const lineBytes = bytes.subarray(start, end)
    // A UTF-8 line has at most as many UTF-16 units as bytes and at least a quarter, so a line this
    // long in bytes is too long whatever it holds: reject it without decoding 10 MB.
    if (screen && lineBytes.length > MAX_LINE_LENGTH * 4) {
      collector.addTooLong(lineBytes.length, decodeWindows1252(lineBytes.subarray(0, EXCERPT_LENGTH)))
    } else {
      const strictText = tryDecode(strict, lineBytes)
      collector.add(strictText ?? decodeWindows1252(lineBytes), strictText === null)
    }
    if (newline === -1) break
    start = newline + endLength
  }
  return collector.finish()
}


function tryDecode(decoder: TextDecoder, bytes: Uint8Array): string | null {
  try {
    return decoder.decode(bytes)
  } catch {
    return null
  }
}

function stripUtf8Bom(bytes: Uint8Array): Uint8Array {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes
}

/** The first bytes of binary files people are likely to pass by mistake, and what each is. */
const BINARY_SIGNATURES: ReadonlyArray<{ magic: readonly number[]; what: string }> = [
  { magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], what: 'a PNG image' },
  { magic: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { magic: asciiBytes('GIF87a'), what: 'a GIF image' },
  { magic: asciiBytes('GIF89a'), what: 'a GIF image' },
  { magic: [0x49, 0x49, 0x2a, 0x00], what: 'a TIFF image' },
  { magic: [0x4d, 0x4d, 0x00, 0x2a], what: 'a TIFF image' },
  { magic: asciiBytes('%PDF-'), what: 'a PDF document' },
  { magic: asciiBytes('PK\u0003\u0004'), what: 'a ZIP archive (a .zip, or a .docx, .xlsx, .epub, ...)' },
  { magic: asciiBytes('PK\u0005\u0006'), what: 'an empty ZIP archive' },
  { magic: asciiBytes('SQLite format 3\u0000'), what: 'an SQLite database' },
  { magic: [0x1f, 0x8b], what: 'gzip-compressed data' },
  { magic: [0x28, 0xb5, 0x2f, 0xfd], what: 'Zstandard-compressed data' },
  { magic: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], what: 'xz-compressed data' },
  { magic: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: 'a 7-Zip archive' },
  { magic: asciiBytes('Rar!\u001a\u0007'), what: 'a RAR archive' },
  { magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: 'an old Microsoft Office document (.doc, .xls, .ppt)' },
  { magic: asciiBytes('\u007fELF'), what: 'an executable (ELF)' },
]

function asciiBytes(text: string): number[] {
  return Array.from(text, (char) => char.charCodeAt(0))
}

/** A byte no text holds: C0 controls but tab, LF, FF, CR and ESC (terminal colours), and DEL. */
function isControlByte(byte: number): boolean {
  return (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b) || byte === 0x7f
}

/**
 * Why a file is binary, not text: the kind its signature names (`a PNG image`), or how much of its start is
 * NUL and control bytes (`11% of its first 4096 bytes are NUL or control bytes, 13 of them NUL`); null for text (any encoding this module reads, UTF-16 included). A few
 * garbage lines in a text file leave it text: those are rejected line by line. Reads at most the first 4 KB.
 * @example describeBinaryContent(readFileSync('figure.png')) // 'a PNG image'
 */
export function describeBinaryContent(bytes: Uint8Array): string | null {
  for (const { magic, what } of BINARY_SIGNATURES) {
    if (bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte)) return what
  }
  if (detectUtf16(bytes)) return null
  const sample = bytes.subarray(0, BINARY_SAMPLE_BYTES)
  if (sample.length < BINARY_MIN_SAMPLE_BYTES) return null
  let control = 0
  let nul = 0
  for (const byte of sample) {
    if (byte === 0) nul++
    if (isControlByte(byte)) control++
  }
  if (control / sample.length < BINARY_FILE_CONTROL_RATIO) return null
  const percent = Math.round((100 * control) / sample.length)
  const nuls = nul > 0 ? `, ${nul} of them NUL` : ''
  return `${percent}% of its first ${sample.length} bytes are NUL or control bytes${nuls}`
}

/**
 * True for a line that is not text: it holds NUL, or more than a tenth of it is control characters
 * (C0 but tab, DEL, C1) or replacement characters. Text never needs those; a few stray ones are tolerated.
 */
export function isBinaryLine(line: string): boolean {
  if (line.includes('\u0000')) return true
  let suspicious = 0
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i)
    if ((code < 0x20 && code !== 0x09) || (code >= 0x7f && code <= 0x9f) || code === 0xfffd) suspicious++
  }
  return suspicious > 0 && suspicious / line.length > BINARY_CONTROL_RATIO
}

/** An excerpt a terminal can show: control characters become `�`. */
function toPrintableExcerpt(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.slice(0, EXCERPT_LENGTH).replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '\uFFFD')
}

function createIssue(
  severity: ImportIssue['severity'],
  code: ImportIssue['code'],
  source: string,
  line: number,
  message: string,
): ImportIssue & { line: number } {
  return { severity, source, line, code, message }
}
