/**
 * One measurement, in a process of its own (so that memory and load time are a fresh process's):
 *   measure.ts build <corpus> <cache>            → { build_ms, passages, articles }
 *   measure.ts serve <corpus> <cache> <queries>  → load, latencies, memory, a live update, baseline
 *   measure.ts store <corpus> <cache> <queries>  → the same corpus in PostgreSQL ($DATABASE_URL):
 *     indexing time, load time, search latency in the database next to in memory, memory
 *   measure.ts parallel <corpus>                 → the build on one thread and on worker threads
 * Prints one JSON line on standard output; a progress bar on standard error when it is a terminal.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { Worker } from 'node:worker_threads'
import MiniSearch from 'minisearch'
import { progressBar } from '../src/cli/run.ts'
import { loadCorpus } from '../src/corpus/load.ts'
import type { Passage } from '../src/corpus/types.ts'
import { loadAliases } from '../src/extract/aliases.ts'
import { type ArticleFacts, mergeFacts } from '../src/extract/facts.ts'
import { buildKnowledgeBase, type KnowledgeBase } from '../src/knowledge/knowledge-base.ts'
import { LiveCorpus, type LiveUpdate } from '../src/knowledge/live.ts'
import { openKnowledgeBase } from '../src/knowledge/open.ts'
import { IndexBuilder } from '../src/knowledge/passage-index.ts'
import { memorySearch } from '../src/knowledge/search-backend.ts'
import { openFromDatabase } from '../src/store/open-store.ts'
import { PgStore } from '../src/store/pg-store.ts'
import { makeQueries, type QuerySet } from './queries.ts'
import {
  COMMANDS,
  type CommandName,
  type Latency,
  latency,
  type ServeResult,
  type StoreResult,
} from './stats.ts'

type Answer = (kb: KnowledgeBase, query: string) => unknown

/** The answer functions that exist now (others are being written while this runs). */
async function answerFunctions(): Promise<Partial<Record<CommandName, Answer>>> {
  const out: Partial<Record<CommandName, Answer>> = {}
  for (const name of COMMANDS) {
    const file = join(import.meta.dirname, '..', 'src', 'answers', `${name}.ts`)
    if (!existsSync(file)) continue
    const mod = (await import(file)) as Record<string, unknown>
    const fn = mod[name]
    if (typeof fn === 'function') out[name] = fn as Answer
  }
  return out
}

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve))

/** Times each query in a macrotask of its own, as the bot runs each interaction. */
async function time(queries: readonly string[], run: (q: string) => unknown): Promise<number[]> {
  const times: number[] = []
  for (const q of queries) {
    await nextTick()
    const t = performance.now()
    run(q)
    times.push(performance.now() - t)
  }
  return times
}

/** The baseline: MiniSearch with its default options, over the same passages and titles. */
const PLAIN_OPTIONS = { fields: ['text', 'title'] }
const plainFile = (cache: string) => join(cache, 'plain-minisearch.json')

function plainDocs(kb: KnowledgeBase) {
  return [...kb.passages.values()].map((p) => ({
    id: p.id,
    text: p.text,
    title: kb.articles.get(p.articleId)?.title ?? '',
  }))
}

async function build(corpus: string, cache: string): Promise<void> {
  const opened = openKnowledgeBase({
    corpusPath: corpus,
    cacheDir: cache,
    ...(process.stderr.isTTY ? { onProgress: progressBar((s) => process.stderr.write(s)) } : {}),
  })
  const { kb } = opened
  // The baseline's build: its own addAll, and its own cache (its JSON form), for the same passages.
  const docs = plainDocs(kb)
  const t = performance.now()
  const plain = new MiniSearch(PLAIN_OPTIONS)
  plain.addAll(docs)
  writeFileSync(plainFile(cache), JSON.stringify(plain))
  const baseline_build_ms = Math.round(performance.now() - t)
  console.log(
    JSON.stringify({
      build_ms: Math.round(opened.ms),
      baseline_build_ms,
      passages: kb.passages.size,
      articles: kb.articles.size,
    }),
  )
}

