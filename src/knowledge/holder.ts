import type { KnowledgeBase } from './knowledge-base.ts'

/**
 * Where the adapters get the knowledge base from on each request. A live corpus swaps in a new
 * one when files change; answers always see one whole knowledge base, never a half-built one.
 */
export interface KnowledgeSource {
  current(): KnowledgeBase
  /** Rebuilds from the corpus now (the /reload command); absent for a fixed knowledge base. */
  reload?(): Promise<{ articles: number; passages: number; ms: number }>
}

/** A knowledge base that never changes. */
export function fixedSource(kb: KnowledgeBase): KnowledgeSource {
  return { current: () => kb }
}
