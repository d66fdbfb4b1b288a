import { isoDate, parseDate } from '../corpus/dates.ts'

/**
 * The date of what a sentence reports: a full date it names ('May 1, 2018'), a day and month
 * it names in the article's year ('on March 14'), a weekday it names as the latest such day
 * up to the article's date ('on Thursday', as news reports write), else the article's date.
 */

const MONTHS = 'january february march april may june july august september october november december'.split(
  ' ',
)
const MONTH = String.raw`(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?`
const DAY_MONTH = new RegExp(
  String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH}\b|\b${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?\b`,
  'i',
)
const WEEKDAYS = 'sunday monday tuesday wednesday thursday friday saturday'.split(' ')
const WEEKDAY = /\bon (sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/i

function monthNumber(name: string): number {
  const n = name.toLowerCase().replace(/\.$/, '')
  return MONTHS.findIndex((m) => m.startsWith(n.slice(0, 3))) + 1
}

export function eventDate(sentence: string, articleDate: string | null): string | null {
  const full = parseDate(sentence)
  if (full) return full
  if (!articleDate) return null
  const [y, m, d] = articleDate.split('-').map(Number) as [number, number, number]
  const dm = sentence.match(DAY_MONTH)
  if (dm) {
    const day = Number(dm[1] ?? dm[4])
    const month = monthNumber(dm[2] ?? dm[3] ?? '')
    // A day later in the year than the article was the year before.
    const year = month > m || (month === m && day > d) ? y - 1 : y
    const iso = isoDate(year, month, day)
    if (iso) return iso
  }
  const wd = sentence.match(WEEKDAY)
  if (wd?.[1]) {
    const want = WEEKDAYS.indexOf(wd[1].toLowerCase())
    const at = new Date(Date.UTC(y, m - 1, d))
    const back = (at.getUTCDay() - want + 7) % 7
    return new Date(at.getTime() - back * 86_400_000).toISOString().slice(0, 10)
  }
  return articleDate
}
