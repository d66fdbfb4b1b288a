import type { Passage } from '../corpus/types.ts'
import { loadGazetteer } from '../extract/armed-groups.ts'
import { hasArabic } from '../text/arabic.ts'
import { foldPhrase, searchTerms, tokenize } from '../text/normalize.ts'
import { arabicSkeleton, latinSkeleton } from '../text/transliterate.ts'
import type { NamedInQuery, NameGroup } from './name-groups.ts'
import { loadPlaces, placeNames } from './places.ts'

/**
 * Names across scripts. A name is known in both scripts when the armed-groups gazetteer or the
 * places table lists it; otherwise a name in one script is matched to words of the corpus in
 * the other by its consonant skeleton (transliterate.ts): 'Zabadani' finds 'الزبداني'.
 */

/** Every name list (one thing's names in both scripts) of the gazetteer and the places table. */
export function bilingualNameLists(): string[][] {
  const lists: string[][] = []
  for (const g of loadGazetteer().groups) {
    const names = [g.name, ...g.aliases]
    if (names.some(hasArabic)) lists.push(names)
  }
  for (const p of loadPlaces().places) lists.push(placeNames(p))
  return lists
}

let folded: { lists: string[][]; byFold: Map<string, number[]> } | undefined
function foldedLists(): { lists: string[][]; byFold: Map<string, number[]> } {
  if (folded) return folded
  const lists = bilingualNameLists()
  const byFold = new Map<string, number[]>()
  lists.forEach((names, i) => {
    for (const n of names) {
      const f = foldPhrase(n)
      if (!f) continue
      const at = byFold.get(f) ?? []
      if (!at.includes(i)) at.push(i)
      byFold.set(f, at)
    }
  })
  folded = { lists, byFold }
  return folded
}

/**
 * The names, in the other script too, of what a name names: its gazetteer or places entries
 * (all of its names), or nothing. `name` as typed.
 */
export function namesAcrossScripts(name: string): string[] {
  const { lists, byFold } = foldedLists()
  const at = byFold.get(foldPhrase(name)) ?? []
  return [...new Set(at.flatMap((i) => lists[i] ?? []))]
}

/** Skeletons shorter than this match too many words to tell a name. */
export const MIN_SKELETON = 3

/** Words of the corpus in one script by their consonant skeleton. */
interface Vocabulary {
  /** How many passages it was built from: a corpus that grew needs it built again. */
  size: number
  words: Map<string, Set<string>>
}

const arabicVocabularies = new WeakMap<object, Vocabulary>()
const latinVocabularies = new WeakMap<object, Vocabulary>()

/**
 * The corpus's Arabic words, or its capitalised Latin words (names), by skeleton: built once per
 * set of passages, on the first query in the other script. A passage without Arabic letters is
 * passed over at once when Arabic words are wanted, so English corpora pay one scan.
 */
function vocabulary(passages: ReadonlyMap<string, Passage>, arabic: boolean): Map<string, Set<string>> {
  const cache = arabic ? arabicVocabularies : latinVocabularies
  const known = cache.get(passages)
  if (known && known.size === passages.size) return known.words
  const words = new Map<string, Set<string>>()
  for (const p of passages.values()) {
    if (arabic && !hasArabic(p.text)) continue
    for (const w of tokenize(p.text)) {
      if (arabic ? !hasArabic(w) : !/^\p{Lu}/u.test(w)) continue
      const skeleton = arabic ? arabicSkeleton(w) : latinSkeleton(w)
      if (skeleton.length < MIN_SKELETON) continue
      const set = words.get(skeleton) ?? new Set<string>()
      set.add(w)
      words.set(skeleton, set)
    }
  }
  cache.set(passages, { size: passages.size, words })
  return words
}

/**
 * The words of the corpus, in the other script, that spell a query word the same way: Arabic
 * words for a Latin word and Latin names for an Arabic word, by consonant skeleton.
 */
export function transliteratedInCorpus(passages: ReadonlyMap<string, Passage>, word: string): string[] {
  const arabic = hasArabic(word)
  if (!arabic && word.length < 4) return []
  const skeleton = arabic ? arabicSkeleton(word) : latinSkeleton(word)
  if (skeleton.length < MIN_SKELETON) return []
  return [...(vocabulary(passages, !arabic).get(skeleton) ?? [])]
}

/** A query word's other-script forms, as search-term lists, each distinct from the word's own. */
export function crossScriptTerms(passages: ReadonlyMap<string, Passage>, word: string): string[][] {
  const own = searchTerms(word).join(' ')
  const seen = new Set([own])
  const out: string[][] = []
  for (const w of transliteratedInCorpus(passages, word)) {
    const terms = searchTerms(w)
    const key = terms.join(' ')
    if (!terms.length || seen.has(key)) continue
    seen.add(key)
    out.push(terms)
  }
  return out
}

let bilingualGroups: NameGroup[] | undefined
/** The gazetteer's and the places table's names as name groups (search terms), built once. */
function bilingualNameGroups(): NameGroup[] {
  bilingualGroups ??= bilingualNameLists()
    .map((names) => {
      const seen = new Set<string>()
      const lists: string[][] = []
      for (const n of names) {
        const t = searchTerms(n)
        const key = t.join(' ')
        if (!t.length || seen.has(key)) continue
        seen.add(key)
        lists.push(t)
      }
      return { names: lists }
    })
    .filter((g) => g.names.length > 1)
  return bilingualGroups
}

/**
 * What a query names in both scripts: the gazetteer's and the places table's entries that its
 * terms spell (each at its longest), then, for each term of a word no name covers, the words of
 * the corpus in the other script with its skeleton. `covered` holds the indexes of terms that
 * another name group already stands for.
 */
export function crossScriptNamed(
  passages: ReadonlyMap<string, Passage>,
  query: string,
  terms: readonly string[],
  covered: ReadonlySet<number>,
): NamedInQuery[] {
  const found: NamedInQuery[] = []
  const taken = new Set(covered)
  const joined = ` ${terms.join(' ')} `
  for (const group of bilingualNameGroups()) {
    let best: { at: number[]; name: string[] } | null = null
    for (const name of group.names) {
      if (!joined.includes(` ${name.join(' ')} `)) continue
      const start = terms.findIndex((_, i) => name.every((t, k) => terms[i + k] === t))
      if (start >= 0 && (!best || name.length > best.at.length))
        best = { at: name.map((_, k) => start + k), name }
    }
    if (!best?.at.some((i) => !taken.has(i))) continue
    // Only the names in the other script: spellings in the query's own script are the alias table's.
    const arabic = best.name.some(hasArabic)
    const others = group.names.filter((n) => n.some(hasArabic) !== arabic)
    if (!others.length) continue
    found.push({ group: { names: [best.name, ...others] }, at: best.at })
    for (const i of best.at) taken.add(i)
  }
  // Each word of the query with its term's index (stop words have none).
  let i = 0
  for (const word of tokenize(query)) {
    if (searchTerms(word).length === 0) continue
    const at = i++
    if (taken.has(at)) continue
    const others = crossScriptTerms(passages, word)
    if (others.length) found.push({ group: { names: [[terms[at] ?? ''], ...others] }, at: [at] })
  }
  return found
}
