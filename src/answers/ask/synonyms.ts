/**
 * The synonym table (data/synonyms.json): groups of words that stand for one another in a question,
 * checked with zod when loaded and compiled once into the keys a word is matched by (its stem and
 * its lemma's stem).
 */
import { z } from 'zod'
import table from '../../../data/synonyms.json' with { type: 'json' }
import { arabicTerm } from '../../text/arabic.ts'
import { searchTerm } from '../../text/normalize.ts'
import { lemmaTerm } from './lemma.ts'
import { stem } from './stem.ts'

const Pair = z.tuple([z.string(), z.string()])
const Group = z.object({
  id: z.string().min(1),
  words: z.array(z.string().regex(/^\S+$/, 'one word')).min(2),
  /** The question kinds it holds in; every kind when absent. */
  kinds: z.array(z.string()).optional(),
  examples: z.array(Pair).min(1),
  counterExamples: z.array(Pair).default([]),
  /** The same meaning in Arabic words: Arabic questions meet Arabic sentences through these. */
  arabic: z.array(z.string().regex(/^\S+$/, 'one word')).default([]),
  arabicExamples: z.array(Pair).default([]),
  arabicCounterExamples: z.array(Pair).default([]),
})
export const SynonymTable = z.object({ about: z.string(), groups: z.array(Group) })
export type SynonymGroup = z.infer<typeof Group>

/** A group compiled: the keys its words are matched by, and their search terms (to search for them). */
export interface CompiledGroup {
  id: string
  kinds: readonly string[] | undefined
  keys: ReadonlySet<string>
  terms: readonly string[]
}

/**
 * The keys a word meets its synonyms by: its term and its lemma's term ('handed' → hand). Not
 * stems: stems of different words meet too often ('country' and 'count' both cut to 'cunt').
 */
export function synonymKeys(word: string): string[] {
  const out = new Set<string>()
  const term = searchTerm(word)
  const lemma = lemmaTerm(word)
  if (term) out.add(term)
  if (lemma) out.add(lemma)
  return [...out]
}

/** The keys a word is matched by as itself: the stem of its term and of its lemma's term. */
export function wordKeys(word: string): string[] {
  const out = new Set<string>()
  const term = searchTerm(word)
  const lemma = lemmaTerm(word)
  if (term) out.add(stem(term))
  if (lemma) out.add(stem(lemma))
  return [...out]
}

export function compileGroups(groups: readonly SynonymGroup[]): CompiledGroup[] {
  return groups.map((g) => ({
    id: g.id,
    kinds: g.kinds,
    keys: new Set(g.words.flatMap(synonymKeys)),
    terms: [...new Set(g.words.map((w) => lemmaTerm(w) ?? searchTerm(w)).filter((t): t is string => !!t))],
  }))
}

export const SYNONYM_GROUPS: readonly SynonymGroup[] = SynonymTable.parse(table).groups
export const COMPILED_GROUPS: readonly CompiledGroup[] = compileGroups(SYNONYM_GROUPS)

/** The groups a word belongs to in a question of this kind. */
export function groupsOf(word: string, kind: string): CompiledGroup[] {
  const keys = synonymKeys(word)
  return COMPILED_GROUPS.filter(
    (g) => (!g.kinds || g.kinds.includes(kind)) && keys.some((k) => g.keys.has(k)),
  )
}

/** Whether two words stand for one another in a question of this kind (and are not the same word). */
export function synonymous(a: string, b: string, kind: string): boolean {
  const bStems = wordKeys(b)
  if (wordKeys(a).some((k) => bStems.includes(k))) return false
  const bKeys = synonymKeys(b)
  return groupsOf(a, kind).some((g) => bKeys.some((k) => g.keys.has(k)))
}

/**
 * Each Arabic term of a group and the group's other Arabic terms: the Arabic stemmer keeps a
 * verb and its verbal noun apart (يغادروا → غادر, خروج → خروج), and synonyms are apart anyway.
 */
const ARABIC_SYNONYMS: ReadonlyMap<string, readonly string[]> = (() => {
  const out = new Map<string, Set<string>>()
  for (const g of SYNONYM_GROUPS) {
    const terms = [...new Set(g.arabic.map((w) => arabicTerm(w)).filter((t): t is string => !!t))]
    for (const t of terms) {
      const set = out.get(t) ?? new Set<string>()
      for (const other of terms) if (other !== t) set.add(other)
      out.set(t, set)
    }
  }
  return new Map([...out].map(([t, set]) => [t, [...set]]))
})()

/** The Arabic search terms that stand for this one (an Arabic search term, as arabicTerm gives). */
export function arabicSynonyms(term: string): readonly string[] {
  return ARABIC_SYNONYMS.get(term) ?? []
}

/** Whether two Arabic words stand for one another (and are not the same word). */
export function arabicSynonymous(a: string, b: string): boolean {
  const ta = arabicTerm(a)
  const tb = arabicTerm(b)
  return !!ta && !!tb && ta !== tb && arabicSynonyms(ta).includes(tb)
}
