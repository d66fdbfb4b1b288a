import { describe, expect, it } from 'vitest'
import { search } from '../../src/answers/search.ts'
import { isVerbatim, knowledgeBaseOf, seedKnowledgeBase } from '../helpers.ts'

const kb = seedKnowledgeBase()

describe('search', () => {
  it('ranks the passages that hold all the query words first', () => {
    const answer = search(kb, 'military police')
    expect(answer.command).toBe('search')
    expect(answer.query).toBe('military police')
    expect(answer.results[0]?.citation.quote).toMatch(/military police/)
    expect(answer.total).toBeGreaterThanOrEqual(answer.results.length)
  })

  it.each([
    'military police',
    'Astana',
    'Jaish al-Izza',
    'heavy weapons',
    'conscription 18 42',
    'Zaman al-Wasl',
    'Talal Barazi',
  ])('quotes every result of %j verbatim from its article and paragraph', (query) => {
    const answer = search(kb, query, { limit: 50 })
    expect(answer.results.length).toBeGreaterThan(0)
    for (const r of answer.results) {
      const article = kb.articles.get(r.citation.article)
      const passage = kb.passagesByArticle.get(r.citation.article)?.[r.citation.paragraph - 1]
      expect(article?.title).toBe(r.citation.title)
      expect(isVerbatim(r.citation.quote, passage?.text ?? '')).toBe(true)
      expect(r.citation.quote).not.toMatch(/\*\*/)
    }
  })

  it('highlights the matched words in the snippet, in any spelling', () => {
    const [first] = search(kb, 'jaish al-azza').results
    expect(first?.snippet).toMatch(/\*\*Jaysh\*\* al-\*\*Azza\*\*/)
  })

  it.each([
    ['HTS', 'Tahrir al-Sham'],
    ['Sham Legion', 'Faylaq al-Sham'],
    ['Jaish al-Izza', 'Jaysh al-Azza'],
    ['Harakat Ahrar al-Sham', 'Harakat Ahrar al-Sham al-Islamiyya'],
  ])('finds a faction by any of its names: %j finds %j', (query, written) => {
    const answer = search(kb, query, { limit: 50 })
    expect(answer.results.length).toBeGreaterThan(0)
    expect(answer.results[0]?.citation.quote).toContain(written)
    for (const r of answer.results) expect(`${r.citation.title} ${r.citation.quote}`).toContain(written)
  })

  it('gives a citation with the article metadata', () => {
    const [first] = search(kb, 'Astana').results
    expect(first?.citation).toMatchObject({
      article: '001_5b4b42df90f05e6d',
      title: 'Displacement or Death: Russia Offers Homs Rebels 10-Item Deal',
      source: 'The Syrian Observer',
      paragraph: 23,
    })
  })

  it('finds nothing for words the corpus does not hold, or for no words at all', () => {
    expect(search(kb, 'zzqxv wibblequark').results).toEqual([])
    expect(search(kb, '   ').results).toEqual([])
    expect(search(kb, 'the of and').results).toEqual([])
  })

  it('keeps to the limit', () => {
    expect(search(kb, 'Homs', { limit: 2 }).results).toHaveLength(2)
    expect(search(kb, 'Homs', { limit: 500 }).results.length).toBeLessThanOrEqual(50)
  })

  it('survives hostile input: control characters, lone surrogates, a flood of text', () => {
    const hostile = `@everyone \u0000\u0007 **Homs** \ud800 ${'x'.repeat(100_000)}`
    expect(() => search(kb, hostile)).not.toThrow()
    expect(search(kb, hostile).results.length).toBeGreaterThan(0)
  })

  it('shortens a long quote with … and keeps it verbatim', () => {
    const long = `${'Some words about the deal in Talbiseh. '.repeat(40)}`
    const small = knowledgeBaseOf({ 'long.txt': `Head\n\n${long}` })
    for (const r of search(small, 'Talbiseh').results) {
      expect(r.citation.quote.length).toBeLessThanOrEqual(401)
      expect(isVerbatim(r.citation.quote, small.articles.get('long')?.text ?? '')).toBe(true)
    }
  })
})
