import { normalizeArabic, withoutArticle } from './arabic.ts'

/**
 * Rule-based transliteration between Arabic script and the Latin spellings of English-language
 * news, for names that no gazetteer lists. Arabic writes no short vowels, so a name is compared
 * by its consonant skeleton: 'الزبداني' and 'Zabadani' are both z-b-d-n. Each letter is a row of
 * the table: its usual Latin spellings (the first is the one shown) and its consonant class
 * (empty for letters that stand for vowels or are not written in Latin: alef, waw, ya, ain, hamza).
 */
export interface LetterRule {
  ar: string
  latin: readonly string[]
  consonant: string
}

export const LETTERS: readonly LetterRule[] = [
  { ar: 'ا', latin: ['a'], consonant: '' },
  { ar: 'ب', latin: ['b'], consonant: 'b' },
  { ar: 'ت', latin: ['t'], consonant: 't' },
  { ar: 'ث', latin: ['th', 's'], consonant: 't' },
  { ar: 'ج', latin: ['j', 'g'], consonant: 'j' },
  { ar: 'ح', latin: ['h'], consonant: 'h' },
  { ar: 'خ', latin: ['kh'], consonant: 'k' },
  { ar: 'د', latin: ['d'], consonant: 'd' },
  { ar: 'ذ', latin: ['dh', 'z'], consonant: 'd' },
  { ar: 'ر', latin: ['r'], consonant: 'r' },
  { ar: 'ز', latin: ['z'], consonant: 'z' },
  { ar: 'س', latin: ['s'], consonant: 's' },
  { ar: 'ش', latin: ['sh'], consonant: 's' },
  { ar: 'ص', latin: ['s'], consonant: 's' },
  { ar: 'ض', latin: ['d', 'dh'], consonant: 'd' },
  { ar: 'ط', latin: ['t'], consonant: 't' },
  { ar: 'ظ', latin: ['z', 'dh'], consonant: 'z' },
  { ar: 'ع', latin: ["'", ''], consonant: '' },
  { ar: 'غ', latin: ['gh'], consonant: 'x' },
  { ar: 'ف', latin: ['f'], consonant: 'f' },
  { ar: 'ق', latin: ['q', 'k'], consonant: 'k' },
  { ar: 'ك', latin: ['k'], consonant: 'k' },
  { ar: 'ل', latin: ['l'], consonant: 'l' },
  { ar: 'م', latin: ['m'], consonant: 'm' },
  { ar: 'ن', latin: ['n'], consonant: 'n' },
  { ar: 'ه', latin: ['h', 'a'], consonant: 'h' },
  { ar: 'و', latin: ['w', 'u', 'ou', 'o', 'aw'], consonant: '' },
  { ar: 'ي', latin: ['y', 'ay', 'i', 'ai', 'ei'], consonant: '' },
  { ar: 'ء', latin: ["'", ''], consonant: '' },
]
const BY_LETTER = new Map(LETTERS.map((l) => [l.ar, l]))

/**
 * Latin spellings to consonant classes, longest first: digraphs are one Arabic letter
 * (sh ش, kh خ, th ث, dh ذ, gh غ), 'ch' is how French and English write تش (Sochi).
 */
const LATIN_CONSONANTS: readonly (readonly [string, string])[] = [
  ['x', 'ks'],
  ['sch', 's'],
  ['tch', 'ts'],
  ['sh', 's'],
  ['kh', 'k'],
  ['th', 't'],
  ['dh', 'd'],
  ['gh', 'x'],
  ['ch', 'ts'],
  ['ph', 'f'],
  ['q', 'k'],
  ['c', 'k'],
  ['p', 'b'],
  ['v', 'f'],
  ['g', 'j'],
]

/**
 * Latin renderings of an Arabic name, the usual one first ('جيش' → Jaysh, Jaish, Jeish…): each
 * letter's spellings from the table; waw and ya are vowels inside a word (u, ay/ai/ei/i) and
 * consonants at its start; an 'a' is put between two consonants, the short vowel Arabic does not
 * write. At most `limit` renderings.
 */
export function transliterations(arabic: string, limit = 4): string[] {
  const words = arabic.split(/\s+/).filter(Boolean).map(wordRenderings)
  const out: string[] = []
  for (let k = 0; k < limit; k++) {
    const variant = words.map((w) => w[Math.min(k, w.length - 1)] ?? '').join(' ')
    if (!out.includes(variant)) out.push(variant)
  }
  return out
}

/** One Latin rendering of an Arabic name: the first of `transliterations`. */
export function transliterate(arabic: string): string {
  return transliterations(arabic, 1)[0] ?? ''
}

const VOWEL_LETTERS = new Set(['ا', 'و', 'ي', 'ى', 'ع', 'ء', 'ه'])

function wordRenderings(word: string): string[] {
  const w = normalizeArabic(word)
  const bare = withoutArticle(w)
  const article = bare !== w ? 'al-' : ''
  const chars = [...bare]
  const variants = new Set<string>()
  for (let k = 0; k < 5; k++) {
    let out = ''
    chars.forEach((ch, i) => {
      const rule = BY_LETTER.get(ch)
      if (!rule) {
        out += ch
        return
      }
      const inside = i > 0
      const last = i === chars.length - 1
      let latin = rule.latin[0] ?? ''
      if (ch === 'ا') latin = 'a'
      else if (ch === 'ه' && last) latin = 'a'
      else if ((ch === 'و' || ch === 'ي') && inside)
        latin =
          (ch === 'ي' && last ? ['i'] : rule.latin.slice(1))[
            k % (ch === 'ي' && last ? 1 : rule.latin.length - 1)
          ] ?? ''
      else if (ch === 'ع' || ch === 'ء') latin = !inside ? 'a' : last ? '' : "'"
      const next = chars[i + 1]
      // Two consonants in a row: the unwritten short vowel between them.
      const vowel =
        !VOWEL_LETTERS.has(ch) && next !== undefined && !VOWEL_LETTERS.has(next) && i < chars.length - 1
          ? 'a'
          : ''
      out += latin + vowel
    })
    variants.add(article + out.charAt(0).toUpperCase() + out.slice(1))
  }
  return [...variants]
}

/** The consonant skeleton of an Arabic word: its article dropped, a final ha (ta marbuta) too. */
export function arabicSkeleton(word: string): string {
  const bare = withoutArticle(normalizeArabic(word)).replace(/ه$/, '')
  let out = ''
  for (const ch of bare) out += BY_LETTER.get(ch)?.consonant ?? ''
  return squeeze(out)
}

/** The consonant skeleton of a Latin word: vowels, w, y, apostrophes and a final h after a vowel dropped. */
export function latinSkeleton(word: string): string {
  let w = word
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/^(?:al|el|as|ash|ad|ar|az|at|an)-/, '')
    .replace(/[^a-z]/g, '')
    .replace(/([aeiouy])h$/, '$1')
  let out = ''
  while (w.length > 0) {
    const rule = LATIN_CONSONANTS.find(([l]) => w.startsWith(l))
    if (rule) {
      out += rule[1]
      w = w.slice(rule[0].length)
      continue
    }
    const ch = w[0] as string
    if (!'aeiouwy'.includes(ch)) out += ch
    w = w.slice(1)
  }
  return squeeze(out)
}

/** Doubled consonants (shadda, 'Hamma') count once. */
function squeeze(s: string): string {
  return s.replace(/(.)\1+/g, '$1')
}
