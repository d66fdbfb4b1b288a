import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { quoteOf } from '../../src/answers/citation.ts'
import { anyUtf16 } from '../property/arbitraries.ts'

/**
 * The quote as the whole span, flattened and without a list item's marker, gives it: what quoteOf
 * must give however it gets there.
 */
function wholeSpanQuote(text: string, span: { start: number; end: number }, max: number): string {
  const flat = text
    .slice(span.start, span.end)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:[-•*‣▪◦]|\d{1,2}[.)]) (?=\S)/, '')
  if (flat.length <= max) return flat
  const cut = flat.slice(0, /[\uD800-\uDBFF]/.test(flat[max - 1] ?? '') ? max - 1 : max)
  const space = cut.lastIndexOf(' ')
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/, '')}…`
}

/** Text with long runs of whitespace, where flattening shortens a span most. */
const spaced = fc
  .array(fc.oneof(anyUtf16, fc.constantFrom(' '.repeat(50), '\n'.repeat(30), ' \t \n '), fc.string()), {
    maxLength: 40,
  })
  .map((parts) => parts.join(''))

describe('quoteOf on a list item', () => {
  it('quotes the item without the marker the reader kept it by, so the quote stands in the page', () => {
    expect(quoteOf('Under the deal:\n- Fighters leave within 48 hours.', { start: 16, end: 49 })).toBe(
      'Fighters leave within 48 hours.',
    )
    expect(quoteOf('2. Roads reopen.')).toBe('Roads reopen.')
  })

  it('keeps a dash that is the text, not a marker', () => {
    expect(quoteOf('-5 degrees at night')).toBe('-5 degrees at night')
  })
})

describe('quoteOf on a long span', () => {
  it('flattens only the head it quotes, and quotes what flattening the whole span would', () => {
    fc.assert(
      fc.property(spaced, fc.nat(), fc.nat(), fc.integer({ min: 1, max: 60 }), (text, a, b, max) => {
        const start = a % (text.length + 1)
        const end = start + (b % (text.length - start + 1))
        expect(quoteOf(text, { start, end }, max)).toBe(wholeSpanQuote(text, { start, end }, max))
      }),
      { numRuns: 2000 },
    )
  })

  it('quotes a 10,000-character paragraph by its first words', () => {
    const text = `${'word '.repeat(2000)}end`
    const quote = quoteOf(text, { start: 0, end: text.length }, 20)
    expect(quote).toBe('word word word word…')
  })
})
