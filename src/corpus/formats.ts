import { parseDate } from './dates.ts'
import { readPlainText } from './plain-text.ts'

/** A record read from a file, before it becomes an Article. */
export interface RawArticle {
  id: string | null
  title: string | null
  text: string
  source: string | null
  author: string | null
  date: string | null
  url: string | null
  meta: Record<string, string>
  /** Where it came from: the file, or `file:line` for a row. */
  origin: string
}

/** A row or file that could not be read, with why. */
export interface ReadProblem {
  origin: string
  reason: string
}

export interface ReadResult {
  records: RawArticle[]
  problems: ReadProblem[]
}

/** Which column holds which field, for CSV and JSON Lines: field → column name. */
export type ColumnMap = Partial<Record<ArticleField, string>>
export type ArticleField = 'id' | 'title' | 'text' | 'source' | 'author' | 'date' | 'url'

/** Column names understood without being told, per field (compared in lower case). */
export const COLUMN_SYNONYMS: Record<ArticleField, string[]> = {
  id: ['id', 'unit_id', 'article_id', 'doc_id', 'uid'],
  title: ['title', 'article_title', 'headline', 'name'],
  text: ['text', 'article_content', 'content', 'body', 'article', 'article_text', 'story'],
  source: ['source', 'publisher', 'outlet', 'site'],
  author: ['author', 'byline', 'writer'],
  date: ['date', 'published', 'published_at', 'pubdate', 'timestamp'],
  url: ['url', 'link', 'href'],
}

export const FORMATS = ['.txt', '.md', '.markdown', '.html', '.htm', '.jsonl', '.ndjson', '.csv'] as const

/**
 * Decodes bytes as UTF-8, or as Windows-1252 when they are not valid UTF-8 (files saved by
 * older Windows tools). A byte-order mark is dropped.
 */
export function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    return decodeWindows1252(bytes)
  }
}

/** Windows-1252's 0x80–0x9F (where it differs from Latin-1); Node decodes the label as Latin-1. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192)
    out += String.fromCharCode(...chunk.map((b) => b)).replace(
      /[\u0080-\u009f]/g,
      (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c,
    )
  }
  return out
}

/** True when the bytes look like a binary file rather than text. */
export function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192)
  let control = 0
  for (const b of head) {
    if (b === 0) return true
    if (b < 9 || (b > 13 && b < 32)) control++
  }
  return head.length > 0 && control / head.length > 0.1
}

/** Reads one file's decoded text in the format its extension names. */
export function readRecords(text: string, ext: string, origin: string, columns: ColumnMap = {}): ReadResult {
  switch (ext) {
    case '.jsonl':
    case '.ndjson':
      return readJsonLines(text, origin, columns)
    case '.csv':
      return readCsv(text, origin, columns)
    case '.html':
    case '.htm':
      return single(readHtml(text, origin))
    default:
      return single(readMarkdownOrText(text, origin))
  }
}

function single(r: RawArticle | ReadProblem): ReadResult {
  return 'reason' in r ? { records: [], problems: [r] } : { records: [r], problems: [] }
}

const FRONT_MATTER_FIELDS = ['title', 'source', 'author', 'date', 'url', 'id'] as const

/** .txt and .md: optional YAML front matter (simple `key: value` lines) over inferred metadata. */
export function readMarkdownOrText(text: string, origin: string): RawArticle | ReadProblem {
  let body = text.replace(/^\uFEFF/, '')
  let front: Record<string, string> = {}
  if (/^---\s*\r?\n/.test(body)) {
    const end = body.search(/\r?\n---\s*(\r?\n|$)/)
    if (end < 0) return { origin, reason: 'front matter has no closing ---' }
    const parsed = parseFrontMatter(body.slice(body.indexOf('\n') + 1, end))
    if (typeof parsed === 'string') return { origin, reason: `bad front matter: ${parsed}` }
    front = parsed
    body = body.slice(end).replace(/^\r?\n---\s*/, '')
  }
  if (/\.(md|markdown)$/i.test(origin)) body = stripMarkdown(body)
  const inferred = readPlainText(body, { hasTitle: Boolean(front.title) })
  const meta = { ...inferred.meta }
  for (const [k, v] of Object.entries(front))
    if (!(FRONT_MATTER_FIELDS as readonly string[]).includes(k)) meta[k] = v
  return {
    id: front.id ?? null,
    title: front.title ?? inferred.title,
    text: inferred.text,
    source: front.source ?? inferred.source,
    author: front.author ?? inferred.author,
    date: front.date ? parseDate(front.date) : inferred.date,
    url: front.url ?? null,
    meta,
    origin,
  }
}

