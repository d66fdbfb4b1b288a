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

/** The folded names of each list ranked before, so that a list kept by its caller is folded once. */
const foldedLists = new WeakMap<readonly Named[], string[][]>()

function foldedNamesOf(things: readonly Named[]): string[][] {
  let folded = foldedLists.get(things)
  if (!folded) {
    folded = things.map((t) => [t.name, ...(t.variants ?? [])].map(foldPhrase))
    foldedLists.set(things, folded)
  }
  return folded
}

/**
 * The things ranked by how well the query names them (exact, then prefix, then contains), best
 * first. Autocomplete calls this on every keystroke: pass the same array each time and its names
 * are folded only once.
 */
export function rankByName<T extends Named>(query: string, things: readonly T[], limit = 25): T[] {
  const q = foldPhrase(query)
  const folded = foldedNamesOf(things)
  return things
    .map((t, i) => ({ t, s: foldedNameScore(q, folded[i] ?? []) }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s || a.t.name.localeCompare(b.t.name))
    .slice(0, limit)
    .map((x) => x.t)
}
