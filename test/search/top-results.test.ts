import { describe, expect, it } from 'vitest'
import { findPassages, matchPassages, search } from '../../src/answers/search.ts'
import { seedKnowledgeBase } from '../helpers.ts'

const kb = seedKnowledgeBase()
const view = (hits: ReturnType<typeof findPassages>) =>
  hits.map((h) => ({ id: h.passage.id, score: h.score, terms: [...h.terms].sort() }))

describe('the best results without ranking them all', () => {
  it.each([
    'the regime said',
    'military police',
    'agreement',
    'HTS fighters',
    'reconciliation agre',
    'evacuaton to Idlib',
  ])('gives for %j the first results and the total of a full ranking', (query) => {
    const all = findPassages(kb, query)
    for (const limit of [1, 5, 50]) {
      const { hits, total } = matchPassages(kb, query, limit)
      expect(total).toBe(all.length)
      expect(view(hits)).toEqual(view(all.slice(0, limit)))
    }
  })

  it('answers a query longer than the index ranking tracks, through MiniSearch', () => {
    const words = 'military police agreement fighters Idlib Daraa Homs regime opposition evacuation'
    const long = `${words} ${Array.from({ length: 30 }, (_, i) => `filler${i}q`).join(' ')}`
    const answer = search(kb, long)
    expect(answer.results.length).toBeGreaterThan(0)
    expect(answer.total).toBeGreaterThanOrEqual(answer.results.length)
    expect(answer.results[0]?.citation.quote.length).toBeGreaterThan(0)
  })
})
