import { describe, expect, it } from 'vitest'
import { parseCategoryDate, parsePrintedDate, resolvePrintedDate } from './page-dates.js'

describe('parseCategoryDate', () => {
  it.each([
    ['MLOct 5, 2023', 'ML', { month: 10, day: 5, year: 2023, text: 'Oct 5, 2023' }],
    ['DIS-NNFeb 5, 2025', 'DIS-NN', { month: 2, day: 5, year: 2025, text: 'Feb 5, 2025' }],
    ['LGMay 21', 'LG', { month: 5, day: 21, year: null, text: 'May 21' }],
    ['OCAug 17, 2023', 'OC', { month: 8, day: 17, year: 2023, text: 'Aug 17, 2023' }],
    ['Sep 5', null, { month: 9, day: 5, year: null, text: 'Sep 5' }],
  ])('reads %j', (line, category, date) => {
    expect(parseCategoryDate(line)).toEqual({ category, date })
  })

  it.each([
    'Grokking as a First Order Phase Transition',
    'ML',
    '13 Papers',
    'MLOct',
    'MLOct 5, 2023 and more',
  ])('ignores %j', (line) => {
    expect(parseCategoryDate(line)).toBeNull()
  })
})

describe('parsePrintedDate', () => {
  it('reads a page date and a full date', () => {
    expect(parsePrintedDate('Sep 5')).toEqual({ month: 9, day: 5, year: null, text: 'Sep 5' })
    expect(parsePrintedDate('December 31, 2021')).toEqual({
      month: 12,
      day: 31,
      year: 2021,
      text: 'December 31, 2021',
    })
    expect(parsePrintedDate('Sept 5 of 2020')).toBeNull()
  })
})

describe('resolvePrintedDate', () => {
  const mayTwentyFirst = { month: 5, day: 21, year: null, text: 'May 21' }

  it('keeps a printed year and gives day precision', () => {
    expect(resolvePrintedDate({ month: 10, day: 5, year: 2023, text: 'Oct 5, 2023' }, undefined)).toEqual({
      date: '2023-10-05',
      problem: null,
    })
  })

  it('never invents a year: without a capture date the date is null and the problem says why', () => {
    const resolved = resolvePrintedDate(mayTwentyFirst, undefined)
    expect(resolved.date).toBeNull()
    expect(resolved.problem).toBe('"May 21" has no year; pass the capture date (captureDate) to date it')
  })

  it("takes the capture date's year", () => {
    expect(resolvePrintedDate(mayTwentyFirst, '2026-06-01')).toEqual({ date: '2026-05-21', problem: null })
    expect(resolvePrintedDate(mayTwentyFirst, '2026')).toEqual({ date: '2026-05-21', problem: null })
  })

  it('dates a day after the capture day in the previous year, and says so', () => {
    expect(resolvePrintedDate(mayTwentyFirst, '2026-03-01')).toEqual({
      date: '2025-05-21',
      problem: '"May 21" would be after the capture date 2026-03-01; dated 2025-05-21',
    })
  })

  it('rejects impossible days instead of rolling them over', () => {
    expect(resolvePrintedDate({ month: 2, day: 30, year: 2025, text: 'Feb 30, 2025' }, undefined)).toEqual({
      date: null,
      problem: '"Feb 30, 2025" is not a valid day',
    })
    expect(
      resolvePrintedDate({ month: 2, day: 29, year: null, text: 'Feb 29' }, '2025-12-01').date,
    ).toBeNull()
    expect(resolvePrintedDate({ month: 2, day: 29, year: null, text: 'Feb 29' }, '2024-12-01').date).toBe(
      '2024-02-29',
    )
  })
})
