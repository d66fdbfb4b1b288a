import { describe, expect, it } from 'vitest'
import { baseForm, lemmasOf } from '../../src/text/lemma.ts'

describe('English base forms, one lemmatiser for the stance rules and ask', () => {
  it('gives a word with its verb, noun and adjective lemmas', () => {
    expect(lemmasOf('rejected')).toContain('reject')
    expect(lemmasOf('took')).toContain('take')
    expect(lemmasOf('buses')).toContain('bus')
    expect(lemmasOf('rejected')).toContain('rejected')
  })
  it('leaves a word not of English letters as it is', () => {
    expect([...lemmasOf('رفض')]).toEqual(['رفض'])
    expect([...lemmasOf('4th')]).toEqual(['4th'])
  })
  it('takes the verb lemma of an inflected verb, else the noun lemma', () => {
    expect(baseForm('left')).toBe('leave')
    expect(baseForm('buses')).toBe('bus')
    expect(baseForm('un')).toBe('un')
  })
})