/** `key: value` lines, values optionally quoted; returns a message for anything else. */
function parseFrontMatter(block: string): Record<string, string> | string {
  const out: Record<string, string> = {}
  for (const [n, line] of block.split(/\r?\n/).entries()) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue
    const m = line.match(/^([A-Za-z_][\w-]*)\s*:\s*(.*)$/)
    if (!m) return `line ${n + 1} is not 'key: value'`
    const value = (m[2] ?? '').trim()
    const quoted = value.match(/^(["'])(.*)\1$/)
    if (!quoted && /^["']/.test(value)) return `line ${n + 1} has an unclosed quote`
    out[(m[1] ?? '').toLowerCase()] = quoted ? (quoted[2] ?? '') : value
  }
  return out
}

/** Markdown to plain text: headings, emphasis and links lose their markup, not their words. */
function stripMarkdown(md: string): string {
  return md
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_]([^*_\n]+)[*_](?=[\s).,;:!?]|$)/gm, '$1$2')
    .replace(/^>\s?/gm, '')
    .replace(/`([^`]+)`/g, '$1')
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
}

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1))
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole
    }
    return ENTITIES[e.toLowerCase()] ?? whole
  })
}

function metaContent(html: string, names: string[]): string | null {
  for (const name of names) {
    const re = new RegExp(`<meta[^>]+(?:name|property)=["']${name}["'][^>]*>`, 'i')
    const tag = html.match(re)?.[0]
    const content = tag?.match(/content=["']([^"']*)["']/i)?.[1]
    if (content) return decodeEntities(content).trim()
  }
  return null
}

