/** @module Dates whose precision is honest: a year, a month or a day, never an invented one. */
import { z } from 'zod'

/** Whether a year, month and day name a day the calendar has (`2020-02-29` does, `2021-02-29` does not). */
function isCalendarDay(year: number, month: number, day: number): boolean {
  // JavaScript rolls an impossible day over into the next month (2020-02-30 becomes March 1).
  const date = new Date(Date.UTC(2000, month - 1, day))
  date.setUTCFullYear(year)
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, the last a day the calendar has (no `2020-02-30`). */
export const PartialDateSchema = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, {
    error: 'expected YYYY, YYYY-MM or YYYY-MM-DD',
    abort: true,
  })
  .refine(
    (date: string) =>
      date.length < 10 ||
      isCalendarDay(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))),
    { error: (issue) => `${String(issue.input)} is not a day of the calendar` },
  )
export type PartialDate = z.infer<typeof PartialDateSchema>

export type DatePrecision = 'year' | 'month' | 'day'

/** The precision a partial date carries. */
export function datePrecision(date: PartialDate): DatePrecision {
  return date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day'
}

/** The year of a partial date. */
export function dateYear(date: PartialDate): number {
  return Number(date.slice(0, 4))
}

/**
 * Builds a partial date from parts, keeping only what is known: a day the month does not have (February 30)
 * is not known, so the date stops at the month (a caller that can say so warns).
 * @example formatPartialDate(2023, 10) // '2023-10'
 * @example formatPartialDate(2023, 2, 30) // '2023-02'
 */
export function formatPartialDate(year: number, month?: number, day?: number): PartialDate {
  const y = String(year).padStart(4, '0')
  if (month === undefined) return y
  const m = `${y}-${String(month).padStart(2, '0')}`
  return day === undefined || !isCalendarDay(year, month, day) ? m : `${m}-${String(day).padStart(2, '0')}`
}

/** Turns an ISO timestamp or date-like string into a day-precision partial date, or null. */
export function partialDateFromIso(value: string | null | undefined): PartialDate | null {
  if (!value) return null
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value.trim())
  if (!m) return null
  const parsed = PartialDateSchema.safeParse([m[1], m[2], m[3]].filter(Boolean).join('-'))
  return parsed.success ? parsed.data : null
}
