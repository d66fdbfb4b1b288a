import { readFileSync } from 'node:fs'
import { StemmerAr } from '@nlpjs/lang-ar'
import { ARABIC_ARTICLE, ARABIC_PREFIXES } from './lexicon.ts'

/**
 * Arabic in its comparable form, for search and for matching: the marks that writers put in or
 * leave out (diacritics, the tatweel that stretches a word) go, the letters written in several
 * ways (alef with or without hamza, ta marbuta and ha, alif maqsura and ya) meet, Eastern Arabic
 * digits read as digits, and a word loses its article, its one-letter prefixes and its common
 * suffixes (Snowball's Arabic stemmer, from @nlpjs/lang-ar), so that 'والاتفاق' finds 'اتفاق'.
 */

/** A letter of the Arabic blocks (Arabic, Supplement, Presentation Forms). */
export const ARABIC_LETTER = /[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/
/** Harakat, tanwin, shadda, sukun, the dagger alef and the Quranic marks. */
const DIACRITICS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]/g
const TATWEEL = /\u0640/g

/** Letters written in several ways, each to one form: a table, so that each fold is its own row. */
export const LETTER_FOLDS: readonly { from: string; to: string; why: string }[] = [
  { from: 'أإآٱ', to: 'ا', why: 'alef with hamza or madda is often written bare' },
  { from: 'ة', to: 'ه', why: 'ta marbuta is often written as ha' },
  { from: 'ى', to: 'ي', why: 'alif maqsura and ya are confused, in Egypt ya is written undotted' },
  { from: 'ؤ', to: 'و', why: 'hamza on waw is often left off' },
  { from: 'ئ', to: 'ي', why: 'hamza on ya is often left off' },
  { from: 'ک', to: 'ك', why: 'the Persian kaf' },
  { from: 'ی', to: 'ي', why: 'the Persian ya' },
]
const FOLD = new Map<string, string>(LETTER_FOLDS.flatMap((f) => [...f.from].map((c) => [c, f.to] as const)))

/** True when the text holds an Arabic letter or digit. */
export function hasArabic(text: string): boolean {
  return ARABIC_LETTER.test(text)
}

/** Eastern Arabic (٠١٢…) and Persian (۰۱۲…) digits as 0–9; other characters as they are. */
export function westernDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => {
    const c = d.charCodeAt(0)
    return String(c >= 0x06f0 ? c - 0x06f0 : c - 0x0660)
  })
}

/** Diacritics and tatweel removed, letter variants folded, digits western. */
export function normalizeArabic(text: string): string {
  let out = ''
  for (const ch of westernDigits(text.replace(DIACRITICS, '').replace(TATWEEL, ''))) out += FOLD.get(ch) ?? ch
  return out
}

/**
 * normalizeArabic with, for each character of the result, its offset in the original: rules
 * match the normalised text, and quotes are cut from the original, verbatim.
 */
export function normalizeArabicWithOffsets(text: string): { text: string; offsets: number[] } {
  let out = ''
  const offsets: number[] = []
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string
    if (/[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/.test(ch)) continue
    const folded = FOLD.get(ch) ?? westernDigits(ch)
    out += folded
    offsets.push(i)
  }
  offsets.push(text.length)
  return { text: out, offsets }
}

/** Small words that carry no meaning for search (normalised forms). */
export const ARABIC_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'في من الي علي عن مع ان او ثم قد لقد كان كانت هذا هذه ذلك تلك التي الذي الذين ما ماذا هو هي هم ' +
    'لم لن لا بين بعد قبل حتي منذ عند كل اي و ف ب ل ك يوم خلال حول اذ اذا فيما وذلك بها به لها له'
  ).split(' '),
)

const PREFIXES = new Set<string>(ARABIC_PREFIXES)

/**
 * The word without its article and the conjunction or preposition before it ('وال', 'بال',
 * 'لل'), or without a one-letter prefix when five letters or more follow it.
 */
export function withoutArticle(word: string): string {
  let w = word
  if (w.length > 4 && PREFIXES.has(w[0] as string) && w.startsWith(ARABIC_ARTICLE, 1)) w = w.slice(1)
  else if (w.length > 4 && w.startsWith('لل')) return w.slice(2)
  if (w.length > 3 && w.startsWith(ARABIC_ARTICLE)) return w.slice(ARABIC_ARTICLE.length)
  // A bare prefix before a long word ('لتسليم', 'ومدينة'); short words keep it ('وقف', 'بلد').
  if (w.length >= 6 && PREFIXES.has(w[0] as string)) return w.slice(1)
  return w
}

const stemmer = new StemmerAr()

/**
 * Names the stemmer must leave whole: the one-word Arabic names of data/places.json. A stemmer
 * reads a name as a word with endings ('قدسيا', Qudsaya, as 'قدس', Jerusalem); a name has none.
 */
const WHOLE_NAMES: ReadonlySet<string> = (() => {
  const file = new URL('../../data/places.json', import.meta.url)
  const { places } = JSON.parse(readFileSync(file, 'utf8')) as { places: { aliases: string[] }[] }
  const names = new Set<string>()
  for (const p of places)
    for (const alias of p.aliases) {
      const words = normalizeArabic(alias).split(/\s+/)
      if (words.length === 1 && words[0] && ARABIC_LETTER.test(words[0])) names.add(withoutArticle(words[0]))
    }
  return names
})()

/**
 * A present-tense verb with a plural ending, without its person prefix and ending, and the future
 * 'س' too: 'سيتوجهون', 'يتوجهوا' → 'توجه', which the stemmer leaves whole. Only with the plural
 * ending, so that nouns that begin with ت or ي (تسوية) keep their first letter.
 */
export function withoutVerbAffixes(word: string): string {
  const m = /^س?[يتن](\S{3,})(?:ون|وا)$/u.exec(word)
  if (m?.[1]) return m[1]
  return /^س[يتن]\S{3,}$/u.test(word) ? word.slice(1) : word
}

/**
 * The search term of an Arabic word: normalised, without article or prefixes, stemmed; null for a
 * stop word. The stemmer is applied until the word no longer changes (or would fall below three
 * letters), so that a term is its own term: name variants are searched by their terms again.
 */
export function arabicTerm(word: string): string | null {
  const w = normalizeArabic(word)
  if (!w || ARABIC_STOP_WORDS.has(w)) return null
  if (/^\d+$/.test(w)) return w
  const bare = withoutArticle(w)
  if (WHOLE_NAMES.has(bare)) return bare
  let term = withoutVerbAffixes(bare)
  for (let i = 0; i < 4; i++) {
    // The stemmer re-adds hamza forms on some words: its result is normalised too.
    const next = withoutArticle(normalizeArabic(stemmer.stem(term) || term))
    if (next === term || next.length < 3) break
    term = next
  }
  return ARABIC_STOP_WORDS.has(term) ? null : term
}
