import { z } from 'zod'
import { type Named, rankByName } from '../answers/resolve.ts'
import { type AgreementAnswer, type TermsAnswer, terms } from '../answers/terms.ts'
import { agreementQuery } from '../extract/agreement-keys.ts'
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts'
import { CitationList, type Section } from '../render/presentation.ts'
import { shownQuery } from '../text/query.ts'
import type { Choice } from './types.ts'
import { defineCommand } from './types.ts'

/** Known agreements and the places of their areas, for autocomplete: the value is what resolves. */
const choiceLists = new WeakMap<object, Named[]>()

/** Each agreement by its name, and by each other place of its area: built once per merge of the facts. */
function choiceEntries(kb: KnowledgeBase): Named[] {
  let entries = choiceLists.get(kb.facts.agreements)
  if (!entries) {
    entries = kb.facts.agreements.flatMap((a) => [
      { name: a.name, variants: a.places },
      ...a.places.filter((p) => p !== a.place).map((p) => ({ name: `${p} (${a.name})`, variants: [p] })),
    ])
    choiceLists.set(kb.facts.agreements, entries)
  }
  return entries
}

export function agreementChoices(kb: KnowledgeBase, typed: string): Choice[] {
  const entries = choiceEntries(kb)
  const ranked = typed.trim()
    ? rankByName(typed, entries)
    : entries.filter((e) => !e.name.endsWith(')')).slice(0, 25)
  return ranked.map((e) => ({ name: e.name.slice(0, 100), value: (e.variants?.[0] ?? e.name).slice(0, 100) }))
}

/** 'implemented', 'agreed 2018-05-02': the status, with the date it was reached where known. */
function statusLine(a: AgreementAnswer): string {
  const when = a.events.find((e) => e.status === a.status && e.date)?.date
  return when ? `${a.status} (${when})` : a.status
}

function headline(a: AgreementAnswer): string {
  return [
    a.place ? `Place: ${a.place}` : null,
    a.date ? `Date: ${a.date}` : null,
    a.broker ? `Broker: ${a.broker}` : null,
    `Status: ${statusLine(a)}`,
    a.parties.length ? `Parties: ${a.parties.join('; ')}` : null,
  ]
    .filter(Boolean)
    .join(' · ')
}

function sectionsOf(a: AgreementAnswer, cites: CitationList, withName: boolean): Section[] {
  const sections: Section[] = []
  if (withName) sections.push({ heading: a.name, items: [{ text: headline(a) }] })
  const history = a.events.filter((e) => e.date)
  if (history.length)
    sections.push({
      heading: withName ? `${a.name} — history` : 'History',
      items: history.map((e) => ({ text: `${e.date}: ${e.status}`, cites: [cites.add(e.citation)] })),
    })
  const byCategory = new Map<string, Section>()
  for (const t of a.terms) {
    let section = byCategory.get(t.category)
    if (!section) {
      const heading = t.category.charAt(0).toUpperCase() + t.category.slice(1)
      section = { heading: withName ? `${a.name} — ${heading}` : heading, items: [] }
      byCategory.set(t.category, section)
      sections.push(section)
    }
    // The agreement's own terms are the rule; a proposal's term, or one carried out, says so.
    const mark = t.status === 'proposed' ? ' (proposed)' : t.status === 'implemented' ? ' (implemented)' : ''
    section.items.push({ text: `${t.text}${mark}`, cites: t.citations.map((c) => cites.add(c)) })
  }
  return sections
}

export default defineCommand({
  name: 'terms',
  description: 'The terms of an agreement (by its place or name), each quoted and cited',
  options: [
    {
      name: 'agreement',
      description: 'The agreement: its place (a town, district or region) or name',
      type: 'string',
      required: true,
      positional: true,
      maxLength: 200,
      autocomplete: agreementChoices,
    },
  ],
  examples: ['terms rastan', 'terms "Eastern Qalamoun"', "terms al-Wa'er"],
  args: z.object({ agreement: z.string().trim().min(1, 'name an agreement or its place') }),
  run: (kb, { agreement }) => terms(kb, agreement),
  present(answer: TermsAnswer) {
    const cites = new CitationList()
    const [only, ...more] = answer.agreements
    if (!only)
      return {
        title: `No agreement found for “${shownQuery(answer.query)}”`,
        lead: agreementQuery(answer.query)
          ? 'No agreement in the corpus is placed there or goes by that name.'
          : 'Name an agreement or a place.',
        sections: [],
        citations: [],
        suggestions: answer.suggestions,
      }
    if (more.length === 0) {
      const sections = sectionsOf(only, cites, false)
      return {
        title: only.name,
        lead: only.terms.length
          ? `${headline(only)}\n${only.terms.length} term${only.terms.length === 1 ? '' : 's'} from ${only.articles} article${only.articles === 1 ? '' : 's'}.`
          : `${headline(only)}\nThe articles name no terms of it.`,
        sections,
        citations: cites.list,
      }
    }
    return {
      title: `Agreements for “${shownQuery(answer.query)}”`,
      lead: `${answer.agreements.length} agreements: ${answer.agreements.map((a) => a.name).join('; ')}.`,
      sections: answer.agreements.flatMap((a) => sectionsOf(a, cites, true)),
      citations: cites.list,
    }
  },
})
