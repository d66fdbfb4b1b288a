import { describe, expect, it } from 'vitest'
import { arabicSynonymous, SYNONYM_GROUPS, synonymous } from '../../src/answers/ask/synonyms.ts'

describe('data/synonyms.json: each group’s examples meet, its counter-examples do not', () => {
  it.each(SYNONYM_GROUPS.map((g) => [g.id, g] as const))('%s', (_, g) => {
    const kind = g.kinds?.[0] ?? 'what'
    for (const [a, b] of g.examples) expect(synonymous(a, b, kind), `${a} ~ ${b}`).toBe(true)
    for (const [a, b] of g.counterExamples) expect(synonymous(a, b, kind), `${a} ≁ ${b}`).toBe(false)
  })

  it.each(SYNONYM_GROUPS.filter((g) => g.arabic.length).map((g) => [g.id, g] as const))(
    '%s in Arabic',
    (_, g) => {
      for (const [a, b] of g.arabicExamples) expect(arabicSynonymous(a, b), `${a} ~ ${b}`).toBe(true)
      for (const [a, b] of g.arabicCounterExamples) expect(arabicSynonymous(a, b), `${a} ≁ ${b}`).toBe(false)
    },
  )

  it('holds a group with kinds only in questions of those kinds', () => {
    expect(synonymous('go', 'withdrawn', 'where')).toBe(true)
    expect(synonymous('go', 'withdrawn', 'how-many')).toBe(false)
  })

  it('has unique ids', () => {
    const ids = SYNONYM_GROUPS.map((g) => g.id)
    expect(new Set(ids).size).toBe(ids.length)
  })
})
