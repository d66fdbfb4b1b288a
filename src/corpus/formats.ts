import { learnOrder, type NumericOrder, readDate } from './dates.ts'
import { readFrontMatter } from './front-matter.ts'
import { markdownToText } from './markdown.ts'
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
  /** How its numeric date was written (day or month first), when that showed. */
  dateOrder?: NumericOrder
  /** A numeric date that could be read two ways, left unread: the publisher's convention may tell. */
  ambiguousDate?: string
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

const FRONT_MATTER_FIELDS = ['title', 'source', 'author', 'date', 'url', 'id'] as const

/**
 * .txt and .md: YAML front matter (any YAML: lists, folded blocks) over what the text says of
 * itself; Markdown is turned into text by a Markdown parser first.
 */
export function readMarkdownOrText(
  text: string,
  origin: string,
  markdown = /\.(md|markdown)$/i.test(origin),
): RawArticle | ReadProblem {
  const front = readFrontMatter(text)
  if ('error' in front) return { origin, reason: front.error }
  const fields = front.fields
  let body = front.body
  let heading: string | null = null
  if (markdown) {
    const md = markdownToText(body)
    body = md.text
    heading = md.heading
  }
  const title = fields.title ?? heading
  const known = fields.source ?? fields.publisher ?? null
  const inferred = readPlainText(body, { hasTitle: Boolean(title), ...(known ? { source: known } : {}) })
  const meta = { ...inferred.meta }
  for (const [k, v] of Object.entries(fields))
    if (!(FRONT_MATTER_FIELDS as readonly string[]).includes(k)) meta[k] = v
  const date = fields.date ? readDate(fields.date, { context: body }) : null
  if (date?.ambiguous && !date.date)
    meta.dateWarning = `ambiguous date ${date.ambiguous}: day or month first?`
  return {
    id: fields.id ?? null,
    title: title ?? inferred.title,
    text: inferred.text,
    source: fields.source ?? fields.publisher ?? inferred.source,
    author: fields.author ?? inferred.author,
    date: date?.date ?? inferred.date,
    ...dateTrail(date ?? inferred, inferred),
    url: fields.url ?? fields.link ?? inferred.meta.url ?? null,
    meta,
    origin,
  }
}

/** What a record keeps of how its date was written, for the assembler to learn a publisher's convention. */
function dateTrail(
  reading: { order?: NumericOrder; ambiguous?: string; dateOrder?: NumericOrder; ambiguousDate?: string },
  inferred: { dateOrder?: NumericOrder; ambiguousDate?: string },
): { dateOrder?: NumericOrder; ambiguousDate?: string } {
  const order = reading.order ?? reading.dateOrder ?? inferred.dateOrder
  const ambiguous = reading.ambiguous ?? reading.ambiguousDate
  return { ...(order ? { dateOrder: order } : {}), ...(ambiguous ? { ambiguousDate: ambiguous } : {}) }
}

/** A row's date: a numeric one read in the file's order; one that can't be told is null, with a warning. */
function rowDate(
  value: string,
  text: string,
  meta: Record<string, string>,
  order?: NumericOrder,
): string | null {
  const reading = readDate(value, { context: text, ...(order ? { order } : {}) })
  if (!reading.date && reading.ambiguous)
    meta.dateWarning = `ambiguous date ${reading.ambiguous}: day or month first?`
  return reading.date
}

/** The numeric-date order a file's rows show in their date column (see learnOrder). */
export function rowsOrder(rows: Record<string, unknown>[], columns: ColumnMap): NumericOrder | undefined {
  const names = new Set((columns.date ? [columns.date] : COLUMN_SYNONYMS.date).map((n) => n.toLowerCase()))
  const values: string[] = []
  for (const row of rows)
    for (const [k, v] of Object.entries(row)) if (names.has(k.toLowerCase())) values.push(String(v))
  return learnOrder(values)
}

/** Builds a record from a row's fields, by the column map and the synonyms. */
export function fromRow(
  row: Record<string, unknown>,
  origin: string,
  columns: ColumnMap,
  order?: NumericOrder,
): RawArticle | ReadProblem {
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
  const fields = {
    id: field('id'),
    source: field('source') ?? inferred.source,
    author: field('author') ?? inferred.author,
    url: field('url'),
  }
  for (const [k, v] of Object.entries(row)) {
    if (!used.has(k) && v !== null && v !== undefined && typeof v !== 'object') meta[k] = String(v)
  }
  return {
    ...fields,
    title: given,
    text: inferred.text,
    date: dateField ? rowDate(dateField, text, meta, order) : inferred.date,
    meta,
    origin,
  }
}

/** A row of a many-record file that could not be used: its line and why. */
export interface BadRow {
  line: number
  reason: string
}

/** One problem for a file's bad rows, however many: how many, and the first. */
export function badRowsProblem(origin: string, bad: BadRow[]): ReadProblem[] {
  const first = bad[0]
  if (!first) return []
  const n = bad.length
  return [
    {
      origin,
      reason: `${n} row${n === 1 ? '' : 's'} skipped (first at line ${first.line}: ${first.reason})`,
    },
  ]
}

/** .jsonl: one JSON object a line; bad lines are skipped (one problem for the file), the others load. */
export function readJsonLines(text: string, origin: string, columns: ColumnMap = {}): ReadResult {
  const records: RawArticle[] = []
  const bad: BadRow[] = []
  const rows: { line: number; row: Record<string, unknown> }[] = []
  for (const [n, line] of text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .entries()) {
    if (!line.trim()) continue
    let row: unknown
    try {
      row = JSON.parse(line)
    } catch {
      bad.push({ line: n + 1, reason: 'not valid JSON' })
      continue
    }
    if (!row || typeof row !== 'object' || Array.isArray(row)) {
      bad.push({ line: n + 1, reason: 'not a JSON object' })
      continue
    }
    rows.push({ line: n + 1, row: row as Record<string, unknown> })
  }
  const order = rowsOrder(
    rows.map((r) => r.row),
    columns,
  )
  for (const { line, row } of rows) {
    const r = fromRow(row, `${origin}:${line}`, columns, order)
    if ('reason' in r) bad.push({ line, reason: r.reason })
    else records.push(r)
  }
  return {
    records,
    problems: badRowsProblem(
      origin,
      bad.sort((a, b) => a.line - b.line),
    ),
  }
}
