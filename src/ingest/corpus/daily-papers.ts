/**
 * @module Importer for a paper aggregator's trending page: page chrome, the page date (`Sep 5`), then
 * title and abstract lines in turn. The page date says when a paper was listed, not when it was
 * published, so it becomes `listedAt` and `date` stays null. Each line is read as a title or an
 * abstract by its shape, so a missing line costs one entry and never shifts the pairs after it.
 */
import { type ImportIssue, type ParseResult } from '../../core/index.js'
import type { ParseContext } from '../file-format.js'
import type { TextInput } from '../text-input.js'
import {
  createParseCollector,
  defineCorpusFormat,
  listContentLines,
  normalizeForKey,
  createRecordBase,
  sampleLines,
  shorten,
  applyFileNameHint,
  type ContentLine,
  type ParseCollector,
} from './corpus-format.js'
import { parseCategoryDate, parsePrintedDate, resolvePrintedDate } from './page-dates.js'

const FORMAT_NAME = 'daily-papers'

/** Lines of the page around the list, compared in lower case. */
const PAGE_CHROME = new Set([
  'new',
  'get trending papers in your email inbox!',
  'subscribe',
  'daily papers',
  'byak and the research community',
  'trending papers',
  'submit',
])

/** Abstracts are long prose; titles stay short. The page cuts abstracts at about 300 characters. */
const MIN_ABSTRACT_CHARS = 250
const MIN_ABSTRACT_WORDS = 30

/**
 * True when a line reads as an abstract rather than a title: long, or a sentence that ends with a
 * period, or several sentences. Titles may hold `?`, `!` or `:` (`Does Learning Require
 * Memorization? A Short Tale...`), so only periods count as sentence ends for short lines.
 */
export function isAbstractLine(text: string): boolean {
  const trimmed = text.trim()
  if (trimmed.length >= MIN_ABSTRACT_CHARS) return true
  const words = trimmed.split(/\s+/).length
  if (words >= MIN_ABSTRACT_WORDS) return true
  const endsSentence = /[\p{Ll}\d)]{2,}\.$/u.test(trimmed)
  const innerSentenceEnd = /\p{Ll}{2,}\.\s+\p{Lu}/u.test(trimmed)
  return (endsSentence && words >= 10) || (innerSentenceEnd && words >= 15)
}

/** A title waiting for its abstract; `rejections` when its lines could not be read. */
interface PendingEntry {
  line: number
  title: string | null
  rejections: ImportIssue[]
}

/** The page date and what it resolves to, shared by every entry under it. */
interface PageDate {
  text: string
  listedAt: string | null
}

/** The daily-papers format. */
export const dailyPapersFormat = defineCorpusFormat({
  name: FORMAT_NAME,
  description: "A paper aggregator's daily trending page: page date, then title and abstract lines",
  detect(text, fileName) {
    const lines = sampleLines(text)
      .map((line) => line.trim())
      .filter((line) => line !== '')
    if (lines.some((line) => parseCategoryDate(line) !== null && parsePrintedDate(line) === null)) return 0
    const chrome = lines.filter((line) => PAGE_CHROME.has(line.toLowerCase())).length
    const hasPageDate = lines.some((line) => parsePrintedDate(line) !== null)
    const pairs = lines.filter(
      (line, index) => !isAbstractLine(line) && isAbstractLine(lines[index + 1] ?? ''),
    ).length
    if (pairs === 0 || lines.some((line) => /^Abstract\s*:/i.test(line))) return 0
    const score = chrome >= 2 && hasPageDate ? 0.95 : hasPageDate && pairs >= 3 ? 0.6 : 0.3
    return applyFileNameHint(score, fileName, /daily|trending/i)
  },
  parseInput(input, ctx) {
    return parseDailyPapers(input, ctx)
  },
})

function parseDailyPapers(input: TextInput, ctx: ParseContext): ParseResult {
  const collector = createParseCollector(input, ctx)
  let pageDate: PageDate | null = null
  let pending: PendingEntry | null = null
  const flush = (abstract: ContentLine | null): void => {
    if (pending) emitEntry(pending, abstract, pageDate, ctx, collector)
    pending = null
  }

  for (const line of listContentLines(input)) {
    const text = line.text.trim()
    if (line.rejection) {
      // An unreadable line is an abstract when a title waits for one, else a title: either way it
      // takes the place of one line of an entry and the pairing goes on after it.
      if (pending) {
        pending.rejections.push(line.rejection)
        flush(null)
      } else pending = { line: line.line, title: null, rejections: [line.rejection] }
      continue
    }
    if (PAGE_CHROME.has(text.toLowerCase())) continue
    const printed = parsePrintedDate(text)
    if (printed) {
      flush(null)
      pageDate = readPageDate(printed, line.line, ctx, collector)
      continue
    }
    if (isAbstractLine(text)) {
      if (pending) flush(line)
      else
        collector.reject({
          code: 'MISSING_FIELD',
          line: line.line,
          field: 'title',
          message: 'abstract without a title line above it',
          excerpt: shorten(text),
        })
      continue
    }
    flush(null)
    pending = { line: line.line, title: text, rejections: [] }
  }
  flush(null)
  if (pageDate === null && collector.result().records.length > 0) {
    collector.warn({
      code: 'MISSING_FIELD',
      line: 1,
      field: 'listedAt',
      message: 'no page date (like `Sep 5`) above the list; listedAt is null',
    })
  }
  return collector.result()
}

/** Resolves the page date once; without a capture date it stays null with one warning. */
function readPageDate(
  printed: NonNullable<ReturnType<typeof parsePrintedDate>>,
  line: number,
  ctx: ParseContext,
  collector: ParseCollector,
): PageDate {
  const resolved = resolvePrintedDate(printed, ctx.captureDate)
  if (resolved.problem) {
    collector.warn({
      code: 'INVALID_VALUE',
      line,
      field: 'listedAt',
      message: `page date ${resolved.problem}; it is when the papers were listed, not published`,
    })
  }
  return { text: printed.text, listedAt: resolved.date }
}

function emitEntry(
  pending: PendingEntry,
  abstractLine: ContentLine | null,
  pageDate: PageDate | null,
  ctx: ParseContext,
  collector: ParseCollector,
): void {
  if (pending.rejections.length > 0) {
    collector.rejectEntryForLines({ line: pending.line, label: pending.title }, pending.rejections)
    return
  }
  if (pending.title === null) return
  const abstract = abstractLine?.text.trim() ?? null
  if (abstract === null) {
    collector.warn({
      code: 'MISSING_FIELD',
      line: pending.line,
      field: 'abstract',
      message: `"${shorten(pending.title)}" has no abstract line; imported without one`,
    })
  }
  collector.addRecord({
    ...createRecordBase(FORMAT_NAME, ctx, pending.line),
    key: normalizeForKey(pending.title),
    title: pending.title,
    abstract,
    // The page date is the listing day; many listed papers are years old.
    date: null,
    listedAt: pageDate?.listedAt ?? null,
    raw: { title: pending.title, abstract, pageDate: pageDate?.text ?? null },
  })
}
