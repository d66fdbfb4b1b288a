/**
 * ask: a question answered in plain words from the corpus, or not at all. No language model: the
 * answer is a span of a sentence the corpus holds (a name, a date, a number with its unit…), found
 * by the question's kind and words, quoted and cited. Sources that agree make one answer with all
 * their citations; sources that disagree are shown side by side. Terms and stance questions are
 * handed to those commands.
 */
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts'
import { cleanQuery } from '../text/query.ts'
import { resolveWeekday } from '../text/weekdays.ts'
import { askInArabic } from './arabic-ask.ts'
import { type AgreementStances, answerStanceQuestion, parseStanceQuestion } from './ask/agreement-stances.ts'
import { type Candidate, MIN_COVERAGE, retrieve } from './ask/candidates.ts'
import { parseQuestion, type Question, type QuestionKind, questionProper } from './ask/question.ts'
import {
  detectRoute,
  type Route,
  type RoutedSummary,
  type Routes,
  type StanceLike,
  summariseStance,
  summariseTerms,
  type TermsLike,
} from './ask/route.ts'
import { type AnswerSpan, answerSpan } from './ask/spans.ts'
import { correctTypos } from './ask/typos.ts'
import { type Citation, cite } from './citation.ts'
import { bestSentences, type PassageHit } from './search.ts'
import { stance } from './stance.ts'
import { terms } from './terms.ts'

export type AnswerForm = 'span' | 'sentence' | 'routed'

export interface AskAlternative {
  answer: string
  confidence: number
  citations: Citation[]
}

export interface AskAnswer {
  command: 'ask'
  query: string
  /** The answer in a few words, or null when the corpus does not answer the question. */
  answer: string | null
  /** 0..1: how sure the answer is. Below 0.5, treat it as a lead rather than an answer. */
  confidence: number
  /** Where the answer stands: each quote holds it. */
  citations: Citation[]
  /** What kind of answer the question asked for. */
  kind: QuestionKind | 'terms' | 'stance'
  /**
   * What the answer is: a short span of a sentence ('span'), a whole sentence that answers the
   * question ('sentence': no short span fits, but it holds the question's focus and every constraint),
   * a summary of another command's answer ('routed'), or null when there is none.
   */
  form: AnswerForm | null
  /** Other answers that sources give to the same question (a second deadline, another toll). */
  alternatives: AskAlternative[]
  /** When there is no answer: the passages that come nearest. */
  nearest: Citation[]
  /** The command that answered, when the question belongs to another one. */
  routedTo: 'terms' | 'stance' | null
  /** That command's own answer, in full (for a question of who accepted or rejected a deal: each faction with its evidence). */
  routed: TermsLike | StanceLike | AgreementStances | null
  suggestions: string[]
}

/** The answer functions questions are routed to. */
export const ROUTES: Routes = { terms, stance }

/** Sentences read for an answer span, best covered first. */
export const MAX_SENTENCES = 25
/** Below this score there is no answer, only the nearest passages. */
export const MIN_SCORE = 0.4
/** Supporting sources score at least this share of the best; disagreeing ones this much. */
const SUPPORT_SHARE = 0.6
const RIVAL_SHARE = 0.85
const MAX_CITATIONS = 5
const MAX_ALTERNATIVES = 3
const MAX_NEAREST = 3
const MAX_CONFIDENCE = 0.95

interface Scored {
  candidate: Candidate
  span: AnswerSpan
  score: number
  form: 'span' | 'sentence'
  /** A whole sentence taken because no short span fits in it. */
  fallback: boolean
}

/**
 * How much a whole sentence counts as an answer where no short span fits: less than a span, so that
 * a sentence answers only when it holds nearly all the question's words itself.
 */
const SENTENCE_SHARE = 0.6
/** A sentence answers in its own right only when it holds this much of the question itself. */
const SENTENCE_MIN_OWN = 0.75
/** Kinds whose extractor already weighs whole sentences (what, yes-no) or must describe a name. */
const SPAN_ONLY: ReadonlySet<QuestionKind> = new Set(['what', 'yes-no', 'identity'])

