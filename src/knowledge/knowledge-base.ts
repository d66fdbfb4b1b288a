import MiniSearch from 'minisearch'
import type { CorpusFile } from '../corpus/load.ts'
import type { Article, Passage, Skipped } from '../corpus/types.ts'
import {
  type ArticleFacts,
  type ExtractEnv,
  extractArticleFacts,
  type Facts,
  mergeFacts,
} from '../extract/facts.ts'
import { INDEX_OPTIONS, type IndexedPassage } from '../search/index-options.ts'
import { paragraphSpans } from '../text/segment.ts'

/**
 * Everything the answers need, built once and passed by argument: the articles, their passages,
 * the search index over the passages and the facts extracted from them.
 */
export interface KnowledgeBase {
  /** The corpus folder or file it was built from. */
  corpusPath: string
  articles: Map<string, Article>
  passages: Map<string, Passage>
  /** Each article's passages, in paragraph order. */
  passagesByArticle: Map<string, Passage[]>
  index: MiniSearch<IndexedPassage>
  perArticleFacts: Map<string, ArticleFacts>
  facts: Facts
  env: ExtractEnv
  skipped: Skipped[]
  files: CorpusFile[]
}

/** An article's passages: its paragraphs and list items, numbered from 1. */
export function segmentArticle(article: Article): Passage[] {
  return paragraphSpans(article.text).map(({ span, sentences }, i) => ({
    id: `${article.id}#${i + 1}`,
    articleId: article.id,
    paragraph: i + 1,
    text: article.text.slice(span.start, span.end),
    start: span.start,
    end: span.end,
    sentences,
  }))
}

function indexed(p: Passage, article: Article): IndexedPassage {
  return { id: p.id, text: p.text, title: article.title }
}

export interface BuildInput {
  corpusPath: string
  articles: Article[]
  skipped: Skipped[]
  files: CorpusFile[]
  env: ExtractEnv
}

/** Builds the knowledge base from loaded articles. `onProgress` hears of each article done. */
export function buildKnowledgeBase(
  input: BuildInput,
  onProgress?: (done: number, total: number) => void,
): KnowledgeBase {
  const kb: KnowledgeBase = {
    corpusPath: input.corpusPath,
    articles: new Map(),
    passages: new Map(),
    passagesByArticle: new Map(),
    index: new MiniSearch(INDEX_OPTIONS),
    perArticleFacts: new Map(),
    facts: mergeFacts(new Map(), input.env),
    env: input.env,
    skipped: input.skipped,
    files: input.files,
  }
  for (const [n, article] of input.articles.entries()) {
    addArticle(kb, article, segmentArticle(article))
    onProgress?.(n + 1, input.articles.length)
  }
  kb.facts = mergeFacts(kb.perArticleFacts, kb.env)
  return kb
}

/** Adds one article (its passages to the index, its facts); call refreshFacts after a batch. */
export function addArticle(
  kb: KnowledgeBase,
  article: Article,
  passages: Passage[],
  facts?: ArticleFacts,
): void {
  kb.articles.set(article.id, article)
  kb.passagesByArticle.set(article.id, passages)
  for (const p of passages) kb.passages.set(p.id, p)
  kb.index.addAll(passages.map((p) => indexed(p, article)))
  kb.perArticleFacts.set(article.id, facts ?? extractArticleFacts(article, passages, kb.env))
}

/** Removes one article and all that was derived from it; call refreshFacts after a batch. */
export function removeArticle(kb: KnowledgeBase, id: string): void {
  const article = kb.articles.get(id)
  if (!article) return
  for (const p of kb.passagesByArticle.get(id) ?? []) {
    kb.index.discard(p.id)
    kb.passages.delete(p.id)
  }
  kb.articles.delete(id)
  kb.passagesByArticle.delete(id)
  kb.perArticleFacts.delete(id)
}

/** Merges the per-article facts again after articles were added or removed. */
export function refreshFacts(kb: KnowledgeBase): void {
  kb.facts = mergeFacts(kb.perArticleFacts, kb.env)
}
