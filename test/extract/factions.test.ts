import { cpSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AliasesError, loadAliases } from '../../src/extract/aliases.ts'
import type { FactionRecord } from '../../src/extract/factions.ts'
import { openKnowledgeBase } from '../../src/knowledge/open.ts'
import { knowledgeBaseOf, seedKnowledgeBase, tempCorpus } from '../helpers.ts'

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'stance')

const byName = (records: FactionRecord[], name: string) => records.find((f) => f.name === name)

describe('factions of the seed corpus', () => {
  const kb = seedKnowledgeBase()
  const records = kb.facts.factions
  const groups = records.filter((f) => f.kind === 'group').map((f) => f.name)

  it('finds every faction of the enumeration, each with the rejection', () => {
    for (const name of [
      "Hay'at Tahrir al-Sham",
      'Syria Liberation Front',
      'Ras al-Safuf Operations Room',
      'Ahl al-Sunna wal Jamaa',
      'Tahrir al-Watan Movement',
      'al-Faylaq al-Rabia',
      'Faylaq al-Sham',
    ]) {
      const f = byName(records, name)
      expect(f?.stance, name).toBe('rejects')
      expect(
        f?.evidence.some((e) => e.cue === 'rejected' && e.passageId === '000_42e839f33d9c5855#8'),
        name,
      ).toBe(true)
    }
  })

  it('reads the passive voice: “the agreement was rejected by the factions …”', () => {
    const e = byName(records, 'Faylaq al-Sham')?.evidence.find((x) => x.passageId.startsWith('000_'))
    expect(kb.articles.get('000_42e839f33d9c5855')?.text.slice(e?.start, e?.end)).toMatch(
      /^Relating to this, the agreement was rejected by/,
    )
  })

  it('follows “these groups” back to the factions of the sentence before, as their own word', () => {
    const e = byName(records, 'Tahrir al-Watan Movement')?.evidence.find((x) => x.cue === 'continue fighting')
    expect(e).toMatchObject({ stance: 'rejects', voice: 'faction', by: 'These groups' })
  })

  it('keeps attribution apart: what “the statement says” is attributed to the statement', () => {
    const e = byName(records, 'Jaysh al-Azza')?.evidence.find((x) => x.cue === 'would not be a party')
    expect(e).toMatchObject({ stance: 'rejects', voice: 'attributed', by: 'The statement' })
  })

  it('makes the full and the short form one faction', () => {
    const ahrar = byName(records, 'Ahrar al-Sham')
    expect(ahrar?.aliases).toContain('Harakat Ahrar al-Sham al-Islamiyya')
    expect(groups.filter((n) => /Ahrar/.test(n))).toEqual(['Ahrar al-Sham'])
  })

  it('labels states’ forces and gives them no stance evidence', () => {
    const state = records.filter((f) => f.kind === 'state').map((f) => f.name)
    expect(state).toContain('Syrian Army')
    expect(groups).not.toContain('Syrian Army')
    expect(groups.some((n) => /Russian/.test(n))).toBe(false)
    expect(records.filter((f) => f.kind === 'state').every((f) => f.evidence.length === 0)).toBe(true)
  })

  it('dates evidence by the weekday a sentence names, counted back from the article’s date', () => {
    const e = byName(records, 'Jaysh al-Tawhid')?.evidence[0]
    expect(e).toMatchObject({ stance: 'accepts', cue: 'handed over', date: '2018-05-03' })
  })

  it('keeps the facts plain JSON (they are cached)', () => {
    expect(JSON.parse(JSON.stringify(records))).toEqual(records)
  })
})

