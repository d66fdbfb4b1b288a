import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { type AskAnswer, ask } from '../../src/answers/ask.ts'
import { openKnowledgeBase } from '../../src/knowledge/open.ts'
import { cli, isVerbatim, seedKnowledgeBase } from '../helpers.ts'

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'ask')

/** Every quote of an answer (its own and its alternatives') stands verbatim in the cited article. */
function expectVerbatim(kb: ReturnType<typeof seedKnowledgeBase>, a: AskAnswer): void {
  for (const c of [...a.citations, ...a.alternatives.flatMap((x) => x.citations), ...a.nearest])
    expect(isVerbatim(c.quote, kb.articles.get(c.article)?.text ?? '')).toBe(true)
}

/** The question is read as `kind` and answered exactly `want`, surely, with a quote that says it. */
function expectAnswer(
  kb: ReturnType<typeof seedKnowledgeBase>,
  question: string,
  kind: string | null,
  want: string,
): AskAnswer {
  const a = ask(kb, question)
  if (kind !== null) expect(a.kind).toBe(kind)
  expect(a.answer).toBe(want)
  expect(a.confidence).toBeGreaterThanOrEqual(0.5)
  expect(a.citations.some((c) => c.quote.includes(want))).toBe(true)
  expectVerbatim(kb, a)
  return a
}

