import { describe, expect, it } from 'vitest'
import { stance } from '../../src/answers/stance.ts'
import { SPLIT_SUBJECT_RULES, splitSubjectAt } from '../../src/extract/split-subjects.ts'
import { knowledgeBaseOf } from '../helpers.ts'

describe('split subjects: a part of a group just named takes its own stance', () => {
  for (const rule of SPLIT_SUBJECT_RULES) {
    it.each(rule.examples)(`${rule.id} opens the clause “%s”`, (clause) => {
      expect(splitSubjectAt(clause)?.rule.id).toBe(rule.id)
    })
    it.each(rule.counterExamples)(`${rule.id} does not open “%s”`, (clause) => {
      expect(splitSubjectAt(clause)?.rule.id).not.toBe(rule.id)
    })
  }

  it('a group split both ways in one sentence is mixed, each part cited', () => {
    const kb = knowledgeBaseOf({
      'a.txt':
        'Split in Tell Abyad\n\n2019-03-04\n\nAbout forty members of Liwa Suqour al-Jabal rejected the reconciliation deal, while some 60 others accepted it and stayed in Tell Abyad.\n',
    })
    const a = stance(kb, 'Liwa Suqour al-Jabal')
    expect(a.stance).toBe('mixed')
    expect(a.evidence.map((e) => [e.stance, e.cue])).toEqual([
      ['rejects', 'rejected'],
      ['accepts', 'accepted'],
    ])
  })

  it('another faction in the later clause keeps its own stance', () => {
    const kb = knowledgeBaseOf({
      'a.txt':
        'Talks in Tell Abyad\n\n2019-03-04\n\nLiwa Suqour al-Jabal rejected the reconciliation deal, while Jaysh al-Khabur accepted it.\n',
    })
    expect(stance(kb, 'Liwa Suqour al-Jabal').stance).toBe('rejects')
    expect(stance(kb, 'Jaysh al-Khabur').stance).toBe('accepts')
  })
})

describe('a faction named as the object of “by” or “against” is not the subject of the verb after it', () => {
  it('“The militants, squeezed by an assault by X, agreed” is no stance of X', () => {
    const kb = knowledgeBaseOf({
      'a.txt':
        'Truce in Jurud\n\n2017-08-27\n\nThe militants, squeezed by an assault by Liwa Suqur al-Jabal from the south, agreed to a ceasefire on Sunday.\n',
    })
    expect(stance(kb, 'Liwa Suqur al-Jabal').evidence).toEqual([])
  })

  it('the passive still reads “was rejected by X” as X’s stance', () => {
    const kb = knowledgeBaseOf({
      'a.txt':
        'Truce in Jurud\n\n2017-08-27\n\nThe ceasefire was rejected by Liwa Suqur al-Jabal on Sunday.\n',
    })
    expect(stance(kb, 'Liwa Suqur al-Jabal').stance).toBe('rejects')
  })
})
