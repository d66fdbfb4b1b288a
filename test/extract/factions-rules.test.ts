import { describe, expect, it } from 'vitest'
import { EMPTY_ALIASES } from '../../src/extract/aliases.ts'
import { findFactionNames } from '../../src/extract/faction-names.ts'
import { NAME_RULES, NOT_FACTION_RULES, notFactionRule } from '../../src/extract/faction-rules.ts'
import { type FactionArticleFacts, mergeFactions } from '../../src/extract/factions.ts'
import { foldPhrase } from '../../src/text/normalize.ts'

/** The names a rule's example text yields, as the rules table writes them ('X', or 'X [state]'). */
const found = (text: string) =>
  findFactionNames(text, { start: 0, end: text.length }).map((m) =>
    m.kind === 'state' ? `${m.name} [state]` : m.name,
  )

/**
 * Two spellings, merged: how many factions they make. 'Name ×N' is a name written N times (else
 * once), as the examples of 'join:rare-misspelling' weigh how often each is written.
 */
function merged(a: string, b: string): number {
  let i = 0
  const mentions = (written: string) => {
    const [, name = written, times = '1'] = /^(.*?)(?: ×(\d+))?$/.exec(written) ?? []
    return Array.from({ length: Number(times) }, () => ({
      name,
      key: foldPhrase(name),
      kind: 'group' as const,
      passageId: `p${++i}`,
      start: 0,
      end: name.length,
      rule: 'shape:arabic-head',
    }))
  }
  const facts: FactionArticleFacts[] = [{ mentions: [...mentions(a), ...mentions(b)], evidence: [] }]
  return mergeFactions(facts, { aliases: EMPTY_ALIASES }).length
}

describe('the name rules (data/faction-name-rules.json) hold their own examples', () => {
  for (const rule of NAME_RULES.rules) {
    if (rule.id.startsWith('join:')) {
      it.each(rule.examples.map((e) => [rule.id, e.text]))('%s joins %s', (_, text) => {
        const [a = '', b = ''] = text.split(' | ')
        expect(merged(a, b)).toBe(1)
      })
      it.each(rule.counterExamples.map((e) => [rule.id, e.text]))('%s keeps apart %s', (_, text) => {
        const [a = '', b = ''] = text.split(' | ')
        expect(merged(a, b)).toBe(2)
      })
      continue
    }
    it.each(rule.examples.map((e) => [rule.id, e.text, e.names] as const))(
      '%s finds in “%s”',
      (_, text, names) => {
        expect(found(text)).toEqual(names)
      },
    )
    it.each(rule.counterExamples.map((e) => [rule.id, e.text, e.names] as const))(
      '%s finds nothing more in “%s”',
      (_, text, names) => {
        expect(found(text)).toEqual(names)
      },
    )
  }
})

describe('the not-faction rules (data/not-factions.json) hold their own examples', () => {
  for (const rule of NOT_FACTION_RULES.rules) {
    it.each(rule.examples.map((n) => [rule.id, n]))('%s drops %s', (id, name) => {
      expect(notFactionRule(name)).toBe(id)
    })
    it.each(rule.counterExamples.map((n) => [rule.id, n]))('%s keeps %s', (_, name) => {
      expect(notFactionRule(name)).toBeNull()
    })
  }
})
