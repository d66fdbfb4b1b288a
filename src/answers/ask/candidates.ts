/**
 * Retrieval for ask: the passages that bear on a question (the search index, within a latency
 * budget), then every sentence in them and their neighbours, scored by how many of the question's
 * words, weighted by rarity, stand in the sentence, its paragraph or next to it.
 */
import type { Passage, Span } from '../../corpus/types.ts'
import type { KnowledgeBase } from '../../knowledge/knowledge-base.ts'
import { SEARCH_OPTIONS } from '../../search/index-options.ts'
import type { PassageHit } from '../search.ts'
import { holdsType } from './answer-types.ts'
import { type PlacedTerm, placedTerms } from './placed-terms.ts'
import { type Question, RELATED_MATCH, STEM_MATCH } from './question.ts'
import { stem } from './stem.ts'
import { synonymKeys, wordKeys } from './synonyms.ts'
import { documentFrequency, termWeight } from './term-stats.ts'

/** The best-scored passages that are read sentence by sentence (with their neighbours). */
export const MAX_PASSAGES = 10
/**
 * How many postings the index may walk for one question. The rarest terms are searched until the
 * budget is spent; commoner ones ('said', 'people') only score sentences in what was found.
 */
export const POSTINGS_BUDGET = 2500
/** A word in more passages than this ('said') is never searched: it can't find anything by itself. */
export const MAX_SEARCHED_DF = 2 * POSTINGS_BUDGET
/** How much a question word counts where it is found: in the sentence, its paragraph, next to it. */
const IN_SENTENCE = 1
const IN_PASSAGE = 0.6
const NEARBY = 0.35
/** The article's title says what the whole article is about. */
const IN_TITLE = 0.5
/** Sentences that cover less of the question than this are not read for spans. */
export const MIN_COVERAGE = 0.45

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
  /** The sentence itself holds every focus word of the question (its names may stand around it). */
  complete: boolean
}

export interface Retrieval {
  hits: PassageHit[]
  candidates: Candidate[]
}

