import { readByline } from './byline.ts'
import { type DateReading, type NumericOrder, readDate } from './dates.ts'
import { editorialNote, FURNITURE_RULES, furnitureRule, HORIZONTAL_RULE, isItemRow } from './furniture.ts'

/** What a plain text tells of itself, and its cleaned text. */
export interface PlainTextArticle {
  title: string | null
  author: string | null
  date: string | null
  source: string | null
  text: string
  meta: Record<string, string>
  /** How the date read was written, when it was numeric: a publisher's convention to learn. */
  dateOrder?: NumericOrder
  /** A numeric date that could be read two ways, left unread. */
  ambiguousDate?: string
}

export interface PlainTextOptions {
  /** The title is known (front matter, an HTML heading): the text starts with the article. */
  hasTitle?: boolean
  /** How the publisher writes numeric dates, when known. */
  order?: NumericOrder
  /** The publisher, when known from metadata: a closing line naming it is a sign-off. */
  source?: string
}

/** A footnote number glued to the sentence it follows: '1The same happened' reads 'The same happened'. */
const FOOTNOTE = /(^|[.!?]["”’]?\s+)\d{1,2}(?=\p{Lu}\p{Ll})/gu
/** A footnote number after a word's end and before punctuation or a space: 'the town.3 It', 'deal,12 and'. */
const TRAILING_FOOTNOTE =
  /(\p{Ll}{2,}[.,;:]?)(?:\[\d{1,3}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)|(\p{Ll}{2,}[.,;:])\d{1,2}(?=\s+\p{Lu}|\s*$)/gu
/** What every glued footnote holds: a digit glued to a capitalised word. */
const MAY_FOOTNOTE = /\d\p{Lu}\p{Ll}/u
/** A word broken across a line by a hyphen (text from a PDF): 'control-\nling', 'control- ling'. */
const BROKEN_WORD =
  /(\p{Ll}{2,})-[ \t]*\n[ \t]*(\p{Ll}{2,})|(\p{Ll}{2,})- (?!and\b|or\b|to\b|nor\b)(\p{Ll}{2,})/gu
/** A line that is mostly capitals: a masthead ("LEVANT WIRE SERVICE"). */
const CAPITALS = /^[\p{Lu}\d\s&'’.,:-]+$/u

/** Publishers named in the text, most telling first; each after a word it holds, cheaply found. */
const PUBLISHER_CUES: readonly (readonly [string, RegExp])[] = [
  ['(', /^\(([\p{Lu}][^()\n]{1,40})\)\s*[-–—:]/mu],
  ['(', /^[\p{Lu}][\p{Lu} ,.]+\(([\p{Lu}][^()\n]{1,30})\)\s*[-–—]/mu],
  [' reports', /\b(\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*){0,3}) reports\.?$/mu],
]

/** "AL-SHARQ DIGEST" → "Al-Sharq Digest": a masthead's name as the publisher is written. */
export function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase())
}

/** The site's name in a masthead line ("CEDAR DAILY", "DAMASCUS NOW - News from…", "AL-SHARQ DIGEST | Syria | …"). */
function mastheadName(line: string): string | null {
  const first = line.split(/\s*(?:\||::|\u2022|\u00b7)\s*|\s+[-–—>]\s+/)[0]?.trim() ?? ''
  if (first.length < 3 || first.split(/\s+/).length > 6 || !/\p{Lu}{2}/u.test(first) || !CAPITALS.test(first))
    return null
  return titleCase(first)
}

/**
 * The site's name in any script: the page's first line, a few words, when a menu row follows
 * it ("صحيفة الأرز الإلكترونية" over "لبنان | سوريا | المنطقة | …").
 */
function mastheadAboveMenu(lines: string[], at: number): string | null {
  if (firstLines(lines, 1)[0] !== at) return null
  const l = lines[at] ?? ''
  const next = lines[firstLines(lines, 1, at + 1)[0] ?? -1] ?? ''
  if (l.split(/\s+/).length > 6 || /[.!?:]$/.test(l) || !isItemRow(next)) return null
  return /\p{Lu}/u.test(l) && l === l.toUpperCase() ? titleCase(l) : l
}

/** The publisher a copyright line names: "(c) 2017 Cedar Daily", "Damascus Now (c) 2016". */
function copyrightHolder(line: string): string | null {
  const name = line
    .split(/\s*[|·•]\s*/)[0]
    ?.replace(/\ball rights reserved\b.*$/i, '')
    .replace(/(?:\(c\)|©|copyright)/gi, ' ')
    .replace(/\b\d{4}\b/g, ' ')
    .replace(/\.\s.*$/, '')
    .replace(/[-–—.,\s]+$/, '')
    .replace(/^[-–—.,\s]+/, '')
    .trim()
  return name && /^(?:\p{Lu}|\p{Script=Arabic})/u.test(name) && name.split(/\s+/).length <= 6 ? name : null
}

/** A line that reads as a headline: a few words, not a sentence run on for paragraphs. */
function readsAsHeadline(line: string): boolean {
  const words = line.split(/\s+/).length
  return words >= 1 && line.length <= 250 && !/^[-*•>]/.test(line)
}

/**
 * A line of a word or two above a line that reads as a headline (no full stop) with text under
 * it: a section label or kicker, not the headline itself.
 */
function isLabel(lines: string[], at: number): boolean {
  const [next, after] = firstLines(lines, 2, at + 1).map((n) => lines[n] ?? '')
  return Boolean(next && after && readsAsHeadline(next) && !/[.!?]["”’]?$/.test(next))
}

/** The labels of a field header and the metadata each names. */
const FIELD_LABELS: Readonly<Record<string, 'title' | 'date' | 'source' | 'author' | 'url'>> = {
  title: 'title',
  headline: 'title',
  date: 'date',
  published: 'date',
  source: 'source',
  publisher: 'source',
  outlet: 'source',
  author: 'author',
  byline: 'author',
  url: 'url',
  link: 'url',
}
const FIELD_LINE = /^([A-Za-z]+):\s+(\S.*)$/

/**
 * The labelled fields at the top of a text ('Title: …' then 'Date: …'), and how many lines they
 * take. Two known labels at least, from the first line: one 'Source:' line in running text is no header.
 */
function readFieldHeader(lines: readonly string[]): { values: Record<string, string>; lines: number } {
  const values: Record<string, string> = {}
  let n = 0
  for (; n < lines.length; n++) {
    const m = (lines[n] ?? '').match(FIELD_LINE)
    const key = m ? FIELD_LABELS[(m[1] ?? '').toLowerCase()] : undefined
    if (!m || !key || values[key] !== undefined) break
    values[key] = (m[2] ?? '').trim()
  }
  return Object.keys(values).length >= 2 ? { values, lines: n } : { values: {}, lines: 0 }
}

/** Lowercase letters and digits only: to compare a line with a name. */
const fold = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()

/**
 * Cleans a plain-text article and infers its metadata. Above the headline: the site's masthead,
 * menus and tickers (dropped; the masthead names the publisher). The headline is the first line
 * that reads as one (or a line printed twice near the top). Under it: bylines and dates (read,
 * then dropped). In the body: every line the furniture rules catch is dropped (editorial notes
 * and keywords kept as metadata), and after a horizontal rule near the end, the page's footer.
 */
export function readPlainText(raw: string, options: PlainTextOptions = {}): PlainTextArticle {
  const meta: Record<string, string> = {}
  const joined = (raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw).replace(
    BROKEN_WORD,
    (_, a?: string, b?: string, c?: string, d?: string) => `${a ?? c}${b ?? d}`,
  )
  let lines = joined.split('\n').map((l) => l.replace(/\s+/g, ' ').trim())
  const context = lines.join('\n')
  const dateOptions = { ...(options.order ? { order: options.order } : {}), context }

  let title: string | null = null
  let author: string | null = null
  let date: string | null = null
  let ambiguousDate: string | null = null
  let dateOrder: NumericOrder | undefined
  let source: string | null = null
  let mastheadSource: string | null = null

  const takeDate = (reading: DateReading | null) => {
    if (!reading || date) return
    if (reading.order) dateOrder = reading.order
    if (reading.date) date = reading.date
    else if (reading.ambiguous) ambiguousDate = ambiguousDate ?? reading.ambiguous
  }
  const takeByline = (line: string): boolean => {
    const byline = readByline(line, dateOptions)
    if (!byline) return false
    author = author ?? byline.author
    source = source ?? byline.source
    takeDate(byline.date)
    return true
  }

  // A line repeated three times or more in one text is a running header or footer (PDF pages).
  const counts = new Map<string, number>()
  for (const l of lines) if (l && l.length <= 80) counts.set(l, (counts.get(l) ?? 0) + 1)
  lines = lines.map((l) => ((counts.get(l) ?? 0) >= 3 && !/^[-*•]/.test(l) ? '' : l))

  // A header of labelled fields ('Title: …', 'Date: …', 'Source: …'), as text exports write one.
  const fields = readFieldHeader(lines)
  for (const [key, value] of Object.entries(fields.values)) {
    if (key === 'title') title = value
    else if (key === 'author') author = value
    else if (key === 'source') source = value
    else if (key === 'url') meta.url = value
    else if (key === 'date') takeDate(readDate(value, dateOptions))
  }
  for (let n = 0; n < fields.lines; n++) lines[n] = ''

  // Header: masthead, menus, tickers, then the headline, then the byline and date.
  let i = 0
  if (!options.hasTitle && title === null) {
    const head = firstLines(lines, 14)
    const repeated = head.find((n, k) => {
      const l = lines[n] ?? ''
      return l.length >= 10 && l.length <= 250 && head.slice(k + 1).some((m) => lines[m] === l)
    })
    for (; i < lines.length; i++) {
      const l = lines[i] ?? ''
      if (l === '') continue
      if (repeated !== undefined && i === repeated) {
        title = l
        lines = lines.map((x, n) => (n <= repeated || (x === l && n < repeated + 40) ? '' : x))
        i++
        break
      }
      if (repeated !== undefined && i < repeated) {
        mastheadSource = mastheadSource ?? mastheadName(l)
        lines[i] = ''
        continue
      }
      const masthead = mastheadName(l) ?? mastheadAboveMenu(lines, i)
      if (masthead || furnitureRule(l) || isItemRow(l)) {
        mastheadSource = mastheadSource ?? masthead ?? breadcrumbName(l)
        lines[i] = ''
        continue
      }
      if (
        l.length < 60 &&
        (readDate(l, dateOptions).date || readDate(l, dateOptions).ambiguous) &&
        takeByline(l)
      ) {
        lines[i] = ''
        continue
      }
      if (l.split(/\s+/).length <= 2 && isLabel(lines, i)) {
        // A label above the headline (a section name, a kicker).
        lines[i] = ''
        continue
      }
      if (readsAsHeadline(l)) {
        title = l
        lines[i] = ''
        i++
      }
      break
    }
  }
  for (const n of firstLines(lines, 4, i)) {
    const l = lines[n] ?? ''
    if (l.length > 160) break
    if (takeByline(l) || (furnitureRule(l) && !editorialNote(l))) lines[n] = ''
    else break
  }

  const lastRule = lines.findLastIndex((l) => HORIZONTAL_RULE.test(l))
  // Body: furniture out (a block rule takes its block), notes and keywords into meta.
  let inBlock = false
  lines = lines.map((l) => {
    if (l === '') {
      inBlock = false
      return l
    }
    if (inBlock) return ''
    if (HORIZONTAL_RULE.test(l)) return ''
    const rule = furnitureRule(l)
    if (!rule)
      return (MAY_FOOTNOTE.test(l) ? l.replace(FOOTNOTE, '$1') : l).replace(
        TRAILING_FOOTNOTE,
        (_, a?: string, b?: string) => a ?? b ?? '',
      )
    if (rule.kind === 'block') inBlock = true
    const note = editorialNote(l)
    if (note) {
      const by = l.match(/\btranslated and edited by (.+?)\.(?:\s|$)/i)?.[1]
      if (by && !/\b(?:desk|staff|team)\b/i.test(by)) source = source ?? by.trim()
      const bare = l.replace(/^[>*_\s]+|[*_\s]+$/g, '')
      // "Translated By: Alexander Falconer" keeps the translator's name.
      const name =
        note === 'translator' ? bare.match(/^translated (?:from \p{L}+ )?by:?\s*(.+?)\.?$/iu)?.[1] : null
      const value = name && readByline(name)?.author ? name : bare
      meta[note] = meta[note] ? `${meta[note]} ${value}` : value
      if (!author) {
        const credit = l.match(/\b(?:reporting|written) by ([^;,.)]+)/i)?.[1]?.trim()
        if (credit && readByline(credit)?.author) author = credit
      }
    }
    if (rule.id === 'page-widget') {
      const tags = l.match(
        /^(?:tags|filed under|topics|categories|keywords|وسوم|كلمات مفتاحية)\s*:\s*(.+)$/iu,
      )?.[1]
      if (tags) meta.keywords = tags
    }
    if (rule.id === 'copyright') source = source ?? copyrightHolder(l)
    return ''
  })
  source = source ?? mastheadSource
  lines = dropFooter(lines, lastRule)
  lines = dropSignOff(lines, options.source ?? source)

  const text = paragraphsOf(lines)
  if (!source) {
    for (const [word, cue] of PUBLISHER_CUES) {
      if (!text.includes(word)) continue
      const m = text.match(cue)
      if (m?.[1]) {
        source = m[1].trim()
        break
      }
    }
  }
  if (!date && ambiguousDate) meta.dateWarning = `ambiguous date ${ambiguousDate}: day or month first?`
  return {
    title,
    author,
    date,
    source,
    text,
    meta,
    ...(dateOrder ? { dateOrder } : {}),
    ...(!date && ambiguousDate ? { ambiguousDate } : {}),
  }
}

/** The first item of a breadcrumb ("Levant Wire Service > World > Middle East"): the site. */
function breadcrumbName(line: string): string | null {
  const first = line.split(/\s+(?:>|»|›)\s+/)
  if (first.length < 2) return null
  const name = first[0]?.trim() ?? ''
  return name.split(/\s+/).length >= 2 && name.split(/\s+/).length <= 5 && /^\p{Lu}/u.test(name) ? name : null
}

/**
 * A page's footer after a horizontal rule: when the last rule stands in the last third of the
 * text and what follows is short lines (no paragraph of prose), it all goes.
 */
function dropFooter(lines: string[], lastRule: number): string[] {
  if (lastRule < 0 || lastRule < lines.length * 0.6) return lines
  const after = lines.slice(lastRule + 1).filter(Boolean)
  if (after.some((l) => l.length > 220 || (l.split(/\s+/).length > 25 && /[.!?]$/.test(l)))) return lines
  return lines.map((l, n) => (n > lastRule ? '' : l))
}

/** The last lines, when short and naming the publisher: a sign-off ("-- Hauran Monitor. Corrections: …"). */
function dropSignOff(lines: string[], source: string | null): string[] {
  if (!source) return lines
  const name = fold(source)
  let seen = 0
  for (let n = lines.length - 1; n >= 0 && seen < 3; n--) {
    const l = lines[n] ?? ''
    if (!l) continue
    seen++
    if (l.length <= 140 && fold(l).includes(name)) lines[n] = ''
    else break
  }
  return lines
}

/** Indexes of the first `count` non-empty lines from `from`. */
function firstLines(lines: string[], count: number, from = 0): number[] {
  const out: number[] = []
  for (let n = from; n < lines.length && out.length < count; n++) if (lines[n]) out.push(n)
  return out
}

/** Lines back to text: blank-line-separated groups, one blank line between paragraphs. */
export function paragraphsOf(lines: string[]): string {
  const groups: string[][] = [[]]
  let prevBlank = false
  for (const l of lines) {
    if (l === '') {
      prevBlank = true
      continue
    }
    if (prevBlank && (groups[groups.length - 1]?.length ?? 0) > 0) groups.push([])
    groups[groups.length - 1]?.push(l)
    prevBlank = false
  }
  return groups
    .filter((g) => g.length)
    .map((g) => g.join('\n'))
    .join('\n\n')
}

export { FURNITURE_RULES }
