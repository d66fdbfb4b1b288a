import { createRequire } from 'node:module'
import type { TopLevelSpec } from 'vega-lite'
import type { MarkKind, TimelineAnswer } from '../answers/timeline.ts'

/**
 * The timeline as a picture: a Vega-Lite spec (pure, tested as data), drawn to SVG by Vega and
 * to PNG by resvg with fonts shipped through npm, so that it looks the same on every machine.
 * resvg shapes text with HarfBuzz's rules, so Arabic names join and run right to left.
 */

const require = createRequire(import.meta.url)

interface ChartLibraries {
  vega: typeof import('vega')
  compile: (spec: TopLevelSpec) => ReturnType<typeof import('vega-lite')['compile']>
  Resvg: typeof import('@resvg/resvg-js')['Resvg']
}

let libraries: Promise<ChartLibraries> | undefined

/**
 * About how wide Noto Sans sets `text`, in pixels: advance widths by kind of character, in ems
 * (narrow letters and punctuation, wide capitals), measured from the font.
 */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let ems = 0
  for (const ch of text) {
    if (/[ilj.,:;'’|!()[\]ft]/.test(ch)) ems += 0.3
    else if (ch === ' ') ems += 0.26
    else if (/[mwMW@]/.test(ch)) ems += 0.85
    else if (/[A-Z]/.test(ch)) ems += 0.64
    else if (/[0-9]/.test(ch)) ems += 0.57
    else ems += 0.54
  }
  return Math.ceil(ems * fontSize * (bold ? 1.06 : 1))
}

/**
 * Vega, Vega-Lite and resvg, loaded when the first picture is drawn: they take a second or more
 * to load, which every other command would otherwise pay for.
 *
 * vega-lite patches Set.prototype.toJSON when it loads (to hash specs holding sets). Left in
 * place, it changes every JSON.stringify of a Set in the process and breaks discord.js's start-up
 * under vitest; so the patch is taken off at once and put back only while a spec compiles.
 */
/** Loads the chart libraries ahead of the first picture (a bot does, once it is ready). */
export async function warmChartLibraries(): Promise<void> {
  await chartLibraries()
}

function chartLibraries(): Promise<ChartLibraries> {
  libraries ??= (async () => {
    const [vega, vegaLite, resvg] = await Promise.all([
      import('vega'),
      import('vega-lite'),
      import('@resvg/resvg-js'),
    ])
    const setProto = Set.prototype as { toJSON?: unknown }
    const patch = setProto.toJSON
    delete setProto.toJSON
    const compile: ChartLibraries['compile'] = (spec) => {
      setProto.toJSON = patch
      try {
        return vegaLite.compile(spec)
      } finally {
        delete setProto.toJSON
      }
    }
    // Without a canvas Vega guesses 0.8 em a character, twice Noto Sans's width: labels got cut
    // short and the picture wide. Our own guess, close to the font's, replaces it.
    const metrics = (vega as unknown as { textMetrics: { width: unknown } }).textMetrics
    metrics.width = (item: { text?: unknown; fontSize?: number; fontWeight?: unknown }, text?: unknown) =>
      textWidth(String(text ?? item.text ?? ''), item.fontSize ?? 11, item.fontWeight === 'bold')
    return { vega, compile, Resvg: resvg.Resvg }
  })()
  return libraries
}

/** Noto Sans for Latin text, Noto Sans Arabic for what it lacks: resvg falls back glyph by glyph. */
export const FONT_FILES: readonly string[] = [
  require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
  require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
  require.resolve('@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf'),
  require.resolve('@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf'),
]
const FONT = 'Noto Sans'

/** Width of the plotting area, pixels. */
export const PLOT_WIDTH = 900
const LANE_HEIGHT = 58
/** Centre-to-centre distance of two marks that would touch: marks closer than this are spread apart. */
const MARK_GAP = 30
const ROW_HEIGHT = 19
/** About what a source row holds at 12 px across the picture; longer titles are shortened. */
const ROW_CHARS = 150
const DAY = 86_400_000

/** What each kind of mark looks like and is called in the legend, in legend order. */
export const MARK_STYLE: Record<MarkKind, { legend: string; color: string; shape: string }> = {
  proposed: { legend: 'deal proposed', color: '#5b7fa6', shape: 'diamond' },
  rejected: { legend: 'deal rejected', color: '#b23a3a', shape: 'diamond' },
  agreed: { legend: 'deal agreed', color: '#2f6f5e', shape: 'diamond' },
  implemented: { legend: 'deal implemented', color: '#173f35', shape: 'diamond' },
  accepts: { legend: 'faction accepts', color: '#3f9b6e', shape: 'circle' },
  rejects: { legend: 'faction rejects', color: '#d0584c', shape: 'circle' },
}

const time = (date: string) => Date.parse(`${date}T00:00:00Z`)

/** The dates the axis spans: the marks' dates with a margin, at least a few days wide. */
export function timeDomain(dates: readonly string[]): [number, number] {
  const ts = dates.map(time)
  const lo = Math.min(...ts)
  const hi = Math.max(...ts)
  const margin = Math.max((hi - lo) * 0.06, 1.5 * DAY)
  return [lo - margin, hi + margin]
}

/**
 * Where each mark is drawn along its lane, in pixels: at its date, unless marks of the same lane
 * would overlap there, in which case the crowded ones are spread evenly around where they belong.
 * Written here because the chart library dodges only on band scales, not on a time axis.
 */
export function spread(ideal: readonly number[], gap = MARK_GAP): number[] {
  const order = ideal.map((x, i) => ({ x, i })).sort((a, b) => a.x - b.x || a.i - b.i)
  // Clusters of marks that touch, each laid out `gap` apart around the mean of where they belong.
  let clusters = order.map((o) => ({ members: [o], centre: o.x }))
  const start = (c: (typeof clusters)[number]) => c.centre - ((c.members.length - 1) * gap) / 2
  const end = (c: (typeof clusters)[number]) => c.centre + ((c.members.length - 1) * gap) / 2
  for (let merged = true; merged; ) {
    merged = false
    const next: typeof clusters = []
    for (const c of clusters) {
      const last = next[next.length - 1]
      if (last && start(c) - end(last) < gap) {
        const members = [...last.members, ...c.members]
        next[next.length - 1] = { members, centre: members.reduce((n, m) => n + m.x, 0) / members.length }
        merged = true
      } else next.push(c)
    }
    clusters = next
  }
  const out = new Array<number>(ideal.length)
  for (const c of clusters)
    c.members.forEach((m, k) => {
      out[m.i] = start(c) + k * gap
    })
  return out
}

function shortDate(date: string): string {
  return new Date(time(date)).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  })
}