describe('ask on fixture articles: each kind of question gets the span it asks for', () => {
  const { kb } = openKnowledgeBase({ corpusPath: FIXTURES, cacheDir: null })

  it.each([
    ['who, by apposition after the title', 'Who is the government envoy?', 'who', 'Karim Mansour'],
    ['who, by apposition before the title', 'Who is the committee spokesman?', 'who', 'Rami Saleh'],
    ['which, a name before its type noun', 'Which brigade left the talks?', 'which', 'Saraya Hawran'],
    ['when, a weekday and date', 'When was the truce reached?', 'when', 'Monday, June 11'],
    [
      'when, a deadline with a clock time',
      'When must the rest hand over their weapons?',
      'when',
      'Friday at 18:00',
    ],
    ['how long, a duration', 'How long will the truce last?', 'how-long', 'three months'],
    ['where, a place after a preposition', 'Where were the talks held?', 'where', 'Busra al-Sham'],
    [
      'how many, a number with its unit',
      'How many fighters will leave the area?',
      'how-many',
      '2,300 fighters',
    ],
    [
      'why, the clause that gives the reason',
      'Why did the Liwa al-Omari brigade refuse the truce?',
      'why',
      'because it offered no guarantee for detainees',
    ],
  ])('%s: %s → %s', (_, question, kind, want) => {
    const a = ask(kb, question)
    expect(a.kind).toBe(kind)
    expect(a.answer).toContain(want)
    expect(a.confidence).toBeGreaterThanOrEqual(0.5)
    expect(a.citations.length).toBeGreaterThan(0)
    // The quote holds the answer: an answer never claims what its quote doesn't say.
    expect(a.citations.some((c) => c.quote.replace(/\s+/g, ' ').includes(a.answer ?? '∅'))).toBe(true)
    expectVerbatim(kb, a)
  })

  it.each([
    [
      "why, what a 'the main reason … is' sentence says the reason is",
      'Why did the councils accept the talks?',
      'why',
      'to spare the town a siege',
    ],
    [
      "why, a reason given 'in protest against'",
      'Why did Saraya Hawran leave the talks?',
      'why',
      'in protest against the arrest of two of its commanders',
    ],
    ["who brokered, by 'under the auspices of'", 'Who brokered the Nawa deal?', 'who', 'Jordan'],
    ['who leads, by the agent noun before a name', 'Who leads Saraya Hawran?', 'who', 'Samir Aziz'],
    ['how old, an age range', 'How old are the men to be conscripted?', 'how-old', 'aged 19 to 40'],
    ['how old, asked as an age', 'At what age are men conscripted?', 'how-old', 'aged 19 to 40'],
    [
      "which town, a place after another word for a place ('the town of')",
      'Which town is the Tell Jabiya checkpoint near?',
      'where',
      'Sheikh Saad',
    ],
  ])('%s: %s → %s', (_, question, kind, want) => {
    expectAnswer(kb, question, kind, want)
  })

  it.each([
    [
      "who, plural: the whole list named by 'are the <focus>' after it",
      'Who are the guarantors of the southern de-escalation zone?',
      'who',
      'Jordan, Egypt and Oman',
    ],
    [
      "who, the names 'the most prominent being' introduces, past a word of nationality",
      'Who controls Tafas?',
      'who',
      'Liwa Ahrar Nawa and Jaish al-Yarmouk',
    ],
    [
      "which places, plural: the list after 'comprises the villages of'",
      'Which villages are in the Lajat area?',
      'where',
      'Busr al-Harir, Naima and Mlaiha',
    ],
    [
      "where to, by the verb of going ('bused … to'), the fighters called rebels",
      'Where will the fighters who reject the settlement go?',
      'where',
      'Idlib',
    ],
    [
      "who is a name: the description after it (', a …')",
      'Who is Hisham Qassem?',
      'identity',
      'a spokesman for the Southern Front',
    ],
    [
      "who is a name: the description after it (', the …')",
      'Who is Rami Saleh?',
      'identity',
      'the committee spokesman',
    ],
    ['who is a name: the role right before it', 'Who is Adnan Khalil?', 'identity', 'The mayor of Tafas'],
    [
      'who is a name: the role before it, past the honorific',
      'Who is Abu Omar al-Halabi?',
      'identity',
      'Southern Front commander',
    ],
    [
      'who is a name: the role before it, set off by a comma',
      'Who is Faisal Hamdan?',
      'identity',
      'The Jordanian liaison officer',
    ],
  ])('%s: %s → %s', (_, question, kind, want) => {
    expectAnswer(kb, question, kind, want)
  })

  it('never gives a word of nationality as the one who did something', () => {
    expect(ask(kb, 'Who controls Tafas?').answer).not.toMatch(/Syrian/)
  })

  it('answers where people go with the destination, not the place they leave', () => {
    const a = ask(kb, 'Where will the militants of Tafas go?')
    expect(a.answer).toBe('Idlib')
    expect(a.citations[0]?.quote).toContain('bused from Tafas to the province of Idlib')
  })

  it('finds the words that stand for a question word the corpus never uses (militants → rebels)', () => {
    const a = ask(kb, 'Where will the militants go?')
    expect(a.answer).toBe('Idlib')
    expect(a.citations[0]?.quote).toContain('The rebels who reject the settlement')
  })

  it.each([
    'Who is John Smith?',
    // Named only in lists, never described.
    'What is Busr al-Harir?',
  ])('does not describe a name that no sentence describes: %s', (question) => {
    const a = ask(kb, question)
    expect(a.kind).toBe('identity')
    expect(a.answer).toBeNull()
  })

  it('answers a past-tense question from the report of the event, not from the deadline that demanded it', () => {
    const a = ask(kb, 'When were the mortars handed over?')
    // The weekday counted from the article's date (21 July 2018 was a Saturday).
    expect(a.answer).toBe('on Saturday (2018-07-21)')
    expect(a.citations.map((c) => c.article)).toEqual(['nawa-talks'])
    // The demand ('Hand over mortars … by Friday at 10:00') is no rival account of when it happened.
    expect(a.alternatives.map((x) => x.answer)).not.toContainEqual(expect.stringContaining('Friday'))
    expectVerbatim(kb, a)
  })

  it('still answers a question about what must be done from the demand', () => {
    const a = ask(kb, 'When must the fighters hand over the mortars?')
    expect(a.answer).toContain('Friday at 10:00')
  })

  it('shows sources that disagree side by side, each cited, and is less sure', () => {
    const a = ask(kb, 'How many civilians did the shelling kill?')
    const answers = [a.answer, ...a.alternatives.map((x) => x.answer)]
    expect(answers).toEqual(
      expect.arrayContaining([expect.stringContaining('62'), expect.stringContaining('45')]),
    )
    const articles = new Set(
      [...a.citations, ...a.alternatives.flatMap((x) => x.citations)].map((c) => c.article),
    )
    expect(articles).toEqual(new Set(['dara-truce', 'dara-shelling']))
    expect(a.confidence).toBeLessThan(0.8)
    expectVerbatim(kb, a)
  })

  it.each([
    'What is the capital of France?',
    'Who is the mayor of Aleppo?',
    'How many tanks were handed over?',
  ])('does not answer what the corpus never says: %s', (question) => {
    const a = ask(kb, question)
    expect(a.answer === null || a.confidence < 0.5).toBe(true)
    expect(a.citations).toEqual([])
    expectVerbatim(kb, a)
  })

  it('offers the nearest passages when it has no answer', () => {
    const a = ask(kb, 'Who paid for the truce in Busra al-Sham?')
    expect(a.answer).toBeNull()
    expect(a.nearest.length).toBeGreaterThan(0)
    expect(a.nearest.some((c) => c.quote.includes('Busra al-Sham'))).toBe(true)
  })
})

