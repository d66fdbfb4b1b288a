import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { quoteOf } from '../../src/answers/citation.ts'
import { fromMarked } from '../../src/render/presentation.ts'
import { snippet } from '../../src/search/snippet.ts'
import { foldPhrase, searchTerm, searchTerms, words } from '../../src/text/normalize.ts'
import { cleanQuery, MAX_QUERY_CHARS } from '../../src/text/query.ts'
import { flat } from '../helpers.ts'
import { anyUtf16, hasLoneSurrogate } from './arbitraries.ts'

/** The pieces of a snippet or quote once its markup ('**', '…') is taken out. */
const pieces = (s: string) =>
  s
    .split(/\*\*|…/)
    .map(flat)
    .filter(Boolean)

describe('normalisation, for any string', () => {
  it('never throws, and yields terms without spaces or broken surrogate pairs', () => {
    fc.assert(
      fc.property(anyUtf16, (s) => {
        for (const t of searchTerms(s)) {
          expect(t).not.toMatch(/\s/)
          expect(t.length).toBeGreaterThan(0)
          expect(hasLoneSurrogate(t)).toBe(false)
        }
        expect(hasLoneSurrogate(foldPhrase(s))).toBe(false)
      }),
    )
  })

  it('is one normalisation: each word folds alone as it does in context', () => {
    fc.assert(
      fc.property(anyUtf16, (s) => {
        const alone = words(s)
          .map((w) => searchTerm(w.word))
          .filter((t): t is string => t !== null)
        expect(alone).toEqual(searchTerms(s))
      }),
    )
  })

  it('gives word offsets that point at the word', () => {
    fc.assert(
      fc.property(anyUtf16, (s) => {
        for (const w of words(s)) expect(s.slice(w.start, w.end)).toBe(w.word)
      }),
    )
  })
})

describe('query parsing, for any string', () => {
  it('gives a query without controls or lone surrogates, within the length cap', () => {
    fc.assert(
      fc.property(anyUtf16, fc.nat({ max: 3 }), (s, times) => {
        const q = cleanQuery(s.repeat(times * 20 + 1))
        expect(q.length).toBeLessThanOrEqual(MAX_QUERY_CHARS)
        expect(hasLoneSurrogate(q)).toBe(false)
        expect(q).not.toMatch(/[\p{Cc}]/u)
      }),
    )
  })
})

describe('snippets and quotes, for any text and any terms', () => {
  const textAndTerms = fc.tuple(
    anyUtf16,
    fc.array(anyUtf16, { maxLength: 4 }),
    fc.integer({ min: 20, max: 400 }),
  )

  it('a snippet never throws and every piece of it stands verbatim in the text', () => {
    fc.assert(
      fc.property(textAndTerms, ([text, queries, max]) => {
        const terms = new Set(queries.flatMap(searchTerms))
        const out = fromMarked(snippet(text, terms, 0, text.length, max))
        const hay = flat(text)
        for (const piece of out.text.split('…').map(flat).filter(Boolean)) expect(hay).toContain(piece)
        for (const [a, b] of out.highlights ?? [])
          expect(terms.has(searchTerm(out.text.slice(a, b).split(/\s+/)[0] ?? '') ?? '')).toBe(true)
      }),
    )
  })

  it('a quote is verbatim (whitespace aside), cut near its limit, without a broken surrogate pair', () => {
    fc.assert(
      fc.property(textAndTerms, ([text, , max]) => {
        const quote = quoteOf(text, { start: 0, end: text.length }, max)
        for (const piece of pieces(quote)) expect(flat(text)).toContain(piece)
        expect(quote.length).toBeLessThanOrEqual(max + 1)
        if (!hasLoneSurrogate(text)) expect(hasLoneSurrogate(quote)).toBe(false)
      }),
    )
  })
})