/** "[8] 3 May 2018 · Faylaq al-Sham, HTS +2 rejects: “rejected” — Title (Enab Baladi), ¶5": a source under the chart. */
function sourceRow(answer: TimelineAnswer, n: number): string {
  const uses = answer.marks.filter((x) => x.cite === n)
  const m = uses[0]
  const c = answer.citations[n - 1]
  if (!m || !c) return `[${n}]`
  const lanes = [...new Set(uses.map((u) => u.lane))]
  const who =
    lanes.length > 2 ? `${lanes.slice(0, 2).join(', ')} and ${lanes.length - 2} more` : lanes.join(', ')
  const labels = [...new Set(uses.map((u) => u.label))].join(', ')
  const what =
    m.kind in MARK_STYLE && (m.kind === 'accepts' || m.kind === 'rejects')
      ? `${who} ${labels}`
      : `${who}: ${labels}`
  const head = `[${n}] ${shortDate(m.date)} · ${what} — `
  const tail = `${c.source ? ` (${c.source})` : ''}, ¶${c.paragraph}`
  const room = Math.max(20, ROW_CHARS - head.length - tail.length)
  const title = c.title.length > room ? `${c.title.slice(0, room - 1).replace(/\s+\S*$/, '')}…` : c.title
  return `${head}${title}${tail}`
}

export interface ChartOptions {
  /** Under the title: the corpus the picture comes from. */
  corpus?: string
}

