import { describe, expect, it } from 'vitest'
import { FURNITURE_RULES, furnitureRule } from '../../src/corpus/furniture.ts'

// Each rule's examples and counter-examples are its specification.
describe.each(FURNITURE_RULES.map((r) => [r.id, r] as const))('furniture rule %s', (_id, rule) => {
  it.each(rule.examples)('catches %j', (line) => {
    expect(rule.test(line)).toBe(true)
  })
  it.each(rule.counterExamples)('leaves %j to the article', (line) => {
    expect(rule.test(line)).toBe(false)
  })
})

describe('furniture and article prose', () => {
  it.each([
    'The deal stipulates that departing fighters may keep their personal light weapons.',
    'Hezbollah announced a ceasefire on 27 July; Lebanon’s General Security agency confirmed it.',
    '- fighters must hand over their light and medium weapons;',
    'BEIRUT - Government negotiators and rebels agreed on a ceasefire, activists said.',
  ])('no rule takes a line of the article: %j', (line) => {
    expect(furnitureRule(line)).toBeNull()
  })
})
