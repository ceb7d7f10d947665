/** @module Percents as every reader sees them, the API's sentences and the pages alike: whole percents, never a rounded 0% or 100%. */

/**
 * A share in 0..1 as a percent, with the one precision rule every page uses: whole percents, and never a
 * rounded 0% or 100%: a share short of 1 that rounds to 100 reads `>99%`, one above 0 that rounds to 0 `<1%`.
 * @example percent(0.153) // '15%'; percent(0.9996) // '>99%'; percent(1) // '100%'; percent(0.002) // '<1%'
 */
export function percent(p: number): string {
  return percentText(p * 100)
}

/** A percentage in 0..100 (a profile page's Novelty %), by {@link percent}'s rule (a percentile reads as a rank on the pages, not as a percent). */
export function percentOf100(value: number): string {
  return percentText(value)
}

/**
 * A value in 0..100 that is not a share (a mean of percentiles) as a whole number, by {@link percent}'s rule.
 * @example wholeOf100(57.6) // '58'; wholeOf100(99.7) // '>99'
 */
export function wholeOf100(value: number): string {
  // Halves round up alike: 0.145 × 100 is 14.499… in floating point, and 55.5 / 100 × 100 is 55.500…1.
  const rounded = Math.round(Number(value.toFixed(6)))
  if (rounded >= 100 && value < 100) return '>99'
  if (rounded <= 0 && value > 0) return '<1'
  return String(rounded)
}

function percentText(value: number): string {
  return `${wholeOf100(value)}%`
}

/**
 * A model's calibrated probability (a predicted topic's confidence, a key word's score) by {@link percent}'s
 * rule. A calibrated probability is never certainty, and the API gives it to three decimals, so its 1 is
 * 0.9995 or more: it reads `>99%`, never `100%` (and a 0 reads `<1%`).
 * @example confidencePercent(0.74) // '74%'; confidencePercent(1) // '>99%'
 */
export function confidencePercent(p: number): string {
  return p >= 1 ? '>99%' : p <= 0 ? '<1%' : percent(p)
}
