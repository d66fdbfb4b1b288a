import type { Article, Passage, Span } from '../corpus/types.ts'
import { HYPHEN_JOINERS, NAME_JOINERS } from '../text/lexicon.ts'
import { foldPhrase } from '../text/normalize.ts'
import type { Aliases } from './aliases.ts'
import {
  type ArmedGroup,
  type Gazetteer,
  type GroupKind,
  type LineageRelation,
  loadGazetteer,
} from './armed-groups.ts'
import { type DateContext, dateContext, sentenceDate, toldAsBefore } from './event-dates.ts'
import type { ExtractEnv } from './extraction-types.ts'
import {
  type AliasMatcher,
  aliasMatcher,
  type FactionKind,
  findFactionNames,
  type KnownName,
} from './faction-names.ts'
import { ALIASES_RULE, GAZETTEER_RULE, sameNameForm } from './faction-rules.ts'
import { mayBeMisspelling, oneEditApart, vowelApart } from './name-variants.ts'
import { splitSubjectAt } from './split-subjects.ts'
import { attributionOf, type CueKind, findCues, type Stance, type Voice } from './stance-cues.ts'
import { OBJECT_BEFORE } from './stance-rules.ts'
import { type StanceChange, type StanceSummary, summarizeStance } from './stance-summary.ts'

/**
 * Factions and their stance evidence. Per article (at index time): every faction name in every
 * sentence, and for each named faction (or 'these groups' pointing back to the sentence
 * before) the cue of the sentence that applies to it — the first cue after it in its clause,
 * or, in the passive, the cue whose 'by' names it. Across the corpus: mentions of one faction
 * (full and short forms, curated aliases) merged into one record with its overall stance.
 */

/** A faction named in a sentence. */
export interface MentionFact {
  name: string
  key: string
  kind: FactionKind
  passageId: string
  /** The sentence. */
  start: number
  end: number
  /** The rule that found the name: 'gazetteer', 'aliases.json', 'shape:arabic-head'… */
  rule: string
  /** The known entry it names ('gazetteer:hts', 'aliases:Faylaq al-Sham'), for a known name. */
  ref?: string
}

/** A name as a finder (English or Arabic) found it in a sentence. */
export type FoundName = Pick<MentionFact, 'name' | 'key' | 'kind' | 'rule' | 'ref'>

/**
 * The mentions a sentence adds to its passage's: each name found, once a passage (`named` holds
 * the keys already mentioned in it, and gains the new ones).
 */
export function sentenceMentions(
  names: readonly FoundName[],
  sentence: Span,
  passageId: string,
  named: Set<string>,
): MentionFact[] {
  const out: MentionFact[] = []
  for (const n of names) {
    if (named.has(n.key)) continue
    named.add(n.key)
    out.push({
      name: n.name,
      key: n.key,
      kind: n.kind,
      passageId,
      start: sentence.start,
      end: sentence.end,
      rule: n.rule,
      ...(n.ref ? { ref: n.ref } : {}),
    })
  }
  return out
}

/** One sentence's evidence of one faction's stance. */
export interface EvidenceFact {
  /** The faction as the sentence names it (for 'these groups': as the sentence before did). */
  faction: string
  key: string
  stance: Stance
  kind: CueKind
  /** The cue as written: 'rejected', 'handed over', 'did not sign'. */
  cue: string
  /** The id of the stance rule (data/stance-rules.json) that found the cue. */
  rule: string
  date: string | null
  passageId: string
  /** The sentence: what is quoted. */
  start: number
  end: number
  /** The faction's own word, someone else's ('according to the governor'), or the article's report. */
  voice: Voice
  by: string | null
}

export interface FactionArticleFacts {
  mentions: MentionFact[]
  evidence: EvidenceFact[]
}