/** .html: the text of the article (or body) without scripts, navigation and markup. */
export function readHtml(html: string, origin: string): RawArticle | ReadProblem {
  const titleTag = html.match(/<title[^>]*>([\s\S]*?)<\/title>/i)?.[1]
  const h1 = html.match(/<h1[^>]*>([\s\S]*?)<\/h1>/i)?.[1]
  const clean = (s: string | undefined) =>
    s
      ? decodeEntities(s.replace(/<[^>]+>/g, ''))
          .replace(/\s+/g, ' ')
          .trim()
      : ''
  let body =
    html.match(/<article[^>]*>([\s\S]*?)<\/article>/i)?.[1] ??
    html.match(/<body[^>]*>([\s\S]*?)<\/body>/i)?.[1] ??
    html
  body = body
    .replace(/<(script|style|noscript|nav|header|footer|aside|form|template)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<h1[^>]*>[\s\S]*?<\/h1>/i, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?(p|div|section|h[1-6]|li|ul|ol|blockquote|tr|table|figure|figcaption)\b[^>]*>/gi, '\n\n')
    .replace(/<[^>]+>/g, '')
  const text = decodeEntities(body)
  const title = clean(h1) || clean(titleTag) || null
  const inferred = readPlainText(text, { hasTitle: Boolean(title) })
  if (!inferred.text.trim()) return { origin, reason: 'no article text in the page' }
  const date = metaContent(html, ['article:published_time', 'date', 'pubdate', 'dc.date'])
  const url =
    html.match(/<link[^>]+rel=["']canonical["'][^>]*href=["']([^"']+)["']/i)?.[1] ??
    metaContent(html, ['og:url'])
  return {
    id: null,
    title: title ?? inferred.title,
    text: inferred.text,
    source: metaContent(html, ['og:site_name', 'publisher']) ?? inferred.source,
    author: metaContent(html, ['author', 'article:author']) ?? inferred.author,
    date: (date && parseDate(date)) || inferred.date,
    url: url ?? null,
    meta: inferred.meta,
    origin,
  }
}

/** Builds a record from a row's fields, by the column map and the synonyms. */
function fromRow(row: Record<string, unknown>, origin: string, columns: ColumnMap): RawArticle | ReadProblem {
  const lower = new Map(Object.keys(row).map((k) => [k.toLowerCase(), k]))
  const used = new Set<string>()
  const field = (f: ArticleField): string | null => {
    const names = columns[f] ? [columns[f]] : COLUMN_SYNONYMS[f]
    for (const name of names) {
      const key = lower.get(name.toLowerCase())
      const v = key === undefined ? undefined : row[key]
      if (key !== undefined && v !== undefined && v !== null && String(v).trim() !== '') {
        used.add(key)
        return String(v).trim()
      }
    }
    return null
  }
  const text = field('text')
  if (!text)
    return {
      origin,
      reason: `no text (expected a column ${columns.text ?? COLUMN_SYNONYMS.text.slice(0, 3).join(', ')})`,
    }
  const given = field('title')
  const inferred = readPlainText(text, { hasTitle: true })
  const dateField = field('date')
  const meta: Record<string, string> = { ...inferred.meta }
  const fields = { id: field('id'), source: field('source'), author: field('author'), url: field('url') }
  for (const [k, v] of Object.entries(row)) {
    if (!used.has(k) && v !== null && v !== undefined && typeof v !== 'object') meta[k] = String(v)
  }
  return {
    ...fields,
    title: given,
    text: inferred.text,
    date: dateField ? parseDate(dateField) : null,
    meta,
    origin,
  }
}

/** .jsonl: one JSON object a line; a bad line is a problem of its own, the others still load. */
export function readJsonLines(text: string, origin: string, columns: ColumnMap = {}): ReadResult {
  const out: ReadResult = { records: [], problems: [] }
  for (const [n, line] of text.split(/\r?\n/).entries()) {
    if (!line.trim()) continue
    const where = `${origin}:${n + 1}`
    let row: unknown
    try {
      row = JSON.parse(line)
    } catch {
      out.problems.push({ origin: where, reason: 'not valid JSON' })
      continue
    }
    if (!row || typeof row !== 'object' || Array.isArray(row)) {
      out.problems.push({ origin: where, reason: 'not a JSON object' })
      continue
    }
    const r = fromRow(row as Record<string, unknown>, where, columns)
    if ('reason' in r) out.problems.push(r)
    else out.records.push(r)
  }
  return out
}

/** Parses CSV (RFC 4180: quoted fields, doubled quotes, newlines inside quotes) into rows with line numbers. */
export function parseCsv(text: string): { cells: string[]; line: number; unterminated?: boolean }[] {
  const rows: { cells: string[]; line: number; unterminated?: boolean }[] = []
  let cells: string[] = []
  let cell = ''
  let quoted = false
  let line = 1
  let rowLine = 1
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"'
          i++
        } else quoted = false
      } else {
        if (c === '\n') line++
        cell += c
      }
    } else if (c === '"' && cell === '') quoted = true
    else if (c === ',') {
      cells.push(cell)
      cell = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      cells.push(cell)
      if (cells.length > 1 || cells[0] !== '') rows.push({ cells, line: rowLine })
      cells = []
      cell = ''
      line++
      rowLine = line
    } else cell += c
  }
  if (cell !== '' || cells.length) {
    cells.push(cell)
    rows.push(quoted ? { cells, line: rowLine, unterminated: true } : { cells, line: rowLine })
  }
  return rows
}

/** .csv with a header row; a row whose cells do not fit the header is a problem of its own. */
export function readCsv(text: string, origin: string, columns: ColumnMap = {}): ReadResult {
  const out: ReadResult = { records: [], problems: [] }
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''))
  if (!header) return { records: [], problems: [{ origin, reason: 'empty CSV' }] }
  const names = header.cells.map((c) => c.trim())
  for (const row of rows) {
    const where = `${origin}:${row.line}`
    if (row.unterminated) {
      out.problems.push({ origin: where, reason: 'a quoted field is never closed' })
      continue
    }
    if (row.cells.length !== names.length) {
      out.problems.push({
        origin: where,
        reason: `${row.cells.length} fields where the header has ${names.length}`,
      })
      continue
    }
    const r = fromRow(Object.fromEntries(names.map((n, k) => [n, row.cells[k] ?? ''])), where, columns)
    if ('reason' in r) out.problems.push(r)
    else out.records.push(r)
  }
  return out
}
