import { describe, expect, it } from 'vitest'
import { confidencePercent, percent, percentOf100, wholeOf100 } from './percent.js'

describe('percents', () => {
  it('writes a mean of percentiles as a number and a share as a percent, by one rounding rule', () => {
    expect(wholeOf100(57.6)).toBe('58')
    expect(wholeOf100(99.7)).toBe('>99')
    expect(percentOf100(55.5)).toBe('56%')
    expect(percentOf100(0.2)).toBe('<1%')
    expect(percent(0.153)).toBe('15%')
    expect(percent(0.9996)).toBe('>99%')
    expect(percent(1)).toBe('100%')
    expect(percent(0)).toBe('0%')
  })

  it('never calls a confidence certain, nor a small one nothing', () => {
    expect(confidencePercent(0.74)).toBe('74%')
    expect(confidencePercent(0.997)).toBe('>99%')
    expect(confidencePercent(1)).toBe('>99%')
    expect(confidencePercent(0.002)).toBe('<1%')
    expect(confidencePercent(0)).toBe('<1%')
  })
})
