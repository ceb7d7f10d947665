/**
 * @module What every corpus importer shares: the CorpusFormat shape (a FileFormat that can also parse
 * pre-checked lines), the collector that turns entries into records and issues, content lines and keys.
 */
import { createHash } from 'node:crypto'
import { basename } from 'node:path'
import { ZodError } from 'zod'
import {
  createSourceRecord,
  type AuthorProfileRecord,
  type ImportIssue,
  type ParseResult,
  type SourceRecordInput,
} from '../../core/index.js'
import { checkFormatFit, type FileFormat, type ParseContext } from '../file-format.js'
import { decodeTextInput, describeBinaryContent, splitTextInput, type TextInput } from '../text-input.js'

/**
 * A FileFormat whose parser can also take lines already checked by `decodeTextInput`, so that a line
 * rejected while decoding bytes (binary, too long) still rejects the entry it sat in.
 */
export interface CorpusFormat extends FileFormat {
  parseInput(input: TextInput, ctx: ParseContext): ParseResult
}

/**
 * Builds a CorpusFormat whose `parse(text)` splits and checks the text, and whose `parseBytes` decodes
 * and checks bytes line by line, both then calling `parseInput`. `parseBytes` reads a whole file, so it also
 * judges the file: a binary one (an image, an archive) is rejected in one issue without being read, and one
 * the format's own `detect` does not recognise but that gave records is read with a warning saying so (it was
 * asked for by name, and what it gave may be junk).
 */
export function defineCorpusFormat(spec: Omit<CorpusFormat, 'parse' | 'parseBytes'>): CorpusFormat {
  return {
    ...spec,
    parse: (text, ctx) => spec.parseInput(splitTextInput(text, ctx.input), ctx),
    parseBytes: (bytes, ctx) => {
      const binary = describeBinaryContent(bytes)
      if (binary !== null) return rejectBinaryFile(binary, ctx)
      const input = decodeTextInput(bytes, ctx.input)
      const result = spec.parseInput(input, ctx)
      // Only when something was read: a file that gave nothing imported no junk, and its parser says why.
      if (result.records.length === 0) return result
      const fit = checkFormatFit(spec, input.text, basename(ctx.input), ctx.input, result.records.length)
      return fit ? { ...result, issues: [fit, ...result.issues] } : result
    },
  }
}

/** The result for a binary file: nothing read, one rejection naming what the file is. */
function rejectBinaryFile(what: string, ctx: ParseContext): ParseResult {
  return {
    records: [],
    profiles: [],
    issues: [
      {
        severity: 'rejected',
        source: ctx.input,
        code: 'BINARY_CONTENT',
        message: `the file is binary (${what}), not text; nothing imported from it`,
      },
    ],
    entriesSeen: 0,
  }
}

/** A line that holds something: non-blank text, or a line the text input rejected (now empty). */
export interface ContentLine {
  /** 1-based line number in the original input. */
  line: number
  /** The line as read, indentation kept; empty for a rejected line. */
  text: string
  /** Why the line was rejected (binary, too long), or null for a readable line. */
  rejection: ImportIssue | null
}

/** The non-blank and the rejected lines of an input, in order. */
export function listContentLines(input: TextInput): ContentLine[] {
  const content: ContentLine[] = []
  input.lines.forEach((text, index) => {
    const rejection = input.rejectedLines.get(index + 1) ?? null
    if (rejection || text.trim() !== '') content.push({ line: index + 1, text, rejection })
  })
  return content
}

/** Collects one parse's records and issues; keeps `entriesSeen` = records + rejected entries. */
export interface ParseCollector {
  readonly source: string
  /** Validates and adds a record; a key seen before becomes a DUPLICATE_ENTRY rejection instead. */
  addRecord(record: SourceRecordInput): void
  addProfile(profile: AuthorProfileRecord): void
  /** Rejects one entry (or one unreadable line outside any entry); counts it as seen. */
  reject(issue: Omit<ImportIssue, 'severity' | 'source'>): void
  /**
   * Rejects an entry because lines of it could not be read. The first line's issue gives the code,
   * line and excerpt; the others are named in the message, so no unreadable line goes unreported.
   */
  rejectEntryForLines(entry: { line: number; label: string | null }, lineIssues: readonly ImportIssue[]): void
  warn(issue: Omit<ImportIssue, 'severity' | 'source'>): void
  result(): ParseResult
}

