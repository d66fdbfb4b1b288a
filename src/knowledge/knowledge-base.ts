import type { CorpusFile } from '../corpus/load.ts'
import type { Article, Passage, Skipped } from '../corpus/types.ts'
import {
  type ArticleFacts,
  type ExtractEnv,
  extractArticleFacts,
  type Facts,
  mergeFacts,
} from '../extract/facts.ts'
import type { IndexedPassage } from '../search/index-options.ts'
import { paragraphSpans } from '../text/segment.ts'
import { IndexBuilder, type PassageIndex } from './passage-index.ts'

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
  /** A MiniSearch over the passages (see passage-index.ts for why a subclass). */
  index: PassageIndex
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
  const build = startBuild(input)
  for (const [n, article] of input.articles.entries()) {
    build.add(article)
    onProgress?.(n + 1, input.articles.length)
  }
  return build.finish()
}

/** How long the async build works before it lets the event loop run (answers, heartbeats). */
const SLICE_MS = 25

/**
 * The same as buildKnowledgeBase, in slices of about SLICE_MS with the event loop free between
 * them: a running bot rebuilds its corpus this way and keeps answering from the old one.
 */
export async function buildKnowledgeBaseAsync(
  input: BuildInput,
  onProgress?: (done: number, total: number) => void,
): Promise<KnowledgeBase> {
  const build = startBuild(input)
  let sliceStart = performance.now()
  for (const [n, article] of input.articles.entries()) {
    build.add(article)
    onProgress?.(n + 1, input.articles.length)
    if (performance.now() - sliceStart > SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve))
      sliceStart = performance.now()
    }
  }
  return build.finish()
}

/** A build in progress: articles are segmented, indexed in bulk and their facts extracted. */
function startBuild(input: BuildInput): { add(article: Article): void; finish(): KnowledgeBase } {
  const articles = new Map<string, Article>()
  const passages = new Map<string, Passage>()
  const passagesByArticle = new Map<string, Passage[]>()
  const perArticleFacts = new Map<string, ArticleFacts>()
  const index = new IndexBuilder()
  return {
    add(article) {
      if (articles.has(article.id)) throw new Error(`knowledge base: article ${article.id} added twice`)
      const list = segmentArticle(article)
      articles.set(article.id, article)
      passagesByArticle.set(article.id, list)
      for (const p of list) {
        passages.set(p.id, p)
        index.add(indexed(p, article))
      }
      perArticleFacts.set(article.id, extractArticleFacts(article, list, input.env))
    },
    finish() {
      return {
        corpusPath: input.corpusPath,
        articles,
        passages,
        passagesByArticle,
        index: index.finish(),
        perArticleFacts,
        facts: mergeFacts(perArticleFacts, input.env),
        env: input.env,
        skipped: input.skipped,
        files: input.files,
      }
    },
  }
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

/**
 * Merges the per-article facts again after articles were added, changed or removed. Given the
 * ids of those articles (`changed`), what none of them touches is taken over from the facts
 * merged before: one changed article then costs milliseconds, not a merge of the whole corpus.
 */
export function refreshFacts(kb: KnowledgeBase, changed?: Iterable<string>): void {
  kb.facts = mergeFacts(
    kb.perArticleFacts,
    kb.env,
    changed ? { previous: kb.facts, changed: new Set(changed) } : undefined,
  )
}
