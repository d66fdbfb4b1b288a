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
  // Matched words go in **bold**; the text's own '*' and '\\' are escaped so they never read as markup.
  const parts: { text: string; bold: boolean }[] = []
  let pos = from
  for (const h of hits) {
    if (h.start < from || h.end > to) continue
    const gap = text.slice(pos, h.start)
    const last = parts[parts.length - 1]
    // Neighbouring matches separated by spaces only are one bold run.
    if (last?.bold && /^\s*$/.test(gap)) last.text += `${gap}${text.slice(h.start, h.end)}`
    else parts.push({ text: gap, bold: false }, { text: text.slice(h.start, h.end), bold: true })
    pos = h.end
  }
  parts.push({ text: text.slice(pos, to), bold: false })
  const out = parts
    .map((p) => {
      const t = p.text.replace(/\s+/g, ' ').replace(/[\\*]/g, '\\$&')
      return p.bold ? `**${t}**` : t
    })
    .join('')
    .trim()
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
