import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ColumnMap } from '../corpus/formats.ts'
import { type CorpusFile, hashBytes, listCorpusFiles, loadCorpus } from '../corpus/load.ts'
import { loadAliases } from '../extract/aliases.ts'
import type { ExtractEnv } from '../extract/facts.ts'
import { cacheKey, loadFromCache, saveToCache } from './cache.ts'
import { buildKnowledgeBase, type KnowledgeBase } from './knowledge-base.ts'

/** The project's own folder: the default corpus and cache live there, whatever the working directory. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const DEFAULT_CORPUS = join(PROJECT_ROOT, 'corpus')
export const DEFAULT_CACHE_DIR = join(PROJECT_ROOT, '.cache')

/** The corpus can't be opened at all (missing path): a message for people, exit 1 or 2. */
export class CorpusError extends Error {
  override name = 'CorpusError'
}

export interface OpenOptions {
  corpusPath: string
  /** Where to keep the built index; null: never cache. */
  cacheDir?: string | null
  columns?: ColumnMap
  maxFileBytes?: number
  onProgress?: (done: number, total: number) => void
}

export interface Opened {
  kb: KnowledgeBase
  fromCache: boolean
  ms: number
}

/**
 * Knowledge bases opened elsewhere, before a synchronous caller asks: the command line opens
 * from PostgreSQL (asynchronous) first, then runs as always. Keyed by corpus path and load options.
 */
const preloaded = new Map<string, KnowledgeBase>()
const preloadKey = (corpusPath: string, loadOptions: unknown) =>
  JSON.stringify([resolve(corpusPath), loadOptions])

/** The load options that change what is read (part of every key). */
export function loadOptionsOf(options: Pick<OpenOptions, 'columns' | 'maxFileBytes'>) {
  return { columns: options.columns ?? {}, maxFileBytes: options.maxFileBytes ?? null }
}

/** Makes openKnowledgeBase answer with `kb` for this corpus and these options. */
export function providePreloaded(options: OpenOptions, kb: KnowledgeBase): void {
  preloaded.set(preloadKey(options.corpusPath, loadOptionsOf(options)), kb)
}

/** Every file's path and content hash: what the cache key is made of. */
export function fingerprint(corpusPath: string): CorpusFile[] {
  const root = resolve(corpusPath, '..')
  return listCorpusFiles(corpusPath).map((file) => {
    try {
      return { path: relative(root, file), hash: hashBytes(readFileSync(file)) }
    } catch {
      return { path: relative(root, file), hash: 'unreadable' }
    }
  })
}

/**
 * Opens the knowledge base of a corpus: from the cache when one was built from exactly these
 * files with these options, else built anew (and cached). Throws CorpusError when the corpus
 * path does not exist, AliasesError when aliases.json is wrong.
 */
export function openKnowledgeBase(options: OpenOptions): Opened {
  const started = performance.now()
  const corpusPath = resolve(options.corpusPath)
  if (!existsSync(corpusPath)) throw new CorpusError(`corpus not found: ${options.corpusPath}`)
  const loadOptions = loadOptionsOf(options)
  const pre = preloaded.get(preloadKey(corpusPath, loadOptions))
  if (pre) return { kb: pre, fromCache: true, ms: performance.now() - started }
  const env: ExtractEnv = { aliases: loadAliases(corpusPath) }
  const cacheDir = options.cacheDir === undefined ? DEFAULT_CACHE_DIR : options.cacheDir
  const key = cacheDir ? cacheKey(fingerprint(corpusPath), loadOptions) : ''
  if (cacheDir) {
    const cached = loadFromCache(cacheDir, key, corpusPath, env)
    if (cached) return { kb: cached, fromCache: true, ms: performance.now() - started }
  }
  const loaded = loadCorpus(corpusPath, {
    ...(options.columns ? { columns: options.columns } : {}),
    ...(options.maxFileBytes ? { maxFileBytes: options.maxFileBytes } : {}),
  })
  const kb = buildKnowledgeBase({ corpusPath, ...loaded, env }, options.onProgress)
  if (cacheDir) {
    try {
      saveToCache(cacheDir, key, kb)
    } catch {
      // A cache that can't be written costs time on the next start, nothing else.
    }
  }
  return { kb, fromCache: false, ms: performance.now() - started }
}
