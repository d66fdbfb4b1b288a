import type { Article, Passage } from '../../corpus/types.ts'
import { LIST_ITEM } from '../../text/segment.ts'
import { itemText } from '../agreement-terms.ts'
import {
  type AgreementArticleFacts,
  type AreaPlace,
  type ArticleAgreement,
  emptyArticleAgreement,
  type TextRef,
} from '../agreements.ts'
import { placeKey } from '../places.ts'
import type { TermCategory } from '../term-categories.ts'
import {
  ARABIC_BROKER,
  ARABIC_BROKER_STATES,
  ARABIC_DEAL_KINDS,
  ARABIC_LIST_INTRO,
  ARABIC_STATUS_CUES,
  ARABIC_TERM_CLAUSE,
  ARABIC_TERM_CUES,
} from './agreement-rules.ts'
import { matchRules, type NormalSpan, normalSpan, toArticle } from './match.ts'
import { type ArabicPlace, findArabicPlaces } from './places.ts'

/**
 * The agreement an Arabic article tells of, in the same facts as English ones: its places (a
 * place named by the title or near a deal noun), its kind, broker, what happened to it, and its
 * terms — the items of a list that a line such as 'ينص الاتفاق على البنود التالية:' opens, and
 * what 'يقضي بـ…' or 'ينص على…' says in running text — each quoted verbatim.
 */

/** The category an Arabic term's words cue most; the first cue counts one more, as in English. */
export function categorizeArabic(normalised: string): TermCategory {
  const scores = new Map<TermCategory, number>()
  let first: { category: TermCategory; at: number } | null = null
  for (const { category, pattern, weight } of ARABIC_TERM_CUES) {
    const m = normalised.match(pattern)
    if (!m || m.index === undefined) continue
    scores.set(category, (scores.get(category) ?? 0) + weight)
    if (!first || m.index < first.at) first = { category, at: m.index }
  }
  if (first) scores.set(first.category, (scores.get(first.category) ?? 0) + 1)
  let best: TermCategory = 'other'
  let bestScore = 0
  for (const [c, s] of scores)
    if (s > bestScore) {
      best = c
      bestScore = s
    }
  return best
}

interface Draft extends ArticleAgreement {
  dealSeen: boolean
}

function addPlace(d: Draft, p: ArabicPlace, weight: number): void {
  if (p.destination) return
  const add = (name: string, key: string, w: number) => {
    const known = d.area.find((a) => a.key === key)
    if (known) known.weight += w
    else d.area.push({ name, key, weight: w } satisfies AreaPlace)
  }
  add(p.name, p.key, weight)
  // The table's Latin name too, a little: 'terms Qudsaya' finds the Arabic report.
  if (p.latin) add(p.latin, placeKey(p.latin), weight / 4)
}

function readBrokers(d: Draft, normal: string): void {
  for (const m of normal.matchAll(ARABIC_BROKER)) {
    const word = (m[1] ?? '').replace(/^ال/, '')
    const state = Object.entries(ARABIC_BROKER_STATES).find(([stem]) => word.startsWith(stem))?.[1]
    if (state) d.brokers[state] = (d.brokers[state] ?? 0) + 1
  }
}

/** The rule id of a term told in running text ('يقضي بـ…'); list items are 'list-item', as in English. */
export const ARABIC_TERM_CLAUSE_RULE = 'ar-term-clause'

function addTerm(d: Draft, text: string, span: NormalSpan, ref: TextRef, rule: string): void {
  const words = text.replace(/\s+/g, ' ').trim()
  if (words.length < 4) return
  d.terms.push({
    text: words,
    category: categorizeArabic(span.text),
    status: 'unknown',
    version: 'agreement',
    rule,
    refs: [ref],
  })
}

/** The agreement of an Arabic article, with its terms (none when it speaks of no deal). */
export function extractArabicAgreementFacts(
  article: Article,
  passages: readonly Passage[],
): AgreementArticleFacts {
  const text = article.text
  const d: Draft = { ...emptyArticleAgreement(article), dealSeen: false }
  const title = normalSpan(article.title, 0, article.title.length)
  const titleDeals = matchRules(ARABIC_DEAL_KINDS, title.text)
  for (const p of findArabicPlaces(article.title, title)) addPlace(d, p, titleDeals.length ? 3 : 2)
  readBrokers(d, title.text)

  let listOpen = false
  for (const passage of passages) {
    const whole = normalSpan(text, passage.start, passage.end)
    const ref = (start: number, end: number): TextRef => ({ passage: passage.id, start, end })
    if (LIST_ITEM.test(passage.text)) {
      if (listOpen) {
        const { text: item, offset } = itemText(passage.text)
        if (item) {
          const start = passage.start + offset
          addTerm(
            d,
            text.slice(start, passage.end),
            normalSpan(text, start, passage.end),
            ref(start, passage.end),
            'list-item',
          )
        }
      }
      continue
    }
    listOpen = false
    for (const s of passage.sentences) {
      const span = normalSpan(text, s.start, s.end)
      const deals = matchRules(ARABIC_DEAL_KINDS, span.text)
      const places = findArabicPlaces(text, span)
      if (deals.length) {
        d.dealSeen = true
        for (const k of deals) d.kinds[k.rule.value] = (d.kinds[k.rule.value] ?? 0) + 1
        for (const p of places) {
          // 'اتفاق في قدسيا': a place in the few words after the deal noun is where it holds.
          const at = span.offsets.findIndex((o) => span.base + o >= p.start)
          const near = deals.some((k) => at > k.end && at - k.end <= 25)
          addPlace(d, p, near ? 3 : 1)
        }
        for (const m of matchRules(ARABIC_STATUS_CUES, span.text))
          d.events.push({
            status: m.rule.value,
            rule: m.rule.id,
            date: article.date,
            ref: ref(s.start, s.end),
          })
        readBrokers(d, span.text)
      }
      const intro = ARABIC_LIST_INTRO.test(span.text)
      if (intro && /[:：]\s*$/.test(span.text)) {
        listOpen = true
        continue
      }
      const clause = span.text.match(ARABIC_TERM_CLAUSE)
      if (clause?.index !== undefined && (deals.length || d.dealSeen)) {
        const from = clause.index + clause[0].length
        const rest = span.text.slice(from)
        const stop = rest.search(/[،؛.]\s*(?:و?(?:ذلك|بحسب|وفق))|[؛.]/u)
        const to = from + (stop < 0 ? rest.length : stop)
        if (to - from > 8) {
          const a = toArticle(span, from, to)
          addTerm(
            d,
            text.slice(a.start, a.end),
            normalSpan(text, a.start, a.end),
            ref(a.start, a.end),
            ARABIC_TERM_CLAUSE_RULE,
          )
        }
      }
    }
    // A heading ('أبرز البنود') or a line ending in a colon opens the list that follows.
    const short = passage.text.length < 80
    if (/[:：]\s*$/.test(passage.text) || (short && ARABIC_LIST_INTRO.test(whole.text))) listOpen = true
  }
  if (!d.dealSeen && !d.terms.length) return []
  if (!d.terms.length && !(d.area.length && d.events.length)) return []
  const { dealSeen: _seen, ...agreement } = d
  return [agreement]
}
