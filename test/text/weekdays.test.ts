import { describe, expect, it } from 'vitest'
import { resolveWeekday, weekdayNumber } from '../../src/text/weekdays.ts'

describe('resolveWeekday: a weekday counted from the article’s date', () => {
  it.each([
    // 26 December 2013 was a Thursday.
    ['Wednesday', '2013-12-26', 'past', '2013-12-25'],
    ['Thursday', '2013-12-26', 'past', '2013-12-26'],
    ['Friday', '2013-12-26', 'past', '2013-12-20'],
    ['thu', '2013-12-26', 'future', '2014-01-02'],
    ['Monday', '2013-12-26', 'future', '2013-12-30'],
  ] as const)('%s from %s (%s) → %s', (day, date, direction, want) => {
    expect(resolveWeekday(day, date, direction)).toBe(want)
  })

  it('is null without a date or a weekday', () => {
    expect(resolveWeekday('Thursday', null)).toBeNull()
    expect(resolveWeekday('Thursday', 'May 2014')).toBeNull()
    expect(resolveWeekday('Funday', '2013-12-26')).toBeNull()
  })

  it('reads names and three-letter forms, Sunday first', () => {
    expect(weekdayNumber('Sunday')).toBe(0)
    expect(weekdayNumber('sat')).toBe(6)
    expect(weekdayNumber('th')).toBeNull()
  })
})
