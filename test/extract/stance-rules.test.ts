import { describe, expect, it } from 'vitest'
import { findCues } from '../../src/extract/stance-cues.ts'
import { compileRules, NOT_SUBJECT_RULES, STANCE_RULES } from '../../src/extract/stance-rules.ts'
import { knowledgeBaseOf } from '../helpers.ts'

const cuesOf = (sentence: string) => findCues(sentence, { start: 0, end: sentence.length })

describe('the stance rules of data/stance-rules.json', () => {
  const examples = STANCE_RULES.flatMap((r) => r.examples.map((e) => [r.id, e, r.stance] as const))
  const counter = STANCE_RULES.flatMap((r) => r.counterExamples.map((e) => [r.id, e, r.stance] as const))

  it.each(examples)('rule %s fires on its example: %s', (id, sentence, stance) => {
    expect(cuesOf(sentence).map((c) => `${c.rule}:${c.stance}`)).toContain(`${id}:${stance}`)
  })

  it.each(counter)('rule %s does not give its stance on its counter-example: %s', (id, sentence, stance) => {
    expect(cuesOf(sentence).map((c) => `${c.rule}:${c.stance}`)).not.toContain(`${id}:${stance}`)
  })

  it('match a word by its inflections, read by the lemmatiser', () => {
    expect(cuesOf('The brigade is rejecting it.').map((c) => c.text)).toEqual(['rejecting'])
    expect(cuesOf('The brigades were handing over tanks.').map((c) => c.text)).toEqual(['handing over'])
  })

  it('turn a negatable rule round and keep a negation of its own as it is', () => {
    expect(cuesOf('X did not sign the truce.').map((c) => [c.rule, c.stance, c.text])).toEqual([
      ['sign', 'rejects', 'did not sign'],
    ])
    expect(cuesOf('X would not be a party to it.').map((c) => [c.rule, c.stance])).toEqual([
      ['not-a-party', 'rejects'],
    ])
  })

  it('reject a table whose rules lack an id, a stance or a test, or repeat an id', () => {
    const rule = {
      id: 'ok',
      patterns: ['accept'],
      kind: 'acceptance',
      stance: 'accepts',
      negatable: true,
      examples: ['X accepted.'],
      counterExamples: ['X left.'],
    }
    expect(() => compileRules({ about: '', rules: [rule] })).not.toThrow()
    expect(() => compileRules({ about: '', rules: [{ ...rule, id: undefined }] })).toThrow()
    expect(() => compileRules({ about: '', rules: [{ ...rule, stance: 'maybe' }] })).toThrow()
    expect(() => compileRules({ about: '', rules: [{ ...rule, counterExamples: [] }] })).toThrow()
    expect(() => compileRules({ about: '', rules: [rule, rule] })).toThrow(/twice/)
    expect(() => compileRules({ about: '', rules: [{ ...rule, patterns: ['{0,2}'] }] })).toThrow(
      /required word/,
    )
  })

  it('a rule added to the table is used with no change to the code', () => {
    const rules = compileRules({
      about: '',
      rules: [
        {
          id: 'welcome',
          patterns: ['welcome the {0,2} DEAL'],
          kind: 'acceptance',
          stance: 'accepts',
          negatable: true,
          examples: ['X welcomed the truce.'],
          counterExamples: ['X welcomed the guests.'],
        },
      ],
    })
    const s = 'Liwa al-Quds welcomed the new ceasefire.'
    expect(findCues(s, { start: 0, end: s.length }, rules).map((c) => [c.rule, c.text])).toEqual([
      ['welcome', 'welcomed the new ceasefire'],
    ])
  })
})

describe('the rules of data/stance-rules.json that make a named faction no subject', () => {
  const stanceIn = (text: string, faction: string) =>
    knowledgeBaseOf({ 'a.txt': `Title: A deal\nDate: 2019-03-02\n\n${text}\n` }).facts.factions.find(
      (f) => f.name === faction,
    )?.stance
  const examples = NOT_SUBJECT_RULES.flatMap((r) => r.examples.map((e) => [r.id, e.text, e.faction] as const))
  const counter = NOT_SUBJECT_RULES.flatMap((r) =>
    r.counterExamples.map((e) => [r.id, e.text, e.faction] as const),
  )

  it.each(examples)('rule %s: in “%s”, %s takes no stance', (_, text, faction) => {
    expect(stanceIn(text, faction)).toBe('unknown')
  })

  it.each(counter)('rule %s: in “%s”, %s takes a stance', (_, text, faction) => {
    expect(stanceIn(text, faction)).not.toBe('unknown')
  })
})
