import { describe, expect, it } from 'vitest'
import { LazyTermData, PassageIndex } from '../../src/knowledge/passage-index.ts'
import type { Ranking } from '../../src/knowledge/ranking.ts'
import type { IndexedPassage } from '../../src/search/index-options.ts'
import { searchTerm } from '../../src/text/normalize.ts'
import { seedKnowledgeBase } from '../helpers.ts'

const kb = seedKnowledgeBase()
const docs: IndexedPassage[] = [...kb.passages.values()].map((p) => ({
  id: p.id,
  text: p.text,
  title: kb.articles.get(p.articleId)?.title ?? '',
}))

/** A ranking as MiniSearch's results read: best first (ties in the ranking's order), with the terms matched. */
function asResults(index: PassageIndex, ranking: Ranking) {
  const all = Array.from({ length: ranking.count }, (_, i) => i)
  const terms = ranking.matchedTerms(all)
  return all
    .map((i) => ({
      id: index.passageId(ranking.docs[i] ?? -1),
      score: ranking.scores[i],
      terms: [...(terms[i] ?? [])].sort(),
      queryTerms: ranking.queryTerms.filter((_, b) => ((ranking.masks[i] ?? 0) >> b) & 1).sort(),
    }))
    .sort((a, b) => (b.score ?? 0) - (a.score ?? 0))
}

function miniSearchResults(index: PassageIndex, query: string, variants: string[]) {
  const exact = variants.map((v) => ({
    queries: [v],
    combineWith: 'AND' as const,
    fuzzy: false,
    prefix: false,
  }))
  return index.search({ combineWith: 'OR', queries: [query, ...exact] }).map((r) => ({
    id: r.id,
    score: r.score,
    terms: [...r.terms].sort(),
    queryTerms: [...r.queryTerms].sort(),
  }))
}

describe('the index ranking (MiniSearch scoring without a result object per posting)', () => {
  it.each([
    ['military police', []],
    ['Astana', []],
    ['evacuaton of fighters', []], // a typo: fuzzy matches
    ['reconciliation agre', []], // the last word being typed: prefix matches
    ['said said the regime', []], // a repeated word counts twice, as in MiniSearch
    ['HTS fighters', ['tahrir al sham', 'hayat tahrir al sham']],
    ['xqzvw plorth', []],
  ] as [string, string[]][])(
    'ranks %j (variants %j) exactly as MiniSearch, to the bit',
    (query, variants) => {
      const index = PassageIndex.build(docs)
      const ranking = index.rank(query, variants)
      expect(ranking).not.toBeNull()
      expect(asResults(index, ranking as Ranking)).toEqual(miniSearchResults(index, query, variants))
    },
  )

  it('ranks as MiniSearch after passages were added one by one and others removed', () => {
    const index = PassageIndex.build(docs.slice(0, 60))
    index.addAll(docs.slice(60))
    for (const d of docs.slice(0, 10)) index.discard(d.id)
    // MiniSearch counts a removed passage in a term's frequency until it meets it: after one search, not any more.
    miniSearchResults(index, 'agreement fighters', [])
    const ranking = index.rank('agreement fighters') as Ranking
    expect(asResults(index, ranking)).toEqual(miniSearchResults(index, 'agreement fighters', []))
    expect(asResults(index, ranking).some((r) => docs.slice(0, 10).some((d) => d.id === r.id))).toBe(false)
  })

  it('leaves a query of more distinct words than it tracks to MiniSearch', () => {
    const index = PassageIndex.build(docs)
    const long = Array.from({ length: 40 }, (_, i) => `word${i}x`).join(' ')
    expect(index.rank(long)).toBeNull()
  })

  it('reads postings without unpacking them', () => {
    const index = PassageIndex.decode(PassageIndex.build(docs).encode())
    index.rank('reconciliation agreement')
    const data = (index as unknown as { _index: Map<string, unknown> })._index.get(
      searchTerm('agreement') ?? '',
    )
    expect(data).toBeInstanceOf(LazyTermData)
    expect((data as LazyTermData).materialised).toBe(false)
  })
})

describe('documentFrequency', () => {
  const inner = (index: PassageIndex) =>
    (index as unknown as { _index: Map<string, Map<number, Map<number, number>>> })._index

  it.each(['agreement', 'Astana', 'police', 'nosuchword'])(
    'counts the passages holding %j, as MiniSearch holds them, without unpacking',
    (word) => {
      const term = searchTerm(word) ?? ''
      const expected = Math.max(
        0,
        ...[...(inner(PassageIndex.build(docs)).get(term)?.values() ?? [])].map((d) => d.size),
      )
      const index = PassageIndex.decode(PassageIndex.build(docs).encode())
      expect(index.documentFrequency(term)).toBe(expected)
      const data = inner(index).get(term)
      if (data) expect((data as LazyTermData).materialised).toBe(false)
    },
  )

  it('counts passages added after the index was built', () => {
    const term = searchTerm('agreement') ?? ''
    const index = PassageIndex.build(docs.slice(0, 30))
    const before = index.documentFrequency(term)
    const more = docs
      .slice(30)
      .filter((d) => /\bagreement\b/i.test(d.text) && !/\bagreement\b/i.test(d.title))
    index.addAll(more.slice(0, 2))
    expect(more.length).toBeGreaterThanOrEqual(2)
    expect(index.documentFrequency(term)).toBe(before + 2)
  })
})
