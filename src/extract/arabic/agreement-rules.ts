import type { AgreementStatus } from '../agreements.ts'
import type { TermCategory } from '../term-categories.ts'
import { type ArabicRule, B0, B1, CLITICS } from './match.ts'

/**
 * The Arabic rules of agreements, as tables (see stance-rules.ts for the shape): the deal nouns
 * (the words of text/lexicon.ts's ARABIC_DEAL_NOUNS, with their clitics and forms) and the kind
 * each names, what happened to a deal, who brokered it, where a list of terms begins, and the
 * cue words of each term category.
 */

export const ARABIC_DEAL_KINDS: readonly ArabicRule<string>[] = [
  {
    id: 'ar-deal-ceasefire',
    pattern: `${B0}${CLITICS}وقف\\s+(?:\\S+\\s+)?(?:ل)?(?:ا|ال)?طلاق\\s+النار${B1}`,
    examples: ['وقف إطلاق النار', 'وقف فوري لإطلاق النار'],
    counterExamples: ['توقف المفاوضات'],
    value: 'ceasefire',
  },
  {
    id: 'ar-deal-agreement',
    pattern: `${B0}${CLITICS}(?:اتفاق|اتفاقيه|اتفاقات|اتفاقيات)(?:ها|ه)?${B1}`,
    examples: ['الاتفاق', 'باتفاق سوتشي', 'اتفاقية'],
    counterExamples: ['متفق'],
    value: 'agreement',
  },
  {
    id: 'ar-deal-settlement',
    pattern: `${B0}${CLITICS}تسويه${B1}`,
    examples: ['اتفاق تسوية', 'للتسوية'],
    counterExamples: ['تسويات مالية'],
    value: 'settlement',
  },
  {
    id: 'ar-deal-reconciliation',
    pattern: `${B0}${CLITICS}(?:مصالحه|مصالحات)${B1}`,
    examples: ['لجان المصالحة'],
    counterExamples: ['مصالح'],
    value: 'reconciliation',
  },
  {
    id: 'ar-deal-truce',
    pattern: `${B0}${CLITICS}هدنه${B1}`,
    examples: ['هدنة استمرت 48 ساعة'],
    counterExamples: ['هدوء'],
    value: 'truce',
  },
]

export const ARABIC_STATUS_CUES: readonly ArabicRule<Exclude<AgreementStatus, 'unknown'>>[] = [
  {
    id: 'ar-status-proposed',
    pattern: `${B0}(?:[وف])?(?:اقترح\\S*|مقترح\\S*|عرض(?:ت|وا)?|طرح(?:ت|وا)?|يطرح\\S*|مسوده|خريطه\\s+الطريق)${B1}`,
    examples: ['اقترح الوفد الروسي', '«خريطة الطريق» الروسية'],
    counterExamples: ['معرض'],
    value: 'proposed',
  },
  {
    id: 'ar-status-rejected',
    pattern: `${B0}${CLITICS}(?:[يتن]?رفض(?:ت|وا|ت)?)${B1}`,
    examples: ['رفضت اللجنة'],
    counterExamples: ['الرافضين'],
    value: 'rejected',
  },
  {
    id: 'ar-status-agreed',
    pattern: `${B0}(?:[وف])?(?:توصل\\S*|وافق\\S*|وقع(?:ت|وا)?\\s+علي|ابرم\\S*|قبول\\S*|التوصل)${B1}`,
    examples: ['توصلت لجنة التفاوض إلى اتفاق', 'وافقت اللجنة'],
    counterExamples: ['وصل'],
    value: 'agreed',
  },
  {
    id: 'ar-status-implemented',
    pattern: `${B0}(?:[وف])?(?:بدا\\S*\\s+(?:\\S+\\s+){0,3}?(?:تنفيذ|عمليات|خروج|ترحيل)|خرج\\S*|غادر\\S*|سلم(?:ت|وا)?|دخل(?:ت|وا)?\\s+(?:ال)?حافلات|وصل(?:ت|وا)?)${B1}`,
    examples: ['وبدأت يوم الأربعاء عمليات تسوية', 'وسلّم مقاتلون'],
    counterExamples: ['خروج المقاتلين الرافضين'],
    value: 'implemented',
  },
]

