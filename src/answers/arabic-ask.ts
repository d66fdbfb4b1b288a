import type { Span } from '../corpus/types.ts'
import { normalSpan, toArticle } from '../extract/arabic/match.ts'
import { findArabicGroupNames } from '../extract/arabic/names.ts'
import { findArabicPlaces } from '../extract/arabic/places.ts'
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts'
import { namesAcrossScripts } from '../search/cross-script.ts'
import { arabicTerm, hasArabic, normalizeArabic } from '../text/arabic.ts'
import {
  type ArabicQuestion,
  englishQuestion,
  isArabicQuestion,
  readArabicQuestion,
} from '../text/arabic-question.ts'
import { summariseStance, summariseTerms } from './ask/route.ts'
import { arabicSynonyms } from './ask/synonyms.ts'
import type { AskAnswer } from './ask.ts'
import { type Citation, cite } from './citation.ts'
import { findPassages } from './search.ts'
import { stance } from './stance.ts'
import { terms } from './terms.ts'

/**
 * ask in Arabic. A question about a faction's stance or a deal's terms goes to those commands;
 * any other is answered from the Arabic sentences that hold its words (the span its kind asks
 * for: a name in apposition to the role asked about, a number with its unit, a destination, a
 * date, a reason), else, put in English words, from the English articles.
 * Not an Arabic question: null, and ask goes on as it does.
 */

/** Passages read for an Arabic answer. */
const MAX_PASSAGES = 12
/** Below this score there is no Arabic answer. */
export const MIN_ARABIC_SCORE = 0.5

export function askInArabic(
  kb: KnowledgeBase,
  query: string,
  askEnglish: (question: string) => AskAnswer,
): AskAnswer | null {
  if (!isArabicQuestion(query)) return null
  const q = readArabicQuestion(query)
  const base = {
    command: 'ask' as const,
    query,
    alternatives: [],
    nearest: [],
    routedTo: null,
    routed: null,
    suggestions: [],
  }
  const routed = routedAnswer(kb, query, q)
  if (routed) return { ...base, ...routed, form: 'routed' }
  // An Arabic answer first: the English question is a glossary's rendering, less sure than it says.
  const native = nativeAnswer(kb, q)
  if (native)
    return {
      ...base,
      answer: native.answer,
      confidence: native.confidence,
      citations: native.citations,
      kind: q.kind === 'how-long' ? 'how-long' : q.kind,
      form: 'span',
    }
  const english = askEnglish(englishQuestion(q, latinName))
  if (english.answer) return { ...english, query }
  return { ...base, ...english, query, answer: null, form: null }
}

/** The Latin name of an Arabic word or phrase the tables know, else null. */
function latinName(word: string): string | null {
  return namesAcrossScripts(word).find((n) => !hasArabic(n)) ?? null
}

/** 'هل وافقت «X» على الاتفاق؟' → stance; 'ما بنود اتفاق قدسيا؟' → terms. */
function routedAnswer(
  kb: KnowledgeBase,
  query: string,
  q: ArabicQuestion,
): Pick<AskAnswer, 'answer' | 'confidence' | 'citations' | 'kind' | 'routedTo' | 'routed'> | null {
  const span = normalSpan(query, 0, query.length)
  if (/(?:^|\s)(?:ال)?(?:بنود|شروط)(?:\s|$)/u.test(span.text)) {
    const place = findArabicPlaces(query, span)[0]
    if (place) {
      const answer = terms(kb, place.name)
      const summary = summariseTerms(answer)
      if (summary.answer) return { ...summary, kind: 'terms', routedTo: 'terms', routed: answer }
    }
  }
  const accepts = /(?:وافق|قبل|وقع)/u.test(span.text)
  const rejects = /رفض/u.test(span.text)
  if (q.kind === 'yes-no' && (accepts || rejects)) {
    const group = findArabicGroupNames(query, span)[0]
    if (group) {
      const answer = stance(kb, group.name)
      const summary = summariseStance(answer, rejects ? 'rejects' : 'accepts')
      if (summary.answer) return { ...summary, kind: 'stance', routedTo: 'stance', routed: answer }
    }
  }
  return null
}

interface NativeAnswer {
  answer: string
  confidence: number
  citations: Citation[]
}

