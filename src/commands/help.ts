import { basename } from 'node:path'
import { z } from 'zod'
import { type HelpAnswer, help } from '../answers/help.ts'
import { plural } from '../render/words.ts'
import { commands } from './index.ts'
import { defineCommand } from './types.ts'

export default defineCommand({
  name: 'help',
  description: 'What each command does, with an example; how names are matched; which corpus is loaded',
  options: [],
  examples: ['help'],
  args: z.object({}),
  // The registry is read when help runs, not when this module loads: it lists help itself too.
  run: (kb) =>
    help(
      kb,
      commands.map((c) => ({ name: c.name, description: c.description, example: c.examples[0] ?? null })),
    ),
  present(answer: HelpAnswer) {
    const c = answer.corpus
    const range = c.from ? (c.from === c.to ? `, dated ${c.from}` : `, dated ${c.from} to ${c.to}`) : ''
    return {
      title: 'Musalaha: how to ask',
      lead: 'Answers about local reconciliation deals in Syria, quoted word for word from news articles, each quote numbered to its source.',
      sections: [
        {
          heading: 'Commands',
          items: answer.commands.map((e) => ({
            text: `${e.name} — ${e.description}${e.example ? `. Example: ${e.example}` : ''}`,
            highlights: [[0, e.name.length]],
          })),
        },
        { heading: 'How names are matched', items: answer.matching.map((text) => ({ text })) },
        {
          heading: 'The corpus',
          items: [
            {
              text: `${basename(c.path)}: ${plural(c.articles, 'article')} from ${plural(c.publishers, 'publisher')}${range}; ${plural(c.passages, 'passage')}, ${plural(c.agreements, 'agreement')}, ${plural(c.factions, 'armed faction')}.`,
            },
          ],
        },
      ],
      citations: [],
    }
  },
})
