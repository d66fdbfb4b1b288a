import type { CueKind } from '../stance-cues.ts'
import { type ArabicRule, B0, B1, CLITICS } from './match.ts'

/**
 * The Arabic cues that a faction took a position on a deal, as a table: each row an id, a
 * pattern in normalised letters (ة as ه, أ إ آ as ا, ى as ي), what it says, and sentences it
 * must and must not match (test/extract/arabic-rules.test.ts runs them). Verb forms: past
 * (رفضت), present (ترفض), the verbal noun (رفض، القبول، تسليم) with its pronoun (قبولها).
 */
export interface StanceCueValue {
  kind: CueKind
  /** Holds its own meaning whatever stands before it: not turned round by a negation. */
  fixed?: boolean
}

/** Pronoun suffixes of a verb or a verbal noun. */
const SUFFIX = '(?:ت|تا|وا|ا|ن|ون|ه|ها|هم|هما|نا)?'
/** The present-tense prefixes. */
const PRESENT = '(?:[يتن])'

export const ARABIC_STANCE_CUES: readonly ArabicRule<StanceCueValue>[] = [
  {
    id: 'ar-stance-stop-talks',
    pattern: `${B0}(?:[وف])?(?:اوقف|اعلن\\S*\\s+توقف|توقف|وقف|علق|تعليق|انسحب\\S*\\s+من)${SUFFIX}\\s+(?:ال)?(?:مفاوضات|محادثات|اتفاق|هدنه)${B1}`,
    examples: ['أعلنت الحركة توقف المفاوضات', 'انسحبت من المفاوضات'],
    counterExamples: ['وقف إطلاق النار'],
    value: { kind: 'rejection', fixed: true },
  },
  {
    id: 'ar-stance-reject',
    pattern: `${B0}${CLITICS}(?:${PRESENT}?رفض${SUFFIX}|رفضو[اه])${B1}`,
    examples: ['ورفضت «أحرار الشام» الشروط', 'وترفض تسليم سلاحها', 'رفضه للاتفاق'],
    counterExamples: ['المقاتلين الرافضين للتسوية'],
    value: { kind: 'rejection' },
  },
  {
    id: 'ar-stance-boycott',
    pattern: `${B0}(?:[وف])?(?:${PRESENT}?قاطع${SUFFIX}|مقاطعه${SUFFIX})${B1}`,
    examples: ['قاطعت الفصائل الاجتماع'],
    counterExamples: ['مقاطعات'],
    value: { kind: 'rejection' },
  },
  {
    id: 'ar-stance-oppose',
    pattern: `${B0}(?:[وف])?(?:عارض(?:ت|وا)|${PRESENT}عارض(?:ون)?)${B1}`,
    examples: ['وعارضت الحركة الاتفاق'],
    counterExamples: ['فصائل المعارضة'],
    value: { kind: 'rejection' },
  },
  {
    id: 'ar-stance-accept',
    pattern: `${B0}${CLITICS}(?:${PRESENT}?وافق${SUFFIX}|موافق(?:ه|ت)${SUFFIX}|قبول${SUFFIX}|قبولا|قبلت|قبلوا|${PRESENT}قبل(?:ون)?)${B1}`,
    examples: [
      'وافقت اللجنة المركزية',
      'أعلنت قبولها بالاتفاق',
      'تلمّح إلى القبول باتفاق',
      'يمثل قبولاً ضمنياً',
    ],
    counterExamples: ['قبل يوم واحد', 'قبل أن'],
    value: { kind: 'acceptance' },
  },
  {
    id: 'ar-stance-support',
    pattern: `${B0}${CLITICS}(?:ايد(?:ت|وا)|${PRESENT}ؤيد(?:ون)?|${PRESENT}ويد(?:ون)?|تاييد${SUFFIX}|رحب(?:ت|وا)|${PRESENT}رحب(?:ون)?|ترحيب${SUFFIX}|انضم(?:ت|وا)?\\s+(?:الي|ل))${B1}`,
    examples: ['وأيدت الحركة الاتفاق', 'رحبت الفصائل بالاتفاق', 'انضمت إلى الاتفاق'],
    counterExamples: ['تأييدات'],
    value: { kind: 'acceptance' },
  },
  {
    id: 'ar-stance-denounce',
    pattern: `${B0}(?:[وف])?(?:ندد(?:ت|وا)?|${PRESENT}ندد(?:ون)?|استنكر(?:ت|وا)?|${PRESENT}ستنكر(?:ون)?|ادان(?:ت|وا)?)${B1}`,
    examples: ['ونددت الجبهة بالاتفاق', 'استنكرت الحركة الاتفاق'],
    counterExamples: ['مندد'],
    value: { kind: 'rejection' },
  },
  {
    id: 'ar-stance-reach',
    pattern: `${B0}(?:[وف])?(?:(?:ال)?توصل${SUFFIX}|${PRESENT}توصل(?:ون)?)\\s+(?:\\S+\\s+){0,12}?(?:الي\\s+|ل)(?:ال)?(?:اتفاق|تسويه|هدنه)${B1}`,
    examples: ['توصلت لجنة التفاوض إلى اتفاق', 'التوصل إلى اتفاق'],
    counterExamples: ['توصلت إلى نتيجة'],
    value: { kind: 'acceptance' },
  },
  {
    id: 'ar-stance-sign',
    pattern: `${B0}(?:[وف])?(?:وقع(?:ت|وا)?|${PRESENT}وقع(?:ون)?|توقيع${SUFFIX})\\s+(?:\\S+\\s+){0,3}?(?:علي\\s+)?(?:ال)?(?:اتفاق|تسويه|هدنه|مصالحه|وثيقه)`,
    examples: ['وقّعت الفصائل على الاتفاق', 'توقيع الاتفاق'],
    counterExamples: ['وقع انفجار'],
    value: { kind: 'acceptance' },
  },
  {
    id: 'ar-stance-hand-over',
    pattern: `${B0}${CLITICS}(?:سلم(?:ت|وا)?|${PRESENT}سلم(?:ون)?|تسليم${SUFFIX})${B1}`,
    examples: ['وسلّم مقاتلون جزءاً من أسلحتهم', 'لن تسلّم سلاحها'],
    counterExamples: ['السلام', 'مسلم'],
    value: { kind: 'compliance' },
  },
  {
    id: 'ar-stance-withdraw',
    pattern: `${B0}(?:[وف])?(?:انسحب${SUFFIX}|${PRESENT}نسحب(?:ون)?)${B1}`,
    examples: ['انسحب المقاتلون من المدينة'],
    counterExamples: ['انسحاب'],
    value: { kind: 'compliance' },
  },
]

/** Words that turn a cue round when they stand in the two words before it: لم، لن، لا، عدم… */
export const ARABIC_NEGATION = new RegExp(
  `${B0}(?:[وف])?(?:لم|لن|لا|ليس|ليست|عدم|بعدم|دون|بدون|غير)${B1}`,
  'u',
)

/**
 * Words that make an acceptance a demand, a condition or a term rather than a stance, when they
 * stand in the three words before it: 'demanded the factions accept', 'must', 'on condition'.
 */
export const ARABIC_UNREAL = new RegExp(
  `${B0}(?:[وف])?(?:يجب|ينبغي|شرط|بشرط|طالب\\S*|مطالب\\S*|دعا|دعت|يدعو|تدعو|مهله|اذا|لو|حال)${B1}`,
  'u',
)
