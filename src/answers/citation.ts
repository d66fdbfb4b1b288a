import type { Passage, Span } from '../corpus/types.ts'
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts'

/** Where a quote comes from: DESIGN.md's Citation. `quote` stands verbatim in the article. */
export interface Citation {
  article: string
  title: string
  source: string | null
  author: string | null
  date: string | null
  url: string | null
  /** 1-based paragraph of the cleaned article. */
  paragraph: number
  /** Verbatim (whitespace aside); shortened with '…' at its ends where it was cut. */
  quote: string
}

/** Quotes are cut to about this many characters. */
export const QUOTE_CHARS = 400

/**
 * A verbatim quote of `text[span]`, whitespace flattened, cut at a word near `max` characters
 * with '…' where it was cut.
 */
export function quoteOf(
  text: string,
  span: Span = { start: 0, end: text.length },
  max = QUOTE_CHARS,
): string {
  // Only the first `max` characters are quoted: a long span's head, flattened, is a prefix of the
  // whole span flattened, so when it is already longer than `max` it gives the same quote.
  span = afterListMarker(text, span)
  const head = span.start + 2 * max
  if (head < span.end) {
    const flatHead = text.slice(span.start, head).replace(/\s+/g, ' ').trim()
    if (flatHead.length > max) return cutQuote(flatHead, max)
  }
  const flat = text.slice(span.start, span.end).replace(/\s+/g, ' ').trim()
  return flat.length <= max ? flat : cutQuote(flat, max)
}

/**
 * A list item's marker is the reader's way of keeping an HTML or Markdown item an item, not the
 * article's words: a quote starts after it, so that it stands verbatim in the page as published.
 */
const LIST_MARKER = /\s*(?:[-•*‣▪◦]|\d{1,2}[.)])\s+(?=\S)/y

function afterListMarker(text: string, span: Span): Span {
  LIST_MARKER.lastIndex = span.start
  const m = LIST_MARKER.exec(text)
  return m && LIST_MARKER.lastIndex < span.end ? { start: LIST_MARKER.lastIndex, end: span.end } : span
}

function cutQuote(flat: string, max: number): string {
  // Never between the two halves of a surrogate pair (an emoji, an astral letter).
  const cut = flat.slice(0, /[\uD800-\uDBFF]/.test(flat[max - 1] ?? '') ? max - 1 : max)
  const space = cut.lastIndexOf(' ')
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/, '')}…`
}

/** The citation of a passage, quoting `span` of the article (default: the whole passage). */
export function cite(kb: KnowledgeBase, passage: Passage, span?: Span, max = QUOTE_CHARS): Citation {
  const article = kb.articles.get(passage.articleId)
  if (!article) throw new Error(`citation: article ${passage.articleId} is not in the knowledge base`)
  return {
    article: article.id,
    title: article.title,
    source: article.source,
    author: article.author,
    date: article.date,
    url: article.url,
    paragraph: passage.paragraph,
    quote: quoteOf(article.text, span ?? { start: passage.start, end: passage.end }, max),
  }
}

/** The passage that holds a character offset of an article. */
export function passageAt(kb: KnowledgeBase, articleId: string, offset: number): Passage | undefined {
  return kb.passagesByArticle.get(articleId)?.find((p) => p.start <= offset && offset < p.end)
}