/** Arabic words of a unit of time, for how-long questions. */
const TIME_UNITS = '(?:ساعه|ساعات|يوم|يوما|ايام|اسبوع|اسابيع|شهر|اشهر|شهور)'
const NUMBER = '(?:\\d+(?:[.,]\\d+)?)'
/** A person's title before a name in apposition. */
const TITLES = /^(?:المحامي|العقيد|العميد|اللواء|الشيخ|الدكتور|القائد|المهندس|النقيب|الرائد|السيد)\s+/u
const MONTHS =
  '(?:كانون الثاني|شباط|اذار|نيسان|ايار|حزيران|تموز|اب|ايلول|تشرين الاول|تشرين الثاني|كانون الاول|يناير|فبراير|مارس|ابريل|مايو|يونيو|يوليو|اغسطس|سبتمبر|اكتوبر|نوفمبر|ديسمبر)'
const DATE = new RegExp(
  `(?:\\d{1,2}\\s+${MONTHS}(?:\\/\\S+)?(?:\\s+\\d{4})?|(?:يوم\\s+)?(?:الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت)(?:\\s+\\d{1,2}\\s+${MONTHS}(?:\\/\\S+)?)?|\\d{1,2}\\/\\d{1,2}\\/\\d{4})`,
  'u',
)
const REASON = /(?:بسبب|لان|اثر|نتيجه|بعد ان|بعد)\s+([^،.؛]{6,120})/u

/** The span of a normalised sentence that answers the question, or null. */
function answerIn(text: string, q: ArabicQuestion, questionWords: ReadonlySet<string>): Span | null {
  const focusTerm = q.focus ? arabicTerm(q.focus) : null
  switch (q.kind) {
    case 'who': {
      // The role asked about, then a name set off by commas: 'المتحدث باسم…، المحامي عدنان المسالمة،'.
      const at = focusTerm ? findTerm(text, focusTerm) : 0
      if (at < 0) return null
      const m = /^[^،.؛]{0,80}?،\s*([^،.؛]{4,60}?)\s*[،.]/u.exec(text.slice(at))
      if (!m?.[1]) return nameAfter(text, at)
      const start = at + (m.index ?? 0) + m[0].indexOf(m[1])
      const name = m[1].replace(TITLES, '')
      const words = name.split(/\s+/)
      if (words.length < 2 || words.length > 5) return null
      return { start: start + m[1].length - name.length, end: start + m[1].length }
    }
    case 'how-long':
    case 'how-many': {
      const unitTerm = q.kind === 'how-long' ? null : q.unit ? arabicTerm(q.unit) : null
      const re =
        q.kind === 'how-long'
          ? new RegExp(`${NUMBER}\\s+${TIME_UNITS}`, 'gu')
          : new RegExp(`${NUMBER}(?:\\s+\\S+)?`, 'gu')
      for (const m of text.matchAll(re)) {
        if (q.kind === 'how-many' && unitTerm) {
          const after = m[0].split(/\s+/)[1]
          if (!after || arabicTerm(after) !== unitTerm) continue
        }
        if (questionWords.has(m[0].split(/\s+/)[0] ?? '')) continue
        return { start: m.index, end: m.index + m[0].length }
      }
      return null
    }
    case 'where': {
      const re = q.movement
        ? /(?:الي|نحو|باتجاه)\s+((?:مدينه|بلده|قريه|منطقه|محافظه)?\s*\S+)/gu
        : /(?:في|ب)\s*((?:مدينه|بلده|قريه|منطقه|محافظه)\s+\S+)/gu
      for (const m of text.matchAll(re)) {
        const place = (m[1] ?? '').trim()
        const last = place.split(/\s+/).pop() ?? ''
        const t = arabicTerm(last)
        // 'نحو 25 مقاتلاً': 'نحو' is 'about' before a number, no direction.
        if (!t || /^\d/.test(last) || questionWords.has(t)) continue
        const start =
          m.index +
          m[0].length -
          (m[1] ?? '').length +
          ((m[1] ?? '').length - (m[1] ?? '').trimStart().length)
        return { start, end: start + place.length }
      }
      return null
    }
    case 'when': {
      const m = DATE.exec(text)
      return m ? { start: m.index, end: m.index + m[0].length } : null
    }
    case 'why': {
      const m = REASON.exec(text)
      if (!m?.[1]) return null
      const start = m.index + m[0].length - m[1].length
      return { start, end: start + m[1].length }
    }
    default:
      return null
  }
}

