import { parseDate } from './dates.ts'

/** What a plain text tells of itself, and its cleaned text. */
export interface PlainTextArticle {
  title: string | null
  author: string | null
  date: string | null
  source: string | null
  text: string
  meta: Record<string, string>
}

/** Site furniture above a headline: logos, tickers, menus. */
const HEADER_WIDGETS = [
  /^logo\b.{0,30}$/i,
  /^(news|breaking news) ticker$/i,
  /^(latest|breaking|top) news:?$/i,
  /^(menu|home|search|skip to (main )?content)$/i,
]
/** A ticker: several headlines on one line, separated by runs of spaces. */
const TICKER = /(?:\s{3,}\S.*){3,}/
/** Whitespace other than one space: a line holding none needs no collapsing and is no ticker. */
const ODD_SPACE = /[^\S ]| {2}/

/** Share and comment widgets, wherever they stand. */
const WIDGETS = [
  /%d bloggers like this/i,
  /^comments?\s*\(\d+\)$/i,
  /^(post|leave|add) (your|a) comments?\b/i,
  /\bfill (in )?all (the )?(required )?fields\b/i,
  /\bconfirmation code\b/i,
  /^(your comment )?will (now )?be shown\b/i,
  /^(share|tweet|email|print|share this( article)?|share on \w+)[:!]?$/i,
  /^(click|tap) to (share|print|email)\b/i,
  /^like this:?$/i,
  /^(related|recommended)( posts| articles| stories| news)?:?$/i,
  /^advertisement$/i,
  /^(follow|subscribe to) us\b.{0,40}$/i,
  /^responsibility for the information and views\b/i,
]
/** Any of WIDGETS (all case-insensitive): one pass over a line rather than one per widget. */
const WIDGET = new RegExp(WIDGETS.map((re) => `(?:${re.source})`).join('|'), 'i')
const KEYWORDS = /^(?:helpful )?(?:keywords|tags)\s*:?\s*(.*)$/i
const TRANSLATOR = /^translated by\s*:?\s*(.+)$/i
const TRANSLATED_AND_EDITED = /^this article was translated(?: and edited)? by (.+?)\.(?:\s|$)/i
const BYLINE = /^(?:by\s+)?(\p{Lu}[\p{L}.'-]+(?:\s+\p{Lu}[\p{L}.'-]+){0,3})\s*\|\s*(.+)$/u
const BY = /^by\s+(\p{Lu}[\p{L}.'-]+(?:\s+\p{Lu}[\p{L}.'-]+){0,3})$/iu
const TIMESTAMP = /^\|?\s*(\d{4}-\d{2}-\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?\s*\|?$/
/** A footnote number glued to the sentence it follows: '1The same happened' reads 'The same happened'. */
const FOOTNOTE = /(^|[.!?]["”’]?\s+)\d{1,2}(?=\p{Lu}\p{Ll})/gu
/** What every footnote holds: a digit glued to a capitalised word. */
const MAY_FOOTNOTE = /\d\p{Lu}\p{Ll}/u

/** Publishers named in the text, most telling first; each after a word it holds, cheaply found. */
const PUBLISHER_CUES: readonly (readonly [string, RegExp])[] = [
  ['(', /^\(([\p{Lu}][^()\n]{1,40})\)\s*[-–—:]/mu],
  ['(', /^[\p{Lu}][\p{Lu} ,.]+\(([\p{Lu}][^()\n]{1,30})\)\s*[-–—]/mu],
  [' reports', /\b(\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*){0,3}) reports\.?$/mu],
]

/**
 * Cleans a plain-text article and infers its metadata: the headline below any site furniture
 * (a headline printed twice marks where the article starts), the byline and date under it, the
 * publisher where the text names it; widgets, keyword lists and 'Translated By:' lines leave the
 * text (the translator and keywords are kept as metadata).
 */
export function readPlainText(raw: string, options: { hasTitle?: boolean } = {}): PlainTextArticle {
  const meta: Record<string, string> = {}
  let lines = (raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw).split('\n')
  const tickerAt = new Set<number>()
  lines = lines.map((l, i) => {
    // Most lines hold single spaces only: collapsing whitespace would change nothing in them,
    // and a ticker's runs of spaces are not there. (\s holds the no-break space.)
    if (!ODD_SPACE.test(l)) return l.trim()
    if (TICKER.test(l)) tickerAt.add(i)
    return l.replace(/\s+/g, ' ').trim()
  })

  let title: string | null = null
  let author: string | null = null
  let date: string | null = null
  let source: string | null = null

  // Header: site furniture, then the headline, then byline and date.
  let i = 0
  if (!options.hasTitle) {
    const head = firstLines(lines, 14)
    const repeated = head.find((n, k) => {
      const l = lines[n] ?? ''
      return l.length >= 10 && l.length <= 250 && head.slice(k + 1).some((m) => lines[m] === l)
    })
    if (repeated !== undefined) {
      const headline = lines[repeated] ?? ''
      title = headline
      lines = lines.map((l, n) => (n <= repeated || (l === headline && n < repeated + 40) ? '' : l))
      i = repeated + 1
    } else {
      for (; i < lines.length; i++) {
        const l = lines[i] ?? ''
        if (l === '') continue
        if (tickerAt.has(i) || HEADER_WIDGETS.some((re) => re.test(l))) {
          if (/news:?$/i.test(l)) skipNextLine(lines, i, tickerAt)
          lines[i] = ''
          continue
        }
        if (l.length <= 250) {
          title = l
          lines[i] = ''
          i++
        }
        break
      }
    }
  }
  for (const n of firstLines(lines, 4, i)) {
    const l = lines[n] ?? ''
    const byline = l.match(BYLINE)
    const by = l.match(BY)
    const stamp = l.match(TIMESTAMP)
    if (byline && parseDate(byline[2] ?? '')) {
      author = byline[1] ?? null
      date = parseDate(byline[2] ?? '')
    } else if (by) author = by[1] ?? null
    else if (stamp) date = parseDate(stamp[1] ?? '')
    else if (l.length < 40 && parseDate(l)) date = parseDate(l)
    else continue
    lines[n] = ''
  }

  // Body: widgets and metadata lines out, footnote digits off.
  lines = lines.map((l) => {
    const keywords = l.match(KEYWORDS)
    const translator = l.match(TRANSLATOR)
    const edited = l.match(TRANSLATED_AND_EDITED)
    if (keywords && l.length < 200) {
      if (keywords[1]) meta.keywords = keywords[1]
      return ''
    }
    if (translator && l.length < 100) {
      meta.translator = translator[1]?.trim() ?? ''
      return ''
    }
    if (edited) {
      source = source ?? edited[1]?.trim() ?? null
      return ''
    }
    if (WIDGET.test(l)) return ''
    return MAY_FOOTNOTE.test(l) ? l.replace(FOOTNOTE, '$1') : l
  })
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
  return { title, author, date, source, text, meta }
}

/** Indexes of the first `count` non-empty lines from `from`. */
function firstLines(lines: string[], count: number, from = 0): number[] {
  const out: number[] = []
  for (let n = from; n < lines.length && out.length < count; n++) if (lines[n]) out.push(n)
  return out
}

function skipNextLine(lines: string[], i: number, tickerAt: Set<number>): void {
  const next = firstLines(lines, 1, i + 1)[0]
  if (next !== undefined && (tickerAt.has(next) || (lines[next]?.length ?? 0) > 200)) lines[next] = ''
}

/** Lines back to text: blank-line-separated groups, one blank line between paragraphs. */
function paragraphsOf(lines: string[]): string {
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
