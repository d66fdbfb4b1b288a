import type { EvidenceFact, FactionRecord } from '../extract/factions.ts'
import type { CueKind, Stance, Voice } from '../extract/stance-cues.ts'
import {
  type OverallStance,
  type StanceChange,
  type StanceSummary,
  summarizeStance,
} from '../extract/stance-summary.ts'
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts'
import { foldPhrase } from '../text/normalize.ts'
import { type Citation, cite } from './citation.ts'
import { resolveFaction } from './faction-resolve.ts'
import { findPassages } from './search.ts'
import { findAgreements, nearestAgreements } from './terms.ts'

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
  /** The agreement it is about: the one its article was telling of where it stands; null when none. */
  agreement: string | null
  /** The id of the stance rule (data/stance-rules.json) that found the cue: why it counts. */
  rule: string
  citation: Citation
}

export interface StanceAnswer {
  command: 'stance'
  query: string
  /** The armed faction asked about; null when none, or when the name is a state's forces. */
  faction: { name: string; aliases: string[]; kind: 'group' } | null
  /** A state's forces (Syrian Army, Fourth Division, Russian forces) are shown apart: never a faction. */
  stateForce: { name: string; aliases: string[] } | null
  /** The agreement asked about (`--agreement`), as the corpus names it; null: every agreement. */
  agreement: string | null
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
export function stance(kb: KnowledgeBase, query: string, agreementAsked?: string): StanceAnswer {
  const found = resolveFaction(kb, query)
  const f = found.faction
  const asked = agreementAsked?.trim() ? findAgreements(kb, agreementAsked) : null
  const base = {
    command: 'stance' as const,
    query,
    matched: found.how,
    suggestions: found.suggestions,
    agreement: asked ? (asked[0]?.name ?? null) : null,
  }
  if (asked && !asked.length)
    return {
      ...base,
      ...who(f),
      stance: 'unknown',
      evidence: [],
      changes: [],
      summary: `No agreement in the corpus goes by “${agreementAsked?.trim()}”.`,
      mentions: [],
      mentionCount: f?.mentions ?? 0,
      notice: `No agreement in the corpus goes by “${agreementAsked?.trim()}”.`,
      suggestions: nearestAgreements(kb, agreementAsked ?? ''),
    }
  if (!f) {
    // A name the corpus holds but not as a faction (a tribe, a council, a town) is not "not in
    // the corpus": its sentences are shown, so that the answer says no more than the corpus does.
    const named = sentencesNaming(kb, query)
    const shown = `“${query.trim()}”`
    const notice = named.count
      ? `${shown} is not a faction the corpus names, though ${named.count === 1 ? 'a sentence names' : `${named.count} sentences name`} it${found.suggestions.length ? '; did you mean one of these factions?' : '.'}`
      : `${shown} is not in the corpus${found.suggestions.length ? '; did you mean one of these?' : '.'}`
    return {
      ...base,
      faction: null,
      stateForce: null,
      stance: 'unknown',
      evidence: [],
      changes: [],
      summary: named.count ? `${shown} is not a faction the corpus names.` : `${shown} is not in the corpus.`,
      mentions: named.citations,
      mentionCount: named.count,
      notice,
    }
  }
  const all = f.kind === 'group' ? f.evidence.flatMap((e) => evidenceOf(kb, e)) : []
  const names = asked ? new Set(asked.map((a) => a.name)) : null
  const evidence = names ? all.filter((e) => e.agreement !== null && names.has(e.agreement)) : all
  // For one agreement, the stance is worked out again from its evidence alone.
  const summary = names ? summarizeStance(evidence) : { stance: f.stance, changes: f.changes }
  const mentions = evidence.length ? [] : mentionsOf(kb, f)
  const notice =
    f.kind === 'state'
      ? `${f.name} is a state's forces, not an armed faction taking a stance on the agreements.`
      : evidence.length
        ? null
        : names
          ? `The corpus says nothing of ${f.name}’s stance on the ${base.agreement}.`
          : `The corpus names ${f.name} but says nothing of its stance.`
  return {
    ...base,
    ...who(f),
    stance: f.kind === 'group' ? summary.stance : 'unknown',
    evidence,
    changes: f.kind === 'group' ? summary.changes : [],
    summary: summaryOf(f, summary, evidence),
    mentions,
    mentionCount: f.mentions,
    notice,
  }
}

/** A group is the faction asked about; a state's forces are shown apart, never as a faction. */
function who(f: FactionRecord | null): Pick<StanceAnswer, 'faction' | 'stateForce'> {
  if (!f) return { faction: null, stateForce: null }
  if (f.kind === 'state') return { faction: null, stateForce: { name: f.name, aliases: f.aliases } }
  return { faction: { name: f.name, aliases: f.aliases, kind: 'group' }, stateForce: null }
}

/** Where an article tells of each of its agreements: paragraph numbers of their events and terms. */
type Told = Map<string, { name: string; paragraphs: number[] }[]>
const toldCache = new WeakMap<object, Told>()

function toldOf(kb: KnowledgeBase): Told {
  const known = toldCache.get(kb.facts.agreements)
  if (known) return known
  const told: Told = new Map()
  for (const a of kb.facts.agreements) {
    const byArticle = new Map<string, number[]>()
    for (const ref of [...a.events.map((e) => e.ref), ...a.terms.flatMap((t) => t.refs)]) {
      const passage = kb.passages.get(ref.passage)
      if (!passage) continue
      const list = byArticle.get(passage.articleId) ?? []
      list.push(passage.paragraph)
      byArticle.set(passage.articleId, list)
    }
    for (const [article, paragraphs] of byArticle) {
      const list = told.get(article) ?? []
      list.push({ name: a.name, paragraphs })
      told.set(article, list)
    }
  }
  toldCache.set(kb.facts.agreements, told)
  return told
}

/**
 * The agreement a sentence is about: of the agreements its article tells of, the one told of
 * last before it (an article moves from one deal to the next), else the first told after it.
 */
function agreementAt(kb: KnowledgeBase, articleId: string, paragraph: number): string | null {
  const list = toldOf(kb).get(articleId)
  if (!list?.length) return null
  let best: { name: string; distance: number } | null = null
  for (const a of list)
    for (const p of a.paragraphs) {
      // Before or at the sentence counts first; after it only when nothing comes before.
      const distance = p <= paragraph ? paragraph - p : 1000 + p - paragraph
      if (!best || distance < best.distance) best = { name: a.name, distance }
    }
  return best?.name ?? null
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
      agreement: agreementAt(kb, passage.articleId, passage.paragraph),
      rule: e.rule,
      citation: cite(kb, passage, { start: e.start, end: e.end }),
    },
  ]
}

