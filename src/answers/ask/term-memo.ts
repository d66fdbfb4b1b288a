/**
 * Search terms of words, remembered: ask reads the same words again and again in the sentences it
 * scores ('the', 'said', a place's name), and folding a word (normalize.ts) is the costliest step
 * of reading a sentence. Bounded; the terms are exactly normalize.ts's.
 */
import { searchTerm, words } from '../../text/normalize.ts'

const known = new Map<string, string | null>()
const MAX_KNOWN = 100_000

/** `searchTerm(word)`, remembered. */
export function termOf(word: string): string | null {
  let term = known.get(word)
  if (term === undefined) {
    term = searchTerm(word)
    if (known.size >= MAX_KNOWN) known.clear()
    known.set(word, term)
  }
  return term
}

/** A search term of a text with where its word starts. */
export interface PlacedTerm {
  term: string
  start: number
}

/** The search terms of a text in order, with their offsets (plus `offset`), as `searchTerms` gives them. */
export function placedTerms(text: string, offset = 0): PlacedTerm[] {
  const out: PlacedTerm[] = []
  for (const w of words(text)) {
    const term = termOf(w.word)
    if (term) out.push({ term, start: offset + w.start })
  }
  return out
}
