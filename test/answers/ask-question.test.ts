import { describe, expect, it } from 'vitest'
import { parseQuestion, RELATED_MATCH, termMatch } from '../../src/answers/ask/question.ts'
import { detectRoute } from '../../src/answers/ask/route.ts'
import { stem } from '../../src/answers/ask/stem.ts'
import { searchTerms } from '../../src/text/normalize.ts'

describe('parseQuestion: the kind of answer a question wants, and the word it stands next to', () => {
  it.each([
    ['Who is the governor of Homs?', 'who', ['governor']],
    ['Who is the Russian representative in the northern Homs negotiations?', 'who', ['representative']],
    ['Which factions rejected the agreement?', 'which', ['faction', 'rejected']],
    ['What is the deadline for the handover?', 'when', ['deadline']],
    ['When did the talks start?', 'when', ['start']],
    ['In which town were the talks held?', 'where', ['town']],
    ['Where will the fighters go?', 'where', ['go']],
    ['How many people will be withdrawn from al-Waer?', 'how-many', ['withdrawn']],
    ['How much money was paid?', 'how-much', ['payd']],
    ['How long will the truce last?', 'how-long', ['truce']],
    ['Why did the rebels reject the proposal?', 'why', ['proposal']],
    ['What happened in Rastan?', 'what', ['rastan']],
  ])('%s → %s, focus %j', (question, kind, focus) => {
    const q = parseQuestion(question)
    expect(q.kind).toBe(kind)
    expect(q.focus).toEqual(focus)
  })

  it.each([
    ['How old must civilians be for conscription?', 'how-old'],
    ['At what age are men conscripted?', 'how-old'],
    ['What is the minimum age for conscription?', 'how-old'],
  ])('%s asks for an age', (question, kind) => {
    expect(parseQuestion(question).kind).toBe(kind)
  })

  it.each([
    ['When were the heavy weapons handed over?', true],
    ['When did the rebels reject the proposal?', true],
    ['Who brokered the deal?', true],
    ['When is the deadline to hand over heavy weapons?', false],
    ['Who is the governor of Homs?', false],
  ])('%s asks about something that happened: %s', (question, past) => {
    expect(parseQuestion(question).past).toBe(past)
  })

  it('takes the thing counted as the unit of a how-many question', () => {
    expect(parseQuestion('How many people will be withdrawn from al-Waer?').unit).toBe('people')
  })

  it('takes capitalised words after the first as names that must be found', () => {
    expect(parseQuestion('Who is the Kremlin spokesman?').names).toEqual(['kremlin'])
    expect(parseQuestion('How many people left al-Waer?').names).toEqual(['waer'])
  })

  it.each([
    ['Who is Mohamed al-Ahmed?', ['Mohamed', 'Ahmed']],
    ['Who was Alexander Zoriev?', ['Alexander', 'Zoriev']],
    ['What is the Rastan Operations Room?', ['Rastan', 'Operations', 'Room']],
  ])('%s asks what a name is, the name searched and found', (question, names) => {
    const q = parseQuestion(question)
    expect(q.kind).toBe('identity')
    expect(q.names).toEqual(searchTerms(names.join(' ')))
    expect(q.terms).toEqual(q.names)
  })

  it.each([
    'Who is the governor of Homs?',
    'What is the population of Damascus?',
    'Who is the Russian negotiator in northern Homs?',
    // Capitalised, but a title ends it: a role.
    'Who is the US Secretary of State?',
    'Who is the Kremlin Spokesman?',
  ])('%s asks about a role or a thing, not what a name is', (question) => {
    expect(parseQuestion(question).kind).not.toBe('identity')
  })

  it('takes a title before a name as part of the name: Who is President Assad?', () => {
    expect(parseQuestion('Who is President Assad?').kind).toBe('identity')
  })

  it.each([
    ['Who is the Syrian president?', 'president', ['syrian']],
    ['Who is the Russian foreign minister?', 'minister', ['russian', 'foreign']],
    ['Who is the UN envoy for Syria?', 'envoy', ['un', 'syria']],
    ['Who is the US Secretary of State?', 'secretary', ['us', 'state']],
    [
      'Who is the spokesman of the Russian Defence Ministry?',
      'spokesman',
      ['russian', 'defence', 'ministry'],
    ],
    ['What is the capital of France?', 'capital', ['france']],
    ['Who is the governor of Homs?', 'governor', ['homs']],
  ])('%s: the words that qualify the role noun %s are %j', (question, focus, modifiers) => {
    const q = parseQuestion(question)
    expect(q.nounFocus).toBe(true)
    expect(q.focus).toEqual(searchTerms(focus))
    expect(q.modifiers).toEqual(searchTerms(modifiers.join(' ')))
  })

  it.each([
    ['Which group controls Raqqa?', true],
    ['Who signed the agreement?', false],
  ])('%s has no role noun to qualify (the noun is the focus: %s)', (question, noun) => {
    const q = parseQuestion(question)
    expect(q.nounFocus).toBe(noun)
    expect(q.modifiers).toEqual([])
  })

  it('takes the verb of going as the focus of a where-question, which wants a destination', () => {
    const q = parseQuestion('Where will the militants of al-Waer go?')
    expect(q.focus).toEqual(['go'])
    expect(q.movement).toBe(true)
    expect(parseQuestion('Where were the talks held?').movement).toBe(false)
  })

  it('lets words that stand for a question word match: go ~ withdraw only where it asks where', () => {
    const where = parseQuestion('Where will the militants go?')
    expect(termMatch('go', 'withdraw', where)).toBe(RELATED_MATCH)
    expect(termMatch('militant', 'rebel', where)).toBe(RELATED_MATCH)
    const howMany = parseQuestion('How many militants left al-Waer?')
    expect(termMatch('left', 'withdrawn', howMany)).toBe(RELATED_MATCH)
    expect(termMatch('left', 'go', howMany)).toBe(0)
    expect(termMatch('militant', 'fighter', howMany)).toBe(RELATED_MATCH)
  })

  it('expects a list for a plural noun or a verb, one name for a singular title', () => {
    expect(parseQuestion('Which factions rejected the deal?').list).toBe(true)
    expect(parseQuestion('Who signed the deal?').list).toBe(true)
    expect(parseQuestion('Who is the governor of Homs?').list).toBe(false)
  })
})

