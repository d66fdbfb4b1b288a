/**
 * Bylines: the lines under a headline that say who wrote it, for whom and when
 * ("By Karim Haddad, Levant Wire Service", "Reem Khatib | 12 October 2016 | 4 min read",
 * "Staff reporter, North Star Monitor"). The author is a person's name; desks, staff and
 * agencies are not authors.
 */
import { type DateReading, type NumericOrder, readDate } from './dates.ts'

export interface Byline {
  author: string | null
  source: string | null
  date: DateReading | null
}

/** Parts of a byline: split at | • · — – , ; and a spaced hyphen. */
const PARTS = /\s*(?:\||\u2022|\u00b7|—|–|;|,(?!\s*\d{4}\b))\s*|\s+-\s+/

/** A word that makes a credit a desk or a role rather than a person. */
const NOT_A_PERSON =
  /\b(?:staff|desk|reporters?|correspondents?|newsroom|editors?|agenc(?:y|ies)|team|bureau|wires?|news|service|media|monitor|daily|times|post|digest|online|press)\b/i

/** A name token: capitalised (O'Neil, al-Zoubi's parts), or a joining particle. */
const NAME_TOKEN = /^(?:\p{Lu}[\p{L}'’.-]*|(?:al|el|bin|ibn|abu|de|da|van|von|der|du|la|le)(?:-\p{L}+)?)$/u

/** A person's name: two to five name tokens, the first capitalised. */
export function isPersonName(s: string): boolean {
  const tokens = s.trim().split(/\s+/)
  if (tokens.length < 2 || tokens.length > 5) return false
  if (!/^\p{Lu}/u.test(tokens[0] ?? '')) return false
  if (NOT_A_PERSON.test(s)) return false
  return tokens.every((t) => NAME_TOKEN.test(t))
}

/** A publisher's name as a byline gives it: two to six words, capitalised, no digits. */
function isPublisherName(s: string): boolean {
  const tokens = s.trim().split(/\s+/)
  return tokens.length >= 2 && tokens.length <= 6 && /^\p{Lu}/u.test(s) && !/\d/.test(s)
}

const BY = /^(?:by|written by|words by|filed by|reported by|author)\s*:?\s+/i
const DATE_LABEL = /^(?:published|posted|updated|last updated|date|on)\s*:?\s*/i

/** A byline read from one line, or null when the line is not one. */
export function readByline(
  line: string,
  options: { order?: NumericOrder; context?: string } = {},
): Byline | null {
  const l = line.trim()
  if (!l || l.length > 160) return null
  const hasBy = BY.test(l)
  const parts = l
    .replace(BY, '')
    .split(PARTS)
    .map((p) => p.trim())
    .filter(Boolean)
  let author: string | null = null
  let source: string | null = null
  let date: DateReading | null = null
  let understood = 0
  let desk = false
  for (const part of parts) {
    const bare = part.replace(DATE_LABEL, '')
    // A date part is a date and little else ("Wednesday 14 December 2016", "2014-05-02 21:40").
    const d = bare.length <= 40 ? readDate(bare, options) : { date: null }
    if (d.date || ('ambiguous' in d && d.ambiguous)) {
      date = date ?? d
      understood++
    } else if (/^\d{1,2}:\d{2}\b|^\d+ min(?:ute)?s? read$|^last updated\b/i.test(bare)) understood++
    else if (!author && isPersonName(part)) {
      author = part
      understood++
    } else if (NOT_A_PERSON.test(part) && part.split(/\s+/).length <= 6) {
      // "Staff reporter", "Hauran desk", "Cedar Daily staff": a credit, not a person.
      desk = true
      understood++
      if (/\b(?:staff|desk)\b/i.test(part)) {
        const publisher = part.replace(/\s*\b(?:staff|news desk|desk)\b.*$/i, '').trim()
        if (isPublisherName(publisher) && !source) source = publisher
      } else if (!source && isPublisherName(part) && !/\b(?:staff|desk|reporter|correspondent)\b/i.test(part))
        source = part
    } else if (!source && isPublisherName(part) && (author || desk || hasBy)) {
      source = part
      understood++
    } else if (/^\p{Lu}[\p{L}-]+$/u.test(part)) understood++ // a place or a weekday: "• Beirut •", "Athens, 9 May"
  }
  // Every part understood, and something that makes it a byline: a "By", a name, a desk, a date.
  if (understood < parts.length) return null
  if (!hasBy && !author && !desk && !date) return null
  if (!hasBy && !author && !desk && parts.length > 2) return null
  return { author, source, date }
}
