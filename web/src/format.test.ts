import { describe, expect, it } from 'vitest'
import { confidencePercent, percent, percentOf100 } from './format.js'

describe('percentages: one precision rule for every page', () => {
  it('shows whole percents, and 100% or 0% only when exact', () => {
    expect(percent(0.153)).toBe('15%')
    expect(percent(0.9996)).toBe('>99%')
    expect(percent(0.995)).toBe('>99%')
    expect(percent(0.994)).toBe('99%')
    expect(percent(1)).toBe('100%')
    expect(percent(0.004)).toBe('<1%')
    expect(percent(0)).toBe('0%')
  })

  it('reads a percentile or a Novelty % (0..100) by the same rule: 55.3 is 55%, as a paper’s 15.2 is 15%', () => {
    expect(percentOf100(55.3)).toBe('55%')
    // Every half rounds up, as 55.5 did (14.5 / 100 × 100 is 14.499… in floating point).
    expect([14.5, 28.5, 55.5, 56.5, 57.5].map(percentOf100)).toEqual(['15%', '29%', '56%', '57%', '58%'])
    expect(percent(0.145)).toBe('15%')
    expect(percentOf100(15.2)).toBe('15%')
    expect(percentOf100(99.6)).toBe('>99%')
    expect(percentOf100(100)).toBe('100%')
  })

  it('never shows a calibrated probability as certain: the API’s 1 (0.9995 or more, to three decimals) is >99%', () => {
    expect(confidencePercent(0.9996)).toBe('>99%')
    expect(confidencePercent(1)).toBe('>99%')
    expect(confidencePercent(0)).toBe('<1%')
    expect(confidencePercent(0.74)).toBe('74%')
  })
})
