import {
  type Dirent,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { crc32 } from 'node:zlib'
import { type CorpusFile, hashBytes } from '../corpus/load.ts'
import type { Article, Skipped } from '../corpus/types.ts'
import { type ArticleFacts, type ExtractEnv, FACTS_VERSION, type Facts } from '../extract/facts.ts'
import { INDEX_VERSION } from '../search/index-options.ts'
import { type KnowledgeBase, knowledgeBaseFromStore } from './knowledge-base.ts'

/** The cache's own layout; bump when `CachedKnowledgeBase` or the file layout changes. */
export const CACHE_FORMAT = 4
/** Articles per line of the JSON part: each line stays far below V8's longest string at 1M passages. */
const ARTICLES_PER_LINE = 5000
/** How many knowledge bases (for different corpora or versions) the cache folder keeps. */
export const CACHE_KEEP = 6

/** Passages are stored as offsets only: their text is a slice of the article's. */
type CachedPassages = [articleId: string, paragraphs: [start: number, end: number, sentences: number[]][]][]

/** The JSON part's first line: what belongs to the whole corpus. */
interface CachedHead {
  format: number
  key: string
  /** The merged facts too: merging a large corpus's facts again takes longer than reading them. */
  merged: Facts
  skipped: Skipped[]
  files: CorpusFile[]
  /** How many lines of articles follow: a missing line is a damaged file. */
  lines: number
}

/** Each further line: ARTICLES_PER_LINE articles with their passages and facts. */
interface CachedArticles {
  articles: Article[]
  passages: CachedPassages
  facts: [string, ArticleFacts][]
}

/**
 * The file: MAGIC, then three unsigned 32-bit numbers (the JSON part's length, the index part's
 * length, the CRC-32 of both parts), the JSON part (lines: CachedHead, then CachedArticles; one
 * string for a million passages would pass V8's longest string) and the index part
 * (PassageIndex.encode). The lengths catch a truncated file, the checksum a damaged one, cheaply:
 * loading must stay well under the 1.5 s a 100k-passage corpus is allowed.
 */
const MAGIC = Buffer.from('MUSALAHA')
const HEAD = MAGIC.length + 12

/**
 * The cache key: the content of every corpus file (aliases included), the versions of the index
 * options, the extraction and the cache layout, and any load options that change what is read.
 */
export function cacheKey(files: readonly CorpusFile[], loadOptions: unknown): string {
  const h = JSON.stringify({
    CACHE_FORMAT,
    INDEX_VERSION,
    FACTS_VERSION,
    code: codeFingerprint(),
    loadOptions,
    files,
  })
  return hashBytes(h)
}

let fingerprint: string | undefined
/**
 * The hash of the source files that shape the knowledge base, so that a changed loader or
 * extractor never answers from an index built by the old one (the versions above say the same
 * for releases; this catches what a version bump forgot).
 */
export function codeFingerprint(): string {
  if (fingerprint) return fingerprint
  const src = join(dirname(fileURLToPath(import.meta.url)), '..')
  const parts: string[] = []
  // Sub-folders too, and the project's data/ tables (gazetteers, rules): they shape the facts as much as code.
  const walk = (dir: string, label: string) => {
    let entries: Dirent[] = []
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))
    } catch {
      return
    }
    for (const e of entries) {
      const path = join(dir, e.name)
      if (e.isDirectory()) walk(path, `${label}/${e.name}`)
      else if (/\.([cm]?[jt]s|json|ya?ml|tsv|csv)$/.test(e.name))
        parts.push(`${label}/${e.name}`, hashBytes(readFileSync(path)))
    }
  }
  for (const dir of ['corpus', 'text', 'search', 'extract', 'knowledge']) walk(join(src, dir), dir)
  walk(join(src, '..', 'data'), 'data')
  fingerprint = hashBytes(parts.join('\n'))
  return fingerprint
}

/** The cache file of a key. */
export function cachePath(dir: string, key: string): string {
  return join(dir, `kb-${key}.bin`)
}

/**
 * Writes the knowledge base to the cache (atomically: a reader never sees half a file), its
 * articles `perLine` to a line.
 */
