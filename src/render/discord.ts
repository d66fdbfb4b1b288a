import type { APIEmbed, APIEmbedField } from 'discord.js'
import type { Citation } from '../answers/citation.ts'
import { isolateArabic } from '../text/bidi.ts'
import type { Item, Presentation } from './presentation.ts'

/** Discord's message limits (a payload past any of them is refused with a 400). */
export const LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  /** All titles, descriptions, field names and values, footers and author names of a message together. */
  total: 6000,
} as const

/** Longest item line (a gist: its whole text is in the quote it cites) and lead. */
export const ITEM_CHARS = 120
export const LEAD_CHARS = 1500
/** Room kept for " · page 12/34" after the footer text. */
const PAGE_NOTE_CHARS = 24
export const EMBED_COLOR = 0x2f6f5e
const ELLIPSIS = '…'

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
// C0 and C1 controls except newline, and the bidi overrides that can make text read backwards.
const CONTROLS = /(?!\n)[\p{Cc}\u202A-\u202E\u2066-\u2069]/gu

/** Text fit to show anywhere: lone surrogates become U+FFFD, control characters go, CR LF becomes LF. */
export function sanitize(text: string): string {
  // The corpus's own bidi controls go; Arabic runs get isolates of ours (text/bidi.ts).
  return isolateArabic(
    text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(CONTROLS, '').replace(LONE_SURROGATE, '\uFFFD'),
  )
}

/**
 * Plain text as Discord markdown that shows exactly that text: every character markdown, mentions,
 * links or emoji could use is backslash-escaped, and so are block constructs at a line's start.
 */