/** A faction of the corpus, its names and its stance. */
export interface FactionRecord {
  name: string
  kind: FactionKind
  /** Other names: as written in the corpus, and the curated ones. */
  aliases: string[]
  stance: StanceSummary['stance']
  changes: StanceChange[]
  /** Oldest first; undated last. */
  evidence: EvidenceFact[]
  /** How many sentences name it. */
  mentions: number
  /** The first passages that name it (sentence spans), for an answer without evidence. */
  passages: { passageId: string; start: number; end: number }[]
  /** The rules that found its names (gazetteer, aliases.json, shape rules), most used first. */
  rules: string[]
  /** The gazetteer's entry, when it knows the group. */
  group?: { id: string; name: string; kind: GroupKind }
  /** Its renames, mergers and splits (from the gazetteer), with the other group's name. */
  lineage: { relation: LineageRelation; group: string; date: string | null }[]
  /** The gazetteer's other names for it (not written in the corpus), for finding it by any of them. */
  otherNames: string[]
}

export type Factions = FactionRecord[]

/** Passages kept per faction for 'mentioned in…'; the count says how many there are in all. */
export const MAX_MENTION_PASSAGES = 20

/** Latin-script names only: the matcher reads capitalised words, and Arabic script has no case. */
const LATIN = /\p{Script=Latin}/u

/** The known names: a corpus's own (aliases.json) and the gazetteer's. */
function knownNames(aliases: Aliases, gazetteer: Gazetteer): KnownName[] {
  const out: KnownName[] = []
  for (const f of aliases.factions)
    for (const name of [f.name, ...f.aliases])
      out.push({ name, ref: `aliases:${f.name}`, rule: ALIASES_RULE })
  for (const g of gazetteer.groups)
    for (const name of [g.name, ...g.aliases])
      if (LATIN.test(name))
        out.push({
          name,
          ref: `gazetteer:${g.id}`,
          rule: GAZETTEER_RULE,
          kind: g.kind === 'state-force' ? 'state' : 'group',
        })
  return out
}

const matchers = new WeakMap<Aliases, AliasMatcher>()
function matcherFor(env: ExtractEnv): AliasMatcher {
  let m = matchers.get(env.aliases)
  if (!m) {
    m = aliasMatcher(knownNames(env.aliases, loadGazetteer()))
    matchers.set(env.aliases, m)
  }
  return m
}

interface Subject {
  name: string
  key: string
  start: number
  end: number
  /** A part of the group ('roughly 30 others'): its stance counts for the group, beside the group's own. */
  part?: boolean
}

/** 'these groups', 'the faction', 'the operations room', 'They …': a pointer to factions just named. */
const ANAPHOR =
  /\b(?:these|those|the|this|both|such) (groups|factions|formations|brigades|faction|group|organisation|organization|movement|front|operations room|brigade|army|coalition|alliance|legion|committee|delegation)\b|^\s*(they)\b/gi
const PLURAL = /^(?:groups|factions|formations|brigades|they)$/i
const GENERIC_SINGULAR = /^(?:faction|group|organisation|organization)$/i

/** The factions an anaphor of this sentence points to, placed where the anaphor stands. */
function anaphora(text: string, span: Span, previous: Subject[]): Subject[] {
  if (!previous.length) return []
  const sentence = text.slice(span.start, span.end)
  const out: Subject[] = []
  for (const m of sentence.matchAll(ANAPHOR)) {
    const word = m[1] ?? m[2] ?? ''
    const at = { start: span.start + m.index, end: span.start + m.index + m[0].length }
    let refs: Subject[] = []
    if (PLURAL.test(word)) refs = previous
    else if (GENERIC_SINGULAR.test(word)) refs = previous.length === 1 ? previous : []
    else {
      const type = foldPhrase(word)
      const typed = previous.filter((p) => p.key.endsWith(type))
      refs = typed.length === 1 ? typed : []
    }
    for (const r of refs) out.push({ name: r.name, key: r.key, ...at })
    if (refs.length) break
  }
  return out
}