export function saveToCache(dir: string, key: string, kb: KnowledgeBase, perLine = ARTICLES_PER_LINE): void {
  mkdirSync(dir, { recursive: true })
  const articles = [...kb.articles.values()]
  const lines: Buffer[] = []
  for (let i = 0; i < articles.length; i += perLine) {
    const some = articles.slice(i, i + perLine)
    const line: CachedArticles = {
      articles: some,
      passages: some.map((a) => [
        a.id,
        (kb.passagesByArticle.get(a.id) ?? []).map((p) => [
          p.start,
          p.end,
          p.sentences.flatMap((s) => [s.start, s.end]),
        ]),
      ]),
      facts: some.flatMap((a) => {
        const f = kb.perArticleFacts.get(a.id)
        return f ? [[a.id, f] as [string, ArticleFacts]] : []
      }),
    }
    lines.push(Buffer.from(`\n${JSON.stringify(line)}`, 'utf8'))
  }
  const head: CachedHead = {
    format: CACHE_FORMAT,
    key,
    merged: kb.facts,
    skipped: kb.skipped,
    files: kb.files,
    lines: lines.length,
  }
  const json = Buffer.concat([Buffer.from(JSON.stringify(head), 'utf8'), ...lines])
  const index = kb.index.encode()
  const lengths = Buffer.alloc(HEAD)
  MAGIC.copy(lengths)
  lengths.writeUInt32LE(json.length, MAGIC.length)
  lengths.writeUInt32LE(index.length, MAGIC.length + 4)
  lengths.writeUInt32LE(crc32(index, crc32(json)), MAGIC.length + 8)
  const file = cachePath(dir, key)
  const tmp = `${file}.${process.pid}.tmp`
  writeFileSync(tmp, Buffer.concat([lengths, json, index]))
  renameSync(tmp, file)
  prune(dir)
}

/** Keeps the newest CACHE_KEEP cache files; removes those of the old JSON layout. */
function prune(dir: string): void {
  const names = readdirSync(dir).filter((f) => /^kb-.*\.(bin|json)$/.test(f))
  const mtime = (f: string) => {
    try {
      return statSync(join(dir, f)).mtimeMs
    } catch {
      return 0 // removed meanwhile by another process
    }
  }
  const current = names
    .filter((f) => f.endsWith('.bin'))
    .map((f) => ({ f, t: mtime(f) }))
    .sort((a, b) => b.t - a.t)
  const stale = [...names.filter((f) => f.endsWith('.json')), ...current.slice(CACHE_KEEP).map((e) => e.f)]
  for (const f of stale) rmSync(join(dir, f), { force: true })
}

/** The two parts of a cache file, or null when it is not one or is truncated or damaged. */
function readParts(bytes: Buffer): { json: Buffer; index: Buffer } | null {
  if (bytes.length < HEAD || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return null
  const jsonLength = bytes.readUInt32LE(MAGIC.length)
  const indexLength = bytes.readUInt32LE(MAGIC.length + 4)
  if (bytes.length !== HEAD + jsonLength + indexLength) return null
  const json = bytes.subarray(HEAD, HEAD + jsonLength)
  const index = bytes.subarray(HEAD + jsonLength)
  if (crc32(index, crc32(json)) !== bytes.readUInt32LE(MAGIC.length + 8)) return null
  return { json, index }
}

/**
 * The cached knowledge base for `key`, or null when there is none or it can't be trusted
 * (unreadable, truncated, damaged, another layout or key): the caller then builds anew.
 */
export function loadFromCache(
  dir: string,
  key: string,
  corpusPath: string,
  env: ExtractEnv,
): KnowledgeBase | null {
  let parts: { json: Buffer; index: Buffer } | null
  try {
    parts = readParts(readFileSync(cachePath(dir, key)))
  } catch {
    return null
  }
  if (!parts) return null
  try {
    // Line by line from the bytes: JSON escapes a newline inside a string, so 0x0a only ends a line.
    const lines: string[] = []
    for (let at = 0; at <= parts.json.length; ) {
      const end = parts.json.indexOf(0x0a, at)
      const stop = end === -1 ? parts.json.length : end
      lines.push(parts.json.toString('utf8', at, stop))
      at = stop + 1
    }
    const head = JSON.parse(lines[0] ?? '') as CachedHead
    if (head.format !== CACHE_FORMAT || head.key !== key || head.lines !== lines.length - 1) return null
    const articles: Article[] = []
    const passages: [string, { start: number; end: number; sentences: number[] }[]][] = []
    const perArticleFacts: [string, ArticleFacts][] = []
    for (const line of lines.slice(1)) {
      const data = JSON.parse(line) as CachedArticles
      // Loops, not push(...spread): a spread of a million items passes the call stack's limit.
      for (const a of data.articles) articles.push(a)
      for (const [id, ps] of data.passages)
        passages.push([id, ps.map(([start, end, sentences]) => ({ start, end, sentences }))])
      for (const f of data.facts) perArticleFacts.push(f)
    }
    return knowledgeBaseFromStore({
      corpusPath,
      env,
      articles,
      passages,
      perArticleFacts,
      // The key holds aliases.json's content, so these were merged with this very env.
      facts: head.merged,
      index: parts.index,
      skipped: head.skipped,
      files: head.files,
    })
  } catch {
    return null
  }
}
