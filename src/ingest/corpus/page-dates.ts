/**
 * @module Dates as pages print them (`Oct 5, 2023`, `May 21`, `Sep 5`) and the honest partial date they
 * mean: a year is only ever taken from the text or from the capture date, never made up.
 */
import { datePrecision, dateYear, formatPartialDate, type PartialDate } from '../../core/index.js'

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/** Matches `Oct 5, 2023`, `October 5 2023`, `Sept 5`, `May 21` (month name first, year optional). */
const MONTH_DAY_SOURCE =
  '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.? (\\d{1,2})(?:,? (\\d{4}))?'

const MONTH_DAY = new RegExp(`^${MONTH_DAY_SOURCE}$`)

/**
 * A category glued to a date (`MLOct 5, 2023`, `DIS-NNFeb 5, 2025`, `LGMay 21`). The category is
 * upper case with digits, dots or hyphens, matched lazily so that `MLOct` is `ML` + `Oct`.
 */
const CATEGORY_DATE = new RegExp(`^([A-Z][A-Za-z0-9.-]*?)?${MONTH_DAY_SOURCE}$`)

/** A date as printed: month and day always, the year only when the page showed it. */
export interface PrintedDate {
  month: number
  day: number
  year: number | null
  /** The date text as read, e.g. `May 21`. */
  text: string
}

/**
 * Reads `Oct 5, 2023` or `Sep 5`; null for anything else (including impossible days like `Feb 30`,
 * which {@link resolvePrintedDate} reports).
 * @example parsePrintedDate('Sep 5') // { month: 9, day: 5, year: null, text: 'Sep 5' }
 */
export function parsePrintedDate(text: string): PrintedDate | null {
  const match = MONTH_DAY.exec(text.trim())
  return match ? toPrintedDate(match, 1, text.trim()) : null
}

/**
 * Splits a category glued to a date, as on the paper-tracking site.
 * @example parseCategoryDate('DIS-NNFeb 5, 2025') // { category: 'DIS-NN', date: { month: 2, day: 5, year: 2025, ... } }
 */
export function parseCategoryDate(text: string): { category: string | null; date: PrintedDate } | null {
  const trimmed = text.trim()
  // Cheap guard before the regex: these lines are short.
  if (trimmed.length > 40) return null
  const match = CATEGORY_DATE.exec(trimmed)
  if (!match) return null
  const category = match[1] ?? null
  const date = toPrintedDate(match, 2, trimmed.slice(category?.length ?? 0))
  return date ? { category, date } : null
}

function toPrintedDate(match: RegExpExecArray, first: number, text: string): PrintedDate | null {
  const monthName = match[first]
  const day = Number(match[first + 1])
  const yearText = match[first + 2]
  if (!monthName) return null
  const month = MONTHS.indexOf(monthName.slice(0, 3).toLowerCase()) + 1
  return { month, day, year: yearText === undefined ? null : Number(yearText), text }
}

/** What a printed date means once the capture date is taken into account. */
export interface ResolvedDate {
  date: PartialDate | null
  /** Why the date is null or not as printed; the caller turns it into a warning. */
  problem: string | null
}

/**
 * Turns a printed date into a day-precision partial date. A date without a year takes the capture
 * date's year, as the page meant (`LGMay 21` = May 21 of the year the page was captured); if that
 * would put it after the capture day, it is the previous year's. Without a capture date the date
 * stays null and `problem` says why: a year is never guessed.
 * @example resolvePrintedDate({ month: 5, day: 21, year: null, text: 'May 21' }, '2025-09-05') // { date: '2025-05-21', problem: null }
 */
export function resolvePrintedDate(printed: PrintedDate, captureDate: PartialDate | undefined): ResolvedDate {
  if (!isValidDay(printed.year ?? 2000, printed.month, printed.day)) {
    return { date: null, problem: `"${printed.text}" is not a valid day` }
  }
  if (printed.year !== null)
    return { date: formatPartialDate(printed.year, printed.month, printed.day), problem: null }
  if (captureDate === undefined) {
    return {
      date: null,
      problem: `"${printed.text}" has no year; pass the capture date (captureDate) to date it`,
    }
  }
  const captureYear = dateYear(captureDate)
  const sameYear = formatPartialDate(captureYear, printed.month, printed.day)
  if (isAfterCapture(sameYear, captureDate)) {
    // A page never shows a future date, so a day after the capture day is last year's.
    const previousYear = formatPartialDate(captureYear - 1, printed.month, printed.day)
    if (!isValidDay(captureYear - 1, printed.month, printed.day)) {
      return {
        date: null,
        problem: `"${printed.text}" would be after the capture date ${captureDate} and is not a valid day in ${captureYear - 1}`,
      }
    }
    return {
      date: previousYear,
      problem: `"${printed.text}" would be after the capture date ${captureDate}; dated ${previousYear}`,
    }
  }
  if (!isValidDay(captureYear, printed.month, printed.day)) {
    return { date: null, problem: `"${printed.text}" is not a valid day in ${captureYear}` }
  }
  return { date: sameYear, problem: null }
}

/** Only a capture date with a day (or month) can tell that a date lies after it. */
function isAfterCapture(date: PartialDate, captureDate: PartialDate): boolean {
  const precision = datePrecision(captureDate)
  if (precision === 'year') return false
  return date.slice(0, captureDate.length) > captureDate
}

function isValidDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return day <= daysInMonth
}
