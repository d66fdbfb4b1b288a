import { z } from 'zod'
import { type Named, rankByName } from '../answers/resolve.ts'
import { type SourceAnswer, source } from '../answers/source.ts'
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts'
import type { Choice } from './types.ts'
import { defineCommand } from './types.ts'

/** Articles by id or title, for autocomplete. */
const articleLists = new WeakMap<object, (Named & { id: string })[]>()

/** Every article by its title and id; made again when the facts are (after any change of articles). */
function articleEntries(kb: KnowledgeBase): (Named & { id: string })[] {
  let entries = articleLists.get(kb.facts)
  if (!entries) {
    entries = [...kb.articles.values()].map((a) => ({ name: a.title, variants: [a.id], id: a.id }))
    articleLists.set(kb.facts, entries)
  }
  return entries
}

export function articleChoices(kb: KnowledgeBase, typed: string): Choice[] {
  const all = articleEntries(kb)
  const ranked = typed.trim() ? rankByName(typed, all) : all.slice(0, 25)
  return ranked.map((a) => ({ name: a.name.slice(0, 100), value: a.id.slice(0, 100) }))
}

export default defineCommand({
  name: 'source',
  description: 'Show an article, or one paragraph of it, with its citation',
  options: [
    {
      name: 'article',
      description: 'The article: its id or title',
      type: 'string',
      required: true,
      positional: true,
      autocomplete: articleChoices,
    },
    { name: 'paragraph', description: 'One paragraph (1-based)', type: 'integer', positional: true, min: 1 },
  ],
  examples: ['source 001_5b4b42df90f05e6d 12', 'source "Jaysh al-Azza Takes a Decisive Stance"'],
  args: z.object({
    article: z.string().trim().min(1, 'name an article (its id or title)'),
    paragraph: z.coerce.number().int().min(1).optional(),
  }),
  run: (kb, { article, paragraph }) => source(kb, article, paragraph),
  present(answer: SourceAnswer) {
    const a = answer.article
    if (!a)
      return {
        title: 'No such article',
        lead: answer.notice ?? '',
        sections: [],
        citations: [],
        suggestions: answer.suggestions,
      }
    const meta = [a.source, a.author, a.date, a.url].filter(Boolean).join(' · ')
    const one = answer.passages.length === 1 ? answer.passages[0] : undefined
    return {
      title: a.title,
      lead: answer.notice ?? (meta || `${a.paragraphs} paragraphs`),
      sections: [
        {
          items: answer.passages.map((p) => ({
            text: `¶${p.paragraph} ${p.text.replace(/\s+/g, ' ')}`,
            ...(one ? { cites: [1] } : {}),
          })),
        },
      ],
      citations: one ? [one.citation] : [],
    }
  },
})
