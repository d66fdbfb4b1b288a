import { arabicTerm, hasArabic } from './arabic.ts'

/**
 * One normalisation for indexing and for queries, so that spelling variants of Arabic names meet:
 * 'Jaish al-Azza', 'jaysh al azza' and 'JAYSH AL-‘AZZA' all become the terms `jaysh aza`.
 */

/**
 * Words that carry no meaning for search. 'al' and 'el' are the Arabic article, and so are the
 * forms it takes before some letters (ash-Sham, ad-Dumayr, ar-Raqqa, az-Zabadani), so that
 * 'Ahrar ash-Sham' meets 'Ahrar al-Sham'; the English words 'ash' and 'ad' pay for that.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be been by for from had has have he her his i in into is it its of on or our she ' +
    'that the their them they this those to was we were which who whom will with would you your do does did ' +
    'what when where why how not no so than then there these also can could about after before over under ' +
    'al el ul wal ash ad adh ar ath az'
  ).split(' '),
)

const APOSTROPHES = /['’‘ʼʿʾ`´]/g
/**
 * A word: letters and digits (with their combining marks: Arabic harakat, shadda), possibly joined
 * by apostrophes (Wa'er, Hay'at). Hyphens split.
 */
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’‘ʼʿʾ`´][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*/gu
/** WORD for `words`' exec loop (its lastIndex is its own). */
const WORD_SCAN = new RegExp(WORD.source, WORD.flags)
/**
 * A word of WORD's that does not start with a–z (the first test, cheap, rules out most places). A
 * word starts where no letter or digit is before it, nor a letter or digit and an apostrophe (WORD
 * joins those: Wa'er); the regex passes over the other words without stopping.
 */
const UNLOWER_WORD = new RegExp(
  `(?=[^\\P{L}a-z]|\\p{N})(?<![\\p{L}\\p{M}\\p{N}]|[\\p{L}\\p{N}]['’‘ʼʿʾ\`´])${WORD.source}`,
  'gu',
)

/** Strips accents and marks (NFKD), folds case. */
export function foldCase(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
}

/**
 * Folds one lower-case word to its search form: apostrophes removed, an English possessive or
 * plural 's' dropped, and transliteration variants (jaysh/jaish/jeish, faylaq/failaq, tawheed/
 * tawhid, qalamoun/qalamun, doubled letters) brought to one spelling.
 */
export function foldWord(word: string): string {
  if (hasArabic(word)) return arabicTerm(word) ?? ''
  // Compatibility forms can unfold into punctuation ('㈠' is '(一)'): only letters and digits stay.
  let w = foldCase(word)
  w = w
    .replace(/['’‘ʼ`´]s$/, '')
    .replace(APOSTROPHES, '')
    .replace(/[^\p{L}\p{N}]/gu, '')
  if (w.length >= 5 && /ies$/.test(w)) w = `${w.slice(0, -3)}y`
  else if (w.length >= 5 && /[^sui]s$/.test(w)) w = w.slice(0, -1)
  return w
    .replace(/ou|oo/g, 'u')
    .replace(/ee/g, 'i')
    .replace(/(\p{L})\1+/gu, '$1')
    .replace(/ei|ai|ey/g, 'ay')
}

/**
 * Terms of words already folded: a corpus repeats its words, and folding one (NFKD, a dozen
 * replacements) costs far more than a lookup. Bounded: cleared when full.
 */
const knownTerms = new Map<string, string | null>()
const MAX_KNOWN_TERMS = 200_000

/** The search term of a word, or null when it is no search term (stop words, the article 'al'). */
export function searchTerm(word: string): string | null {
  let term = knownTerms.get(word)
  if (term === undefined) {
    term = foldTerm(word)
    if (knownTerms.size >= MAX_KNOWN_TERMS) knownTerms.clear()
    knownTerms.set(word, term)
  }
  return term
}

function foldTerm(word: string): string | null {
  if (hasArabic(word)) return arabicTerm(word)
  const lower = foldCase(word).replace(APOSTROPHES, '')
  if (lower.length === 0 || STOP_WORDS.has(lower)) return null
  const folded = foldWord(word)
  return folded.length === 0 || STOP_WORDS.has(folded) ? null : folded
}

/** A word of a text with its offsets. */
export interface WordSpan {
  word: string
  start: number
  end: number
}

/** The words of a text with their offsets; hyphenated names are separate words. */
export function words(text: string): WordSpan[] {
  const out: WordSpan[] = []
  // exec on one regex rather than matchAll, which copies the regex on every call.
  WORD_SCAN.lastIndex = 0
  for (let m = WORD_SCAN.exec(text); m; m = WORD_SCAN.exec(text))
    out.push({ word: m[0], start: m.index, end: m.index + m[0].length })
  return out
}

/**
 * True when some word of `text` (as `words` gives them) that does not start with a lower-case
 * letter a–z passes `test`: a quick look for names, which are capitalised. Stops at the first.
 */
export function someUnlowerWord(text: string, test: (word: string) => boolean): boolean {
  // lastIndex is kept here, not in the shared regex, so that `test` may read words too.
  let from = 0
  for (;;) {
    UNLOWER_WORD.lastIndex = from
    const m = UNLOWER_WORD.exec(text)
    if (!m) return false
    from = UNLOWER_WORD.lastIndex
    if (test(m[0])) return true
  }
}

/** The words of a text, as the index tokenizer. */
export function tokenize(text: string): string[] {
  return text.match(WORD) ?? []
}

/** The search terms of a text, in order, without stop words. */
export function searchTerms(text: string): string[] {
  const out: string[] = []
  for (const w of tokenize(text)) {
    const t = searchTerm(w)
    if (t) out.push(t)
  }
  return out
}

/** A whole phrase in its comparable form: the search terms joined by one space. */
export function foldPhrase(text: string): string {
  return searchTerms(text).join(' ')
}
