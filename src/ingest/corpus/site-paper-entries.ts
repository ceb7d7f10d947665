/**
 * @module Paper entries as the paper-tracking site prints them, shared by the researcher-profile and
 * author-papers formats: `<category><date>`, then the title and the author list (on two lines, or
 * glued on one), then the abstract.
 */
import type { ParseContext } from '../file-format.js'
import {
  isSameAuthor,
  looksLikeAuthorList,
  parseAuthorList,
  splitGluedTitleAndAuthors,
  type AuthorList,
} from './author-names.js'
import {
  normalizeForKey,
  createRecordBase,
  shorten,
  type ContentLine,
  type ParseCollector,
} from './corpus-format.js'
import { parseCategoryDate, resolvePrintedDate } from './page-dates.js'

/** How the entries of one page are read. */
export interface SitePaperOptions {
  /** Format name: the records' `source`. */
  format: string
  /** The profile's owner: every paper on the page is theirs, listed or not. Null when unknown. */
  owner: string | null
  /** Prepended to each key so that the same paper on two people's pages stays two records. */
  keyPrefix: string
}

/** True when the line is a `<category><date>` line that starts an entry. */
export function isEntryDateLine(line: ContentLine): boolean {
  return line.rejection === null && parseCategoryDate(line.text) !== null
}

/**
 * Reads the entries that follow the page header: one per date line, up to the next date line.
 * Returns how many entries (records or rejections) it found, for the page's own count to be checked.
 */
export function readSitePaperEntries(
  lines: ContentLine[],
  ctx: ParseContext,
  collector: ParseCollector,
  options: SitePaperOptions,
): number {
  let entries = 0
  let index = 0
  while (index < lines.length) {
    const dateLine = lines[index]
    if (dateLine === undefined) break
    let end = index + 1
    while (end < lines.length && !isEntryDateLine(lines[end] as ContentLine)) end++
    entries += readEntry(dateLine, lines.slice(index + 1, end), ctx, collector, options)
    index = end
  }
  return entries
}

/** Where the title, authors and abstract of an entry sit among its lines. */
interface EntryLayout {
  title: string
  authorList: AuthorList
  /** The author line as read (the glued line for the one-line layout). */
  authorsText: string
  /** Index in the body of the first abstract line. */
  abstractStart: number
}

/** Why an entry's title and authors could not be found. */
interface LayoutProblem {
  field: 'title' | 'authors'
  message: string
}

/** Reads one entry; returns the number of entries it stood for (the entry plus any unreadable tail). */
function readEntry(
  dateLine: ContentLine,
  body: ContentLine[],
  ctx: ParseContext,
  collector: ParseCollector,
  options: SitePaperOptions,
): number {
  const firstRejected = body.findIndex((line) => line.rejection !== null)
  const readable = firstRejected === -1 ? body : body.slice(0, firstRejected)
  const layout = readLayout(dateLine, readable)
  const rejections = body.flatMap((line) => (line.rejection ? [line.rejection] : []))
  const rejectedLine = body[firstRejected]
  if (rejectedLine && rejections.length > 0) {
    // An unreadable line after the first abstract line is not part of this entry: it sits where the
    // next entry's date line was (or is a stray line), so it is reported on its own.
    if ('problem' in layout || firstRejected <= layout.abstractStart) {
      collector.rejectEntryForLines(
        { line: dateLine.line, label: readable[0]?.text.trim() ?? null },
        rejections,
      )
      return 1
    }
    addEntryRecord(dateLine, readable, layout, ctx, collector, options)
    const following = body.length - firstRejected - 1
    const tailLabel = following > 0 ? `${following} more line(s) follow it` : null
    collector.rejectEntryForLines({ line: rejectedLine.line, label: tailLabel }, rejections)
    return 2
  }
  if ('problem' in layout) {
    collector.reject({
      code: 'MISSING_FIELD',
      line: dateLine.line,
      field: layout.problem.field,
      message: layout.problem.message,
      excerpt: shorten(body[0]?.text.trim() ?? dateLine.text.trim()),
    })
    return 1
  }
  addEntryRecord(dateLine, body, layout, ctx, collector, options)
  return 1
}

/** Finds the title and authors: an author line under the title, else a title glued to its authors. */
function readLayout(dateLine: ContentLine, body: ContentLine[]): EntryLayout | { problem: LayoutProblem } {
  const first = body[0]?.text.trim()
  if (first === undefined) {
    return {
      problem: {
        field: 'title',
        message: `the date line "${dateLine.text.trim()}" is not followed by a title`,
      },
    }
  }
  const second = body[1]?.text.trim()
  if (second !== undefined && looksLikeAuthorList(second)) {
    return { title: first, authorList: parseAuthorList(second), authorsText: second, abstractStart: 2 }
  }
  const glued = splitGluedTitleAndAuthors(first)
  if (glued) return { title: glued.title, authorList: glued.authorList, authorsText: first, abstractStart: 1 }
  // A comma-separated list of names where the title should be: the title line is the one missing.
  if (looksLikeAuthorList(first) && parseAuthorList(first).authors.length > 1) {
    return {
      problem: {
        field: 'title',
        message: `line ${body[0]?.line} looks like an author list, but no title precedes it`,
      },
    }
  }
  return {
    problem: {
      field: 'authors',
      message: `the title at line ${body[0]?.line} has no author line (neither on the next line nor glued to the title)`,
    },
  }
}

