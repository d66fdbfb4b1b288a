import { describe, expect, it } from 'vitest'
import type { AgreementStances } from '../../src/answers/ask/agreement-stances.ts'
import { parseStanceQuestion } from '../../src/answers/ask/agreement-stances.ts'
import { ask } from '../../src/answers/ask.ts'
import { isVerbatim, seedKnowledgeBase } from '../helpers.ts'

describe('parseStanceQuestion: who accepted or rejected a deal, and did X', () => {
  it.each([
    [
      'Who rejected the Rastan agreement?',
      { form: 'list', asks: 'rejects', agreement: 'the Rastan agreement' },
    ],
    ['Which factions have accepted the deal in northern Homs?', { form: 'list', asks: 'accepts' }],
    ['Which armed groups refused the truce?', { form: 'list', asks: 'rejects' }],
    [
      'Did Jaysh al-Azza accept the agreement?',
      { form: 'yes-no', asks: 'accepts', faction: 'Jaysh al-Azza' },
    ],
    [
      'Has the faction Faylaq al-Sham rejected the Qalamoun deal?',
      { form: 'yes-no', faction: 'Faylaq al-Sham' },
    ],
  ])('%s', (question, want) => {
    expect(parseStanceQuestion(question)).toMatchObject(want)
  })

  it.each([
    'Who signed for the government?',
    'Which leader rejected calls for calm?',
    'Who is the governor of Homs?',
  ])('leaves a question that names no deal to ask: %s', (question) => {
    expect(parseStanceQuestion(question)).toBeNull()
  })
})

describe('ask: stances on a deal from the facts, scoped to the deal asked about', () => {
  const kb = seedKnowledgeBase()

  it('lists every faction that rejected the deal named, each with its evidence, and not one that accepted it', () => {
    const a = ask(kb, 'Who rejected the Rastan agreement?')
    expect(a.routedTo).toBe('stance')
    expect(a.form).toBe('routed')
    const routed = a.routed as AgreementStances
    const rejecters = routed.factions.filter((f) => f.stance === 'rejects').map((f) => f.name)
    expect(rejecters).toContain('Jaysh al-Azza')
    expect(rejecters).not.toContain('Jaysh al-Tawhid')
    expect(a.answer?.split('.')[0]).not.toContain('Jaysh al-Tawhid')
    for (const f of routed.factions) expect(f.evidence.length).toBeGreaterThan(0)
    for (const c of a.citations)
      expect(isVerbatim(c.quote, kb.articles.get(c.article)?.text ?? '')).toBe(true)
  })

  it.each([
    ['Did Jaysh al-Tawhid reject the Rastan deal?', 'no', /^No: Jaysh al-Tawhid accepted/],
    ['Did Jaish al-Izza accept the northern Homs deal?', 'no', /^No: Jaysh al-Azza rejected/],
    ['Did Jaysh al-Azza reject the agreement in northern Homs?', 'yes', /^Yes: Jaysh al-Azza rejected/],
  ])('%s → %s', (question, verdict, answer) => {
    const a = ask(kb, question)
    expect((a.routed as AgreementStances).verdict).toBe(verdict)
    expect(a.answer).toMatch(answer)
    expect(a.citations.length).toBeGreaterThan(0)
  })

  it('says the corpus does not say, rather than answer from another deal', () => {
    const a = ask(kb, 'Did Faylaq al-Sham accept the Qalamoun agreement?')
    expect((a.routed as AgreementStances).verdict).toBe('unknown')
    expect(a.answer).toMatch(/does not say/)
    expect(a.confidence).toBeLessThan(0.5)
    expect(a.citations).toEqual([])
  })

  it('gives no answer for a deal the corpus does not know', () => {
    const a = ask(kb, 'Who rejected the Aleppo deal?')
    expect(a.answer).toBeNull()
  })
})
