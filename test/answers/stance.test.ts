import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { factions } from '../../src/answers/factions.ts'
import { stance } from '../../src/answers/stance.ts'
import { findCommand } from '../../src/commands/index.ts'
import { factionChoices } from '../../src/commands/stance.ts'
import { openKnowledgeBase } from '../../src/knowledge/open.ts'
import { renderText } from '../../src/render/text.ts'
import { cli, isVerbatim, knowledgeBaseOf, seedKnowledgeBase } from '../helpers.ts'

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'stance')

describe('stance on the seed corpus', () => {
  const kb = seedKnowledgeBase()

  it.each([
    ['Jaysh al-Azza', 'Jaysh al-Azza', 'rejects'],
    ['Jaysh al-Tawhid', 'Jaysh al-Tawhid', 'accepts'],
    ['Free Syrian Army', 'Free Syrian Army', 'accepts'],
    ['Tahrir al-Sham', "Hay'at Tahrir al-Sham", 'rejects'],
  ])('%s → %s %s', (query, name, want) => {
    const a = stance(kb, query)
    expect(a.faction?.name).toBe(name)
    expect(a.stance).toBe(want)
    expect(a.evidence.length).toBeGreaterThan(0)
    expect(a.evidence.every((e) => e.stance === want)).toBe(true)
  })

  it('quotes each piece of evidence verbatim, the whole sentence, with the article’s citation', () => {
    for (const e of stance(kb, 'Tahrir al-Sham').evidence) {
      const article = kb.articles.get(e.citation.article)
      expect(article && isVerbatim(e.citation.quote, article.text)).toBe(true)
      expect(e.citation.quote).toContain(e.cue)
    }
  })

  it.each([
    ['spelling variants', 'jaish al azza', 'Jaysh al-Azza'],
    ['accents and apostrophes', 'JAYSH AL-‘AZZA', 'Jaysh al-Azza'],
    ['an English name', 'Sham Legion', 'Faylaq al-Sham'],
    ['an acronym', 'HTS', "Hay'at Tahrir al-Sham"],
    ['a curated spelling', 'Jaish al-Izza', 'Jaysh al-Azza'],
    ['a short form of a longer name', 'Harakat Ahrar al-Sham', 'Ahrar al-Sham'],
    ['a typo in a long name', 'Syria Liberaton Front', 'Syria Liberation Front'],
    ['two typos in a very long name', 'Ras al-Safoof Operashions Room', 'Ras al-Safuf Operations Room'],
  ])('resolves %s', (_, query, name) => {
    expect(stance(kb, query).faction?.name).toBe(name)
  })

  it.each([['Liwa al-Quds'], ['HTZ']])(
    'answers “not in the corpus” for %s: no faction, no stance, no evidence, the closest names',
    (query) => {
      const a = stance(kb, query)
      expect(a).toMatchObject({ faction: null, stance: 'unknown', evidence: [], mentions: [] })
      expect(a.notice).toMatch(/not in the corpus/)
      expect(a.suggestions.length).toBeGreaterThan(0)
    },
  )

  it.each([['Jaysh'], ['al-Sham']])(
    'answers that %s, a word of the corpus, is no faction it names: no stance, the sentences that hold it, the closest names',
    (query) => {
      const a = stance(kb, query)
      expect(a).toMatchObject({ faction: null, stance: 'unknown', evidence: [] })
      expect(a.notice).toMatch(/is not a faction the corpus names, though \d+ sentences? names? it/)
      expect(a.mentions.length).toBeGreaterThan(0)
      for (const m of a.mentions)
        expect(isVerbatim(m.quote, kb.articles.get(m.article)?.text ?? '')).toBe(true)
      expect(a.suggestions.length).toBeGreaterThan(0)
    },
  )

  it('never says a name the corpus holds but not as a faction (a tribe) is “not in the corpus”', () => {
    const tribal = knowledgeBaseOf({
      'shuhail.txt':
        'Tribal council accepts deal\n\nThe council of the Shaitat tribe accepted a reconciliation agreement with government forces on Monday.\n',
    })
    const a = stance(tribal, 'Shaitat tribe')
    expect(a.faction).toBeNull()
    expect(a.notice).toBe('“Shaitat tribe” is not a faction the corpus names, though a sentence names it.')
    expect(a.mentions.map((m) => m.quote)).toEqual([
      'The council of the Shaitat tribe accepted a reconciliation agreement with government forces on Monday.',
    ])
  })

  it('shows the change over time with the latest stance', () => {
    const a = stance(kb, 'Rastan Operations Room')
    expect(a.stance).toBe('accepts')
    expect(a.changes[0]).toMatchObject({ from: 'rejects', to: 'accepts', toDate: '2018-05-03' })
    expect(a.summary).toMatch(/not feasible \(undated\), then handed over on 2018-05-03/)
  })

  it('answers a faction without evidence with the passages that name it', () => {
    const a = stance(kb, 'Jaish al-Islam')
    expect(a).toMatchObject({ stance: 'unknown', evidence: [] })
    expect(a.faction?.name).toBe('Jaish al-Islam')
    expect(a.mentions[0]?.quote).toContain('Jaish al-Islam')
  })

  it('tells a state’s forces apart: named in the corpus, but no party taking a stance', () => {
    const a = stance(kb, 'Syrian Army')
    expect(a).toMatchObject({
      stance: 'unknown',
      evidence: [],
      faction: null,
      stateForce: { name: 'Syrian Army' },
    })
    expect(a.notice).toMatch(/state/)
  })
})

