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
import { IndexBuilder, PassageIndex } from './passage-index.ts'

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

/** A passage as a store keeps it: offsets into its article, sentences as flat [start, end, …]. */
export interface StoredPassage {
  start: number
  end: number
  sentences: readonly number[]
}

/** What a store (the cache file, PostgreSQL) keeps of a knowledge base, decoded. */
export interface StoredKnowledgeBase {
  corpusPath: string
  env: ExtractEnv
  articles: Iterable<Article>
  /** Each article's passages, in paragraph order (paragraph n is the n-th). */
  passages: Iterable<readonly [articleId: string, passages: readonly StoredPassage[]]>
  perArticleFacts: Iterable<readonly [articleId: string, facts: ArticleFacts]>
  facts: Facts
  index: Uint8Array
  skipped: Skipped[]
  files: CorpusFile[]
}

/**
 * The knowledge base a store kept, whichever store: null when its parts do not agree (a passage
 * of an article it does not hold, an index of another size), and the caller builds anew.
 */
export function knowledgeBaseFromStore(stored: StoredKnowledgeBase): KnowledgeBase | null {
  const articles = new Map<string, Article>()
  for (const a of stored.articles) articles.set(a.id, a)
  const passages = new Map<string, Passage>()
  const passagesByArticle = new Map<string, Passage[]>()
  for (const id of articles.keys()) passagesByArticle.set(id, [])
  for (const [articleId, list] of stored.passages) {
    const article = articles.get(articleId)
    if (!article) return null
    const own = list.map(({ start, end, sentences: flat }, i): Passage => {
      const sentences = []
      for (let k = 0; k + 1 < flat.length; k += 2)
        sentences.push({ start: flat[k] ?? 0, end: flat[k + 1] ?? 0 })
      const p = {
        id: `${articleId}#${i + 1}`,
        articleId,
        paragraph: i + 1,
        text: article.text.slice(start, end),
        start,
        end,
        sentences,
      }
      passages.set(p.id, p)
      return p
    })
    passagesByArticle.set(articleId, own)
  }
  const perArticleFacts = new Map<string, ArticleFacts>()
  for (const [id, facts] of stored.perArticleFacts) if (articles.has(id)) perArticleFacts.set(id, facts)
  const index = PassageIndex.decode(stored.index)
  if (index.documentCount !== passages.size) return null
  return {
    corpusPath: stored.corpusPath,
    articles,
    passages,
    passagesByArticle,
    index,
    perArticleFacts,
    facts: stored.facts,
    env: stored.env,
    skipped: stored.skipped,
    files: stored.files,
  }
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
