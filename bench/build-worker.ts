/**
 * A worker thread of the parallel build (measure.ts parallel): segments its share of the articles
 * and extracts their facts, the costly part of a build, and posts them back in order.
 */
import { parentPort, workerData } from 'node:worker_threads'
import type { Article } from '../src/corpus/types.ts'
import { type ExtractEnv, extractArticleFacts } from '../src/extract/facts.ts'
import { segmentArticle } from '../src/knowledge/knowledge-base.ts'

const { articles, env } = workerData as { articles: Article[]; env: ExtractEnv }
parentPort?.postMessage(
  articles.map((a) => {
    const passages = segmentArticle(a)
    return { passages, facts: extractArticleFacts(a, passages, env) }
  }),
)