/** Clause boundaries: a stance in one clause says nothing of a faction in another ('X agreed, while Y refused'). */
const CLAUSE_BREAK = /;|,\s+(?:while|whereas|but|although|though)\b|\s+(?:while|whereas)\s+/g

function clauseOf(text: string, span: Span, at: number): Span {
  let start = span.start
  let end = span.end
  for (const m of text.slice(span.start, span.end).matchAll(CLAUSE_BREAK)) {
    const pos = span.start + m.index
    if (pos < at) start = pos + m[0].length
    else {
      end = pos
      break
    }
  }
  return { start, end }
}

/**
 * A sentence's date, else that of the last sentence before it in its paragraph that tells one:
 * a paragraph tells one moment ('On Friday, 3 September, … said the deal had collapsed. The
 * committee rejected the conditions …').
 */
function dateInParagraph(
  text: string,
  sentences: readonly Span[],
  s: Span,
  dates: DateContext,
): string | null {
  const own = sentenceDate(text.slice(s.start, s.end), dates)
  if (own) return own
  for (let i = sentences.findIndex((x) => x.start === s.start) - 1; i >= 0; i--) {
    const x = sentences[i]
    const d = x ? sentenceDate(text.slice(x.start, x.end), dates) : null
    if (d) return d
  }
  return null
}

/**
 * A faction named as the object of 'by' or 'against' with no cue before it ('an assault by
 * Hezbollah') is not the subject of the verb that follows (data/stance-rules.json, notSubjects).
 */
function objectOf(text: string, clause: Span, subject: Subject): boolean {
  return (
    !subject.part && OBJECT_BEFORE.test(text.slice(Math.max(clause.start, subject.start - 40), subject.start))
  )
}

/**
 * Parts of a group named earlier in the sentence that open a later clause ('X refused, while
 * 30 others accepted'): each stands for the group named last before it.
 */
function splitParts(text: string, span: Span, named: Subject[]): Subject[] {
  if (!named.length) return []
  const out: Subject[] = []
  for (const m of text.slice(span.start, span.end).matchAll(CLAUSE_BREAK)) {
    const at = span.start + m.index + m[0].length
    const split = splitSubjectAt(text.slice(at, span.end))
    if (!split) continue
    const before = named.filter((n) => n.end <= at)
    const group = before[before.length - 1]
    if (group) out.push({ name: group.name, key: group.key, start: at, end: at + split.length, part: true })
  }
  return out
}

export function extractFactionFacts(
  article: Article,
  passages: readonly Passage[],
  env: ExtractEnv,
): FactionArticleFacts {
  const text = article.text
  // Read only for a sentence with evidence: most articles have none.
  let dates: DateContext | undefined
  const matcher = matcherFor(env)
  const mentions: MentionFact[] = []
  const evidence: EvidenceFact[] = []
  let previous: Subject[] = []
  for (const passage of passages) {
    const named = new Set<string>()
    for (const s of passage.sentences) {
      const names = findFactionNames(text, s, matcher)
      mentions.push(...sentenceMentions(names, s, passage.id, named))
      const groups: Subject[] = names.filter((n) => n.kind === 'group')
      const cues = groups.length || previous.length ? findCues(text, s) : []
      const whole = groups.length || !cues.length ? groups : anaphora(text, s, previous)
      previous = whole
      const subjects = cues.length ? [...whole, ...splitParts(text, s, whole)] : whole
      if (!cues.length || !subjects.length) continue
      const attribution = attributionOf(text, s)
      dates ??= dateContext(article.date, text)
      // Told as before the story ('had refused', 'last week'): only a date of its own, never its
      // paragraph's or the article's.
      const told = text.slice(s.start, s.end)
      const date = toldAsBefore(told)
        ? sentenceDate(told, dates)
        : (dateInParagraph(text, passage.sentences, s, dates) ?? article.date)
      const seen = new Set<string>()
      for (const subject of subjects) {
        // A part of a group ('30 others') may take its own stance beside the group's.
        const seenKey = subject.part ? `${subject.key}#${subject.start}` : subject.key
        if (seen.has(seenKey)) continue
        const clause = clauseOf(text, s, subject.start)
        const inClause = cues.filter((c) => c.start >= clause.start && c.end <= clause.end)
        const passive = inClause.find(
          (c) => c.end <= subject.start && /^\s+by\b/.test(text.slice(c.end, c.end + 5)),
        )
        const cue =
          passive ??
          (objectOf(text, clause, subject) ? undefined : inClause.find((c) => c.start >= subject.end))
        if (!cue) continue
        seen.add(seenKey)
        const own =
          attribution !== null && subjects.some((o) => o.start < attribution.end && attribution.start < o.end)
        evidence.push({
          faction: subject.name,
          key: subject.key,
          stance: cue.stance,
          kind: cue.kind,
          cue: cue.text.replace(/\s+/g, ' '),
          rule: cue.rule,
          date,
          passageId: passage.id,
          start: s.start,
          end: s.end,
          voice: attribution ? (own ? 'faction' : 'attributed') : 'report',
          by: attribution?.by ?? null,
        })
      }
    }
  }
  return { mentions, evidence }
}

