import { existsSync, type FSWatcher, readFileSync, statSync, watch } from 'node:fs'
import { basename, dirname, relative, resolve } from 'node:path'
import { CorpusAssembler } from '../corpus/assemble.ts'
import { type CorpusFile, type FileRead, hashBytes, listCorpusFiles, readCorpusFile } from '../corpus/load.ts'
import type { Article, Passage, Skipped } from '../corpus/types.ts'
import { ALIASES_FILE, loadAliases } from '../extract/aliases.ts'
import { type ArticleFacts, extractArticleFacts } from '../extract/facts.ts'
import type { KnowledgeSource } from './holder.ts'
import {
  addArticle,
  buildKnowledgeBaseAsync,
  type KnowledgeBase,
  refreshFacts,
  removeArticle,
  segmentArticle,
} from './knowledge-base.ts'
import { CorpusError, type OpenOptions, openKnowledgeBase } from './open.ts'

/** Changes are applied this long after the last file event: an editor's save is several events. */
export const DEFAULT_DEBOUNCE_MS = 300
/**
 * A change to more articles than this at once (a large file dropped in) is applied by a full
 * rebuild in the background rather than in one step, which would hold up answers.
 */
const MAX_STEP_ARTICLES = 500
/** Background work runs this long before it lets the event loop answer. */
const SLICE_MS = 25

export interface LiveOptions extends OpenOptions {
  debounceMs?: number
  /** Hears of each update applied, with what it cost. */
  onUpdate?: (update: LiveUpdate) => void
  /** Hears of an update that failed (the previous knowledge base stays in use). */
  onError?: (error: Error) => void
}

export interface LiveUpdate {
  kind: 'files' | 'reload'
  /** The corpus files that changed (relative to the corpus folder). */
  files: string[]
  added: number
  removed: number
  articles: number
  passages: number
  ms: number
}

/** What the live corpus remembers of a file, to tell whether it changed. */
interface FileState {
  mtimeMs: number
  size: number
  hash: string | null
}

/** An article read from a file, before it is indexed: everything costly done, nothing changed yet. */
interface Prepared {
  article: Article
  passages: Passage[]
  facts: ArticleFacts
}

/**
 * A corpus folder that keeps its knowledge base up to date while the bot runs: a file added,
 * changed or removed is read, its articles prepared (segmented, facts extracted) and then put
 * in place in one synchronous step, so an answer (always synchronous) sees the corpus before or
 * after the change, never halfway. One article costs milliseconds; `reload()` rebuilds all in
 * the background and swaps the new knowledge base in when it is whole.
 *
 * The knowledge base object is replaced (a shallow copy) after each update, so that anything
 * cached per knowledge base (a WeakMap keyed on it) is not reused across versions.
 */
export class LiveCorpus implements KnowledgeSource {
  #kb: KnowledgeBase
  readonly #options: LiveOptions
  readonly #root: string
  #files = new Map<string, FileState>()
  /** The ids and texts taken: the same rules as the first load (twins skipped, clashing ids renamed). */
  #assembler = new CorpusAssembler()
  /** The articles each file holds, by the file's path relative to the root. */
  readonly #articlesOf = new Map<string, string[]>()
  #watcher: FSWatcher | null = null
  #timer: NodeJS.Timeout | null = null
  #running: Promise<void> = Promise.resolve()
  #closed = false

