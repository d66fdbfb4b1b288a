import type { FactionRecord } from '../extract/factions.ts'
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts'
import { namesAcrossScripts } from '../search/cross-script.ts'
import { hasArabic } from '../text/arabic.ts'
import { foldPhrase } from '../text/normalize.ts'
import { cleanQuery } from '../text/query.ts'
import { foldedNameScore } from './resolve.ts'

/**
 * Which faction of the corpus a query names: by any of its names (as written, curated, or the
 * gazetteer's) in their folded form (case,
 * accents, hyphens, 'al-', transliteration), by a short form held in one faction's names
 * ('Ahrar al-Sham'), or by a long name with a typo or two. Never a guess between factions:
 * an unknown or ambiguous name resolves to nothing, with the closest names as suggestions.
 */

export interface FactionResolution {
  faction: FactionRecord | null
  how: 'name' | 'short form' | 'typo' | null
  suggestions: string[]
}

/** Typos are forgiven only in names this long (folded, without spaces): short names are too close to each other. */
export const TYPO_MIN_CHARS = 8

export function factionRecords(kb: KnowledgeBase): FactionRecord[] {
  return kb.facts.factions
}

/** A faction's names (its name first, then its aliases), folded, and folded without spaces. */
interface FoldedNames {
  f: FactionRecord
  folded: string[]
  squashed: string[]
}

/** The factions' names folded once per merge of the facts rather than on every query. */
const foldedNames = new WeakMap<FactionRecord[], FoldedNames[]>()

function namesOf(all: FactionRecord[]): FoldedNames[] {
  let out = foldedNames.get(all)
  if (!out) {
    out = all.map((f) => {
      // The gazetteer's other names too: 'HTS' finds the faction the corpus calls 'Tahrir al-Sham'.
      const folded = [f.name, ...f.aliases, ...(f.otherNames ?? [])].map(foldPhrase).filter(Boolean)
      return { f, folded, squashed: folded.map((n) => n.replace(/ /g, '')) }
    })
    foldedNames.set(all, out)
  }
  return out
}

/**
 * resolveFactionByName, and when that finds nothing, the same with the query's names in the
 * other script (the gazetteer's and the places table's): 'Ahrar al-Sham' finds 'أحرار الشام'.
 */
export function resolveFaction(kb: KnowledgeBase, query: string, suggestions = 5): FactionResolution {
  const found = resolveFactionByName(kb, query, suggestions)
  if (found.faction) return found
  const arabic = hasArabic(query)
  for (const name of namesAcrossScripts(cleanQuery(query))) {
    // Only the other script's names: the same script's spellings are the alias table's business.
    if (hasArabic(name) === arabic) continue
    const other = resolveFactionByName(kb, name, 0)
    if (other.faction && other.how !== 'typo') return other
  }
  return found
}

function resolveFactionByName(kb: KnowledgeBase, query: string, suggestions: number): FactionResolution {
  const all = namesOf(factionRecords(kb))
  const q = foldPhrase(cleanQuery(query))
  const none = (): FactionResolution => ({
    faction: null,
    how: null,
    suggestions: closest(all, query, q, suggestions),
  })
  if (!q) return none()
  const exact = all.filter((x) => x.folded.some((n) => n === q))
  if (exact.length === 1) return { faction: exact[0]?.f ?? null, how: 'name', suggestions: [] }
  if (exact.length > 1) return none()
  if (q.includes(' ')) {
    const holders = all.filter((x) => x.folded.some((n) => ` ${n} `.includes(` ${q} `)))
    if (holders.length === 1) return { faction: holders[0]?.f ?? null, how: 'short form', suggestions: [] }
    if (holders.length > 1) return none()
  }
  const squashed = q.replace(/ /g, '')
  if (squashed.length >= TYPO_MIN_CHARS) {
    const allowed = squashed.length >= 14 ? 2 : 1
    const near = all
      .map((x) => ({ f: x.f, d: Math.min(...x.squashed.map((n) => distance(squashed, n, allowed))) }))
      .filter((x) => x.d <= allowed)
      .sort((a, b) => a.d - b.d)
    const best = near[0]
    if (best && near.filter((x) => x.d === best.d).length === 1)
      return { faction: best.f, how: 'typo', suggestions: [] }
  }
  return none()
}

/** The names closest to what was asked: by the shared words first, then by spelling. */
function closest(all: FoldedNames[], query: string, q: string, limit: number): string[] {
  const squashed = q.replace(/ /g, '')
  const asTyped = foldPhrase(query)
  return all
    .filter((x) => x.f.kind === 'group')
    .map((x) => {
      const byName = foldedNameScore(asTyped, x.folded)
      const bySpelling = Math.max(
        ...x.squashed.map((s) => {
          const longer = Math.max(s.length, squashed.length, 1)
          return 1 - distance(squashed, s, longer) / longer
        }),
      )
      return { name: x.f.name, score: byName + bySpelling }
    })
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map((x) => x.name)
}

/** Damerau–Levenshtein (adjacent swaps count one) distance, giving up above `max`. */
export function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)]
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    let best = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let d = Math.min((rows[i - 1]?.[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (rows[i - 1]?.[j - 1] ?? 0) + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, (rows[i - 2]?.[j - 2] ?? 0) + 1)
      row.push(d)
      best = Math.min(best, d)
    }
    if (best > max) return max + 1
    rows.push(row)
  }
  return rows[a.length]?.[b.length] ?? max + 1
}
