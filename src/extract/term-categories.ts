/**
 * What a term of an agreement is about. The categories follow the provision families of the PA-X
 * peace agreement database where one exists (Ceasefire; DDR for weapons; humanitarian access and
 * movement of people for evacuation; amnesty; police; state institutions and services; prisoners
 * and detainees; freedom of movement; local governance); conscription has none there.
 */
export const TERM_CATEGORIES = [
  'ceasefire',
  'weapons handover',
  'evacuation and safe passage',
  'status settlement and amnesty',
  'security and policing',
  'state institutions and services',
  'detainees and prisoners',
  'conscription',
  'freedom of movement',
  'roads and access',
  'local governance',
  'deadline',
  'other',
] as const

export type TermCategory = (typeof TERM_CATEGORIES)[number]

/** Cue words of each category with their weight; a term goes to the category it cues most. */
const CUES: readonly [TermCategory, RegExp, number][] = [
  [
    'ceasefire',
    /\b(?:cease-?fires?|truces?|cessation of hostilities|halt(?:ing)? (?:to )?(?:the )?(?:fighting|hostilities|shelling)|stop(?:ping)? (?:the )?(?:fighting|shelling|bombardment)|de-?escalation)\b/gi,
    3,
  ],
  [
    'weapons handover',
    /\b(?:weapons?|weaponry|arms|armaments|ammunition|tanks|artillery|rifles?|magazines|munitions)\b/gi,
    3,
  ],
  [
    'weapons handover',
    /\b(?:hand(?:ing|ed)? over|surrender(?:ing|ed)?|deliver(?:y|ed|ing)?|lay(?:ing)? down|disarm(?:ament|ing)?|decommission\w*)\b/gi,
    1,
  ],
  [
    'evacuation and safe passage',
    /\b(?:leave|leaving|exit|evacuat\w*|depart\w*|displace\w*|convoys?|safe passage|buses|relocat\w*|transfer(?:red)? to|withdraw\w*)\b/gi,
    2,
  ],
  ['evacuation and safe passage', /\bto (?:northern Syria|Idlib|Jarabulus|the north)\b/gi, 2],
  [
    'status settlement and amnesty',
    /\b(?:regulari[sz](?:e|ation|ing)|settle(?:ment)? (?:of )?(?:their |the )?status|status settlement|amnest\w*|pardon\w*|defect(?:ed|ors?)|wanted lists?|return to (?:peaceful|civilian|normal) life)\b/gi,
    3,
  ],
  [
    'security and policing',
    /\b(?:police|policing|security forces|security services|checkpoints?|patrols?|armed manifestations|army (?:troops )?(?:will|would|shall) not enter|deploy\w*|troops|(?:army|forces) (?:and its security forces )?(?:will|would|shall) not enter)\b/gi,
    2,
  ],
  [
    'state institutions and services',
    /\b(?:institutions?|(?:public |state |basic )?services|hospitals?|medicine|medical|electricity|water|schools?|bakeries|employees|civil servants|government offices|state offices|aid)\b/gi,
    2,
  ],
  [
    'detainees and prisoners',
    /\b(?:prisoners?|detainees?|detained|detention|abduct\w*|missing persons|kidnapped|release of)\b/gi,
    3,
  ],
  [
    'conscription',
    /\b(?:conscription|conscripts?|military service|compulsory service|reserve service|called up|dodg\w*|enlist\w*|draft(?:ed)?)\b/gi,
    4,
  ],
  [
    'freedom of movement',
    /\b(?:freedom of movement|(?:move|travel) freely|free movement|movement of (?:people|civilians|residents))\b/gi,
    4,
  ],
  [
    'roads and access',
    /\b(?:roads?|highways?|routes?|crossings?|corridors?|access|siege|open(?:ing)? (?:of )?the)\b/gi,
    2,
  ],
  [
    'local governance',
    /\b(?:(?:locally )?elected councils?|local councils?|governed|administration|self-rule|municipal\w*|joint committees?|committees? to (?:discuss|follow|oversee|manage))\b/gi,
    3,
  ],
  [
    'deadline',
    /\b(?:deadlines?|within (?:\w+ ){0,2}(?:hours?|days?|weeks?|months?)|by (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|initial period|as of next)\b/gi,
    1.5,
  ],
]

/** The category whose cue comes first in a term gets this much more: a term names its subject early. */
const FIRST_CUE_BONUS = 1

/** The category a term's words cue most; ties go to the category listed first. */
export function categorize(text: string): TermCategory {
  let best: TermCategory = 'other'
  let bestScore = 0
  const scores = new Map<TermCategory, number>()
  let first: { category: TermCategory; at: number } | null = null
  for (const [category, re, weight] of CUES) {
    // Two hits count at most: look no further than the second.
    re.lastIndex = 0
    const at = re.exec(text)?.index
    if (at === undefined) continue
    const hits = re.exec(text) ? 2 : 1
    re.lastIndex = 0
    scores.set(category, (scores.get(category) ?? 0) + hits * weight)
    if (!first || at < first.at) first = { category, at }
  }
  if (first) scores.set(first.category, (scores.get(first.category) ?? 0) + FIRST_CUE_BONUS)
  for (const category of TERM_CATEGORIES) {
    const score = scores.get(category) ?? 0
    if (score > bestScore) {
      best = category
      bestScore = score
    }
  }
  return best
}
