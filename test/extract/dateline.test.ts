import { describe, expect, it } from 'vitest'
import { datelinePlace, withoutDateline } from '../../src/extract/dateline.ts'

describe('a dateline', () => {
  it.each([
    ['TAFAS, Syria - Rebel commanders signed a settlement.', 'Tafas'],
    ['DOUMA, Syria (AFP) — Buses left the town.', 'Douma'],
    ['YABROUD - The army entered the town.', 'Yabroud'],
    ['RASTAN, Syria, May 3 (Reuters) - Buses left.', 'Rastan'],
    ['DEIR EZ-ZOR, Syria (AP) — Elders met.', 'Deir ez-Zor'],
    ['DAMASCUS (SANA) - The army said.', 'Damascus'],
  ])('places a story filed from a Syrian town: %s', (text, place) => {
    expect(datelinePlace(text)?.name).toBe(place)
  })

  it.each([
    'BEIRUT (Reuters) - Rebels agreed to leave the town.',
    'AMMAN, July 6 (Reuters) - A ceasefire was reached.',
    'MOSCOW - Russia said the talks went well.',
    'Rebels in Tafas signed a settlement.',
  ])('gives no place when filed from abroad, or when there is none: %s', (text) => {
    expect(datelinePlace(text)).toBeNull()
  })

  it('is left out of a term’s text', () => {
    const text = 'BEIRUT (Reuters) - Rebels agreed to hand over their weapons.'
    const span = withoutDateline(text, { start: 0, end: text.length })
    expect(text.slice(span.start, span.end)).toBe('Rebels agreed to hand over their weapons.')
  })
})
