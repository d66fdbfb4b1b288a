/** Dates as people write them in news text, to ISO `YYYY-MM-DD`; a date that can't be told is never guessed. */
import { MONTH_PATTERN, monthNumber } from '../text/lexicon.ts'

const MONTH = `(${MONTH_PATTERN})`

/** Date patterns with the order of their parts named, most specific first. */
const PATTERNS: [RegExp, (m: RegExpMatchArray) => [string, string, string]][] = [
  [/\b(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d|\b)/, (m) => [m[1] ?? '', m[2] ?? '', m[3] ?? '']],
  [
    new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})\\b`, 'i'),
    (m) => [m[3] ?? '', m[2] ?? '', m[1] ?? ''],
  ],
  [
    new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i'),
    (m) => [m[3] ?? '', m[1] ?? '', m[2] ?? ''],
  ],
  [/\b(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b/, (m) => [m[1] ?? '', m[2] ?? '', m[3] ?? '']],
]

/** `12/02/2018`, `12.02.2018`, `12-02-2018`: day and month in an order the date alone may not tell. */
const NUMERIC = /\b(\d{1,2})([/.-])(\d{1,2})\2(\d{4})\b/

/** Which number comes first in a numeric date: the day (most of the world) or the month (the US). */
export type NumericOrder = 'dmy' | 'mdy'

export interface DateReading {
  date: string | null
  /** Set when a numeric date could be read two ways and nothing told which: the date is then null. */
  ambiguous?: string
  /** How a numeric date was ordered, when one was read: a publisher's convention to learn. */
  order?: NumericOrder
}

function fromParts(y: string, mo: string, d: string): string | null {
  const month = /^\d+$/.test(mo) ? Number(mo) : monthNumber(mo)
  return isoDate(Number(y), month ?? 0, Number(d))
}

/**
 * The first date in `text`. A numeric date whose first two numbers could both be the month
 * (03/05/2018) is read in `order` when given; else by another numeric date in `context` that
 * only one order allows (19/12/2016 says day first), or a written date in `context` that matches
 * one reading; else it is left null and `ambiguous` says so.
 */
export function readDate(
  text: string,
  options: { order?: NumericOrder; context?: string } = {},
): DateReading {
  const numeric = text.match(NUMERIC)
  let best: { at: number; reading: DateReading } | null = null
  for (const [re, parts] of PATTERNS) {
    const m = text.match(re)
    if (!m || m.index === undefined) continue
    const iso = fromParts(...parts(m))
    if (iso && (!best || m.index < best.at)) best = { at: m.index, reading: { date: iso } }
  }
  if (numeric && numeric.index !== undefined && (!best || numeric.index < best.at)) {
    const reading = readNumeric(numeric, options)
    if (reading.date || reading.ambiguous) return reading
  }
  return best?.reading ?? { date: null }
}

function readNumeric(m: RegExpMatchArray, options: { order?: NumericOrder; context?: string }): DateReading {
  const [a, b, y] = [Number(m[1]), Number(m[3]), m[4] ?? '']
  const dmy = isoDate(Number(y), b, a)
  const mdy = isoDate(Number(y), a, b)
  if (!dmy || !mdy || dmy === mdy) {
    const date = dmy ?? mdy
    return date
      ? { date, ...(dmy && dmy !== mdy ? { order: 'dmy' } : mdy && dmy !== mdy ? { order: 'mdy' } : {}) }
      : { date: null }
  }
  const order = options.order ?? orderFromContext(options.context ?? '', m[0], [dmy, mdy])
  if (order) return { date: order === 'dmy' ? dmy : mdy, order }
  return { date: null, ambiguous: m[0] }
}

/** The order another date in the same text shows: an unambiguous numeric one, or a written one. */
function orderFromContext(context: string, self: string, [dmy, mdy]: [string, string]): NumericOrder | null {
  for (const m of context.matchAll(new RegExp(NUMERIC.source, 'g'))) {
    if (m[0] === self) continue
    const [a, b] = [Number(m[1]), Number(m[3])]
    if (a > 12 && b <= 12) return 'dmy'
    if (b > 12 && a <= 12) return 'mdy'
  }
  const written = new Set<string>()
  for (const [re, parts] of PATTERNS.slice(1, 3)) {
    for (const m of context.matchAll(new RegExp(re.source, 'gi'))) {
      const iso = fromParts(...parts(m))
      if (iso) written.add(iso)
    }
  }
  if (written.has(dmy) !== written.has(mdy)) return written.has(dmy) ? 'dmy' : 'mdy'
  return null
}

/**
 * The order a set of numeric dates shows (a file's date column, one publisher's pages): day
 * first when some date has a first number above 12, month first when some has a second number
 * above 12; undefined when none tells, or they disagree.
 */
export function learnOrder(values: Iterable<string>): NumericOrder | undefined {
  let dmy = false
  let mdy = false
  for (const v of values) {
    const m = v.match(NUMERIC)
    if (!m) continue
    const [a, b] = [Number(m[1]), Number(m[3])]
    if (a > 12 && b <= 12) dmy = true
    if (b > 12 && a <= 12) mdy = true
  }
  return dmy === mdy ? undefined : dmy ? 'dmy' : 'mdy'
}

/** The first date in `text` in ISO form, or null; a numeric date that could be read two ways is skipped. */
export function parseDate(text: string): string | null {
  return readDate(text).date
}

/** `YYYY-MM-DD` when the parts make a real calendar date, else null. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return null
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null
  return date.toISOString().slice(0, 10)
}
