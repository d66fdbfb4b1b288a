import { z } from 'zod'
import { type TimelineAnswer, timeline } from '../answers/timeline.ts'
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts'
import { corpusLine } from '../render/discord.ts'
import type { Section } from '../render/presentation.ts'
import { timelinePng, warmChartLibraries } from '../render/timeline-chart.ts'
import { plural } from '../render/words.ts'
import { shownQuery } from '../text/query.ts'
import { factionChoices } from './stance.ts'
import { agreementChoices } from './terms.ts'
import { type Choice, defineCommand } from './types.ts'

/** Agreements and places first, then factions: what a timeline can be drawn for. */
function subjectChoices(kb: KnowledgeBase, typed: string): Choice[] {
  return [...agreementChoices(kb, typed), ...factionChoices(kb, typed)].slice(0, 25)
}

export default defineCommand({
  name: 'timeline',
  description:
    'A picture of what happened when: an agreement’s stages and each faction’s stance, dated and cited',
  options: [
    {
      name: 'subject',
      description: 'An agreement, a place or a faction',
      type: 'string',
      required: true,
      positional: true,
      maxLength: 200,
      autocomplete: subjectChoices,
    },
  ],
  examples: ['timeline rastan --out rastan.png', 'timeline "Jaysh al-Azza" --out azza.png', 'timeline HTS'],
  args: z.object({ subject: z.string().trim().min(1, 'name an agreement, a place or a faction') }),
  run: (kb, { subject }) => timeline(kb, subject),
  // Loading vega takes seconds: a bot pays it once it is ready, not in a user's first /timeline.
  warm: warmChartLibraries,
  present(answer: TimelineAnswer) {
    if (!answer.marks.length)
      return {
        title: `Timeline: “${shownQuery(answer.query)}”`,
        lead: answer.subject
          ? `The corpus gives no dated event or stance for ${answer.subject.name}.`
          : 'No agreement, place or faction in the corpus goes by that name.',
        sections: [],
        citations: [],
        suggestions: answer.suggestions,
      }
    const sections: Section[] = answer.lanes.map((lane) => ({
      heading: lane.name,
      items: answer.marks
        .filter((m) => m.lane === lane.name)
        .map((m) => ({
          text: `${m.date}${m.dateFrom === 'article' ? ' (article date)' : ''}: ${m.label}`,
          cites: [m.cite],
        })),
    }))
    const undated = answer.undated ? ` ${plural(answer.undated, 'undated event')} left out.` : ''
    return {
      title: `Timeline: ${answer.subject?.name ?? shownQuery(answer.query)}`,
      lead: `${plural(answer.marks.length, 'dated mark')} from ${answer.marks[0]?.date} to ${answer.marks[answer.marks.length - 1]?.date}, each numbered to its source.${undated}`,
      sections,
      citations: answer.citations,
    }
  },
  picture: (answer, kb) => timelinePng(answer, { corpus: corpusLine(kb) }),
})
