import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import MiniSearch from 'minisearch'
import { type CorpusFile, hashBytes } from '../corpus/load.ts'
import type { Article, Passage, Skipped, Span } from '../corpus/types.ts'
import { type ArticleFacts, type ExtractEnv, FACTS_VERSION, mergeFacts } from '../extract/facts.ts'
import { INDEX_OPTIONS, INDEX_VERSION } from '../search/index-options.ts'
import type { KnowledgeBase } from './knowledge-base.ts'

/** The cache's own layout; bump when `CachedKnowledgeBase` changes. */
export const CACHE_FORMAT = 1
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
  skipped: Skipped[]
  files: CorpusFile[]
  index: unknown
}

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
  for (const dir of ['corpus', 'text', 'search', 'extract', 'knowledge']) {
    let names: string[] = []
    try {
      names = readdirSync(join(src, dir))
        .filter((f) => /\.[cm]?[jt]s$/.test(f))
        .sort()
    } catch {
      continue
    }
    for (const f of names) parts.push(f, hashBytes(readFileSync(join(src, dir, f))))
  }
  fingerprint = hashBytes(parts.join('\n'))
  return fingerprint
}

function cachePath(dir: string, key: string): string {
  return join(dir, `kb-${key}.json`)
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
    skipped: kb.skipped,
    files: kb.files,
    index: kb.index.toJSON(),
  }
  const file = cachePath(dir, key)
  const tmp = `${file}.${process.pid}.tmp`
  writeFileSync(tmp, JSON.stringify(data))
  renameSync(tmp, file)
  prune(dir)
}

/** Keeps the newest CACHE_KEEP cache files. */
function prune(dir: string): void {
  const entries = readdirSync(dir)
    .filter((f) => /^kb-.*\.json$/.test(f))
    .map((f) => ({ f, t: statSync(join(dir, f)).mtimeMs }))
    .sort((a, b) => b.t - a.t)
  for (const { f } of entries.slice(CACHE_KEEP)) rmSync(join(dir, f), { force: true })
}

/**
 * The cached knowledge base for `key`, or null when there is none or it can't be trusted
 * (unreadable, truncated, another layout or key): the caller then builds anew.
 */
export function loadFromCache(
  dir: string,
  key: string,
  corpusPath: string,
  env: ExtractEnv,
): KnowledgeBase | null {
  let data: CachedKnowledgeBase
  try {
    data = JSON.parse(readFileSync(cachePath(dir, key), 'utf8')) as CachedKnowledgeBase
  } catch {
    return null
  }
  try {
    if (data.format !== CACHE_FORMAT || data.key !== key) return null
    const articles = new Map(data.articles.map((a) => [a.id, a]))
    const passages = new Map<string, Passage>()
    const passagesByArticle = new Map<string, Passage[]>()
    for (const [articleId, paragraphs] of data.passages) {
      const article = articles.get(articleId)
      if (!article) return null
      const list = paragraphs.map(([start, end, flat], i): Passage => {
        const sentences: Span[] = []
        for (let k = 0; k + 1 < flat.length; k += 2)
          sentences.push({ start: flat[k] ?? 0, end: flat[k + 1] ?? 0 })
        const p = {
          id: `${articleId}#${i + 1}`,
          articleId,
          paragraph: i + 1,
          text: article.text.slice(start, end),
          start,
          end,
          sentences,
        }
        passages.set(p.id, p)
        return p
      })
      passagesByArticle.set(articleId, list)
    }
    const perArticleFacts = new Map(data.facts)
    const index = MiniSearch.loadJS(data.index as Parameters<typeof MiniSearch.loadJS>[0], INDEX_OPTIONS)
    if (index.documentCount !== passages.size) return null
    return {
      corpusPath,
      articles,
      passages,
      passagesByArticle,
      index,
      perArticleFacts,
      facts: mergeFacts(perArticleFacts, env),
      env,
      skipped: data.skipped,
      files: data.files,
    }
  } catch {
    return null
  }
}
