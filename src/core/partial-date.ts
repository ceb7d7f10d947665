/** @module Dates whose precision is honest: a year, a month or a day, never an invented one. */
import { z } from 'zod'

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export const PartialDateSchema = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD')
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
 * Builds a partial date from parts, keeping only what is known.
 * @example formatPartialDate(2023, 10) // '2023-10'
 */
export function formatPartialDate(year: number, month?: number, day?: number): PartialDate {
  const y = String(year).padStart(4, '0')
  if (month === undefined) return y
  const m = `${y}-${String(month).padStart(2, '0')}`
  return day === undefined ? m : `${m}-${String(day).padStart(2, '0')}`
}

/** Turns an ISO timestamp or date-like string into a day-precision partial date, or null. */
export function partialDateFromIso(value: string | null | undefined): PartialDate | null {
  if (!value) return null
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value.trim())
  if (!m) return null
  const parsed = PartialDateSchema.safeParse([m[1], m[2], m[3]].filter(Boolean).join('-'))
  return parsed.success ? parsed.data : null
}
