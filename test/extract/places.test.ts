import { describe, expect, it } from 'vitest'
import { findPlaces } from '../../src/extract/places.ts'

describe('the place a deal is for', () => {
  it.each([
    ['A settlement agreement for Ghabagheb was signed last week.', 'Ghabagheb'],
    ['The truce for al-Muzayrib held.', 'al-Muzayrib'],
  ])('is read after "deal for": %s', (text, place) => {
    expect(findPlaces(text).map((p) => p.name)).toContain(place)
  })

  it.each([
    'They signed a deal for Jaysh al-Islam fighters to leave.',
    'It was a deal for Russia and Turkey to guarantee.',
    'The truce for the town was signed.',
  ])('is no faction, state or common noun: %s', (text) => {
    expect(findPlaces(text)).toEqual([])
  })
})
