import { describe, expect, it } from 'vitest'
import { readCsv } from '../../src/corpus/csv.ts'
import { readDate } from '../../src/corpus/dates.ts'
import { readMarkdownOrText } from '../../src/corpus/formats.ts'
import { readHtml } from '../../src/corpus/html.ts'
import { loadCorpus } from '../../src/corpus/load.ts'
import { markdownToText } from '../../src/corpus/markdown.ts'
import { readPlainText } from '../../src/corpus/plain-text.ts'
import { tempCorpus } from '../helpers.ts'

const body = [
  'DAMASCUS - Fighters and their families boarded green buses on Thursday under the agreement, a local committee said.',
  'The army is to enter the town once the last bus has left, state media reported.',
]

describe('a page saved as text', () => {
  const page = [
    'THE VALLEY COURIER',
    'Home | Syria | Iraq | Gulf | Analysis | Subscribe',
    'Breaking: Road closed near the northern checkpoint',
    '',
    'Buses take fighters out of the valley as the army prepares to move in',
    '',
    'By Sam Example | The Valley Courier',
    'Published: 2019-04-02 10:20',
    '',
    body[0],
    '',
    '[Photo: Buses at the entrance of the town. Credit: the site]',
    '',
    body[1],
    '',
    'Share this:  Facebook | Twitter | Email',
    '',
    'Related stories',
    '- Another story about the valley',
    '- A second related link',
    '',
    'Comments (2)',
    'Reader1: A sad day.',
    'Load more comments',
    '',
    '(c) 2019 The Valley Courier. All rights reserved.',
  ].join('\n')
  const a = readPlainText(page)

  it('takes the headline below the masthead, menu and ticker, not the masthead', () => {
    expect(a.title).toBe('Buses take fighters out of the valley as the army prepares to move in')
  })
  it('reads the byline and date, and the publisher', () => {
    expect(a).toMatchObject({ author: 'Sam Example', date: '2019-04-02', source: 'The Valley Courier' })
  })
  it('keeps the article and nothing of the furniture', () => {
    expect(a.text).toBe(body.join('\n\n'))
  })
  it('two authors are both named', () => {
    expect(
      readPlainText(`A headline about the deal\n\nBy Sam Example and Nour Example\n\n${body[0]}`).author,
    ).toBe('Sam Example and Nour Example')
  })
  it('a header of labelled fields (Title:, Date:, Source:) is the metadata, not the text', () => {
    const a = readPlainText(
      `Title: Rebels sign a settlement\nDate: 2018-07-22\nSource: Hauran Monitor\nAuthor: Sam Example\n\n${body[0]}`,
    )
    expect(a).toMatchObject({
      title: 'Rebels sign a settlement',
      date: '2018-07-22',
      source: 'Hauran Monitor',
      author: 'Sam Example',
      text: body[0],
    })
  })
  it('one labelled line in running text is no header', () => {
    const a = readPlainText(`A headline about the deal\n\nSource: a rebel commander\n\n${body[0]}`)
    expect(a.title).toBe('A headline about the deal')
    expect(a.source).not.toBe('a rebel commander')
  })
  it('a desk or staff credit is no author', () => {
    expect(
      readPlainText(`A headline about the deal\n\nStaff reporter, North News\n12 May 2018\n\n${body[0]}`),
    ).toMatchObject({ author: null, source: 'North News', date: '2018-05-12' })
  })
})

describe('text copied from a PDF', () => {
  it('joins words broken across lines, drops page numbers, running headers and footnote markers', () => {
    const pdf = [
      'Report on local agreements',
      '',
      'The committee was control-',
      'ling the crossing, and the talks went on.2 The govern- ment agreed.',
      'Page 4',
      'LOCAL AGREEMENTS REVIEW',
      'Residents returned to the town after the deal.',
      'LOCAL AGREEMENTS REVIEW',
      'The last buses left on Friday.',
      'LOCAL AGREEMENTS REVIEW',
    ].join('\n')
    const a = readPlainText(pdf)
    expect(a.text).toContain('The committee was controlling the crossing')
    expect(a.text).toContain('The government agreed.')
    expect(a.text).not.toMatch(/Page 4|REVIEW|went on\.2/)
  })
})