describe('stance on articles of new factions', () => {
  const kb = openKnowledgeBase({ corpusPath: FIXTURES, cacheDir: null }).kb

  it('a change of stance: the latest day wins, the change is shown', () => {
    const a = stance(kb, 'Ghab Falcons')
    expect(a.faction?.name).toBe('Suqour al-Ghab')
    expect(a.stance).toBe('accepts')
    expect(a.evidence.map((e) => [e.date, e.stance, e.cue])).toEqual([
      ['2018-05-01', 'rejects', 'rejected'],
      ['2018-05-03', 'accepts', 'handed over'],
    ])
    expect(a.summary).toBe('Suqour al-Ghab accepts: rejected on 2018-05-01, then handed over on 2018-05-03.')
  })

  it('a conflict on one day is mixed', () => {
    expect(stance(kb, 'Kataib al-Furqan').stance).toBe('mixed')
  })

  it('the faction’s own word and others’ are told apart', () => {
    expect(stance(kb, 'Jund al-Sahel Brigade').evidence.map((e) => e.voice)).toEqual(['faction', 'report'])
    expect(stance(kb, 'Liwa Shuhada al-Qalaa').evidence[0]).toMatchObject({
      voice: 'attributed',
      by: 'the governor of Hama',
    })
  })

  it('a typo in a new long name', () => {
    expect(stance(kb, 'Nour al-Din al-Zinki Movement').faction?.name).toBe('Nour al-Din al-Zenki Movement')
  })
})

describe('factions: the overview', () => {
  const kb = seedKnowledgeBase()
  const a = factions(kb)

  it('lists every armed faction with its stance and evidence count, most evidence first', () => {
    const row = a.factions.find((f) => f.name === 'Jaysh al-Azza')
    expect(row).toMatchObject({ stance: 'rejects', evidence: 4 })
    const counts = a.factions.map((f) => f.evidence)
    expect(counts).toEqual([...counts].sort((x, y) => y - x))
    expect(a.factions.map((f) => f.name)).not.toContain('Syrian Army')
    expect(a.stateForces.map((s) => s.name)).toContain('Syrian Army')
  })

  it('renders as a compact table, one line a faction', () => {
    const command = findCommand('factions')
    const text = command ? renderText(command.present(a, kb)) : ''
    expect(text).toMatch(/Jaysh al-Azza +rejects +4 evidence, latest 2018-05-03/)
  })
})

describe('autocomplete of factions', () => {
  const kb = seedKnowledgeBase()
  it.each([
    ['the start of a name', 'faylaq', 'Faylaq al-Sham'],
    ['an English name', 'sham leg', 'Faylaq al-Sham'],
    ['an acronym', 'FSA', 'Free Syrian Army'],
  ])('offers factions by %s', (_, typed, value) => {
    const choices = factionChoices(kb, typed)
    expect(choices.map((c) => c.value)).toContain(value)
    expect(choices.length).toBeLessThanOrEqual(25)
    expect(choices.every((c) => c.name.length >= 1 && c.name.length <= 100)).toBe(true)
  })

  it('shows the alias that matched next to the faction’s name', () => {
    expect(factionChoices(kb, 'sham legion')[0]).toEqual({
      name: 'Faylaq al-Sham (Sham Legion)',
      value: 'Faylaq al-Sham',
    })
  })

  it('offers the factions with most evidence when nothing is typed, and no states’ forces', () => {
    const choices = factionChoices(kb, '')
    expect(choices[0]?.value).toBe('Jaysh al-Azza')
    expect(choices.some((c) => c.value === 'Syrian Army')).toBe(false)
  })
})

describe('the command line', () => {
  it('stance --json keeps the contract', () => {
    const { code, stdout: out } = cli('stance', 'Sham Legion', '--json')
    expect(code).toBe(0)
    const a = JSON.parse(out)
    expect(a).toMatchObject({
      command: 'stance',
      query: 'Sham Legion',
      stance: 'rejects',
      faction: { name: 'Faylaq al-Sham' },
    })
    expect(a.faction.aliases).toContain('Sham Legion')
    expect(Object.keys(a.evidence[0])).toEqual(expect.arrayContaining(['stance', 'cue', 'date', 'citation']))
  })

  it('factions --json keeps the contract', () => {
    const a = cli('factions', '--json').json()
    expect(a.command).toBe('factions')
    expect(a.factions[0]).toEqual(
      expect.objectContaining({
        name: expect.any(String),
        stance: expect.any(String),
        evidence: expect.any(Number),
      }),
    )
  })

  it('stance of an unknown faction prints the suggestions', () => {
    const { code, stdout: out } = cli('stance', 'Liwa al-Quds')
    expect(code).toBe(0)
    expect(out).toMatch(/not in the corpus/)
    expect(out).toMatch(/Did you mean/)
  })
})
