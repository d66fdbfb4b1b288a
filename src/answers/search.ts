import type { Passage, Span } from '../corpus/types.ts'
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts'
import { namesInQuery } from '../search/name-groups.ts'
import { snippet } from '../search/snippet.ts'
import { searchTerms } from '../text/normalize.ts'
import { type Citation, cite, QUOTE_CHARS } from './citation.ts'
import { cleanQuery } from './query.ts'

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
  const q = cleanQuery(query)
  const terms = searchTerms(q)
  if (terms.length === 0) return []
  const named = namesInQuery(kb, terms)
  const inNames = new Set(named.flatMap((n) => n.at))
  const plain = new Set(terms.filter((_, i) => !inNames.has(i)))
  const wanted = plain.size + named.length
  // Each variant is searched as written, all its words, no typo or prefix leeway: an alias must
  // not drag in whatever resembles one of its words.
  const variants = named.flatMap((n) =>
    n.group.names.map((name) => ({
      queries: [name.join(' ')],
      combineWith: 'AND' as const,
      fuzzy: false,
      prefix: false,
    })),
  )
  const results = variants.length
    ? kb.index.search({ combineWith: 'OR', queries: [q, ...variants] })
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
  return out.length > limit ? out.slice(0, limit) : out
}

/** The run of sentences of a passage with the most matched words, within `max` characters. */
export function bestSentences(
  text: string,
  passage: Passage,
  terms: ReadonlySet<string>,
  max = QUOTE_CHARS,
): Span {
  const counts = passage.sentences.map(
    (s) => searchTerms(text.slice(s.start, s.end)).filter((t) => terms.has(t)).length,
  )
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
  const hits = findPassages(kb, query)
  const results = hits.slice(0, limit).map(({ passage, score, terms }) => {
    const text = kb.articles.get(passage.articleId)?.text ?? ''
    return {
      score: Math.round(score * 1000) / 1000,
      snippet: snippet(text, terms, passage.start, passage.end),
      citation: cite(kb, passage, bestSentences(text, passage, terms)),
    }
  })
  return { command: 'search', query, results, total: hits.length }
}
