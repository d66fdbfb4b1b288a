import { describe, expect, it } from 'vitest'
import { factions } from '../../src/answers/factions.ts'
import { stance } from '../../src/answers/stance.ts'
import { knowledgeBaseOf } from '../helpers.ts'

const ARTICLE = [
  'Talks on Tafas',
  '',
  '2020-06-20',
  '',
  "On Friday, 12 June, the Tafas Negotiating Committee said the government's terms could not be met. The committee rejected the handover of light weapons, its spokesman said.",
  '',
  "On Thursday, 18 June, the Tafas Negotiating Committee accepted a revised offer after meeting the government's security committee.",
  '',
  'The Bosra Central Committee met on Saturday.',
  '',
].join('\n')

describe('a town’s negotiating committee is a party to its deal', () => {
  const kb = knowledgeBaseOf({ 'a.txt': ARTICLE })

  it('takes its stance, named or as “the committee”, dated by its paragraph', () => {
    const a = stance(kb, 'Tafas Negotiating Committee')
    expect(a.faction?.name).toBe('Tafas Negotiating Committee')
    expect(a.evidence.map((e) => [e.date, e.stance])).toEqual([
      ['2020-06-12', 'rejects'],
      ['2020-06-18', 'accepts'],
    ])
    expect(a.stance).toBe('accepts')
  })

  it('is listed only where it takes a stance; a government committee never is', () => {
    const names = factions(kb).factions.map((f) => f.name)
    expect(names).toContain('Tafas Negotiating Committee')
    expect(names.some((n) => /Bosra|security/i.test(n))).toBe(false)
  })
})
