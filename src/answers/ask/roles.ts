/**
 * Roles and their titles: 'the Syrian president' is asked of 'Syrian President Bashar al-Assad',
 * not of 'Turkish President Recep Tayyip Erdogan'; 'the UN envoy for Syria' of 'UN Special Envoy for
 * the Syria Crisis Staffan de Mistura', whose name starts after the title's last word.
 */
import type { Span } from '../../corpus/types.ts'
import { STOP_WORDS } from '../../text/normalize.ts'

/** A word of a sentence with its search term. */
export interface RoleToken extends Span {
  text: string
  term: string | null
}

/** Titles that belong to the name, not to the role: 'Hizbullah leader [Sheikh] Hassan Nasrallah'. */
export const HONORIFICS =
  /^(?:sheikh|shaykh|imam|mr|mrs|ms|dr|prof|maj|gen|col|lt|capt|cpt|brig|sgt|cmdr|adm|major|general|colonel|lieutenant|captain|brigadier|sergeant)$/i
/** Capitalised titles that make a role by themselves: 'Russian Foreign Minister', 'Syrian President'. */
export const TITLES =
  /^(?:president|minister|governor|secretary|spokes(?:man|woman|person)|ambassador|envoy|commander|chief|leader|director|chairman|chair|mayor|king|queen|prince|emir|sheikh|deputy|head|premier|chancellor|representative|negotiator|mediator|general|officer)$/i
/**
 * Words that stand in a title phrase besides the title itself, capitalised as it is: 'UN Special
 * Envoy for the Syria Crisis', 'Minister of Foreign Affairs', 'Secretary of State', 'High Commissioner'.
 */
const TITLE_PHRASE_WORDS =
  /^(?:crisis|affairs|office|state|special|foreign|defen[cs]e|interior|vice|prime|senior|high|commissioner|undersecretary|acting|interim|former)$/i

/**
 * Whether a word belongs to a title phrase or is a rank, rather than part of the name after it
 * ('Major-General [Igor Konashenkov]').
 */
export function isTitleWord(word: string): boolean {
  return word
    .replace(/\.$/, '')
    .split('-')
    .every((w) => TITLES.test(w) || TITLE_PHRASE_WORDS.test(w) || HONORIFICS.test(w))
}

/** Number words: 'Twenty' opening a sentence is no name, nor a role. */
export const NUMBER_WORDS = new Set(
  'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands million millions dozen dozens first second third'.split(
    ' ',
  ),
)

/**
 * Capitalised words of nationality: 'Syrian', 'Chinese', 'Turkish' by their endings; 'Iraqi',
 * 'American' too, but those endings also end names ('Barazi', 'Erdogan').
 */
export const NATIONALITY = /^\p{Lu}\p{Ll}{2,}(?:ian|ese|ish)$/u
export const NATIONALITY_OR_NAME = /^\p{Lu}\p{Ll}{2,}(?:i|an)$/u
/** An acronym of a state or a body: 'US', 'U.S', 'UN', 'EU'. */
const ACRONYM = /^(?:\p{Lu}{2,5}|(?:\p{Lu}\.)+\p{Lu}\.?)$/u

/** A word that says whose a role is: a nationality or a state's or body's acronym ('Turkish', 'UN'). */
function isSpecifier(word: string): boolean {
  return NATIONALITY.test(word) || NATIONALITY_OR_NAME.test(word) || ACRONYM.test(word)
}

/** How many words before a role noun, or in its 'of'/'for' phrase after it, qualify it. */
const MODIFIER_WINDOW = 4

export interface Agreement {
  /** The role in the text is another one: a specifier the question doesn't have ('Turkish President'). */
  conflict: boolean
  /** How many of the question's modifiers qualify the role noun in the text. */
  matched: number
}

/**
 * Whether the role noun at `tokens[at]` is the question's: its modifiers ('Syrian', 'Russian foreign',
 * 'of State') stand with it, before it ('Russian Defence Ministry spokesman') or in the phrase after
 * it ('Envoy for the Syria Crisis'). `same` tells whether a text term is a question modifier's.
 */
export function modifierAgreement(
  text: string,
  tokens: readonly RoleToken[],
  at: number,
  modifiers: readonly string[],
  same: (modifier: string, term: string) => boolean,
): Agreement {
  const joined = (a: number, b: number) =>
    /^\s*$/.test(text.slice(tokens[a]?.end ?? 0, tokens[b]?.start ?? 0))
  const holds = (t: RoleToken | undefined) => (t?.term ? modifiers.filter((m) => same(m, t.term ?? '')) : [])
  const found = new Set<string>()
  let conflict = false
  // The nearest specifier before the noun says whose role it is.
  let specified = false
  for (let k = at - 1; k >= Math.max(0, at - MODIFIER_WINDOW) && joined(k, k + 1); k--) {
    const t = tokens[k]
    if (!t || STOP_WORDS.has(t.text.toLowerCase())) break
    const held = holds(t)
    for (const m of held) found.add(m)
    if (!specified && isSpecifier(t.text)) {
      specified = true
      conflict = held.length === 0
    }
  }
  const of = tokens[at + 1]?.text.toLowerCase()
  if ((of === 'of' || of === 'for') && joined(at, at + 1)) {
    let k = at + 2
    if (/^the$/i.test(tokens[k]?.text ?? '') && joined(k - 1, k)) k++
    for (const stop = k + MODIFIER_WINDOW; k < stop && joined(k - 1, k); k++) {
      const t = tokens[k]
      if (!t || STOP_WORDS.has(t.text.toLowerCase())) break
      for (const m of holds(t)) found.add(m)
    }
  }
  return { conflict, matched: found.size }
}