/** The answer to a question from the corpus; `routes` are the commands routed questions go to. */
export function ask(kb: KnowledgeBase, query: string, routes: Routes = ROUTES): AskAnswer {
  const arabic = askInArabic(kb, query, (english) => ask(kb, english, routes))
  if (arabic) return arabic
  const cleaned = cleanQuery(query)
  // 'Who rejected the Sochi deal?', 'Did X accept it?': from the facts, scoped to the deal named.
  const sq = routes.stance ? parseStanceQuestion(questionProper(cleaned)) : null
  if (sq && routes.stance) {
    const { summary, answer } = answerStanceQuestion(kb, sq, routes.stance)
    const nearest = summary.answer ? [] : nearestPassages(kb, parseQuestion(cleaned))
    return reply(query, {
      ...summary,
      kind: 'stance',
      form: 'routed',
      routedTo: 'stance',
      routed: answer,
      nearest,
      suggestions: answer.suggestions,
    })
  }
  const route = detectRoute(cleaned)
  const routed = route ? answerRouted(kb, route, routes) : null
  if (route && routed?.summary.answer) {
    return reply(query, {
      ...routed.summary,
      kind: route.to,
      form: 'routed',
      routedTo: route.to,
      routed: routed.answer,
    })
  }
  const fromRoute = {
    routedTo: route && routed ? route.to : null,
    routed: routed?.answer ?? null,
    suggestions: routed?.answer.suggestions ?? [],
  }
  const q = correctTypos(kb, parseQuestion(cleaned))
  const { hits, candidates } = retrieve(kb, q)
  const all = scoreSpans(kb, q, candidates)
  // A whole sentence answers only where no short span does, and never stands as a span's rival.
  const spans = all.filter((s) => !s.fallback)
  const scored = (spans[0]?.score ?? 0) >= MIN_SCORE ? spans : all
  const best = scored[0]
  if (!best || best.score < MIN_SCORE) {
    const nearest = nearestOf(kb, hits)
    const confidence = best ? round(best.score) : 0
    return reply(query, { ...fromRoute, answer: null, confidence, citations: [], kind: q.kind, nearest })
  }
  const [top, ...others] = groupAnswers(q, scored)
  const topArticles = new Set(top?.members.map((m) => m.candidate.passage.articleId))
  const alternatives = others
    .filter((g) => g.score >= best.score * RIVAL_SHARE && rivals(q, top, g, topArticles))
    .slice(0, MAX_ALTERNATIVES)
    .map((g) => ({ answer: g.label, confidence: round(g.score), citations: citationsOf(kb, g.members) }))
  // Sources that disagree make each answer less sure.
  const confidence = Math.min(MAX_CONFIDENCE, best.score) * (alternatives.length ? 0.8 : 1)
  return reply(query, {
    ...fromRoute,
    answer: top?.label ?? best.span.text,
    confidence: round(confidence),
    citations: citationsOf(kb, top?.members ?? [best]),
    kind: q.kind,
    form: (top?.members[0] ?? best).form,
    alternatives,
  })
}

