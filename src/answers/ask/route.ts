/**
 * Questions that belong to another command: 'what are the terms of the Rastan deal?' is a terms
 * question, 'did Jaysh al-Azza accept the agreement?' a stance question. They are answered by that
 * command, with its evidence and citations, summarised in the ask contract.
 */
import { DEAL_NOUN, PROPOSAL_NOUN } from '../../extract/deal-words.ts'
import type { KnowledgeBase } from '../../knowledge/knowledge-base.ts'
import type { Citation } from '../citation.ts'

export type Route =
  | { to: 'terms'; subject: string }
  | { to: 'stance'; subject: string; asks: 'accepts' | 'rejects' | null }

const DEAL = `(?:${DEAL_NOUN}|${PROPOSAL_NOUN})`
const TERMS_WORDS = '(?:terms|conditions|items|clauses|provisions|points|demands|stipulations)'
const TERMS_RE = new RegExp(
  `\\b${TERMS_WORDS}\\b.*\\b${DEAL}\\b|\\b${DEAL}\\b.*\\b${TERMS_WORDS}\\b|\\bwhat (?:does|did|do|will) (?:the )?.*\\b${DEAL}\\b.*\\b(?:include|say|stipulate|provide|require|demand|contain|entail)\\b`,
  'i',
)
/** Verbs of accepting and of rejecting a deal, as question patterns. */
export const ACCEPT = 'accept|agree(?:d)? to|sign|support|back|endorse|approve|join|welcome'
export const REJECT = 'reject|refuse|oppose|turn(?:ed)? down|denounce|boycott|object(?:ed)? to|decline'
const YES_NO_STANCE = new RegExp(
  `^(?:did|does|do|has|have|had|is|are|was|were|will|would)\\s+(.+?)\\s+(?:(?:also|still|ever|not|already)\\s+)?(${ACCEPT}|${REJECT})\\w*\\b`,
  'i',
)
const POSITION =
  /\b(?:stance|position|view|attitude)\s+(?:of|does)\s+(.+?)(?:\s+(?:on|towards?|regarding|about|in)\b|$)/i
const FOR_OR_AGAINST =
  /^(?:is|are|was|were)\s+(.+?)\s+(?:for or against|against or for|in favou?r of|against)\b/i

/** The command a question belongs to, with the name it is about; null for ask's own questions. */
export function detectRoute(query: string): Route | null {
  const q = query.trim().replace(/[?!.\s]+$/, '')
  const yesNo = YES_NO_STANCE.exec(q)
  if (yesNo?.[1] && yesNo[2] && !/^(?:there|it|this|that)$/i.test(yesNo[1])) {
    const asks = new RegExp(`^(?:${REJECT})`, 'i').test(yesNo[2]) ? 'rejects' : 'accepts'
    return { to: 'stance', subject: subjectOf(yesNo[1]), asks }
  }
  const position = POSITION.exec(q) ?? FOR_OR_AGAINST.exec(q)
  if (position?.[1]) return { to: 'stance', subject: subjectOf(position[1]), asks: null }
  if (TERMS_RE.test(q)) return { to: 'terms', subject: termsSubject(q) }
  return null
}

/** 'the faction Jaysh al-Azza' → 'Jaysh al-Azza'. */
function subjectOf(phrase: string): string {
  return phrase
    .replace(/^(?:the\s+)?(?:(?:armed\s+)?(?:faction|group|movement|brigade|organi[sz]ation)s?\s+)?/i, '')
    .trim()
}

/** What a terms question is about: its words without the question and the deal vocabulary. */
function termsSubject(q: string): string {
  return q
    .replace(new RegExp(`\\b(?:${TERMS_WORDS}|${DEAL})\\b`, 'gi'), ' ')
    .replace(
      /\b(?:what|which|were|was|are|is|the|of|a|an|in|for|does|did|do|include|say|stipulate|provide|require|demand|contain|main|key|list|tell|me|about)\b/gi,
      ' ',
    )
    .replace(/\s+/g, ' ')
    .trim()
}

/** What the terms command answers (DESIGN.md), as far as ask reads it. */
export interface TermsLike {
  agreements: {
    name: string
    place: string | null
    date: string | null
    status: string
    terms: { text: string; category: string; citations: Citation[] }[]
  }[]
  suggestions: string[]
}

/** What the stance command answers (DESIGN.md), as far as ask reads it. */
export interface StanceLike {
  faction: { name: string; aliases: string[] } | null
  stance: 'accepts' | 'rejects' | 'mixed' | 'unknown'
  evidence: {
    stance: 'accepts' | 'rejects'
    cue: string
    date: string | null
    citation: Citation
    /** The agreement it is about (from the stance command, when it tells). */
    agreement?: string | null
    /** The id of the rule that found it. */
    rule?: string
  }[]
  suggestions: string[]
}

/** The answer functions ask hands its routed questions to. */
export interface Routes {
  terms?: (kb: KnowledgeBase, query: string) => TermsLike
  stance?: (kb: KnowledgeBase, query: string) => StanceLike
}

export interface RoutedSummary {
  answer: string | null
  confidence: number
  citations: Citation[]
}

/** Most citations a routed answer carries over (the routed answer itself keeps all). */
const MAX_ROUTED_CITATIONS = 10

/** How much of an agreement's terms the one-line answer quotes; the routed answer has them all. */
const MAX_TERMS_CHARS = 240

function shorten(text: string, max: number): string {
  if (text.length <= max) return text
  const cut = text.slice(0, max)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max * 0.6))}…`
}

/** A terms answer in a sentence: the agreement and its terms, with the terms' citations. */
export function summariseTerms(answer: TermsLike): RoutedSummary {
  const found = answer.agreements.filter((a) => a.terms.length > 0)
  if (found.length === 0) return { answer: null, confidence: 0, citations: [] }
  const parts = found.map((a) => {
    const where = [a.place, a.date].filter(Boolean).join(', ')
    const n = a.terms.length
    return `${a.name}${where ? ` (${where})` : ''}: ${n} term${n === 1 ? '' : 's'}, ${a.status} — ${shorten(a.terms.map((t) => t.text).join('; '), MAX_TERMS_CHARS)}`
  })
  const citations = dedupe(found.flatMap((a) => a.terms.flatMap((t) => t.citations)))
  return { answer: parts.join(' — '), confidence: 0.85, citations: citations.slice(0, MAX_ROUTED_CITATIONS) }
}

/** A stance answer in a sentence: yes or no to the question asked, then the faction's stance. */
export function summariseStance(answer: StanceLike, asks: 'accepts' | 'rejects' | null): RoutedSummary {
  if (!answer.faction || answer.stance === 'unknown' || answer.evidence.length === 0)
    return { answer: null, confidence: 0, citations: [] }
  const said = {
    accepts: 'accepts the agreement',
    rejects: 'rejects the agreement',
    mixed: 'has both accepted and rejected it, by different accounts',
  }[answer.stance]
  const verdict = asks && answer.stance !== 'mixed' ? (asks === answer.stance ? 'Yes: ' : 'No: ') : ''
  const citations = dedupe(answer.evidence.map((e) => e.citation))
  const confidence = answer.stance === 'mixed' ? 0.6 : Math.min(0.95, 0.7 + 0.1 * answer.evidence.length)
  return {
    answer: `${verdict}${answer.faction.name} ${said}.`,
    confidence,
    citations: citations.slice(0, MAX_ROUTED_CITATIONS),
  }
}

function dedupe(citations: Citation[]): Citation[] {
  const seen = new Set<string>()
  return citations.filter((c) => {
    const key = `${c.article}#${c.paragraph}:${c.quote}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