describe('a web page', () => {
  it('keeps the outer paragraphs of an <article> that holds another <article>, and reads JSON-LD', () => {
    const html = `<html><head><title>x</title>
      <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Convoy leaves the town","datePublished":"2018-03-04T10:00:00Z","author":{"@type":"Person","name":"Sam O'Neil"},"publisher":{"@type":"Organization","name":"The Courier"}}</script>
      </head><body><nav><a>Home</a> | <a>World</a> | <a>Opinion</a></nav>
      <article><h1>Convoy leaves the town</h1><p>${body[0]}</p>
      <article class="update"><h2>Update</h2><p>A second convoy has reached the north, activists said on Friday evening.</p></article>
      <p>${body[1]}</p></article><footer>&copy; 2018 The Courier</footer></body></html>`
    const a = readHtml(html, 'a.html')
    expect(a).toMatchObject({
      title: 'Convoy leaves the town',
      author: "Sam O'Neil",
      source: 'The Courier',
      date: '2018-03-04',
    })
    if ('reason' in a) throw new Error(a.reason)
    expect(a.text).toContain(body[0])
    expect(a.text).toContain('A second convoy has reached the north')
    expect(a.text).toContain(body[1])
    expect(a.text).not.toContain('Home')
  })

  it('a <div class="article-body"> page loses its menu, sidebar and footer; meta author keeps its apostrophe', () => {
    const html = `<html><head><meta name="author" content="Sam O'Neil"><meta property="og:site_name" content="The Courier">
      <link rel="canonical" href="https://courier.example/a"></head><body>
      <div class="menu"><a>Home</a> · <a>Syria</a> · <a>Iraq</a> · <a>About</a></div>
      <h1>Truce agreed for the old city</h1><time datetime="2014-05-02">Friday</time>
      <div class="article-body"><p>${body[0]} Caf&eacute; owners &hellip; said &#8220;yes&#8221; &amp; left.</p><p>${body[1]}</p></div>
      <div class="sidebar"><h3>Read next</h3><ul><li><a>Another story about the city</a></li></ul></div>
      <div class="footer">&copy; 2014 The Courier | Privacy | Cookies</div></body></html>`
    const a = readHtml(html, 'a.html')
    if ('reason' in a) throw new Error(a.reason)
    expect(a).toMatchObject({ author: "Sam O'Neil", date: '2014-05-02', url: 'https://courier.example/a' })
    expect(a.text).toContain('Café owners … said “yes” & left.')
    expect(a.text).not.toMatch(/Another story|Privacy|Syria ·/)
  })
})

describe('the headline of a web page', () => {
  const page = (h1: string, og: string) =>
    `<html><head><title>${og}</title><meta property="og:title" content="${og}"></head><body><h1>${h1}</h1><article><p>${body[0]}</p><p>${body[1]}</p></article></body></html>`
  it('is the <h1> when the declared title confirms it, without the site name', () => {
    expect(
      readHtml(
        page('Truce agreed for the old city', 'Truce agreed for the old city | The Courier'),
        'a.html',
      ),
    ).toMatchObject({
      title: 'Truce agreed for the old city',
    })
  })
  it('is the declared title when the <h1> is only the site’s logo', () => {
    expect(readHtml(page('THE COURIER', 'Truce agreed for the old city'), 'a.html')).toMatchObject({
      title: 'Truce agreed for the old city',
    })
  })
})

describe('front matter and Markdown', () => {
  it('reads YAML lists and folded blocks in front matter instead of skipping the article', () => {
    const md = [
      '---',
      'title: "Buses leave the hills"',
      'date: 2017-08-02T17:30:00+03:00',
      'tags:',
      '  - arsal',
      '  - "hay\'at tahrir al-sham"',
      'summary: >',
      '  A deal trades the departure of fighters',
      '  for prisoners.',
      '---',
      '',
      body[0],
    ].join('\n')
    const a = readMarkdownOrText(md, 'a.md')
    expect(a).toMatchObject({ title: 'Buses leave the hills', date: '2017-08-02' })
    if ('reason' in a) throw new Error(a.reason)
    expect(a.meta.tags).toBe("arsal, hay'at tahrir al-sham")
    expect(a.meta.summary).toContain('A deal trades the departure of fighters for prisoners.')
  })

  it('turns Markdown into text: list items stay items, links keep their text, code and tables kept', () => {
    const { text, heading } = markdownToText(
      '# The deal\n\nThe [committee](https://x.example) said **yes**.\n\n- first term;\n- second term.\n\n| Side | Fighters |\n|---|---|\n| North | 300 |\n\n```\nraw code\n```\n',
    )
    expect(heading).toBe('The deal')
    expect(text).toBe(
      'The committee said yes.\n\n- first term;\n- second term.\n\nSide | Fighters\nNorth | 300\n\nraw code',
    )
  })
})

