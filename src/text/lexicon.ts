/**
 * The word lists several parts of Musalaha share, defined once. Extraction, search and `ask`
 * import from here instead of keeping their own copies, so that a word added to a list is known
 * everywhere at once.
 */

/** Nouns an article calls a local deal by (singular forms; callers allow the plural). */
export const DEAL_NOUNS = [
  'agreement',
  'deal',
  'accord',
  'truce',
  'ceasefire',
  'cease-fire',
  'reconciliation',
  'settlement',
  'memorandum',
  'understanding',
] as const

/** Nouns for what was put on the table before a deal: kept apart from the deal it led to. */
export const PROPOSAL_NOUNS = ['proposal', 'offer', 'initiative', 'draft', 'plan'] as const

/** Arabic deal nouns, undiacritised: agreement, settlement, reconciliation, truce, ceasefire. */
export const ARABIC_DEAL_NOUNS = ['اتفاق', 'اتفاقية', 'تسوية', 'مصالحة', 'هدنة', 'وقف إطلاق النار'] as const

/** Month names in order, in full. */
export const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const

/** Abbreviations of month names, each with its month's number (1–12). */
export const MONTH_ABBREVIATIONS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
}

/** The number (1–12) of a month's name or abbreviation, or null. */
export function monthNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '')
  const full = MONTHS.indexOf(w as (typeof MONTHS)[number])
  if (full >= 0) return full + 1
  return MONTH_ABBREVIATIONS[w] ?? null
}

/** A regular-expression source matching any month name or abbreviation (case left to the caller). */
export const MONTH_PATTERN = `(?:${[...MONTHS, ...Object.keys(MONTH_ABBREVIATIONS)]
  .sort((a, b) => b.length - a.length)
  .join('|')})\\.?`

/** Weekday names, Sunday first (the index is JavaScript's `getDay()`). */
export const WEEKDAYS = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const

/** Transliterations of the Arabic article and the particles that join the parts of a name. */
export const NAME_JOINERS = ['al', 'el', 'wal', 'bin', 'ibn', 'abu', 'abi', 'ul', 'bani', 'bint'] as const

/** Assimilated forms of the article, which are English words too: they count only hyphen-attached. */
export const HYPHEN_JOINERS = ['as', 'ash', 'ad', 'at', 'ar', 'az', 'an', 'adh', 'wa'] as const

/** The Arabic-script article and the one-letter prefixes that attach to a word. */
export const ARABIC_ARTICLE = 'ال'
export const ARABIC_PREFIXES = ['و', 'ف', 'ب', 'ك', 'ل'] as const

/**
 * Month names in Arabic, each with its number: the Levantine names (كانون الثاني, آذار…) and
 * the ones taken from the Western names (يناير, مارس…); papers often print both ("آب/أغسطس").
 */
export const ARABIC_MONTHS: Readonly<Record<string, number>> = {
  'كانون الثاني': 1,
  يناير: 1,
  شباط: 2,
  فبراير: 2,
  آذار: 3,
  مارس: 3,
  نيسان: 4,
  أبريل: 4,
  ابريل: 4,
  أيار: 5,
  مايو: 5,
  حزيران: 6,
  يونيو: 6,
  تموز: 7,
  يوليو: 7,
  آب: 8,
  أغسطس: 8,
  اغسطس: 8,
  أيلول: 9,
  سبتمبر: 9,
  'تشرين الأول': 10,
  أكتوبر: 10,
  اكتوبر: 10,
  'تشرين الثاني': 11,
  نوفمبر: 11,
  'كانون الأول': 12,
  ديسمبر: 12,
}
