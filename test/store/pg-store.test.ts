import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { about } from '../../src/answers/about.ts'
import { ask } from '../../src/answers/ask.ts'
import { search } from '../../src/answers/search.ts'
import { stance } from '../../src/answers/stance.ts'
import { terms } from '../../src/answers/terms.ts'
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.ts'
import { openKnowledgeBase } from '../../src/knowledge/open.ts'
import { memorySearch } from '../../src/knowledge/search-backend.ts'
import { openFromDatabase } from '../../src/store/open-store.ts'
import { type IndexProgress, PgStore } from '../../src/store/pg-store.ts'

/**
 * The PostgreSQL store against a real server: .ci/run starts a throwaway cluster and sets
 * DATABASE_URL. Each run works in a database of its own, dropped at the end.
 */
const SERVER = process.env.DATABASE_URL
if (!SERVER) console.warn('test/store: skipped, no DATABASE_URL (.ci/run starts a throwaway PostgreSQL)')

const scratch = mkdtempSync(join(tmpdir(), 'musalaha-pg-'))
const database = `musalaha_test_${process.pid}`
let url = ''

beforeAll(async () => {
  if (!SERVER) return
  const admin = new pg.Client({ connectionString: SERVER })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS ${database}`)
  await admin.query(`CREATE DATABASE ${database}`)
  await admin.end()
  const u = new URL(SERVER)
  u.pathname = `/${database}`
  url = u.toString()
})

afterAll(async () => {
  rmSync(scratch, { recursive: true, force: true })
  if (!SERVER) return
  const admin = new pg.Client({ connectionString: SERVER })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)
  await admin.end()
})

/** A copy of the project's sample corpus that a test may change. */
function corpusCopy(name: string): string {
  const dir = join(scratch, name)
  cpSync(resolve('corpus'), dir, { recursive: true })
  return dir
}

const QUESTIONS = [
  'Who mediated the agreement?',
  'What did the deal say about weapons?',
  'Homs',
  'Russian police',
]

function answers(kb: KnowledgeBase): unknown {
  return {
    about: about(kb),
    ...Object.fromEntries(
      QUESTIONS.map((q) => [
        q,
        { ask: ask(kb, q), search: search(kb, q), stance: stance(kb, q), terms: terms(kb, q) },
      ]),
    ),
  }
}

describe.skipIf(!SERVER)('the PostgreSQL store (DATABASE_URL)', () => {
  it('indexes a corpus that is missing, then loads it: the same knowledge base and the same answers as in memory', async () => {
    const corpusPath = corpusCopy('same')
    const progress: IndexProgress[] = []
    const first = await openFromDatabase({
      corpusPath,
      cacheDir: null,
      databaseUrl: url,
      onIndexProgress: (p) => progress.push(p),
    })
    expect(first.indexed).toBe(true)
    const second = await openFromDatabase({ corpusPath, cacheDir: null, databaseUrl: url })
    expect(second).toMatchObject({ indexed: false, fromCache: true, key: first.key })
    const memory = openKnowledgeBase({ corpusPath, cacheDir: null }).kb
    const kb = second.kb
    expect([...kb.articles]).toEqual([...memory.articles])
    expect([...kb.passagesByArticle]).toEqual([...memory.passagesByArticle])
    expect([...kb.perArticleFacts]).toEqual([...memory.perArticleFacts])
    expect(kb.facts).toEqual(memory.facts)
    expect(kb.index.documentCount).toBe(memory.index.documentCount)
    expect(JSON.stringify(answers(kb))).toBe(JSON.stringify(answers(memory)))
    // Written in batches, each table's progress reported up to its total.
    const passages = progress.filter((p) => p.table === 'passages')
    expect(passages.at(-1)).toEqual({
      table: 'passages',
      done: memory.passages.size,
      total: memory.passages.size,
    })
  })

  it('keeps several corpora by fingerprint, and re-indexes one whose files changed (the stale version removed)', async () => {
    const a = corpusCopy('a')
    const b = corpusCopy('b')
    writeFileSync(join(b, 'zz-extra.txt'), 'An extra article\n\nThe truce in Zabadani held for a week.\n')
    const ka = await openFromDatabase({ corpusPath: a, cacheDir: null, databaseUrl: url })
    const kb = await openFromDatabase({ corpusPath: b, cacheDir: null, databaseUrl: url })
    expect(ka.key).not.toBe(kb.key)
    expect(kb.kb.articles.has('zz-extra')).toBe(true)
    writeFileSync(join(a, 'zz-new.txt'), 'A new article\n\nA ceasefire was agreed in Madaya.\n')
    const changed = await openFromDatabase({ corpusPath: a, cacheDir: null, databaseUrl: url })
    expect(changed.indexed).toBe(true)
    expect(changed.kb.articles.has('zz-new')).toBe(true)
    const store = new PgStore(url)
    const keys = (await store.corpora()).map((c) => c.key)
    await store.close()
    expect(keys).toContain(changed.key)
    expect(keys).toContain(kb.key)
    expect(keys).not.toContain(ka.key)
  })

  it('runs the command line unchanged with DATABASE_URL set: the same output, the corpus indexed into the database', async () => {
    const corpusPath = corpusCopy('cli')
    const cli = (env: Record<string, string>) =>
      spawnSync(
        resolve('node_modules/.bin/tsx'),
        [resolve('src/cli.ts'), 'search', 'Homs', '--json', '--corpus', corpusPath],
        {
          encoding: 'utf8',
          env: { PATH: process.env.PATH ?? '', MUSALAHA_CACHE_DIR: 'none', ...env },
        },
      )
    const memory = cli({})
    const database = cli({ DATABASE_URL: url })
    expect(database.stderr).toBe('')
    expect(database.status).toBe(0)
    expect(database.stdout).toBe(memory.stdout)
    const store = new PgStore(url)
    const paths = (await store.corpora()).map((c) => c.corpus_path)
    await store.close()
    expect(paths).toContain(corpusPath)
    // A database that can't be reached: one line naming DATABASE_URL, exit 1.
    const down = cli({ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' })
    expect(down.status).toBe(1)
    expect(down.stderr).toMatch(/^musalaha: PostgreSQL \(DATABASE_URL\): /)
  }, 180_000)

  it('indexes once when several processes open the same corpus at the same time', async () => {
    const corpusPath = corpusCopy('race')
    const opened = await Promise.all(
      [1, 2, 3].map(() => openFromDatabase({ corpusPath, cacheDir: null, databaseUrl: url })),
    )
    expect(opened.filter((o) => o.indexed)).toHaveLength(1)
  })

  it('searches passages in the database: tsvector under GIN, trigrams (pg_trgm) for a typo', async () => {
    const { key, kb } = await openFromDatabase({
      corpusPath: corpusCopy('search'),
      cacheDir: null,
      databaseUrl: url,
    })
    const store = new PgStore(url)
    try {
      const indexes = await store.pool.query("SELECT indexdef FROM pg_indexes WHERE tablename = 'passages'")
      const defs = indexes.rows.map((r) => String(r.indexdef)).join('\n')
      expect(defs).toMatch(/USING gin \(tsv\)/)
      expect(defs).toMatch(/USING gin \(text gin_trgm_ops\)/)
      const backend = store.searchBackend(key)
      const hits = await backend.search('Homs', 5)
      expect(hits.length).toBeGreaterThan(0)
      for (const h of hits) expect(kb.passages.get(h.id)?.text.toLowerCase()).toContain('homs')
      // The same word, mistyped: no word matches, the trigrams still find it.
      const typo = await backend.search('reconcilation', 5)
      expect(typo.length).toBeGreaterThan(0)
      for (const h of typo) expect(kb.passages.get(h.id)?.text.toLowerCase()).toContain('reconciliation')
      // Memory finds the same passages for the plain word.
      const inMemory = await memorySearch(kb).search('Homs', 50)
      const found = new Set(inMemory.map((h) => h.id))
      expect(hits.every((h) => found.has(h.id))).toBe(true)
    } finally {
      await store.close()
    }
  })
})