/**
 * A record of a page capture dated by the capture, as precisely as that is known (the corpus manifest gives '2026';
 * `--capture-date` a day), not by the import: the page said what it said then. The date is kept in `raw.captureDate`
 * too, so a library imported before takes it when the file is imported again (the content hash leaves fetchedAt
 * out), as a captured profile does. Without a capture date a record is dated by the import.
 */
function capturedRecord(record: SourceRecordInput, ctx: ParseContext): SourceRecordInput {
  if (!ctx.captureDate) return record
  return { ...record, fetchedAt: ctx.captureDate, raw: { ...record.raw, captureDate: ctx.captureDate } }
}

/** Starts a collector for one input; encoding warnings of the text input are passed through. */
export function createParseCollector(input: TextInput, ctx: ParseContext): ParseCollector {
  const records: ParseResult['records'] = []
  const profiles: AuthorProfileRecord[] = []
  // Line rejections are not copied here: each parser folds them into the entry they broke, or
  // reports them on their own when they sat outside any entry.
  const issues: ImportIssue[] = input.issues.filter((issue) => issue.severity === 'warning')
  const keyLines = new Map<string, number | null>()
  let rejected = 0
  const source = ctx.input

  const collector: ParseCollector = {
    source,
    addRecord(record) {
      // A title of emoji or punctuation only is no title, and it leaves the entry without a key.
      if (typeof record.title === 'string' && normalizeForKey(record.title) === '') {
        collector.reject({
          code: 'INVALID_VALUE',
          ...toLineField(record.line),
          field: 'title',
          message: `title "${shorten(record.title)}" has no letters or digits`,
        })
        return
      }
      const previousLine = keyLines.get(record.key)
      if (previousLine !== undefined) {
        collector.reject({
          code: 'DUPLICATE_ENTRY',
          ...toLineField(record.line),
          field: 'key',
          message: `same entry as line ${previousLine ?? '?'} (key "${shorten(record.key)}"); the first one is kept`,
          ...(record.title ? { excerpt: shorten(record.title) } : {}),
        })
        return
      }
      try {
        records.push(createSourceRecord(capturedRecord(record, ctx)))
        keyLines.set(record.key, record.line ?? null)
      } catch (error) {
        // The parsers build valid records; this is the safety net that keeps one bad entry from
        // failing the whole import.
        const problem = describeInvalidValue(error)
        collector.reject({
          code: 'INVALID_VALUE',
          ...toLineField(record.line),
          ...(problem.field ? { field: problem.field } : {}),
          message: `entry does not form a valid record: ${problem.message}`,
        })
      }
    },
    addProfile(profile) {
      profiles.push(profile)
    },
    reject(issue) {
      rejected++
      issues.push({ severity: 'rejected', source, ...issue })
    },
    rejectEntryForLines(entry, lineIssues) {
      const [lineIssue, ...others] = lineIssues
      if (!lineIssue) return
      const alsoUnreadable =
        others.length > 0
          ? ` (also unreadable: line ${others.map((issue) => issue.line ?? '?').join(', ')})`
          : ''
      const sameLine = lineIssue.line === entry.line
      const what = entry.label ? ` ("${shorten(entry.label)}")` : ''
      const where = sameLine ? '' : `entry at line ${entry.line}${what}: `
      const note = sameLine && entry.label ? ` (${entry.label})` : ''
      collector.reject({
        code: lineIssue.code,
        ...toLineField(lineIssue.line),
        field: 'entry',
        message: `${where}line ${lineIssue.line ?? '?'} cannot be read${note}: ${lineIssue.message}${alsoUnreadable}`,
        ...(lineIssue.excerpt !== undefined ? { excerpt: lineIssue.excerpt } : {}),
      })
    },
    warn(issue) {
      issues.push({ severity: 'warning', source, ...issue })
    },
    result() {
      const sorted = [...issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
      return { records, profiles, issues: sorted, entriesSeen: records.length + rejected }
    },
  }
  return collector
}

/**
 * A validation error as one sentence and the field it is about, for an issue message: a zod error's JSON
 * dump means nothing to the person importing. Each problem reads `<field> <what is wrong>`.
 * @example describeInvalidValue(zodErrorOfEmptyKey) // { field: 'key', message: 'key is empty' }
 */
export function describeInvalidValue(error: unknown): { field: string | null; message: string } {
  if (!(error instanceof ZodError)) {
    return { field: null, message: error instanceof Error ? shorten(error.message, 200) : String(error) }
  }
  const problems = error.issues.map((issue) => {
    const field = issue.path.map(String).join('.') || 'the entry'
    if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) <= 1) return `${field} is empty`
    if (issue.code === 'too_small' && issue.origin === 'array') return `${field} has too few items`
    if (issue.code === 'invalid_type') return `${field} is missing or not a ${issue.expected}`
    return `${field}: ${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}`
  })
  const first = error.issues[0]?.path.map(String).join('.') ?? ''
  const shown = problems.slice(0, 3).join('; ') + (problems.length > 3 ? `; and ${problems.length - 3} more` : '')
  return { field: first === '' ? null : first, message: shorten(shown, 200) }
}