describe('factions of new articles work without code changes', () => {
  const kb = openKnowledgeBase({ corpusPath: FIXTURES, cacheDir: null }).kb
  const records = kb.facts.factions

  it.each([
    ['Suqour al-Ghab', 'accepts'],
    ['Ansar al-Haq', 'accepts'],
    ['Nour al-Din al-Zenki Movement', 'rejects'],
    ['Liwa Shuhada al-Qalaa', 'rejects'],
    ['Jund al-Sahel Brigade', 'accepts'],
    ['Kataib al-Furqan', 'mixed'],
    ['Jaysh al-Nasr', 'unknown'],
  ])('%s %s', (name, stance) => {
    expect(byName(records, name)?.stance).toBe(stance)
  })

  it('finds a curated English name in the text and counts it for its faction', () => {
    const f = byName(records, 'Suqour al-Ghab')
    expect(f?.evidence.map((e) => `${e.date} ${e.stance} ${e.faction}`)).toEqual([
      '2018-05-01 rejects Suqour al-Ghab',
      '2018-05-03 accepts Ghab Falcons',
    ])
    expect(f?.changes).toMatchObject([
      { from: 'rejects', to: 'accepts', fromDate: '2018-05-01', toDate: '2018-05-03' },
    ])
  })

  it('reads negation with attribution: “According to the governor, X did not sign”', () => {
    expect(byName(records, 'Liwa Shuhada al-Qalaa')?.evidence).toMatchObject([
      { stance: 'rejects', cue: 'did not sign', voice: 'attributed', by: 'the governor of Hama' },
    ])
  })

  it('keeps clauses apart: “X agreed to the deal, while Y refused”', () => {
    const passage = 'qalaa-weapons-handed-over#2'
    expect(byName(records, 'Ansar al-Haq')?.evidence.find((e) => e.passageId === passage)?.stance).toBe(
      'accepts',
    )
    expect(
      byName(records, 'Nour al-Din al-Zenki Movement')?.evidence.find((e) => e.passageId === passage)?.stance,
    ).toBe('rejects')
  })

  it('a negated rejection is no evidence at all', () => {
    expect(byName(records, 'Jaysh al-Nasr')?.evidence).toEqual([])
  })
})

describe('corpus/aliases.json', () => {
  it('loads the seed corpus’s curated names', () => {
    const aliases = loadAliases(join(import.meta.dirname, '..', '..', 'corpus'))
    expect(aliases.factions.find((f) => f.name === 'Faylaq al-Sham')?.aliases).toContain('Sham Legion')
  })

  it.each([
    [
      'an empty alias',
      { factions: [{ name: 'Faylaq al-Sham', aliases: [''] }] },
      /factions\.0 \("Faylaq al-Sham"\), aliases\.0/,
    ],
    [
      'an unknown key',
      { factions: [{ name: 'Faylaq al-Sham', alias: ['x'] }] },
      /factions\.0 \("Faylaq al-Sham"\).*alias/,
    ],
    [
      'a name two entries claim',
      { factions: [{ name: 'Jaysh al-Izza' }, { name: 'Other', aliases: ['jaish al izza'] }] },
      /factions\.1 \("Other"\): "jaish al izza" is also a name of "Jaysh al-Izza"/,
    ],
    ['a name with no letters', { factions: [{ name: 'X', aliases: ['al-'] }] }, /"al-" has no letters/],
  ])('a wrong file stops loading with a message naming the entry: %s', (_, json, message) => {
    const dir = tempCorpus({ 'aliases.json': JSON.stringify(json) })
    expect(() => loadAliases(dir)).toThrow(AliasesError)
    expect(() => loadAliases(dir)).toThrow(message)
  })

  it('changes what is found: an alias added to the file joins two spellings in the corpus', () => {
    const dir = tempCorpus()
    cpSync(FIXTURES, dir, { recursive: true })
    writeFileSync(join(dir, 'aliases.json'), JSON.stringify({ factions: [] }))
    const bare = openKnowledgeBase({ corpusPath: dir, cacheDir: null }).kb.facts.factions
    expect(byName(bare, 'Suqour al-Ghab')?.evidence).toHaveLength(1)
  })

  it('an article with no faction yields none', () => {
    const kb = knowledgeBaseOf({
      'a.txt': 'Weather in Homs\n\nIt rained on Tuesday and the roads were closed.\n',
    })
    expect(kb.facts.factions).toEqual([])
  })
})
