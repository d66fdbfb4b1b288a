import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, extname, join, relative } from 'node:path'
import { sentenceSpans } from '../text/segment.ts'
import { type ColumnMap, decode, FORMATS, looksBinary, type RawArticle, readRecords } from './formats.ts'
import type { Article, Skipped } from './types.ts'

/**
 * Files larger than these are skipped: no one article runs to 5 MB (such a file is a dump or a
 * mistake, and would hold up everyone else), while a .jsonl or .csv of many articles may be large.
 */
export const MAX_ARTICLE_FILE_BYTES = 5 * 1024 * 1024
export const MAX_ROWS_FILE_BYTES = 256 * 1024 * 1024
const ROW_FORMATS = new Set(['.jsonl', '.ndjson', '.csv'])

/** Files in a corpus folder that are not articles. */
const NOT_ARTICLES = new Set(['aliases.json', 'readme.md', 'license', 'license.md'])

export interface LoadOptions {
  /** Column names for CSV and JSON Lines files: field → column. */
  columns?: ColumnMap
  /** One cap for every file, instead of MAX_ARTICLE_FILE_BYTES and MAX_ROWS_FILE_BYTES. */
  maxFileBytes?: number
}

/** One file of the corpus as read: its path and content hash, for cache keys and live updates. */
export interface CorpusFile {
  path: string
  hash: string
}

export interface LoadedCorpus {
  articles: Article[]
  skipped: Skipped[]
  files: CorpusFile[]
}

/** The corpus files under a folder (recursively, in a stable order), or the one file given. */
export function listCorpusFiles(path: string): string[] {
  const st = statSync(path)
  if (!st.isDirectory()) return [path]
  const out: string[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      if (entry.name.startsWith('.')) continue
      const full = join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.isFile()) out.push(full)
    }
  }
  walk(path)
  return out
}

/** The content hash of some bytes. */
export function hashBytes(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 32)
}

/** The result of reading one file: its records, or why it was skipped. */
export interface FileRead {
  records: RawArticle[]
  skipped: Skipped[]
  hash: string | null
}

/** Reads one corpus file; never throws: a file that can't be used comes back as skipped. */
export function readCorpusFile(file: string, root: string, options: LoadOptions = {}): FileRead {
  const name = relative(root, file) || basename(file)
  const ext = extname(file).toLowerCase()
  const skip = (reason: string, hash: string | null = null): FileRead => ({
    records: [],
    skipped: [{ file: name, reason }],
    hash,
  })
  if (NOT_ARTICLES.has(basename(file).toLowerCase())) return { records: [], skipped: [], hash: null }
  if (!(FORMATS as readonly string[]).includes(ext)) return skip(`not a corpus format (${FORMATS.join(' ')})`)
  let bytes: Buffer
  try {
    const size = statSync(file).size
    const max = options.maxFileBytes ?? (ROW_FORMATS.has(ext) ? MAX_ROWS_FILE_BYTES : MAX_ARTICLE_FILE_BYTES)
    if (size > max) return skip(`larger than ${Math.round(max / 1024 / 1024)} MB`)
    bytes = readFileSync(file)
  } catch (e) {
    return skip(`could not be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`)
  }
  const hash = hashBytes(bytes)
  if (bytes.length === 0) return skip('empty', hash)
  if (looksBinary(bytes)) return skip('binary, not text', hash)
  const text = decode(bytes)
  if (text.trim() === '') return skip('empty', hash)
  const { records, problems } = readRecords(text, ext, name, options.columns)
  const skipped = problems.map((p) => ({ file: p.origin, reason: p.reason }))
  for (const r of records) if (!r.text.trim()) skipped.push({ file: r.origin, reason: 'no article text' })
  return { records: records.filter((r) => r.text.trim()), skipped, hash }
}

/**
 * Loads every article under `path` (a folder, or one .jsonl/.csv/… file). A file or row that
 * can't be used is skipped with its reason; the same text twice is kept once.
 */
export function loadCorpus(path: string, options: LoadOptions = {}): LoadedCorpus {
  const root = statSync(path).isDirectory() ? path : join(path, '..')
  const articles: Article[] = []
  const skipped: Skipped[] = []
  const files: CorpusFile[] = []
  const ids = new Set<string>()
  const texts = new Map<string, string>()
  for (const file of listCorpusFiles(path)) {
    const read = readCorpusFile(file, root, options)
    skipped.push(...read.skipped)
    if (read.hash) files.push({ path: relative(root, file), hash: read.hash })
    const fileId = basename(file, extname(file))
    for (const [n, record] of read.records.entries()) {
      const article = toArticle(
        record,
        read.records.length > 1 || /\.(jsonl|ndjson|csv)$/i.test(file) ? `${fileId}-${n + 1}` : fileId,
      )
      const key = hashBytes(article.text.replace(/\s+/g, ' ').toLowerCase())
      const twin = texts.get(key)
      if (twin) {
        skipped.push({ file: record.origin, reason: `same text as article ${twin}` })
        continue
      }
      // Two rows with one id (it happens in published data sets) both stay, the second renamed.
      const id = uniqueId(article.id, ids)
      if (id !== article.id) article.meta.originalId = article.id
      article.id = id
      ids.add(article.id)
      texts.set(key, article.id)
      articles.push(article)
    }
  }
  return { articles, skipped, files }
}

function uniqueId(id: string, taken: Set<string>): string {
  if (!taken.has(id)) return id
  let n = 2
  while (taken.has(`${id}-${n}`)) n++
  return `${id}-${n}`
}

/** A record as an Article: the id from the record or the file, a title inferred when missing. */
export function toArticle(r: RawArticle, fallbackId: string): Article {
  return {
    id: r.id ?? fallbackId,
    title: r.title?.replace(/\s+/g, ' ').trim() || inferTitle(r.text),
    source: r.source,
    author: r.author,
    date: r.date,
    url: r.url,
    text: r.text,
    origin: r.origin,
    meta: r.meta,
  }
}

/** A title from the first sentence, at most about 90 characters, cut at a word. */
export function inferTitle(text: string): string {
  const first = sentenceSpans(text)[0]
  const sentence = first ? text.slice(first.start, first.end) : text
  const flat = sentence.replace(/\s+/g, ' ').trim()
  if (flat.length <= 90) return flat.replace(/[.!?]$/, '')
  return `${flat.slice(0, 90).replace(/\s+\S*$/, '')}…`
}
