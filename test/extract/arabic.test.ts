import { describe, expect, it } from 'vitest'
import { stance } from '../../src/answers/stance.ts'
import { terms } from '../../src/answers/terms.ts'
import { ARABIC_DEAL_KINDS, ARABIC_STATUS_CUES } from '../../src/extract/arabic/agreement-rules.ts'
import { type ArabicRule, normalSpan, regexOf } from '../../src/extract/arabic/match.ts'
import { findArabicCues } from '../../src/extract/arabic/stance.ts'
import { ARABIC_STANCE_CUES } from '../../src/extract/arabic/stance-rules.ts'
import { normalizeArabic } from '../../src/text/arabic.ts'
import { ARABIC_ARTICLES } from '../fixtures/arabic/articles.ts'
import { knowledgeBaseOf } from '../helpers.ts'

const TABLES: [string, readonly ArabicRule<unknown>[]][] = [
  ['stance cues', ARABIC_STANCE_CUES],
  ['deal nouns', ARABIC_DEAL_KINDS],
  ['agreement status cues', ARABIC_STATUS_CUES],
]

describe.each(TABLES)('the Arabic %s table', (_name, rules) => {
  const cases = rules.flatMap((r) => [
    ...r.examples.map((e) => [r.id, e, true] as const),
    ...r.counterExamples.map((e) => [r.id, e, false] as const),
  ])
  it.each(cases)('%s on «%s»: matches %s', (id, sentence, matches) => {
    const rule = rules.find((r) => r.id === id)
    expect(rule).toBeDefined()
    expect(regexOf(rule as ArabicRule<unknown>).test(normalizeArabic(sentence))).toBe(matches)
  })
})

describe('facts from an Arabic article', () => {
  const kb = knowledgeBaseOf(ARABIC_ARTICLES)

  it('tells who rejected the deal, with the Arabic sentence quoted verbatim and the rule that read it', () => {
    const answer = stance(kb, 'أحرار الشام')
    expect(answer.stance).toBe('rejects')
    const quote = answer.evidence[0]?.citation.quote ?? ''
    expect(ARABIC_ARTICLES['rastan-ar.txt']).toContain(quote)
    expect(quote).toContain('ورفضت')
    const fact = kb.facts.factions.flatMap((f) => f.evidence).find((e) => e.cue.includes('رفض'))
    expect(fact).toMatchObject({ rule: 'ar-stance-reject' })
  })

  it.each([
    ['وأكدت أنها لن تسلّم سلاحها', 'rejects', 'لن تسلّم'],
    ['لم توافق الفصائل على الاتفاق', 'rejects', 'لم توافق'],
    ['وترفض تسليم سلاحها', 'rejects', 'وترفض تسليم'],
    ['ووافقت الحركة على الاتفاق', 'accepts', 'ووافقت'],
  ])('reads the cue of «%s» as %s (%s)', (sentence, expected, cue) => {
    const cues = findArabicCues(sentence, normalSpan(sentence, 0, sentence.length))
    expect(cues[0]).toMatchObject({ stance: expected, text: cue })
  })

  it('takes a demand for no stance', () => {
    const sentence = 'طالبت الفصائل بالقبول بالتسوية'
    expect(findArabicCues(sentence, normalSpan(sentence, 0, sentence.length))).toEqual([])
  })

  it('tells who accepted, the verb before its subject', () => {
    expect(stance(kb, 'فيلق الشام').stance).toBe('accepts')
  })

  it('finds the faction by its English name too', () => {
    expect(stance(kb, 'Ahrar al-Sham').stance).toBe('rejects')
  })

  it('gives no faction for a state', () => {
    expect(stance(kb, 'روسيا').faction).toBeNull()
  })

  it('lists the terms, item by item, each quoted and categorised', () => {
    const answer = terms(kb, 'الرستن')
    const items = answer.agreements.flatMap((a) => a.terms)
    expect(items.map((t) => t.text)).toEqual(
      expect.arrayContaining([
        'وقف إطلاق النار في المدينة.',
        'تسليم السلاح الثقيل خلال ٤٨ ساعة.',
        'خروج الرافضين للتسوية إلى الشمال السوري.',
      ]),
    )
    expect(items.find((t) => t.text.startsWith('وقف'))?.category).toBe('ceasefire')
    expect(items.find((t) => t.text.startsWith('تسليم'))?.category).toBe('weapons handover')
  })

  it('finds the Arabic agreement by the Latin name of its town', () => {
    expect(terms(kb, 'Rastan').agreements.some((a) => a.terms.length > 0)).toBe(true)
  })

  it('has no agreement where the articles place none', () => {
    expect(terms(kb, 'تدمر').agreements.flatMap((a) => a.terms)).toEqual([])
  })
})