/** The shape rule of a town's negotiating body (data/faction-name-rules.json). */
const PARTY_RULE = 'shape:negotiating-party'

/** Union-find over name keys. */
class Roots {
  private readonly parent = new Map<string, string>()
  find(k: string): string {
    let r = k
    for (let p = this.parent.get(r); p !== undefined && p !== r; p = this.parent.get(r)) r = p
    this.parent.set(k, r)
    return r
  }
  /** Joins b's set to a's: a's root stays the root. */
  union(a: string, b: string): void {
    const ra = this.find(a)
    const rb = this.find(b)
    if (ra !== rb) this.parent.set(rb, ra)
  }
}

/** Words that alone name no faction: a short form made of these is no short form. */
const TYPE_ONLY = new Set(
  foldPhrase(
    'operations room army forces front movement brigade legion division organisation group factions free syrian islamic national liberation',
  ).split(' '),
)

/** The folded form of each curated name and alias, worked out once per alias table, not per merge. */
const curatedFolds = new WeakMap<Aliases, Map<string, string>>()
function curatedFold(aliases: Aliases): (name: string) => string {
  let folds = curatedFolds.get(aliases)
  if (!folds) {
    folds = new Map()
    for (const f of aliases.factions) for (const n of [f.name, ...f.aliases]) folds.set(n, foldPhrase(n))
    curatedFolds.set(aliases, folds)
  }
  const known = folds
  return (name) => known.get(name) ?? foldPhrase(name)
}

const formsByGazetteer = new WeakMap<Gazetteer, Map<string, string>>()
/** The gazetteer's names by their same-name form ('nasr army' → 'gazetteer:jaysh-al-nasr'); a form two groups share is left out. */
function gazetteerForms(g: Gazetteer): Map<string, string> {
  let forms = formsByGazetteer.get(g)
  if (!forms) {
    const owners = new Map<string, Set<string>>()
    for (const group of g.groups)
      for (const n of [group.name, ...group.aliases]) {
        const key = foldPhrase(n)
        if (!key) continue
        const form = sameNameForm(key)
        owners.set(form, (owners.get(form) ?? new Set()).add(`gazetteer:${group.id}`))
      }
    forms = new Map(
      [...owners].flatMap(([form, refs]) => (refs.size === 1 ? [[form, [...refs][0] as string]] : [])),
    )
    formsByGazetteer.set(g, forms)
  }
  return forms
}

/** An acronym (HTS, FSA): a name shown only when the corpus writes no other. */
const ACRONYM = /^[\p{Lu}\d-]+$/u