describe('detectRoute: questions that belong to terms or stance', () => {
  it.each([
    ['What are the terms of the Rastan deal?', 'terms', 'Rastan'],
    ['what were the conditions of the agreement in Eastern Qalamoun', 'terms', 'Eastern Qalamoun'],
    ['What did the agreement in Eastern Qalamoun include?', 'terms', 'Eastern Qalamoun'],
    ['Did Jaysh al-Azza accept the agreement?', 'stance', 'Jaysh al-Azza'],
    ['Has the faction Faylaq al-Sham rejected the deal?', 'stance', 'Faylaq al-Sham'],
    ['What is the position of Jaysh al-Tawhid on the agreement?', 'stance', 'Jaysh al-Tawhid'],
  ])('%s → %s about %s', (question, to, subject) => {
    expect(detectRoute(question)).toMatchObject({ to, subject })
  })

  it('knows which answer a yes-no stance question hopes for', () => {
    expect(detectRoute('Did Jaysh al-Azza accept the agreement?')).toMatchObject({ asks: 'accepts' })
    expect(detectRoute('Did Jaysh al-Azza reject the agreement?')).toMatchObject({ asks: 'rejects' })
  })

  it.each([
    'Who is the governor of Homs?',
    'How many people will be withdrawn from al-Waer?',
    'When is the deadline?',
  ])('leaves ask’s own questions to ask: %s', (question) => {
    expect(detectRoute(question)).toBeNull()
  })
})

describe('stem: word forms meet', () => {
  it.each([
    ['withdrawn', 'withdrawal'],
    ['negotiation', 'negotiating'],
    ['representative', 'representation'],
    ['weaponry', 'weapon'],
    ['brokered', 'broker'],
    ['leader', 'leads'],
  ])('%s ~ %s', (a, b) => {
    expect(stem(a)).toBe(stem(b))
  })
})
