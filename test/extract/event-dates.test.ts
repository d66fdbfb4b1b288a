import { describe, expect, it } from 'vitest'
import { toldAsBefore } from '../../src/extract/event-dates.ts'

describe('a sentence told as before the article’s moment', () => {
  it.each([
    'Jaysh al-Nasr had refused an earlier offer.',
    'Last week, the brigade rejected the offer.',
    'The council had initially rejected the terms.',
  ])('takes no date from its article: %s', (s) => expect(toldAsBefore(s)).toBe(true))

  it.each([
    'The group, which had besieged the town, accepted the deal.',
    'The brigade had to accept the deal.',
    'The brigade accepted the deal.',
  ])('is not one: %s', (s) => expect(toldAsBefore(s)).toBe(false))
})
