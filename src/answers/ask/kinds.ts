/**
 * The registry of answer kinds: for each kind of question, the openings that ask for it, the
 * extractor that finds its candidate spans in a sentence, and how its spans are scored. Adding a
 * kind is one entry here (and its name in QuestionKind); `satisfies` makes the compiler check that
 * every kind has all of them.
 */
import type { QuestionKind } from './question.ts'
import {
  type AnswerSpan,
  actorSpans,
  ageSpans,
  countSpans,
  dateSpans,
  identitySpans,
  lengthSpans,
  placeSpans,
  reasonSpans,
  type SpanContext,
  sentenceSpans,
} from './spans.ts'

export interface AnswerKind {
  /** Openings of the question that ask for this kind (the question lower-cased, polite frame removed). */
  openings: readonly RegExp[]
  /** The candidate answers in one sentence. */
  extract: (context: SpanContext) => AnswerSpan[]
  /**
   * How much the distance to the question's focus words counts (1: all; 0.4: a sentence seldom
   * holds two dates, so where it stands matters less than for a name).
   */
  nearness: number
  /** The answer holds wherever it stands in the sentence (a reason, a description). */
  anywhere: boolean
  /** Questions of this kind, as analysts ask them (the tests read them). */
  examples: readonly string[]
}

/**
 * Every kind, in the order its openings are tried: the specific openings ('what time', 'what age',
 * 'for what reason') before the general 'what/which', and yes-no last.
 */
export const ANSWER_KINDS = {
  who: {
    openings: [/^(?:who|whom|whose)\b/],
    extract: actorSpans,
    nearness: 1,
    anywhere: false,
    examples: ['Who is the governor of Homs?', 'Who brokered the deal?'],
  },
  when: {
    openings: [
      /^(?:(?:by|until|since) )?when\b/,
      /^(?:(?:on|by|until|at) )?(?:what|which) (?=(?:time|date|day|year|month|deadline|hour)\b)/,
    ],
    extract: dateSpans,
    nearness: 0.4,
    anywhere: false,
    examples: ['When were the weapons handed over?', 'On which day did the truce come into force?'],
  },
  where: {
    openings: [
      /^where\b/,
      /^(?:in|to|from|at) (?:which|what) (?=(?:city|town|village|area|region|province|place|country)\b)/,
    ],
    extract: placeSpans,
    nearness: 1,
    anywhere: false,
    examples: ['Where will the fighters go?', 'In which town were the talks held?'],
  },
  'how-many': {
    openings: [/^how many\b/],
    extract: countSpans,
    nearness: 0.5,
    anywhere: false,
    examples: ['How many people will be withdrawn from al-Waer?'],
  },
  'how-much': {
    openings: [/^how much\b/],
    extract: countSpans,
    nearness: 0.5,
    anywhere: false,
    examples: ['How much money was paid?', 'What share of the vote did he win?'],
  },
  'how-long': {
    openings: [/^(?:for )?how (?:long|far)\b/],
    extract: lengthSpans,
    nearness: 0.4,
    anywhere: false,
    examples: ['How long will the truce last?', 'How long was the convoy?'],
  },
  'how-old': {
    openings: [
      /^(?:how old|(?:at|from|until|up to) what ages?|what (?:is|was|are|were) the (?:minimum |maximum )?ages?)\b/,
    ],
    extract: ageSpans,
    nearness: 0.5,
    anywhere: false,
    examples: ['How old must civilians be for conscription?', 'At what age are men conscripted?'],
  },
  why: {
    openings: [/^(?:why|for what reason|what (?:is|was) the reason(?: why)?)\b/],
    extract: reasonSpans,
    nearness: 1,
    anywhere: true,
    examples: ['Why did the rebels reject the proposal?'],
  },
  /** 'Which faction…', 'Which road…': no opening of its own; a 'what' question's head noun makes it one. */
  which: {
    openings: [],
    extract: actorSpans,
    nearness: 1,
    anywhere: false,
    examples: ['Which factions rejected the agreement?', 'Which road did the buses take?'],
  },
  what: {
    openings: [
      /^(?:(?:on|by|until|at|from|to|in|into|through|via|across|with|for|along|during|under) )?(?:which|what) (?=\w)/,
    ],
    extract: sentenceSpans,
    nearness: 1,
    anywhere: false,
    examples: ['What happened in Rastan?', 'What did the crowds chant?'],
  },
  'yes-no': {
    openings: [/^(?:is|are|was|were|did|does|do|has|have|had|will|would|can|could|should)\b/],
    extract: sentenceSpans,
    nearness: 1,
    anywhere: false,
    examples: ['Was the ceasefire extended?'],
  },
  /** 'Who is Mohamed al-Ahmed?': found by the shape of the question, not by an opening. */
  identity: {
    openings: [],
    extract: identitySpans,
    nearness: 1,
    anywhere: true,
    examples: ['Who is Hisham Qassem?'],
  },
} as const satisfies Record<QuestionKind, AnswerKind>

/** Every opening with its kind, in the registry's order. */
export function openingsOf(): (readonly [RegExp, QuestionKind])[] {
  return (Object.entries(ANSWER_KINDS) as [QuestionKind, AnswerKind][]).flatMap(([kind, k]) =>
    k.openings.map((re) => [re, kind] as const),
  )
}
