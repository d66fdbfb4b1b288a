import type { Span } from '../corpus/types.ts'
import { HYPHEN_JOINERS, NAME_JOINERS } from '../text/lexicon.ts'
import { foldPhrase, foldWord, searchTerm, someUnlowerWord, type WordSpan, words } from '../text/normalize.ts'
import { ALIASES_RULE, notFactionRule, WORDS } from './faction-rules.ts'

/**
 * Faction names found by their shape, without a list of factions: Arabic names built on a type
 * word (Jaysh al-Tawhid, Harakat Ahrar al-Sham al-Islamiyya, Ahl al-Sunna wal Jamaa) and English
 * names ending in one (Free Syrian Army, Ras al-Safuf Operations Room), plus the members of an
 * enumeration introduced by 'the factions …', plus the curated aliases (HTS, Sham Legion).
 */

/** 'group': an armed faction that can take a stance; 'state': a state's forces (Syrian Army, Russian Forces). */
export type FactionKind = 'group' | 'state'

export interface NameMention {
  /** The name as written (a verbatim slice of the text). */
  name: string
  /** Its comparable form (foldPhrase). */
  key: string
  kind: FactionKind
  start: number
  end: number
  /** The rule that found it: 'gazetteer', 'aliases.json', or a shape rule's id ('shape:arabic-head'). */
  rule: string
  /** For a known name: the entry it names ('gazetteer:hts', 'aliases:Faylaq al-Sham'). */
  ref?: string
}

const { heads: HEADS, weakHeads: WEAK_HEADS, tails: TAILS, functionWords: FUNCTION_WORDS } = WORDS
const { stateWords: STATE_WORDS, genericWords: GENERIC_WORDS } = WORDS
/** The Arabic article and particles that join the parts of a name: al-Sham, wal Jamaa, ibn al-Walid. */
const JOINERS: ReadonlySet<string> = new Set(NAME_JOINERS)
/** Joiners that count only when hyphen-attached (as-Sunna), being English words too. */
const HYPHEN_ONLY: ReadonlySet<string> = new Set(HYPHEN_JOINERS)
/** Demonyms by their ending: Syrian, Russian, Lebanese, Turkish, American. */
const DEMONYM = /(?:ian|ese|ish|ican)$/
const ORDINAL = /^\d+(?:st|nd|rd|th)$/
/** Plural nouns after which a list of faction names follows, or before which one ends. */
const LIST_NOUNS = /\b(?:factions|groups|brigades|formations|battalions)\b/g

interface Tok extends WordSpan {
  lower: string
  cap: boolean
  /** A capitalised Arabic type word. */
  head: boolean
  /** A type word, Arabic or English: without one, a run of words holds no name. */
  typed: boolean
  /** What stands between this word and the previous one. */
  gap: string
}

/** Words repeat across a corpus: their folded forms are kept (bounded) rather than folded again. */
const folded = new Map<string, string>()
const keyOf = new Map<string, string>()
const FOLD_CACHE_MAX = 200_000
function fold(word: string): string {
  let f = folded.get(word)
  if (f === undefined) {
    if (folded.size >= FOLD_CACHE_MAX) folded.clear()
    f = foldWord(word)
    folded.set(word, f)
  }
  return f
}

const isHead = (t: Tok | undefined): boolean => !!t?.head
const isTail = (t: Tok | undefined): boolean => !!t?.cap && TAILS.has(t.lower)
/** 'Operations Room': a two-word type; returns the index of 'Room' when `i` starts one. */
const roomAt = (ts: Tok[], i: number): number =>
  /^operations?$/.test(ts[i]?.lower ?? '') && ts[i + 1]?.lower === 'room' && ts[i + 1]?.cap ? i + 1 : -1
/** A joiner at `i` that binds the capitalised word after it. */
function isJoiner(ts: Tok[], i: number): boolean {
  return joinedEnd(ts, i) >= 0
}
/**
 * The index of the capitalised word a joiner at `i` binds, or -1. Joiners may stand in a row
 * before it: 'bin al-Walid', 'ibn al-Khattab', 'abu al-Fadl'.
 */
