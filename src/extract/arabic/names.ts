import { loadPlaces } from '../../search/places.ts'
import { normalizeArabic } from '../../text/arabic.ts'
import { foldPhrase } from '../../text/normalize.ts'
import { arabicAliases, type Gazetteer, loadGazetteer } from '../armed-groups.ts'
import { B0, B1, type NormalSpan, toArticle } from './match.ts'

/**
 * Armed groups named in Arabic text: by the gazetteer's Arabic names (and their unique short
 * tails: 'تحرير الشام' for 'هيئة تحرير الشام'), and by the shape Arabic news gives a group's
 * name: a word that says it is a group (حركة، هيئة، جيش، لواء، الفرقة، اللجنة…) heading a name
 * in «guillemets», or a definite body with its adjectives ('اللجنة المركزية', 'الفرقة الرابعة').
 * A group of the gazetteer is keyed by its canonical name, so that its Arabic and English
 * mentions are one faction.
 */

export interface ArabicName {
  /** As written (verbatim, without a clitic before it). */
  name: string
  key: string
  /** The rule that found it: 'gazetteer', 'shape:arabic-quoted', 'shape:arabic-body'. */
  rule: string
  /** The gazetteer entry it names ('gazetteer:hts'). */
  ref?: string
  /** A state's forces (the gazetteer's 'state-force') take no stance of their own. */
  kind: 'group' | 'state'
  start: number
  end: number
}

/** Words that head a group's name (normalised, without the article). */
export const GROUP_HEADS = [
  'حركه',
  'هيئه',
  'جبهه',
  'جيش',
  'لواء',
  'الويه',
  'فيلق',
  'فرقه',
  'كتائب',
  'كتيبه',
  'تجمع',
  'ثوار',
  'جند',
  'انصار',
  'فصيل',
  'مجموعه',
  'غرفه',
  'تنظيم',
  'حزب',
  'لجنه',
  'قوات',
  'مجلس',
] as const

/** Heads that, definite and followed by adjectives, name a body without guillemets. */
const DEFINITE_HEADS = ['لجنه', 'فرقه', 'لواء', 'فيلق', 'جبهه'] as const

/** Adjectives that name no group: 'اللجنة الأمنية التابعة للنظام' is the government's. */
const NOT_ADJECTIVES = new Set(['تابعه', 'تابع', 'سوريه', 'سوري', 'روسيه', 'روسي'].map((w) => `ال${w}`))

interface Compiled {
  re: RegExp
  keys: Map<string, string>
  ids: Map<string, string>
  states: Set<string>
}

const compiledFor = new WeakMap<Gazetteer, Compiled>()

function compile(g: Gazetteer): Compiled {
  let c = compiledFor.get(g)
  if (c) return c
  const keys = new Map<string, string>()
  const ids = new Map<string, string>()
  const states = new Set<string>()
  const owners = new Map<string, Set<string>>()
  const claim = (form: string, key: string) => {
    const set = owners.get(form) ?? new Set<string>()
    set.add(key)
    owners.set(form, set)
  }
  for (const group of g.groups) {
    const key = foldPhrase(group.name)
    ids.set(key, group.id)
    if (group.kind === 'state-force') states.add(key)
    for (const alias of arabicAliases(group)) {
      const form = normalizeArabic(alias).replace(/\s+/g, ' ').trim()
      claim(form, key)
      const words = form.split(' ')
      // A short form: the name without its leading type word, when it is two words or more.
      if (words.length >= 3) claim(words.slice(1).join(' '), key)
    }
  }
  for (const [form, set] of owners) if (set.size === 1) keys.set(form, [...set][0] as string)
  const forms = [...keys.keys()].sort((a, b) => b.length - a.length).map(escapeForm)
  const re = new RegExp(`${B0}(?:[وفبل](?=ال))?(${forms.join('|')})${B1}`, 'gu')
  c = { re, keys, ids, states }
  compiledFor.set(g, c)
  return c
}

function escapeForm(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')
}

const HEAD = `(?:ال)?(?:${GROUP_HEADS.join('|')})`
/** «name» whose first word is a group's head. */
const QUOTED = new RegExp(`«((?:${HEAD})\\s+[^«»]{2,60}?)»`, 'gu')
/** A definite body and its one or two definite adjectives. */
const DEFINITE = new RegExp(
  `${B0}(?:[وفبل](?=ال))?(ال(?:${DEFINITE_HEADS.join('|')})(?:\\s+ال[\\u0620-\\u064a]{3,}){1,2})${B1}`,
  'gu',
)

let placeForms: Set<string> | undefined
/** Arabic place names (normalised): a name in guillemets that is a place is no group. */
function isPlace(form: string): boolean {
  placeForms ??= new Set(
    loadPlaces().places.flatMap((p) => p.aliases.map((a) => normalizeArabic(a).replace(/^ال/, ''))),
  )
  return placeForms.has(form.replace(/^ال/, ''))
}

/** The groups a normalised sentence names, each span once, in order. */
export function findArabicGroupNames(
  original: string,
  span: NormalSpan,
  gazetteer = loadGazetteer(),
): ArabicName[] {
  const { re, keys, ids, states } = compile(gazetteer)
  const found: ArabicName[] = []
  const add = (form: string, key: string, at: number, rule: string) => {
    const { start, end } = toArticle(span, at, at + form.length)
    if (found.some((f) => f.start < end && start < f.end)) return
    const id = rule === 'gazetteer' ? ids.get(key) : undefined
    found.push({
      name: original.slice(start, end),
      key,
      rule,
      ...(id ? { ref: `gazetteer:${id}` } : {}),
      kind: states.has(key) ? 'state' : 'group',
      start,
      end,
    })
  }
  re.lastIndex = 0
  for (const m of span.text.matchAll(re)) {
    const form = m[1] ?? ''
    const key = keys.get(form.replace(/\s+/g, ' '))
    if (key) add(form, key, m.index + m[0].length - form.length, 'gazetteer')
  }
  for (const m of span.text.matchAll(QUOTED)) {
    const form = (m[1] ?? '').trim()
    if (!isPlace(form)) add(form, foldPhrase(form), m.index + 1, 'shape:arabic-quoted')
  }
  for (const m of span.text.matchAll(DEFINITE)) {
    let form = m[1] ?? ''
    const words = form.split(/\s+/)
    const cut = words.findIndex((w, i) => i > 0 && NOT_ADJECTIVES.has(w))
    if (cut === 1) continue
    if (cut > 1) form = form.slice(0, form.indexOf(words[cut] as string)).trimEnd()
    add(form, foldPhrase(form), m.index + m[0].length - (m[1] ?? '').length, 'shape:arabic-body')
  }
  return found.sort((a, b) => a.start - b.start)
}
