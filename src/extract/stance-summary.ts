import type { Stance } from './stance-cues.ts'

export type OverallStance = Stance | 'mixed' | 'unknown'

/** A change of stance between two days that have evidence ('rejected on 1 May, handed over weapons on 3 May'). */
export interface StanceChange {
  from: OverallStance
  to: OverallStance
  /** null: the earlier evidence has no date (an undated article). */
  fromDate: string | null
  toDate: string
  /** The cues of each side, as written. */
  fromCue: string
  toCue: string
}

export interface StanceSummary {
  stance: OverallStance
  changes: StanceChange[]
}

interface Dated {
  stance: Stance
  date: string | null
  cue: string
}

/**
 * The overall stance: all evidence agrees → that stance; it conflicts over time → the stance of
 * the latest day, with each change; it conflicts on the latest day (or nothing is dated) → mixed;
 * no evidence → unknown. Undated evidence can't be placed in time: it stands before the dated.
 */
export function summarizeStance(evidence: readonly Dated[]): StanceSummary {
  if (!evidence.length) return { stance: 'unknown', changes: [] }
  const stances = new Set(evidence.map((e) => e.stance))
  if (stances.size === 1) return { stance: evidence[0]?.stance ?? 'unknown', changes: [] }
  const days = new Map<string | null, Dated[]>()
  for (const e of evidence) days.set(e.date, [...(days.get(e.date) ?? []), e])
  const order = [...days.keys()].sort((a, b) => (a === null ? -1 : b === null ? 1 : a.localeCompare(b)))
  const dayStance = (d: string | null): OverallStance => {
    const s = new Set((days.get(d) ?? []).map((e) => e.stance))
    return s.size === 1 ? ([...s][0] ?? 'unknown') : 'mixed'
  }
  const latest = order[order.length - 1] ?? null
  if (latest === null) return { stance: 'mixed', changes: [] }
  const changes: StanceChange[] = []
  for (let i = 1; i < order.length; i++) {
    const a = order[i - 1] ?? null
    const b = order[i] ?? null
    const from = dayStance(a)
    const to = dayStance(b)
    if (from !== to && b !== null)
      changes.push({
        from,
        to,
        fromDate: a,
        toDate: b,
        fromCue: days.get(a)?.[0]?.cue ?? '',
        toCue: days.get(b)?.[0]?.cue ?? '',
      })
  }
  return { stance: dayStance(latest), changes }
}