/** The Vega-Lite spec of a timeline with at least one mark. */
export function timelineSpec(answer: TimelineAnswer, options: ChartOptions = {}): TopLevelSpec {
  const lanes = answer.lanes.map((l) => l.name)
  const [lo, hi] = timeDomain(answer.marks.map((m) => m.date))
  const px = (date: string) => ((time(date) - lo) / (hi - lo)) * PLOT_WIDTH
  const placed = new Map<number, number>()
  for (const lane of lanes) {
    const at = answer.marks.flatMap((m, i) => (m.lane === lane ? [{ i, x: px(m.date) }] : []))
    spread(at.map((a) => a.x)).forEach((x, k) => {
      placed.set(at[k]?.i ?? -1, x)
    })
  }
  // Where a mark is drawn, as a time: the axis maps time to pixels linearly over [lo, hi].
  const marks = answer.marks.map((m, i) => ({
    n: String(m.cite),
    lane: lanes.indexOf(m.lane),
    when: lo + ((placed.get(i) ?? px(m.date)) / PLOT_WIDTH) * (hi - lo),
    kind: MARK_STYLE[m.kind].legend,
  }))
  const kinds = (Object.keys(MARK_STYLE) as MarkKind[]).filter((k) => answer.marks.some((m) => m.kind === k))
  const laneNames = JSON.stringify(lanes)
  const y = {
    field: 'lane',
    type: 'quantitative' as const,
    scale: { domain: [lanes.length - 0.5, -0.5], nice: false, zero: false },
    axis: {
      title: null,
      values: lanes.map((_, i) => i),
      labelExpr: `${laneNames}[datum.value]`,
      labelFontSize: 13,
      labelLimit: 300,
      labelPadding: 10,
      labelColor: '#222',
      grid: false,
      ticks: false,
      domain: false,
    },
  }
  const x = {
    field: 'when',
    type: 'temporal' as const,
    scale: { domain: [lo, hi], nice: false },
    axis: {
      title: null,
      format: hi - lo > 400 * DAY ? '%b %Y' : '%-d %b %Y',
      labelFontSize: 12,
      labelColor: '#444',
      tickCount: 6,
      grid: true,
      gridColor: '#e6e6e6',
      domainColor: '#999',
      tickColor: '#999',
    },
  }
  const bands = answer.lanes.map((l, i) => ({
    lane: i,
    top: i - 0.5,
    bottom: i + 0.5,
    deal: l.kind === 'agreement',
  }))
  const title = answer.subject?.name ?? answer.query
  const rows = answer.citations.map((_, i) => ({ row: i, text: sourceRow(answer, i + 1) }))
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    background: 'white',
    padding: 24,
    config: {
      font: FONT,
      view: { stroke: null },
      title: { font: FONT, anchor: 'start', fontSize: 20, subtitleFontSize: 13, subtitleColor: '#555' },
      legend: { labelFont: FONT, labelFontSize: 12, orient: 'top', direction: 'horizontal', title: null },
    },
    title: {
      text: `${title}: what happened when, and who said what`,
      subtitle: [
        'Each mark is a quoted sentence; its number is the source listed below.',
        ...(options.corpus ? [`Musalaha · ${options.corpus}`] : []),
      ],
    },
    vconcat: [
      {
        width: PLOT_WIDTH,
        height: LANE_HEIGHT * lanes.length,
        layer: [
          {
            data: { values: bands },
            mark: { type: 'rect', x: 0, x2: PLOT_WIDTH },
            encoding: {
              y: { ...y, field: 'top' },
              y2: { field: 'bottom' },
              color: { condition: { test: 'datum.deal', value: '#eef5f2' }, value: '#ffffff' },
            },
          },
          {
            data: { values: bands },
            mark: { type: 'rule', x: 0, x2: PLOT_WIDTH, color: '#c9d3cf', strokeDash: [2, 3] },
            encoding: { y },
          },
          {
            data: { values: marks },
            layer: [
              {
                mark: {
                  type: 'point',
                  filled: true,
                  size: 560,
                  opacity: 1,
                  stroke: 'white',
                  strokeWidth: 1.5,
                },
                encoding: {
                  color: {
                    field: 'kind',
                    type: 'nominal',
                    scale: {
                      domain: kinds.map((k) => MARK_STYLE[k].legend),
                      range: kinds.map((k) => MARK_STYLE[k].color),
                    },
                  },
                  shape: {
                    field: 'kind',
                    type: 'nominal',
                    scale: {
                      domain: kinds.map((k) => MARK_STYLE[k].legend),
                      range: kinds.map((k) => MARK_STYLE[k].shape),
                    },
                  },
                },
              },
              {
                mark: { type: 'text', color: 'white', fontSize: 11, fontWeight: 'bold', baseline: 'middle' },
                encoding: { text: { field: 'n' } },
              },
            ],
            encoding: { x, y },
          },
        ],
      },
      {
        width: PLOT_WIDTH,
        height: ROW_HEIGHT * rows.length,
        data: { values: rows },
        mark: {
          type: 'text',
          align: 'left',
          baseline: 'middle',
          fontSize: 12,
          color: '#333',
          limit: PLOT_WIDTH + 220,
        },
        encoding: {
          x: { value: -200 },
          y: { field: 'row', type: 'ordinal', axis: null },
          text: { field: 'text' },
        },
      },
    ],
  }
}

/** The spec drawn as SVG by Vega's own SVG renderer. */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const { vega, compile } = await chartLibraries()
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' })
  try {
    return await view.toSVG()
  } finally {
    view.finalize()
  }
}

/** An SVG as PNG at `scale` times its size, with the fonts from npm and no system fonts. */
export async function svgToPng(svg: string, scale = 2): Promise<Buffer> {
  const { Resvg } = await chartLibraries()
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: false, fontFiles: [...FONT_FILES], defaultFontFamily: FONT },
    background: 'white',
  })
  return resvg.render().asPng()
}

/** The timeline as a PNG, or null when it has no mark to draw. */
export async function timelinePng(
  answer: TimelineAnswer,
  options: ChartOptions = {},
): Promise<Buffer | null> {
  if (!answer.marks.length) return null
  return svgToPng(await renderSvg(timelineSpec(answer, options)))
}
