/**
 * Typos in a question, tolerated as search tolerates them: a question word the corpus never uses
 * is read as the word of the corpus within the edit distance search allows ('negotiatior' →
 * negotiator, 'Moadamiyeh' → moadamiyet). Short words must be exact: names like 'Homs' and 'Tal'
 * would meet too many others.
 */
import type { KnowledgeBase } from '../../knowledge/knowledge-base.ts'
import { fuzzyDistance } from '../../search/index-options.ts'
import { distance } from '../faction-resolve.ts'
import { type Question, relatedTo } from './question.ts'
import { stem } from './stem.ts'
import { COMPILED_GROUPS } from './synonyms.ts'
import { documentFrequency } from './term-stats.ts'

/** The question with each unknown word read as the corpus word nearest to it (the commonest of those). */
export function correctTypos(kb: KnowledgeBase, q: Question): Question {
  const fixed = new Map<string, string>()
  for (const t of q.terms) {
    if (documentFrequency(kb, t) > 0 || q.related.get(t)?.terms.some((r) => documentFrequency(kb, r) > 0))
      continue
    const near = nearestTerm(kb, t)
    if (near) fixed.set(t, near)
  }
  if (fixed.size === 0) return q
  const fix = (t: string) => fixed.get(t) ?? t
  const keys = new Map(q.keys)
  const related = new Map(q.related)
  for (const [from, to] of fixed) {
    keys.set(to, [stem(to)])
    const r = relatedTo(to, q.kind) ?? related.get(from)
    if (r) related.set(to, r)
  }
  return {
    ...q,
    terms: [...new Set(q.terms.map(fix))],
    focus: q.focus.map(fix),
    names: q.names.map(fix),
    modifiers: q.modifiers.map(fix),
    predicate: q.predicate.map(fix),
    unit: q.unit ? fix(q.unit) : null,
    keys,
    related,
  }
}

/** The synonym table's words, as terms: a typo of one ('negotiatior') is read as it, with its group. */
const TABLE_TERMS: readonly string[] = [...new Set(COMPILED_GROUPS.flatMap((g) => g.terms))]

/**
 * The word within search's edit distance of `term`: the nearest, then one of the synonym table
 * (it brings the words that stand for it), then the one most passages hold. Null when none.
 */
function nearestTerm(kb: KnowledgeBase, term: string): string | null {
  const max = fuzzyDistance(term)
  if (max === false) return null
  const found = new Map<string, { d: number; table: boolean; n: number }>()
  for (const r of kb.index.search(term, { fuzzy: fuzzyDistance, prefix: false, combineWith: 'OR' }))
    for (const t of r.terms) {
      if (t === term) continue
      const seen = found.get(t)
      found.set(t, { d: seen?.d ?? distance(term, t, max), table: false, n: (seen?.n ?? 0) + 1 })
    }
  for (const t of TABLE_TERMS) {
    const d = distance(term, t, max)
    if (d <= max) found.set(t, { d, table: true, n: found.get(t)?.n ?? 0 })
  }
  let best: [string, { d: number; table: boolean; n: number }] | null = null
  for (const e of found) {
    const [, x] = e
    const b = best?.[1]
    if (!b || x.d < b.d || (x.d === b.d && (Number(x.table) - Number(b.table) || x.n - b.n) > 0)) best = e
  }
  return best?.[0] ?? null
}
