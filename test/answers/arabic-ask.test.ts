import { describe, expect, it } from 'vitest'
import { ask } from '../../src/answers/ask.ts'
import { ARABIC_ARTICLES } from '../fixtures/arabic/articles.ts'
import { knowledgeBaseOf } from '../helpers.ts'

describe('ask in Arabic', () => {
  const kb = knowledgeBaseOf(ARABIC_ARTICLES)
  const source = ARABIC_ARTICLES['rastan-ar.txt'] ?? ''

  it('answers who with the name in apposition to the role, quoted verbatim', () => {
    const answer = ask(kb, 'من هو المتحدث باسم لجنة التفاوض في الرستن؟')
    expect(answer.answer).toBe('أحمد الحمصي')
    expect(answer.confidence).toBeGreaterThanOrEqual(0.5)
    expect(source).toContain(answer.citations[0]?.quote ?? '-')
  })

  it('answers who with the name right after the role', () => {
    expect(ask(kb, 'من هو قائد الكتيبة التي قاتلت في الرستن؟').answer).toBe('سامر العلي')
  })

  it('answers how long with the number and its unit', () => {
    expect(ask(kb, 'ما المهلة الممنوحة لتسليم السلاح الثقيل في الرستن؟').answer).toBe('٤٨ ساعة')
  })

  it('answers where people go with the destination, not the place they leave', () => {
    expect(ask(kb, 'إلى أين يخرج الرافضون للتسوية من الرستن؟').answer).toContain('الشمال')
  })

  it('routes a yes-no question about a faction to its stance', () => {
    const answer = ask(kb, 'هل رفضت أحرار الشام الاتفاق؟')
    expect(answer.routedTo).toBe('stance')
    expect(answer.answer).toMatch(/^Yes/)
  })

  it('answers from the English article when the Arabic ones do not tell', () => {
    const answer = ask(kb, 'كم عدد الحافلات التي غادرت الرستن؟')
    expect(answer.answer?.toLowerCase()).toContain('twenty')
    expect(answer.citations[0]?.article).toBe('rastan-en')
  })

  it('does not answer what the corpus does not hold', () => {
    const answer = ask(kb, 'من فاز بكأس العالم لكرة القدم عام 2010؟')
    expect(answer.answer === null || answer.confidence < 0.5).toBe(true)
  })
})
