import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { foldPhrase, foldWord } from '../text/normalize.ts'

/**
 * The rules that find faction names by their shape (data/faction-name-rules.json) and the rules
 * that say a name is never a faction (data/not-factions.json): tables with ids, examples and
 * counter-examples, read and checked here once.
 */

const DATA = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data')

const Example = z.object({ text: z.string(), names: z.array(z.string()) }).strict()

const NameRulesSchema = z
  .object({
    about: z.string().optional(),
    words: z
      .object({
        heads: z.array(z.string()),
        weakHeads: z.array(z.string()),
        tails: z.array(z.string()),
        functionWords: z.array(z.string()),
        stateWords: z.array(z.string()),
        genericWords: z.array(z.string()),
        /** Words that say a committee or delegation negotiates: its name makes it a party (folded). */
        partyQualifiers: z.array(z.string()),
        /** What such a party is called: committee, delegation (folded). */
        partyTails: z.array(z.string()),
        /** Arabic type words (folded) and the English type words that translate them (folded). */
        headTranslations: z.record(z.string(), z.array(z.string())),
      })
      .strict(),
    rules: z.array(
      z
        .object({
          id: z.string().regex(/^[a-z]+:[a-z-]+$/),
          finds: z.string(),
          examples: z.array(Example).min(1),
          counterExamples: z.array(Example).min(1),
        })
        .strict(),
    ),
  })
  .strict()

const NotFactionsSchema = z
  .object({
    about: z.string().optional(),
    rules: z.array(
      z
        .object({
          id: z.string().regex(/^not:[a-z-]+$/),
          reason: z.string(),
          /** Word sequences: a name holding one (as whole words, folded) is no faction. */
          phrases: z.array(z.string()).default([]),
          /** Whole names (folded) that are no faction. */
          whole: z.array(z.string()).default([]),
          examples: z.array(z.string()).min(1),
          counterExamples: z.array(z.string()).min(1),
        })
        .strict(),
    ),
  })
  .strict()

export type NameRules = z.infer<typeof NameRulesSchema>
export type NotFactionRules = z.infer<typeof NotFactionsSchema>

function read<T>(file: string, schema: z.ZodType<T>): T {
  const path = join(DATA, file)
  const parsed = schema.safeParse(JSON.parse(readFileSync(path, 'utf8')))
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Error(`${path}: ${(issue?.path ?? []).join('.')}: ${issue?.message ?? 'invalid'}`)
  }
  return parsed.data
}

export const NAME_RULES: NameRules = read('faction-name-rules.json', NameRulesSchema)
export const NOT_FACTION_RULES: NotFactionRules = read('not-factions.json', NotFactionsSchema)

/** The rule ids a mention can carry besides the shape rules: where a known name came from. */
export const GAZETTEER_RULE = 'gazetteer'
export const ALIASES_RULE = 'aliases.json'

/** The word lists, as sets (heads folded as words are, so 'Jaish' and 'Jaysh' are one head). */
export const WORDS = {
  heads: new Set(NAME_RULES.words.heads.map(foldWord)),
  weakHeads: new Set(NAME_RULES.words.weakHeads.map(foldWord)),
  tails: new Set(NAME_RULES.words.tails),
  functionWords: new Set(NAME_RULES.words.functionWords),
  stateWords: new Set(NAME_RULES.words.stateWords),
  genericWords: new Set(NAME_RULES.words.genericWords),
  partyQualifiers: NAME_RULES.words.partyQualifiers,
  partyTails: NAME_RULES.words.partyTails,
}

const notPhrases = NOT_FACTION_RULES.rules.map((r) => ({
  id: r.id,
  phrases: r.phrases.map((p) => ` ${foldPhrase(p)} `),
  whole: new Set(r.whole.map(foldPhrase)),
}))

/** The id of the rule that says a name (found by its shape) is no faction, or null. */
export function notFactionRule(name: string): string | null {
  const key = foldPhrase(name)
  const padded = ` ${key} `
  for (const r of notPhrases) {
    if (r.whole.has(key)) return r.id
    if (r.phrases.some((p) => padded.includes(p))) return r.id
  }
  return null
}

const translations = new Map(
  Object.entries(NAME_RULES.words.headTranslations).map(([head, tails]) => [
    foldWord(head),
    tails.map(foldWord),
  ]),
)
const englishTails = new Set([...translations.values()].flat())

/**
 * One form of a name whatever its language's word order (rule 'join:same-name'): 'Faylaq al-Sham'
 * (folded 'faylaq sham') and 'Sham Legion' are both 'sham legion'; 'Army of Conquest' is
 * 'conquest army'. Other keys stay as they are.
 */
export function sameNameForm(key: string): string {
  const w = key.split(' ')
  const first = w[0] ?? ''
  const tails = translations.get(first)
  if (tails?.[0] && w.length > 1) return [...w.slice(1), tails[0]].join(' ')
  // 'Army of Conquest' (folded without 'of': 'army conquest').
  if (englishTails.has(first) && w.length > 1) return [...w.slice(w[1] === 'of' ? 2 : 1), first].join(' ')
  const last = w[w.length - 1] ?? ''
  // An English type word other than the first translation ('corps' for 'legion') folds to it.
  for (const [, ts] of translations)
    if (ts.indexOf(last) > 0 && ts[0]) return [...w.slice(0, -1), ts[0]].join(' ')
  return key
}