describe('ask on fixture articles: roles, their titles and the names after them', () => {
  const { kb } = openKnowledgeBase({ corpusPath: FIXTURES, cacheDir: null })

  it.each([
    [
      "the role's nationality stands with it ('Turkish President' is another role)",
      'Who is the Syrian president?',
      'Nabil Haddad',
      'Kemal Arslan',
    ],
    [
      "the role's nationality stands with it ('Syrian Foreign Minister' is another role)",
      'Who is the Russian foreign minister?',
      'Oleg Sorokin',
      'Fares Aziz',
    ],
    [
      'a body before the role: the Kremlin’s spokesman, not the defence ministry’s',
      'Who is the Kremlin spokesman?',
      'Pavel Orlov',
      'Ivan Petrenko',
    ],
    [
      "the words after the role ('of the Russian Defence Ministry') stand before it in the text; the rank is no part of the name",
      'Who is the spokesman of the Russian Defence Ministry?',
      'Ivan Petrenko',
      'Pavel Orlov',
    ],
    [
      'a capitalised title asked as a role, the name after it in text without punctuation',
      'Who is the US Secretary of State?',
      'Daniel Whitmore',
      'twenty',
    ],
    [
      "the name starts after the title phrase ('for the Syria Crisis')",
      'Who is the UN envoy for Syria?',
      'Anders Lindqvist',
      'Crisis',
    ],
    ["a '-based' adjective is no name", 'Which group controls Tabqa?', 'Islamic State', 'Britain-based'],
  ])('%s: %s → %s', (_, question, want, wrong) => {
    const a = expectAnswer(kb, question, null, want)
    expect([a.answer, ...a.alternatives.map((x) => x.answer)].join(' | ')).not.toContain(wrong)
  })

  it('answers a what-question with a sentence that holds its focus in relation to its name', () => {
    const a = ask(kb, 'What is the capital of Jordan?')
    expect(a.answer).toContain('the capital of Jordan')
    expect(a.confidence).toBeGreaterThanOrEqual(0.5)
    expectVerbatim(kb, a)
  })

  it("does not answer a what-question with a sentence that holds its words apart ('France' … 'the Syrian capital')", () => {
    const a = ask(kb, 'What is the capital of France?')
    expect(a.answer).toBeNull()
    expect(a.confidence).toBeLessThan(0.5)
    expect(a.citations).toEqual([])
    expect(a.nearest.some((c) => c.quote.includes('France'))).toBe(true)
    expectVerbatim(kb, a)
  })

  it.each(['Who attacked the aid convoy?', 'What is Islamic State?'])(
    'never answers with a number word: %s',
    (question) => {
      // (A whole sentence may answer: then it is marked as one, never a number word given as a name.)
      const a = ask(kb, question)
      if (a.form !== 'sentence') expect(a.answer ?? '').not.toMatch(/\btwenty\b/i)
    },
  )

  it('makes a name and its misspelling one answer, with both sources', () => {
    const a = ask(kb, 'Who is the UN envoy for Syria?')
    expect(a.answer).toBe('Anders Lindqvist')
    expect(a.alternatives).toEqual([])
    expect(new Set(a.citations.map((c) => c.article))).toEqual(new Set(['tabqa-wire', 'geneva-wire']))
  })
})

