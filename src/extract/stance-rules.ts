/**
 * The stance rules of data/stance-rules.json, checked with zod and compiled once into token
 * matchers. A rule's words match their inflections through wink-lemmatizer (a well-kept
 * lemmatiser, rather than hand-written suffix lists): each word of a sentence is compared by its
 * form as written and by its base forms as a verb, a noun and an adjective.
 */
import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { lemmasOf } from '../text/lemma.ts'
import { DEAL_NOUNS, PROPOSAL_NOUNS } from '../text/lexicon.ts'

const RuleSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  patterns: z.array(z.string().min(1)).min(1),
  kind: z.enum(['rejection', 'acceptance', 'compliance']),
  stance: z.enum(['accepts', 'rejects']),
  negatable: z.boolean(),
  examples: z.array(z.string()).min(1),
  counterExamples: z.array(z.string()).min(1),
})
/** Words that make the faction named after them no subject (an example names a faction that takes no stance). */
const NotSubjectSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  reason: z.string(),
  before: z.array(z.string().regex(/^[a-z]+(?:[ -][a-z]+)*$/)).min(1),
  examples: z.array(z.object({ text: z.string(), faction: z.string() })).min(1),
  counterExamples: z.array(z.object({ text: z.string(), faction: z.string() })).min(1),
})
const TableSchema = z.object({
  about: z.string(),
  rules: z.array(RuleSchema).min(1),
  notSubjects: z.array(NotSubjectSchema).default([]),
})

export type NotSubjectRule = z.infer<typeof NotSubjectSchema>

export type StanceRule = z.infer<typeof RuleSchema>

/** One word of a pattern: the forms it accepts, or a gap of other words. */
type Token =
  | { type: 'word'; forms: ReadonlySet<string>; exact: boolean; optional: boolean }
  | { type: 'gap'; min: number; max: number }
/** What must (or must not) follow the match, without being part of it. */
interface Guard {
  forms: ReadonlySet<string>
  capital: boolean
  negative: boolean
}

export interface CompiledPattern {
  tokens: Token[]
  guard: Guard | null
}

export interface CompiledRule extends StanceRule {
  compiled: CompiledPattern[]
}

/** What 'DEAL' stands for: the deal nouns, the proposal nouns, and a deal's terms as a whole. */
const DEAL_FORMS = [
  ...DEAL_NOUNS,
  ...DEAL_NOUNS.filter((n) => n.includes('-')).map((n) => n.replace(/-/g, '')),
  ...PROPOSAL_NOUNS,
  'condition',
  'demand',
  'term',
]

function alternatives(word: string): string[] {
  return word.split('|').flatMap((w) => (w === 'DEAL' ? DEAL_FORMS : [w.toLowerCase()]))
}

function compilePattern(pattern: string, id: string): CompiledPattern {
  const tokens: Token[] = []
  let guard: Guard | null = null
  for (const part of pattern.trim().split(/\s+/)) {
    const gap = part.match(/^\{(\d+),(\d+)\}$/)
    if (gap) {
      tokens.push({ type: 'gap', min: Number(gap[1]), max: Number(gap[2]) })
      continue
    }
    if (part.startsWith('>') || part.startsWith('!')) {
      const words = alternatives(part.slice(1))
      guard = {
        forms: new Set(words.filter((w) => w !== 'cap')),
        capital: words.includes('cap'),
        negative: part.startsWith('!'),
      }
      continue
    }
    const optional = part.endsWith('?')
    const exact = part.startsWith('=')
    const body = part.replace(/^=/, '').replace(/\?$/, '')
    if (!body) throw new Error(`data/stance-rules.json: rule ${id}: empty word in "${pattern}"`)
    tokens.push({ type: 'word', forms: new Set(alternatives(body)), exact, optional })
  }
  if (!tokens.some((t) => t.type === 'word' && !t.optional))
    throw new Error(`data/stance-rules.json: rule ${id}: "${pattern}" has no required word`)
  return { tokens, guard }
}

