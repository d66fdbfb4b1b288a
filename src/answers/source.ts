import type { Article } from '../corpus/types.ts'
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts'
import { cleanQuery, shownQuery } from '../text/query.ts'
import { type Citation, cite } from './citation.ts'
import { nameScore } from './resolve.ts'

/** An article's particulars (see Article) and how many paragraphs it has. */
export interface ArticleInfo extends Pick<Article, 'id' | 'title' | 'source' | 'author' | 'date' | 'url'> {
  paragraphs: number
}

export interface SourceAnswer {
  command: 'source'
  query: string
  article: ArticleInfo | null
  /** The paragraph asked for, or all of them. */
  passages: { paragraph: number; text: string; citation: Citation }[]
  /** Articles the query might have meant, when it named none exactly. */
  suggestions: string[]
  /** Why nothing is shown, when nothing is. */
  notice: string | null
}

export function articleInfo(kb: KnowledgeBase, a: Article): ArticleInfo {
  const { id, title, source, author, date, url } = a
  return { id, title, source, author, date, url, paragraphs: kb.passagesByArticle.get(id)?.length ?? 0 }
}

/** The article a query names: its id, a unique id prefix, or its title (words, in any spelling). */
export function resolveArticle(
  kb: KnowledgeBase,
  query: string,
): { article: Article | null; suggestions: Article[] } {
  const q = cleanQuery(query)
  const exact = kb.articles.get(q)
  if (exact) return { article: exact, suggestions: [] }
  const all = [...kb.articles.values()]
  const byPrefix = q ? all.filter((a) => a.id.startsWith(q)) : []
  if (byPrefix.length === 1) return { article: byPrefix[0] ?? null, suggestions: [] }
  const scored = all
    .map((a) => ({ a, s: nameScore(q, { name: a.title, variants: [a.id] }) }))
    .filter((x) => x.s > 0)
    .sort((x, y) => y.s - x.s)
  const [top, next] = scored
  // A title named exactly, or by a prefix or phrase no other title shares, is the article meant.
  if (top && top.s >= 2 && (!next || next.s < top.s)) return { article: top.a, suggestions: [] }
  const ranked = scored.slice(0, 5).map((x) => ({ article: x.a }))
  return { article: null, suggestions: [...byPrefix, ...ranked.map((r) => r.article)].slice(0, 5) }
}

/** source: an article, or one paragraph of it, each with its citation. */
export function source(kb: KnowledgeBase, query: string, paragraph?: number): SourceAnswer {
  const { article, suggestions } = resolveArticle(kb, query)
  const base = {
    command: 'source' as const,
    query,
    suggestions: suggestions.map((a) => `${a.id}: ${a.title}`),
  }
  if (!article)
    return { ...base, article: null, passages: [], notice: `No article matches “${shownQuery(query)}”.` }
  const passages = kb.passagesByArticle.get(article.id) ?? []
  const chosen = paragraph === undefined ? passages : passages.filter((p) => p.paragraph === paragraph)
  const notice =
    chosen.length === 0
      ? `Article ${article.id} has paragraphs 1 to ${passages.length}; there is no paragraph ${paragraph}.`
      : null
  return {
    ...base,
    article: articleInfo(kb, article),
    passages: chosen.map((p) => ({
      paragraph: p.paragraph,
      text: p.text,
      citation: cite(kb, p, undefined, Number.POSITIVE_INFINITY),
    })),
    notice,
  }
}