/** Words that end a name: prepositions, conjunctions, time words. */
const NOT_NAME_WORDS = new Set(
  'في من الي علي عن مع خلال بعد قبل منذ حتي يوم عند بين ان الذي التي وقد قد و'.split(' '),
)

/**
 * The name right after a role and what it is of ('قائد المجموعة وليد الزهرة'): the role's
 * definite words skipped, then two to four words up to a preposition or punctuation.
 */
function nameAfter(text: string, at: number): Span | null {
  const words = [...text.slice(at).matchAll(/[^\s،.؛:«»()]+|[،.؛:«»()]/gu)]
  let i = 0
  while (i < words.length && i < 3 && /^(?:ال|باسم$)/u.test(words[i]?.[0] ?? '')) i++
  const from = i
  while (
    i < words.length &&
    i - from < 4 &&
    /^[^،.؛:«»()]/u.test(words[i]?.[0] ?? '') &&
    !NOT_NAME_WORDS.has(words[i]?.[0] ?? '')
  )
    i++
  const first = words[from]
  const last = words[i - 1]
  if (i - from < 2 || !first || !last) return null
  return { start: at + first.index, end: at + last.index + last[0].length }
}

function findTerm(text: string, term: string): number {
  for (const m of text.matchAll(/\S+/gu)) if (arabicTerm(m[0]) === term) return m.index + m[0].length
  return -1
}

/** The best Arabic answer: the span its kind asks for, in the sentence that holds most of the question. */
function nativeAnswer(kb: KnowledgeBase, q: ArabicQuestion): NativeAnswer | null {
  const questionTerms = [...new Set(q.words.map((w) => arabicTerm(w)).filter((t): t is string => !!t))]
  if (!questionTerms.length) return null
  const asked = new Set(questionTerms)
  const hits = findPassages(kb, q.words.join(' '), MAX_PASSAGES)
  let best: { score: number; passage: (typeof hits)[number]['passage']; span: Span; text: string } | null =
    null
  for (const { passage } of hits) {
    const article = kb.articles.get(passage.articleId)
    if (!article || !hasArabic(passage.text)) continue
    const articleTerms = new Set(wordTerms(normalizeArabic(article.text)))
    const inArticle = share(questionTerms, articleTerms)
    for (const s of passage.sentences) {
      const span = normalSpan(article.text, s.start, s.end)
      const sentenceTerms = new Set(wordTerms(span.text))
      const inSentence = share(questionTerms, sentenceTerms)
      const score = 0.6 * inSentence + 0.4 * inArticle
      if (best && score <= best.score) continue
      const found = answerIn(span.text, q, asked)
      if (!found) continue
      const at = toArticle(span, found.start, found.end)
      best = { score, passage, span: at, text: article.text.slice(at.start, at.end) }
    }
  }
  if (!best || best.score < MIN_ARABIC_SCORE) return null
  const sentence = best.passage.sentences.find((s) => s.start <= best.span.start && best.span.end <= s.end)
  return {
    answer: best.text.replace(/\s+/g, ' ').replace(/^[\s،,؛:]+|[\s،,؛:.]+$/gu, ''),
    confidence: Math.round(Math.min(0.9, best.score) * 100) / 100,
    citations: [cite(kb, best.passage, sentence ?? best.span)],
  }
}

/** Below the word itself: a synonym's match counts this much (data/synonyms.json, 'arabic'). */
const SYNONYM_WEIGHT = 0.75

/** How much of the question a text holds: each term whole, or by a synonym at SYNONYM_WEIGHT. */
function share(questionTerms: readonly string[], terms: ReadonlySet<string>): number {
  let held = 0
  for (const t of questionTerms)
    held += terms.has(t) ? 1 : arabicSynonyms(t).some((s) => terms.has(s)) ? SYNONYM_WEIGHT : 0
  return held / questionTerms.length
}

function wordTerms(text: string): string[] {
  return (text.match(/\S+/gu) ?? [])
    .map((w) => arabicTerm(w.replace(/[^\p{L}\p{N}]/gu, '')))
    .filter((t): t is string => !!t)
}
