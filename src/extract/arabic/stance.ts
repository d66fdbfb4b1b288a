import type { Article, Passage } from '../../corpus/types.ts'
import {
  type EvidenceFact,
  type FactionArticleFacts,
  type MentionFact,
  sentenceMentions,
} from '../factions.ts'
import type { Stance } from '../stance-cues.ts'
import { matchRules, type NormalSpan, normalSpan, toArticle } from './match.ts'
import { type ArabicName, findArabicGroupNames } from './names.ts'
import { ARABIC_NEGATION, ARABIC_STANCE_CUES, ARABIC_UNREAL, type StanceCueValue } from './stance-rules.ts'

/**
 * Factions and their stance in Arabic sentences, in the same facts as English ones. Arabic puts
 * the verb first as often as not ('ورفضت «أحرار الشام» الشروط'): a cue applies to the group
 * right after it, else to the group before it in its clause ('«هيئة تحرير الشام» رفضت…'),
 * and a following verb with no subject of its own ('وأكدت أنها لن تسلّم') to the one before.
 */

/** A cue found in a sentence, in article offsets, with the rule that found it. */
export interface ArabicCue {
  stance: Stance
  kind: StanceCueValue['kind']
  text: string
  start: number
  end: number
  /** Offsets in the normalised sentence. */
  at: number
  to: number
  rule: string
}

/** The two (or three) words before a position of a normalised sentence, within its clause. */
function wordsBefore(text: string, at: number, n: number): string {
  const clause =
    text
      .slice(0, at)
      .split(/[،,؛;:.!?؟«»]/)
      .pop() ?? ''
  return clause.match(new RegExp(`(?:\\S+\\s+){0,${n}}$`, 'u'))?.[0] ?? ''
}

/** The stance cues of a sentence, judged: negated ones turned round, demands and conditions left out. */
export function findArabicCues(original: string, span: NormalSpan): ArabicCue[] {
  const out: ArabicCue[] = []
  for (const m of matchRules(ARABIC_STANCE_CUES, span.text)) {
    const value = m.rule.value
    let stance: Stance = value.kind === 'rejection' ? 'rejects' : 'accepts'
    let kind = value.kind
    let at = m.start
    if (!value.fixed) {
      const before = wordsBefore(span.text, m.start, 2)
      const neg = before.match(ARABIC_NEGATION)
      // A rejection just before swallows the act it refuses: 'ترفض تسليم سلاحها'.
      const previous = out[out.length - 1]
      if (previous && previous.stance === 'rejects' && m.start - previous.to <= 12 && stance === 'accepts') {
        previous.to = m.end
        const a = toArticle(span, previous.at, m.end)
        previous.end = a.end
        previous.text = original.slice(previous.start, previous.end)
        continue
      }
      if (neg) {
        if (stance === 'rejects') continue
        stance = 'rejects'
        kind = 'rejection'
        at = m.start - before.length + (neg.index ?? 0)
      } else if (stance === 'accepts' && ARABIC_UNREAL.test(wordsBefore(span.text, m.start, 3))) continue
    }
    const a = toArticle(span, at, m.end)
    out.push({
      stance,
      kind,
      text: original.slice(a.start, a.end),
      start: a.start,
      end: a.end,
      at,
      to: m.end,
      rule: m.rule.id,
    })
  }
  return out
}

/** Where clauses break: 'فيما', 'بينما', 'في حين', 'غير أن', 'لكن', semicolons. */
const CLAUSE_BREAK = /؛|;|،\s*(?:فيما|بينما|في حين|غير ان|لكن|الا ان)|\s(?:فيما|بينما|في حين)\s/gu

function clauseOf(text: string, at: number): { start: number; end: number } {
  let start = 0
  let end = text.length
  for (const m of text.matchAll(CLAUSE_BREAK)) {
    if (m.index < at) start = m.index + m[0].length
    else {
      end = m.index
      break
    }
  }
  return { start, end }
}

/** A subject before its verb stands within this many words of it ('وكانت «الجبهة…»، المدعومة من تركيا، قد أعلنت…'). */
export const MAX_SUBJECT_WORDS = 10

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length
}

/** Who says it: the group's own statement ('قالت في بيان'), someone else's ('بحسب…', 'رأى مراقبون'), or a report. */
const OWN_WORDS = /(?:قال|قالت|اعلن|اعلنت|اكد|اكدت|بيان|بيانها|بيانه)/u
const OTHERS_WORDS = /(?:بحسب|وفق|نقلا عن|ذكرت|افادت|راي|رات|يري|اعتبر)\s+(\S+(?:\s+\S+)?)/u

/** The factions an Arabic article names and the stance evidence of its sentences. */
export function extractArabicFactionFacts(
  article: Article,
  passages: readonly Passage[],
): FactionArticleFacts {
  const text = article.text
  const mentions: MentionFact[] = []
  const evidence: EvidenceFact[] = []
  for (const passage of passages) {
    // A verb with no subject of its own points back one sentence, never across paragraphs.
    let previous: ArabicName | null = null
    const named = new Set<string>()
    for (const s of passage.sentences) {
      const span = normalSpan(text, s.start, s.end)
      const names = findArabicGroupNames(text, span)
      mentions.push(...sentenceMentions(names, s, passage.id, named))
      const cues = names.length || previous ? findArabicCues(text, span) : []
      const before = previous
      previous = names[names.length - 1] ?? null
      if (!cues.length) continue
      const normalAt = (articleOffset: number) =>
        span.offsets.findIndex((o) => span.base + o >= articleOffset)
      const seen = new Set<string>()
      for (const cue of cues) {
        const clause = clauseOf(span.text, cue.at)
        const inClause = names.filter((n) => {
          const at = normalAt(n.start)
          return at >= clause.start && at < clause.end
        })
        // The verb first: the group right after it (a few words at most).
        const after = inClause.find((n) => n.start >= cue.end && n.start - cue.end <= 12)
        const earlier = [...inClause]
          .reverse()
          .find((n) => n.end <= cue.start && wordCount(text.slice(n.end, cue.start)) <= MAX_SUBJECT_WORDS)
        const subject = after ?? earlier ?? (names.length === 0 ? before : null)
        // A state's forces take no stance here, and the cue is theirs, not another group's.
        if (!subject || subject.kind === 'state' || seen.has(subject.key)) continue
        seen.add(subject.key)
        const others = span.text.match(OTHERS_WORDS)
        const voice = others ? 'attributed' : OWN_WORDS.test(span.text) ? 'faction' : 'report'
        const fact = {
          faction: subject.name,
          key: subject.key,
          stance: cue.stance,
          kind: cue.kind,
          cue: cue.text.replace(/\s+/g, ' '),
          date: article.date,
          passageId: passage.id,
          start: s.start,
          end: s.end,
          voice,
          by: others?.[1] ?? null,
          rule: cue.rule,
        } as const
        evidence.push(fact)
      }
    }
  }
  return { mentions, evidence }
}
