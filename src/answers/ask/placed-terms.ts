/**
 * The search terms of a sentence's words with their offsets: ask reads the same sentences again
 * and again. (normalize.ts remembers each word's term, so reading is a lookup per word.)
 */
import { searchTerm, words } from '../../text/normalize.ts'

/** A search term of a text with where its word starts. */
export interface PlacedTerm {
  term: string
  /** The word as written (its lemma is matched too). */
  word: string
  start: number
}

/** The search terms of a text in order, with their offsets (plus `offset`), as `searchTerms` gives them. */
export function placedTerms(text: string, offset = 0): PlacedTerm[] {
  const out: PlacedTerm[] = []
  for (const w of words(text)) {
    const term = searchTerm(w.word)
    if (term) out.push({ term, word: w.word, start: offset + w.start })
  }
  return out
}
