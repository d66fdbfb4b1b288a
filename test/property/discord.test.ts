import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Citation } from '../../src/answers/citation.ts'
import { corpusLine, renderPages } from '../../src/render/discord.ts'
import type { Presentation } from '../../src/render/presentation.ts'
import { renderText } from '../../src/render/text.ts'
import { anyUtf16, hasLoneSurrogate } from './arbitraries.ts'

const longish = fc.oneof(
  anyUtf16,
  anyUtf16.map((s) => s.repeat(40)),
)

const citation: fc.Arbitrary<Citation> = fc.record({
  article: anyUtf16,
  title: longish,
  source: fc.option(anyUtf16, { nil: null }),
  author: fc.option(anyUtf16, { nil: null }),
  date: fc.option(fc.constant('2018-05-03'), { nil: null }),
  url: fc.option(fc.constant('https://example.org/a'), { nil: null }),
  paragraph: fc.integer({ min: 1, max: 500 }),
  quote: longish,
})

const presentation: fc.Arbitrary<Presentation> = fc
  .record({
    title: longish,
    lead: fc.option(longish, { nil: undefined }),
    sections: fc.array(
      fc.record({
        heading: fc.option(longish, { nil: undefined }),
        items: fc.array(
          fc.record({
            text: longish,
            cites: fc.array(fc.integer({ min: 1, max: 30 }), { maxLength: 4 }),
            highlights: fc.array(fc.tuple(fc.nat(2000), fc.nat(2000)), { maxLength: 3 }),
          }),
          { maxLength: 30 },
        ),
      }),
      { maxLength: 6 },
    ),
    citations: fc.array(citation, { maxLength: 30 }),
    suggestions: fc.option(fc.array(anyUtf16, { maxLength: 10 }), { nil: undefined }),
    footer: fc.option(longish, { nil: undefined }),
  })
  .map((p) => JSON.parse(JSON.stringify(p)) as Presentation)

describe('rendering, for any presentation', () => {
  it('gives Discord pages within every limit, without broken surrogate pairs or pings', () => {
    fc.assert(
      fc.property(presentation, (p) => {
        const pages = renderPages(p, corpusLine({ articles: { size: 5 }, passages: { size: 120 } }))
        expect(pages.length).toBeGreaterThan(0)
        for (const e of pages) {
          const texts = [
            e.title,
            e.description,
            e.footer?.text,
            ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
          ]
          expect(e.title?.length ?? 0).toBeLessThanOrEqual(256)
          expect(e.description?.length ?? 0).toBeLessThanOrEqual(4096)
          expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(2048)
          expect(e.fields?.length ?? 0).toBeLessThanOrEqual(25)
          for (const f of e.fields ?? []) {
            expect(f.name.length).toBeGreaterThan(0)
            expect(f.name.length).toBeLessThanOrEqual(256)
            expect(f.value.length).toBeGreaterThan(0)
            expect(f.value.length).toBeLessThanOrEqual(1024)
          }
          expect(texts.reduce((n, t) => n + (t?.length ?? 0), 0)).toBeLessThanOrEqual(6000)
          for (const t of texts) if (t) expect(hasLoneSurrogate(t)).toBe(false)
        }
      }),
      { numRuns: 150 },
    )
  })

  it('gives terminal text without exception', () => {
    fc.assert(
      fc.property(presentation, fc.boolean(), (p, color) => {
        expect(typeof renderText(p, { color })).toBe('string')
      }),
      { numRuns: 100 },
    )
  })
})
