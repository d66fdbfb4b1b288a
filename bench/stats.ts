/** What the benchmark's processes measure and report, and how latencies are summed up. */

export const COMMANDS = ['search', 'ask', 'terms', 'stance'] as const
export type CommandName = (typeof COMMANDS)[number]

export interface Latency {
  p50_ms: number
  p99_ms: number
}

export interface ServeResult {
  passages: number
  load_ms: number
  from_cache: boolean
  rss_mb: number
  commands: Partial<Record<CommandName, Latency>>
  /** Plain MiniSearch (default options) over the same passages: its search and cached load. */
  baseline: { search: Latency; load_ms: number }
  max_block_ms: number
  update_ms: number
}

/** The same corpus in PostgreSQL (measure.ts store), next to memory. */
export interface StoreResult {
  /** Writing the built knowledge base into the database, in batches. */
  index_ms: number
  /** Opening it from the database in a process that has no file cache for it. */
  load_ms: number
  /** Full-text search in the database (tsvector, trigrams for typos), top 10. */
  search: Latency
  /** The same queries through the in-memory MiniSearch, top 10. */
  memory_search: Latency
  rss_mb: number
  database_mb: number
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  return sorted[Math.max(0, i)] ?? 0
}

export function latency(times: number[]): Latency {
  const sorted = [...times].sort((a, b) => a - b)
  const round = (n: number) => Math.round(n * 100) / 100
  return { p50_ms: round(percentile(sorted, 50)), p99_ms: round(percentile(sorted, 99)) }
}
