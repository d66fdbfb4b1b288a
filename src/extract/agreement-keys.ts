/**
 * The comparable forms of an agreement's names, worked out once when agreements are merged (and
 * cached with them) rather than for every agreement on every query: on general news there are
 * thousands of 'agreements', and folding their names per query took hundreds of milliseconds.
 * `agreementQuery` is the one reading of a name, for the names here and for what users type
 * (it cleans a name as a query is cleaned: bump FACTS_VERSION if text/query.ts changes that).
 */

import { DEAL_NOUNS, PROPOSAL_NOUNS } from '../text/lexicon.ts'
import { foldPhrase, foldWord } from '../text/normalize.ts'
import { cleanQuery } from '../text/query.ts'
import { placeKey } from './places.ts'

/** Words that say what kind of thing is asked for, not which: 'the Rastan deal' asks for 'Rastan'. */
const KIND_WORDS = new Set(
  [
    ...DEAL_NOUNS.flatMap((n) => n.split('-')),
    ...PROPOSAL_NOUNS,
    ...'ceasefire term terms peace condition conditions local'.split(' '),
  ].map(foldWord),
)

/**
 * A name in its comparable form, without the words that only say 'an agreement' or 'a region':
 * 'the Rastan deal' → 'rastan', 'Homs Governorate' → 'homs'.
 */
export function agreementQuery(query: string): string {
  return placeKey(cleanQuery(query))
    .split(' ')
    .filter((w) => w && !KIND_WORDS.has(w))
    .join(' ')
}

export interface AgreementKeys {
  /**
   * What a query (folded: `foldPhrase(agreementQuery(q))`) is matched against: the main name
   * (its place, else its name), its name and every place of its area, folded alike, each once.
   */
  match: string[]
  /** `agreementQuery` of its name and of each place, each once: what suggestions are measured against. */
  near: string[]
}

export function agreementKeys(a: {
  name: string
  place: string | null
  places: readonly string[]
}): AgreementKeys {
  const near = [a.name, ...a.places].map(agreementQuery)
  const match = [agreementQuery(a.place ?? a.name), ...near].map(foldPhrase).filter(Boolean)
  return { match: [...new Set(match)], near: [...new Set(near)] }
}