/** The passages for a question, best first, searching its rarest terms within the budget. */
export function findQuestionPassages(kb: KnowledgeBase, q: Question): PassageHit[] {
  if (q.terms.length === 0) return []
  const dfs = q.terms.map((t) => ({ t, df: documentFrequency(kb, t) }))
  // A word the corpus never uses ('militants') is searched in the words that stand for it ('fighters').
  const related = dfs.flatMap(({ t, df }) =>
    df === 0 ? (q.related.get(t)?.terms ?? []).map((r) => ({ t: r, df: documentFrequency(kb, r) })) : [],
  )
  const byRarity = [...dfs, ...related.filter((r) => r.df > 0)].sort((a, b) => a.df - b.df)
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
  const qTerms = q.terms
  const weights = qTerms.map((t) => termWeight(kb, t))
  const termsWeight = weights.reduce((a, b) => a + b, 0)
  // 'Which countries…', 'How many people…': asking for a type is one more part of the question
  // (weighing as an average word), covered by a sentence that holds an answer of that type.
  const asked = q.answerType
  const typeWeight = asked && asked.class !== 'person' && qTerms.length ? termsWeight / qTerms.length : 0
  const total = termsWeight + typeWeight
  const qKeys = qTerms.map((t) => q.keys.get(t) ?? [stem(t)])
  const related = qTerms.map((t) => q.related.get(t)?.stems)
  const names = qTerms.map((t) => q.names.includes(t))
  // (Names may stand around the sentence: grounding asks for them there.)
  const required = qTerms.map((t) => q.focus.includes(t))
  // Where each text (a passage, a title) holds each question term, read once per text.
  const known = new Map<string, TermsIn>()
  const read = (key: string, text: string, offset: number) => {
    let terms = known.get(key)
    if (!terms) {
      terms = termsIn(placedTerms(text, offset), qTerms, qKeys, related)
      known.set(key, terms)
    }
    return terms
  }
  const ofPassage = (p: Passage) => read(p.id, p.text, p.start)
  const seen = new Set<string>()
  const candidates: Candidate[] = []
  hits.forEach((hit, rank) => {
    for (const passage of [hit.passage, ...neighbours(kb, hit.passage)]) {
      if (seen.has(passage.id)) continue
      seen.add(passage.id)
      const article = kb.articles.get(passage.articleId)
      if (!article) continue
      const inPassage = ofPassage(passage)
      const nearby = neighbours(kb, passage).map((p) => ofPassage(p).best)
      // (A title is no passage: its key can't be a passage id.)
      const inTitle = read(`title ${article.id}`, article.title, 0).best
      const context = qTerms.map((_, i) =>
        Math.max(
          IN_PASSAGE * (inPassage.best[i] ?? 0),
          IN_TITLE * (inTitle[i] ?? 0),
          NEARBY * Math.max(0, ...nearby.map((m) => m[i] ?? 0)),
        ),
      )
      const typed = passage.sentences.map((s) =>
        asked && typeWeight ? holdsType(article.text, s.start, s.end, asked, q.unit) : false,
      )
      // No sentence can cover more than its whole passage does: when that is too little, none is read.
      let most = typed.some(Boolean) ? typeWeight : 0
      qTerms.forEach((_, i) => {
        most += (weights[i] ?? 0) * Math.max(IN_SENTENCE * (inPassage.best[i] ?? 0), context[i] ?? 0)
      })
      if (!total || most / total < MIN_COVERAGE) continue
      for (const [k, sentence] of passage.sentences.entries()) {
        const inSentence = qTerms.map(() => 0)
        for (const f of inPassage.found)
          if (f.start >= sentence.start && f.start < sentence.end)
            inSentence[f.i] = Math.max(inSentence[f.i] ?? 0, IN_SENTENCE * f.match)
        let covered = typed[k] ? typeWeight : 0
        let own = covered
        let grounded = true
        let complete = true
        qTerms.forEach((_, i) => {
          if (required[i] && !inSentence[i]) complete = false
          const w = weights[i] ?? 0
          const here = inSentence[i] ?? 0
          const found = here || (context[i] ?? 0)
          covered += w * found
          own += w * here
          if (found === 0 && names[i]) grounded = false
        })
        candidates.push({
          passage,
          sentence,
          coverage: covered / total,
          ownCoverage: own / total,
          grounded,
          rank,
          complete,
        })
      }
    }
  })
  candidates.sort((a, b) => b.coverage - a.coverage || a.rank - b.rank)
  return { hits, candidates }
}

interface TermsIn {
  /** Each occurrence of a question term (its index in the question): 1 as written, less by stem or related word. */
  found: { start: number; i: number; match: number }[]
  /** The best match of each question term anywhere in the text. */
  best: number[]
}

/** Where the question's terms stand in a text's terms: each text term is compared once. */
function termsIn(
  placed: PlacedTerm[],
  qTerms: string[],
  qKeys: (readonly string[])[],
  related: (ReadonlySet<string> | undefined)[],
): TermsIn {
  const found: TermsIn['found'] = []
  const best = qTerms.map(() => 0)
  for (const { term, word, start } of placed) {
    const keys = wordKeys(word)
    const synonyms = synonymKeys(word)
    qTerms.forEach((qt, i) => {
      const own = qKeys[i] ?? []
      const rel = related[i]
      const match =
        qt === term
          ? 1
          : keys.some((k) => own.includes(k))
            ? STEM_MATCH
            : rel && synonyms.some((k) => rel.has(k))
              ? RELATED_MATCH
              : 0
      if (match === 0) return
      found.push({ start, i, match })
      best[i] = Math.max(best[i] ?? 0, match)
    })
  }
  return { found, best }
}

/** The passages before and after a passage in its article. */
function neighbours(kb: KnowledgeBase, passage: Passage): Passage[] {
  const all = kb.passagesByArticle.get(passage.articleId) ?? []
  const i = passage.paragraph - 1
  return [all[i - 1], all[i + 1]].filter((p): p is Passage => p !== undefined)
}
