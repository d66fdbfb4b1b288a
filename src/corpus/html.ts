/**
 * A saved web page as a reader sees it. The page is parsed by `linkedom` (entities decoded by
 * the parser) and its article found by `@mozilla/readability`, the reader view of Firefox:
 * it scores blocks by their text and links, so menus, sidebars and footers fall away on pages
 * of any site, and an <article> inside an <article> stays whole. Metadata comes from what the
 * page declares — JSON-LD (NewsArticle), Open Graph and article: meta tags, <time datetime>,
 * the canonical link, byline elements — before the headline and byline found in the text.
 * The article's text then goes through the plain-text reader's furniture rules (captions,
 * share rows, editor's notes left inside the article's block).
 */
import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import { isPersonName, readByline } from './byline.ts'
import { readDate } from './dates.ts'
import type { RawArticle, ReadProblem } from './formats.ts'
import { paragraphsOf, readPlainText } from './plain-text.ts'

type Doc = ReturnType<typeof parseHTML>['document']
type El = NonNullable<ReturnType<Doc['querySelector']>>

/** Elements whose text is one paragraph (or one list item) of the article. */
const BLOCKS = new Set([
  'P',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'BLOCKQUOTE',
  'PRE',
  'TR',
  'DT',
  'DD',
  'FIGCAPTION',
  'ADDRESS',
])
/** Never article text. */
const DROPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'FIGURE',
  'FIGCAPTION',
  'BUTTON',
  'FORM',
  'SVG',
  'IFRAME',
])
/** Dropped when the whole page is read (no reader-view article found). */
const CHROME =
  'nav, header, footer, aside, form, [role=navigation], [role=banner], [role=contentinfo], [role=dialog]'

interface PageMeta {
  title: string | null
  author: string | null
  source: string | null
  date: string | null
  url: string | null
}

export function readHtml(html: string, origin: string): RawArticle | ReadProblem {
  const page = parseHTML(html).document
  const meta = pageMeta(page)
  const h1 = headline(page)
  const bylineEl = bylineText(page)

  const reader = parseHTML(html).document
  let article: El | null = null
  try {
    const parsed = new Readability(reader as unknown as ConstructorParameters<typeof Readability>[0], {
      charThreshold: 200,
    }).parse()
    if (parsed?.content)
      article = parseHTML(`<html><body>${parsed.content}</body></html>`).document.body as El
  } catch {
    article = null
  }
  let lines = article ? blockLines(article) : []
  if (lines.join(' ').length < 200) {
    // Reader view found nothing worth the name: the page's own main part, without its chrome.
    const whole = parseHTML(html).document
    for (const el of [...whole.querySelectorAll(CHROME)]) el.remove()
    const main = whole.querySelector('article') ?? whole.querySelector('main') ?? whole.body
    lines = main ? blockLines(main as El) : []
  }
  const title = meta.title ?? h1 ?? titleTag(page).title
  // The headline and the byline shown above the text are not part of it.
  const fold = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
  lines = lines.filter((l) => !(title && fold(l) === fold(title)) && !(h1 && fold(l) === fold(h1)))
  if (bylineEl) lines = lines.filter((l) => fold(l) !== fold(bylineEl))
  const site = meta.source ?? titleTag(page).site
  const inferred = readPlainText(paragraphsOf(lines), { hasTitle: true, ...(site ? { source: site } : {}) })
  if (!inferred.text.trim()) return { origin, reason: 'no article text in the page' }
  const byline = bylineEl ? readByline(bylineEl) : null
  const date = meta.date ?? byline?.date?.date ?? inferred.date
  return {
    id: null,
    title: title ?? null,
    text: inferred.text,
    source: site ?? byline?.source ?? inferred.source,
    author: meta.author ?? byline?.author ?? inferred.author,
    date,
    url: meta.url,
    meta: inferred.meta,
    origin,
  }
}

/** The article's blocks as lines: one a paragraph, list items as "- item", blank lines between. */
export function blockLines(root: El): string[] {
  const out: string[] = []
  const walk = (el: El) => {
    for (const child of [...el.children] as El[]) {
      const tag = child.tagName.toUpperCase()
      if (DROPPED.has(tag)) continue
      if (BLOCKS.has(tag) && !child.querySelector('p, li, h2, h3, h4, blockquote, table, div')) {
        const text = (child.textContent ?? '').replace(/\s+/g, ' ').trim()
        if (text) out.push(tag === 'LI' ? `- ${text}` : text, ...(tag === 'LI' || tag === 'TR' ? [] : ['']))
      } else walk(child)
    }
    // Text directly inside a container (a <div> used as a paragraph).
    const own = [...el.childNodes]
      .filter((n) => n.nodeType === 3)
      .map((n) => n.textContent ?? '')
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim()
    if (own.length > 40 && !BLOCKS.has(el.tagName.toUpperCase())) out.push(own, '')
  }
  walk(root)
  // List items end their list with a blank line.
  return out.flatMap((l, n) => (l.startsWith('- ') && !(out[n + 1] ?? '').startsWith('- ') ? [l, ''] : [l]))
}