function joinedEnd(ts: Tok[], i: number): number {
  const t = ts[i]
  const next = ts[i + 1]
  if (!t || !next || !nameGap(next.gap)) return -1
  const joins = JOINERS.has(t.lower) || (HYPHEN_ONLY.has(t.lower) && /^[-‐]$/.test(next.gap))
  if (!joins) return -1
  if (next.cap) return i + 1
  // One more joiner, not capitalised ('bin al-'): the word after it is bound through both.
  return JOINERS.has(next.lower) && joinedEnd(ts, i + 1) === i + 2 ? i + 2 : -1
}
/** Name parts are joined by one space or a hyphen: a comma, quote or line break ends a name. */
const nameGap = (gap: string): boolean => /^(?:[ \t\u00a0]|[-‐])$/.test(gap)

/** Capitalised, as names are written (an ordinal counts: '4th Legion'). */
function isCap(word: string): boolean {
  const first = word[0] ?? ''
  return first !== first.toLowerCase() || (first >= '0' && first <= '9' && ORDINAL.test(word))
}

/** What a capitalised word is to names, worked out once per word (bounded), not at every use. */
interface CapInfo {
  lower: string
  head: boolean
  /** A type word a name is built on: an Arabic head, or an English one ('Army', 'Room'). */
  typed: boolean
}
const capInfos = new Map<string, CapInfo>()
function capInfo(word: string): CapInfo {
  let info = capInfos.get(word)
  if (info === undefined) {
    const lower = word.toLowerCase()
    const head = HEADS.has(fold(word))
    info = { lower, head, typed: head || TAILS.has(lower) || lower === 'room' }
    if (capInfos.size >= FOLD_CACHE_MAX) capInfos.clear()
    capInfos.set(word, info)
  }
  return info
}

function tokens(text: string, span: Span): Tok[] {
  const slice = text.slice(span.start, span.end)
  let prevEnd = 0
  return words(slice).map((w) => {
    const cap = isCap(w.word)
    const info = cap ? capInfo(w.word) : null
    const t: Tok = {
      word: w.word,
      start: w.start + span.start,
      end: w.end + span.start,
      lower: info ? info.lower : w.word.toLowerCase(),
      cap,
      head: info ? info.head : false,
      typed: info ? info.typed : false,
      gap: slice.slice(prevEnd, w.start),
    }
    prevEnd = w.end
    return t
  })
}

/** Runs of words that may make up names: capitalised words and the joiners between them. */
function runs(ts: Tok[]): [number, number][] {
  const out: [number, number][] = []
  let from = -1
  for (let i = 0; i <= ts.length; i++) {
    const t = ts[i]
    const inside =
      t !== undefined &&
      ((t.cap && !FUNCTION_WORDS.has(t.lower)) || isJoiner(ts, i) || (t.cap && isJoiner(ts, i))) &&
      (from < 0 || nameGap(t.gap))
    if (inside && from < 0) from = i
    else if (!inside && from >= 0) {
      out.push([from, i - 1])
      from = -1
      if (t && ((t.cap && !FUNCTION_WORDS.has(t.lower)) || isJoiner(ts, i))) from = i
    }
  }
  return out
}

/**
 * The end of an Arabic name that starts with a type word at `i` (within the run ending at
 * `last`), or -1. After the type word come joined parts (al-Sham, wal Jamaa), other type words
 * (Hay'at Tahrir), one bare word before a joined part (Jabhat Fateh al-Sham) and an English type
 * word (Tahrir al-Watan Movement); a trailing capitalised word (a headline's 'Takes') is not
 * part of it.
 */
function headNameEnd(ts: Tok[], i: number, last: number): number {
  let end = -1
  let j = i + 1
  while (j <= last) {
    const room = roomAt(ts, j)
    if (room >= 0 && room <= last) return room
    if (isTail(ts[j])) return j
    const joined = joinedEnd(ts, j)
    if (joined >= 0) {
      end = joined
      j = joined + 1
      continue
    }
    // A bare word joins a name before its first joined part only ('Jabhat Fateh al-Sham'): after
    // one, it starts a place ('Ansar Bustan al-Basha Ard al-Hamra').
    if (isHead(ts[j]) || (end < 0 && ts[j]?.cap && isJoiner(ts, j + 1))) {
      j++
      continue
    }
    // Bare words count only when a type word follows soon (Ahmad al-Abdou Martyr Forces).
    const k = nextTail(ts, j, last, 2)
    if (k >= 0) return k
    break
  }
  if (end < 0 && !WEAK_HEADS.has(fold(ts[i]?.word ?? '')) && i + 1 <= last && ts[i + 1]?.cap)
    // Type words in a row take one bare word after them ('Liwa Ahrar Helfaya'), or two that end
    // the run before running text goes on in lower case (a town of two words: 'Ahrar Teir Maalah
    // refused'); in a headline's run of capitals, the second may be its verb.
    return j > i + 1 && j <= last && ts[j]?.cap && !FUNCTION_WORDS.has(ts[j]?.lower ?? '')
      ? twoWordTown(ts, j, last)
        ? j + 1
        : j
      : i + 1
  return end
}

