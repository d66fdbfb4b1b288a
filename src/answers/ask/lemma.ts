/**
 * Base forms of words from wink-lemmatizer (a well-kept English lemmatiser), as search terms: the
 * question's 'take' meets the text's 'took', 'freed' meets 'free', 'left' meets 'leave'. The stemmer
 * (stem.ts) brings suffixes together; irregular forms need the lemmatiser's exception lists.
 */
import lemmatizer from 'wink-lemmatizer'
import { searchTerm } from '../../text/normalize.ts'

const known = new Map<string, string | null>()
const MAX_KNOWN = 50_000

/**
 * The search term of a word's base form: its verb lemma when it is an inflected verb, else its noun
 * lemma ('buses' → 'bus'), else the word's own term. Null for a stop word.
 */
export function lemmaTerm(word: string): string | null {
  const cached = known.get(word)
  if (cached !== undefined) return cached
  const lower = word.toLowerCase()
  let base = lower
  if (/^[a-z]+$/.test(lower) && lower.length > 2) {
    const verb = lemmatizer.verb(lower)
    base = verb !== lower ? verb : lemmatizer.noun(lower)
  }
  const out = searchTerm(base) ?? searchTerm(word)
  if (known.size >= MAX_KNOWN) known.clear()
  known.set(word, out)
  return out
}