/** Passages searched for the sentences that name what is not a faction. */
const NAMING_PASSAGES = 20

/** The sentences that hold the query's words in a row (as a phrase, folded): the first few cited, and their count. */
function sentencesNaming(kb: KnowledgeBase, query: string): { citations: Citation[]; count: number } {
  const phrase = foldPhrase(query)
  const citations: Citation[] = []
  let count = 0
  if (!phrase) return { citations, count }
  for (const { passage } of findPassages(kb, query, NAMING_PASSAGES)) {
    // The passage first, its sentences only where it holds the phrase: most hits hold its words apart.
    if (!` ${foldPhrase(passage.text)} `.includes(` ${phrase} `)) continue
    for (const s of passage.sentences) {
      const text = passage.text.slice(s.start - passage.start, s.end - passage.start)
      if (!` ${foldPhrase(text)} `.includes(` ${phrase} `)) continue
      count++
      if (citations.length < MAX_MENTIONS) citations.push(cite(kb, passage, s))
    }
  }
  return { citations, count }
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
function summaryOf(f: FactionRecord, s: StanceSummary, evidence: StanceEvidence[]): string {
  if (f.kind === 'state') return `${f.name}: a state's forces, no stance on the agreements.`
  if (!evidence.length) return `${f.name}: no evidence of its stance.`
  const when = (d: string | null) => (d ? `on ${d}` : '(undated)')
  const head = `${f.name} ${VERB[s.stance]}`
  if (s.changes.length) {
    const first = s.changes[0]
    const steps = first ? [`${first.fromCue} ${when(first.fromDate)}`] : []
    for (const c of s.changes) steps.push(`${c.toCue} ${when(c.toDate)}`)
    return `${head}: ${steps.join(', then ')}.`
  }
  const n = evidence.length
  return `${head} (${n} piece${n === 1 ? '' : 's'} of evidence${s.stance === 'mixed' ? ', conflicting on the same day' : ''}).`
}