async function serve(corpus: string, cache: string, count: number): Promise<void> {
  const answers = await answerFunctions()
  const opened = openKnowledgeBase({ corpusPath: corpus, cacheDir: cache })
  // The baseline's cached load, in this same fresh process, after ours.
  const t = performance.now()
  const plain = MiniSearch.loadJSON(readFileSync(plainFile(cache), 'utf8'), PLAIN_OPTIONS)
  const baseline_load_ms = Math.round(performance.now() - t)
  let lastUpdate: LiveUpdate | null = null
  const live = new LiveCorpus(opened.kb, {
    corpusPath: corpus,
    cacheDir: null,
    onUpdate: (u) => {
      lastUpdate = u
    },
  })
  await live.sync() // the live corpus's own start-up work, before the bot says it is ready
  // Ready: from here on, nothing may hold the event loop for long.
  const delay = monitorEventLoopDelay({ resolution: 5 })
  delay.enable()
  const queries: QuerySet = makeQueries(live.current(), count)
  const commands: Partial<Record<CommandName, Latency>> = {}
  for (const name of COMMANDS) {
    const fn = answers[name]
    if (fn) commands[name] = latency(await time(queries[name], (q) => fn(live.current(), q)))
  }
  // A new article dropped into the corpus while the bot runs (what a file event triggers).
  writeFileSync(
    join(corpus, 'zz-live-update.txt'),
    'Benchmark live update\n\nA new article about the Wadi Barada reconciliation agreement, added while the bot runs.\n',
  )
  await live.sync()
  const update = lastUpdate as LiveUpdate | null
  if (!update || !live.current().articles.has('zz-live-update'))
    throw new Error('bench: the live update was not applied')
  await nextTick()
  delay.disable()
  // The serving footprint is what stays after a collection: without one, RSS also counts the
  // garbage of the cache load (the parsed JSON), which V8 frees whenever it next collects.
  setFlagsFromString('--expose-gc')
  const gc = runInNewContext('gc') as () => void
  gc()
  await nextTick() // lets the sweeper hand the freed pages back
  gc()
  const rss_mb = Math.round(process.memoryUsage().rss / 1024 / 1024)

  const baseline = {
    search: latency(await time(queries.search, (q) => plain.search(q))),
    load_ms: baseline_load_ms,
  }

  const result: ServeResult = {
    passages: opened.kb.passages.size,
    load_ms: Math.round(opened.ms),
    from_cache: opened.fromCache,
    rss_mb,
    commands,
    baseline,
    max_block_ms: Math.round(delay.max / 1e6),
    update_ms: Math.round(update.ms * 10) / 10,
  }
  console.log(JSON.stringify(result))
}

/** Times each query awaited in turn (a database answers asynchronously). */
async function timeAsync(
  queries: readonly string[],
  run: (q: string) => Promise<unknown>,
): Promise<number[]> {
  const times: number[] = []
  for (const q of queries) {
    const t = performance.now()
    await run(q)
    times.push(performance.now() - t)
  }
  return times
}

