import { z } from 'zod'
import { type FactionsAnswer, factions } from '../answers/factions.ts'
import type { Section } from '../render/presentation.ts'
import { defineCommand } from './types.ts'

export default defineCommand({
  name: 'factions',
  description: 'Every armed faction in the corpus with its stance on the agreements and how much evidence',
  options: [],
  examples: ['factions', 'factions --json'],
  args: z.object({}),
  run: (kb) => factions(kb),
  present(answer: FactionsAnswer) {
    const width = Math.min(40, Math.max(0, ...answer.factions.map((f) => f.name.length)))
    const row = (f: FactionsAnswer['factions'][number]) =>
      `${f.name.padEnd(width)}  ${f.stance.padEnd(8)}  ${String(f.evidence).padStart(2)} evidence${f.latest ? `, latest ${f.latest}` : ''}`
    const sections: Section[] = [{ items: answer.factions.map((f) => ({ text: row(f) })) }]
    if (answer.stateForces.length)
      sections.push({
        heading: 'Also named: states’ forces (no stance taken on the agreements)',
        items: [{ text: answer.stateForces.map((s) => s.name).join(', ') }],
      })
    return {
      title: 'Factions',
      lead: answer.factions.length
        ? `${answer.factions.length} armed faction${answer.factions.length === 1 ? '' : 's'} in the corpus. /stance <faction> shows the evidence.`
        : 'The corpus names no armed faction.',
      sections,
      citations: [],
    }
  },
})
