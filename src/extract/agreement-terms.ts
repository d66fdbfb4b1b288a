/**
 * The terms of an agreement as news writes them: numbered or lettered list items
 * ('1 – Hand over heavy weapons…'), lists run into a sentence after 'the terms include:', and
 * sentences that state an obligation or a permission ('each militant is permitted to leave with
 * a rifle and three magazines'). Each term is a span of the article text, so it is quoted verbatim.
 */
import type { Span } from '../corpus/types.ts'
import { DEAL_NOUN } from './deal-words.ts'
import { firstRule, TERM_SENTENCE_RULES } from './term-rules.ts'

/** Marker of a list item, as segment.ts's LIST_ITEM recognises them: '1 –', '2)', 'a.', '•'. */
const ITEM_MARKER = /^\s*(?:\(?(?:\d{1,2}|[a-z])\s*[–—\-.)]|[•·▪●*-])\s+/

/**
 * Not a term: refusals, agreeing merely to talk, and a party agreeing to the deal in hand and
 * nothing more ('X later agreed to the truce, its spokesman said'), which is its stance.
 */
const NOT_TERM = new RegExp(
  String.raw`\b(?:reject\w*|refus(?:e|es|ed|ing|al)|oppos(?:e|es|ed|ing)|agreed to (?:negotiat|talk|meet|discuss|attend)\w*)\b|\bagreed to (?:the|this) (?:[\w'’-]+ ){0,2}?${DEAL_NOUN}(?=\s*(?:[,;.]|$))`,
  'i',
)
/** First person: a party's own voice ('we will not break'), a term only if it names the agreement. */
const FIRST_PERSON = /\b(?:[Ww]e|[Oo]ur|[Uu]s|I)\b/
const AGREEMENT_WORD = new RegExp(`\\b${DEAL_NOUN}\\b`, 'i')

/** Words that continue the item before them rather than start a new one. */
const CONTINUATION =
  /^(?:with|depending|including|which|who|where|while|as well as|in addition|in accordance|provided|subject|until|for|from|on|at|by|after|before|in|to|of|through|so|such|whether|if|unless|than|but)\b/i

/** The text of a list item without its marker, and where that text starts in the item. */
export function itemText(item: string): { text: string; offset: number } {
  const marker = item.match(ITEM_MARKER)?.[0] ?? ''
  return { text: item.slice(marker.length).trim(), offset: marker.length }
}

/** 'Fighters who refuse the agreement…' describes people, it tells no refusal. */
const WHO_REFUSE = /\bwho\s+(?:\w+\s+){0,2}(?:refuse|reject|oppose)\w*/gi

/** The sentence without the relative clauses that describe people by their refusal. */
export function withoutWhoRefuse(sentence: string): string {
  return sentence.replace(WHO_REFUSE, ' ')
}

/**
 * The id of the rule (term-rules.ts) by which a sentence states a term: an obligation, a
 * permission, an undertaking, what the deal stipulates; null when it states none.
 */
export function termRuleOf(sentence: string): string | null {
  if (NOT_TERM.test(withoutWhoRefuse(sentence))) return null
  const rule = firstRule(TERM_SENTENCE_RULES, sentence)
  if (!rule) return null
  return !FIRST_PERSON.test(sentence) || AGREEMENT_WORD.test(sentence) ? rule.id : null
}

/** True when a sentence states an obligation, permission or undertaking that may be a term. */
export function isTermSentence(sentence: string): boolean {
  return termRuleOf(sentence) !== null
}

/** The clauses of a sentence (split at semicolons), each as a trimmed span of `text`. */
export function clauses(text: string, span: Span): Span[] {
  const out: Span[] = []
  let from = span.start
  for (let i = span.start; i <= span.end; i++) {
    if (i === span.end || text[i] === ';') {
      const s = trim(text, from, i)
      if (s) out.push(s)
      from = i + 1
    }
  }
  return out
}

/**
 * The items of a list written into a sentence ('a, b, and c' or 'a; b; c') from `span.start` to
 * its end: split at semicolons when there are any, else at commas; a piece that continues the one
 * before ('with the possibility of…') or is too short to be an item ('heavy, medium and light
 * weapons') is joined to its neighbour.
 */
export function splitListItems(text: string, span: Span): Span[] {
  const body = text.slice(span.start, span.end)
  const sep = body.includes(';') ? ';' : ','
  const pieces: Span[] = []
  let from = span.start
  let depth = 0
  for (let i = span.start; i <= span.end; i++) {
    const c = text[i]
    if (c === '(') depth++
    else if (c === ')') depth = Math.max(0, depth - 1)
    if (i === span.end || (c === sep && depth === 0)) {
      const s = trim(text, from, i)
      if (s) pieces.push(s)
      from = i + 1
    }
  }
  const merged: Span[] = []
  for (const piece of pieces) {
    const prev = merged[merged.length - 1]
    if (prev && (CONTINUATION.test(text.slice(piece.start, piece.end)) || wordCount(text, prev) < 3)) {
      prev.end = piece.end
    } else merged.push({ ...piece })
  }
  return merged.map((s) => {
    const lead = text.slice(s.start, s.end).match(/^(?:and|or)\s+/i)?.[0].length ?? 0
    return { start: s.start + lead, end: s.end }
  })
}

function wordCount(text: string, s: Span): number {
  return text.slice(s.start, s.end).split(/\s+/).filter(Boolean).length
}

/** A span without surrounding whitespace and closing punctuation; null when nothing is left. */
export function trim(text: string, start: number, end: number): Span | null {
  let s = start
  let e = end
  while (s < e && /\s/.test(text[s] ?? '')) s++
  while (e > s && /[\s.,;:]/.test(text[e - 1] ?? '')) e--
  return e > s ? { start: s, end: e } : null
}
