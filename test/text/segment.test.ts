import { describe, expect, it } from 'vitest'
import { MAX_PARAGRAPH_CHARS, paragraphSpans, sentenceSpans } from '../../src/text/segment.ts'

const sentences = (text: string) => sentenceSpans(text).map((s) => text.slice(s.start, s.end))
const paragraphs = (text: string) => paragraphSpans(text).map(({ span }) => text.slice(span.start, span.end))

describe('sentences', () => {
  it('end at . ! ? before a capital, a digit or a quote', () => {
    expect(sentences('One. Two! "Three?" 4 is four.')).toEqual(['One.', 'Two!', '"Three?"', '4 is four.'])
  })

  it('do not end after an abbreviation or an initial', () => {
    expect(sentences('Maj. Mohamed al-Ahmed spoke. Gen. J. Smith left at 12:00 p.m. on Thursday.')).toEqual([
      'Maj. Mohamed al-Ahmed spoke.',
      'Gen. J. Smith left at 12:00 p.m. on Thursday.',
    ])
  })

  it('keep a closing quote with the sentence it closes', () => {
    expect(sentences('They called it “humiliating.” The groups said no.')).toEqual([
      'They called it “humiliating.”',
      'The groups said no.',
    ])
  })
})

describe('paragraphs', () => {
  it('are separated by blank lines; list items stand alone', () => {
    const text = 'They are:\n\n1 – Hand over weapons.\n2 – Secure exit.\n\nAfter the list.'
    expect(paragraphs(text)).toEqual([
      'They are:',
      '1 – Hand over weapons.',
      '2 – Secure exit.',
      'After the list.',
    ])
  })

  it('join hard-wrapped lines', () => {
    expect(paragraphs('A short line that\nwraps onto the next.')).toEqual([
      'A short line that\nwraps onto the next.',
    ])
  })

  it('are cut between sentences when a text has no breaks', () => {
    const text = Array.from(
      { length: 60 },
      (_, i) => `Sentence number ${i} says something about the talks.`,
    ).join(' ')
    const parts = paragraphs(text)
    expect(parts.length).toBeGreaterThan(1)
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(MAX_PARAGRAPH_CHARS)
    expect(parts.join(' ')).toBe(text)
  })
})
