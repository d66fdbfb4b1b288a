import { describe, expect, it } from 'vitest'
import { seedKnowledgeBase } from '../helpers.ts'

const kb = seedKnowledgeBase()
const article = (prefix: string) => {
  const a = [...kb.articles.values()].find((x) => x.id.startsWith(prefix))
  if (!a) throw new Error(`no seed ${prefix}`)
  return a
}

describe('the five seed articles', () => {
  it.each([
    [
      '000',
      'Jaysh al-Tawhid and the Rastan Operations Room Factions Hand Over Their Heavy Weaponry to Russian Forces',
      '2018-05-03',
      'Alexander Falconer',
      null,
    ],
    [
      '001',
      'Displacement or Death: Russia Offers Homs Rebels 10-Item Deal',
      null,
      null,
      'The Syrian Observer',
    ],
    ['002', 'Syrian Armed opposition militants to leave Homs', null, null, null],
    [
      '003',
      'Jaysh al-Azza Takes a Decisive Stance Against the Reconciliation Agreement in Northern Homs',
      '2018-05-03',
      'Alexander Falconer',
      null,
    ],
    [
      '004',
      'Russia to broker new reconciliation deal in Eastern Qalamoun',
      '2017-07-17',
      null,
      'Zaman Al Wasl',
    ],
  ])('%s has its headline, date, author and publisher', (prefix, title, date, author, source) => {
    const a = article(prefix)
    expect(a.title).toBe(title)
    expect(a.date).toBe(date)
    expect(a.author).toBe(author)
    expect(a.source).toBe(source)
  })

  it('takes its id from the file name without extension', () => {
    expect([...kb.articles.keys()].sort()).toEqual([
      '000_42e839f33d9c5855',
      '001_5b4b42df90f05e6d',
      '002_180f760aaf991f0b',
      '003_d69801411e19aab7',
      '004_ca96faed848cebce',
    ])
  })

  it.each([
    'Logo Wide',
    'News Ticker',
    'Latest News',
    'London police say',
    'Established by Fathi Ibrahim Bayoud',
    'bloggers like this',
    'Comments (0)',
    'Post Your Comments',
    'fill all fields below',
    'confirmation code',
    'Translated By',
    'Helpful keywords',
    'Keywords:',
    '2017-07-17 02:41:43',
    'Alexander Falconer | 3 May',
  ])('leaves the boilerplate %j out of the indexed text', (junk) => {
    for (const a of kb.articles.values()) expect(a.text).not.toContain(junk)
  })

  it('keeps the translator and the keywords as metadata', () => {
    expect(article('000').meta.translator).toBe('Alexander Falconer')
    expect(article('004').meta.keywords).toBe('Syria Qalamoun')
  })

  it('drops footnote digits glued to a sentence', () => {
    const text = article('002').text
    expect(text).toContain('\nThe same happened in Homs.')
    expect(text).not.toMatch(/\d(The same|Now, in cooperation)/)
    expect(text).toContain('Now, in cooperation with Russia')
  })

  it('does not repeat the headline in the text', () => {
    for (const a of kb.articles.values()) expect(a.text).not.toContain(a.title)
  })

  it('makes each list item a passage of its own', () => {
    const items = kb.passagesByArticle.get(article('001').id)?.filter((p) => /^\d+ – /.test(p.text)) ?? []
    expect(items.map((p) => p.text.split(' – ')[0])).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
    ])
    expect(items[0]?.text).toBe(
      '1 – Hand over heavy weapons and some medium weapons by Thursday at 12:00 pm.',
    )
  })

  it('gives every passage a stable id, its paragraph number and sentence offsets into the article', () => {
    for (const [id, passages] of kb.passagesByArticle) {
      const text = kb.articles.get(id)?.text ?? ''
      passages.forEach((p, i) => {
        expect(p.id).toBe(`${id}#${i + 1}`)
        expect(p.paragraph).toBe(i + 1)
        expect(text.slice(p.start, p.end)).toBe(p.text)
        for (const s of p.sentences) {
          expect(s.start).toBeGreaterThanOrEqual(p.start)
          expect(s.end).toBeLessThanOrEqual(p.end)
        }
      })
    }
  })
})
