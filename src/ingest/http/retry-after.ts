/** @module Reads a `Retry-After` header (delta-seconds or HTTP-date) into milliseconds to wait. */

/**
 * How long a `Retry-After` value asks us to wait, in milliseconds, or null when absent or unreadable.
 * Both forms of RFC 9110 §10.2.3 are accepted: delta-seconds (`120`) and an HTTP-date
 * (`Wed, 21 Oct 2015 07:28:00 GMT`); a date in the past means "now" (0).
 * @example parseRetryAfter('3', Date.now()) // 3000
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | null {
  if (value === null || value === undefined) return null
  const text = value.trim()
  if (text === '') return null
  if (/^\d+$/.test(text)) return Number(text) * 1000
  // Only full dates: Date.parse also reads bare numbers and fragments, which are not HTTP-dates.
  if (!/[a-z]/i.test(text)) return null
  const at = Date.parse(text)
  if (Number.isNaN(at)) return null
  return Math.max(0, at - nowMs)
}
