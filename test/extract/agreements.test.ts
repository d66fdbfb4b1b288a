import { describe, expect, it } from 'vitest'
import { isTermSentence, splitListItems } from '../../src/extract/agreement-terms.ts'
import { dateContext, sentenceDate } from '../../src/extract/event-dates.ts'
import { findPlaces } from '../../src/extract/places.ts'
import { categorize } from '../../src/extract/term-categories.ts'

const pieces = (text: string, from: number) =>
  splitListItems(text, { start: from, end: text.length }).map((s) => text.slice(s.start, s.end))

describe('a list run into a sentence is split into its items', () => {
  it('splits "the terms include: a, b, and c" at commas, dropping the "and"', () => {
    const text =
      'The terms include: the evacuation of heavy weapons, the release of all detainees, and the opening of the main road.'
    expect(pieces(text, 19)).toEqual([
      'the evacuation of heavy weapons',
      'the release of all detainees',
      'the opening of the main road',
    ])
  })

  it('splits at semicolons when there are any, keeping the commas inside an item', () => {
    const text =
      'Conditions: fighters leave with light, personal arms; civilians stay in their homes; the army stays out.'
    expect(pieces(text, 12)).toEqual([
      'fighters leave with light, personal arms',
      'civilians stay in their homes',
      'the army stays out',
    ])
  })

  it('joins a piece that continues the one before, and one too short to be an item', () => {
    const text =
      'items that included a ceasefire for two months, with the possibility of renewal, depending on events.'
    expect(pieces(text, 20)).toEqual([
      'a ceasefire for two months, with the possibility of renewal, depending on events',
    ])
    const weapons = 'Terms: heavy, the exit of fighters'
    expect(pieces(weapons, 7)).toEqual(['heavy, the exit of fighters'])
  })
})

describe('sentences that state an obligation or a permission are terms', () => {
  it.each([
    'Each militant is permitted to leave with a rifle and three magazines.',
    'After this period, locals will be subject to obligatory military conscription by the Syrian Army.',
    'According to it, the armed opposition has to withdraw its troops to the province of Idlib.',
    'They must hand over their personal weapons as part of the reconciliation.',
    'Fighters who refuse the agreement are permitted to leave for Idlib.',
    'The two sides agreed to the entry of Russian military police.',
  ])('%s', (sentence) => expect(isTermSentence(sentence)).toBe(true))

  it.each([
    'The agreement was rejected by the factions Tahrir al-Sham and Faylaq al-Sham.',
    'We will not break if we stand as one, but we will if we disperse.',
    'The factions agreed to negotiate with the regime to preserve civilian lives.',
    'The next few hours will be fateful for the rebel groups.',
    'Jaysh al-Tawhid handed over its heavy weaponry on Thursday.',
  ])('not: %s', (sentence) => expect(isTermSentence(sentence)).toBe(false))
})

describe('each term gets a category', () => {
  it.each([
    ['A mutual ceasefire in the region for two months', 'ceasefire'],
    ['Hand over heavy weapons and some medium weapons by Thursday at 12:00 pm', 'weapons handover'],
    ['the evacuation of all heavy and mid-range weapons from the region', 'weapons handover'],
    [
      'Secure exit for those who do not want to enter the agreement to northern Syria',
      'evacuation and safe passage',
    ],
    ['Regularize the status of defected officers', 'status settlement and amnesty'],
    [
      'Russian military police along with regime civilian police enter the countryside',
      'security and policing',
    ],
    ['the regime pledged to activate hospitals', 'state institutions and services'],
    ['A vow to review the status of prisoners in mid-May', 'detainees and prisoners'],
    ['Young men who dodged service will be called up for compulsory military service', 'conscription'],
    ['these civilians will be granted freedom of movement throughout the regions', 'freedom of movement'],
    ['Opening and protection of the public road', 'roads and access'],
    ['the cities are governed through locally elected councils', 'local governance'],
    ['the Russians had set a deadline of noon on Thursday', 'deadline'],
  ])('%s → %s', (term, category) => expect(categorize(term)).toBe(category))
})

describe('places are found by the words around them, without a gazetteer', () => {
  const names = (text: string) =>
    findPlaces(text).map((p) => [p.name, p.key, p.destination ?? false, p.within ?? null])

  it('reads countryside, governorate, district and "city of" forms', () => {
    expect(names('rebels in the northern Homs countryside and Homs Governorate')).toEqual([
      ['northern Homs countryside', 'northern homs', false, null],
      ['Homs', 'homs', false, null],
    ])
    expect(names('who were controlling Al-Waer district of Homs during the last three years')).toContainEqual(
      ['Al-Waer', 'waer', false, 'homs'],
    )
  })

  it('takes a body named after its town as a place, and a destination as no area', () => {
    expect(names('the Rastan Operations Room factions')).toEqual([['Rastan', 'rastan', false, null]])
    expect(names('Secure exit to northern Syria.')).toEqual([
      ['northern Syria', 'northern syria', true, null],
    ])
  })

  it('lists the towns a region consists of as lying in it', () => {
    const found = names(
      'The Eastern Qalamoun region consists of the cities and towns of Jeroud, Rahiba and al-Dumayr.',
    )
    expect(found).toContainEqual(['Jeroud', 'jerud', false, 'eastern qalamun'])
    expect(found).toContainEqual(['al-Dumayr', 'dumayr', false, 'eastern qalamun'])
  })
})

describe('dates of what a sentence tells', () => {
  it.each([
    ['We reject the proposal put forward on May 1, 2018.', '2018-05-03', '2018-05-01'],
    ['They handed over their weapons on Thursday.', '2018-05-03', '2018-05-03'],
    ['On Wednesday, the committee affirmed it had agreed.', '2018-05-03', '2018-05-02'],
    ['Those who disagree leave as of next Sunday.', '2018-05-03', '2018-05-06'],
    ['On March 14, the representatives signed a peace agreement.', '2017-07-01', '2017-03-14'],
  ])('%s (article of %s) → %s', (sentence, articleDate, expected) => {
    expect(sentenceDate(sentence, dateContext(articleDate, ''))).toBe(expected)
  })

  it('takes the year from the text when the article has no date', () => {
    expect(sentenceDate('on March 14, they signed', dateContext(null, 'extended until June 30, 2017'))).toBe(
      '2017-03-14',
    )
  })
})
