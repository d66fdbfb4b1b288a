import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import cityTable from '../../data/cities.json' with { type: 'json' }
import countryTable from '../../data/countries.json' with { type: 'json' }
import {
  ANSWER_TYPES,
  type AskedType,
  detectAnswerType,
  entitySpans,
  isPersonName,
} from '../../src/answers/ask/answer-types.ts'
import { CityTable, CountryTable, mentionsIn } from '../../src/answers/ask/entities.ts'
import { parseQuestion, questionProper } from '../../src/answers/ask/question.ts'
import { type AskAnswer, ask } from '../../src/answers/ask.ts'
import { openKnowledgeBase } from '../../src/knowledge/open.ts'
import { loadPlaces } from '../../src/search/places.ts'
import { isVerbatim } from '../helpers.ts'

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'ask-types')

describe('data/answer-types.json: each type’s examples ask for it, its counter-examples do not', () => {
  it.each(ANSWER_TYPES.map((t) => [t.id, t] as const))('%s', (id, t) => {
    for (const q of t.examples) expect(detectAnswerType(questionProper(q))?.id, q).toBe(id)
    for (const q of t.counterExamples) expect(detectAnswerType(questionProper(q))?.id, q).not.toBe(id)
  })

  it('has unique ids', () => {
    const ids = ANSWER_TYPES.map((t) => t.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('reads a plural, a count and a preposition of place, before the cue or stranded after it', () => {
    const transit = detectAnswerType('Which two countries did the wounded pass through')
    expect(transit).toMatchObject({ class: 'country', plural: true, located: true, preposition: 'through' })
    expect(detectAnswerType('What country hosted the talks')).toMatchObject({ plural: false, located: false })
    // (The type's noun and count are not searched for: a country's name answers them.)
    expect(parseQuestion('Which two countries brokered the deal?').terms).toEqual(['brokered', 'deal'])
  })

  it('turns "what was the number of…" into a count of what follows', () => {
    const q = parseQuestion('What was the number of ambulances in the convoy?')
    expect(q.kind).toBe('how-many')
    expect(q.unit).toBe('ambulance')
  })
})

describe('the gazetteers: data/countries.json and data/cities.json', () => {
  const countries = CountryTable.parse(countryTable).countries
  const cities = CityTable.parse(cityTable).cities

  it('has unique ids, and every city lies in a listed country', () => {
    expect(new Set(countries.map((c) => c.id)).size).toBe(countries.length)
    expect(new Set(cities.map((c) => c.id)).size).toBe(cities.length)
    for (const c of cities) expect(countries.map((x) => x.id)).toContain(c.country)
  })

  it('lists no Syrian place again (data/places.json has them)', () => {
    const syrian = new Set(
      loadPlaces().places.flatMap((p) => [p.name, ...p.aliases].map((n) => n.toLowerCase())),
    )
    for (const c of cities)
      for (const n of [c.name, ...c.aliases]) expect(syrian.has(n.toLowerCase()), n).toBe(false)
  })

  it.each([
    ['negotiated by Turkish intelligence and the Russian military', ['turkey', 'russia']],
    ['crossed into Lebanon and were flown to Gaziantep', ['lebanon', 'gaziantep']],
    ['US and U.S. officials, but not "us"', ['united-states', 'united-states']],
    ['towards jordan, a lower-case word', []],
    ['وصلوا إلى الأردن ثم تركيا', ['jordan', 'turkey']],
  ])('finds the entities in "%s"', (text, ids) => {
    expect(mentionsIn(text).map((m) => m.id)).toEqual(ids)
  })
})

describe('answers of the type asked, in a sentence', () => {
  const spans = (question: string, sentence: string) => {
    const asked = detectAnswerType(questionProper(question)) as AskedType
    return entitySpans(sentence, 0, sentence.length, asked).sort((a, b) => b.score - a.score)
  }

  it('names the countries of demonyms, a coordinated list as one answer', () => {
    const [best] = spans(
      'Which countries negotiated the truce?',
      'It was negotiated by Turkish and Russian officers.',
    )
    expect(best?.text).toBe('Turkey and Russia')
  })

  it('keeps the "or" of a list of alternatives', () => {
    const [best] = spans('Where did they ask to go?', 'They asked for a route towards Jordan or Turkey.')
    expect(best?.text).toBe('Jordan or Turkey')
  })

  it('gathers every place a plural where-question’s subject passes, but not the country it frames', () => {
    const [best] = spans(
      'Through which countries were the wounded taken?',
      'They crossed into Lebanon, were escorted by Lebanese police and flown to Hatay in Turkey before returning to Syria.',
    )
    expect(best?.text).toBe('Lebanon and Turkey')
  })

  it('never takes a city for a country (Ankara is no answer to "which countries")', () => {
    const found = spans('Which two countries brokered the deal?', 'Ankara brokered the deal with Moscow.')
    expect(found).toEqual([])
  })

  it('weighs a country that is only a source less than one that acts', () => {
    const [best] = spans(
      'Which country mediated the exchange?',
      'According to Jordanian sources, the exchange was mediated by Qatar.',
    )
    expect(best?.text).toBe('Qatar')
  })

  it('tells a person’s name from a body’s or a place’s', () => {
    expect(isPersonName('Mahmoud Salem')).toBe(true)
    expect(isPersonName('Central Committee')).toBe(false)
    expect(isPersonName('Turkey')).toBe(false)
    expect(isPersonName('ICRC')).toBe(false)
  })
})

describe('ask on fixture articles: the answer is of the type the question asks for', () => {
  const { kb } = openKnowledgeBase({ corpusPath: FIXTURES, cacheDir: null })

  const expectVerbatim = (a: AskAnswer) => {
    for (const c of a.citations)
      expect(isVerbatim(c.quote, kb.articles.get(c.article)?.text ?? '')).toBe(true)
  }

  it.each([
    ['Which countries mediated the Ain Tabaq exchange?', 'Qatar and Turkey', 'mediated by Qatari diplomats'],
    ['Which two countries mediated the exchange?', 'Qatar and Turkey', 'mediated by Qatari diplomats'],
    ['In which city did the Ain Tabaq talks open?', 'Doha', 'opened in Doha'],
    [
      'Through which countries were the wounded from Ain Tabaq taken?',
      'Jordan and Turkey',
      'crossed into Jordan',
    ],
    [
      'Which countries did the wounded from Ain Tabaq pass through?',
      'Jordan and Turkey',
      'crossed into Jordan',
    ],
    [
      'Where did the fighters who refused the exchange ask to go?',
      'Idlib or Lebanon',
      'go to Idlib or Lebanon',
    ],
    ['How many people left Ain Tabaq in total?', '2,950 people', 'In total, 2,950 people'],
    [
      'What was the number of ambulances in the convoy of the wounded?',
      '14 ambulances',
      'included 14 ambulances',
    ],
    [
      'Which official said the fighters had until Saturday to hand over their weapons?',
      'Mahmoud Salem',
      'Salem',
    ],
  ])('%s → %s', (question, want, quoted) => {
    const a = ask(kb, question)
    expect(a.answer).toBe(want)
    expect(a.confidence).toBeGreaterThanOrEqual(0.5)
    expect(a.citations[0]?.quote).toContain(quoted)
    expectVerbatim(a)
  })

  it.each([
    'Which countries mediated the Minsk agreements?',
    'In which city were the Dayton talks held?',
    'What is the capital of Australia?',
  ])('says nothing rather than a country or city of the wrong question: %s', (question) => {
    const a = ask(kb, question)
    expect(a.answer === null || a.confidence < 0.5).toBe(true)
  })
})
