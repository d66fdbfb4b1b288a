/**
 * What a name is, as a sentence says it in apposition: 'Maj. Mohamed al-Ahmed, a representative
 * for the operations room…' (a description after the name), 'The governor of Homs Talal Barazi',
 * 'Hizbullah leader Sheikh Hassan Nasrallah', 'the Russian representative, Alexander Zoriev' (a role
 * right before it). Answers 'Who is <a name>?'.
 */
import type { Span } from '../../corpus/types.ts'
import { foldPhrase, STOP_WORDS } from '../../text/normalize.ts'
import { HONORIFICS, NUMBER_WORDS, TITLES } from './roles.ts'

/** A word of the sentence with its search term (spans.ts reads them once). */
export interface NameToken extends Span {
  text: string
  term: string | null
}

export interface Description extends Span {
  text: string
  score: number
  key: string
}

/** Endings of adjectives, which stand before names as roles do but are none. */
const ADJECTIVE_ENDING = /(?:al|ous|ic|ful|less|able|ible|ing|ern)$/i
/** A description after the name: ', a representative for…', ', who is the head of…'. */
const DESCRIPTION_OPENING = /^\s*,\s+(?:(?:who|which) (?:is|was|are|were) )?(?=(?:a|an|the)\s)/i
/** Where a description after the name ends: punctuation, or the verb the name is the subject of. */
const DESCRIPTION_END =
  /\s*[,;:()[\]–—"“”]|\.(?:\s|$)|\s+(?:said|says|told|tells|added|adds|stated|noted|announced|confirmed|explained|stressed|warned|claimed|denied|insisted|reported|declared|revealed|pointed|indicated|argued|wrote)\b/iu
/** Words a role before a name never holds: verbs of saying, 'being', past forms. */
const NOT_IN_ROLE = /^(?:\p{Ll}+ed|said|says|told|tells|being|met|meets|according|while|since|during)$/u
/** A description or a role has at most this many words. */
const MAX_DESCRIPTION_WORDS = 15
const MAX_ROLE_WORDS = 6
/** A role before the name says what it is less surely than a description after it ('[said] X'). */
const ROLE_SCORE = 0.9
/** The name found by its last word only ('Zoriev' for 'Alexander Zoriev'). */
const SURNAME_SHARE = 0.85

/** The descriptions of the question's name in `text[sentence]`. */
export function descriptionsOf(
  text: string,
  sentence: Span,
  tokens: NameToken[],
  names: readonly string[],
): Description[] {
  const surname = names[names.length - 1]
  if (!surname) return []
  const out: Description[] = []
  for (const run of nameRuns(text, tokens, new Set(names))) {
    const held = new Set(tokens.slice(run.from, run.to + 1).map((t) => t.term))
    if (!held.has(surname)) continue
    const share = names.every((n) => held.has(n)) ? 1 : SURNAME_SHARE
    const start = tokens[run.from]?.start ?? sentence.start
    // ('…, the Ras al-Safuf Operations Room, the Ahl al-Sunna…': an item of a list has no apposition.)
    const listed = /(?:,|\band)\s+(?:the\s+)?$/i.test(text.slice(Math.max(sentence.start, start - 10), start))
    const after = listed ? null : described(text, sentence, tokens[run.to]?.end ?? sentence.end)
    if (after) out.push({ ...after, score: share })
    const before = role(text, tokens, run.from)
    if (before) out.push({ ...before, score: share * ROLE_SCORE })
  }
  return out
}

/**
 * Runs of consecutive tokens that are words of the name, with the given name the question left out
 * ('Who is Zoriev?' → 'Alexander Zoriev'; 'Mohammed bin Salman'), titles and honorifics aside. A run
 * that lacks some of the name and follows another name is that other name ('the Ras al-Safuf
 * Operations Room' is not 'the Rastan Operations Room').
 */
function nameRuns(text: string, tokens: NameToken[], names: Set<string>): { from: number; to: number }[] {
  const runs: { from: number; to: number }[] = []
  const joined = (a: number) => /^\s+$/.test(text.slice(tokens[a]?.end ?? 0, tokens[a + 1]?.start ?? 0))
  const otherName = (k: number) => {
    const w = tokens[k]?.text ?? ''
    return capitalised(w) && !HONORIFICS.test(w) && !TITLES.test(w) && !names.has(tokens[k]?.term ?? '')
  }
  for (let i = 0; i < tokens.length; i++) {
    if (!names.has(tokens[i]?.term ?? '')) continue
    let j = i
    while (j + 1 < tokens.length && names.has(tokens[j + 1]?.term ?? '')) j++
    let from = i
    const whole = [...names].every((n) => tokens.slice(i, j + 1).some((t) => t.term === n))
    const connector = /^(?:bin|ibn|bint|abu)$/i.test(tokens[i - 1]?.text ?? '')
    if (j > i && !whole && joined(i - 1) && otherName(i - 1)) {
      // Another name's words: 'the Ras al-Safuf Operations Room' for 'the Rastan Operations Room'.
      i = j
      continue
    }
    // The given name the question left out: 'Alexander Zoriev', 'Mohammed bin Salman'.
    if (j === i && connector && joined(i - 1) && joined(i - 2) && otherName(i - 2)) from -= 2
    else if (j === i && joined(i - 1) && otherName(i - 1)) from--
    runs.push({ from, to: j })
    i = j
  }
  return runs
}

function capitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word) || /^(?:al|el|ad|ash|as|at|ar|an|az|ul)-\p{Lu}/u.test(word)
}