function addEntryRecord(
  dateLine: ContentLine,
  body: ContentLine[],
  layout: EntryLayout,
  ctx: ParseContext,
  collector: ParseCollector,
  options: SitePaperOptions,
): void {
  const categoryDate = parseCategoryDate(dateLine.text)
  const abstractLines = body.slice(layout.abstractStart).map((line) => line.text.trim())
  const abstract = abstractLines.length > 0 ? abstractLines.join(' ') : null
  const resolved = categoryDate ? resolvePrintedDate(categoryDate.date, ctx.captureDate) : null
  if (resolved?.problem)
    collector.warn({ code: 'INVALID_VALUE', line: dateLine.line, field: 'date', message: resolved.problem })
  if (abstract === null) {
    collector.warn({
      code: 'MISSING_FIELD',
      line: dateLine.line,
      field: 'abstract',
      message: `"${shorten(layout.title)}" has no abstract; imported without one`,
    })
  }
  const { authors, truncated } = layout.authorList
  const ownerMissing =
    options.owner !== null && !authors.some((author) => isSameAuthor(author, options.owner as string))
  collector.addRecord({
    ...createRecordBase(options.format, ctx, dateLine.line),
    key: `${options.keyPrefix}${normalizeForKey(layout.title)}`,
    title: layout.title,
    abstract,
    authors,
    authorsTruncated: truncated,
    extraAuthors: ownerMissing && options.owner !== null ? [options.owner] : [],
    date: resolved?.date ?? null,
    categories: categoryDate?.category ? [categoryDate.category] : [],
    raw: {
      categoryDate: dateLine.text.trim(),
      category: categoryDate?.category ?? null,
      date: categoryDate?.date.text ?? null,
      ...(layout.abstractStart === 1
        ? { titleAndAuthors: layout.authorsText }
        : { title: layout.title, authors: layout.authorsText }),
      abstract,
    },
  })
}

/** A metric line of a profile header: the value glued to its label (`h-index44`, `13papers`, `Novelty55%`). */
export type ProfileMetricName = 'hIndex' | 'i10Index' | 'papers' | 'citations' | 'noveltyPercent' | 'aiScore'

const PROFILE_METRICS: ReadonlyArray<{ name: ProfileMetricName; pattern: RegExp }> = [
  { name: 'hIndex', pattern: /^h-?index\s*:?\s*(\d+(?:\.\d+)?)$/i },
  { name: 'i10Index', pattern: /^i10-?index\s*:?\s*(\d+)$/i },
  // Glued without a space: `13 Papers` (with one) is the heading above the list, not the metric.
  { name: 'papers', pattern: /^(\d[\d,]*)papers$/i },
  { name: 'citations', pattern: /^(\d[\d,]*)\s*citations$/i },
  { name: 'noveltyPercent', pattern: /^novelty\s*:?\s*(\d+(?:\.\d+)?)\s*%$/i },
  { name: 'aiScore', pattern: /^ai\s*score\s*:?\s*(\d+(?:\.\d+)?)$/i },
]

/**
 * Reads a profile metric line.
 * @example readProfileMetric('h-index44') // { name: 'hIndex', value: 44 }
 */
export function readProfileMetric(text: string): { name: ProfileMetricName; value: number } | null {
  const trimmed = text.trim()
  for (const { name, pattern } of PROFILE_METRICS) {
    const match = pattern.exec(trimmed)
    if (match?.[1] !== undefined) return { name, value: Number(match[1].replace(/,/g, '')) }
  }
  return null
}

/** Reads the `13 Papers` heading above a profile's list; null for other lines. */
export function readPapersHeading(text: string): number | null {
  const match = /^(\d[\d,]*) Papers?$/i.exec(text.trim())
  return match?.[1] !== undefined ? Number(match[1].replace(/,/g, '')) : null
}

/** What the start of a page shows, for format detection: counted, never parsed into records. */
export interface SitePageSurvey {
  dateLines: number
  /** Date lines followed by a title line and a separate author line. */
  separateEntries: number
  /** Date lines followed by a title glued to its authors. */
  gluedEntries: number
  metricLines: number
  papersHeading: boolean
}

/** Counts the marks of the paper-tracking site's pages in the first lines of a text. */
export function surveySitePage(sample: string[]): SitePageSurvey {
  const lines = sample.map((text) => text.trim()).filter((text) => text !== '')
  const survey: SitePageSurvey = {
    dateLines: 0,
    separateEntries: 0,
    gluedEntries: 0,
    metricLines: 0,
    papersHeading: false,
  }
  lines.forEach((text, index) => {
    if (readProfileMetric(text)) survey.metricLines++
    if (readPapersHeading(text) !== null) survey.papersHeading = true
    // The site glues a category to every date; a bare `Sep 5` is another page's date line.
    if (!parseCategoryDate(text)?.category) return
    survey.dateLines++
    const next = lines[index + 1] ?? ''
    const afterNext = lines[index + 2] ?? ''
    if (looksLikeAuthorList(afterNext)) survey.separateEntries++
    else if (splitGluedTitleAndAuthors(next)) survey.gluedEntries++
  })
  return survey
}
