import { describe, expect, it } from 'vitest'
import {
  arabicTerm,
  normalizeArabic,
  normalizeArabicWithOffsets,
  westernDigits,
} from '../../src/text/arabic.ts'
import { foldPhrase, searchTerms, words } from '../../src/text/normalize.ts'

describe('Arabic normalisation', () => {
  it('removes diacritics and tatweel', () => {
    expect(normalizeArabic('وَقَّعَ')).toBe('وقع')
    expect(normalizeArabic('اتفـــاق')).toBe('اتفاق')
  })

  it.each([
    ['أحرار', 'احرار'],
    ['إدلب', 'ادلب'],
    ['آذار', 'اذار'],
    ['تسوية', 'تسويه'],
    ['مصطفى', 'مصطفي'],
  ])('folds the letter variants of %s', (word, folded) => {
    expect(normalizeArabic(word)).toBe(folded)
  })

  it('reads Eastern Arabic digits as digits', () => {
    expect(westernDigits('١٥ حافلة و۴۸ ساعة')).toBe('15 حافلة و48 ساعة')
    expect(searchTerms('١٥')).toEqual(searchTerms('15'))
  })

  it('keeps the offsets of the original text', () => {
    const original = 'وَقَّعَ الاتفـاق'
    const { text, offsets } = normalizeArabicWithOffsets(original)
    expect(text).toBe('وقع الاتفاق')
    const at = text.indexOf('الاتفاق')
    expect(original.slice(offsets[at], offsets[at + 'الاتفاق'.length])).toBe('الاتفـاق')
  })

  it.each([
    ['والاتفاق', 'اتفاق'],
    ['بالتسوية', 'التسوية'],
    ['للتحرير', 'تحرير'],
    ['والهامة', 'الهامة'],
    ['اتفاقية', 'الاتفاق'],
  ])('finds %s by %s: article, prefixes and suffixes removed', (a, b) => {
    expect(arabicTerm(a)).toBe(arabicTerm(b))
  })

  it('leaves a place’s name (data/places.json) unstemmed: Qudsaya is not Jerusalem', () => {
    expect(arabicTerm('قدسيا')).not.toBe(arabicTerm('القدس'))
    expect(arabicTerm('وقدسيا')).toBe(arabicTerm('قدسيا'))
    expect(arabicTerm('بقدسيا')).toBe(arabicTerm('قدسيا'))
  })

  it('does not read a word that starts with waw as a conjunction', () => {
    expect(arabicTerm('وافقت')).toBe(arabicTerm('وافق'))
    expect(arabicTerm('وافقت')).not.toBe(arabicTerm('افق'))
  })

  it('drops small words and keeps words whole when they carry marks', () => {
    expect(arabicTerm('في')).toBeNull()
    expect(words('وقّع الاتفاق').map((w) => w.word)).toEqual(['وقّع', 'الاتفاق'])
    expect(foldPhrase('«أحرار الشام»')).toBe(foldPhrase('احرار الشّام'))
  })
})
