/**
 * When something a sentence tells happened, as news writes it: a full date ('May 1, 2018'), a
 * day and month whose year the article gives ('on March 14'; a day later in the year than the
 * article itself was the year before), or a weekday counted from the article's date ('on
 * Thursday' in an article of Thursday 3 May 2018 is that day; 'next Sunday' is ahead of it).
 * Agreements and stance evidence are dated alike by this one reading.
 */
import { isoDate, parseDate } from '../corpus/dates.ts'
import { MONTH_PATTERN, monthNumber, WEEKDAYS } from '../text/lexicon.ts'

const MONTH = `(${MONTH_PATTERN})`
const DAY_MONTH = new RegExp(
  String.raw`\b(?:(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH}|${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?)\b(?!,?\s+\d{4})`,
  'i',
)
const WEEKDAY = new RegExp(`\\b(next\\s+)?(${WEEKDAYS.join('|')})\\b`, 'i')

/** What dates in an article are read against: its own date and the year its text speaks of. */
export interface DateContext {
  articleDate: string | null
  year: number | null
}

/** The date context of an article: its date, else the year of the first full date in its text. */
export function dateContext(articleDate: string | null, text: string): DateContext {
  const year = (articleDate ?? parseDate(text))?.slice(0, 4)
  return { articleDate, year: year ? Number(year) : null }
}

/** The date a sentence gives for what it tells, or null when it gives none it can be read by. */
export function sentenceDate(sentence: string, ctx: DateContext): string | null {
  const full = parseDate(sentence)
  if (full) return full
  const dm = sentence.match(DAY_MONTH)
  const month = dm ? monthNumber(dm[2] ?? dm[3] ?? '') : null
  if (dm && month && ctx.year) {
    const day = Number(dm[1] ?? dm[4])
    const [, am, ad] = (ctx.articleDate ?? '').split('-').map(Number)
    const later = am !== undefined && ad !== undefined && (month > am || (month === am && day > ad))
    const iso = isoDate(later ? ctx.year - 1 : ctx.year, month, day)
    if (iso) return iso
  }
  const wd = sentence.match(WEEKDAY)
  if (wd && ctx.articleDate) {
    const target = WEEKDAYS.indexOf((wd[2] ?? '').toLowerCase() as (typeof WEEKDAYS)[number])
    const d = new Date(`${ctx.articleDate}T00:00:00Z`)
    // A plain weekday is the latest one on or before the article's date; 'next Sunday' is ahead.
    const shift = wd[1] ? ((target - d.getUTCDay() + 6) % 7) + 1 : -((d.getUTCDay() - target + 7) % 7)
    d.setUTCDate(d.getUTCDate() + shift)
    return d.toISOString().slice(0, 10)
  }
  return null
}

/**
 * Told as before the article's moment without a date of its own: the past perfect ('had refused'),
 * 'last week', 'earlier', 'initially'. Such a sentence takes neither the article's date nor its
 * paragraph's: what it tells happened some time before them. A 'had' in a relative clause ('the
 * group, which had besieged the town, accepted') tells of something else.
 */
const BEFORE_THE_STORY =
  /\b(?:(?<!\b(?:which|who|that|whom|where|when)\s+(?:\w+\s+)?)had(?!\s+(?:to|better)\b)|last (?:week|month|year)|(?:earlier|previously|initially|at first|weeks ago|months ago|days ago)\b)/i

export function toldAsBefore(sentence: string): boolean {
  return BEFORE_THE_STORY.test(sentence)
}