describe('ask on the seed corpus', () => {
  const kb = seedKnowledgeBase()

  it.each([
    ['Who is the governor of Homs?', 'Talal Barazi', 'Syrian Armed opposition militants to leave Homs'],
    [
      'Who is the Russian representative in the northern Homs negotiations?',
      'Alexander Zoriev',
      'Russia Offers Homs Rebels 10-Item Deal',
    ],
    // Another word for the same role: the question says negotiator, the text representative.
    [
      'Who is the Russian negotiator in northern Homs?',
      'Alexander Zoriev',
      'Russia Offers Homs Rebels 10-Item Deal',
    ],
    [
      'How many people will be withdrawn from al-Waer?',
      '10,000 people',
      'Syrian Armed opposition militants to leave Homs',
    ],
    [
      'Who signed the peace agreement in al-Waer?',
      'Free Syrian Army',
      'Syrian Armed opposition militants to leave Homs',
    ],
    [
      'When is the deadline to hand over heavy weapons?',
      'Thursday',
      'Russia Offers Homs Rebels 10-Item Deal',
    ],
    [
      'Who are the guarantors of the Astana agreement?',
      'Turkey, Russia and Iran',
      'Russia Offers Homs Rebels',
    ],
    [
      'Who controls Eastern Qalamoun?',
      'Jaish al-Islam, and the Ahmad al-Abdou Martyr Forces',
      'Russia to broker new reconciliation deal in Eastern Qalamoun',
    ],
    [
      'Who is Mohamed al-Ahmed?',
      'a representative for the operations room in the negotiations committee',
      'Russia Offers Homs Rebels',
    ],
    ['Who is Alexander Zoriev?', 'the Russian representative', 'Russia Offers Homs Rebels'],
    // The surname alone: the given name before it belongs to the name, not to the role.
    ['Who is Zoriev?', 'the Russian representative', 'Russia Offers Homs Rebels'],
    ['Who is Talal Barazi?', 'The governor of Homs', 'Syrian Armed opposition militants to leave Homs'],
    [
      'Which towns are in the Eastern Qalamoun region?',
      'Jeroud, Rahiba, Nasiriyah, al-Atna and al-Dumayr',
      'Russia to broker new reconciliation deal in Eastern Qalamoun',
    ],
    ['When did the factions hand over their heavy weapons?', 'on Thursday', 'Hand Over Their Heavy Weaponry'],
    [
      'How many civilians left al-Waer?',
      '1,065 civilians',
      'Syrian Armed opposition militants to leave Homs',
    ],
    ['Until when was the amnesty extended?', 'until June 30, 2017', 'Syrian Armed opposition militants'],
    [
      'How long will the ceasefire in Eastern Qalamoun last?',
      'for two months',
      'Russia to broker new reconciliation deal in Eastern Qalamoun',
    ],
  ])('%s → %s', (question, want, title) => {
    const a = ask(kb, question)
    expect(a.answer).toContain(want)
    expect(a.confidence).toBeGreaterThanOrEqual(0.5)
    expect(a.citations.some((c) => c.title.includes(title))).toBe(true)
    expectVerbatim(kb, a)
  })

  it('answers where the militants go with the destination of the withdrawal, as a lead', () => {
    // The sentence says 'the armed opposition has to withdraw its troops to the province of Idlib';
    // al-Waer is named in the sentence before it: an answer, but not a sure one.
    const a = ask(kb, 'Where will the militants of al-Waer go?')
    expect(a.answer).toBe('Idlib')
    expect(a.confidence).toBeGreaterThan(0.4)
    expect(a.citations[0]?.quote).toContain('withdraw its troops to the province of Idlib')
    expectVerbatim(kb, a)
  })

  it('never gives a place as the one who did something', () => {
    for (const question of [
      'Who is the Russian negotiator in northern Homs?',
      'Who represents southern Hama?',
    ]) {
      expect(ask(kb, question).answer ?? '').not.toMatch(/^(?:Governorate|Hama|Homs Governorate)$/)
    }
  })

  it('answers a question about something the corpus never mentions with nothing', () => {
    const a = ask(kb, 'What is the capital of France?')
    expect(a.answer).toBeNull()
    expect(a.confidence).toBeLessThan(0.5)
  })

  it('lists every faction of a list when the question asks for several', () => {
    const a = ask(kb, 'Which factions rejected the agreement?')
    for (const name of ['Tahrir al-Sham', 'Syria Liberation Front', 'Faylaq al-Sham'])
      expect(a.answer).toContain(name)
  })

  it('routes a stance question to stance, with its evidence as citations', () => {
    const a = ask(kb, 'Did Jaysh al-Azza accept the agreement?')
    expect(a.routedTo).toBe('stance')
    expect(a.answer).toMatch(/^No: Jaysh al-Azza rejected/)
    expect(a.citations.length).toBeGreaterThan(0)
    expect(a.citations.every((c) => c.title.includes('Jaysh al-Azza') || c.quote.includes('Azza'))).toBe(true)
    expect(a.routed).toMatchObject({
      verdict: 'no',
      factions: [{ name: 'Jaysh al-Azza', stance: 'rejects' }],
    })
    expectVerbatim(kb, a)
  })

  it('routes a terms question to terms, with the terms’ citations', () => {
    const a = ask(kb, 'What are the terms of the Rastan deal?')
    expect(a.routedTo).toBe('terms')
    expect(a.answer).toMatch(/terms/)
    expect(a.citations.length).toBeGreaterThan(0)
    expect(a.routed).toHaveProperty('agreements')
    expectVerbatim(kb, a)
  })

  it('answers on the command line as JSON in the ask contract', () => {
    const { code, json: parse } = cli('ask', 'Who is the governor of Homs?', '--json')
    expect(code).toBe(0)
    const json = parse()
    expect(json).toMatchObject({
      command: 'ask',
      query: 'Who is the governor of Homs?',
      answer: 'Talal Barazi',
    })
    expect(typeof json.confidence).toBe('number')
    expect(Array.isArray(json.citations)).toBe(true)
  })

  it('prints an honest reply on the terminal when there is no answer', () => {
    const { stdout: out } = cli('ask', 'What is the capital of France?')
    expect(out).toContain('The corpus does not answer this question.')
  })
})
