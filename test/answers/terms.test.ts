import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { terms } from '../../src/answers/terms.ts'
import termsCommand, { agreementChoices } from '../../src/commands/terms.ts'
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.ts'
import { renderText } from '../../src/render/text.ts'
import { isVerbatim, knowledgeBaseOf, seedKnowledgeBase } from '../helpers.ts'

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'terms')
const fixtureFiles = () =>
  Object.fromEntries(readdirSync(FIXTURES).map((f) => [f, readFileSync(join(FIXTURES, f), 'utf8')]))

/** Every term text and quote of an answer, for 'does it say X' checks. */
const told = (kb: KnowledgeBase, query: string) =>
  terms(kb, query).agreements.flatMap((a) =>
    a.terms.map((t) => [t.text, ...t.citations.map((c) => c.quote)].join(' ')),
  )

function expectVerbatim(kb: KnowledgeBase, query: string) {
  for (const a of terms(kb, query).agreements)
    for (const c of [...a.terms.flatMap((t) => t.citations), ...a.events.map((e) => e.citation)])
      expect(isVerbatim(c.quote, kb.articles.get(c.article)?.text ?? '')).toBe(true)
}

describe('terms on the seed corpus', () => {
  let kb: KnowledgeBase
  beforeAll(() => {
    kb = seedKnowledgeBase()
  })

  it('finds the three agreements the seeds report', () => {
    expect(kb.facts.agreements.map((a) => a.place).sort()).toEqual([
      'Al-Waer',
      'Eastern Qalamoun',
      'northern Homs countryside',
    ])
  })

  it('tells the Rastan deal item by item, from the 10-item list and from the agreement reached', () => {
    const [deal, ...others] = terms(kb, 'rastan').agreements
    expect(others).toEqual([])
    expect(deal?.terms.length).toBeGreaterThanOrEqual(12)
    const all = told(kb, 'rastan').join('\n')
    for (const words of [
      'defected officers',
      'public road',
      'rifle and three magazines',
      'full ceasefire',
      'mid-May',
    ])
      expect(all).toContain(words)
  })

  it('merges the three articles on northern Homs into one agreement, with its broker and history', () => {
    const deal = terms(kb, 'northern Homs').agreements[0]
    expect(deal?.articles).toBe(3)
    expect(deal).toMatchObject({ broker: 'Russia', status: 'implemented', date: '2018-05-02' })
    expect(deal?.places).toContain('Rastan')
    expect(deal?.events.map((e) => [e.status, e.date])).toEqual([
      ['proposed', '2018-05-01'],
      ['rejected', '2018-05-01'],
      ['agreed', '2018-05-02'],
      ['implemented', '2018-05-03'],
    ])
  })

  it('keeps the term Russia proposed apart from the one agreed, each with its status and citation', () => {
    const conscription = terms(kb, 'rastan')
      .agreements[0]?.terms.filter((t) => t.text.includes('18 and 42'))
      .map((t) => [t.category, t.status, t.version, t.citations.map((c) => c.article)])
    expect(conscription).toEqual([
      ['conscription', 'agreed', 'agreement', ['000_42e839f33d9c5855']],
      ['conscription', 'proposed', 'proposal', ['001_5b4b42df90f05e6d']],
    ])
  })

  it('splits the Eastern Qalamoun terms list into its items', () => {
    const deal = terms(kb, 'Eastern Qalamoun').agreements[0]
    expect(deal).toMatchObject({ broker: 'Russia', status: 'agreed', date: '2017-07-16' })
    expect(deal?.terms.map((t) => t.category)).toEqual(
      expect.arrayContaining(['ceasefire', 'weapons handover', 'security and policing', 'local governance']),
    )
    expect(
      deal?.terms.find((t) => t.text.includes('locally elected councils'))?.citations[0]?.paragraph,
    ).toBe(4)
  })

  it.each([
    ['Waer', 'Al-Waer'],
    ["al-Wa'er", 'Al-Waer'],
    ['AL WAER', 'Al-Waer'],
    ['Qalamoun', 'Eastern Qalamoun'],
    ['qalamun', 'Eastern Qalamoun'],
    ['the Rastan deal', 'northern Homs countryside'],
    ['northern Homs', 'northern Homs countryside'],
    ['Jeroud', 'Eastern Qalamoun'],
  ])('resolves %s to the %s agreement', (query, place) => {
    expect(terms(kb, query).agreements.map((a) => a.place)).toEqual([place])
  })

  it('answers a place with no agreement honestly: none, and the nearest names', () => {
    const answer = terms(kb, 'Aleppo')
    expect(answer.agreements).toEqual([])
    expect(answer.suggestions.length).toBeGreaterThan(0)
    expect(answer.suggestions).toContain('Al-Waer agreement')
  })

  it.each(['the deal', 'agreement', 'How'])(
    'lists the agreements to choose from for %j, which names none, instead of the terms of all',
    (query) => {
      const answer = terms(kb, query)
      expect(answer.agreements).toEqual([])
      expect([...answer.suggestions].sort()).toEqual([
        'Al-Waer agreement',
        'Eastern Qalamoun agreement',
        'Northern Homs countryside agreement',
      ])
    },
  )

  it('quotes every term and event verbatim', () => {
    for (const q of ['rastan', 'Qalamoun', 'Waer']) expectVerbatim(kb, q)
  })

  it('presents name, place, date, broker and status on top, then terms by category with [n]', () => {
    const text = renderText(termsCommand.present(termsCommand.run(kb, { agreement: 'rastan' }), kb))
    expect(text.split('\n')[0]).toBe('Northern Homs countryside agreement')
    expect(text).toContain(
      'Place: northern Homs countryside · Date: 2018-05-02 · Broker: Russia · Status: implemented',
    )
    expect(text).toMatch(
      /Conscription\n(?: {2}• .*\n)* {2}• The agreement will include conscription .*\[\d+\]\n/,
    )
    expect(text).toMatch(/ {2}• Giving a deadline .* \(proposed\) \[\d+\]/)
  })

  it('offers known agreements and places for autocomplete, each value resolving again', () => {
    const choices = agreementChoices(kb, 'rast')
    expect(choices).toContainEqual({ name: 'Rastan (Northern Homs countryside agreement)', value: 'Rastan' })
    expect(choices.map((c) => c.name)).not.toContain('Al-Waer agreement')
    for (const c of agreementChoices(kb, '')) {
      expect(c.name.length).toBeLessThanOrEqual(100)
      expect(terms(kb, c.value).agreements.length).toBeGreaterThan(0)
    }
  })
})

