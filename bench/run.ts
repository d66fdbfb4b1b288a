/**
 * npm run bench [-- --small | --huge | --sizes 1000,10000] [--queries N] [--heap MB] [--json]
 *
 * For corpora of about 1k, 10k and 100k passages: the build time (from the files, cache empty),
 * the load time from the cache, memory, and the p50/p99 latency of each answer function over a
 * few hundred varied queries, next to a plain MiniSearch with default options. Each size is
 * measured in fresh processes. Checks the targets and exits 1 when one is missed.
 *
 * With DATABASE_URL set, each corpus is also indexed into PostgreSQL and searched there: the two
 * backends side by side (index and load time, search latency, memory). `--huge` (on demand, never
 * in CI: it takes long and needs several GB) measures 1M passages, reporting without targets.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { writeCorpus } from './corpus.ts'
import { COMMANDS, type Latency, type ServeResult, type StoreResult } from './stats.ts'

/** The targets, for the largest corpus (a smaller one must meet them all the more). */
export const TARGETS = {
  p50_ms: 5,
  p99_ms: 50,
  load_ms: 1500,
  build_ms: 20_000,
  rss_mb: 500,
  max_block_ms: 100,
}

export interface SizeResult {
  passages: number
  articles: number
  build_ms: number
  load_ms: number
  rss_mb: number
  max_block_ms: number
  update_ms: number
  commands: ServeResult['commands']
  /** Plain MiniSearch over the same passages in the same run: every figure above has a ratio. */
  baseline: { search: Latency; build_ms: number; load_ms: number }
  /** The same corpus in PostgreSQL; null without DATABASE_URL. */
  postgres: StoreResult | null
  /** The build on one thread and on worker threads (--huge, --workers); null otherwise. */
  parallel: { single_ms: number; workers_ms: number; workers: number } | null
}

interface Check {
  passages: number
  what: string
  value: number
  limit: number
  ok: boolean
}

function parseArgs(argv: string[]) {
  const opt = {
    json: false,
    sizes: [1000, 10_000, 100_000],
    queries: 300,
    targets: true,
    workers: false,
    heapMb: 0,
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--json') opt.json = true
    else if (a === '--small') opt.sizes = [1000]
    else if (a === '--huge') {
      opt.sizes = [1_000_000]
      opt.targets = false
      opt.workers = true
      // A million passages and their facts outgrow V8's default heap (about 4 GB) in one process.
      opt.heapMb ||= 16_384
    } else if (a === '--heap') opt.heapMb = Number(argv[++i])
    else if (a === '--workers') opt.workers = true
    else if (a === '--sizes') opt.sizes = String(argv[++i]).split(',').map(Number)
    else if (a === '--queries') opt.queries = Number(argv[++i])
    else
      throw new Error(
        `bench: unknown option ${a} (--small, --huge, --workers, --sizes N,N, --queries N, --heap MB, --json)`,
      )
  }
  if (opt.sizes.some((n) => !(n > 0)) || !(opt.queries > 0) || !(opt.heapMb >= 0))
    throw new Error('bench: sizes, queries and the heap are positive numbers')
  return opt
}

const ROOT = resolve(import.meta.dirname, '..')

/** The measuring processes' heap limit in MB (--heap; 0: Node's default). */
let heapMb = 0

function child(args: string[], progress: boolean): string {
  const node = heapMb > 0 ? [`--max-old-space-size=${heapMb}`] : []
  try {
    return execFileSync(
      process.execPath,
      [...node, '--import', 'tsx', join(ROOT, 'bench', 'measure.ts'), ...args],
      {
        cwd: ROOT,
        encoding: 'utf8',
        maxBuffer: 16 * 1024 * 1024,
        stdio: ['ignore', 'pipe', progress ? 'inherit' : 'pipe'],
      },
    )
  } catch (e) {
    const stderr = String((e as { stderr?: unknown }).stderr ?? '').trim()
    throw new Error(`bench: measure.ts ${args[0]} failed${stderr ? `:\n${stderr}` : ''}`)
  }
}

