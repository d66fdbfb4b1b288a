import { z } from 'zod'
import { type AboutAnswer, about } from '../answers/about.ts'
import { plural } from '../render/words.ts'
import { defineCommand } from './types.ts'

export default defineCommand({
  name: 'about',
  description: 'What the corpus holds: articles, passages, dates, publishers, files skipped and why',
  options: [],
  examples: ['about'],
  args: z.object({}),
  run: (kb) => about(kb),
  present(answer: AboutAnswer) {
    const range = answer.dates.from ? `, dated ${answer.dates.from} to ${answer.dates.to}` : ''
    const sections = [
      {
        heading: 'Publishers',
        items: answer.sources.map((s) => ({
          text: `${s.name} — ${plural(s.articles, 'article')}`,
        })),
      },
    ]
    if (answer.skipped.length)
      sections.push({
        heading: 'Skipped',
        items: answer.skipped.map((s) => ({ text: `${s.file}: ${s.reason}` })),
      })
    return {
      title: 'About the corpus',
      lead: `${plural(answer.articles, 'article')}, ${plural(answer.passages, 'passage')}${range}.`,
      sections: sections.filter((s) => s.items.length),
      citations: [],
    }
  },
})
