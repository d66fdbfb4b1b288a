import { describe, expect, it } from 'vitest'
import type { FactionRecord } from '../../src/extract/factions.ts'
import { knowledgeBaseOf } from '../helpers.ts'

/** A corpus with no aliases.json, in another place and style than the seed corpus. */
const ARTICLE = `Title: Fighters reject the Jisr al-Shughur deal
Date: 2019-03-02

Daraa Army units carried out operations near the town on Saturday.
Hurras al-Din refused the agreement, while the Turkistan Islamic Party accepted it.
HTS said it would study the terms. Hayat Tahrir al-Sham later rejected the deal.
Jabhat Fateh al-Sham was the group's name until 2017; Jabhat al-Nusra was its name before that.
Fighters of Nusur al-Sahel, a local militia, signed the deal.
The World Health Organization and the Syrian Arab Red Crescent sent aid convoys.
Russian Forces and the Syrian Army entered the town, and Hezbollah fighters stayed out.
`

describe('factions of a new corpus without aliases.json: the gazetteer, shapes and context', () => {
  const kb = knowledgeBaseOf({ 'jisr.txt': ARTICLE })
  const records = kb.facts.factions
  const groups = records.filter((f) => f.kind === 'group')
  const byName = (name: string): FactionRecord | undefined =>
    records.find((f) => f.name === name || f.aliases.includes(name))

  it('finds groups the gazetteer knows, though their names have no type word', () => {
    expect(byName('Hurras al-Din')?.rules).toEqual(['gazetteer'])
    expect(byName('Turkistan Islamic Party')?.stance).toBe('accepts')
    expect(byName('Hurras al-Din')?.stance).toBe('rejects')
  })

  it('folds an acronym and spellings of one group into one entry, shown as the corpus writes it', () => {
    const hts = byName('Hayat Tahrir al-Sham')
    expect(hts?.aliases).toContain('HTS')
    expect(groups.filter((f) => f.group?.id === 'hts')).toHaveLength(1)
  })

  it('keeps renamed groups apart, related by their lineage', () => {
    const jfs = byName('Jabhat Fateh al-Sham')
    const nusra = byName('Jabhat al-Nusra')
    expect(jfs && nusra && jfs !== nusra).toBe(true)
    expect(jfs?.lineage).toContainEqual({
      relation: 'renamed-from',
      group: 'Jabhat al-Nusra',
      date: '2016-07-28',
    })
  })

  it('finds a group the text calls one, by the context rule', () => {
    expect(byName('Nusur al-Sahel')?.rules).toEqual(['context:named-group'])
  })

  it('never lists datelines, agencies or NGOs, and shows states’ forces apart', () => {
    const names = records.map((f) => f.name)
    expect(names.some((n) => /Daraa|World Health|Red Crescent/.test(n))).toBe(false)
    const state = records.filter((f) => f.kind === 'state').map((f) => f.name)
    expect(state).toEqual(expect.arrayContaining(['Russian Forces', 'Syrian Army']))
    expect(byName('Hezbollah')?.kind).toBe('group')
  })
})
