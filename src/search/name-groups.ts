import type { KnowledgeBase } from '../knowledge/knowledge-base.ts'
import { searchTerms } from '../text/normalize.ts'

/**
 * The names that mean one thing — a faction's name with its spellings, short forms, English
 * names and acronyms, from the alias table, the gazetteer and the corpus — so that a search for 'HTS' or
 * 'Jaish al-Izza' finds what the articles call "Tahrir al-Sham" or "Jaysh al-Azza".
 */
export interface NameGroup {
  /** Each name as its search terms. */
  names: string[][]
}

/** A name group the query mentions, and which query terms mentioned it. */
export interface NamedInQuery {
  group: NameGroup
  /** Indexes of the query terms that spell the name. */
  at: number[]
}

const groupsByFacts = new WeakMap<object, NameGroup[]>()

/** The knowledge base's name groups (computed once per set of facts). */
export function nameGroups(kb: KnowledgeBase): NameGroup[] {
  const known = groupsByFacts.get(kb.facts)
  if (known) return known
  const lists = [
    ...kb.facts.factions.map((f) => [f.name, ...f.aliases, ...(f.otherNames ?? [])]),
    ...kb.env.aliases.factions.map((f) => [f.name, ...f.aliases]),
  ]
  const groups = lists
    .map((names) => ({
      names: uniqueTermLists(names.map((n) => searchTerms(n)).filter((t) => t.length > 0)),
    }))
    .filter((g) => g.names.length > 1)
  groupsByFacts.set(kb.facts, groups)
  return groups
}

function uniqueTermLists(lists: string[][]): string[][] {
  const seen = new Set<string>()
  return lists.filter((l) => {
    const key = l.join(' ')
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** The name groups that the query terms spell out, each at its longest match. */
export function namesInQuery(kb: KnowledgeBase, terms: readonly string[]): NamedInQuery[] {
  const found: NamedInQuery[] = []
  const joined = ` ${terms.join(' ')} `
  for (const group of nameGroups(kb)) {
    let best: number[] | null = null
    for (const name of group.names) {
      if (!joined.includes(` ${name.join(' ')} `)) continue
      const start = indexOfRun(terms, name)
      if (start >= 0 && (!best || name.length > best.length)) best = name.map((_, k) => start + k)
    }
    if (best) found.push({ group, at: best })
  }
  return found
}

function indexOfRun(terms: readonly string[], run: readonly string[]): number {
  for (let i = 0; i + run.length <= terms.length; i++) {
    if (run.every((t, k) => terms[i + k] === t)) return i
  }
  return -1
}
