import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { stance } from '../../src/answers/stance.ts'
import { terms } from '../../src/answers/terms.ts'
import stanceCommand from '../../src/commands/stance.ts'
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.ts'
import { isVerbatim, knowledgeBaseOf } from '../helpers.ts'

/**
 * Deals in places and styles no rule was written for (bullets after 'Under the agreement:', a
 * proposal and the truce that followed it, prose and an inline list): found with no change to the code.
 */
const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'terms-styles')
const files = () =>
  Object.fromEntries(readdirSync(FIXTURES).map((f) => [f, readFileSync(join(FIXTURES, f), 'utf8')]))

describe('agreements and terms in styles of their own', () => {
  let kb: KnowledgeBase
  beforeAll(() => {
    kb = knowledgeBaseOf(files())
  })

  const termsOf = (place: string) => terms(kb, place).agreements.flatMap((a) => a.terms)

  it('reads a bulleted list after "Under the agreement:" as the deal’s terms, each quoted verbatim', () => {
    const [deal, ...more] = terms(kb, 'Kafr Shams').agreements
    expect(more).toEqual([])
    expect(deal?.place).toBe('Kafr Shams')
    expect(deal?.terms.map((t) => t.text).sort()).toEqual([
      'gunmen who refuse the settlement travel to Jarablus with their families within three days',
      'the military police set up two checkpoints on the road to Sanamayn',
      'the remaining men settle their status at a centre opened in the town school',
      'the town council resumes its work under a new mayor',
    ])
    for (const t of deal?.terms ?? [])
      for (const c of t.citations)
        expect(isVerbatim(c.quote, kb.articles.get(c.article)?.text ?? '')).toBe(true)
  })

  it('keeps a proposal’s terms apart from the agreement’s, each marked with its status and version', () => {
    const [deal] = terms(kb, 'Tell Shihab').agreements
    const mark = (words: string) => {
      const t = deal?.terms.find((x) => x.text.includes(words))
      return `${t?.status}/${t?.version}`
    }
    expect(mark('all their weapons, light and heavy')).toBe('proposed/proposal')
    expect(mark('joins the army within a month')).toBe('proposed/proposal')
    expect(mark('heavy weapons only')).toBe('agreed/agreement')
    expect(mark('defer military service')).toBe('agreed/agreement')
    expect(mark('border crossing to Jordan')).toBe('agreed/agreement')
  })

  it('reads terms from prose (stipulates, provides for, under the truce) and from an inline list after a colon', () => {
    const rules = Object.fromEntries(termsOf('Ghariya').map((t) => [t.text, t.rule]))
    expect(rules).toMatchObject({
      'The truce stipulates that the army stays outside the town centre': 'stipulation',
      'It also provides for the release of 120 detainees in two rounds': 'stipulation',
      'Under the truce, displaced families may return to their homes in the eastern quarter': 'permission',
      'the water station is repaired': 'terms-colon',
      'the bakery reopens': 'terms-colon',
      'the schools open in September': 'terms-colon',
    })
  })

  it('gives a faction’s stance on each deal apart, with the deal and the rule beside each piece of evidence', () => {
    expect(stance(kb, 'Jaysh al-Ababil', 'Kafr Shams')).toMatchObject({
      agreement: 'Kafr Shams deal',
      stance: 'rejects',
      evidence: [{ agreement: 'Kafr Shams deal', rule: 'reject', stance: 'rejects' }],
    })
    const tell = stance(kb, 'Jaysh al-Ababil', 'Tell Shihab')
    expect(tell.stance).toBe('accepts')
    expect(tell.evidence.map((e) => `${e.agreement}: ${e.rule} ${e.stance}`)).toEqual([
      'Tell Shihab truce: reject rejects',
      'Tell Shihab truce: accept accepts',
    ])
    expect(stance(kb, 'Jaysh al-Ababil').evidence).toHaveLength(3)
  })

  it('says so when the agreement asked for is not in the corpus, with the nearest names', () => {
    const answer = stance(kb, 'Jaysh al-Ababil', 'Kafr Shamz')
    expect(answer.agreement).toBe('Kafr Shams deal')
    const none = stance(kb, 'Jaysh al-Ababil', 'Palmyra')
    expect(none).toMatchObject({ agreement: null, stance: 'unknown', evidence: [] })
    expect(none.notice).toContain('Palmyra')
  })

  it('offers the agreements for the agreement option, and shows the deal beside the evidence', () => {
    const option = stanceCommand.options.find((o) => o.name === 'agreement')
    expect(option?.autocomplete?.(kb, 'kafr').map((c) => c.name)).toContain('Kafr Shams deal')
    const shown = stanceCommand.present(
      stanceCommand.run(kb, { faction: 'Jaysh al-Ababil', agreement: 'Tell Shihab' }),
      kb,
    )
    expect(shown.title).toBe('Jaysh al-Ababil: accepts on the Tell Shihab truce')
    expect(JSON.stringify(shown.sections)).toContain('Tell Shihab truce')
  })
})
