import type { Passage, Span } from '../corpus/types.ts'
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts'
import { crossScriptNamed } from '../search/cross-script.ts'
import { type NamedInQuery, namesInQuery } from '../search/name-groups.ts'
import { matchSpans, snippet } from '../search/snippet.ts'
import { searchTerms } from '../text/normalize.ts'
import { cleanQuery } from '../text/query.ts'
import { type Citation, cite, QUOTE_CHARS } from './citation.ts'

export interface SearchResult {
  score: number
  /** The passage around the matches, matched words in **bold**. */
  snippet: string
  citation: Citation
}

export interface SearchAnswer {
  command: 'search'
  query: string
  results: SearchResult[]
  /** How many passages matched in all (results holds the first `limit`). */
  total: number
}

export const DEFAULT_LIMIT = 5
export const MAX_LIMIT = 50

/** A passage found by the index, with the document terms that matched. */
export interface PassageHit {
  passage: Passage
  score: number
  terms: Set<string>
}

/**
 * The passages that match a query, best first. A name the query spells in one of its known
 * variants is searched in all of them ('HTS' finds 'Tahrir al-Sham'). The index's relevance is
 * weighed by the share of the query a passage holds (each named thing counts once, whichever of
 * its names is found), so that a passage with all of it outranks one that repeats one word.
 */
export function findPassages(
  kb: KnowledgeBase,
  query: string,
  limit = Number.POSITIVE_INFINITY,
): PassageHit[] {
  return matchPassages(kb, query, limit).hits
}

/** The best `limit` passages for a query (as findPassages) and how many passages matched in all. */
export function matchPassages(
  kb: KnowledgeBase,
  query: string,
  limit = Number.POSITIVE_INFINITY,
): { hits: PassageHit[]; total: number } {
  const q = cleanQuery(query)
  const terms = searchTerms(q)
  if (terms.length === 0) return { hits: [], total: 0 }
  const named = namesInQuery(kb, terms)
  named.push(...crossScriptNamed(kb.passages, q, terms, new Set(named.flatMap((n) => n.at))))
  const inNames = new Set(named.flatMap((n) => n.at))
  const plain = new Set(terms.filter((_, i) => !inNames.has(i)))
  const wanted = plain.size + named.length
  // Each variant is searched as written, all its words, no typo or prefix leeway: an alias must
  // not drag in whatever resembles one of its words.
  const variants = named.flatMap((n) => n.group.names.map((name) => name.join(' ')))
  const ranking = kb.index.rank(q, variants)
  if (!ranking) return rankWithMiniSearch(kb, q, variants, plain, named, wanted, limit)
  const bit = (t: string) => {
    const i = ranking.queryTerms.indexOf(t)
    return i < 0 ? 0 : 1 << i
  }
  const plainBits = [...plain].map(bit)
  const namedBits = named.map((n) => n.group.names.map((name) => name.reduce((m, t) => m | bit(t), 0)))
  // A query has few distinct sets of matched terms: the coverage weight is worked out once for each.
  const weights = new Map<number, number>()
  const weightOf = (mask: number): number => {
    let w = weights.get(mask)
    if (w !== undefined) return w
    let held = 0
    for (const b of plainBits) if (b && (mask & b) === b) held++
    for (const names of namedBits) if (names.some((b) => b !== 0 && (mask & b) === b)) held++
    const coverage = Math.min(1, held / wanted)
    w = held === 0 ? 0 : coverage * coverage
    weights.set(mask, w)
    return w
  }
  // The best `limit`, ties in the index's order (as a stable sort of all would give): a bounded heap.
  const top = new TopScores(limit)
  let total = 0
  for (let i = 0; i < ranking.count; i++) {
    const w = weightOf(ranking.masks[i] ?? 0)
    if (w === 0) continue
    total++
    top.offer(i, (ranking.scores[i] ?? 0) * w)
  }
  const best = top.best()
  const matched = ranking.matchedTerms(best.map((b) => b.i))
  const hits: PassageHit[] = []
  for (const [k, { i, score }] of best.entries()) {
    const id = kb.index.passageId(ranking.docs[i] ?? -1)
    const passage = id === undefined ? undefined : kb.passages.get(id)
    if (passage) hits.push({ passage, score, terms: matched[k] ?? new Set() })
  }
  return { hits, total }
}

/** The highest scores offered, at most `limit`; of equal scores, the one offered first wins. */
class TopScores {
  readonly #heap: { i: number; score: number }[] = []

