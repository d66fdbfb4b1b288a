/**
 * English base forms (lemmas) from wink-lemmatizer, a well-kept lemmatiser: 'took' is 'take',
 * 'rejected' is 'reject', 'buses' is 'bus'. The stance rules match a rule's words through them and
 * ask meets a question's words with the text's; one wrapper, one cache, for both.
 */
import lemmatizer from 'wink-lemmatizer'

const ENGLISH_WORD = /^[a-z]+$/
const MAX_CACHE = 50_000
const formsCache = new Map<string, ReadonlySet<string>>()

/** A lower-case word and its verb, noun and adjective lemmas; just the word when it is not English letters. */
export function lemmasOf(lower: string): ReadonlySet<string> {
  let forms = formsCache.get(lower)
  if (!forms) {
    forms = ENGLISH_WORD.test(lower)
      ? new Set([lower, lemmatizer.verb(lower), lemmatizer.noun(lower), lemmatizer.adjective(lower)])
      : new Set([lower])
    if (formsCache.size >= MAX_CACHE) formsCache.clear()
    formsCache.set(lower, forms)
  }
  return forms
}

/**
 * A lower-case word's one base form: its verb lemma when it is an inflected verb, else its noun
 * lemma ('buses' → 'bus'); a word of two letters or fewer, or not of English letters, as it is.
 */
export function baseForm(lower: string): string {
  if (!ENGLISH_WORD.test(lower) || lower.length <= 2) return lower
  const verb = lemmatizer.verb(lower)
  return verb !== lower ? verb : lemmatizer.noun(lower)
}