  constructor(kb: KnowledgeBase, options: LiveOptions) {
    this.#kb = kb
    this.#options = options
    this.#root = rootOf(kb.corpusPath)
    this.#remember(kb)
    for (const file of this.#list()) this.#files.set(file, this.#stateOf(file, this.#hashFrom(kb, file)))
    // Hashing every text takes a while on a large corpus: in slices, before any update.
    void this.#enqueue(() => this.#hashTexts(kb))
  }

  current(): KnowledgeBase {
    return this.#kb
  }

  /** Watches the corpus folder from now on. */
  watch(): this {
    const target = statSync(this.#kb.corpusPath).isDirectory()
      ? this.#kb.corpusPath
      : dirname(this.#kb.corpusPath)
    try {
      this.#watcher = watch(target, { recursive: true }, () => this.#schedule())
      this.#watcher.on('error', (e) => this.#options.onError?.(e))
    } catch (e) {
      this.#options.onError?.(e as Error)
    }
    return this
  }

  close(): void {
    this.#closed = true
    this.#watcher?.close()
    if (this.#timer) clearTimeout(this.#timer)
  }

  /** Compares the folder with what was read and applies the difference now (also what a file event does). */
  sync(): Promise<void> {
    return this.#enqueue(() => this.#applyChanges())
  }

  /** Rebuilds the whole knowledge base from the corpus, in the background, and swaps it in. */
  async reload(): Promise<{ articles: number; passages: number; ms: number }> {
    let result = { articles: 0, passages: 0, ms: 0 }
    await this.#enqueue(async () => {
      result = await this.#rebuild([])
    })
    return result
  }

  #schedule(): void {
    if (this.#closed) return
    if (this.#timer) clearTimeout(this.#timer)
    this.#timer = setTimeout(() => {
      this.#timer = null
      void this.sync()
    }, this.#options.debounceMs ?? DEFAULT_DEBOUNCE_MS)
  }

  /** One update at a time, in order; a failed one leaves the knowledge base as it was. */
  #enqueue(work: () => Promise<void> | void): Promise<void> {
    const next = this.#running.then(work).catch((e: unknown) => {
      this.#options.onError?.(e instanceof Error ? e : new Error(String(e)))
    })
    this.#running = next
    return next
  }

  #list(): string[] {
    if (!existsSync(this.#kb.corpusPath)) return []
    return listCorpusFiles(this.#kb.corpusPath).map((f) => relative(this.#root, f))
  }

  #stateOf(file: string, hash: string | null): FileState {
    try {
      const st = statSync(resolve(this.#root, file))
      return { mtimeMs: st.mtimeMs, size: st.size, hash }
    } catch {
      return { mtimeMs: 0, size: -1, hash }
    }
  }

  #hashFrom(kb: KnowledgeBase, file: string): string | null {
    return kb.files.find((f) => f.path === file)?.hash ?? null
  }

  async #hashTexts(kb: KnowledgeBase): Promise<void> {
    const assembler = new CorpusAssembler()
    let slice = performance.now()
    for (const a of kb.articles.values()) {
      assembler.keep(a)
      if (performance.now() - slice > SLICE_MS) {
        await new Promise((r) => setImmediate(r))
        slice = performance.now()
      }
    }
    this.#assembler = assembler
  }

  /** Which file each article came from (a row's origin is `file:line`). */
  #remember(kb: KnowledgeBase): void {
    this.#articlesOf.clear()
    const files = new Set(kb.files.map((f) => f.path))
    for (const a of kb.articles.values()) {
      const file = files.has(a.origin) ? a.origin : a.origin.replace(/:\d+$/, '')
      const list = this.#articlesOf.get(file) ?? []
      list.push(a.id)
      this.#articlesOf.set(file, list)
    }
  }

  async #applyChanges(): Promise<void> {
    if (this.#closed) return
    const started = performance.now()
    const now = this.#list()
    const changed: string[] = []
    for (const file of now) {
      const before = this.#files.get(file)
      const st = this.#stateOf(file, before?.hash ?? null)
      if (before && before.mtimeMs === st.mtimeMs && before.size === st.size) continue
      let hash: string | null = null
      try {
        hash = hashBytes(readFileSync(resolve(this.#root, file)))
      } catch {
        // Removed between the listing and now: the next event sees it gone.
      }
      this.#files.set(file, { ...st, hash })
      if (!before || before.hash !== hash) changed.push(file)
    }
    const listed = new Set(now)
    const removed = [...this.#files.keys()].filter((f) => !listed.has(f))
    for (const f of removed) this.#files.delete(f)
    const touched = [...changed, ...removed]
    if (touched.length === 0) return
    if (touched.some((f) => basename(f).toLowerCase() === ALIASES_FILE)) {
      await this.#rebuild(touched)
      return
    }
    // Everything costly first, on the side: read, segment, extract.
    const reads = changed.map((file) => ({ file, read: this.#read(file) }))
    const incoming = reads.reduce((n, r) => n + r.read.records.length, 0)
    if (incoming > MAX_STEP_ARTICLES) {
      await this.#rebuild(touched)
      return
    }
    const kb = this.#kb
    const prepared = this.#prepare(kb, touched, reads)
    // Then the swap, in one synchronous step.
    let added = 0
    let dropped = 0
    /** The articles removed or added: only the facts they touch are merged again. */
    const changedIds = new Set<string>()
    for (const file of touched) {
      for (const id of this.#articlesOf.get(file) ?? []) {
        removeArticle(kb, id)
        changedIds.add(id)
        dropped++
      }
      this.#articlesOf.delete(file)
      kb.files = kb.files.filter((f) => f.path !== file)
      kb.skipped = kb.skipped.filter((s) => s.file !== file && !s.file.startsWith(`${file}:`))
    }
    for (const { file, articles, skipped, hash } of prepared) {
      const ids: string[] = []
      for (const p of articles) {
        addArticle(kb, p.article, p.passages, p.facts)
        ids.push(p.article.id)
        changedIds.add(p.article.id)
        added++
      }
      this.#articlesOf.set(file, ids)
      if (hash) kb.files.push({ path: file, hash })
      for (const s of skipped) kb.skipped.push(s)
    }
    refreshFacts(kb, changedIds)
    this.#kb = { ...kb }
    this.#options.onUpdate?.({
      kind: 'files',
      files: touched,
      added,
      removed: dropped,
      articles: kb.articles.size,
      passages: kb.passages.size,
      ms: performance.now() - started,
    })
  }

  #read(file: string) {
    return readCorpusFile(resolve(this.#root, file), this.#root, loadOptions(this.#options))
  }

  /**
   * The touched files' old articles leave the assembler and the changed files' records join it
   * (twins skipped, clashing ids renamed, as on the first load); each new article is segmented
   * and its facts extracted. Nothing in the knowledge base changes yet.
   */
  #prepare(
    kb: KnowledgeBase,
    touched: string[],
    reads: { file: string; read: FileRead }[],
  ): { file: string; articles: Prepared[]; skipped: Skipped[]; hash: string | null }[] {
    try {
      for (const file of touched)
        for (const id of this.#articlesOf.get(file) ?? []) {
          const article = kb.articles.get(id)
          if (article) this.#assembler.remove(article)
        }
      return reads.map(({ file, read }) => {
        const assembled = this.#assembler.add(file, read.records)
        const articles = assembled.articles.map((article) => {
          const passages = segmentArticle(article)
          return { article, passages, facts: extractArticleFacts(article, passages, kb.env) }
        })
        return { file, articles, skipped: [...read.skipped, ...assembled.skipped], hash: read.hash }
      })
    } catch (e) {
      // The knowledge base stays as it was: so must what the assembler knows of it.
      this.#assembler = new CorpusAssembler(kb.articles.values())
      throw e
    }
  }

  /** A full rebuild, built beside the current knowledge base and swapped in when whole. */
  async #rebuild(files: string[]): Promise<{ articles: number; passages: number; ms: number }> {
    const started = performance.now()
    const corpusPath = this.#kb.corpusPath
    if (!existsSync(corpusPath)) throw new CorpusError(`corpus not found: ${corpusPath}`)
    const env = { aliases: loadAliases(corpusPath) }
    const articles: Article[] = []
    const skipped: Skipped[] = []
    const corpusFiles: CorpusFile[] = []
    const assembler = new CorpusAssembler()
    const states = new Map<string, FileState>()
    const reads: { file: string; records: FileRead['records'] }[] = []
    for (const file of this.#list()) {
      const read = this.#read(file)
      skipped.push(...read.skipped)
      if (read.hash) corpusFiles.push({ path: file, hash: read.hash })
      states.set(file, this.#stateOf(file, read.hash))
      reads.push({ file, records: read.records })
      await new Promise((r) => setImmediate(r))
    }
    const added = assembler.addAll(reads)
    articles.push(...added.articles)
    skipped.push(...added.skipped)
    const kb = await buildKnowledgeBaseAsync({ corpusPath, articles, skipped, files: corpusFiles, env })
    this.#kb = kb
    this.#files = states
    this.#assembler = assembler
    this.#remember(kb)
    const ms = performance.now() - started
    this.#options.onUpdate?.({
      kind: 'reload',
      files,
      added: kb.articles.size,
      removed: 0,
      articles: kb.articles.size,
      passages: kb.passages.size,
      ms,
    })
    return { articles: kb.articles.size, passages: kb.passages.size, ms }
  }
}

/** The folder file paths are relative to: the corpus folder, or the folder of a corpus file. */
function rootOf(corpusPath: string): string {
  return statSync(corpusPath).isDirectory() ? corpusPath : dirname(corpusPath)
}

function loadOptions(options: LiveOptions) {
  return {
    ...(options.columns ? { columns: options.columns } : {}),
    ...(options.maxFileBytes ? { maxFileBytes: options.maxFileBytes } : {}),
  }
}

/**
 * Opens the corpus (from the cache when it can) and keeps it up to date while the process runs.
 * Throws CorpusError when the corpus path does not exist, as openKnowledgeBase does.
 */
export function openLiveCorpus(options: LiveOptions): LiveCorpus {
  const { kb } = openKnowledgeBase(options)
  return new LiveCorpus(kb, options).watch()
}