/** The entries (corpus aliases, gazetteer groups) the ref keys of one merged set stand for. */
interface Known {
  entry?: { name: string; aliases: string[] }
  groups: ArmedGroup[]
}

export function mergeFactions(all: FactionArticleFacts[], env: ExtractEnv): Factions {
  const roots = new Roots()
  const fold = curatedFold(env.aliases)
  const gazetteer = loadGazetteer()
  // Refs are keys of their own ('aliases:…', 'gazetteer:…'), joined with the folds of their names:
  // a corpus entry and a gazetteer group that share a name are one faction.
  const entries = new Map<string, { name: string; aliases: string[] }>()
  for (const entry of env.aliases.factions) {
    const ref = `aliases:${entry.name}`
    entries.set(ref, entry)
    for (const v of [entry.name, ...entry.aliases]) roots.union(ref, fold(v))
  }
  const groups = new Map<string, ArmedGroup>()
  for (const g of gazetteer.groups) groups.set(`gazetteer:${g.id}`, g)
  const used = new Set<string>()
  for (const facts of all) for (const m of facts.mentions) if (m.ref) used.add(m.ref)
  // A name found by its shape that the gazetteer knows in another word order or language
  // ('al-Nasr Army' for Jaysh al-Nasr) names that group (rule 'join:same-name').
  const byForm = gazetteerForms(gazetteer)
  for (const facts of all)
    for (const m of facts.mentions) {
      if (m.ref) continue
      const ref = byForm.get(sameNameForm(m.key))
      if (ref) {
        roots.union(ref, m.key)
        used.add(ref)
      }
    }
  // Only the groups the corpus names join keys: the others would only cost time.
  for (const ref of used) {
    const g = groups.get(ref)
    if (!g) continue
    for (const v of [g.name, ...g.aliases]) {
      const k = foldPhrase(v)
      if (k) roots.union(ref, k)
    }
  }
  const surfaces = new Map<string, Map<string, number>>()
  const kinds = new Map<string, FactionKind>()
  for (const facts of all)
    for (const m of facts.mentions) {
      if (m.ref) roots.union(m.ref, m.key)
      const names = surfaces.get(m.key) ?? new Map<string, number>()
      names.set(m.name, (names.get(m.name) ?? 0) + 1)
      surfaces.set(m.key, names)
      if (kinds.get(m.key) !== 'group') kinds.set(m.key, m.kind)
    }
  const knownRoots = new Set([...entries.keys(), ...used].map((r) => roots.find(r)))
  joinShortForms([...surfaces.keys()], kinds, roots, knownRoots)
  joinSameNames([...surfaces.keys()], kinds, roots, knownRoots)
  const misspelt = joinRareMisspellings(surfaces, kinds, roots, knownRoots)

  const known = new Map<string, Known>()
  const knownOf = (root: string) => {
    let k = known.get(root)
    if (!k) {
      k = { groups: [] }
      known.set(root, k)
    }
    return k
  }
  for (const [ref, entry] of entries) knownOf(roots.find(ref)).entry = entry
  for (const ref of used) {
    const g = groups.get(ref)
    if (g) knownOf(roots.find(ref)).groups.push(g)
  }

  const records = new Map<string, { keys: Set<string>; mentions: MentionFact[]; evidence: EvidenceFact[] }>()
  const recordOf = (key: string) => {
    const root = roots.find(key)
    let r = records.get(root)
    if (!r) {
      r = { keys: new Set(), mentions: [], evidence: [] }
      records.set(root, r)
    }
    r.keys.add(key)
    return r
  }
  for (const facts of all) {
    for (const m of facts.mentions) recordOf(m.key).mentions.push(m)
    for (const e of facts.evidence) recordOf(e.key).evidence.push(e)
  }

  const out: FactionRecord[] = []
  for (const [root, r] of records) {
    if (!r.mentions.length) continue
    const { entry, groups: gs } = known.get(root) ?? { groups: [] }
    // A name as written folds to its key (that is how mentions are keyed): no need to fold it again.
    const written = new Map<string, { uses: number; key: string }>()
    for (const k of r.keys)
      for (const [n, c] of surfaces.get(k) ?? []) {
        const w = written.get(n)
        if (w) w.uses += c
        else written.set(n, { uses: c, key: k })
      }
    const byUse = [...written].sort(
      (a, b) => b[1].uses - a[1].uses || a[0].length - b[0].length || a[0].localeCompare(b[0]),
    )
    const top = byUse[0]
    const group = gs.length === 1 ? gs[0] : undefined
    const name = entry?.name ?? shownName(group, byUse) ?? top?.[0] ?? root
    const curatedAliases = entry?.aliases ?? []
    const aliases = uniqueByFold(
      [...byUse.map(([n, w]) => [n, w.key] as const), ...curatedAliases.map((n) => [n, fold(n)] as const)],
      foldPhrase(name),
    )
    const shown = new Set([name, ...aliases].map(foldPhrase))
    const otherNames = gs.flatMap((g) => [g.name, ...g.aliases]).filter((n) => !shown.has(foldPhrase(n)))
    const evidence = dedupeEvidence(r.evidence)
    // A negotiating committee is a party only where it takes a stance: else it is no faction to list.
    if (!evidence.length && r.mentions.every((m) => m.rule === PARTY_RULE)) continue
    const summary = summarizeStance(evidence)
    const isGroup = gs.length
      ? gs.some((g) => g.kind !== 'state-force')
      : entry !== undefined || [...r.keys].some((k) => kinds.get(k) === 'group')
    out.push({
      name,
      kind: isGroup ? 'group' : 'state',
      aliases,
      stance: summary.stance,
      changes: summary.changes,
      evidence,
      mentions: r.mentions.length,
      passages: r.mentions
        .slice(0, MAX_MENTION_PASSAGES)
        .map(({ passageId, start, end }) => ({ passageId, start, end })),
      rules: [
        ...rulesOf(r.mentions),
        ...([...r.keys].some((k) => misspelt.has(k)) ? [MISSPELLING_RULE] : []),
      ],
      ...(group ? { group: { id: group.id, name: group.name, kind: group.kind } } : {}),
      lineage: gs.flatMap((g) =>
        g.lineage.map((l) => ({
          relation: l.relation,
          group: gazetteer.groups.find((x) => x.id === l.group)?.name ?? l.group,
          date: l.date ?? null,
        })),
      ),
      otherNames,
    })
  }
  return out.sort((a, b) => a.name.localeCompare(b.name))
}

