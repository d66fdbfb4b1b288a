import { arabicTerm, hasArabic, normalizeArabic } from './arabic.ts'
import { tokenize } from './normalize.ts'

/**
 * An Arabic question read: the kind of answer its question word asks for (من who, متى when, أين
 * where, كم how many, لماذا why, هل yes or no, ما what — a deadline or a duration when it asks
 * for المهلة or المدة), its content words, and the same question in English words (a glossary of
 * the words of local-deal reporting; names through the tables) so that English articles answer
 * it too. The answer kinds are ask's own.
 */
export type ArabicQuestionKind =
  | 'who'
  | 'when'
  | 'where'
  | 'how-many'
  | 'how-long'
  | 'why'
  | 'what'
  | 'yes-no'

export interface ArabicQuestion {
  kind: ArabicQuestionKind
  /** 'إلى أين', 'سيذهب', 'يتوجه': the answer is where people go, not where they are. */
  movement: boolean
  /** The content words as written (question words and small words left out). */
  words: string[]
  /** The word after 'كم عدد' or 'كم': the thing counted. */
  unit: string | null
  /** The first content word: the noun or verb the answer stands next to ('المتحدث'). */
  focus: string | null
}

/** Question words (normalised) and the kind each asks for, longest first. */
export const QUESTION_WORDS: readonly { words: string; kind: ArabicQuestionKind; movement?: boolean }[] = [
  { words: 'الي اين', kind: 'where', movement: true },
  { words: 'من اين', kind: 'where' },
  { words: 'كم عدد', kind: 'how-many' },
  { words: 'كم من', kind: 'how-many' },
  { words: 'في اي', kind: 'where' },
  { words: 'من هو', kind: 'who' },
  { words: 'من هي', kind: 'who' },
  { words: 'من هم', kind: 'who' },
  { words: 'ما هو', kind: 'what' },
  { words: 'ما هي', kind: 'what' },
  { words: 'متي', kind: 'when' },
  { words: 'اين', kind: 'where' },
  { words: 'كم', kind: 'how-many' },
  { words: 'لماذا', kind: 'why' },
  { words: 'هل', kind: 'yes-no' },
  { words: 'ماذا', kind: 'what' },
  { words: 'ما', kind: 'what' },
  { words: 'من', kind: 'who' },
]

/** 'What' questions whose head noun asks for a time span: the deadline, the duration. */
const DURATION_NOUNS = /^(?:ال)?(?:مهله|مده|فتره)$/u
/** Verbs of going: the answer to 'where' is the destination. */
const MOVEMENT_VERBS = /(?:ذهب|توجه|ينتقل|انتقل|نقل|رحل|ترحيل|خرج|يخرج|يغادر|غادر)/u

/** True when a query is an Arabic question (or at least Arabic words asked of the corpus). */
export function isArabicQuestion(query: string): boolean {
  return hasArabic(query)
}

