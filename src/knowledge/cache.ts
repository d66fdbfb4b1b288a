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
export const CACHE_FORMAT = 3
/** How many knowledge bases (for different corpora or versions) the cache folder keeps. */
export const CACHE_KEEP = 6

/** Passages are stored as offsets only: their text is a slice of the article's. */
type CachedPassages = [articleId: string, paragraphs: [start: number, end: number, sentences: number[]][]][]

interface CachedKnowledgeBase {
  format: number
  key: string
  articles: Article[]
  passages: CachedPassages
  facts: [string, ArticleFacts][]
  /** The merged facts too: merging a large corpus's facts again takes longer than reading them. */
  merged: Facts
  skipped: Skipped[]
  files: CorpusFile[]
}

/**
 * The file: MAGIC, then three unsigned 32-bit numbers (the JSON part's length, the index part's
 * length, the CRC-32 of both parts), the JSON part (CachedKnowledgeBase) and the index part
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

/** Writes the knowledge base to the cache (atomically: a reader never sees half a file). */
export function saveToCache(dir: string, key: string, kb: KnowledgeBase): void {
  mkdirSync(dir, { recursive: true })
  const data: CachedKnowledgeBase = {
    format: CACHE_FORMAT,
    key,
    articles: [...kb.articles.values()],
    passages: [...kb.passagesByArticle].map(([id, ps]) => [
      id,
      ps.map((p) => [p.start, p.end, p.sentences.flatMap((s) => [s.start, s.end])]),
    ]),
    facts: [...kb.perArticleFacts],
    merged: kb.facts,
    skipped: kb.skipped,
    files: kb.files,
  }
  const json = Buffer.from(JSON.stringify(data), 'utf8')
  const index = kb.index.encode()
  const head = Buffer.alloc(HEAD)
  MAGIC.copy(head)
  head.writeUInt32LE(json.length, MAGIC.length)
  head.writeUInt32LE(index.length, MAGIC.length + 4)
  head.writeUInt32LE(crc32(index, crc32(json)), MAGIC.length + 8)
  const file = cachePath(dir, key)
  const tmp = `${file}.${process.pid}.tmp`
  writeFileSync(tmp, Buffer.concat([head, json, index]))
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
    const data = JSON.parse(parts.json.toString('utf8')) as CachedKnowledgeBase
    if (data.format !== CACHE_FORMAT || data.key !== key) return null
    return knowledgeBaseFromStore({
      corpusPath,
      env,
      articles: data.articles,
      passages: data.passages.map(
        ([articleId, paragraphs]) =>
          [articleId, paragraphs.map(([start, end, sentences]) => ({ start, end, sentences }))] as const,
      ),
      perArticleFacts: data.facts,
      // The key holds aliases.json's content, so these were merged with this very env.
      facts: data.merged,
      index: parts.index,
      skipped: data.skipped,
      files: data.files,
    })
  } catch {
    return null
  }
}
