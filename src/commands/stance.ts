import { z } from 'zod'
import { nameScore } from '../answers/resolve.ts'
import { type StanceAnswer, type StanceEvidence, stance } from '../answers/stance.ts'
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts'
import { CitationList, type Item } from '../render/presentation.ts'
import { shownQuery } from '../text/query.ts'
import { agreementChoices } from './terms.ts'
import { type Choice, defineCommand } from './types.ts'

/**
 * The factions of the corpus for autocomplete, best match first, by any of their names: typing
 * 'sham leg' offers 'Faylaq al-Sham (Sham Legion)'. The value is the canonical name.
 */
export function factionChoices(kb: KnowledgeBase, typed: string): Choice[] {
  const groups = kb.facts.factions.filter((f) => f.kind === 'group')
  const label = (name: string, via?: string) => (via ? `${name} (${via})` : name).slice(0, 100)
  if (!typed.trim())
    return [...groups]
      .sort((a, b) => b.evidence.length - a.evidence.length || a.name.localeCompare(b.name))
      .slice(0, 25)
      .map((f) => ({ name: label(`${f.name} — ${f.stance}`), value: f.name.slice(0, 100) }))
  return groups
    .map((f) => {
      const byName = nameScore(typed, { name: f.name })
      const alias = f.aliases
        .map((a) => ({ a, s: nameScore(typed, { name: a }) }))
        .sort((x, y) => y.s - x.s)[0]
      const via = alias && alias.s > byName ? alias.a : undefined
      return { f, s: Math.max(byName, alias?.s ?? 0), via }
    })
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s || a.f.name.localeCompare(b.f.name))
    .slice(0, 25)
    .map((x) => ({ name: label(x.f.name, x.via), value: x.f.name.slice(0, 100) }))
}

const STANCE_WORDS = { accepts: 'accepts', rejects: 'rejects', mixed: 'mixed', unknown: 'unknown' } as const

function evidenceItem(e: StanceEvidence, cites: CitationList): Item {
  const who =
    e.voice === 'faction'
      ? 'in its own words'
      : e.voice === 'attributed' && e.by
        ? `according to ${e.by}`
        : 'reported'
  const about = e.agreement ? ` — ${e.agreement}` : ''
  const text = `${e.date ?? 'undated'} — ${e.stance === 'accepts' ? 'accepts' : 'rejects'}: “${e.cue}” (${who})${about}`
  const at = text.indexOf(e.cue)
  return { text, cites: [cites.add(e.citation)], highlights: [[at, at + e.cue.length]] }
}

export default defineCommand({
  name: 'stance',
  description: 'A faction’s position on the agreements — accepts, rejects, mixed — with quoted evidence',
  options: [
    {
      name: 'faction',
      description: 'The faction: any spelling, English name or acronym',
      type: 'string',
      required: true,
      positional: true,
      maxLength: 200,
      autocomplete: factionChoices,
    },
    {
      name: 'agreement',
      description: 'Only its stance on this agreement: its place or name',
      type: 'string',
      maxLength: 200,
      autocomplete: agreementChoices,
    },
  ],
  examples: [
    'stance "Jaysh al-Azza"',
    'stance "Sham Legion"',
    'stance HTS --json',
    'stance "Ahrar al-Sham" --agreement Zabadani',
  ],
  args: z.object({
    faction: z.string().trim().min(1, 'name a faction'),
    agreement: z.string().trim().optional(),
  }),
  run: (kb, { faction, agreement }) => stance(kb, faction, agreement),
  present(answer: StanceAnswer) {
    const cites = new CitationList()
    const named = answer.faction ?? answer.stateForce
    if (!named) {
      // Not a faction, but perhaps named all the same: the sentences that name it, cited.
      const sections = answer.mentions.length
        ? [
            {
              heading: `Named in ${answer.mentionCount} sentence${answer.mentionCount === 1 ? '' : 's'}`,
              items: answer.mentions.map((c) => ({ text: c.quote, cites: [cites.add(c)] })),
            },
          ]
        : []
      return {
        title: `Stance: “${shownQuery(answer.query)}”`,
        lead: answer.notice ?? 'Not in the corpus.',
        sections,
        citations: cites.list,
        suggestions: answer.suggestions,
      }
    }
    const sections = []
    const own = answer.evidence.filter((e) => e.voice === 'faction')
    const others = answer.evidence.filter((e) => e.voice !== 'faction')
    if (own.length)
      sections.push({ heading: 'In its own words', items: own.map((e) => evidenceItem(e, cites)) })
    if (others.length)
      sections.push({
        heading: own.length ? 'Reported' : 'Evidence',
        items: others.map((e) => evidenceItem(e, cites)),
      })
    if (answer.mentions.length)
      sections.push({
        heading: `Named in ${answer.mentionCount} sentence${answer.mentionCount === 1 ? '' : 's'}`,
        items: answer.mentions.map((c) => ({ text: c.quote, cites: [cites.add(c)] })),
      })
    const aliases = named.aliases.length ? `Also: ${named.aliases.slice(0, 8).join(', ')}` : undefined
    return {
      title: `${named.name}: ${STANCE_WORDS[answer.stance]}${answer.agreement ? ` on the ${answer.agreement}` : ''}`,
      lead: answer.notice ?? answer.summary,
      sections,
      citations: cites.list,
      ...(aliases ? { footer: aliases } : {}),
    }
  },
})