describe('terms on fixture articles: a new agreement in a new place', () => {
  let kb: KnowledgeBase
  beforeAll(() => {
    kb = knowledgeBaseOf(fixtureFiles())
  })

  it('merges the proposal and the agreement on Tafas, with the history of both', () => {
    const [deal, ...others] = terms(kb, 'Tafas').agreements
    expect(others).toEqual([])
    expect(deal).toMatchObject({
      place: 'western Daraa countryside',
      broker: 'Russia',
      status: 'implemented',
      date: '2018-07-05',
    })
    expect(deal?.events.map((e) => `${e.status} ${e.date}`)).toEqual([
      'proposed 2018-07-01',
      'rejected 2018-07-02',
      'agreed 2018-07-05',
      'implemented 2018-07-06',
    ])
  })

  it('takes the lettered list items and the terms-include list as terms, each with its category', () => {
    const deal = terms(kb, 'Daraa').agreements[0]
    const category = (words: string) => deal?.terms.find((t) => t.text.includes(words))?.category
    expect(category('Safe passage to Idlib')).toBe('evacuation and safe passage')
    expect(category('settle their status')).toBe('status settlement and amnesty')
    expect(category('compulsory military service')).toBe('conscription')
    expect(category('a full truce from Friday morning')).toBe('ceasefire')
    expect(category('permitted to leave for Idlib')).toBeDefined()
    expect(told(kb, 'Tafas').join(' ')).not.toContain('dignity')
  })

  it('keeps the road of the proposal and the road of the agreement apart, each cited from its article', () => {
    const roads = terms(kb, 'Tafas')
      .agreements[0]?.terms.filter((t) => t.category === 'roads and access')
      .map((t) => `${t.version}: ${t.citations.map((c) => c.article).join(' ')}`)
    expect(roads).toEqual(['agreement: tafas-agreement', 'proposal: tafas-proposal'])
    expectVerbatim(kb, 'Tafas')
  })

  it('tells apart two agreements one article reports in two places', () => {
    expect(terms(kb, 'Nawa').agreements.map((a) => a.name)).toEqual(['Nawa truce'])
    const inkhil = terms(kb, 'Inkhil').agreements
    expect(inkhil.map((a) => a.name)).toEqual(['Inkhil deal'])
    expect(inkhil[0]?.terms.map((t) => t.category)).toEqual(['freedom of movement'])
  })

  it('gives no agreement for a town an article names without any deal', () => {
    expect(terms(kb, 'Aleppo')).toMatchObject({ agreements: [] })
    expect(terms(kb, 'Aleppo').suggestions.length).toBeGreaterThan(0)
  })
})