/** ', a representative for the operations room in the negotiations committee said…' → the description. */
function described(text: string, sentence: Span, from: number): Description | null {
  const rest = text.slice(from, sentence.end)
  const opening = DESCRIPTION_OPENING.exec(rest)
  if (!opening) return null
  const body = rest.slice(opening[0].length)
  const stop = body.search(DESCRIPTION_END)
  const value = (stop < 0 ? body : body.slice(0, stop)).trimEnd()
  const wordCount = value.split(/\s+/).length
  // 'a', 'the' alone describe nothing.
  if (wordCount < 2 || wordCount > MAX_DESCRIPTION_WORDS) return null
  const start = from + opening[0].length
  return make(text, start, start + value.length)
}

/**
 * The role right before the name: 'The governor of Homs [Talal Barazi]', 'the Russian
 * representative, [Alexander Zoriev]', 'Hizbullah leader Sheikh [Hassan Nasrallah]'.
 */
function role(text: string, tokens: NameToken[], nameFrom: number): Description | null {
  let k = nameFrom - 1
  while (k >= 0 && HONORIFICS.test(tokens[k]?.text ?? '')) k--
  const head = tokens[k]
  const next = tokens[k + 1]
  if (!head || !next || !/^\.?\s*,?\s*$/.test(text.slice(head.end, next.start))) return null
  let from = k
  for (let n = 0; n < MAX_ROLE_WORDS && from >= 0; n++) {
    const t = tokens[from]
    if (!t || (from < k && !/^\s+$/.test(text.slice(t.end, tokens[from + 1]?.start ?? t.end)))) break
    const lower = t.text.toLowerCase()
    if (/^(?:the|an?)$/.test(lower)) {
      from--
      break
    }
    if ((STOP_WORDS.has(lower) && !/^(?:of|for)$/.test(lower)) || NOT_IN_ROLE.test(t.text)) break
    from--
  }
  from++
  // The role opens with a word of its own, never 'of': 'of Homs Talal Barazi' is no role.
  while (from <= k && /^(?:of|for)$/i.test(tokens[from]?.text ?? '')) from++
  const first = tokens[from]
  // The role ends in its noun: not 'the', 'of', a number ('more than twenty [Islamic State]…'), nor
  // an adjective ('the official [Damascus]').
  if (
    !first ||
    from > k ||
    /^(?:the|an?|of|for)$/i.test(head.text) ||
    NUMBER_WORDS.has(head.text.toLowerCase())
  )
    return null
  if (ADJECTIVE_ENDING.test(head.text) && !TITLES.test(head.text)) return null
  // A role holds a noun in lower case ('Hizbullah leader') or ends in a title ('Syrian President');
  // 'in Homs [Talal Barazi]' holds neither.
  const lowerNoun = tokens
    .slice(from, k + 1)
    .some((t) => /^\p{Ll}/u.test(t.text) && !/^(?:of|for)$/.test(t.text))
  if (!lowerNoun && !TITLES.test(head.text)) return null
  return make(text, first.start, head.end)
}

function make(text: string, start: number, end: number): Description {
  const value = text.slice(start, end).replace(/\s+/g, ' ')
  return { start, end, text: value, score: 1, key: foldPhrase(value) }
}