/** The page's one <h1>, the article's first if there are several. */
function headline(doc: Doc): string | null {
  const h1 = doc.querySelector('article h1, main h1, [itemprop=headline]') ?? doc.querySelector('h1')
  const text = h1?.textContent?.replace(/\s+/g, ' ').trim()
  return text || null
}

/** The <title>, split into the article's title and the site's name ("Title | Site", "Title - Site"). */
function titleTag(doc: Doc): { title: string | null; site: string | null } {
  const t = doc.querySelector('title')?.textContent?.replace(/\s+/g, ' ').trim() ?? ''
  if (!t) return { title: null, site: null }
  const m = t.match(/^(.{10,}?)\s+(?:\||[-–—·•:]{1,2})\s+((?:(?!\s[-|–—·•:]\s).){2,60})$/)
  return m ? { title: m[1]?.trim() ?? null, site: m[2]?.trim() ?? null } : { title: t, site: null }
}

/** A byline element's text: rel=author, itemprop=author, or a class that says byline/author. */
function bylineText(doc: Doc): string | null {
  const el = doc.querySelector('.byline, .entry-meta, .post-meta, .article-meta, .meta, [class*=byline]')
  const text = el?.textContent?.replace(/\s+/g, ' ').trim()
  return text && text.length < 200 ? text : null
}

function metaContent(doc: Doc, names: string[]): string | null {
  for (const name of names) {
    const el = doc.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`)
    const v = el?.getAttribute('content')?.trim()
    if (v) return v
  }
  return null
}

/** What the page declares of itself, most explicit first: JSON-LD, then meta tags and markup. */
function pageMeta(doc: Doc): PageMeta {
  const ld = jsonLdArticle(doc)
  const authorEl = doc.querySelector(
    '[itemprop=author] [itemprop=name], [itemprop=author], [rel=author], .author-name',
  )
  const authors = [
    ld?.author,
    metaContent(doc, ['author', 'article:author', 'dc.creator', 'byl', 'parsely-author', 'sailthru.author']),
    authorEl?.textContent?.replace(/\s+/g, ' ').trim(),
  ]
  const author = authors
    .map((a) => a?.replace(/^by\s+/i, '').trim())
    .find((a): a is string => Boolean(a && !/^https?:/.test(a) && isPersonName(a)))
  const time = doc.querySelector('article time[datetime], time[datetime]')?.getAttribute('datetime')
  const dates = [
    ld?.datePublished,
    metaContent(doc, [
      'article:published_time',
      'datePublished',
      'date',
      'pubdate',
      'publishdate',
      'dc.date',
      'dc.date.issued',
      'og:published_time',
    ]),
    time,
  ]
  const date = dates.map((d) => (d ? readDate(d).date : null)).find(Boolean) ?? null
  const canonical = doc.querySelector('link[rel=canonical]')?.getAttribute('href')?.trim()
  const url =
    [canonical, metaContent(doc, ['og:url']), ld?.url].find((u) => u && /^https?:\/\//.test(u)) ?? null
  const title = ld?.headline ?? metaContent(doc, ['og:title', 'twitter:title', 'dc.title']) ?? null
  const source = ld?.publisher ?? metaContent(doc, ['og:site_name', 'application-name', 'publisher']) ?? null
  return { title: title ? clean(title) : null, author: author ?? null, source, date, url }
}

const clean = (s: string) => s.replace(/\s+/g, ' ').trim()

interface LdArticle {
  headline?: string
  author?: string
  datePublished?: string
  publisher?: string
  url?: string
}

/** The first JSON-LD object of an article type (NewsArticle, Article, BlogPosting, …). */
function jsonLdArticle(doc: Doc): LdArticle | null {
  for (const script of [...doc.querySelectorAll('script[type="application/ld+json"]')]) {
    let data: unknown
    try {
      data = JSON.parse(script.textContent ?? '')
    } catch {
      continue
    }
    for (const node of flatten(data)) {
      const type = ([] as unknown[]).concat(node['@type'] ?? []).map(String)
      if (!type.some((t) => /Article|BlogPosting|Report/.test(t))) continue
      return {
        ...(typeof node.headline === 'string' ? { headline: node.headline } : {}),
        ...(nameOf(node.author) ? { author: nameOf(node.author) as string } : {}),
        ...(typeof node.datePublished === 'string' ? { datePublished: node.datePublished } : {}),
        ...(nameOf(node.publisher) ? { publisher: nameOf(node.publisher) as string } : {}),
        ...(typeof node.url === 'string' ? { url: node.url } : {}),
      }
    }
  }
  return null
}

function flatten(data: unknown): Record<string, unknown>[] {
  if (Array.isArray(data)) return data.flatMap(flatten)
  if (!data || typeof data !== 'object') return []
  const o = data as Record<string, unknown>
  return [o, ...(o['@graph'] ? flatten(o['@graph']) : [])]
}

function nameOf(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null
  if (Array.isArray(v)) return nameOf(v[0])
  if (v && typeof v === 'object' && typeof (v as { name?: unknown }).name === 'string')
    return ((v as { name: string }).name.trim() || null) as string | null
  return null
}
