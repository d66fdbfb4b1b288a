import { readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, extname, join, relative } from 'node:path'
import { CorpusAssembler } from './assemble.ts'
import { type ColumnMap, decode, looksBinary, type RawArticle } from './formats.ts'
import { hashBytes } from './hash.ts'
import { FORMATS, formatOf } from './registry.ts'
import type { Article, Skipped } from './types.ts'

export { inferTitle, toArticle } from './assemble.ts'
export { hashBytes } from './hash.ts'
export { MAX_ARTICLE_FILE_BYTES, MAX_ROWS_FILE_BYTES } from './registry.ts'

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
  const format = formatOf(ext)
  if (!format) return skip(`not a corpus format (${FORMATS.join(' ')})`)
  let bytes: Buffer
  try {
    const size = statSync(file).size
    const max = options.maxFileBytes ?? format.maxBytes
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
  const { records, problems } = format.read(text, name, options.columns ?? {})
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
  const reads: { file: string; records: RawArticle[] }[] = []
  for (const file of listCorpusFiles(path)) {
    const read = readCorpusFile(file, root, options)
    for (const s of read.skipped) skipped.push(s)
    if (read.hash) files.push({ path: relative(root, file), hash: read.hash })
    reads.push({ file: relative(root, file), records: read.records })
  }
  const added = new CorpusAssembler().addAll(reads)
  // Loops, not push(...spread): one CSV file can hold more rows than a call takes arguments.
  for (const a of added.articles) articles.push(a)
  for (const s of added.skipped) skipped.push(s)
  return { articles, skipped, files }
}
