import { describe, expect, it } from 'vitest'
import { aliasMatcher, findFactionNames } from '../../src/extract/faction-names.ts'

const names = (text: string, aliases: string[] = []) =>
  findFactionNames(text, { start: 0, end: text.length }, aliasMatcher(aliases)).map(
    (m) => `${m.name} [${m.kind}]`,
  )

describe('faction names are found by their shape, without a list of factions', () => {
  it.each([
    ['Arabic names built on a type word', 'Jaysh al-Tawhid fighters left.', ['Jaysh al-Tawhid [group]']],
    ['a bare word before the joined part', 'Jabhat Fateh al-Sham signed.', ['Jabhat Fateh al-Sham [group]']],
    [
      'type words in a row (full form)',
      'Harakat Ahrar al-Sham al-Islamiyya signed.',
      ['Harakat Ahrar al-Sham al-Islamiyya [group]'],
    ],
    ['wal joins the parts', 'the Ahl al-Sunna wal Jamaa organisation', ['Ahl al-Sunna wal Jamaa [group]']],
    [
      'the article before the type word',
      'and al-Faylaq al-Rabia have rejected',
      ['al-Faylaq al-Rabia [group]'],
    ],
    [
      'an Arabic name with an English type word',
      'the Tahrir al-Watan Movement',
      ['Tahrir al-Watan Movement [group]'],
    ],
    [
      'English names ending in a type word',
      'the Free Syrian Army and the Ras al-Safuf Operations Room',
      ['Free Syrian Army [group]', 'Ras al-Safuf Operations Room [group]'],
    ],
    [
      'a headline: the capitalised verb after a name is not part of it',
      'Jaysh al-Azza Takes a Decisive Stance',
      ['Jaysh al-Azza [group]'],
    ],
    ['a weak type word needs its joined part', 'protesters in Tahrir Square', []],
    [
      'the words a news page puts before a headline start no name',
      'Related Al-Nusra Front fighters',
      ['Al-Nusra Front [group]'],
    ],
    [
      'a state’s air arm is a state force',
      'the Russian Aerospace Forces struck',
      ['Russian Aerospace Forces [state]'],
    ],
  ])('%s', (_, text, want) => {
    expect(names(text)).toEqual(want)
  })

  it('finds each member of an enumeration', () => {
    const text =
      'Relating to this, the agreement was rejected by the factions Tahrir al-Sham, Syria Liberation Front, the Ras al-Safuf Operations Room, the Ahl al-Sunna wal Jamaa organisation, the Tahrir al-Watan Movement, al-Faylaq al-Rabia, and Faylaq al-Sham.'
    expect(names(text)).toEqual([
      'Tahrir al-Sham [group]',
      'Syria Liberation Front [group]',
      'Ras al-Safuf Operations Room [group]',
      'Ahl al-Sunna wal Jamaa [group]',
      'Tahrir al-Watan Movement [group]',
      'al-Faylaq al-Rabia [group]',
      'Faylaq al-Sham [group]',
    ])
  })

  it('takes the members of a list introduced by “the factions” even when their names have no type word', () => {
    expect(
      names('It was rejected by the factions Suqour al-Ghab, Nour Qalaa and the Zenki Movement.'),
    ).toEqual(['Suqour al-Ghab [group]', 'Nour Qalaa [group]', 'Zenki Movement [group]'])
  })

  it.each([
    ['Syrian Army', 'conscription by the Syrian Army.'],
    ['Russian Forces', 'Heavy Weaponry to Russian Forces'],
    ['81st Armored Brigade', 'the meeting took place in the 81st Armored Brigade, located'],
  ])('labels %s as a state’s forces, not a faction', (name, text) => {
    expect(names(text)).toEqual([`${name} [state]`])
  })

  it.each([
    ['lower-case forces are a description', 'the Russian military forces and the Islamic State forces'],
    ['words that describe rather than name', 'Opposition Forces and Rebel Army'],
  ])('finds no name where %s', (_, text) => {
    expect(names(text)).toEqual([])
  })

  it('finds curated names (acronyms, English names) that have no faction shape', () => {
    expect(names('The Ghab Falcons and HTS left.', ['Ghab Falcons', 'HTS'])).toEqual([
      'Ghab Falcons [group]',
      'HTS [group]',
    ])
  })

  it('gives offsets into the text it was given', () => {
    const text = 'Before. Then Jaysh al-Islam agreed.'
    const [m] = findFactionNames(text, { start: 8, end: text.length })
    expect(m && text.slice(m.start, m.end)).toBe('Jaysh al-Islam')
    expect(m?.key).toBe('jaysh islam')
  })
})

describe('known names are matched as names are written', () => {
  const known = (text: string) =>
    findFactionNames(
      text,
      { start: 0, end: text.length },
      aliasMatcher([
        { name: 'IS', ref: 'gazetteer:isis', rule: 'gazetteer' },
        { name: 'PKK', ref: 'gazetteer:pkk', rule: 'gazetteer' },
        { name: 'Syrian Resistance', ref: 'gazetteer:syrian-resistance', rule: 'gazetteer' },
        { name: 'Syrian Army', ref: 'gazetteer:saa', rule: 'gazetteer', kind: 'state' },
        { name: 'Hezbollah', ref: 'gazetteer:hezbollah', rule: 'gazetteer' },
        { name: 'Hezbollah al-Nujaba', ref: 'gazetteer:nujaba', rule: 'gazetteer' },
      ]),
    ).map((m) => `${m.name} [${m.kind}] ${m.rule} ${m.ref}`)

  it('matches an acronym only in capitals, also with a possessive that lost its apostrophe', () => {
    expect(known('Is the deal holding? IS fighters left.')).toEqual(['IS [group] gazetteer gazetteer:isis'])
    expect(known('the PKKs Syrian affiliate')).toEqual(['PKK [group] gazetteer gazetteer:pkk'])
  })

  it('needs capitals where the name has them: a description is no name', () => {
    expect(known('the Syrian resistance to the plan')).toEqual([])
  })

  it('takes the longest known name, and a state force keeps its kind', () => {
    expect(known('Hezbollah al-Nujaba and the Syrian Army')).toEqual([
      'Hezbollah al-Nujaba [group] gazetteer gazetteer:nujaba',
      'Syrian Army [state] gazetteer gazetteer:saa',
    ])
  })
})
