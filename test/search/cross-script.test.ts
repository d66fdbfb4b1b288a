import { describe, expect, it } from 'vitest'
import { search } from '../../src/answers/search.ts'
import { namesAcrossScripts } from '../../src/search/cross-script.ts'
import { loadPlaces } from '../../src/search/places.ts'
import { arabicSkeleton, latinSkeleton, transliterations } from '../../src/text/transliterate.ts'
import { ARABIC_ARTICLES } from '../fixtures/arabic/articles.ts'
import { knowledgeBaseOf } from '../helpers.ts'

describe('rule-based transliteration', () => {
  it('renders an Arabic name in its usual Latin spellings', () => {
    expect(transliterations('جيش')).toEqual(expect.arrayContaining(['Jaysh', 'Jaish']))
    expect(transliterations('الزبداني')[0]).toBe('al-Zabadani')
  })

  it.each([
    ['الزبداني', 'Zabadani'],
    ['الزندين', 'Zandin'],
    ['سوتشي', 'Sochi'],
    ['حماة', 'Hamah'],
    ['الصنمين', 'Sanamayn'],
    ['الغوطة', 'Ghouta'],
  ])('gives %s and %s one consonant skeleton', (arabic, latin) => {
    expect(arabicSkeleton(arabic)).toBe(latinSkeleton(latin))
  })

  it('tells different names apart', () => {
    expect(arabicSkeleton('حمص')).not.toBe(latinSkeleton('Hama'))
  })
})

describe('the places table', () => {
  it('lists the governorates with their Arabic names', () => {
    const table = loadPlaces()
    expect(table.places.filter((p) => p.kind === 'governorate')).toHaveLength(14)
    expect(namesAcrossScripts('Deraa')).toContain('درعا')
    expect(namesAcrossScripts('الرستن')).toContain('Rastan')
  })

  it('finds armed groups across scripts through the gazetteer', () => {
    expect(namesAcrossScripts('أحرار الشام')).toContain('Ahrar al-Sham')
  })
})

describe('search across scripts', () => {
  const kb = knowledgeBaseOf(ARABIC_ARTICLES)

  it('finds the Arabic article for a Latin name, and the English one for an Arabic name', () => {
    const articles = (q: string) => search(kb, q).results.map((r) => r.citation.article)
    expect(articles('Rastan')).toContain('rastan-ar')
    expect(articles('الرستن')).toContain('rastan-en')
  })

  it('finds an Arabic word in its other forms', () => {
    const quotes = search(kb, 'التسوية').results.map((r) => r.citation.quote)
    expect(quotes.some((q) => q.includes('تسوية'))).toBe(true)
  })
})
