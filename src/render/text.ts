import { isolateArabic } from '../text/bidi.ts'
import { citationLine, type Item, type Presentation } from './presentation.ts'

export interface TextOptions {
  /** ANSI bold for highlights (on a terminal); without it, highlights are plain text (no markers when piped). */
  color?: boolean
  /** Wrap width for quotes; 0: no wrapping. */
  width?: number
}

const BOLD = '\u001b[1m'
const RESET = '\u001b[0m'

function itemText(item: Item, color: boolean): string {
  let out = ''
  let pos = 0
  for (const [s, e] of item.highlights ?? []) {
    out +=
      item.text.slice(pos, s) + (color ? `${BOLD}${item.text.slice(s, e)}${RESET}` : item.text.slice(s, e))
    pos = e
  }
  out += item.text.slice(pos)
  const cites = (item.cites ?? []).map((n) => `[${n}]`).join('')
  return cites ? `${out} ${cites}` : out
}

const flat = (t: string) =>
  t
    .replace(/\s+/g, ' ')
    .replace(/^[\s…"“”]+|[\s….,;:"“”]+$/g, '')
    .toLowerCase()

/**
 * The citations whose quote an item already prints (the item is most of the quote): the source
 * list names where they come from without printing the quote a second time.
 */
export function quotedAbove(p: Presentation): Set<number> {
  const out = new Set<number>()
  for (const item of p.sections.flatMap((s) => s.items)) {
    // A trailing note in brackets, such as a term's status '(proposed)', is the item's, not the quote's.
    const text = flat(item.text.replace(/\s*\([^()]*\)$/, ''))
    for (const n of item.cites ?? []) {
      const quote = flat(p.citations[n - 1]?.quote ?? '')
      if (text.length >= 20 && quote.includes(text) && text.length >= quote.length * 0.6) out.add(n)
    }
  }
  return out
}

/** A presentation as terminal text: title, the answer, sections, then the numbered sources. */
export function renderText(p: Presentation, options: TextOptions = {}): string {
  const color = options.color ?? false
  const lines: string[] = [color ? `${BOLD}${p.title}${RESET}` : p.title]
  if (p.lead) lines.push('', p.lead)
  for (const section of p.sections) {
    lines.push('')
    if (section.heading) lines.push(color ? `${BOLD}${section.heading}${RESET}` : section.heading)
    for (const item of section.items) lines.push(`  • ${itemText(item, color)}`)
  }
  if (p.suggestions?.length) {
    lines.push('', 'Did you mean:')
    for (const s of p.suggestions) lines.push(`  • ${s}`)
  }
  if (p.citations.length) {
    lines.push('', 'Sources')
    const above = quotedAbove(p)
    p.citations.forEach((c, i) => {
      if (above.has(i + 1)) lines.push(`  [${i + 1}] ${citationLine(c)} (${c.article})`)
      else lines.push(`  [${i + 1}] “${c.quote}”`, `      ${citationLine(c)} (${c.article})`)
    })
  }
  if (p.footer) lines.push('', p.footer)
  return `${lines.map(isolateArabic).join('\n')}\n`
}
