import type { OverallStance } from '../extract/stance-summary.ts'
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts'

export interface FactionRow {
  name: string
  stance: OverallStance
  /** Pieces of evidence of its stance. */
  evidence: number
  /** Sentences that name it. */
  mentions: number
  /** The date of its latest evidence. */
  latest: string | null
  aliases: string[]
}

export interface FactionsAnswer {
  command: 'factions'
  query: string
  factions: FactionRow[]
  /** States' forces the corpus names (Syrian Army, Russian Forces): no party taking a stance. */
  stateForces: { name: string; mentions: number }[]
}

/** factions: every armed faction of the corpus with its stance and how much evidence there is, most evidence first. */
export function factions(kb: KnowledgeBase): FactionsAnswer {
  const rows: FactionRow[] = []
  const stateForces: FactionsAnswer['stateForces'] = []
  for (const f of kb.facts.factions) {
    if (f.kind === 'state') {
      stateForces.push({ name: f.name, mentions: f.mentions })
      continue
    }
    const dated = f.evidence.flatMap((e) => (e.date ? [e.date] : [])).sort()
    rows.push({
      name: f.name,
      stance: f.stance,
      evidence: f.evidence.length,
      mentions: f.mentions,
      latest: dated[dated.length - 1] ?? null,
      aliases: f.aliases,
    })
  }
  rows.sort((a, b) => b.evidence - a.evidence || b.mentions - a.mentions || a.name.localeCompare(b.name))
  stateForces.sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name))
  return { command: 'factions', query: '', factions: rows, stateForces }
}