function measureSize(
  passages: number,
  queries: number,
  say: (s: string) => void,
  workers: boolean,
): SizeResult {
  const scratch = mkdtempSync(join(tmpdir(), `musalaha-bench-${passages}-`))
  try {
    const corpus = join(scratch, 'corpus')
    const cache = join(scratch, 'cache')
    const from = writeCorpus(corpus, passages)
    say(`${passages} passages (${from}): building…\n`)
    const built = JSON.parse(child(['build', corpus, cache], Boolean(process.stderr.isTTY))) as {
      build_ms: number
      baseline_build_ms: number
      passages: number
      articles: number
    }
    say(`${passages} passages: loading from the cache and querying…\n`)
    const served = JSON.parse(child(['serve', corpus, cache, String(queries)], false)) as ServeResult
    if (!served.from_cache) throw new Error('bench: the second start did not load from the cache')
    let parallel: SizeResult['parallel'] = null
    if (workers) {
      say(`${passages} passages: building on one thread, then on worker threads…\n`)
      parallel = JSON.parse(child(['parallel', corpus], false))
    }
    let postgres: StoreResult | null = null
    if (process.env.DATABASE_URL) {
      say(`${passages} passages: indexing into PostgreSQL and searching there…\n`)
      postgres = JSON.parse(child(['store', corpus, cache, String(queries)], false)) as StoreResult
    }
    return {
      passages: built.passages,
      articles: built.articles,
      build_ms: built.build_ms,
      load_ms: served.load_ms,
      rss_mb: served.rss_mb,
      max_block_ms: served.max_block_ms,
      update_ms: served.update_ms,
      commands: served.commands,
      baseline: { ...served.baseline, build_ms: built.baseline_build_ms },
      postgres,
      parallel,
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

function checks(sizes: SizeResult[]): Check[] {
  const out: Check[] = []
  const check = (s: SizeResult, what: string, value: number, limit: number) =>
    out.push({ passages: s.passages, what, value, limit, ok: value < limit })
  for (const s of sizes) {
    for (const name of COMMANDS) {
      const l = s.commands[name]
      if (!l) continue
      check(s, `${name} p50 ms`, l.p50_ms, TARGETS.p50_ms)
      check(s, `${name} p99 ms`, l.p99_ms, TARGETS.p99_ms)
    }
    check(s, 'cached load ms', s.load_ms, TARGETS.load_ms)
    check(s, 'build ms', s.build_ms, TARGETS.build_ms)
    check(s, 'RSS MB', s.rss_mb, TARGETS.rss_mb)
    check(s, 'longest event-loop block after ready, ms', s.max_block_ms, TARGETS.max_block_ms)
  }
  return out
}

export function machine(): string {
  const gib = Math.round(totalmem() / 1024 ** 3)
  return `${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${gib} GiB, Node ${process.version}`
}

/** Ours over the baseline's, e.g. 0.25 (four times faster). */
function ratio(ours: number, theirs: number): string {
  return theirs > 0 ? (ours / theirs).toFixed(2) : '–'
}

/** The table for people (Markdown, so that it goes into the README as it is). */
export function table(sizes: SizeResult[]): string {
  const present = COMMANDS.filter((c) => sizes.some((s) => s.commands[c]))
  const lat = (l: Latency | undefined) => (l ? `${l.p50_ms} / ${l.p99_ms}` : '–')
  const head = [
    'passages',
    'build',
    'cached load',
    'RSS',
    ...present.map((c) => `${c} p50 / p99`),
    'plain MiniSearch build / load',
    'plain MiniSearch p50 / p99',
    'live update',
    'longest block',
  ]
  const rows = sizes.map((s) => [
    s.passages.toLocaleString('en'),
    `${(s.build_ms / 1000).toFixed(1)} s`,
    `${s.load_ms} ms`,
    `${s.rss_mb} MB`,
    ...present.map((c) => `${lat(s.commands[c])} ms`),
    `${(s.baseline.build_ms / 1000).toFixed(1)} s / ${s.baseline.load_ms} ms (×${ratio(s.build_ms, s.baseline.build_ms)} / ×${ratio(s.load_ms, s.baseline.load_ms)})`,
    `${lat(s.baseline.search)} ms`,
    `${s.update_ms} ms`,
    `${s.max_block_ms} ms`,
  ])
  return [head, head.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n')
}

/** In memory and in PostgreSQL side by side (Markdown). */
export function backendsTable(sizes: SizeResult[]): string {
  const head = [
    'passages',
    'backend',
    'index / build',
    'load',
    'search p50 / p99 (top 10)',
    'process RSS',
    'database',
  ]
  const rows: string[][] = []
  for (const s of sizes) {
    const pg = s.postgres
    if (!pg) continue
    const n = s.passages.toLocaleString('en')
    rows.push([
      n,
      'memory (MiniSearch)',
      `${(s.build_ms / 1000).toFixed(1)} s`,
      `${s.load_ms} ms (file cache)`,
      `${pg.memory_search.p50_ms} / ${pg.memory_search.p99_ms} ms`,
      `${s.rss_mb} MB`,
      '–',
    ])
    rows.push([
      n,
      'PostgreSQL',
      `+${(pg.index_ms / 1000).toFixed(1)} s`,
      `${pg.load_ms} ms`,
      `${pg.search.p50_ms} / ${pg.search.p99_ms} ms`,
      `${pg.rss_mb} MB`,
      `${pg.database_mb} MB`,
    ])
  }
  return [head, head.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n')
}

function main(): number {
  const opt = parseArgs(process.argv.slice(2))
  heapMb = opt.heapMb
  const say = (s: string) => {
    if (!opt.json) process.stderr.write(s)
  }
  const sizes = opt.sizes.map((n) => measureSize(n, opt.queries, say, opt.workers))
  const results = opt.targets ? checks(sizes) : []
  const failed = results.filter((c) => !c.ok)
  if (opt.json) {
    console.log(JSON.stringify({ machine: machine(), sizes, checks: results }, null, 2))
  } else {
    console.log(`\n${table(sizes)}\n\n${machine()}; ${opt.queries} queries per command.\n`)
    console.log(
      sizes.some((s) => s.postgres)
        ? `In memory and in PostgreSQL:\n\n${backendsTable(sizes)}\n`
        : 'PostgreSQL: not measured (set DATABASE_URL to put each corpus in the database too).\n',
    )
    for (const s of sizes)
      if (s.parallel)
        console.log(
          `Build from loaded articles, ${s.passages} passages: ${(s.parallel.single_ms / 1000).toFixed(1)} s on one thread, ${(s.parallel.workers_ms / 1000).toFixed(1)} s on ${s.parallel.workers} worker threads.\n`,
        )
    for (const c of results)
      if (!c.ok || c.passages === Math.max(...sizes.map((s) => s.passages)))
        console.log(`${c.ok ? 'ok  ' : 'FAIL'} ${c.passages} passages: ${c.what} ${c.value} < ${c.limit}`)
    console.log(
      failed.length === 0
        ? `\nbench: all ${results.length} targets met`
        : `\nbench: ${failed.length} targets missed`,
    )
  }
  return failed.length === 0 ? 0 : 1
}

try {
  process.exitCode = main()
} catch (e) {
  console.error((e as Error).message)
  process.exitCode = 1
}
