import type { Skipped } from '../corpus/types.ts'
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts'

export interface AboutAnswer {
  command: 'about'
  query: string
  articles: number
  passages: number
  dates: { from: string | null; to: string | null }
  /** Publishers and how many articles each. */
  sources: { name: string; articles: number }[]
  skipped: Skipped[]
}

/** about: what the corpus holds — articles, passages, date range, publishers, and files skipped and why. */
export function about(kb: KnowledgeBase): AboutAnswer {
  const dates = [...kb.articles.values()].flatMap((a) => (a.date ? [a.date] : [])).sort()
  const sources = new Map<string, number>()
  for (const a of kb.articles.values()) if (a.source) sources.set(a.source, (sources.get(a.source) ?? 0) + 1)
  return {
    command: 'about',
    query: '',
    articles: kb.articles.size,
    passages: kb.passages.size,
    dates: { from: dates[0] ?? null, to: dates[dates.length - 1] ?? null },
    sources: [...sources]
      .map(([name, articles]) => ({ name, articles }))
      .sort((a, b) => b.articles - a.articles || a.name.localeCompare(b.name)),
    skipped: kb.skipped,
  }
}