export function readArabicQuestion(query: string): ArabicQuestion {
  const normal = normalizeArabic(query)
    .replace(/[؟?!.،]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  const found = QUESTION_WORDS.find((q) => normal === q.words || normal.startsWith(`${q.words} `))
  const kind = found?.kind ?? 'what'
  const rest = found ? normal.slice(found.words.length).trim() : normal
  const words = tokenize(rest).filter((w) => arabicTerm(w) !== null || /^\d/.test(w))
  const first = words[0] ?? null
  const movement = found?.movement === true || (kind === 'where' && words.some((w) => MOVEMENT_VERBS.test(w)))
  return {
    kind: kind === 'what' && first && DURATION_NOUNS.test(first) ? 'how-long' : kind,
    movement,
    words,
    unit: kind === 'how-many' ? first : null,
    focus: first,
  }
}

/**
 * English words for the Arabic words of local-deal reporting, by their search term (normalised,
 * stemmed: see arabicTerm). Names are not here: the gazetteer and the places table give those.
 */
const GLOSSARY_WORDS: readonly (readonly [string, string])[] = [
  ['حافلات', 'buses'],
  ['حافله', 'bus'],
  ['مقاتلين', 'fighters'],
  ['مقاتلون', 'fighters'],
  ['مسلحين', 'gunmen'],
  ['دخلت', 'entered'],
  ['دخل', 'entered'],
  ['دخول', 'entry'],
  ['نقل', 'take'],
  ['لنقل', 'take'],
  ['خروج', 'leave'],
  ['يغادروا', 'leave'],
  ['غادر', 'left'],
  ['سيذهب', 'go'],
  ['يذهب', 'go'],
  ['يتوجهوا', 'go'],
  ['مهله', 'deadline'],
  ['متحدث', 'spokesman'],
  ['المتحدث', 'spokesman'],
  ['باسم', ''],
  ['اتفاق', 'agreement'],
  ['اتفاقيه', 'agreement'],
  ['تسويه', 'settlement'],
  ['مصالحه', 'reconciliation'],
  ['هدنه', 'truce'],
  ['سلاح', 'weapons'],
  ['اسلحه', 'weapons'],
  ['قوات', 'forces'],
  ['النظام', 'government'],
  ['الحكومه', 'government'],
  ['الجيش', 'army'],
  ['المعارضه', 'opposition'],
  ['فصائل', 'factions'],
  ['روسي', 'Russian'],
  ['روسيه', 'Russian'],
  ['الروسي', 'Russian'],
  ['تركي', 'Turkish'],
  ['ايراني', 'Iranian'],
  ['وفد', 'delegation'],
  ['مفاوضات', 'negotiations'],
  ['مفاوض', 'negotiator'],
  ['وسيط', 'mediator'],
  ['مدنيين', 'civilians'],
  ['عائلات', 'families'],
  ['الشمال', 'north'],
  ['قائد', 'commander'],
  ['قتل', 'killed'],
  ['اعتقال', 'arrest'],
  ['معتقلين', 'detainees'],
  ['ساعه', 'hours'],
  ['يوم', 'day'],
  ['ايام', 'days'],
  ['معبر', 'crossing'],
  ['حصار', 'siege'],
  ['جرحي', 'wounded'],
  ['قتلي', 'killed'],
  ['رافضين', 'refused'],
  ['الرافضين', 'refused'],
  ['وافق', 'accept'],
  ['وافقت', 'accept'],
  ['رفض', 'reject'],
  ['رفضت', 'reject'],
  ['ممنوحه', 'given'],
  ['الممنوحه', 'given'],
  ['عدد', ''],
  ['الذين', ''],
  ['التي', ''],
  ['الذي', ''],
  ['كي', ''],
]

let glossary: Map<string, string> | undefined
function glossaryMap(): Map<string, string> {
  if (glossary) return glossary
  glossary = new Map()
  for (const [ar, en] of GLOSSARY_WORDS) {
    const t = arabicTerm(ar)
    if (t && !glossary.has(t)) glossary.set(t, en)
  }
  return glossary
}

const FRAMES: Record<ArabicQuestionKind, string> = {
  who: 'Who is the',
  when: 'When',
  where: 'Where',
  'how-many': 'How many',
  'how-long': 'What is the deadline',
  why: 'Why',
  what: 'What',
  'yes-no': 'Did',
}

/**
 * The question in English words: its frame from its kind, each word from the glossary, a name
 * from `nameInLatin` (the tables), numbers as they are; words neither knows are left out.
 */
export function englishQuestion(q: ArabicQuestion, nameInLatin: (word: string) => string | null): string {
  const out: string[] = []
  const g = glossaryMap()
  for (const w of q.words) {
    if (/^\d+$/.test(w)) {
      out.push(w)
      continue
    }
    const name = nameInLatin(w)
    if (name) {
      if (!out.includes(name)) out.push(name)
      continue
    }
    const t = arabicTerm(w)
    const en = t ? g.get(t) : undefined
    if (en && !out.includes(en)) out.push(en)
  }
  const frame = FRAMES[q.kind]
  const words = q.kind === 'how-long' ? out.filter((w) => w !== 'deadline') : out
  return `${frame} ${words.join(' ')}?`
}
