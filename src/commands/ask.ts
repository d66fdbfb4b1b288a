import { z } from 'zod'
import { type AskAnswer, ask } from '../answers/ask.ts'
import { CitationList, type Section } from '../render/presentation.ts'
import { confidenceWords } from '../render/words.ts'
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
  // The lead already says when it is not sure; the footer says how sure otherwise.
  const how = answer.confidence >= 0.5 ? confidenceWords(answer.confidence) : ''
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
    ...(how || via
      ? { footer: `${how.charAt(0).toUpperCase()}${how.slice(1)}${via}`.replace(/^ — /, '') }
      : {}),
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
