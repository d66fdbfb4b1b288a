/**
 * Document frequencies of search terms, from the passage index. Ask needs them before it
 * searches: a question's common words ('said', 'people') would make the index score tens of
 * thousands of passages, far beyond ask's latency budget, so they are left to sentence scoring.
 */
import type { KnowledgeBase } from '../../knowledge/knowledge-base.ts'

/** In how many passages a term occurs (in any field); 0 when unknown. */
export function documentFrequency(kb: KnowledgeBase, term: string): number {
  return kb.index.documentFrequency(term)
}

/** How much a term tells: rare terms weigh more (smoothed inverse document frequency, at least 1). */
export function termWeight(kb: KnowledgeBase, term: string): number {
  const n = Math.max(1, kb.passages.size)
  return 1 + Math.log((n + 1) / (documentFrequency(kb, term) + 1))
}