  constructor(readonly limit: number) {}

  /** Whether a is worse than b: a lower score, or the same score offered later. */
  #worse(a: { i: number; score: number }, b: { i: number; score: number }): boolean {
    return a.score < b.score || (a.score === b.score && a.i > b.i)
  }

  offer(i: number, score: number): void {
    const heap = this.#heap
    const entry = { i, score }
    if (heap.length < this.limit) {
      heap.push(entry)
      for (let k = heap.length - 1; k > 0; ) {
        const parent = (k - 1) >> 1
        if (!this.#worse(entry, heap[parent] as typeof entry)) break
        heap[k] = heap[parent] as typeof entry
        heap[parent] = entry
        k = parent
      }
      return
    }
    const root = heap[0]
    if (!root || !this.#worse(root, entry)) return
    heap[0] = entry
    for (let k = 0; ; ) {
      const l = 2 * k + 1
      const r = l + 1
      let m = k
      if (l < heap.length && this.#worse(heap[l] as typeof entry, heap[m] as typeof entry)) m = l
      if (r < heap.length && this.#worse(heap[r] as typeof entry, heap[m] as typeof entry)) m = r
      if (m === k) break
      heap[k] = heap[m] as typeof entry
      heap[m] = entry
      k = m
    }
  }

  /** Best first. */
  best(): { i: number; score: number }[] {
    return [...this.#heap].sort((a, b) => (this.#worse(a, b) ? 1 : this.#worse(b, a) ? -1 : 0))
  }
}

/** findPassages through MiniSearch's own search: for a query too long for the index's ranking. */
function rankWithMiniSearch(
  kb: KnowledgeBase,
  q: string,
  variants: string[],
  plain: Set<string>,
  named: NamedInQuery[],
  wanted: number,
  limit: number,
): { hits: PassageHit[]; total: number } {
  const exact = variants.map((v) => ({
    queries: [v],
    combineWith: 'AND' as const,
    fuzzy: false,
    prefix: false,
  }))
  const results = exact.length
    ? kb.index.search({ combineWith: 'OR', queries: [q, ...exact] })
    : kb.index.search(q)
  const out: PassageHit[] = []
  for (const r of results) {
    const passage = kb.passages.get(String(r.id))
    if (!passage) continue
    const found = new Set(r.queryTerms)
    let held = 0
    for (const t of plain) if (found.has(t)) held++
    for (const n of named) if (n.group.names.some((name) => name.every((t) => found.has(t)))) held++
    if (held === 0) continue
    const coverage = Math.min(1, held / wanted)
    out.push({ passage, score: r.score * coverage * coverage, terms: new Set(r.terms) })
  }
  out.sort((a, b) => b.score - a.score)
  return { hits: out.length > limit ? out.slice(0, limit) : out, total: out.length }
}

/** The run of sentences of a passage with the most matched words, within `max` characters. */
export function bestSentences(
  text: string,
  passage: Passage,
  terms: ReadonlySet<string>,
  max = QUOTE_CHARS,
): Span {
  const counts = passage.sentences.map((s) => matchSpans(text, terms, s.start, s.end).length)
  let best: Span = passage.sentences[0] ?? { start: passage.start, end: passage.end }
  let bestCount = -1
  for (let i = 0; i < passage.sentences.length; i++) {
    let count = 0
    for (let j = i; j < passage.sentences.length; j++) {
      const first = passage.sentences[i]
      const last = passage.sentences[j]
      if (!first || !last || (j > i && last.end - first.start > max)) break
      count += counts[j] ?? 0
      if (count > bestCount) {
        bestCount = count
        best = { start: first.start, end: last.end }
      }
    }
  }
  return best
}

/** search: the passages that best match the query, each with a snippet and a verbatim, cited quote. */
export function search(kb: KnowledgeBase, query: string, options: { limit?: number } = {}): SearchAnswer {
  const limit = Math.max(1, Math.min(MAX_LIMIT, options.limit ?? DEFAULT_LIMIT))
  const { hits, total } = matchPassages(kb, query, limit)
  const results = hits.map(({ passage, score, terms }) => {
    const text = kb.articles.get(passage.articleId)?.text ?? ''
    return {
      score: Math.round(score * 1000) / 1000,
      snippet: snippet(text, terms, passage.start, passage.end),
      citation: cite(kb, passage, bestSentences(text, passage, terms)),
    }
  })
  return { command: 'search', query, results, total }
}