describe('CSV', () => {
  it('detects ; as the delimiter, with a BOM, quoted newlines and doubled quotes', () => {
    const csv =
      '\uFEFFheadline;body;published;outlet\nBuses leave;"First line.\n\nHe said ""yes"".";2016-10-19;The Courier\n'
    const { records, problems } = readCsv(csv, 'a.csv')
    expect(problems).toEqual([])
    expect(records[0]).toMatchObject({ title: 'Buses leave', date: '2016-10-19', source: 'The Courier' })
    expect(records[0]?.text).toBe('First line.\n\nHe said "yes".')
  })

  it.each([
    ['tab', '\t'],
    ['pipe', '|'],
  ])('detects a %s delimiter', (_name, d) => {
    const { records } = readCsv(`title${d}text\nA deal${d}The text, with a comma.\n`, 'a.csv')
    expect(records[0]).toMatchObject({ title: 'A deal', text: 'The text, with a comma.' })
  })

  it('keeps the good rows of a partly broken file, with one warning for the file', () => {
    const csv = 'id;text\n1;Good one.\n2;too;many\n3;Also good.\n4;\n'
    const { records, problems } = readCsv(csv, 'a.csv')
    expect(records.map((r) => r.id)).toEqual(['1', '3'])
    expect(problems).toHaveLength(1)
    expect(problems[0]?.reason).toMatch(/^2 rows skipped \(first at line 3: /)
  })

  it("reads a file's numeric dates in the order its unambiguous ones show", () => {
    const csv = 'id,text,date\n1,One.,13/02/2018\n2,Two.,12/02/2018\n'
    expect(readCsv(csv, 'a.csv').records.map((r) => r.date)).toEqual(['2018-02-13', '2018-02-12'])
  })

  it('reads .tsv files as tab-separated', () => {
    const { articles } = loadCorpus(tempCorpus({ 'a.tsv': 'id\ttext\nk1\tFighters left on Sunday.\n' }))
    expect(articles.map((a) => a.id)).toEqual(['k1'])
  })
})

describe('dates', () => {
  it('reads ISO and written forms', () => {
    expect(readDate('2018-05-03T10:00:00Z').date).toBe('2018-05-03')
    expect(readDate('Wednesday 14 December 2016').date).toBe('2016-12-14')
    expect(readDate('March 3, 2018').date).toBe('2018-03-03')
    expect(readDate('19/12/2016').date).toBe('2016-12-19')
  })

  it('never guesses an ambiguous numeric date: null, and says so', () => {
    expect(readDate('12/02/2018')).toEqual({ date: null, ambiguous: '12/02/2018' })
    const a = readPlainText('A headline about the talks\n\n12/02/2018\n\nThe talks went on.')
    expect(a.date).toBeNull()
    expect(a.meta.dateWarning).toMatch(/ambiguous date 12\/02\/2018/)
  })

  it('resolves an ambiguous date by another date in the same text, or a known order', () => {
    expect(readDate('03/05/2018', { context: 'Updated 19/05/2018' }).date).toBe('2018-05-03')
    expect(readDate('03/05/2018', { context: 'The talks of 3 May 2018 failed.' }).date).toBe('2018-05-03')
    expect(readDate('03/05/2018', { order: 'mdy' }).date).toBe('2018-03-05')
  })
})

describe('the corpus as a whole', () => {
  it('drops a short line that stands in three articles or more: the site’s furniture', () => {
    const page = (town: string) =>
      `Fighters leave ${town}\n\nBuses left ${town} on Friday under the deal, residents said.\n\nThe Courier is an independent local news site.\n`
    const { articles } = loadCorpus(
      tempCorpus({ 'a.txt': page('Talbiseh'), 'b.txt': page('Rastan'), 'c.txt': page('Houla') }),
    )
    for (const a of articles) expect(a.text).not.toContain('independent local news site')
    expect(articles[0]?.text).toContain('Buses left Talbiseh on Friday')
  })

  it('keeps such a line when it stands in two articles only', () => {
    const page = (town: string) =>
      `Fighters leave ${town}\n\nBuses left ${town} on Friday.\n\nA short line here.\n`
    const { articles } = loadCorpus(tempCorpus({ 'a.txt': page('Talbiseh'), 'b.txt': page('Rastan') }))
    expect(articles[0]?.text).toContain('A short line here.')
  })

  it("reads an ambiguous date in the order its publisher's other pages show", () => {
    const page = (date: string, town: string) =>
      `Fighters leave ${town}\n\nBy Sam Example | The Courier\n${date}\n\nBuses left ${town} on Friday.\n`
    const { articles } = loadCorpus(
      tempCorpus({ 'a.txt': page('19/12/2016', 'Talbiseh'), 'b.txt': page('03/05/2017', 'Rastan') }),
    )
    const b = articles.find((a) => a.id === 'b')
    expect(b?.date).toBe('2017-05-03')
    expect(b?.meta.dateWarning).toBeUndefined()
  })

  it('reads a page in Arabic: the masthead over the menu is the publisher, the dateline gives the date', () => {
    const page = [
      'صحيفة المثال',
      'الرئيسية | سوريا | المنطقة | العالم',
      'عاجل: خبر في الشريط',
      '',
      'اتفاق لخروج المقاتلين من البلدة',
      '',
      'بيروت - 16 آب/أغسطس 2015',
      '',
      'أعلنت اللجنة التوصل إلى اتفاق يقضي بخروج المقاتلين من البلدة.',
      '',
      'شارك الخبر: فيسبوك | تويتر',
    ].join('\n')
    expect(readPlainText(page)).toMatchObject({
      title: 'اتفاق لخروج المقاتلين من البلدة',
      source: 'صحيفة المثال',
      date: '2015-08-16',
      text: 'أعلنت اللجنة التوصل إلى اتفاق يقضي بخروج المقاتلين من البلدة.',
    })
  })
})
