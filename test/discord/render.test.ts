import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Citation } from '../../src/answers/citation.ts'
import search from '../../src/commands/search.ts'
import { openKnowledgeBase } from '../../src/knowledge/open.ts'
import {
  citationField,
  corpusLine,
  cutText,
  embedProblems,
  escapeMarkdown,
  fitMarkdown,
  ITEM_CHARS,
  LIMITS,
  renderPages,
  sanitize,
} from '../../src/render/discord.ts'
import type { Presentation } from '../../src/render/presentation.ts'

const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

function citation(over: Partial<Citation> = {}): Citation {
  return {
    article: 'a1',
    title: 'An article',
    source: 'Enab Baladi',
    author: null,
    date: '2018-05-03',
    url: null,
    paragraph: 4,
    quote: 'The committee accepted the terms.',
    ...over,
  }
}

const words = (n: number, word = 'word') => Array.from({ length: n }, (_, i) => `${word}${i}`).join(' ')

describe('cutText keeps text within a limit at a boundary', () => {
  it('leaves text that fits alone, at exactly the limit', () => {
    const text = 'x'.repeat(256)
    expect(cutText(text, 256)).toBe(text)
  })

  it('cuts one past the limit after a whole word, with an ellipsis', () => {
    const text = `${'abcd '.repeat(51)}z` // 256 characters
    const cut = cutText(text, 255)
    expect(cut.length).toBeLessThanOrEqual(255)
    expect(cut).toMatch(/abcd…$/)
  })

  it('prefers the end of a sentence when it keeps most of the text', () => {
    const text = `${'First sentence is here. '.repeat(8)}And a last one that runs on and on`
    const cut = cutText(text, 200)
    expect(cut.length).toBeLessThanOrEqual(200)
    expect(cut).toMatch(/here\. …$/)
  })

  it.each([
    ['emoji (surrogate pairs)', '😀'.repeat(300)],
    ['one long word', 'x'.repeat(5000)],
    ['combining marks', 'é'.normalize('NFD').repeat(400)],
  ])('never splits %s', (_, text) => {
    for (const max of [1, 2, 99, 100, 101, 255, 256, 1024]) {
      const cut = cutText(text, max)
      expect(cut.length).toBeLessThanOrEqual(max)
      expect(cut).not.toMatch(LONE)
    }
  })
})

describe('escaping: corpus text and user input show as typed, never as markup or mentions', () => {
  it.each([
    ['@everyone and @here', '\\@everyone and \\@here'],
    ['<@123456789012345678> <#1> <@&2>', '\\<\\@123456789012345678\\> \\<#1\\> \\<\\@&2\\>'],
    [
      '**bold** __under__ ~~strike~~ `code` ||spoiler||',
      '\\*\\*bold\\*\\* \\_\\_under\\_\\_ \\~\\~strike\\~\\~ \\`code\\` \\|\\|spoiler\\|\\|',
    ],
    ['[click](https://evil.example)', '\\[click\\](https://evil.example)'],
    ['# Heading\n> quote\n- item\n1. first', '\\# Heading\n\\> quote\n\\- item\n\\1. first'],
    ['back\\slash', 'back\\\\slash'],
    ['al-Azza, 3 - 4', 'al-Azza, 3 - 4'],
  ])('%j', (input, escaped) => {
    expect(escapeMarkdown(input)).toBe(escaped)
  })

  it('drops control characters and bidi overrides, keeps newlines, mends lone surrogates', () => {
    expect(sanitize('a\u0000b\u0007c\u202Ed\r\ne\tf\uD800g')).toBe('abcd\ne f\uFFFDg')
  })
})

