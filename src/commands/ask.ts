import { z } from 'zod'
import { type AskAnswer, ask } from '../answers/ask.ts'
import { CitationList, type Section } from '../render/presentation.ts'
import { MAX_QUERY_CHARS, shownQuery } from '../text/query.ts'
import { defineCommand } from './types.ts'

/** The answer, how sure it is, and every source: agreeing ones under it, disagreeing ones beside it. */
export function presentAsk(answer: AskAnswer) {
  const cites = new CitationList()
  const title = `Ask: “${shownQuery(answer.query)}”`
  if (answer.answer === null) {
    return {
      title,
      lead: 'The corpus does not answer this question.',
      sections: answer.nearest.length
        ? [
            {
              heading: 'Nearest passages',
              items: answer.nearest.map((c) => ({ text: c.quote, cites: [cites.add(c)] })),
            },
          ]
        : [],
      citations: cites.list,
      suggestions: answer.suggestions,
    }
  }
  const sure = answer.confidence < 0.5 ? ' (not sure: check the quotes)' : ''
  const via = answer.routedTo ? ` — answered by /${answer.routedTo}` : ''
  const sections: Section[] = [
    {
      heading: 'Where the corpus says so',
      items: answer.citations.map((c) => ({ text: c.quote, cites: [cites.add(c)] })),
    },
  ]
  if (answer.alternatives.length)
    sections.push({
      heading: 'Other sources say otherwise',
      items: answer.alternatives.map((a) => ({
        text: a.answer,
        cites: a.citations.map((c) => cites.add(c)),
      })),
    })
  return {
    title,
    lead: `${answer.answer}${sure}`,
    sections,
    citations: cites.list,
    footer: `confidence ${answer.confidence.toFixed(2)}${via}`,
  }
}

export default defineCommand({
  name: 'ask',
  description: 'Answer a question from the corpus in a few words, quoted and cited, or say it cannot',
  options: [
    {
      name: 'question',
      description: 'A question, e.g. Who is the governor of Homs?',
      type: 'string',
      required: true,
      positional: true,
      maxLength: MAX_QUERY_CHARS,
    },
  ],
  examples: [
    'ask "Who is the Russian representative in the northern Homs negotiations?"',
    'ask "How many people will be withdrawn from al-Waer?"',
    'ask "Did Jaysh al-Azza accept the agreement?"',
  ],
  args: z.object({ question: z.string().trim().min(1, 'ask a question') }),
  run: (kb, { question }) => ask(kb, question),
  present: presentAsk,
})