/** Demonyms of brokers ('بوساطة روسية') and their states. */
export const ARABIC_BROKER_STATES: Readonly<Record<string, string>> = {
  روس: 'Russia',
  تركي: 'Turkey',
  اتراك: 'Turkey',
  ايران: 'Iran',
  اردن: 'Jordan',
  امريك: 'United States',
  اممي: 'United Nations',
  قطر: 'Qatar',
  مصر: 'Egypt',
}

/** 'برعاية روسية', 'بوساطة روسية', 'بإشراف روسي': the broker is the demonym's state. */
export const ARABIC_BROKER = new RegExp(
  `${B0}(?:ب|تحت\\s+)?(?:رعايه|وساطه|اشراف|ضمانه|مبادره)\\s+(?:ال)?(\\S+)`,
  'gu',
)

/** Where a list of terms begins: 'ينص الاتفاق على البنود التالية:', 'أبرز البنود', 'بما يلي:'. */
export const ARABIC_LIST_INTRO = new RegExp(
  `(?:${B0}(?:ال)?(?:بنود|شروط|نقاط)${B1}|${B0}(?:[وف])?(?:ينص|تنص|يقضي|تقضي|يتضمن|تتضمن)${B1}|بما\\s+يلي|التاليه)`,
  'u',
)

/** A term told in running text: 'يقضي بخروج المقاتلين…', 'ينص على وقف…': what follows is the term. */
export const ARABIC_TERM_CLAUSE = new RegExp(
  `${B0}(?:[وف])?(?:ينص|تنص|نص|يقضي|تقضي|قضي|يتضمن|تتضمن)\\s+(?:\\S+\\s+){0,3}?(?:علي\\s+(?=\\S)|ب(?=\\S))`,
  'u',
)

/** The cue words of each term category (normalised letters), as TERM_CATEGORIES names them. */
export const ARABIC_TERM_CUES: readonly { category: TermCategory; pattern: RegExp; weight: number }[] = [
  { category: 'ceasefire', pattern: /طلاق النار|هدنه|وقف (?:القتال|الاعمال|القصف)|خفض التصعيد/u, weight: 3 },
  {
    category: 'weapons handover',
    pattern: /سلاح|اسلحه|الدبابات|المدفعيه|الصواريخ|الهاون|منزوعه/u,
    weight: 3,
  },
  {
    category: 'evacuation and safe passage',
    pattern: /خروج|ترحيل|اخراج|اجلاء|مغادره|نقل|الشمال|حافلات|تهجير|افراغ/u,
    weight: 2,
  },
  {
    category: 'status settlement and amnesty',
    pattern: /تسويه اوضاع|تسويه جديده|عفو|المطلوبين|تسويه/u,
    weight: 3,
  },
  {
    category: 'security and policing',
    pattern: /الشرطه|حواجز|حاجز|دوريات|نقاط|دخول قوات|انتشار|العلم/u,
    weight: 2,
  },
  {
    category: 'state institutions and services',
    pattern: /الماء|المياه|الكهرباء|الخدمات|المشفي|مؤسسات|الدوائر/u,
    weight: 2,
  },
  { category: 'detainees and prisoners', pattern: /معتقل|اعتقال|اسري|المخطوفين|الافراج/u, weight: 3 },
  { category: 'conscription', pattern: /الخدمه|التجنيد|المتخلفين|الاحتياط/u, weight: 4 },
  { category: 'roads and access', pattern: /المعابر|معبر|طريق|الحصار|فتح/u, weight: 2 },
  {
    category: 'local governance',
    pattern: /لجان شعبيه|مجلس محلي|المجلس المحلي|لجنه مشتركه|اداره/u,
    weight: 3,
  },
  { category: 'deadline', pattern: /خلال \S+ (?:ساعه|ساعات|ايام|يوما|اسبوع)|بحلول|مهله/u, weight: 1.5 },
]
