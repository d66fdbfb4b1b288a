/**
 * Benchmark corpora of a given number of passages, from the real news text in
 * ../shared/datasets/*.jsonl when it is there (read in place, never copied into the project), else
 * from the generator. Written as JSON Lines files into a scratch folder, as a team would drop them.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { paragraphSpans } from '../src/text/segment.ts'
import { generateArticles } from './generate.ts'

export const DATASETS_DIR = resolve(import.meta.dirname, '..', '..', 'shared', 'datasets')
const DATASETS = ['fakes.jsonl', 'bbc.jsonl', 'agnews.jsonl']
/** Articles per file: a 100k-passage corpus is then a few dozen files, none near the size limit. */
const ARTICLES_PER_FILE = 2000

export interface SourceArticle {
  id: string
  title: string | null
  text: string
  source: string | null
  date: string | null
}

/** The real articles of the shared data sets, or null when none is there. */
export function readDatasets(dir = DATASETS_DIR): { articles: SourceArticle[]; from: string[] } | null {
  const articles: SourceArticle[] = []
  const from: string[] = []
  for (const name of DATASETS) {
    const file = join(dir, name)
    if (!existsSync(file)) continue
    from.push(name)
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue
      const row = JSON.parse(line) as Record<string, unknown>
      const text = typeof row.text === 'string' ? row.text : ''
      if (!text.trim()) continue
      articles.push({
        id: String(row.id),
        title: typeof row.title === 'string' ? row.title : null,
        text,
        source: typeof row.source === 'string' ? row.source : null,
        date: typeof row.date === 'string' ? row.date : null,
      })
    }
  }
  return articles.length > 0 ? { articles, from } : null
}

/** Roughly how many passages an article's text yields (the loader's cleaning aside). */
function passageCount(text: string): number {
  return Math.max(1, paragraphSpans(text).length)
}

/**
 * Articles that together hold about `passages` passages. Past the end of the source, the articles
 * are used again, each joined with another one (copy k pairs article i with article i + k), so
 * that every text stays real and no two articles are the same text (the loader keeps one of twins).
 */
export function* corpusArticles(
  source: readonly SourceArticle[],
  passages: number,
): Generator<SourceArticle> {
  const counts = source.map((a) => passageCount(a.text))
  let total = 0
  for (let copy = 0; total < passages; copy++) {
    for (const [i, a] of source.entries()) {
      if (total >= passages) return
      if (copy === 0) {
        total += counts[i] ?? 1
        yield a
        continue
      }
      const j = (i + copy) % source.length
      const b = source[j]
      if (!b || j === i) continue
      total += (counts[i] ?? 1) + (counts[j] ?? 1)
      yield { ...a, id: `${a.id}-x${copy}`, text: `${a.text}\n\n${b.text}` }
    }
  }
}

/** Writes a corpus of about `passages` passages into `dir`; returns where its text came from. */
export function writeCorpus(dir: string, passages: number): string {
  mkdirSync(dir, { recursive: true })
  const real = readDatasets()
  const source = real?.articles ?? generateArticles(5000)
  let file = 0
  let lines: string[] = []
  const flush = () => {
    if (lines.length === 0) return
    writeFileSync(join(dir, `part-${String(++file).padStart(3, '0')}.jsonl`), `${lines.join('\n')}\n`)
    lines = []
  }
  for (const a of corpusArticles(source, passages)) {
    lines.push(JSON.stringify(a))
    if (lines.length >= ARTICLES_PER_FILE) flush()
  }
  flush()
  return real ? real.from.join(', ') : 'generated text (bench/generate.ts)'
}
