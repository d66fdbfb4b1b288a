/**
 * Document frequencies of search terms, read from the passage index. MiniSearch keeps them but
 * exposes no accessor, and ask needs them before it searches: a question's common words ('said',
 * 'people') would make the index score tens of thousands of passages, far beyond ask's latency
 * budget, so they are left to sentence scoring. Should MiniSearch's inner layout change, every
 * term reads as rare and ask still works, only slower.
 */
import type { KnowledgeBase } from '../../knowledge/knowledge-base.ts'

/** The shape of MiniSearch's inner index: term → field id → document short id → term frequency. */
interface InnerIndex {
  get(term: string): Map<number, Map<number, number>> | undefined
}

function innerIndex(kb: KnowledgeBase): InnerIndex | null {
  const inner = (kb.index as unknown as { _index?: unknown })._index
  return inner && typeof (inner as InnerIndex).get === 'function' ? (inner as InnerIndex) : null
}

/** In how many passages a term occurs (in any field); 0 when unknown. */
export function documentFrequency(kb: KnowledgeBase, term: string): number {
  const fields = innerIndex(kb)?.get(term)
  if (!(fields instanceof Map)) return 0
  let most = 0
  for (const docs of fields.values()) if (docs instanceof Map) most = Math.max(most, docs.size)
  return most
}

/** How much a term tells: rare terms weigh more (smoothed inverse document frequency, at least 1). */
export function termWeight(kb: KnowledgeBase, term: string): number {
  const n = Math.max(1, kb.passages.size)
  return 1 + Math.log((n + 1) / (documentFrequency(kb, term) + 1))
}
