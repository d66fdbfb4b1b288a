/** Dates as people write them in news text, to ISO `YYYY-MM-DD`. */

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
}
const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?'

/** Date patterns, most specific first; each yields [year, month, day] from its groups. */
const PATTERNS: [RegExp, (m: RegExpMatchArray) => [string, string, string]][] = [
  [/\b(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d|\b)/, (m) => [m[1] ?? '', m[2] ?? '', m[3] ?? '']],
  [
    new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})\\b`, 'i'),
    (m) => [m[3] ?? '', m[2] ?? '', m[1] ?? ''],
  ],
  [
    new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i'),
    (m) => [m[3] ?? '', m[1] ?? '', m[2] ?? ''],
  ],
  [/\b(\d{4})\/(\d{1,2})\/(\d{1,2})\b/, (m) => [m[1] ?? '', m[2] ?? '', m[3] ?? '']],
  // 4/16/2017: month first (as US data sets write it) unless the first number can't be a month.
  [
    /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/,
    (m) => (Number(m[1]) > 12 ? [m[3] ?? '', m[2] ?? '', m[1] ?? ''] : [m[3] ?? '', m[1] ?? '', m[2] ?? '']),
  ],
]

/** The first date in `text` in ISO form, or null. Month names and numbers are both understood. */
export function parseDate(text: string): string | null {
  for (const [re, parts] of PATTERNS) {
    const m = text.match(re)
    if (!m) continue
    const [y, mo, d] = parts(m)
    const month = /^\d+$/.test(mo)
      ? Number(mo)
      : MONTHS[mo.toLowerCase().slice(0, mo.toLowerCase().startsWith('sept') ? 4 : 3)]
    const iso = isoDate(Number(y), month ?? 0, Number(d))
    if (iso) return iso
  }
  return null
}

/** `YYYY-MM-DD` when the parts make a real calendar date, else null. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return null
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null
  return date.toISOString().slice(0, 10)
}
