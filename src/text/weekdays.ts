/**
 * Weekdays resolved to the calendar. News reports name days of the week ('on Thursday') and mean
 * the one nearest the day they are dated: the past one for what happened, unless the text says
 * 'next'. Dates are ISO strings (YYYY-MM-DD) in UTC, as articles carry them.
 */
import { WEEKDAYS } from './lexicon.ts'

const DAY_MS = 86_400_000
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Which way from the article's date a weekday lies: 'last'/plain → on or before it, 'next' → after it. */
export type WeekdayDirection = 'past' | 'future'

/**
 * The date of `weekday` ('Thursday', 'thu', any case) nearest `articleDate` in `direction`: on or
 * before the article's date for 'past' (a report of Thursday's events, dated Thursday or later),
 * strictly after it for 'future'. Null when the weekday or the date can't be read.
 */
export function resolveWeekday(
  weekday: string,
  articleDate: string | null,
  direction: WeekdayDirection = 'past',
): string | null {
  const day = weekdayNumber(weekday)
  const m = articleDate ? ISO_DATE.exec(articleDate.slice(0, 10)) : null
  if (day === null || !m) return null
  const base = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  if (Number.isNaN(base)) return null
  const from = new Date(base).getUTCDay()
  const offset = direction === 'past' ? -((from - day + 7) % 7) : ((day - from + 6) % 7) + 1
  return new Date(base + offset * DAY_MS).toISOString().slice(0, 10)
}

/** 0 (Sunday) to 6 (Saturday) for a weekday's name or its first three letters; else null. */
export function weekdayNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '')
  if (w.length < 3) return null
  const i = WEEKDAYS.findIndex((d) => d.startsWith(w) && (w.length === 3 || d === w))
  return i >= 0 ? i : null
}