/**
 * The name a gazetteer group is shown by: its canonical name as the corpus spells it, else the
 * corpus's most used spelling that is not an acronym (answers quote the corpus, whose spelling
 * the reader meets in the quotes).
 */
function shownName(
  group: ArmedGroup | undefined,
  byUse: [string, { uses: number; key: string }][],
): string | undefined {
  if (!group) return undefined
  const canonical = foldPhrase(group.name)
  // Names are shown as names are written: capitalised spellings first ('Syrian Army', not 'Syrian army').
  const ranked = [...byUse.filter(([n]) => titleCased(n)), ...byUse.filter(([n]) => !titleCased(n))]
  const asWritten = ranked.find(([, w]) => w.key === canonical)
  if (asWritten) return asWritten[0]
  return ranked.find(([n]) => !ACRONYM.test(n))?.[0] ?? group.name
}

/** Every word capitalised but the joiners ('Jaysh al-Islam', 'Syrian Army'). */
function titleCased(name: string): boolean {
  return name.split(/[\s-]+/).every((w) => !/^\p{Ll}/u.test(w) || NAME_JOINER_SET.has(w))
}
const NAME_JOINER_SET: ReadonlySet<string> = new Set([...NAME_JOINERS, ...HYPHEN_JOINERS, 'of', 'the', 'and'])

