/**
 * The one way into a corpus: files read by their format, records made articles (ids from the
 * record, the file name, or the file name and row number), the same text twice kept once, and
 * an id already taken renamed with a suffix, `meta.originalId` keeping the id it had. The first
 * load, live updates and /reload all assemble through a CorpusAssembler, so they cannot drift.
 */
import { basename, extname } from 'node:path'
import { sentenceSpans } from '../text/segment.ts'
import { type NumericOrder, readDate } from './dates.ts'
import type { RawArticle } from './formats.ts'
import { hashBytes } from './hash.ts'
import { paragraphsOf } from './plain-text.ts'
import { formatOf } from './registry.ts'
import type { Article, Skipped } from './types.ts'

/** The text of an article as twins are compared: whitespace and case folded. */
export function textKey(text: string): string {
  return hashBytes(text.replace(/\s+/g, ' ').toLowerCase())
}

/** A short line found in this many articles or more is the site's furniture, not an article's text. */
export const REPEATED_LINE_ARTICLES = 3
/** Only short lines count: a menu, a tagline, a footer; not a paragraph quoted twice. */
const REPEATED_LINE_MAX_WORDS = 12

/** The lines of a text that may be furniture repeated across articles (list items never). */
function shortLines(text: string): Set<string> {
  const out = new Set<string>()
  for (const line of text.split('\n')) {
    const l = line.trim()
    if (l && !/^(?:[-*•]|\d+[.)])\s/.test(l) && l.split(/\s+/).length <= REPEATED_LINE_MAX_WORDS) out.add(l)
  }
  return out
}

/** The short lines that stand in REPEATED_LINE_ARTICLES records or more. */
export function repeatedLines(records: readonly RawArticle[]): Set<string> {
  const counts = new Map<string, number>()
  for (const r of records) for (const l of shortLines(r.text)) counts.set(l, (counts.get(l) ?? 0) + 1)
  return new Set([...counts].filter(([, n]) => n >= REPEATED_LINE_ARTICLES).map(([l]) => l))
}

/** A text without the given lines; the text as it was if nothing would be left. */
function withoutLines(text: string, lines: ReadonlySet<string>): string {
  if (lines.size === 0) return text
  const kept = text.split('\n').map((l) => (lines.has(l.trim()) ? '' : l))
  const out = paragraphsOf(kept)
  return out.trim() ? out : text
}

/**
 * Resolves records' ambiguous numeric dates by the order their publisher's other dates show
 * (a site writes all its dates one way).
 */
function byPublisherOrder(records: readonly RawArticle[]): RawArticle[] {
  const orders = new Map<string, NumericOrder[]>()
  for (const r of records)
    if (r.source && r.dateOrder)
      orders.set(fold(r.source), [...(orders.get(fold(r.source)) ?? []), r.dateOrder])
  return records.map((r) => {
    if (r.date || !r.ambiguousDate || !r.source) return r
    const seen = new Set(orders.get(fold(r.source)) ?? [])
    const [order] = seen
    if (seen.size !== 1 || !order) return r
    const date = readDate(r.ambiguousDate, { order }).date
    if (!date) return r
    const { dateWarning: _, ...meta } = r.meta
    return { ...r, date, meta: { ...meta, dateOrder: `${order}, as ${r.source} writes its other dates` } }
  })
}

const fold = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()

export class CorpusAssembler {
  readonly #ids = new Set<string>()
  /** Short lines repeated across the corpus's articles: dropped from every article added. */
  #furniture: ReadonlySet<string> = new Set()
  /** Each text key → the id of the article that holds it. */
  readonly #texts = new Map<string, string>()

  /** Starts from articles already in a knowledge base (a live update adds to them). */
  constructor(existing: Iterable<Article> = []) {
    for (const a of existing) this.keep(a)
  }

  /**
   * The articles of many files at once (the first load, a rebuild): lines repeated across
   * articles are learnt as furniture first, and ambiguous dates read in their publisher's order.
   */
  addAll(files: readonly { file: string; records: readonly RawArticle[] }[]): {
    articles: Article[]
    skipped: Skipped[]
  } {
    const all = byPublisherOrder(files.flatMap((f) => f.records))
    this.#furniture = repeatedLines(all)
    const articles: Article[] = []
    const skipped: Skipped[] = []
    let at = 0
    for (const { file, records } of files) {
      const added = this.add(file, all.slice(at, at + records.length))
      at += records.length
      // Loops, not push(...spread): one file can hold more rows than a call takes arguments.
      for (const a of added.articles) articles.push(a)
      for (const s of added.skipped) skipped.push(s)
    }
    return { articles, skipped }
  }

  /**
   * The articles of one file's records that may join the corpus; twins are reported in
   * `skipped`. `file` is the path relative to the corpus root.
   */
  add(file: string, records: readonly RawArticle[]): { articles: Article[]; skipped: Skipped[] } {
    const fileId = basename(file, extname(file))
    const many = records.length > 1 || Boolean(formatOf(extname(file))?.many)
    const articles: Article[] = []
    const skipped: Skipped[] = []
    for (const [n, record] of records.entries()) {
      const article = toArticle(
        { ...record, text: withoutLines(record.text, this.#furniture) },
        many ? `${fileId}-${n + 1}` : fileId,
      )
      const twin = this.#texts.get(textKey(article.text))
      if (twin) {
        skipped.push({ file: record.origin, reason: `same text as article ${twin}` })
        continue
      }
      const id = this.#freeId(article.id)
      if (id !== article.id) {
        article.meta = { ...article.meta, originalId: article.id }
        article.id = id
      }
      this.keep(article)
      articles.push(article)
    }
    return { articles, skipped }
  }

  /** Forgets an article (its file changed or went): its id and text are free again. */
  remove(article: Article): void {
    this.#ids.delete(article.id)
    const key = textKey(article.text)
    if (this.#texts.get(key) === article.id) this.#texts.delete(key)
  }

  /** Marks an article's id and text as taken (it is in the corpus already). */
  keep(a: Article): void {
    this.#ids.add(a.id)
    this.#texts.set(textKey(a.text), a.id)
  }

  #freeId(id: string): string {
    if (!this.#ids.has(id)) return id
    let n = 2
    while (this.#ids.has(`${id}-${n}`)) n++
    return `${id}-${n}`
  }
}

/** A record as an Article: the id from the record or the file, a title inferred when missing. */
export function toArticle(r: RawArticle, fallbackId: string): Article {
  return {
    id: r.id ?? fallbackId,
    title: r.title?.replace(/\s+/g, ' ').trim() || inferTitle(r.text),
    source: r.source,
    author: r.author,
    date: r.date,
    url: r.url,
    text: r.text,
    origin: r.origin,
    meta: r.meta,
  }
}

/** A title from the first sentence, at most about 90 characters, cut at a word. */
export function inferTitle(text: string): string {
  const first = sentenceSpans(text)[0]
  const sentence = first ? text.slice(first.start, first.end) : text
  const flat = sentence.replace(/\s+/g, ' ').trim()
  if (flat.length <= 90) return flat.replace(/[.!?]$/, '')
  return `${flat.slice(0, 90).replace(/\s+\S*$/, '')}…`
}