describe('fitMarkdown: highlights in bold, cut without leaving a construct open', () => {
  it('closes a bold run that the cut falls inside', () => {
    const out = fitMarkdown([{ text: 'before ' }, { text: words(200), bold: true }], 300)
    expect(out.length).toBeLessThanOrEqual(300)
    expect(out.match(/\*\*/g)?.length).toBe(2)
    expect(out).toMatch(/\*\*…$/)
  })

  it('never cuts between a backslash and the character it escapes', () => {
    for (let max = 5; max < 60; max++) {
      const out = fitMarkdown([{ text: '*_'.repeat(100) }], max)
      expect(out.length).toBeLessThanOrEqual(max)
      expect(out.replace(/…$/, '')).toMatch(/^(\\[*_])*$/)
    }
  })
})

describe('citationField: a numbered citation within a field', () => {
  it('shows the quote as a block quote, then publisher, date, paragraph and article id', () => {
    const f = citationField(3, citation({ url: 'https://example.org/a1' }))
    expect(f.name).toBe('[3] An article')
    expect(f.value).toBe(
      '> The committee accepted the terms.\nEnab Baladi, 2018-05-03 · ¶4 · `a1` · [link](https://example.org/a1)',
    )
  })

  it('cuts a quote and a title past the field limits', () => {
    const f = citationField(1, citation({ quote: words(600), title: words(100) }))
    expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue)
    expect(f.name.length).toBeLessThanOrEqual(LIMITS.fieldName)
    expect(f.value).toMatch(/…\n/)
  })

  it('leaves out a link whose URL could break out of markdown', () => {
    expect(citationField(1, citation({ url: 'https://x.org/a)[b](c' })).value).not.toContain('[link]')
  })
})

