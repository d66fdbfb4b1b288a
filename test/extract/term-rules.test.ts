import { describe, expect, it } from 'vitest'
import { termRuleOf } from '../../src/extract/agreement-terms.ts'
import { LIST_INTRO_RULES, listIntro, TERM_SENTENCE_RULES } from '../../src/extract/term-rules.ts'

describe('the term rules: each rule’s examples are its tests', () => {
  const ids = [...TERM_SENTENCE_RULES, ...LIST_INTRO_RULES].map((r) => r.id)
  it('have unique ids', () => expect(new Set(ids).size).toBe(ids.length))

  it.each(TERM_SENTENCE_RULES.flatMap((r) => r.examples.map((e) => [r.id, e] as const)))(
    'sentence rule %s finds a term in: %s',
    (id, sentence) => {
      expect(TERM_SENTENCE_RULES.find((r) => r.id === id)?.re.test(sentence)).toBe(true)
      expect(termRuleOf(sentence)).not.toBeNull()
    },
  )

  it.each(TERM_SENTENCE_RULES.flatMap((r) => r.counterExamples.map((e) => [r.id, e] as const)))(
    'sentence rule %s finds none in: %s',
    (id, sentence) => {
      expect(TERM_SENTENCE_RULES.find((r) => r.id === id)?.re.test(sentence)).toBe(false)
    },
  )

  it.each(LIST_INTRO_RULES.flatMap((r) => r.examples.map((e) => [r.id, e] as const)))(
    'list intro %s opens a list in: %s',
    (id, sentence) => {
      expect(LIST_INTRO_RULES.find((r) => r.id === id)?.re.test(sentence)).toBe(true)
      expect(listIntro(sentence)).not.toBeNull()
    },
  )

  it.each(LIST_INTRO_RULES.flatMap((r) => r.counterExamples.map((e) => [r.id, e] as const)))(
    'list intro %s opens none in: %s',
    (id, sentence) => {
      expect(LIST_INTRO_RULES.find((r) => r.id === id)?.re.test(sentence)).toBe(false)
    },
  )

  it('tell where an inline list starts after its intro', () => {
    const s = 'Under the agreement: the fighters leave; the army enters.'
    expect(s.slice(listIntro(s)?.end)).toBe('the fighters leave; the army enters.')
  })
})

describe('sentences that state no term', () => {
  it.each([
    'Jaysh al-Izza later agreed to the truce, the group’s spokesman said.',
    'The committee agreed to the deal.',
    'The rebels rejected the offer to leave with light weapons.',
    'Both sides agreed to talks in Astana.',
  ])('%s', (sentence) => {
    expect(termRuleOf(sentence)).toBeNull()
  })

  it.each([
    'The rebels agreed to the truce’s condition that they leave within three days.',
    'The government agreed to release 500 detainees.',
  ])('but a term is still read in: %s', (sentence) => {
    expect(termRuleOf(sentence)).not.toBeNull()
  })
})
