import type { Span } from '../corpus/types.ts'
import { type CompiledRule, matchRule, STANCE_RULES, type StanceRule, wordTokens } from './stance-rules.ts'

/**
 * Words and phrases that say a faction took a position on a deal: rejection, acceptance, or
 * compliance (acts that carry a deal out, which count as acceptance). The words are the rules of
 * data/stance-rules.json (stance-rules.ts); the grammar around them is here. Negation turns a
 * negatable cue round ('did not sign' rejects); a cue in the future, the infinitive or a
 * condition ('must hand over', 'a deadline to accept') is a term of the deal, not a stance, and
 * is dropped.
 */

export type Stance = 'accepts' | 'rejects'
export type CueKind = 'rejection' | 'acceptance' | 'compliance'

export interface Cue {
  stance: Stance
  kind: CueKind
  /** The id of the rule of data/stance-rules.json that found it. */
  rule: string
  /** The words as written (with their negation: 'did not accept'). */
  text: string
  start: number
  end: number
}

/** Negators looked for in the few words before a cue. */
const NEGATION =
  /\b(?:not|never|no longer|refus\w*|declin\w*|fail\w*|without|den(?:y|ies|ied|ying))\b|n['’]t\b/i
/** Words before an acceptance that make it a condition, a plan or a term: no stance yet. */
const UNREAL =
  /\b(?:to|will|would|must|should|shall|could|can|may|might|if|unless|whether|either|or)\s+(?:\w+\s+)?$/i

/** 'the last group to agree', 'the first to hand over': an infinitive that tells what was done. */
const DONE_FIRST = /\b(?:first|last|only|second|third)\b(?:\s+[\w-]+){0,3}\s+to\s+$/i

/** The cues of a sentence, in order, each once: the rules of data/stance-rules.json, in the table's order. */
export function findCues(text: string, span: Span, rules: readonly CompiledRule[] = STANCE_RULES): Cue[] {
  const sentence = text.slice(span.start, span.end)
  const words = wordTokens(sentence)
  const found: Cue[] = []
  for (const rule of rules) {
    for (const [first, past] of matchRule(rule, words)) {
      const start = words[first]?.start ?? 0
      const end = words[past - 1]?.end ?? start
      if (found.some((c) => c.start <= start + span.start && end + span.start <= c.end)) continue
      const cue = judge(sentence, rule, start, end)
      if (cue) found.push({ ...cue, start: cue.start + span.start, end: cue.end + span.start })
    }
  }
  // A cue swallowed by a longer negated one ('refused' in 'refused to hand over') goes.
  return found
    .filter((c) => !found.some((o) => o !== c && o.start <= c.start && c.end <= o.end))
    .sort((a, b) => a.start - b.start)
}

function judge(sentence: string, rule: StanceRule, start: number, end: number): Cue | null {
  const { stance, kind } = rule
  const text = sentence.slice(start, end)
  if (!rule.negatable) return { stance, kind, rule: rule.id, text, start, end }
  // The five words before the cue, within its clause.
  const before =
    sentence
      .slice(Math.max(0, start - 48), start)
      .split(/[,;:.!?"“”]/)
      .pop() ?? ''
  const window = before.match(/(?:\S+\s+){0,5}$/)?.[0] ?? ''
  const neg = window.match(NEGATION)
  if (neg) {
    let negStart = start - window.length + (neg.index ?? 0)
    // The auxiliary belongs to the negation: 'did not sign', 'would never hand over'.
    const aux = sentence.slice(0, negStart).match(/\b(?:do|does|did|will|would|has|have|had|could|can)\s+$/i)
    if (aux) negStart -= aux[0].length
    const negText = sentence.slice(negStart, end)
    // 'did not reject' is no rejection; taking it for acceptance would say more than the text.
    if (stance === 'rejects')
      return /refus|declin/i.test(neg[0])
        ? { stance, kind, rule: rule.id, text: negText, start: negStart, end }
        : null
    return { stance: 'rejects', kind: 'rejection', rule: rule.id, text: negText, start: negStart, end }
  }
  if (stance === 'accepts' && UNREAL.test(before) && !DONE_FIRST.test(before)) return null
  return { stance, kind, rule: rule.id, text, start, end }
}

/** Who says it: the faction itself, someone it is attributed to, or the article's own report. */
export type Voice = 'faction' | 'attributed' | 'report'

export interface Attribution {
  voice: Voice
  /** The words that name the speaker ('the statement', 'the governor'); null for a report. */
  by: string | null
  /** Where the speaker is named, to tell whether it is the faction itself. */
  start: number
  end: number
}

/** A verb of saying, followed by what is said ('said that', 'says:', 'told Alsouria Net', '…, it added.'). */
const SPEECH =
  /\b(?:said|says|told|tells|added|adds|continues|continued|announced|announces|stated|states|claimed|claims|reported|reports|confirmed|affirmed|declared|insisted)(?=\s*(?:that\b|:|,|["“‘]|\.|$))|\btold\b/i

/**
 * Who the sentence attributes its content to: 'according to X', 'X said/says/told',
 * '… in a statement'. The caller decides whether the speaker is the faction itself.
 */
export function attributionOf(text: string, span: Span): Attribution | null {
  const sentence = text.slice(span.start, span.end)
  const according = sentence.match(/\baccording to ((?:[^,.;:"“”]){1,60})/i)
  if (according?.[1]) {
    const at = (according.index ?? 0) + according[0].length - according[1].length
    return speaker(according[1].trim(), span.start + at, span.start + at + according[1].length)
  }
  const speech = sentence.match(SPEECH)
  if (speech && speech.index !== undefined) {
    // The speaker: what comes before the verb, after any opening clause ('On Wednesday, …').
    const head = sentence.slice(0, speech.index)
    // The last clause before the verb names the speaker ('…, a representative of the group said').
    const subject = head.replace(/^.*[,;:]\s*(?=\S)/, '').replace(/^.*\b(?:that|which)\s+/i, '')
    const at = head.length - subject.length
    if (subject.trim()) return speaker(subject.trim(), span.start + at, span.start + head.length)
  }
  const statement = sentence.match(/\b(?:in|through) (?:a|its|their) (?:joint )?statement\b/i)
  if (statement && statement.index !== undefined)
    return speaker(sentence.slice(0, statement.index).trim(), span.start, span.start + statement.index)
  return null
}

function speaker(by: string, start: number, end: number): Attribution {
  return {
    voice: 'attributed',
    by: by
      .replace(/\s+/g, ' ')
      .replace(/[\s,;:]+$/, '')
      .slice(0, 80),
    start,
    end,
  }
}
