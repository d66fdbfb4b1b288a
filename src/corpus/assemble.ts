/**
 * The one way into a corpus: files read by their format, records made articles (ids from the
 * record, the file name, or the file name and row number), the same text twice kept once, and
 * an id already taken renamed with a suffix, `meta.originalId` keeping the id it had. The first
 * load, live updates and /reload all assemble through a CorpusAssembler, so they cannot drift.
 */
import { basename, extname } from 'node:path'
import { sentenceSpans } from '../text/segment.ts'
import type { RawArticle } from './formats.ts'
import { hashBytes } from './hash.ts'
import { formatOf } from './registry.ts'
import type { Article, Skipped } from './types.ts'

/** The text of an article as twins are compared: whitespace and case folded. */
export function textKey(text: string): string {
  return hashBytes(text.replace(/\s+/g, ' ').toLowerCase())
}

export class CorpusAssembler {
  readonly #ids = new Set<string>()
  /** Each text key → the id of the article that holds it. */
  readonly #texts = new Map<string, string>()

  /** Starts from articles already in a knowledge base (a live update adds to them). */
  constructor(existing: Iterable<Article> = []) {
    for (const a of existing) this.keep(a)
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
      const article = toArticle(record, many ? `${fileId}-${n + 1}` : fileId)
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
