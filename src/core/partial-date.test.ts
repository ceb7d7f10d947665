import { describe, expect, it } from 'vitest'
import { PartialDateSchema, formatPartialDate, partialDateFromIso } from './partial-date.js'

describe('PartialDateSchema', () => {
  it.each(['2020', '2020-02', '2020-02-29', '2000-02-29', '2021-12-31', '2021-04-30'])('takes %s', (date) =>
    expect(PartialDateSchema.safeParse(date).success).toBe(true),
  )

  it.each(['2020-02-30', '2021-02-29', '1900-02-29', '2021-04-31', '2021-06-31'])(
    'refuses %s, a day the calendar does not have, saying so',
    (date) => {
      const parsed = PartialDateSchema.safeParse(date)
      expect(parsed.success).toBe(false)
      expect(parsed.error?.issues[0]?.message).toBe(`${date} is not a day of the calendar`)
    },
  )

  it('names the field that holds an impossible date, in a record schema', () => {
    const parsed = PartialDateSchema.nullable().array().safeParse([null, '2020-02-30'])
    expect(parsed.error?.issues[0]?.path).toEqual([1])
  })

  it('reads no date out of an impossible ISO timestamp', () => {
    expect(partialDateFromIso('2020-02-30T00:00:00Z')).toBeNull()
    expect(partialDateFromIso('2020-02-29T00:00:00Z')).toBe('2020-02-29')
  })
})

describe('formatPartialDate', () => {
  it('stops at the month when the day is one the month does not have, so no importer builds an invalid date', () => {
    expect(formatPartialDate(2020, 2, 29)).toBe('2020-02-29')
    expect(formatPartialDate(2020, 2, 30)).toBe('2020-02')
    expect(formatPartialDate(2021, 4, 31)).toBe('2021-04')
    expect(PartialDateSchema.safeParse(formatPartialDate(2021, 2, 29)).success).toBe(true)
  })
})
