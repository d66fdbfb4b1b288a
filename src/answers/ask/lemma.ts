/**
 * Base forms of words (text/lemma.ts) as search terms: the question's 'take' meets the text's
 * 'took', 'freed' meets 'free', 'left' meets 'leave'. The stemmer brings suffixes together;
 * irregular forms need the lemmatiser's exception lists.
 */
import { baseForm } from '../../text/lemma.ts'
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
  const out = searchTerm(baseForm(word.toLowerCase())) ?? searchTerm(word)
  if (known.size >= MAX_KNOWN) known.clear()
  known.set(word, out)
  return out
}
