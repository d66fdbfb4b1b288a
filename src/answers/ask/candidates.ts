/**
 * Retrieval for ask: the passages that bear on a question (the search index, within a latency
 * budget), then every sentence in them and their neighbours, scored by how many of the question's
 * words, weighted by rarity, stand in the sentence, its paragraph or next to it.
 */
import type { Passage, Span } from '../../corpus/types.ts'
import type { KnowledgeBase } from '../../knowledge/knowledge-base.ts'
import { SEARCH_OPTIONS } from '../../search/index-options.ts'
import { searchTerms } from '../../text/normalize.ts'
import type { PassageHit } from '../search.ts'
import { type Question, termMatch } from './question.ts'
import { stem } from './stem.ts'
import { documentFrequency, termWeight } from './term-stats.ts'

/** The best-scored passages that are read sentence by sentence (with their neighbours). */
export const MAX_PASSAGES = 10
/**
 * How many postings the index may walk for one question. The rarest terms are searched until the
 * budget is spent; commoner ones ('said', 'people') only score sentences in what was found.
 */
export const POSTINGS_BUDGET = 2500
/** A word in more passages than this ('said') is never searched: it can't find anything by itself. */
export const MAX_SEARCHED_DF = 4 * POSTINGS_BUDGET
/** How much a question word counts where it is found: in the sentence, its paragraph, next to it. */
const IN_SENTENCE = 1
const IN_PASSAGE = 0.6
const NEARBY = 0.35
/** The article's title says what the whole article is about. */
const IN_TITLE = 0.5

export interface Candidate {
  passage: Passage
  sentence: Span
  /** 0..1: the weighted share of the question's words found in or near the sentence. */
  coverage: number
  /** 0..1: the same, counting only the sentence itself. */
  ownCoverage: number
  /** Every name of the question is found in or near the sentence. */
  grounded: boolean
  /** The passage's rank in retrieval (0 best), for ties. */
  rank: number
}

export interface Retrieval {
  hits: PassageHit[]
  candidates: Candidate[]
}

/** The passages for a question, best first, searching its rarest terms within the budget. */
export function findQuestionPassages(kb: KnowledgeBase, q: Question): PassageHit[] {
  if (q.terms.length === 0) return []
  const byRarity = q.terms.map((t) => ({ t, df: documentFrequency(kb, t) })).sort((a, b) => a.df - b.df)
  const picked: string[] = []
  const stems: string[] = []
  let spent = 0
  for (const { t, df } of byRarity) {
    if (df > MAX_SEARCHED_DF || (picked.length > 0 && spent + df > POSTINGS_BUDGET)) break
    picked.push(t)
    spent += df
    // A word the corpus never uses may still be there in another form: withdrawn → withdraw*.
    if (df === 0 && stem(t) !== t && stem(t).length >= 5) stems.push(stem(t))
  }
  if (picked.length === 0) return []
  const results = kb.index.search(
    {
      combineWith: 'OR',
      queries: [picked.join(' '), ...stems.map((s) => ({ queries: [s], prefix: true }))],
    },
    { ...SEARCH_OPTIONS, fuzzy: false, prefix: false },
  )
  const hits: PassageHit[] = []
  // Copies of one text (syndicated news, a file loaded twice) would crowd out every other source.
  const texts = new Set<string>()
  for (const r of results) {
    const passage = kb.passages.get(String(r.id))
    if (!passage || texts.has(passage.text)) continue
    texts.add(passage.text)
    hits.push({ passage, score: r.score, terms: new Set(r.terms) })
    if (hits.length >= MAX_PASSAGES) break
  }
  return hits
}

/** Retrieval and sentence scoring: the candidate sentences, best covered first. */
export function retrieve(kb: KnowledgeBase, q: Question): Retrieval {
  const hits = findQuestionPassages(kb, q)
  const weights = new Map(q.terms.map((t) => [t, termWeight(kb, t)]))
  const total = [...weights.values()].reduce((a, b) => a + b, 0)
  const qTerms = [...weights.keys()]
  // How well each text (a passage, a title) holds each question term, computed once per text.
  const matchesOf = memo((text: string) => {
    const terms = new Set(searchTerms(text))
    return qTerms.map((t) => bestMatch(t, terms))
  })
  const seen = new Set<string>()
  const candidates: Candidate[] = []
  hits.forEach((hit, rank) => {
    for (const passage of [hit.passage, ...neighbours(kb, hit.passage)]) {
      if (seen.has(passage.id)) continue
      seen.add(passage.id)
      const article = kb.articles.get(passage.articleId)
      if (!article) continue
      const inPassage = matchesOf(passage.text)
      const nearby = neighbours(kb, passage).map((p) => matchesOf(p.text))
      const inTitle = matchesOf(article.title)
      const context = qTerms.map((_, i) =>
        Math.max(
          IN_PASSAGE * (inPassage[i] ?? 0),
          IN_TITLE * (inTitle[i] ?? 0),
          NEARBY * Math.max(0, ...nearby.map((m) => m[i] ?? 0)),
        ),
      )
      for (const sentence of passage.sentences) {
        const sentenceTerms = new Set(searchTerms(article.text.slice(sentence.start, sentence.end)))
        let covered = 0
        let own = 0
        let grounded = true
        qTerms.forEach((t, i) => {
          const w = weights.get(t) ?? 0
          const inSentence = IN_SENTENCE * bestMatch(t, sentenceTerms)
          const found = inSentence || (context[i] ?? 0)
          covered += w * found
          own += w * inSentence
          if (found === 0 && q.names.includes(t)) grounded = false
        })
        candidates.push({
          passage,
          sentence,
          coverage: total ? covered / total : 0,
          ownCoverage: total ? own / total : 0,
          grounded,
          rank,
        })
      }
    }
  })
  candidates.sort((a, b) => b.coverage - a.coverage || a.rank - b.rank)
  return { hits, candidates }
}

/** The passages before and after a passage in its article. */
function neighbours(kb: KnowledgeBase, passage: Passage): Passage[] {
  const all = kb.passagesByArticle.get(passage.articleId) ?? []
  const i = passage.paragraph - 1
  return [all[i - 1], all[i + 1]].filter((p): p is Passage => p !== undefined)
}

/** How well a set of text terms holds a question term: 1 as written, 0.7 by stem, else 0. */
function bestMatch(term: string, terms: ReadonlySet<string>): number {
  if (terms.has(term)) return 1
  let best = 0
  for (const t of terms) best = Math.max(best, termMatch(term, t))
  return best
}

function memo<T>(fn: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>()
  return (text) => {
    const known = cache.get(text)
    if (known !== undefined) return known
    const value = fn(text)
    cache.set(text, value)
    return value
  }
}
