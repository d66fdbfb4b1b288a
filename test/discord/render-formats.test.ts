import { describe, expect, it } from 'vitest'
import type { Citation } from '../../src/answers/citation.ts'
import { renderMarkdown } from '../../src/render/markdown.ts'
import type { Presentation } from '../../src/render/presentation.ts'
import { renderText } from '../../src/render/text.ts'
import { confidenceWords, plural } from '../../src/render/words.ts'

const citation = (over: Partial<Citation> = {}): Citation => ({
  article: 'a1',
  title: 'Rebels hand over weapons',
  source: 'Enab Baladi',
  author: 'Reem Hamza',
  date: '2018-05-03',
  url: 'https://example.org/a1',
  paragraph: 4,
  quote: 'The committee accepted the terms of the agreement on Wednesday.',
  ...over,
})

// A term whose text is the whole sentence it quotes, and one that is a gist of its quote.
const answer: Presentation = {
  title: 'Northern Homs agreement',
  lead: 'Status: agreed (2018-05-02)',
  sections: [
    {
      heading: 'Weapons handover',
      items: [
        { text: 'The committee accepted the terms of the agreement on Wednesday', cites: [1] },
        { text: 'Hand over *heavy* weapons', cites: [2], highlights: [[10, 17]] },
      ],
    },
  ],
  citations: [
    citation(),
    citation({
      article: 'b2',
      paragraph: 8,
      source: null,
      author: null,
      url: null,
      quote: 'Hand over *heavy* weapons and some medium weapons by Thursday.',
    }),
  ],
  footer: 'Sure',
}

describe('renderText: the command line', () => {
  it('prints each quote once: a source whose quote an item already shows is only named', () => {
    expect(renderText(answer)).toMatchInlineSnapshot(`
      "Northern Homs agreement

      Status: agreed (2018-05-02)

      Weapons handover
        • The committee accepted the terms of the agreement on Wednesday [1]
        • Hand over *heavy* weapons [2]

      Sources
        [1] Rebels hand over weapons — Enab Baladi, Reem Hamza, 2018-05-03, ¶4 (a1)
        [2] “Hand over *heavy* weapons and some medium weapons by Thursday.”
            Rebels hand over weapons — 2018-05-03, ¶8 (b2)

      Sure
      "
    `)
  })

  it('shows highlights in bold on a terminal and as plain text when piped (no *markers*)', () => {
    expect(renderText(answer, { color: true })).toContain('\u001b[1m*heavy*\u001b[0m')
    expect(renderText(answer)).toContain('Hand over *heavy* weapons [2]')
    expect(renderText(answer)).not.toMatch(/\*\*heavy/)
  })
})

describe('renderMarkdown: to paste', () => {
  it('lists the items with footnote references and cites title, publisher, date, paragraph and URL', () => {
    expect(renderMarkdown(answer)).toMatchInlineSnapshot(`
      "## Northern Homs agreement

      Status: agreed (2018-05-02)

      **Weapons handover**

      - The committee accepted the terms of the agreement on Wednesday [^1]
      - Hand over **\\*heavy\\*** weapons [^2]

      *Sure*

      [^1]: “The committee accepted the terms of the agreement on Wednesday.” — *Rebels hand over weapons*, Enab Baladi, Reem Hamza, 2018-05-03, ¶4. <https://example.org/a1>
      [^2]: “Hand over \\*heavy\\* weapons and some medium weapons by Thursday.” — *Rebels hand over weapons*, 2018-05-03, ¶8.
      "
    `)
  })
})

describe('words for people', () => {
  it.each([
    [1, 'article', '1 article'],
    [0, 'article', '0 articles'],
    [2, 'passage', '2 passages'],
  ])('plural(%i, %s) is %s', (n, noun, shown) => expect(plural(n, noun)).toBe(shown))

  it.each([
    [0.95, 'sure'],
    [0.6, 'fairly sure'],
    [0.3, 'not sure: check the quotes'],
  ])('confidence %f reads “%s”', (c, words) => expect(confidenceWords(c)).toBe(words))
})
