import type { GroupKind } from '../extract/armed-groups.ts'
import type { FactionRecord } from '../extract/factions.ts'
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
  /** The gazetteer's kind of group (jihadist, kurdish…), when the gazetteer knows it. */
  kind: GroupKind | null
  /** Renames, mergers and splits (Jabhat Fateh al-Sham: renamed-from Jabhat al-Nusra, 2016-07-28). */
  lineage: FactionRecord['lineage']
  /** The rules that found its names: 'gazetteer', 'aliases.json', a shape rule's id. */
  foundBy: string[]
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
      kind: f.group?.kind ?? null,
      lineage: f.lineage,
      foundBy: f.rules,
    })
  }
  rows.sort((a, b) => b.evidence - a.evidence || b.mentions - a.mentions || a.name.localeCompare(b.name))
  stateForces.sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name))
  return { command: 'factions', query: '', factions: rows, stateForces }
}
