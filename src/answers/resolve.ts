import { foldPhrase } from '../text/normalize.ts'

/** A named thing that a query may mean, with the other names it goes by. */
export interface Named {
  name: string
  variants?: readonly string[]
}

/** How well `query` names a thing: exact > prefix > contains > word overlap; 0 for no match. */
export function nameScore(query: string, thing: Named): number {
  return foldedNameScore(foldPhrase(query), [thing.name, ...(thing.variants ?? [])].map(foldPhrase))
}

/** nameScore of a folded query and folded names: for callers that fold their names once, not per query. */
export function foldedNameScore(q: string, names: readonly string[]): number {
  if (!q) return 0
  let best = 0
  for (const f of names) {
    if (!f) continue
    if (f === q) return 4
    if (f.startsWith(q)) best = Math.max(best, 3)
    else if (f.includes(q)) best = Math.max(best, 2)
    else {
      const qs = q.split(' ')
      const fs = new Set(f.split(' '))
      const shared = qs.filter((w) => fs.has(w)).length
      if (shared > 0) best = Math.max(best, shared / Math.max(qs.length, fs.size))
    }
  }
  return best
}

/** The things ranked by how well the query names them (exact, then prefix, then contains), best first. */
export function rankByName<T extends Named>(query: string, things: readonly T[], limit = 25): T[] {
  return things
    .map((t) => ({ t, s: nameScore(query, t) }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s || a.t.name.localeCompare(b.t.name))
    .slice(0, limit)
    .map((x) => x.t)
}