/** `{ line }` when known, `{}` otherwise (issues take no `undefined` under exactOptionalPropertyTypes). */
export function toLineField(line: number | null | undefined): { line?: number } {
  return line === null || line === undefined ? {} : { line }
}

/** The common fields of a record read from line `line` of the input (a capture's record is dated by the capture when it is added). */
export function createRecordBase(
  format: string,
  ctx: ParseContext,
  line: number,
): Pick<SourceRecordInput, 'source' | 'locator' | 'line' | 'fetchedAt'> {
  return { source: format, locator: `${ctx.input}:${line}`, line, fetchedAt: ctx.fetchedAt }
}

/**
 * Lowercase letters and digits separated by single spaces, accents removed: the form two spellings of
 * one title share (`Grokking as a First-Order…` and `grokking as a first order…`).
 * @example normalizeForKey('Über-Parametrised  Nets!') // 'uber parametrised nets'
 */
export function normalizeForKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** A short, stable hash of text (first 16 hex digits of SHA-256), for keys of entries without a title. */
export function hashForKey(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16)
}

/**
 * Removes any of `chars` from the end of `text`. A loop, not `/[.]+$/`: an unanchored run before `$`
 * backtracks quadratically on a long line of that character.
 * @example trimEndChars('Title. ..', '. ') // 'Title'
 */
export function trimEndChars(text: string, chars: string): string {
  let end = text.length
  while (end > 0 && chars.includes(text[end - 1] as string)) end--
  return text.slice(0, end)
}

/** Removes any of `chars` from both ends of `text` (see {@link trimEndChars}). */
export function trimChars(text: string, chars: string): string {
  let start = 0
  while (start < text.length && chars.includes(text[start] as string)) start++
  return trimEndChars(text.slice(start), chars)
}

/** Cuts text for a message or excerpt. */
export function shorten(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

/** The first lines of a text (at most `maxChars` characters), for cheap format detection. */
export function sampleLines(text: string, maxChars = 200_000): string[] {
  return text
    .slice(0, maxChars)
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
}

/** Raises a detection score a little when the file name agrees; the content decides. */
export function applyFileNameHint(score: number, fileName: string, pattern: RegExp): number {
  if (score <= 0) return 0
  return Math.min(1, pattern.test(fileName) ? score + 0.04 : score)
}
