import { z } from 'zod'
import { DEFAULT_LIMIT, MAX_LIMIT, type SearchAnswer, search } from '../answers/search.ts'
import { CitationList, fromMarked } from '../render/presentation.ts'
import { shownQuery } from '../text/query.ts'
import { defineCommand } from './types.ts'

export const limitOption = {
  name: 'limit',
  description: `How many results (1–${MAX_LIMIT}, default ${DEFAULT_LIMIT})`,
  type: 'integer',
  min: 1,
  max: MAX_LIMIT,
} as const

export const limitArg = z.coerce.number().int().min(1).max(MAX_LIMIT).optional()

export default defineCommand({
  name: 'search',
  description: 'Find the passages of the corpus that match some words, each quoted and cited',
  options: [
    {
      name: 'query',
      description: 'Words to look for (any spelling of a name)',
      type: 'string',
      required: true,
      positional: true,
      maxLength: 500,
    },
    limitOption,
  ],
  examples: ['search military police', 'search "Jaish al-Izza" --limit 3'],
  args: z.object({ query: z.string().trim().min(1, 'say what to search for'), limit: limitArg }),
  run: (kb, { query, limit }) => search(kb, query, limit === undefined ? {} : { limit }),
  present(answer: SearchAnswer) {
    const cites = new CitationList()
    const items = answer.results.map((r) => ({ ...fromMarked(r.snippet), cites: [cites.add(r.citation)] }))
    return {
      title: `Search: “${shownQuery(answer.query)}”`,
      lead: answer.results.length
        ? `${answer.results.length} of ${answer.total} matching passage${answer.total === 1 ? '' : 's'}`
        : `Nothing in the corpus matches “${shownQuery(answer.query)}”.`,
      sections: items.length ? [{ items }] : [],
      citations: cites.list,
    }
  },
})
