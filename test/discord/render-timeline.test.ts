import { describe, expect, it } from 'vitest'
import type { TimelineAnswer } from '../../src/answers/timeline.ts'
import { timeline } from '../../src/answers/timeline.ts'
import { openKnowledgeBase } from '../../src/knowledge/open.ts'
import { spread, textWidth, timelinePng, timelineSpec } from '../../src/render/timeline-chart.ts'

const { kb } = openKnowledgeBase({ corpusPath: 'corpus', cacheDir: null })

describe('timeline: what happened when, and who said what', () => {
  it('for an agreement (by a place of it): its stages, then the factions the same articles quote', () => {
    const t = timeline(kb, 'rastan')
    expect(t.subject).toEqual({ kind: 'agreement', name: 'Northern Homs countryside agreement' })
    expect(t.lanes[0]).toEqual({ name: 'Northern Homs countryside agreement', kind: 'agreement' })
    expect(t.lanes.map((l) => l.name)).toContain('Jaysh al-Azza')
    const stages = t.marks.filter((m) => m.lane === t.lanes[0]?.name).map((m) => `${m.date} ${m.kind}`)
    expect(stages).toEqual([
      '2018-05-01 proposed',
      '2018-05-01 rejected',
      '2018-05-02 agreed',
      '2018-05-03 implemented',
    ])
    // Oldest first, each numbered to a citation that holds its quote.
    expect(t.marks.map((m) => m.date)).toEqual([...t.marks.map((m) => m.date)].sort())
    for (const m of t.marks) expect(t.citations[m.cite - 1]?.quote.length).toBeGreaterThan(0)
  })

  it('for a faction (by an acronym): its stance evidence and the agreements it bears on', () => {
    const t = timeline(kb, 'HTS')
    expect(t.subject).toEqual({ kind: 'faction', name: "Hay'at Tahrir al-Sham" })
    expect(t.marks.some((m) => m.lane === "Hay'at Tahrir al-Sham" && m.kind === 'rejects')).toBe(true)
  })

  it('for a name not in the corpus: nothing drawn, the nearest names offered', () => {
    const t = timeline(kb, 'Jaysh al-Zzzz')
    expect(t.marks).toEqual([])
    expect(t.subject).toBeNull()
  })
})

describe('the timeline picture', () => {
  it('spreads marks that would overlap around where they belong, and leaves apart ones alone', () => {
    expect(spread([100, 100, 100], 30)).toEqual([70, 100, 130])
    expect(spread([0, 500], 30)).toEqual([0, 500])
    expect(spread([100, 110, 400], 30)).toEqual([90, 120, 400])
  })

  it('guesses text widths close to the font’s (Vega’s own guess is twice as wide)', () => {
    expect(textWidth('Northern Homs countryside agreement', 13)).toBeGreaterThan(200)
    expect(textWidth('Northern Homs countryside agreement', 13)).toBeLessThan(260)
  })

  const small: TimelineAnswer = {
    command: 'timeline',
    query: 'x',
    subject: { kind: 'agreement', name: 'Al-Waer agreement' },
    lanes: [
      { name: 'Al-Waer agreement', kind: 'agreement' },
      { name: 'جيش العزة', kind: 'faction' },
    ],
    marks: [
      {
        lane: 'Al-Waer agreement',
        kind: 'agreed',
        date: '2017-03-13',
        dateFrom: 'text',
        label: 'agreed',
        cite: 1,
      },
      {
        lane: 'جيش العزة',
        kind: 'rejects',
        date: '2017-03-14',
        dateFrom: 'article',
        label: 'rejects: “رفض”',
        cite: 2,
      },
    ],
    citations: [1, 2].map((n) => ({
      article: `a${n}`,
      title: 'Militants to leave Homs',
      source: 'Enab Baladi',
      author: null,
      date: '2017-03-14',
      url: null,
      paragraph: n,
      quote: 'q',
    })),
    undated: 0,
    suggestions: [],
  }

  it('is a Vega-Lite chart: a row per lane, a numbered mark per event, and the sources under it', () => {
    const spec = timelineSpec(small) as unknown as Record<string, unknown> & { vconcat: unknown[] }
    expect(spec.title).toMatchInlineSnapshot(`
      {
        "subtitle": [
          "Each mark is a quoted sentence; its number is the source listed below.",
        ],
        "text": "Al-Waer agreement: what happened when, and who said what",
      }
    `)
    const [chart, sources] = spec.vconcat as [
      { layer: { data: { values: unknown[] } }[] },
      { data: { values: { text: string }[] } },
    ]
    expect(chart.layer[2]?.data.values).toMatchObject([
      { n: '1', lane: 0, kind: 'deal agreed' },
      { n: '2', lane: 1, kind: 'faction rejects' },
    ])
    expect(sources.data.values.map((r) => r.text)).toMatchInlineSnapshot(`
      [
        "[1] 13 Mar 2017 · Al-Waer agreement: agreed — Militants to leave Homs (Enab Baladi), ¶1",
        "[2] 14 Mar 2017 · جيش العزة rejects: “رفض” — Militants to leave Homs (Enab Baladi), ¶2",
      ]
    `)
  })

  it('draws a PNG with the fonts from npm, Arabic included', async () => {
    const png = await timelinePng(small, { corpus: '2 articles' })
    expect(png?.subarray(1, 4).toString()).toBe('PNG')
    expect(png?.length).toBeGreaterThan(10_000)
    expect(await timelinePng({ ...small, marks: [] })).toBeNull()
  }, 60_000)
})
