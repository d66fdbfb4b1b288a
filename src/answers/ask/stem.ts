/**
 * A light suffix stripper over search terms (already folded by normalize.ts), so that a question's
 * 'withdrawn' meets the text's 'withdrawal' and 'negotiations' meets 'negotiating'. Matches by stem
 * count for less than exact matches: 'governor' and 'government' share a stem.
 */

/** Longest first: the first that leaves a stem of at least MIN_STEM letters is cut. */
const SUFFIXES = [
  'ations',
  'ation',
  'ators',
  'ator',
  'ating',
  'ative',
  'ated',
  'ates',
  'ate',
  'ments',
  'ment',
  'ings',
  'ing',
  'ions',
  'ion',
  'ives',
  'ive',
  'ers',
  'ors',
  'ed',
  'en',
  'er',
  'or',
  'al',
  'ly',
  'ry',
  'es',
  'e',
  'n',
  's',
]
const MIN_STEM = 3
const MIN_WORD = 5

/** Stems already found: sentence scoring asks for the same words again and again. Bounded. */
const known = new Map<string, string>()
const MAX_KNOWN = 50_000

/** The stem of a search term: 'withdrawn' and 'withdrawal' → 'withdraw'. */
export function stem(term: string): string {
  const cached = known.get(term)
  if (cached !== undefined) return cached
  // Cut until nothing more comes off, so that every form ends at the same stem: 'brokered' →
  // 'broker' → 'brok' as 'broker' does, 'weaponry' → 'weapon' → 'weapo' as 'weapon' does.
  let out = term
  for (let cut = strip(out); cut !== out; cut = strip(out)) out = cut
  if (known.size >= MAX_KNOWN) known.clear()
  known.set(term, out)
  return out
}

/** The word without its longest suffix that leaves a stem of MIN_STEM letters; short words as they are. */
function strip(word: string): string {
  if (word.length < MIN_WORD) return word
  for (const s of SUFFIXES)
    if (word.endsWith(s) && word.length - s.length >= MIN_STEM) return word.slice(0, -s.length)
  return word
}
