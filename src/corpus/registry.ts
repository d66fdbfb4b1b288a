/**
 * The formats a corpus may hold, in one table: which extensions, whether a file is one article
 * or many records, the largest file accepted, and the reader. Everything that reads a corpus
 * file (first load, live updates, /reload) goes through readFormat.
 */
import { readCsv } from './csv.ts'
import {
  type ColumnMap,
  type RawArticle,
  type ReadProblem,
  type ReadResult,
  readJsonLines,
  readMarkdownOrText,
} from './formats.ts'
import { readHtml } from './html.ts'

export interface Format {
  id: string
  extensions: readonly string[]
  /** Many records a file (rows), or one article. */
  many: boolean
  /**
   * Files larger than this are skipped: no one article runs to 5 MB (such a file is a dump or a
   * mistake, and would hold up everyone else), while a file of many rows may be large.
   */
  maxBytes: number
  read: (text: string, origin: string, columns: ColumnMap) => ReadResult
}

const MB = 1024 * 1024
export const MAX_ARTICLE_FILE_BYTES = 5 * MB
export const MAX_ROWS_FILE_BYTES = 256 * MB

function one(r: RawArticle | ReadProblem): ReadResult {
  return 'reason' in r ? { records: [], problems: [r] } : { records: [r], problems: [] }
}

export const FORMAT_TABLE: readonly Format[] = [
  {
    id: 'text',
    extensions: ['.txt', '.text'],
    many: false,
    maxBytes: MAX_ARTICLE_FILE_BYTES,
    read: (text, origin) => one(readMarkdownOrText(text, origin, false)),
  },
  {
    id: 'markdown',
    extensions: ['.md', '.markdown'],
    many: false,
    maxBytes: MAX_ARTICLE_FILE_BYTES,
    read: (text, origin) => one(readMarkdownOrText(text, origin, true)),
  },
  {
    id: 'html',
    extensions: ['.html', '.htm', '.xhtml'],
    many: false,
    maxBytes: MAX_ARTICLE_FILE_BYTES,
    read: (text, origin) => one(readHtml(text, origin)),
  },
  {
    id: 'jsonl',
    extensions: ['.jsonl', '.ndjson'],
    many: true,
    maxBytes: MAX_ROWS_FILE_BYTES,
    read: readJsonLines,
  },
  {
    id: 'csv',
    extensions: ['.csv'],
    many: true,
    maxBytes: MAX_ROWS_FILE_BYTES,
    read: (text, origin, columns) => readCsv(text, origin, columns),
  },
  {
    id: 'tsv',
    extensions: ['.tsv', '.tab'],
    many: true,
    maxBytes: MAX_ROWS_FILE_BYTES,
    read: (text, origin, columns) => readCsv(text, origin, columns, '\t'),
  },
]

/** Every extension a corpus file may have. */
export const FORMATS: readonly string[] = FORMAT_TABLE.flatMap((f) => f.extensions)

/** The format of a file by its extension (with the dot, any case), or null. */
export function formatOf(ext: string): Format | null {
  const e = ext.toLowerCase()
  return FORMAT_TABLE.find((f) => f.extensions.includes(e)) ?? null
}
