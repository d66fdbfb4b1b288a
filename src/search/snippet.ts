import type { Span } from '../corpus/types.ts'
import { searchTerm, words } from '../text/normalize.ts'

/** Snippets are cut to about this many characters around the matches. */
export const SNIPPET_CHARS = 280

/** The spans of the words in `text[start, end)` whose search term is one of `terms`. */
export function matchSpans(text: string, terms: ReadonlySet<string>, start = 0, end = text.length): Span[] {
  const out: Span[] = []
  for (const w of words(text.slice(start, end))) {
    const t = searchTerm(w.word)
    if (t && terms.has(t)) out.push({ start: start + w.start, end: start + w.end })
  }
  return out
}

/**
 * A window of `text[start, end)` of about `max` characters, placed to hold the most matches,
 * cut at word boundaries, with '…' where it was cut and the matched words in **bold**.
 */
export function snippet(
  text: string,
  terms: ReadonlySet<string>,
  start = 0,
  end = text.length,
  max = SNIPPET_CHARS,
): string {
  const hits = matchSpans(text, terms, start, end)
  let from = start
  let to = end
  if (end - start > max) {
    let best = 0
    let bestFrom = start
    for (const h of hits) {
      const count = hits.filter((o) => o.start >= h.start - 40 && o.end <= h.start - 40 + max).length
      if (count > best) {
        best = count
        bestFrom = Math.max(start, h.start - 40)
      }
    }
    from = bestFrom
    to = Math.min(end, from + max)
    if (to === end) from = Math.max(start, end - max)
    from = wordStart(text, from, start)
    to = wordEnd(text, to, end)
  }
  let out = ''
  let pos = from
  for (const h of hits) {
    if (h.start < from || h.end > to) continue
    out += `${text.slice(pos, h.start)}**${text.slice(h.start, h.end)}**`
    pos = h.end
  }
  out += text.slice(pos, to)
  out = out
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\*\*\s*\*\*/g, ' ')
  return `${from > start ? '…' : ''}${out}${to < end ? '…' : ''}`
}

function wordStart(text: string, pos: number, min: number): number {
  if (pos <= min) return min
  const space = text.lastIndexOf(' ', pos)
  return space >= min && pos - space < 30 ? space + 1 : pos
}

function wordEnd(text: string, pos: number, max: number): number {
  if (pos >= max) return max
  const space = text.indexOf(' ', pos)
  return space >= 0 && space <= max && space - pos < 30 ? space : pos
}
