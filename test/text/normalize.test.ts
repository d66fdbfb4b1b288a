import { describe, expect, it } from 'vitest'
import { foldPhrase, searchTerm, searchTerms } from '../../src/text/normalize.ts'
import { seedKnowledgeBase } from '../helpers.ts'

describe('one normalisation for index and queries', () => {
  it.each([
    ['Jaish al-Azza', 'Jaysh al-Azza'],
    ['jeish al azza', 'JAYSH AL-AZZA'],
    ['Failaq al-Sham', 'Faylaq al-Sham'],
    ["Hay'at Tahrir al-Sham", 'Hayat Tahrir al-Sham'],
    ['Hayʾat Tahrir al-Shaam', 'Hay’at Tahrir al-Sham'],
    ["al-Wa'er", 'Waer'],
    ['al-Waʿer', 'El-Waer'],
    ['Qalamoun', 'Qalamun'],
    ['Jaysh al-Tawheed', 'Jaish al-Tawhid'],
    ['Zaman al-Wasl', 'Zaman Al Wasl'],
    ['Dūmā', 'Duma'],
    ['Assad’s forces', 'Assad forces'],
    ['Syrias', 'Syria'],
    ['Ahrar ash-Sham', 'Ahrar al-Sham'],
    ['ad-Dumayr', 'al-Dumayr'],
  ])('folds %j and %j to one form', (a, b) => {
    expect(foldPhrase(a)).toBe(foldPhrase(b))
  })

  it('leaves the article al/el and common words out of the search terms', () => {
    expect(searchTerms('The rejection of al-Waer and el-Bab')).toEqual(['rejection', 'waer', 'bab'])
  })

  it('splits hyphenated names into words', () => {
    expect(searchTerms('Harakat Ahrar al-Sham al-Islamiyya')).toEqual([
      'harakat',
      'ahrar',
      'sham',
      'islamiya',
    ])
  })

  it('gives no term for punctuation or an empty word', () => {
    expect(searchTerm('')).toBeNull()
    expect(searchTerms('— … ?!')).toEqual([])
  })
})

describe('searching in any spelling', () => {
  const kb = seedKnowledgeBase()
  const topTitles = (q: string) =>
    kb.index
      .search(q)
      .slice(0, 3)
      .map((r) => kb.articles.get(kb.passages.get(String(r.id))?.articleId ?? '')?.title)

  it.each([
    ['Jaish al-Azza', 'Jaysh al-Azza Takes a Decisive Stance'],
    ['jeish al izza azza', 'Jaysh al-Azza Takes a Decisive Stance'],
    ['failaq al-rabia', 'Jaysh al-Tawhid and the Rastan'],
    ['al-Wa’er', 'Syrian Armed opposition militants to leave'],
    ['Qalamun', 'Russia to broker new reconciliation deal'],
  ])('finds %j', (query, title) => {
    expect(topTitles(query).some((t) => t?.startsWith(title))).toBe(true)
  })

  it('tolerates a typo in a longer word', () => {
    expect(topTitles('Alexandr Zoriev').some((t) => t?.includes('10-Item Deal'))).toBe(true)
    expect(topTitles('conscirption').length).toBeGreaterThan(0)
  })

  it('matches the word being typed as a prefix', () => {
    expect(topTitles('Russian representative Zor').some((t) => t?.includes('10-Item Deal'))).toBe(true)
  })

  it('does not match short names loosely', () => {
    expect(kb.index.search('Hama').length).toBeLessThan(kb.index.search('Homs').length)
    expect(kb.index.search('Homz')).toEqual([])
  })
})