describe('renderPages: every page within every Discord limit', () => {
  const line = '5 articles · 53 passages'

  it('fits a short answer on one page with the corpus size in the footer', () => {
    const pages = renderPages(
      {
        title: 'T',
        lead: 'One answer.',
        sections: [{ items: [{ text: 'x', cites: [1] }] }],
        citations: [citation()],
      },
      line,
    )
    expect(pages).toHaveLength(1)
    expect(pages[0]?.footer?.text).toBe(line)
    expect(pages[0]?.fields).toHaveLength(1)
  })

  it('puts the corpus size before an answer’s own footer', () => {
    const pages = renderPages({ title: 'T', sections: [], citations: [], footer: 'confidence 0.75' }, line)
    expect(pages[0]?.footer?.text).toBe(`${line} · confidence 0.75`)
  })

  it('cuts a title past 256 characters', () => {
    const pages = renderPages({ title: words(100), sections: [], citations: [] }, line)
    expect(pages[0]?.title?.length).toBeLessThanOrEqual(LIMITS.title)
    expect(pages[0]?.title).toMatch(/…$/)
  })

  it('pages a description past 4096 characters, numbering pages in the footer', () => {
    const items = Array.from({ length: 40 }, (_, i) => ({ text: `item ${i} ${words(40)}` }))
    const pages = renderPages({ title: 'Many', sections: [{ heading: 'All', items }], citations: [] }, line)
    expect(pages.length).toBeGreaterThan(1)
    pages.forEach((p, i) => {
      expect(embedProblems([p])).toEqual([])
      expect(p.footer?.text).toBe(`${line} · page ${i + 1}/${pages.length}`)
    })
    const shown = pages.map((p) => p.description).join('\n')
    for (let i = 0; i < 40; i++) expect(shown).toContain(`item ${i} `)
  })

  it('cuts one item past its own limit at a word', () => {
    const pages = renderPages(
      { title: 'T', sections: [{ items: [{ text: words(2000) }] }], citations: [] },
      line,
    )
    expect(pages[0]?.description?.length).toBeLessThanOrEqual(ITEM_CHARS)
    expect(pages[0]?.description).toMatch(/word\d+…$/)
  })

  it('pages past 25 fields', () => {
    const citations = Array.from({ length: 60 }, (_, i) => citation({ paragraph: i + 1, quote: 'q' }))
    const pages = renderPages({ title: 'T', sections: [], citations }, line)
    expect(pages.length).toBe(3)
    for (const p of pages) expect(embedProblems([p])).toEqual([])
    expect(pages.flatMap((p) => p.fields ?? []).map((f) => f.name.match(/^\[(\d+)\]/)?.[1])).toEqual(
      citations.map((_, i) => String(i + 1)),
    )
  })

  it('shows every item on the summary page, quotes shortened, then the full quotes on quotes pages', () => {
    const citations = Array.from({ length: 12 }, (_, i) => citation({ paragraph: i + 1, quote: words(200) }))
    const items = citations.map((_, i) => ({ text: `finding ${i}`, cites: [i + 1, 1] }))
    const pages = renderPages({ title: 'T', sections: [{ items }], citations }, line)
    for (const p of pages) expect(embedProblems([p])).toEqual([])
    expect(pages[0]?.description?.split('\n')).toHaveLength(12)
    expect(pages[0]?.fields?.map((f) => f.name.match(/^\[(\d+)\]/)?.[1])).toEqual(
      citations.map((_, i) => String(i + 1)),
    )
    expect(pages[0]?.fields?.[0]?.value).toMatch(/^> word0 .*…\n/)
    expect(pages[1]?.description).toBe('**Quotes in full**')
    const quoted = pages.slice(1).flatMap((p) => p.fields ?? [])
    expect(quoted.map((f) => f.name)).toEqual(citations.map((_, i) => `[${i + 1}] An article`))
    expect(quoted[0]?.value.length).toBeGreaterThan(900)
  })

  it('puts each item on one line, a blank line before each section, and the citations under them', () => {
    const citations = [citation({ quote: 'first' }), citation({ quote: 'second', paragraph: 9 })]
    const pages = renderPages(
      {
        title: 'T',
        lead: 'Two findings.',
        sections: [
          {
            heading: 'One',
            items: [
              { text: 'a', cites: [2] },
              { text: 'b', cites: [1] },
            ],
          },
          { heading: 'Two', items: [{ text: 'c' }] },
        ],
        citations,
      },
      line,
    )
    expect(pages).toHaveLength(1)
    expect(pages[0]?.description).toMatchInlineSnapshot(`
      "Two findings.

      **One**
      • a [2]
      • b [1]

      **Two**
      • c"
    `)
    expect(pages[0]?.fields).toMatchInlineSnapshot(`
      [
        {
          "name": "[1] An article",
          "value": "> first
      Enab Baladi, 2018-05-03 · ¶4 · \`a1\`",
        },
        {
          "name": "[2] An article",
          "value": "> second
      Enab Baladi, 2018-05-03 · ¶9 · \`a1\`",
        },
      ]
    `)
  })

  it('renders a real search answer from the corpus within limits, escaped', () => {
    const { kb } = openKnowledgeBase({ corpusPath: 'corpus', cacheDir: null })
    const presentation = search.present(search.run(kb, { query: 'military police', limit: 50 }), kb)
    const pages = renderPages(presentation, corpusLine(kb))
    for (const p of pages) expect(embedProblems([p])).toEqual([])
    expect(pages[0]?.description).toContain('**military**')
  })

  const text = fc.string({ unit: 'binary', maxLength: 3000 })
  const arbitraryPresentation: fc.Arbitrary<Presentation> = fc.record({
    title: text,
    lead: text,
    sections: fc.array(
      fc.record({
        heading: text,
        items: fc.array(fc.record({ text, cites: fc.array(fc.nat(30), { maxLength: 8 }) }), {
          maxLength: 20,
        }),
      }),
      { maxLength: 4 },
    ),
    citations: fc.array(
      fc
        .record({ title: text, quote: text, article: text, source: text, paragraph: fc.nat() })
        .map((c) => citation(c)),
      { maxLength: 30 },
    ),
    suggestions: fc.array(text, { maxLength: 12 }),
    footer: text,
  })

  it('keeps any presentation, however odd its text, within limits and free of lone surrogates', () => {
    fc.assert(
      fc.property(arbitraryPresentation, (p) => {
        const pages = renderPages(p, line)
        expect(pages.length).toBeGreaterThan(0)
        for (const page of pages) expect(embedProblems([page])).toEqual([])
      }),
      { numRuns: 150 },
    )
  })
})
