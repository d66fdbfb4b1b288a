import pg from 'pg'
import type { CorpusFile } from '../corpus/load.ts'
import type { Article, Skipped } from '../corpus/types.ts'
import type { ArticleFacts, ExtractEnv, Facts } from '../extract/facts.ts'
import {
  type KnowledgeBase,
  knowledgeBaseFromStore,
  type StoredPassage,
} from '../knowledge/knowledge-base.ts'
import type { SearchBackend, SearchHit } from '../knowledge/search-backend.ts'
import { SCHEMA } from './schema.ts'

/** How many rows one INSERT carries: big enough to amortise the round trip, small enough to stream. */
export const BATCH_ROWS = 1000

export interface IndexProgress {
  table: 'articles' | 'passages' | 'facts'
  done: number
  total: number
}

/**
 * The PostgreSQL store: articles, passages and facts of any number of corpora in one database,
 * each corpus under its key (the cache key: its files' fingerprint, the code and format
 * versions), so several bot processes and hosts share one indexing. Passages carry a tsvector
 * (GIN-indexed) and a trigram index for full-text search with typos; the knowledge base's
 * passage index is stored beside them, so that every process answers exactly as in memory.
 */
export class PgStore {
  readonly pool: pg.Pool

  constructor(url: string) {
    this.pool = new pg.Pool({ connectionString: url, max: 4, application_name: 'musalaha' })
    // An idle client's error (the server restarted) must not kill the process: the next query reconnects.
    this.pool.on('error', () => undefined)
  }

  async close(): Promise<void> {
    await this.pool.end()
  }

  /** Creates the tables and indexes when missing (idempotent, safe from several processes at once). */
  async migrate(): Promise<void> {
    const client = await this.pool.connect()
    try {
      await client.query('SELECT pg_advisory_lock(7317001)')
      try {
        await client.query(SCHEMA)
      } finally {
        await client.query('SELECT pg_advisory_unlock(7317001)')
      }
    } finally {
      client.release()
    }
  }

  /** Whether the corpus of `key` is fully indexed. */
  async has(key: string): Promise<boolean> {
    const r = await this.pool.query("SELECT 1 FROM corpora WHERE key = $1 AND state = 'ready'", [key])
    return r.rowCount === 1
  }

