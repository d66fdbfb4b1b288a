import { describe, expect, it } from 'vitest'
import { englishQuestion, readArabicQuestion } from '../../src/text/arabic-question.ts'

describe('reading an Arabic question', () => {
  it.each([
    ['من هو المتحدث باسم اللجنة؟', 'who'],
    ['متى بدأت الهدنة؟', 'when'],
    ['أين وقع الاتفاق؟', 'where'],
    ['كم عدد الحافلات؟', 'how-many'],
    ['لماذا توقفت المفاوضات؟', 'why'],
    ['هل وافقت الحركة على الاتفاق؟', 'yes-no'],
    ['ما المهلة الممنوحة للمقاتلين؟', 'how-long'],
  ])('%s asks for %s', (question, kind) => {
    expect(readArabicQuestion(question).kind).toBe(kind)
  })

  it('reads where people go from إلى أين', () => {
    expect(readArabicQuestion('إلى أين سيذهب المقاتلون؟')).toMatchObject({ kind: 'where', movement: true })
  })

  it('names the thing counted', () => {
    expect(readArabicQuestion('كم عدد الحافلات التي دخلت؟').unit).toBe('الحافلات')
  })

  it('puts the question in English words, names through the tables', () => {
    const q = readArabicQuestion('كم عدد الحافلات التي دخلت قدسيا لنقل المقاتلين؟')
    const english = englishQuestion(q, (w) => (w === 'قدسيا' ? 'Qudsaya' : null))
    expect(english).toBe('How many buses entered Qudsaya take fighters?')
  })
})
