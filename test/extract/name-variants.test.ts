import { describe, expect, it } from 'vitest'
import { consonants, mayBeMisspelling } from '../../src/extract/name-variants.ts'

describe('the consonants of a romanised Arabic word, as its spellings share them', () => {
  it.each([
    ['nusra', 'nsr'],
    ['nusrah', 'nsr'],
    ['fustat', 'fstt'],
    ['cham', 'shm'],
    ['islam', 'islm'],
  ])('%s → %s', (word, skeleton) => expect(consonants(word)).toBe(skeleton))
})

describe('a spelling that may be a misspelling of another (how often each is written aside)', () => {
  it('is one consonant away, word for word', () => {
    expect(mayBeMisspelling('jabhat nurah', 'jabhat nusra')).toBe(true)
    expect(mayBeMisspelling('katibat fardus', 'katibat firdaws')).toBe(true)
  })
  it('is not a name two consonants away, of other words, or of another word count', () => {
    expect(mayBeMisspelling('jaysh fastat', 'jaysh fatah')).toBe(false)
    expect(mayBeMisspelling('jaysh salam', 'jaysh islam')).toBe(false)
    expect(mayBeMisspelling('katibat nur', 'katibat nusra')).toBe(false)
    expect(mayBeMisspelling('jabhat nusra', 'nusra front')).toBe(false)
    expect(mayBeMisspelling('jabhat nusra', 'jabhat nusra')).toBe(false)
  })
})
