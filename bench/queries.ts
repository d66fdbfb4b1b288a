/**
 * Varied queries drawn from the corpus itself (deterministic): words and pairs of words that
 * occur, names as written, misspelt words, unfinished last words, words that occur nowhere, and
 * questions built around them, so that each answer function meets what people type.
 */
import type { KnowledgeBase } from '../src/knowledge/knowledge-base.ts'
import { random } from './generate.ts'

/** A few names of the domain, in several spellings, and words that match nothing. */
const FIXED = [
  'Jaish al-Izza',
  'jaysh al azza',
  'Faylaq al-Rahman',
  'Eastern Ghouta',
  'Daraa',
  'Homs',
  'Russian military police',
  'Astana',
  'Hayat Tahrir al-Sham',
  'evacuation to Idlib',
  'reconciliation agreement',
  'xqzvw plorth',
  'الغوطة',
]

export interface QuerySet {
  search: string[]
  ask: string[]
  terms: string[]
  stance: string[]
}

/** `n` queries for each command. */
export function makeQueries(kb: KnowledgeBase, n: number, seed = 11): QuerySet {
  const rnd = random(seed)
  const passages = [...kb.passages.values()]
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T
  const wordsOf = (text: string) => text.match(/\p{L}[\p{L}'’-]{3,}/gu) ?? []
  const word = () => pick([...wordsOf(pick(passages).text), 'agreement'])
  const name = () => {
    const names = pick(passages).text.match(/\p{Lu}\p{L}+(?:[ -](?:al-)?\p{Lu}\p{L}+)*/gu) ?? []
    return names.length > 0 ? pick(names) : word()
  }
  const typo = (w: string) => {
    const i = 1 + Math.floor(rnd() * (w.length - 2))
    return `${w.slice(0, i)}${w[i + 1] ?? ''}${w[i] ?? ''}${w.slice(i + 2)}`
  }
  const searchQuery = () => {
    const r = rnd()
    if (r < 0.1) return pick(FIXED)
    if (r < 0.35) return word()
    if (r < 0.6) return `${word()} ${word()}`
    if (r < 0.75) return name()
    if (r < 0.85) return typo(word())
    if (r < 0.95) return `${word()} ${word().slice(0, 4)}` // the last word still being typed
    return `${word()} ${word()} ${word()} ${word()} ${word()}`
  }
  const questions = [
    (a: string) => `What did ${name()} say about ${a}?`,
    (a: string) => `Who agreed to the ${a}?`,
    (a: string) => `When was the ${a} deal signed?`,
    (a: string) => `How many ${a} were evacuated?`,
    (a: string) => `Why did ${name()} reject ${a}?`,
  ]
  const list = (make: () => string) => Array.from({ length: n }, make)
  return {
    search: list(searchQuery),
    ask: list(() => pick(questions)(rnd() < 0.5 ? word() : name())),
    terms: list(() => (rnd() < 0.15 ? pick(FIXED) : name())),
    stance: list(() => (rnd() < 0.3 ? pick(FIXED) : name())),
  }
}