/** Two bare capitalised words at `j` that end the run, with a lower-case word after them. */
function twoWordTown(ts: Tok[], j: number, last: number): boolean {
  const second = ts[j + 1]
  const after = ts[j + 2]
  return (
    j + 1 === last &&
    !!second?.cap &&
    nameGap(second.gap) &&
    !second.typed &&
    !FUNCTION_WORDS.has(second.lower) &&
    !isStateWord(second) &&
    !!after &&
    !after.cap &&
    /^\s+$/.test(after.gap)
  )
}

/** The index of the next Arabic type word (or the joiner before one) from `j`, or -1. */
function nextHead(ts: Tok[], j: number, last: number): number {
  for (let k = j; k <= last; k++) if (isHead(ts[k]) || (isJoiner(ts, k) && isHead(ts[k + 1]))) return k
  return -1
}

/** The index of an English type word (or 'Room') within `within` words from `j`, or -1. */
function nextTail(ts: Tok[], j: number, last: number, within: number): number {
  for (let k = j; k <= last && k <= j + within; k++) {
    const room = roomAt(ts, k)
    if (room >= 0 && room <= last) return room
    if (isTail(ts[k])) return k
  }
  return -1
}

/** What an English-type name is, from the words before its type word. */
function kindOf(parts: Tok[]): FactionKind | 'generic' {
  let state = false
  for (const t of parts) {
    if (JOINERS.has(t.lower) || HYPHEN_ONLY.has(t.lower)) return 'group'
    if (isStateWord(t) || ORDINAL.test(t.lower)) state = true
    else if (!GENERIC_WORDS.has(t.lower)) return 'group'
  }
  return state ? 'state' : 'generic'
}

function mention(
  text: string,
  ts: Tok[],
  from: number,
  to: number,
  kind: FactionKind,
  rule: string,
): NameMention | null {
  const a = ts[from]
  const b = ts[to]
  if (!a || !b) return null
  const name = text.slice(a.start, b.end)
  let key = keyOf.get(name)
  if (key === undefined) {
    if (keyOf.size >= FOLD_CACHE_MAX) keyOf.clear()
    // An acronym that folds to a stop word (IS) keys as itself.
    key = foldPhrase(name) || (ACRONYM.test(name) ? name.toLowerCase() : '')
    keyOf.set(name, key)
  }
  return key ? { name, key, kind, start: a.start, end: b.end, rule } : null
}

/**
 * Where an English-type name starts is sure only after 'the' or another lower-case function word
 * in running text ('the Southern Hawks Brigade', 'to Russian Forces'): without one, the capitalised words before the type word may be a dateline ('Daraa
 * Army units'), a photo credit or a headline. A name of Arabic parts (Ahmad al-Abdou Martyr
 * Forces) holds together without 'the', unless a state's word is among them.
 */
function anchored(ts: Tok[], from: number, parts: Tok[], kind: FactionKind): boolean {
  const before = ts[from - 1]
  if (before && nameGap(ts[from]?.gap ?? '')) {
    if (before.word === 'the' || before.word === 'The') return true
    // A state's force may follow any function word ('supported by Russian Forces').
    if (kind === 'state' && STATE_ANCHORS.has(before.word)) return true
  }
  const arabic = parts.some((t) => JOINERS.has(t.lower) || HYPHEN_ONLY.has(t.lower))
  return arabic && parts.length <= 4 && !parts.some(isStateWord)
}

/** The words after which a state's force's name starts ('supported by Russian Forces'). */
const STATE_ANCHORS = new Set(['by', 'to', 'with', 'from', 'and', 'against', 'for', 'on'])

