import type { KnowledgeBase } from './knowledge-base.ts'

/** One passage found: its id and the backend's own score (comparable within one backend only). */
export interface SearchHit {
  id: string
  score: number
}

/**
 * Where passages are searched: in this process's memory (MiniSearch, the default) or in
 * PostgreSQL (src/store/pg-store.ts). The answer functions rank through the knowledge base's
 * MiniSearch, which both stores provide identically; this interface is the search itself, for
 * what runs where the corpus does not fit one process (and for the benchmark).
 */
export interface SearchBackend {
  readonly name: string
  search(query: string, limit: number): Promise<SearchHit[]>
}

/** The in-memory backend: the knowledge base's own MiniSearch. */
export function memorySearch(kb: KnowledgeBase): SearchBackend {
  return {
    name: 'memory',
    search: async (query, limit) =>
      kb.index
        .search(query)
        .slice(0, limit)
        .map((r) => ({ id: String(r.id), score: r.score })),
  }
}
