import type { Options, SearchOptions } from 'minisearch'
import { searchTerm, tokenize } from '../text/normalize.ts'

/** What the index holds of a passage. */
export interface IndexedPassage {
  id: string
  text: string
  title: string
}

/**
 * Typo tolerance: none for short words (names like 'Homs' must match exactly), one edit from six
 * letters, two from ten.
 */
export function fuzzyDistance(term: string): number | false {
  if (term.length >= 10) return 2
  return term.length >= 6 ? 1 : false
}

/** How queries search by default: the last word may be a prefix (the word being typed). */
export const SEARCH_OPTIONS: SearchOptions = {
  boost: { text: 1, title: 0.25 },
  fuzzy: fuzzyDistance,
  prefix: (term, i, terms) => i === terms.length - 1 && term.length >= 3,
  combineWith: 'OR',
}

/**
 * The index options, used to build the index and to load it from the cache alike. Bump
 * INDEX_VERSION whenever they, or the normalisation behind them, change: the cache key holds it.
 */
export const INDEX_VERSION = 2
export const INDEX_OPTIONS: Options<IndexedPassage> = {
  idField: 'id',
  fields: ['text', 'title'],
  storeFields: [],
  tokenize,
  processTerm: (term) => searchTerm(term),
  searchOptions: SEARCH_OPTIONS,
}
