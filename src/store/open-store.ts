import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { hashBytes } from '../corpus/load.ts'
import { loadAliases } from '../extract/aliases.ts'
import { cacheKey } from '../knowledge/cache.ts'
import {
  CorpusError,
  fingerprint,
  loadOptionsOf,
  type Opened,
  type OpenOptions,
  openKnowledgeBase,
} from '../knowledge/open.ts'
import { type IndexProgress, PgStore } from './pg-store.ts'
import { SCHEMA_VERSION } from './schema.ts'

export interface StoreOpenOptions extends OpenOptions {
  databaseUrl: string
  /** Hears of each batch written while a corpus is indexed into the database. */
  onIndexProgress?: (p: IndexProgress) => void
}

export interface StoreOpened extends Opened {
  /** The corpus's key in the database (its fingerprint). */
  key: string
  /** Whether this call indexed the corpus (it was missing or stale). */
  indexed: boolean
}

/**
 * Opens a corpus's knowledge base through PostgreSQL, as openKnowledgeBase does through the file
 * cache: from the database when this corpus (by its fingerprint) is there, else built (from the
 * file cache when it has it) and indexed into the database first. Of several processes opening
 * the same corpus at once, one indexes and the others wait for it.
 */
export async function openFromDatabase(options: StoreOpenOptions): Promise<StoreOpened> {
  const started = performance.now()
  const corpusPath = resolve(options.corpusPath)
  if (!existsSync(corpusPath)) throw new CorpusError(`corpus not found: ${options.corpusPath}`)
  const env = { aliases: loadAliases(corpusPath) }
  // The file cache's key (files, code, versions) and the tables' own layout version.
  const key = hashBytes(
    `store ${SCHEMA_VERSION} ${cacheKey(fingerprint(corpusPath), loadOptionsOf(options))}`,
  )
  const store = new PgStore(options.databaseUrl)
  try {
    await store.migrate()
    return await store.withCorpusLock(key, async () => {
      const stored = await store.load(key, corpusPath, env)
      if (stored) return { kb: stored, fromCache: true, ms: performance.now() - started, key, indexed: false }
      const { databaseUrl: _, onIndexProgress: __, ...memory } = options
      const { kb } = openKnowledgeBase(memory)
      await store.save(key, kb, options.onIndexProgress)
      return { kb, fromCache: false, ms: performance.now() - started, key, indexed: true }
    })
  } finally {
    await store.close()
  }
}
