import { describe, expect, it } from 'vitest'
import { sanitize } from '../../src/render/discord.ts'
import { isolateArabic, PDI, RLI, withoutIsolates } from '../../src/text/bidi.ts'

describe('Arabic among Latin text', () => {
  it('isolates each run of Arabic where it meets Latin', () => {
    const line = 'أحرار الشام rejects the agreement [1]'
    expect(isolateArabic(line)).toBe(`${RLI}أحرار الشام${PDI} rejects the agreement [1]`)
  })

  it('keeps an Arabic title with its numbers and punctuation in one run', () => {
    const line = 'اتفاق في قدسيا، 48 ساعة, Source, 2016-10-11 · ¶4'
    const out = isolateArabic(line)
    expect(out.startsWith(`${RLI}اتفاق في قدسيا، 48 ساعة${PDI}`)).toBe(true)
    expect(withoutIsolates(out)).toBe(line)
  })

  it('leaves text without Arabic alone, and isolates once', () => {
    expect(isolateArabic('Jaysh al-Izza accepts')).toBe('Jaysh al-Izza accepts')
    const once = isolateArabic('هيئة تحرير الشام: mixed')
    expect(isolateArabic(once)).toBe(once)
  })

  it('drops the corpus’s own bidi controls in Discord text and puts its isolates in', () => {
    const out = sanitize('\u202Eهيئة\u202C HTS')
    expect(out).toBe(`${RLI}هيئة${PDI} HTS`)
  })
})