export function escapeMarkdown(text: string): string {
  return sanitize(text)
    .replace(/[\\*_~`|[\]<>@]/g, '\\$&')
    .replace(/^(\s*)([-+#]|\d+\.)/gm, '$1\\$2')
}

/**
 * The smallest pieces a cut may fall between: a backslash escape, a code point with its combining
 * marks (never half a surrogate pair), or one character.
 */
const UNITS = /\\[\s\S]|\P{M}\p{M}*|[\s\S]/gu

function hardCut(text: string, max: number): string {
  let out = ''
  for (const [u] of text.matchAll(UNITS)) {
    if (out.length + u.length > max) break
    out += u
  }
  return out
}

/**
 * `text` within `max` characters: whole if it fits, else cut after the last sentence that fits
 * (when that keeps most of it), else after the last whole word, with '…' where it was cut.
 * Never splits a surrogate pair or a backslash escape.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text
  if (max <= ELLIPSIS.length) return hardCut(text, max)
  const room = max - ELLIPSIS.length
  const head = hardCut(text, room + 1)
  const sentenceEnd = Math.max(
    ...[...head.matchAll(/[.!?]["”’')\]]*(?=\s)/g)].map((m) => m.index + m[0].length).filter((i) => i < room),
    -1,
  )
  if (sentenceEnd > room * 0.6) return `${head.slice(0, sentenceEnd)} ${ELLIPSIS}`
  const space = head.search(/\s\S*$/)
  const cut = space > room * 0.4 ? head.slice(0, space) : hardCut(text, room)
  return `${cut.replace(/[\s,;:–—-]+$/, '')}${ELLIPSIS}`
}

/** A run of plain text, shown in bold or not. */
export interface Segment {
  text: string
  bold?: boolean
}

/** An item's text split at its highlights. */
export function segments(item: Pick<Item, 'text' | 'highlights'>): Segment[] {
  const out: Segment[] = []
  let pos = 0
  for (const [s, e] of [...(item.highlights ?? [])].sort((a, b) => a[0] - b[0])) {
    if (s < pos || e <= s) continue
    if (s > pos) out.push({ text: item.text.slice(pos, s) })
    out.push({ text: item.text.slice(s, e), bold: true })
    pos = e
  }
  if (pos < item.text.length) out.push({ text: item.text.slice(pos) })
  return out
}

function boldMarkdown(escaped: string): string {
  // Bold around leading or trailing spaces does not render: keep them outside the markers.
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(escaped)
  return m?.[2] ? `${m[1]}**${m[2]}**${m[3]}` : escaped
}

/**
 * Plain segments as escaped markdown within `max` characters, cut at a word (or sentence)
 * boundary with '…'; a bold run that is cut is closed, so no construct is left open.
 */
export function fitMarkdown(parts: readonly Segment[], max: number): string {
  const escaped = parts.map((p) => ({ text: escapeMarkdown(p.text), bold: p.bold ?? false }))
  const whole = escaped.map((p) => (p.bold ? boldMarkdown(p.text) : p.text)).join('')
  if (whole.length <= max) return whole
  let out = ''
  for (const p of escaped) {
    const reserve = ELLIPSIS.length + (p.bold ? 4 : 0)
    const room = max - out.length - reserve
    if (room <= 0) break
    if (p.text.length <= room) {
      out += p.bold ? boldMarkdown(p.text) : p.text
      continue
    }
    const cut = cutText(p.text, room + ELLIPSIS.length)
      .replace(/…$/, '')
      .replace(/\s+$/, '')
    if (cut) out += p.bold ? boldMarkdown(cut) : cut
    break
  }
  return `${out.replace(/\s+$/, '')}${ELLIPSIS}`
}

/** Escaped plain text within `max`, cut at a boundary. */
export function fitPlain(text: string, max: number): string {
  return fitMarkdown([{ text }], max)
}

const SAFE_URL = /^https?:\/\/[^\s<>()[\]"'`]+$/

/** "Source, Author, 2018-05-03 · ¶4 · `article-id` · link" under a quote: the id is what /source takes. */
function citationMeta(c: Citation): string {
  const by = sanitize(
    [c.source, c.author && c.author !== c.source ? c.author : null, c.date].filter(Boolean).join(', '),
  )
  const article = sanitize(c.article)
  const id = /^[^`\s]{1,100}$/.test(article) ? `\`${article}\`` : fitPlain(article, 100)
  const link = c.url && c.url.length <= 300 && SAFE_URL.test(c.url) ? ` · [link](${c.url})` : ''
  return `${fitPlain(`${by ? `${by} · ` : ''}¶${c.paragraph}`, 300)} · ${id}${link}`
}

/** A numbered citation as an embed field: the quote as a block quote, then where it comes from. */
export function citationField(n: number, c: Citation): APIEmbedField {
  const meta = citationMeta(c)
  const quoteRoom = LIMITS.fieldValue - meta.length - 3
  const quote = fitPlain(sanitize(c.quote).replace(/\s+/g, ' '), quoteRoom)
  return {
    name: `[${n}] ${fitPlain(sanitize(c.title).replace(/\s+/g, ' '), LIMITS.fieldName - 8)}`,
    value: `> ${quote || ELLIPSIS}\n${meta}`,
  }
}

function itemLine(item: Item): string {
  const refs = [...new Set(item.cites ?? [])].map((n) => `[${n}]`).join('')
  const text = fitMarkdown(
    segments({ ...item, text: sanitize(item.text).replace(/\s+/g, ' ') }),
    ITEM_CHARS - refs.length - 3,
  )
  return `• ${text}${refs ? ` ${refs}` : ''}`
}

/**
 * The description lines of an answer: each item on one line (its gist, cut to ITEM_CHARS, with
 * its [n] references), a blank line and the heading where a section starts.
 */
function linesOf(p: Presentation): string[] {
  const lines: string[] = []
  for (const section of p.sections)
    section.items.forEach((item, i) => {
      const heading = i === 0 && section.heading ? `**${fitPlain(section.heading, LIMITS.title)}**\n` : ''
      lines.push(`${i === 0 ? '\n' : ''}${heading}${itemLine(item)}`)
    })
  return lines
}

/** Lines as a description: a section's blank line is dropped at the top of a page. */
function joinLines(lines: readonly string[]): string {
  return lines.map((l, i) => (i === 0 ? l.replace(/^\n/, '') : l)).join('\n')
}

function embedSize(e: APIEmbed): number {
  return (
    (e.title?.length ?? 0) +
    (e.description?.length ?? 0) +
    (e.footer?.text.length ?? 0) +
    (e.author?.name.length ?? 0) +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  )
}

/** Everything in a message's embeds that Discord would refuse; empty when it would take it. */
export function embedProblems(embeds: readonly APIEmbed[]): string[] {
  const problems: string[] = []
  if (embeds.length > LIMITS.embeds) problems.push(`${embeds.length} embeds > ${LIMITS.embeds}`)
  const check = (what: string, text: string | undefined, max: number) => {
    if (text === undefined) return
    if (text.length > max) problems.push(`${what} ${text.length} > ${max}`)
    if (text.match(LONE_SURROGATE)) problems.push(`${what} holds a lone surrogate`)
  }
  let total = 0
  embeds.forEach((e, i) => {
    check(`embed ${i} title`, e.title, LIMITS.title)
    check(`embed ${i} description`, e.description, LIMITS.description)
    check(`embed ${i} footer`, e.footer?.text, LIMITS.footer)
    if ((e.fields?.length ?? 0) > LIMITS.fields) problems.push(`embed ${i}: ${e.fields?.length} fields`)
    for (const f of e.fields ?? []) {
      check(`embed ${i} field name`, f.name, LIMITS.fieldName)
      check(`embed ${i} field value`, f.value, LIMITS.fieldValue)
      if (!f.name.trim() || !f.value.trim()) problems.push(`embed ${i}: an empty field`)
    }
    total += embedSize(e)
  })
  if (total > LIMITS.total) problems.push(`embeds hold ${total} characters > ${LIMITS.total}`)
  return problems
}

/** How much of each quote a summary page shows, from the whole quote down to none. */
const QUOTE_TIERS = [LIMITS.fieldValue, 160, 0] as const

/** A citation field showing at most `quoteChars` of the quote (0: where it comes from only). */
function compactField(n: number, c: Citation, quoteChars: number): APIEmbedField {
  const full = citationField(n, c)
  if (quoteChars >= LIMITS.fieldValue) return full
  const meta = citationMeta(c)
  const name = `[${n}] ${fitPlain(sanitize(c.title).replace(/\s+/g, ' '), 80)}`
  if (quoteChars === 0) return { name, value: meta }
  const quote = fitPlain(sanitize(c.quote).replace(/\s+/g, ' '), quoteChars)
  return { name, value: `> ${quote || ELLIPSIS}\n${meta}` }
}

interface Page {
  lines: string[]
  fields: APIEmbedField[]
}

/**
 * A presentation as pages of one embed each, every page within Discord's limits. First the
 * summary: the title, the lead, and every item as one line with its [n] references, as many
 * per page as fit (about 25 on a page); under them the citations each page refers to, with as
 * much of each quote as fits. When a quote had to be shortened there, "quotes" pages follow with
 * every citation in full. Citation numbers stay the same on every page.
 */
export function renderPages(p: Presentation, corpusLine: string): APIEmbed[] {
  const title = fitPlain(sanitize(p.title).replace(/\s+/g, ' '), LIMITS.title)
  // The corpus size first, then the answer's own footer; footers show no markdown: cut, not escaped.
  const footer = cutText(
    sanitize(p.footer ? `${corpusLine} · ${p.footer}` : corpusLine).replace(/\s+/g, ' '),
    200,
  )
  const head: string[] = []
  if (p.lead) head.push(fitMarkdown([{ text: sanitize(p.lead) }], LEAD_CHARS))
  if (p.suggestions?.length)
    head.push(`**Did you mean:** ${fitPlain(sanitize(p.suggestions.slice(0, 10).join(' · ')), 600)}`)
  const fixed = title.length + footer.length + PAGE_NOTE_CHARS
  const valid = (n: number) => Number.isInteger(n) && n >= 1 && n <= p.citations.length
  const fits = (pg: Page) =>
    joinLines(pg.lines).length <= LIMITS.description &&
    pg.fields.length <= LIMITS.fields &&
    fixed + joinLines(pg.lines).length + pg.fields.reduce((n, f) => n + f.name.length + f.value.length, 0) <=
      LIMITS.total

  // Summary pages: the lines, as many as fit on a page, then each page's citations, as full as fit.
  const summary: { lines: string[]; cites: number[] }[] = []
  let page = { lines: [...head], cites: [] as number[] }
  const items = p.sections.flatMap((s) => s.items)
  linesOf(p).forEach((line, k) => {
    const cites = [...new Set(items[k]?.cites ?? [])].filter(valid)
    const grown = {
      lines: [...page.lines, line],
      cites: [...page.cites, ...cites.filter((c) => !page.cites.includes(c))],
    }
    if (fits({ lines: grown.lines, fields: [] }) || page.lines.length === 0) page = grown
    else {
      summary.push(page)
      page = { lines: [line], cites }
    }
  })
  summary.push(page)
  // Citations no item points at (an answer's own sources) go with the last summary page.
  const referenced = new Set(summary.flatMap((pg) => pg.cites))
  const last = summary[summary.length - 1] as (typeof summary)[number]
  p.citations.forEach((_, i) => {
    if (!referenced.has(i + 1)) last.cites.push(i + 1)
  })
  let shortened = false
  const pages: Page[] = summary.map((pg) => {
    const cites = [...pg.cites].sort((a, b) => a - b)
    for (const tier of QUOTE_TIERS) {
      const fields = cites.map((n) => compactField(n, p.citations[n - 1] as Citation, tier))
      const trial = { lines: pg.lines, fields }
      if (fits(trial)) {
        const whole = (n: number) => citationField(n, p.citations[n - 1] as Citation).value
        if (fields.some((f, k) => f.value !== whole(cites[k] as number))) shortened = true
        return trial
      }
    }
    shortened ||= cites.length > 0
    return { lines: pg.lines, fields: [] }
  })
  // A summary page with nothing on it (no lead, no items) gives way to the quotes.
  if (pages.length === 1 && pages[0]?.lines.length === 0 && pages[0]?.fields.length === 0) pages.length = 0
  if (shortened || pages.length === 0) {
    // After the summary, a heading says what these pages are.
    const heading = pages.length ? ['**Quotes in full**'] : []
    let quotes: Page = { lines: heading, fields: [] }
    p.citations.forEach((c, i) => {
      const field = citationField(i + 1, c)
      const grown = { lines: quotes.lines, fields: [...quotes.fields, field] }
      if (fits(grown) || quotes.fields.length === 0) quotes = grown
      else {
        pages.push(quotes)
        quotes = { lines: heading, fields: [field] }
      }
    })
    if (quotes.fields.length || pages.length === 0) pages.push(quotes)
  }
  return pages.map((pg, i) => {
    const embed: APIEmbed = { title, color: EMBED_COLOR }
    const description = joinLines(pg.lines)
    if (description) embed.description = description
    if (pg.fields.length) embed.fields = pg.fields
    const note = pages.length > 1 ? ` · page ${i + 1}/${pages.length}` : ''
    embed.footer = { text: `${footer}${note}` }
    return embed
  })
}

/** "5 articles · 132 passages": the footer of every answer. */
export function corpusLine(kb: { articles: { size: number }; passages: { size: number } }): string {
  const n = (k: number, what: string) => `${k} ${what}${k === 1 ? '' : 's'}`
  return `${n(kb.articles.size, 'article')} · ${n(kb.passages.size, 'passage')}`
}