  /**
   * Runs `work` while holding the corpus's lock: of several processes opening the same corpus at
   * once, one indexes it and the others wait, then load what it wrote.
   */
  async withCorpusLock<T>(key: string, work: () => Promise<T>): Promise<T> {
    const client = await this.pool.connect()
    try {
      await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [key])
      try {
        return await work()
      } finally {
        await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [key])
      }
    } finally {
      client.release()
    }
  }

  /**
   * Writes a knowledge base under `key`, in batches of BATCH_ROWS with progress; the corpus is
   * marked ready last, so a reader never loads half of it. Older versions of the same corpus
   * path (stale keys) are removed; other corpora stay.
   */
  async save(key: string, kb: KnowledgeBase, onProgress?: (p: IndexProgress) => void): Promise<void> {
    const pool = this.pool
    await pool.query('DELETE FROM corpora WHERE key = $1', [key])
    await pool.query(
      "INSERT INTO corpora (key, corpus_path, state, articles, passages) VALUES ($1, $2, 'indexing', $3, $4)",
      [key, kb.corpusPath, kb.articles.size, kb.passages.size],
    )
    const articles = [...kb.articles.values()]
    await batches(
      articles,
      (done) => onProgress?.({ table: 'articles', done, total: articles.length }),
      (rows) =>
        pool.query(
          `INSERT INTO articles (corpus, id, ord, title, data)
         SELECT $1, * FROM unnest($2::text[], $3::int[], $4::text[], $5::json[])`,
          [
            key,
            rows.map(([, a]) => a.id),
            rows.map(([i]) => i),
            rows.map(([, a]) => a.title),
            rows.map(([, a]) => JSON.stringify(a)),
          ],
        ),
    )
    const passages = [...kb.passages.values()]
    await batches(
      passages,
      (done) => onProgress?.({ table: 'passages', done, total: passages.length }),
      (rows) =>
        pool.query(
          `INSERT INTO passages (corpus, id, article_id, paragraph, start_offset, end_offset, sentences, title, text)
         SELECT $1, id, article_id, paragraph, s, e, sentences::int[], title, text
         FROM unnest($2::text[], $3::text[], $4::int[], $5::int[], $6::int[], $7::text[], $8::text[], $9::text[])
           AS t(id, article_id, paragraph, s, e, sentences, title, text)`,
          [
            key,
            rows.map(([, p]) => p.id),
            rows.map(([, p]) => p.articleId),
            rows.map(([, p]) => p.paragraph),
            rows.map(([, p]) => p.start),
            rows.map(([, p]) => p.end),
            rows.map(([, p]) => `{${p.sentences.flatMap((s) => [s.start, s.end]).join(',')}}`),
            rows.map(([, p]) => kb.articles.get(p.articleId)?.title ?? ''),
            rows.map(([, p]) => p.text),
          ],
        ),
    )
    const facts = [...kb.perArticleFacts]
    await batches(
      facts,
      (done) => onProgress?.({ table: 'facts', done, total: facts.length }),
      (rows) =>
        pool.query(
          'INSERT INTO facts (corpus, article_id, data) SELECT $1, * FROM unnest($2::text[], $3::json[])',
          [key, rows.map(([, [id]]) => id), rows.map(([, [, f]]) => JSON.stringify(f))],
        ),
    )
    await pool.query(
      `UPDATE corpora SET state = 'ready', merged = $2::json, skipped = $3::json, files = $4::json,
         passage_index = $5, indexed_at = now() WHERE key = $1`,
      [
        key,
        JSON.stringify(kb.facts),
        JSON.stringify(kb.skipped),
        JSON.stringify(kb.files),
        Buffer.from(kb.index.encode()),
      ],
    )
    await pool.query('DELETE FROM corpora WHERE corpus_path = $1 AND key <> $2', [kb.corpusPath, key])
  }

  /** The knowledge base stored under `key`, or null when there is none ready. */
  async load(key: string, corpusPath: string, env: ExtractEnv): Promise<KnowledgeBase | null> {
    const head = await this.pool.query<{
      merged: Facts
      skipped: Skipped[]
      files: CorpusFile[]
      passage_index: Buffer
    }>("SELECT merged, skipped, files, passage_index FROM corpora WHERE key = $1 AND state = 'ready'", [key])
    const row = head.rows[0]
    if (!row) return null
    const [a, p, f] = await Promise.all([
      this.pool.query<{ data: Article }>('SELECT data FROM articles WHERE corpus = $1 ORDER BY ord', [key]),
      this.pool.query<{
        id: string
        article_id: string
        paragraph: number
        start_offset: number
        end_offset: number
        sentences: number[]
      }>(
        `SELECT id, article_id, paragraph, start_offset, end_offset, sentences FROM passages WHERE corpus = $1
         ORDER BY article_id, paragraph`,
        [key],
      ),
      this.pool.query<{ article_id: string; data: ArticleFacts }>(
        'SELECT article_id, data FROM facts WHERE corpus = $1',
        [key],
      ),
    ])
    const articles = a.rows.map((r) => r.data)
    const grouped = new Map<string, StoredPassage[]>()
    for (const r of p.rows) {
      const list = grouped.get(r.article_id)
      if (list) list.push({ start: r.start_offset, end: r.end_offset, sentences: r.sentences })
      else grouped.set(r.article_id, [{ start: r.start_offset, end: r.end_offset, sentences: r.sentences }])
    }
    // In the articles' order, as a build makes them.
    const order = new Map(articles.map((x, i) => [x.id, i]))
    return knowledgeBaseFromStore({
      corpusPath,
      env,
      articles,
      passages: [...grouped].sort((x, y) => (order.get(x[0]) ?? -1) - (order.get(y[0]) ?? -1)),
      perArticleFacts: f.rows.map((r) => [r.article_id, r.data] as const),
      facts: row.merged,
      index: row.passage_index,
      skipped: row.skipped,
      files: row.files,
    })
  }

  /** The corpora in the database: key, path, size, state. */
  async corpora(): Promise<{ key: string; corpus_path: string; passages: number; state: string }[]> {
    const r = await this.pool.query(
      'SELECT key, corpus_path, passages, state FROM corpora ORDER BY indexed_at',
    )
    return r.rows
  }

  /** Full-text search over one corpus's passages (see PgSearch). */
  searchBackend(key: string): SearchBackend {
    return new PgSearch(this.pool, key)
  }
}

/**
 * Search in the database: the query's words OR-ed against the tsvector (ranked by ts_rank_cd, as
 * MiniSearch ranks any-word matches), and, when no word matches (a typo), trigram word
 * similarity against the passage text.
 */
export class PgSearch implements SearchBackend {
  readonly name = 'postgresql'

  constructor(
    private readonly pool: pg.Pool,
    private readonly key: string,
  ) {}

  async search(query: string, limit: number): Promise<SearchHit[]> {
    const words = query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
    if (words.length === 0) return []
    const tsquery = [...new Set(words)].map((w) => `'${w}'`).join(' | ')
    const fts = await this.pool.query<{ id: string; score: number }>(
      `SELECT id, ts_rank_cd(tsv, q) AS score FROM passages, to_tsquery('simple', $2) q
       WHERE corpus = $1 AND tsv @@ q ORDER BY score DESC, id LIMIT $3`,
      [this.key, tsquery, limit],
    )
    if (fts.rows.length > 0) return fts.rows
    const fuzzy = await this.pool.query<{ id: string; score: number }>(
      `SELECT id, word_similarity($2, text) AS score FROM passages
       WHERE corpus = $1 AND $2 <% text ORDER BY score DESC, id LIMIT $3`,
      [this.key, words.join(' '), limit],
    )
    return fuzzy.rows
  }
}

/** Runs `insert` over `items` in slices of BATCH_ROWS (each with its position), reporting progress. */
async function batches<T>(
  items: readonly T[],
  progress: (done: number) => void,
  insert: (rows: [number, T][]) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < items.length; i += BATCH_ROWS) {
    const rows = items.slice(i, i + BATCH_ROWS).map((item, k): [number, T] => [i + k, item])
    await insert(rows)
    progress(Math.min(items.length, i + BATCH_ROWS))
  }
  if (items.length === 0) progress(0)
}