/** Checks and compiles a rule table (exported for tests of the table's shape). */
export function compileRules(json: unknown): CompiledRule[] {
  const table = TableSchema.parse(json)
  const ids = new Set<string>()
  return table.rules.map((rule) => {
    if (ids.has(rule.id)) throw new Error(`data/stance-rules.json: rule id ${rule.id} is used twice`)
    ids.add(rule.id)
    return { ...rule, compiled: rule.patterns.map((p) => compilePattern(p, rule.id)) }
  })
}

const RULES_FILE = new URL('../../data/stance-rules.json', import.meta.url)

const TABLE = JSON.parse(readFileSync(RULES_FILE, 'utf8'))

/** The project's stance rules, in the table's order. */
export const STANCE_RULES: readonly CompiledRule[] = compileRules(TABLE)

/** The rules that say a faction named in a sentence is not its subject (data/stance-rules.json, notSubjects). */
export const NOT_SUBJECT_RULES: readonly NotSubjectRule[] = TableSchema.parse(TABLE).notSubjects

/** What ends just before a faction that is no subject: one of the rules' words or phrases, and an optional 'the'. */
export const OBJECT_BEFORE = new RegExp(
  `\\b(?:${NOT_SUBJECT_RULES.flatMap((r) => r.before.map((w) => w.replace(/ /g, '\\s+'))).join('|') || '(?!)'})\\s+(?:the\\s+)?$`,
  'i',
)

/** A word of a sentence: where it is, and the forms a rule may match it by. */
export interface WordToken {
  start: number
  end: number
  lower: string
  capital: boolean
  /** The form as written and its base forms (lemmas); worked out once per distinct word. */
  forms: ReadonlySet<string>
}

const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}'’-]*[\p{L}\p{N}])?/gu

/** The words of a text, in order. */
export function wordTokens(text: string): WordToken[] {
  const out: WordToken[] = []
  for (const m of text.matchAll(WORD)) {
    const lower = m[0].toLowerCase()
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      lower,
      capital: /^\p{Lu}/u.test(m[0]) || /^(?:al|el)-\p{L}/iu.test(m[0]),
      forms: lemmasOf(lower),
    })
  }
  return out
}

function wordMatches(t: Token & { type: 'word' }, w: WordToken): boolean {
  if (t.exact) return t.forms.has(w.lower)
  for (const f of w.forms) if (t.forms.has(f)) return true
  return false
}

/** The index past the last word matched from `at`, or -1: gaps are tried longest first (as a
 * greedy regular expression would), optional words present first. */
function matchFrom(tokens: readonly Token[], ti: number, words: readonly WordToken[], at: number): number {
  if (ti === tokens.length) return at
  const t = tokens[ti]
  if (!t) return -1
  if (t.type === 'gap') {
    for (let n = Math.min(t.max, words.length - at); n >= t.min; n--) {
      const end = matchFrom(tokens, ti + 1, words, at + n)
      if (end >= 0) return end
    }
    return -1
  }
  const w = words[at]
  if (w && wordMatches(t, w)) {
    const end = matchFrom(tokens, ti + 1, words, at + 1)
    if (end >= 0) return end
  }
  return t.optional ? matchFrom(tokens, ti + 1, words, at) : -1
}

function guardHolds(g: Guard | null, next: WordToken | undefined): boolean {
  if (!g) return true
  const hit = next !== undefined && (g.forms.has(next.lower) || (g.capital && next.capital))
  return g.negative ? !hit : hit
}

/** Every match of a rule in the words: [first word, past the last word], left to right, not overlapping. */
export function matchRule(rule: CompiledRule, words: readonly WordToken[]): [number, number][] {
  const out: [number, number][] = []
  for (let i = 0; i < words.length; i++) {
    for (const p of rule.compiled) {
      const end = matchFrom(p.tokens, 0, words, i)
      if (end > i && guardHolds(p.guard, words[end])) {
        out.push([i, end])
        i = end - 1
        break
      }
    }
  }
  return out
}
