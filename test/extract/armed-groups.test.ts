import { describe, expect, it } from 'vitest'
import {
  arabicAliases,
  GROUP_KINDS,
  groupById,
  loadGazetteer,
  parseGazetteer,
} from '../../src/extract/armed-groups.ts'

describe('the armed-groups gazetteer (data/armed-groups.json)', () => {
  const g = loadGazetteer()

  it('covers the groups an analyst of the war expects, each kind represented', () => {
    expect(g.groups.length).toBeGreaterThanOrEqual(150)
    for (const kind of GROUP_KINDS) expect(g.groups.some((x) => x.kind === kind)).toBe(true)
  })

  it('keeps renamed groups apart, related by dated lineage (Nusra → JFS → HTS)', () => {
    const jfs = groupById(g, 'jfs')
    expect(jfs?.lineage).toContainEqual({ relation: 'renamed-from', group: 'nusra', date: '2016-07-28' })
    expect(jfs?.lineage.some((l) => l.relation === 'merged-into' && l.group === 'hts')).toBe(true)
    expect(groupById(g, 'nusra')?.aliases).not.toContain('JFS')
  })

  it('gives the major groups an Arabic-script name', () => {
    for (const id of [
      'hts',
      'isis',
      'nusra',
      'ahrar-al-sham',
      'jaysh-al-islam',
      'sdf',
      'ypg',
      'hezbollah',
      'ndf',
    ])
      expect(
        arabicAliases(groupById(g, id) ?? { id, name: '', kind: 'opposition', aliases: [], lineage: [] }),
      ).not.toEqual([])
  })

  it('marks states’ forces as state-force, never as a faction kind', () => {
    expect(groupById(g, 'saa')?.kind).toBe('state-force')
    expect(groupById(g, 'russian-forces')?.kind).toBe('state-force')
    expect(groupById(g, 'hezbollah')?.kind).toBe('pro-government-militia')
  })

  it('rejects a name claimed by two groups, unknown lineage and unknown kinds', () => {
    const group = (id: string, aliases: string[]) => ({ id, name: id, kind: 'opposition', aliases })
    expect(() =>
      parseGazetteer({ groups: [group('a', ['Jaysh al-Izza']), group('b', ['Jaish al Izza'])] }),
    ).toThrow(/also a name of "a"/)
    expect(() =>
      parseGazetteer({
        groups: [{ ...group('a', []), lineage: [{ relation: 'renamed-from', group: 'zz' }] }],
      }),
    ).toThrow(/unknown group "zz"/)
    expect(() => parseGazetteer({ groups: [{ ...group('a', []), kind: 'rebels' }] })).toThrow()
  })
})
