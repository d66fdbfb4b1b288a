import type { Citation } from '../answers/citation.ts'
import type { Item, Presentation } from './presentation.ts'

/**
 * An answer as Markdown to paste into a document or another chat: the title as a heading, the
 * items as a list with footnote references ([^1]), and each citation as a footnote with its
 * quote, title, publisher, date, paragraph and URL. Corpus text is escaped so that it shows as
 * written; highlights are bold.
 */
export function renderMarkdown(p: Presentation): string {
  const lines: string[] = [`## ${esc(oneLine(p.title))}`]
  if (p.lead) lines.push('', ...p.lead.split('\n').map((l) => `${esc(l)}  `.trimEnd()))
  for (const section of p.sections) {
    lines.push('')
    if (section.heading) lines.push(`**${esc(oneLine(section.heading))}**`, '')
    for (const item of section.items) lines.push(`- ${itemMarkdown(item)}`)
  }
  if (p.suggestions?.length) lines.push('', `Did you mean: ${p.suggestions.map((s) => esc(s)).join(' · ')}`)
  if (p.footer) lines.push('', `*${esc(oneLine(p.footer))}*`)
  if (p.citations.length) {
    lines.push('')
    for (const [i, c] of p.citations.entries()) lines.push(`[^${i + 1}]: ${footnote(c)}`)
  }
  return `${lines.join('\n')}\n`
}

/** “Quote” — *Title*, Publisher, Author, 2018-05-03, ¶4. <https://…> */
export function footnote(c: Citation): string {
  const by = [c.source, c.author && c.author !== c.source ? c.author : null, c.date]
    .filter(Boolean)
    .map((s) => esc(String(s)))
  const where = [`*${esc(oneLine(c.title))}*`, ...by, `¶${c.paragraph}`].join(', ')
  const url = c.url && /^https?:\/\/[^\s<>]+$/.test(c.url) ? ` <${c.url}>` : ''
  return `“${esc(oneLine(c.quote))}” — ${where}.${url}`
}

function itemMarkdown(item: Item): string {
  const text = oneLine(item.text)
  let out = ''
  let pos = 0
  for (const [s, e] of [...(item.highlights ?? [])].sort((a, b) => a[0] - b[0])) {
    if (s < pos || e <= s) continue
    out += `${esc(text.slice(pos, s))}**${esc(text.slice(s, e))}**`
    pos = e
  }
  out += esc(text.slice(pos))
  const refs = [...new Set(item.cites ?? [])].map((n) => `[^${n}]`).join('')
  return refs ? `${out} ${refs}` : out
}

const oneLine = (t: string) => t.replace(/\s+/g, ' ').trim()

/** Characters Markdown would read as markup, backslash-escaped; a line's leading '#', '>', '-' or '1.' too. */
function esc(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, '\\$&').replace(/^(\s*)([#>+-]|\d+\.)/, '$1\\$2')
}