/** A weekday in a when-answer ('on Thursday'), with the date it was: counted from the article's date. */
function calendared(kb: KnowledgeBase, candidate: Candidate, q: Question, span: AnswerSpan): AnswerSpan {
  if (q.kind !== 'when' || /\d/.test(span.text)) return span
  const day = /\b(next|last|this)?\s*(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/i.exec(
    span.text,
  )
  if (!day?.[2]) return span
  const articleDate = kb.articles.get(candidate.passage.articleId)?.date ?? null
  const date = resolveWeekday(day[2], articleDate, day[1]?.toLowerCase() === 'next' ? 'future' : 'past')
  return date ? { ...span, text: `${span.text} (${date})`, key: date } : span
}

/** The passages that come nearest a question that has no answer. */
function nearestOf(kb: KnowledgeBase, hits: PassageHit[]): Citation[] {
  return hits.slice(0, MAX_NEAREST).map(({ passage, terms }) => {
    const text = kb.articles.get(passage.articleId)?.text ?? ''
    return cite(kb, passage, bestSentences(text, passage, terms))
  })
}

function nearestPassages(kb: KnowledgeBase, q: Question): Citation[] {
  return nearestOf(kb, retrieve(kb, q).hits)
}

/** The answer in the contract's order: the answer first, then its sources, then the rest. */
function reply(
  query: string,
  parts: Pick<AskAnswer, 'answer' | 'confidence' | 'citations' | 'kind'> & Partial<AskAnswer>,
): AskAnswer {
  return {
    command: 'ask',
    query,
    answer: parts.answer,
    confidence: parts.confidence,
    citations: parts.citations,
    kind: parts.kind,
    form: parts.answer === null ? null : (parts.form ?? 'span'),
    alternatives: parts.alternatives ?? [],
    nearest: parts.nearest ?? [],
    routedTo: parts.routedTo ?? null,
    routed: parts.routed ?? null,
    suggestions: parts.suggestions ?? [],
  }
}

function answerRouted(
  kb: KnowledgeBase,
  route: Route,
  routes: Routes,
): { summary: RoutedSummary; answer: TermsLike | StanceLike } | null {
  if (route.to === 'terms' && routes.terms) {
    const answer = routes.terms(kb, route.subject)
    return { summary: summariseTerms(answer), answer }
  }
  if (route.to === 'stance' && routes.stance) {
    const answer = routes.stance(kb, route.subject)
    return { summary: summariseStance(answer, route.asks), answer }
  }
  return null
}

/** The answer span of each well-covered sentence, scored by coverage × how surely the span answers. */
function scoreSpans(kb: KnowledgeBase, q: Question, candidates: Candidate[]): Scored[] {
  const out: Scored[] = []
  for (const candidate of candidates.slice(0, MAX_SENTENCES)) {
    if (candidate.coverage < MIN_COVERAGE) break
    if (!candidate.grounded) continue
    const text = kb.articles.get(candidate.passage.articleId)?.text
    if (!text) continue
    const span = answerSpan(text, candidate.sentence, q)
    const whole = { start: candidate.sentence.start, end: candidate.sentence.end }
    if (!span) {
      // No short span fits, but the sentence holds the focus and every name: it is the answer.
      if (candidate.complete && candidate.ownCoverage >= SENTENCE_MIN_OWN && !SPAN_ONLY.has(q.kind))
        out.push({
          candidate,
          span: { ...whole, text: text.slice(whole.start, whole.end).trim(), score: SENTENCE_SHARE, key: '' },
          score: candidate.ownCoverage * SENTENCE_SHARE,
          form: 'sentence',
          fallback: true,
        })
      continue
    }
    // A whole sentence (what, yes-no) answers only when it holds the question's words itself.
    const coverage = span.key ? candidate.coverage : candidate.ownCoverage
    const form = span.key ? 'span' : 'sentence'
    out.push({
      candidate,
      span: calendared(kb, candidate, q, span),
      score: coverage * span.score,
      form,
      fallback: false,
    })
  }
  return out.sort((a, b) => b.score - a.score || a.candidate.rank - b.candidate.rank)
}

interface Group {
  label: string
  score: number
  members: Scored[]
}

/** Answers that say the same thing ('Zoriev', 'Alexander Zoriev') as one group, best first. */
function groupAnswers(q: Question, scored: Scored[]): Group[] {
  const groups: Group[] = []
  for (const s of scored) {
    const group = groups.find((g) => g.members.some((m) => sameAnswer(q, m.span, s.span)))
    if (group) group.members.push(s)
    else groups.push({ label: s.span.text, score: s.score, members: [s] })
  }
  for (const g of groups) {
    g.members = g.members.filter((m) => m.score >= g.score * SUPPORT_SHARE)
    if (isName(q)) g.label = fullestForm(g.members.map((m) => m.span.text)) ?? g.label
  }
  return groups
}

/**
 * The form that names a group: the fullest ('Alexander Zoriev' rather than 'Zoriev'), then not one
 * that lost its apostrophe ('Bashar al-Assads' beside 'Bashar al-Assad'), then the most used (a typo
 * is rarer than the name), then the best scored (the first).
 */
function fullestForm(forms: string[]): string | undefined {
  const count = new Map<string, number>()
  for (const f of forms) count.set(f, (count.get(f) ?? 0) + 1)
  const words = (f: string) => f.split(' ').length
  const possessive = (f: string) => forms.some((g) => g !== f && `${g}s` === f)
  return [...count.keys()].sort(
    (a, b) =>
      words(b) - words(a) ||
      Number(possessive(a)) - Number(possessive(b)) ||
      (count.get(b) ?? 0) - (count.get(a) ?? 0),
  )[0]
}

function isName(q: Question): boolean {
  return q.kind === 'who' || q.kind === 'which' || q.kind === 'where'
}

function sameAnswer(q: Question, a: AnswerSpan, b: AnswerSpan): boolean {
  if (!a.key || !b.key) return a.start === b.start && a.end === b.end
  if (a.key === b.key) return true
  if (!isName(q)) return false
  const [short, long] = a.key.length <= b.key.length ? [a.key, b.key] : [b.key, a.key]
  const longWords = long.split(' ')
  return short.split(' ').every((w) => longWords.some((l) => sameWord(w, l)))
}

/** Words of a name that differ by one letter at most are one ('Staffan', 'Staffa'), if not short. */
const MIN_FUZZY_WORD = 5

function sameWord(a: string, b: string): boolean {
  if (a === b) return true
  if (Math.min(a.length, b.length) < MIN_FUZZY_WORD || Math.abs(a.length - b.length) > 1) return false
  // One edit at most: skip the common prefix and suffix, and what is left differs by one letter.
  let i = 0
  while (i < a.length && a[i] === b[i]) i++
  let j = 0
  while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++
  return a.length - i - j <= 1 && b.length - i - j <= 1
}

/** A group disagrees with the top one when another article gives it, about the same thing counted. */
function rivals(q: Question, top: Group | undefined, g: Group, topArticles: Set<string>): boolean {
  // Two descriptions of one person ('the governor of Homs', 'a member of the party') both hold.
  if (!top || q.kind === 'what' || q.kind === 'yes-no' || q.kind === 'why' || q.kind === 'identity')
    return false
  if (g.members.every((m) => topArticles.has(m.candidate.passage.articleId))) return false
  if (q.kind === 'how-many' || q.kind === 'how-much') {
    const unit = (s: Scored) => s.span.key.split(' ').slice(1).join(' ')
    return (
      top.members[0] !== undefined &&
      g.members[0] !== undefined &&
      unit(top.members[0]) === unit(g.members[0])
    )
  }
  return true
}

/** One citation per passage, the answering sentence quoted. */
function citationsOf(kb: KnowledgeBase, members: Scored[]): Citation[] {
  const seen = new Set<string>()
  const out: Citation[] = []
  for (const m of members) {
    if (seen.has(m.candidate.passage.id)) continue
    seen.add(m.candidate.passage.id)
    out.push(cite(kb, m.candidate.passage, m.candidate.sentence))
    if (out.length >= MAX_CITATIONS) break
  }
  return out
}

function round(x: number): number {
  return Math.round(x * 100) / 100
}
