import type { EvidenceFact, FactionRecord } from '../extract/factions.ts'
import type { CueKind, Stance, Voice } from '../extract/stance-cues.ts'
import type { OverallStance, StanceChange } from '../extract/stance-summary.ts'
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts'
import { type Citation, cite } from './citation.ts'
import { resolveFaction } from './faction-resolve.ts'

export interface StanceEvidence {
  stance: Stance
  /** rejection, acceptance, or compliance (an act that carries the deal out). */
  kind: CueKind
  cue: string
  date: string | null
  /** The faction's own word, someone else's (`by`), or the article's report. */
  voice: Voice
  by: string | null
  /** The name as the sentence gives it. */
  named: string
  citation: Citation
}

export interface StanceAnswer {
  command: 'stance'
  query: string
  faction: { name: string; aliases: string[]; kind: 'group' | 'state' } | null
  stance: OverallStance
  /** Oldest first; undated last. */
  evidence: StanceEvidence[]
  /** The change over time, e.g. rejected (2018-05-01) → accepted (2018-05-03). */
  changes: StanceChange[]
  /** One line: 'rejects — rejected on 2018-05-01, handed over on 2018-05-03'. */
  summary: string
  /** Where the faction is named, when there is no evidence of its stance. */
  mentions: Citation[]
  /** How many sentences name it in all. */
  mentionCount: number
  /** Why there is no stance: not in the corpus, a state's forces, no evidence. */
  notice: string | null
  /** How the name was matched: its name or alias, a short form, a typo. */
  matched: 'name' | 'short form' | 'typo' | null
  suggestions: string[]
}

/** How many passages an answer without evidence shows where the faction is named. */
export const MAX_MENTIONS = 5

/**
 * stance: a faction's position on the agreements — accepts, rejects, mixed or unknown — with
 * each piece of evidence quoted and cited. A name not in the corpus gets no stance at all
 * (never another faction's), only the closest names.
 */
export function stance(kb: KnowledgeBase, query: string): StanceAnswer {
  const found = resolveFaction(kb, query)
  const f = found.faction
  const base = { command: 'stance' as const, query, matched: found.how, suggestions: found.suggestions }
  if (!f)
    return {
      ...base,
      faction: null,
      stance: 'unknown',
      evidence: [],
      changes: [],
      summary: `“${query.trim()}” is not in the corpus.`,
      mentions: [],
      mentionCount: 0,
      notice: `“${query.trim()}” is not in the corpus${found.suggestions.length ? '; did you mean one of these?' : '.'}`,
    }
  const faction = { name: f.name, aliases: f.aliases, kind: f.kind }
  const evidence = f.kind === 'group' ? f.evidence.flatMap((e) => evidenceOf(kb, e)) : []
  const mentions = evidence.length ? [] : mentionsOf(kb, f)
  const notice =
    f.kind === 'state'
      ? `${f.name} is a state's forces, not an armed faction taking a stance on the agreements.`
      : evidence.length
        ? null
        : `The corpus names ${f.name} but says nothing of its stance.`
  return {
    ...base,
    faction,
    stance: f.kind === 'group' ? f.stance : 'unknown',
    evidence,
    changes: f.kind === 'group' ? f.changes : [],
    summary: summaryOf(f, evidence),
    mentions,
    mentionCount: f.mentions,
    notice,
  }
}

function evidenceOf(kb: KnowledgeBase, e: EvidenceFact): StanceEvidence[] {
  const passage = kb.passages.get(e.passageId)
  if (!passage) return []
  return [
    {
      stance: e.stance,
      kind: e.kind,
      cue: e.cue,
      date: e.date,
      voice: e.voice,
      by: e.by,
      named: e.faction,
      citation: cite(kb, passage, { start: e.start, end: e.end }),
    },
  ]
}

function mentionsOf(kb: KnowledgeBase, f: FactionRecord): Citation[] {
  const out: Citation[] = []
  for (const m of f.passages) {
    const passage = kb.passages.get(m.passageId)
    if (passage) out.push(cite(kb, passage, { start: m.start, end: m.end }))
    if (out.length >= MAX_MENTIONS) break
  }
  return out
}

const VERB: Record<OverallStance, string> = {
  accepts: 'accepts',
  rejects: 'rejects',
  mixed: 'mixed',
  unknown: 'unknown',
}

/** 'rejects — rejected (undated), handed over on 2018-05-03' when the stance changed; else the stance and the evidence count. */
function summaryOf(f: FactionRecord, evidence: StanceEvidence[]): string {
  if (f.kind === 'state') return `${f.name}: a state's forces, no stance on the agreements.`
  if (!evidence.length) return `${f.name}: no evidence of its stance.`
  const when = (d: string | null) => (d ? `on ${d}` : '(undated)')
  const head = `${f.name} ${VERB[f.stance]}`
  if (f.changes.length) {
    const first = f.changes[0]
    const steps = first ? [`${first.fromCue} ${when(first.fromDate)}`] : []
    for (const c of f.changes) steps.push(`${c.toCue} ${when(c.toDate)}`)
    return `${head}: ${steps.join(', then ')}.`
  }
  const n = evidence.length
  return `${head} (${n} piece${n === 1 ? '' : 's'} of evidence${f.stance === 'mixed' ? ', conflicting on the same day' : ''}).`
}