async function store(corpus: string, cache: string, count: number): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL
  if (!databaseUrl) throw new Error('measure.ts store: DATABASE_URL is not set')
  // Indexing into the database: the knowledge base comes from the file cache (built by `build`),
  // so this is the database's own share, the writing in batches.
  const indexed = await openFromDatabase({ corpusPath: corpus, cacheDir: cache, databaseUrl })
  if (!indexed.indexed) throw new Error('bench: the corpus was already in the database')
  const loaded = await openFromDatabase({ corpusPath: corpus, cacheDir: cache, databaseUrl })
  const kb = loaded.kb
  const queries = makeQueries(kb, count).search
  const db = new PgStore(databaseUrl)
  try {
    const pgSearch = db.searchBackend(loaded.key)
    const memory = memorySearch(kb)
    const result: StoreResult = {
      index_ms: Math.round(indexed.ms),
      load_ms: Math.round(loaded.ms),
      search: latency(await timeAsync(queries, (q) => pgSearch.search(q, 10))),
      memory_search: latency(await timeAsync(queries, (q) => memory.search(q, 10))),
      rss_mb: Math.round(process.memoryUsage().rss / 1024 / 1024),
      database_mb: Math.round(
        Number((await db.pool.query('SELECT pg_database_size(current_database()) AS n')).rows[0]?.n ?? 0) /
          1024 /
          1024,
      ),
    }
    await db.pool.query('DELETE FROM corpora WHERE key = $1', [loaded.key])
    console.log(JSON.stringify(result))
  } finally {
    await db.close()
  }
}

/**
 * The build from loaded articles on one thread, then with worker threads on every core: the
 * workers segment the articles and extract their facts (most of a build), this thread indexes
 * the passages and merges the facts. Node's own worker_threads: a pool library adds nothing for
 * one batch of equal chunks. Both builds must give the same knowledge base.
 */
async function parallel(corpus: string): Promise<void> {
  const env = { aliases: loadAliases(corpus) }
  const loaded = loadCorpus(corpus)
  const input = { corpusPath: corpus, ...loaded, env }
  let t = performance.now()
  const single = buildKnowledgeBase(input)
  const single_ms = Math.round(performance.now() - t)
  const workers = availableParallelism()
  t = performance.now()
  const size = Math.ceil(loaded.articles.length / workers)
  const chunks = Array.from({ length: workers }, (_, i) => loaded.articles.slice(i * size, (i + 1) * size))
  const results = await Promise.all(
    chunks.map(
      (articles) =>
        new Promise<{ passages: Passage[]; facts: ArticleFacts }[]>((done, fail) => {
          const worker = new Worker(new URL('./build-worker.mjs', import.meta.url), {
            workerData: { articles, env },
          })
          worker.once('message', (m) => {
            done(m)
            void worker.terminate()
          })
          worker.once('error', fail)
        }),
    ),
  )
  const passages = new Map<string, Passage>()
  const passagesByArticle = new Map<string, Passage[]>()
  const perArticleFacts = new Map<string, ArticleFacts>()
  const builder = new IndexBuilder()
  for (const [c, chunk] of chunks.entries())
    for (const [i, article] of chunk.entries()) {
      const r = results[c]?.[i]
      if (!r) throw new Error('bench: a worker returned too few articles')
      passagesByArticle.set(article.id, r.passages)
      perArticleFacts.set(article.id, r.facts)
      for (const p of r.passages) {
        passages.set(p.id, p)
        builder.add({ id: p.id, text: p.text, title: article.title })
      }
    }
  const index = builder.finish()
  const facts = mergeFacts(perArticleFacts, env)
  const workers_ms = Math.round(performance.now() - t)
  const same =
    index.documentCount === single.index.documentCount &&
    JSON.stringify(facts) === JSON.stringify(single.facts) &&
    passages.size === single.passages.size
  if (!same) throw new Error('bench: the parallel build differs from the single-threaded one')
  console.log(JSON.stringify({ single_ms, workers_ms, workers, passages: passages.size }))
}

const [mode, corpus, cache, count] = process.argv.slice(2)
if (mode === 'parallel' && corpus) await parallel(corpus)
else if (!corpus || !cache) throw new Error('usage: measure.ts build|serve|store <corpus> <cache> [queries]')
else if (mode === 'build') await build(corpus, cache)
else if (mode === 'serve') await serve(corpus, cache, Number(count ?? 300))
else if (mode === 'store') await store(corpus, cache, Number(count ?? 300))
else throw new Error(`measure.ts: unknown mode ${mode}`)