/** The rules that found a faction's mentions, most used first. */
function rulesOf(mentions: MentionFact[]): string[] {
  const counts = new Map<string, number>()
  for (const m of mentions) counts.set(m.rule, (counts.get(m.rule) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([rule]) => rule)
}

/**
 * A short form is the same faction as the one longer name that holds it word for word
 * ('Ahrar al-Sham' in 'Harakat Ahrar al-Sham al-Islamiyya'); a short form held by names of two
 * factions stays apart, and two curated factions are never joined.
 */
function joinShortForms(
  keys: string[],
  kinds: ReadonlyMap<string, FactionKind>,
  roots: Roots,
  curatedRoots: ReadonlySet<string>,
): void {
  const holders = new Map<string, string[]>()
  for (const k of keys) {
    const t = k.split(' ')
    for (let a = 0; a < t.length; a++)
      for (let b = a + 2; b <= t.length; b++) {
        if (b - a === t.length) continue
        const sub = t.slice(a, b).join(' ')
        const list = holders.get(sub) ?? []
        list.push(k)
        holders.set(sub, list)
      }
  }
  for (const short of [...keys].sort((a, b) => a.split(' ').length - b.split(' ').length)) {
    const containers = (holders.get(short) ?? []).filter((k) => kinds.get(k) === kinds.get(short))
    if (!containers.length || short.split(' ').every((w) => TYPE_ONLY.has(w))) continue
    const targets = new Set(containers.map((k) => roots.find(k)))
    if (targets.size !== 1) continue
    const target = [...targets][0] as string
    const own = roots.find(short)
    if (own === target || (curatedRoots.has(own) && curatedRoots.has(target))) continue
    // A curated root keeps its place as the root.
    if (curatedRoots.has(own)) roots.union(own, target)
    else roots.union(target, own)
  }
}

/**
 * Rule 'join:same-name': keys that are one name in another word order or language ('Faylaq
 * al-Sham', 'Sham Legion'; 'Army of Conquest', 'Conquest Army') or one letter apart in a long
 * name ('Ahrar al-Cham') are one faction — when they point to one faction only, and never
 * joining two known ones.
 */
function joinSameNames(
  keys: string[],
  kinds: ReadonlyMap<string, FactionKind>,
  roots: Roots,
  knownRoots: ReadonlySet<string>,
): void {
  const join = (group: string[]) => {
    const rs = [...new Set(group.map((k) => roots.find(k)))]
    const known = rs.filter((r) => knownRoots.has(roots.find(r)))
    if (rs.length < 2 || known.length > 1) return
    const target = known[0] ?? rs[0]
    if (target === undefined) return
    for (const r of rs) if (r !== target) roots.union(target, r)
  }
  const byForm = new Map<string, string[]>()
  for (const k of keys) {
    const form = `${kinds.get(k)}:${sameNameForm(k)}`
    byForm.set(form, [...(byForm.get(form) ?? []), k])
  }
  for (const group of byForm.values()) join(group)
  const long = keys
    .filter((k) => !/\d/.test(k))
    .map((k) => ({ k, s: k.replace(/ /g, '') }))
    .filter((x) => x.s.length >= 7)
  // Any one letter in a long name; in a shorter one, only a vowel, which transliterations add or
  // drop ('Liwa al-Fath', 'Liwa al-Fateh').
  const near = (a: string, b: string) =>
    Math.max(a.length, b.length) >= 9 ? oneEditApart(a, b) : vowelApart(a, b)
  // Only keys of the same first letter and a length one apart can be near: bucketed so, a large
  // corpus's thousands of names are not compared pair by pair.
  const buckets = new Map<string, typeof long>()
  for (const x of long) {
    const b = `${x.s[0]}:${x.s.length}`
    const list = buckets.get(b)
    if (list) list.push(x)
    else buckets.set(b, [x])
  }
  for (const a of long) {
    const pool = [-1, 0, 1].flatMap((d) => buckets.get(`${a.s[0]}:${a.s.length + d}`) ?? [])
    const close = pool.filter((b) => b.k !== a.k && kinds.get(b.k) === kinds.get(a.k) && near(a.s, b.s))
    const targets = new Set(close.map((b) => roots.find(b.k)))
    if (targets.size === 1) join([a.k, ...close.map((b) => b.k)])
  }
}

/** How often a misspelling may be written, and how many times as often the name it misspells. */
const MISSPELLING = { maxUses: 2, minRatio: 10 }

/**
 * Rule 'join:rare-misspelling': a name written once or twice that is one consonant away from a
 * name written ten times as often ('Jabhat al-Nurah' beside 'Jabhat al-Nusra') is that name,
 * misspelt — when it is near one faction only, and the gazetteer or aliases.json does not know it.
 */
function joinRareMisspellings(
  surfaces: ReadonlyMap<string, ReadonlyMap<string, number>>,
  kinds: ReadonlyMap<string, FactionKind>,
  roots: Roots,
  knownRoots: ReadonlySet<string>,
): Set<string> {
  const uses = new Map<string, number>()
  const rootUses = new Map<string, number>()
  for (const [key, names] of surfaces) {
    let n = 0
    for (const c of names.values()) n += c
    uses.set(key, n)
    const r = roots.find(key)
    rootUses.set(r, (rootUses.get(r) ?? 0) + n)
  }
  // Only names of the same word count and first letter can be near: bucketed so.
  const bucketOf = (k: string) => `${kinds.get(k)}:${k[0]}:${k.split(' ').length}`
  const buckets = new Map<string, string[]>()
  for (const k of surfaces.keys()) {
    const b = bucketOf(k)
    const list = buckets.get(b)
    if (list) list.push(k)
    else buckets.set(b, [k])
  }
  const joins: [rare: string, target: string][] = []
  for (const [rare, n] of uses) {
    const own = roots.find(rare)
    if (n > MISSPELLING.maxUses || knownRoots.has(own) || (rootUses.get(own) ?? 0) > MISSPELLING.maxUses)
      continue
    const targets = new Set<string>()
    for (const k of buckets.get(bucketOf(rare)) ?? []) {
      const r = roots.find(k)
      if (r === own || (rootUses.get(r) ?? 0) < MISSPELLING.minRatio * n) continue
      if (mayBeMisspelling(rare, k)) targets.add(r)
    }
    const [target] = targets
    if (targets.size === 1 && target !== undefined) joins.push([rare, target])
  }
  // Joined after all are weighed, so that one join does not change the counts of the next.
  for (const [rare, target] of joins) roots.union(target, rare)
  return new Set(joins.map(([rare]) => rare))
}

/** The rule that joined misspellings, shown among a faction's rules (why is this name here?). */
const MISSPELLING_RULE = 'join:rare-misspelling'

/** The names (with their folded forms) whose folded forms differ from each other and from `except`. */
function uniqueByFold(names: (readonly [name: string, folded: string])[], except: string): string[] {
  const seen = new Set([except])
  const out: string[] = []
  for (const [n, f] of names) {
    if (seen.has(f)) continue
    seen.add(f)
    out.push(n)
  }
  return out
}

function dedupeEvidence(evidence: EvidenceFact[]): EvidenceFact[] {
  const seen = new Set<string>()
  return evidence
    .filter((e) => {
      // One piece per sentence and stance: a group split both ways in one sentence keeps both.
      const k = `${e.passageId}:${e.start}:${e.stance}`
      if (seen.has(k)) return false
      seen.add(k)
      return true
    })
    .sort(
      (a, b) =>
        (a.date === null ? 1 : 0) - (b.date === null ? 1 : 0) ||
        (a.date ?? '').localeCompare(b.date ?? '') ||
        a.passageId.localeCompare(b.passageId) ||
        a.start - b.start,
    )
}
