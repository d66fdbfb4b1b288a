import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ANSWER_KINDS } from '../../src/answers/ask/kinds.ts'
import { POLITENESS, parseQuestion, questionProper } from '../../src/answers/ask/question.ts'
import { type AskAnswer, ask } from '../../src/answers/ask.ts'
import { openKnowledgeBase } from '../../src/knowledge/open.ts'
import { isVerbatim } from '../helpers.ts'

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'ask-kinds')

function expectVerbatim(kb: ReturnType<typeof openKnowledgeBase>['kb'], a: AskAnswer): void {
  for (const c of [...a.citations, ...a.alternatives.flatMap((x) => x.citations), ...a.nearest])
    expect(isVerbatim(c.quote, kb.articles.get(c.article)?.text ?? '')).toBe(true)
}

describe('the registry of answer kinds', () => {
  it.each(Object.entries(ANSWER_KINDS))('%s: its examples are read as that kind', (kind, k) => {
    for (const example of k.examples) {
      const q = parseQuestion(example)
      // ('What share…' opens like a what-question; its head noun makes it a count.)
      expect([kind, kind === 'which' ? 'who' : kind]).toContain(q.kind)
    }
  })
})

describe('questions understood past their words', () => {
  it.each(POLITENESS.map((r) => [r.id, r.example] as const))('%s is set aside: %s', (_, example) => {
    expect(questionProper(example)).not.toMatch(/\b(?:please|thanks|could you|tell me)\b/i)
  })

  it.each([
    ['According to UN sources, how many fighters left?', 'how many fighters left according to UN sources'],
    ['Could you tell me who the governor of Homs is?', 'who is the governor of Homs'],
    ['Can you tell me whether Liwa al-Nasr signed the deal?', 'did Liwa al-Nasr signed the deal'],
  ])('%s → %s', (question, proper) => {
    expect(questionProper(question)).toBe(proper)
  })

  it('takes the noun of a which-question and its verb as the focus, the plural of a how-many as its unit', () => {
    expect(parseQuestion('Which Iraqi leader objected to the deal?').focus).toEqual(['leader', 'objected'])
    expect(parseQuestion('How many government checkpoints would be set up?').unit).toBe('checkpoint')
    expect(parseQuestion('What share of the vote did he win?').kind).toBe('how-much')
  })
})

describe('ask on fixture articles: each kind, asked in several ways and with typos', () => {
  const { kb } = openKnowledgeBase({ corpusPath: FIXTURES, cacheDir: null })

  /** Every phrasing gets the same answer, of that kind, surely, quoted verbatim. */
  const cases: [kind: string, want: string, phrasings: string[]][] = [
    [
      'who',
      'Samir Haddad',
      [
        'Who is the governor of the province?',
        'Could you tell me who the governor of the province is?',
        'Who is the govenor of the province?',
        'Who said the town would be declared secure?',
      ],
    ],
    [
      'when',
      'on Thursday (2019-03-14)',
      [
        'When did the buses leave Kafr Nasim?',
        'When did the buses depart from Kafr Nasim?',
        'Please, when did the buses leave Kafr Nasim?',
      ],
    ],
    ['which', 'Saadiya', ['Which road did the buses take?', 'Which road did the buses leave along?']],
    [
      'how-many',
      '1,250 people',
      ['How many people left Kafr Nasim in all?', 'In total, how many people left the town?'],
    ],
    [
      'how-many',
      '38 buses',
      ['How many buses were in the column?', 'How many buses did the column include?'],
    ],
    ['how-long', 'about four kilometres', ['How long was the column?', 'How far did the column stretch?']],
    [
      'why',
      'to stop reinforcements from reaching the town',
      [
        'Why did the air force strike the bridge?',
        'Why was the bridge struck?',
        'Please, why did the air force strike the bridge? Thanks',
      ],
    ],
  ]
  for (const [kind, want, phrasings] of cases)
    it.each(phrasings)(`${kind} → ${want}: %s`, (question) => {
      const a = ask(kb, question)
      expect(a.kind).toBe(kind)
      expect(a.answer).toBe(want)
      expect(a.form).toBe('span')
      expect(a.confidence).toBeGreaterThanOrEqual(0.4)
      expectVerbatim(kb, a)
    })

  it('answers with the whole sentence, marked as one, when no short span fits but it holds the question', () => {
    const a = ask(kb, 'What did the residents chant?')
    expect(a.form).toBe('sentence')
    expect(a.answer).toContain('Peace for Kafr Nasim')
    expect(a.citations[0]?.quote).toContain('chanting')
  })

  it.each([
    'Who is the mayor of Jarabulus?',
    'What is the capital of Australia?',
    'How many tanks were destroyed?',
  ])('says nothing rather than something wrong: %s', (question) => {
    const a = ask(kb, question)
    expect(a.answer === null || a.confidence < 0.5).toBe(true)
    expect(a.form === null || a.confidence < 0.5).toBe(true)
  })
})
