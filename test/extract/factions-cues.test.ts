import { describe, expect, it } from 'vitest'
import { dateContext, sentenceDate } from '../../src/extract/event-dates.ts'
import { attributionOf, findCues } from '../../src/extract/stance-cues.ts'
import { summarizeStance } from '../../src/extract/stance-summary.ts'

const cues = (text: string) =>
  findCues(text, { start: 0, end: text.length }).map((c) => `${c.stance}:${c.text}`)

describe('stance cues of a sentence', () => {
  it.each([
    ['rejection', 'X rejected the agreement.', ['rejects:rejected']],
    ['refusal', 'X refused the conditions.', ['rejects:refused']],
    [
      'a phrase that holds its negation',
      'X would not be a party to any negotiation.',
      ['rejects:would not be a party'],
    ],
    [
      'fighting on',
      'They would continue fighting "until the last breath".',
      ['rejects:continue fighting', 'rejects:until the last breath'],
    ],
    ['a judgement of the terms', 'the items were “not feasible”', ['rejects:not feasible']],
    ['calling it humiliating', 'calling the demands humiliating', ['rejects:humiliating']],
    [
      'a stance against the deal',
      'X took a decisive stance on Thursday against the reconciliation agreement',
      ['rejects:against the reconciliation agreement'],
    ],
    ['acceptance', 'X agreed to the deal and signed it.', ['accepts:agreed', 'accepts:signed']],
    ['compliance: weapons handed over', 'X handed over their heavy weaponry.', ['accepts:handed over']],
    ['compliance: arms laid down', 'X laid down their arms.', ['accepts:laid down their arms']],
    ['compliance: leaving', 'X left the town for Idlib.', ['accepts:left']],
  ])('%s', (_, text, want) => {
    expect(cues(text)).toEqual(want)
  })

  it.each([
    ['did not sign', 'X did not sign the agreement.', ['rejects:did not sign']],
    ['never hand over', 'We will never hand over our weapons.', ['rejects:will never hand over']],
    [
      'refused to hand over (one cue, not two)',
      'X refused to hand over its weapons.',
      ['rejects:refused to hand over'],
    ],
  ])('negation turns acceptance round: %s', (_, text, want) => {
    expect(cues(text)).toEqual(want)
  })

  it('a negated rejection says nothing (it is not acceptance)', () => {
    expect(cues('X did not reject the proposal.')).toEqual([])
  })

  it.each([
    ['a term of the deal', 'those who stay must hand over their personal weapons'],
    ['a deadline', 'a deadline of 12:00 on Thursday to accept the conditions'],
    ['a plan', 'X will leave the area as of next Sunday'],
  ])('an acceptance that has not happened is no cue: %s', (_, text) => {
    expect(cues(text)).toEqual([])
  })
})

describe('attribution: who says it', () => {
  const by = (text: string) => attributionOf(text, { start: 0, end: text.length })?.by ?? null
  it.each([
    ['according to', 'According to the governor of Hama, X did not sign.', 'the governor of Hama'],
    ['the statement says', 'The statement says that X would not be a party.', 'The statement'],
    [
      'the last clause before the verb',
      'Maj. Ahmed, a representative for the operations room, said that it was not feasible.',
      'a representative for the operations room',
    ],
    ['in a statement', 'The faction laid out in a statement its rejection.', 'The faction laid out'],
  ])('%s', (_, text, want) => {
    expect(by(text)).toBe(want)
  })

  it('a verb that is no speech (insisted on continuing) is no attribution', () => {
    expect(by('X rejected the agreement and insisted on continuing to fight.')).toBeNull()
  })
})

describe('the date of what a sentence reports', () => {
  it.each([
    ['a full date it names', 'the proposal put forward on May 1, 2018', '2018-05-03', '2018-05-01'],
    ['a day and month in the article’s year', 'on March 14, they signed', '2018-05-03', '2018-03-14'],
    ['a later day and month: the year before', 'on December 30 they left', '2018-05-03', '2017-12-30'],
    [
      'a weekday: the latest such day up to the article’s date',
      'on Tuesday they rejected it',
      '2018-05-03',
      '2018-05-01',
    ],
    ['the article’s own weekday', 'on Thursday they left', '2018-05-03', '2018-05-03'],
    ['nothing named: no date of its own', 'they left', '2018-05-03', null],
    ['an undated article', 'on March 14, they signed', null, null],
  ])('%s', (_, sentence, article, want) => {
    expect(sentenceDate(sentence, dateContext(article, ''))).toBe(want)
  })
})

describe('the overall stance', () => {
  const e = (stance: 'accepts' | 'rejects', date: string | null, cue: string = stance) => ({
    stance,
    date,
    cue,
  })
  it.each([
    ['no evidence: unknown', [], 'unknown'],
    ['agreeing evidence: that stance', [e('rejects', '2018-05-01'), e('rejects', null)], 'rejects'],
    ['a conflict over time: the latest', [e('rejects', '2018-05-01'), e('accepts', '2018-05-03')], 'accepts'],
    [
      'a conflict on the latest day: mixed',
      [e('accepts', '2018-05-01'), e('accepts', '2018-05-03'), e('rejects', '2018-05-03')],
      'mixed',
    ],
    ['a conflict with no dates: mixed', [e('accepts', null), e('rejects', null)], 'mixed'],
    ['undated evidence stands before the dated', [e('rejects', null), e('accepts', '2018-05-03')], 'accepts'],
  ] as const)('%s', (_, evidence, want) => {
    expect(summarizeStance(evidence).stance).toBe(want)
  })

  it('shows the change over time', () => {
    const s = summarizeStance([
      e('rejects', '2018-05-01', 'rejected'),
      e('accepts', '2018-05-03', 'handed over'),
    ])
    expect(s.changes).toEqual([
      {
        from: 'rejects',
        to: 'accepts',
        fromDate: '2018-05-01',
        toDate: '2018-05-03',
        fromCue: 'rejected',
        toCue: 'handed over',
      },
    ])
  })
})
