/**
 * CSV and TSV with `csv-parse`: the delimiter detected among , ; tab and |, a byte-order mark
 * dropped, quoted fields with newlines and doubled quotes. A row that can't be parsed or does
 * not fit the header is skipped and counted; the file's good rows still load, and the file gets
 * one problem that says how many rows were skipped and where the first was.
 */
import { parse } from 'csv-parse/sync'
import {
  type BadRow,
  badRowsProblem,
  type ColumnMap,
  fromRow,
  type ReadResult,
  rowsOrder,
} from './formats.ts'

const DELIMITERS = [',', ';', '\t', '|'] as const

/**
 * The delimiter of a CSV: the candidate that splits the header into the most fields, when the
 * next lines split into as many (counted outside quotes).
 */
export function detectDelimiter(text: string): string {
  const sample = text.slice(0, 20_000)
  let best: string = ','
  let bestScore = 0
  for (const d of DELIMITERS) {
    const counts = firstLines(sample, 5).map((l) => fieldsIn(l, d))
    const header = counts[0] ?? 0
    if (header < 2) continue
    const agreeing = counts.filter((c) => c === header).length
    const score = header * agreeing
    if (score > bestScore) {
      best = d
      bestScore = score
    }
  }
  return best
}

/** The first `n` records' lines, quoted newlines kept inside their record. */
function firstLines(text: string, n: number): string[] {
  const out: string[] = []
  let quoted = false
  let start = 0
  for (let i = 0; i < text.length && out.length < n; i++) {
    const c = text[i]
    if (c === '"') quoted = !quoted
    else if (c === '\n' && !quoted) {
      out.push(text.slice(start, i))
      start = i + 1
    }
  }
  if (out.length < n && start < text.length) out.push(text.slice(start))
  return out.filter((l) => l.trim())
}

function fieldsIn(line: string, d: string): number {
  let quoted = false
  let n = 1
  for (const c of line) {
    if (c === '"') quoted = !quoted
    else if (c === d && !quoted) n++
  }
  return n
}

/** A CSV (or TSV) file with a header row: one record a row. */
export function readCsv(
  text: string,
  origin: string,
  columns: ColumnMap = {},
  delimiter?: string,
): ReadResult {
  const out: ReadResult = { records: [], problems: [] }
  const body = text.replace(/^\uFEFF/, '')
  const d = delimiter ?? detectDelimiter(body)
  let rows: { record: string[]; info: { lines: number } }[]
  const bad: BadRow[] = []
  try {
    rows = parse(body, {
      delimiter: d,
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      info: true,
      on_skip: (err: { lines?: number; message: string } | undefined) => {
        if (err) bad.push({ line: err.lines ?? 0, reason: err.message })
      },
      skip_records_with_error: true,
    }) as unknown as { record: string[]; info: { lines: number } }[]
  } catch (e) {
    return { records: [], problems: [{ origin, reason: `not readable as CSV: ${(e as Error).message}` }] }
  }
  const [header, ...data] = rows
  if (!header) return { records: [], problems: [{ origin, reason: 'empty CSV' }] }
  const names = header.record.map((c) => c.trim())
  const fitting: { line: number; row: Record<string, unknown> }[] = []
  for (const { record, info } of data) {
    if (record.length !== names.length) {
      bad.push({ line: info.lines, reason: `${record.length} fields where the header has ${names.length}` })
      continue
    }
    fitting.push({ line: info.lines, row: Object.fromEntries(names.map((n, k) => [n, record[k] ?? ''])) })
  }
  const order = rowsOrder(
    fitting.map((f) => f.row),
    columns,
  )
  for (const { line, row } of fitting) {
    const r = fromRow(row, `${origin}:${line}`, columns, order)
    if ('reason' in r) bad.push({ line, reason: r.reason })
    else out.records.push(r)
  }
  bad.sort((a, b) => a.line - b.line)
  out.problems.push(...badRowsProblem(origin, bad))
  return out
}