/** A state's word, a demonym, or a state's name with the possessive whose apostrophe was lost ('Russias'). */
function isStateWord(t: Tok): boolean {
  return STATE_WORDS.has(t.lower) || DEMONYM.test(t.lower) || STATE_WORDS.has(t.lower.replace(/['’]?s$/, ''))
}

/** Names in one run of capitalised words. */
function namesInRun(text: string, ts: Tok[], first: number, last: number, out: NameMention[]): void {
  let k = first
  while (k <= last) {
    const t = ts[k]
    const headAt = isHead(t) ? k : isJoiner(ts, k) && isHead(ts[k + 1]) ? k + 1 : -1
    if (headAt >= 0) {
      const end = headNameEnd(ts, headAt, last)
      if (end >= 0) {
        const m = mention(text, ts, k, end, 'group', 'shape:arabic-head')
        if (m) out.push(m)
        k = end + 1
        continue
      }
    }
    const tail = nextTail(ts, k, last, 6)
    const head = nextHead(ts, k + 1, last)
    if (head >= 0 && (tail < 0 || head < tail)) {
      // A capitalised word before a name ('Then Jaysh al-Islam') is not part of it.
      k = head
      continue
    }
    if (tail < 0) return
    const typeStart = ts[tail]?.lower === 'room' ? tail - 1 : tail
    // At most five words before the type word: a headline's run may hold more than the name.
    const from = Math.max(k, typeStart - 5)
    const parts = ts.slice(from, typeStart)
    const kind = parts.length ? kindOf(parts) : 'generic'
    if (kind !== 'generic' && anchored(ts, from, parts, kind)) {
      const m = mention(
        text,
        ts,
        from,
        tail,
        kind,
        kind === 'state' ? 'shape:state-force' : 'shape:english-tail',
      )
      if (m) out.push(m)
    }
    k = tail + 1
  }
}

/** The joiners as a regular-expression alternation ('al|el|…|as|ash|…'). */
const JOINER_ALT = [...NAME_JOINERS, ...HYPHEN_JOINERS].join('|')
/** One word of a listed name: capitalised, or a joiner ('al-Ghab', 'wal'). */
const ITEM_WORD = String.raw`(?:[\p{Lu}\d][\p{L}\p{N}'’]*|(?:${JOINER_ALT})\b)(?:-[\p{L}\p{N}'’]+)*`
const ITEM = String.raw`(?:the\s+)?${ITEM_WORD}(?:[ \t]${ITEM_WORD}){0,5}`
const SEPARATOR = String.raw`(?:\s*,\s*(?:and\s+)?|\s+and\s+)`
/** A list after its noun: 'factions Suqour al-Ghab, Ansar al-Haq and the Zenki Movement'. */
const LIST_AFTER = new RegExp(
  String.raw`^\s*(?:(?:such as|including|like)\s+|:\s*)?(${ITEM}(?:${SEPARATOR}${ITEM})*)`,
  'u',
)
/** A list before its noun: 'the Jaysh al-Tawhid and Rastan Operations Room factions'. */
const LIST_BEFORE = new RegExp(String.raw`(${ITEM}(?:${SEPARATOR}${ITEM})*)\s+$`, 'u')
const SEPARATORS = new RegExp(SEPARATOR, 'gu')

/**
 * Members of a list of factions named as such: 'the factions Suqour al-Ghab, Ansar al-Haq and
 * the Zenki Movement', 'the X and Y factions'. Each capitalised item becomes a name.
 */
function listMembers(text: string, span: Span, found: NameMention[]): NameMention[] {
  const slice = text.slice(span.start, span.end)
  const out: NameMention[] = []
  for (const m of slice.matchAll(LIST_NOUNS)) {
    const after = slice.slice(m.index + m[0].length).match(LIST_AFTER)
    if (after?.[1]) {
      const at = span.start + m.index + m[0].length + (after.index ?? 0) + after[0].length - after[1].length
      out.push(...listItems(text, span.start, at, after[1], found))
    }
    const before = slice.slice(0, m.index).match(LIST_BEFORE)
    // A list before its noun needs an 'and' (else it is a name's own words: 'the Rastan factions').
    if (before?.[1] && /\band\b/.test(before[1]))
      out.push(...listItems(text, span.start, span.start + (before.index ?? 0), before[1], found))
  }
  return out
}

/** The items of a list text found at offset `at`, as names not already found. */
function listItems(
  text: string,
  sentenceStart: number,
  at: number,
  list: string,
  found: NameMention[],
): NameMention[] {
  const out: NameMention[] = []
  let from = 0
  const pieces: [number, number][] = []
  for (const sep of list.matchAll(SEPARATORS)) {
    pieces.push([from, sep.index])
    from = sep.index + sep[0].length
  }
  pieces.push([from, list.length])
  for (const [a, b] of pieces) {
    const lead = list.slice(a, b).match(/^the\s+/)?.[0].length ?? 0
    const start = at + a + lead
    const end = at + b
    const ts = tokens(text, { start, end })
    if (!ts.length || !ts[0]?.cap || ts.some((t) => FUNCTION_WORDS.has(t.lower))) continue
    // An adjective ends no name: 'the PKKs Syrian affiliate'.
    const lastWord = ts[ts.length - 1]
    if (lastWord && isStateWord(lastWord) && !TAILS.has(lastWord.lower)) continue
    // A lone capitalised word opening the sentence is its first word ('Meanwhile, the X and Y factions').
    if (ts.length === 1 && /^\W*$/.test(text.slice(sentenceStart, start))) continue
    if (found.some((f) => f.start < end && start < f.end)) continue
    const kind = kindOf(ts)
    const m = kind === 'generic' ? null : mention(text, ts, 0, ts.length - 1, kind, 'list:faction-noun')
    if (m) out.push(m)
  }
  return out
}

/** A known name: from the gazetteer or a corpus's aliases.json, with the entry it names. */
export interface KnownName {
  name: string
  /** The entry: 'gazetteer:hts', 'aliases:Faylaq al-Sham'. */
  ref: string
  rule: string
  /** A state's force (the gazetteer's state-force) or a group; a group unless said. */
  kind?: FactionKind
}

interface KnownPhrase {
  terms: string[]
  /** Which terms are capitalised in the name: there, the text must be too ('Syrian resistance' is no 'Syrian Resistance'). */
  caps: boolean[]
  ref: string
  rule: string
  /** An acronym (ISIS, HTS, SDF) matches only in capitals: 'Is' and 'is' are no 'IS'. */
  acronym: string | null
  kind: FactionKind
}

/** A matcher of known names in running text, by their folded words. */
export interface AliasMatcher {
  /** First search term → the phrases that start with it, longest first. */
  byFirst: Map<string, KnownPhrase[]>
}

const ACRONYM = /^[A-Z][A-Z0-9Ş-]{1,7}$/

/** A word's term for known names: its search term, or, for an acronym that folds to a stop word ('IS'), the acronym. */
function nameTerm(word: string): string | null {
  return searchTerm(word) ?? (ACRONYM.test(word) ? word.toLowerCase() : null)
}

/** A matcher of known names; bare strings are a corpus's aliases.json names. */
export function aliasMatcher(names: readonly (string | KnownName)[]): AliasMatcher {
  const byFirst = new Map<string, KnownPhrase[]>()
  for (const n of names) {
    const known = typeof n === 'string' ? { name: n, ref: `aliases:${n}`, rule: ALIASES_RULE } : n
    const termWords = words(known.name).filter((w) => nameTerm(w.word) !== null)
    const terms = termWords.map((w) => nameTerm(w.word) ?? '')
    const caps = termWords.map((w) => isCap(w.word))
    const first = terms[0]
    if (!first) continue
    const list = byFirst.get(first) ?? []
    const acronym = ACRONYM.test(known.name) ? (words(known.name)[0]?.word ?? null) : null
    list.push({ terms, caps, ref: known.ref, rule: known.rule, acronym, kind: known.kind ?? 'group' })
    byFirst.set(first, list)
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.terms.length - a.terms.length)
  return { byFirst }
}

/** Known names written in the text (capitalised, as names are), longest first. */
function aliasMentions(text: string, ts: Tok[], matcher: AliasMatcher): NameMention[] {
  if (matcher.byFirst.size === 0) return []
  // Terms are folded only where a known name may start (a capitalised word) and runs on.
  const terms: (string | null | undefined)[] = new Array(ts.length)
  const termAt = (j: number) => {
    let t = terms[j]
    if (t === undefined) t = terms[j] = nameTerm(ts[j]?.word ?? '')
    return t
  }
  const out: NameMention[] = []
  for (let i = 0; i < ts.length; i++) {
    if (!ts[i]?.cap) continue
    const t0 = termAt(i)
    if (!t0) continue
    // An acronym's possessive that lost its apostrophe ('PKKs') is looked up as the acronym.
    const bare = /^[A-Z]{2,}s$/.test(ts[i]?.word ?? '') ? nameTerm((ts[i]?.word ?? '').slice(0, -1)) : null
    const candidates = [...(matcher.byFirst.get(t0) ?? []), ...((bare && matcher.byFirst.get(bare)) || [])]
    for (const phrase of candidates) {
      // An acronym's possessive may have lost its apostrophe ('PKKs Syrian affiliate').
      const word = ts[i]?.word ?? ''
      if (
        phrase.acronym !== null &&
        word !== phrase.acronym &&
        word.replace(/['’]?s$/, '') !== phrase.acronym
      )
        continue
      // Match the phrase's terms in order, skipping words that are no terms ('al').
      let j = i
      let n = 0
      let lastJ = i
      while (n < phrase.terms.length && j < ts.length) {
        const term = termAt(j)
        if (term === null) {
          if (j > i && !nameGap(ts[j]?.gap ?? '')) break
          j++
          continue
        }
        const same = term === phrase.terms[n] || (j === i && phrase.acronym !== null)
        if (!same || (j > i && !nameGap(ts[j]?.gap ?? ''))) break
        if (phrase.caps[n] && !ts[j]?.cap) break
        lastJ = j
        n++
        j++
      }
      if (n === phrase.terms.length) {
        // The article before a name is part of it as written ('al-Nusra Front', 'al Qaeda').
        const from = i > 0 && isJoiner(ts, i - 1) ? i - 1 : i
        const m = mention(text, ts, from, lastJ, phrase.kind, phrase.rule)
        if (m && phrase.acronym !== null && m.name !== phrase.acronym)
          out.push({
            ...m,
            name: phrase.acronym,
            key: foldPhrase(phrase.acronym) || phrase.acronym.toLowerCase(),
            ref: phrase.ref,
          })
        else if (m) out.push({ ...m, ref: phrase.ref })
        i = lastJ
        break
      }
    }
  }
  return out
}

/**
 * True when a text holds a word a name may be built on or start with: a type word, or the first
 * word of a known name. Most sentences hold none, and are not cut into tokens at all.
 */
function mayHoldNames(text: string, matcher?: AliasMatcher): boolean {
  const aliases = matcher && matcher.byFirst.size > 0 ? matcher.byFirst : null
  return someUnlowerWord(text, (w) => {
    if (!isCap(w)) return false
    if (capInfo(w).typed) return true
    const t = aliases && nameTerm(w)
    return !!t && (aliases.has(t) || (/^[A-Z]{2,}s$/.test(w) && aliases.has(nameTerm(w.slice(0, -1)) ?? '')))
  })
}

/** A name of capitalised words with an Arabic part: 'Bayariq al-Nasr', 'Nusur al-Sahel'. */
const ARABIC_NAME = String.raw`\b(?:[\p{Lu}][\p{L}'’]*|(?:${JOINER_ALT}))(?:[- ](?:[\p{Lu}][\p{L}'’]*|(?:${JOINER_ALT})(?=-))){1,5}`
const GROUP_NOUN =
  '(?:group|groups|faction|factions|militia|militias|rebels|fighters|brigade|battalion|movement|organi[sz]ation|formation)'
/** 'a group known as X', 'rebels calling themselves X'. */
const KNOWN_AS = new RegExp(
  String.raw`\b${GROUP_NOUN}\b[^.;:]{0,60}?\b(?:known as|called|named|calling (?:itself|themselves)|calls itself)\s+(?:the\s+)?(${ARABIC_NAME})`,
  'gu',
)
/** 'X, a local militia', 'X, an al-Qaeda-linked group'. */
const APPOSITIVE = new RegExp(
  String.raw`(${ARABIC_NAME}),\s+(?:an?|the)\s+(?:[\p{L}'’-]+\s+){0,5}?${GROUP_NOUN}\b`,
  'gu',
)

/** Names the text calls a group (rule 'context:named-group'), for groups no other rule knows. */
function namedGroups(text: string, span: Span): NameMention[] {
  const slice = text.slice(span.start, span.end)
  if (!/known as|called|named|calling|, an? /.test(slice)) return []
  const out: NameMention[] = []
  for (const re of [KNOWN_AS, APPOSITIVE])
    for (const m of slice.matchAll(re)) {
      const raw = m[1] ?? ''
      // A name ends at its last capitalised word, and holds an Arabic part.
      const name = raw.replace(/(?:[- ](?:[\p{Ll}][\p{L}'’]*))+$/u, '')
      if (!/^\p{Lu}/u.test(name) || !new RegExp(`(?:^|[- ])(?:${JOINER_ALT})[- ]`, 'iu').test(name)) continue
      const start = span.start + (m.index ?? 0) + m[0].indexOf(raw)
      const key = foldPhrase(name)
      if (key)
        out.push({ name, key, kind: 'group', start, end: start + name.length, rule: 'context:named-group' })
    }
  return out
}

const capitalised = (w: string) => w.charAt(0).toUpperCase() + w.slice(1)
/** 'Daraa Central Committee', 'the Negotiating Committee': capitalised, so a common noun ('the central committees') is none. */
const NEGOTIATING_PARTY = new RegExp(
  String.raw`(?:\b(\p{Lu}[\p{L}'’-]*)\s+)?\b((?:${WORDS.partyQualifiers.map(capitalised).join('|')})(?:\s+(?:${WORDS.partyQualifiers.map(capitalised).join('|')}))?\s+(?:${WORDS.partyTails.map(capitalised).join('|')}))\b`,
  'gu',
)

/**
 * A town's negotiating body named as a party (rule 'shape:negotiating-party'): its name says it
 * negotiates; the capitalised word before it is its place unless it is a state's or a function word.
 */
function negotiatingParties(text: string, span: Span): NameMention[] {
  const slice = text.slice(span.start, span.end)
  const out: NameMention[] = []
  for (const m of slice.matchAll(NEGOTIATING_PARTY)) {
    const place = m[1]
    const own =
      place && ![FUNCTION_WORDS, STATE_WORDS, GENERIC_WORDS].some((set) => set.has(place.toLowerCase()))
    const name = own ? `${place} ${m[2]}` : (m[2] ?? '')
    const start = span.start + (m.index ?? 0) + (own ? 0 : m[0].length - name.length)
    const key = foldPhrase(name)
    if (key)
      out.push({ name, key, kind: 'group', start, end: start + name.length, rule: 'shape:negotiating-party' })
  }
  return out
}

/**
 * The faction names of one sentence (or any span), in text order, without overlaps. Known names
 * come first (a name the gazetteer knows is not cut differently by a shape rule: 'Aleppo Nusra
 * Front' is 'Nusra Front'); names found by their shape follow, unless a not-faction rule says
 * they are an agency, a ministry or an outlet.
 */
export function findFactionNames(text: string, span: Span, matcher?: AliasMatcher): NameMention[] {
  const found: NameMention[] = []
  const shaped: NameMention[] = []
  if (mayHoldNames(text.slice(span.start, span.end), matcher)) {
    const ts = tokens(text, span)
    if (matcher) for (const m of aliasMentions(text, ts, matcher)) addUnlessOverlapping(found, m)
    if (ts.some((t) => t.typed)) for (const [a, b] of runs(ts)) namesInRun(text, ts, a, b, shaped)
  }
  shaped.push(...namedGroups(text, span))
  shaped.push(...negotiatingParties(text, span))
  shaped.push(...listMembers(text, span, [...found, ...shaped]))
  for (const [n, known] of found.entries()) {
    const longer = shaped.find((m) => extendsKnown(text, known, m))
    if (longer) found[n] = longer
  }
  for (const m of shaped) if (notFactionRule(m.name) === null) addUnlessOverlapping(found, m)
  return found.sort((a, b) => a.start - b.start)
}

/** A joined part right after a name: ' al-Janoub', ' bin al-Walid', '-Sham'. */
const JOINED_PART = /^(?:\s+(?:a[lnrstdz]|el|wal|bin|ibn|abu)[-\s]+|-(?:a[lnrstdz]|el)-)\p{Lu}/u

/**
 * A name found by its Arabic shape that starts where a known name does and goes on with a joined
 * part is another group: 'Liwa Tawheed al-Janoub' is not 'Liwa al-Tawhid' of Aleppo.
 */
function extendsKnown(text: string, known: NameMention, shaped: NameMention): boolean {
  return (
    shaped.rule === 'shape:arabic-head' &&
    shaped.start === known.start &&
    shaped.end > known.end &&
    JOINED_PART.test(text.slice(known.end, shaped.end))
  )
}

function addUnlessOverlapping(found: NameMention[], m: NameMention): void {
  if (!found.some((f) => f.start < m.end && m.start < f.end)) found.push(m)
}
