import { describe, expect, it } from 'vitest'
import { cli, isVerbatim, tempCorpus } from '../helpers.ts'

describe('the command line', () => {
  it('prints the JSON contract with --json', () => {
    const r = cli('search', 'military', 'police', '--json', '--limit', '2')
    expect(r.code).toBe(0)
    const answer = r.json()
    expect(answer).toMatchObject({ command: 'search', query: 'military police' })
    expect(answer.results).toHaveLength(2)
    for (const res of answer.results) {
      expect(Object.keys(res.citation).sort()).toEqual([
        'article',
        'author',
        'date',
        'paragraph',
        'quote',
        'source',
        'title',
        'url',
      ])
      expect(typeof res.score).toBe('number')
      expect(res.snippet).toContain('**')
    }
  })

  it('prints readable text with numbered citations', () => {
    const r = cli('search', 'Astana')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^Search: “Astana”/)
    expect(r.stdout).toContain('[1]')
    expect(r.stdout).toContain('Sources')
    expect(r.stdout).toContain(
      'Displacement or Death: Russia Offers Homs Rebels 10-Item Deal — The Syrian Observer, ¶23',
    )
  })

  it('exits 0 when nothing is found, and says so', () => {
    const r = cli('search', 'zzqxv')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('Nothing in the corpus matches “zzqxv”.')
    expect(cli('search', 'zzqxv', '--json').json().results).toEqual([])
  })

  it.each([
    [['nonsense'], /unknown command 'nonsense'/],
    [['search'], /search: missing query: /],
    [['search', 'x', '--limit', 'many'], /limit/],
    [['search', 'x', '--limit', '0'], /limit/],
    [['search', 'x', '--bogus'], /unknown option --bogus/],
    [['search', 'x', '--corpus'], /--corpus needs a value/],
    [['search', 'x', '--corpus', '/no/such/place'], /corpus not found: \/no\/such\/place/],
    [[], /Usage:/],
  ])('exits 2 with a one-line message for the usage error %j', (argv, message) => {
    const r = cli(...argv)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(message)
    expect(r.stdout).toBe('')
  })

  it.each(['search', 'terms', 'stance', 'ask'])('shows a flood of a query back cut short (%s)', (command) => {
    const r = cli(command, 'Rastan '.repeat(800))
    expect(r.code).toBe(0)
    const title = r.stdout.split('\n')[0] ?? ''
    expect(title.length).toBeLessThan(120)
    expect(r.stdout.length).toBeLessThan(20_000)
  })

  it('explains itself with --help', () => {
    const all = cli('--help')
    expect(all.code).toBe(0)
    for (const c of ['search', 'source', 'about']) expect(all.stdout).toContain(c)
    const one = cli('source', '--help')
    expect(one.stdout).toContain('Usage: npm run cli -- source <article> [paragraph]')
  })

  it('shows one paragraph of an article with its citation', () => {
    const answer = cli('source', '001', '8', '--json').json()
    expect(answer.article.id).toBe('001_5b4b42df90f05e6d')
    expect(answer.passages).toHaveLength(1)
    expect(answer.passages[0].citation).toMatchObject({
      paragraph: 8,
      quote: '1 – Hand over heavy weapons and some medium weapons by Thursday at 12:00 pm.',
    })
  })

  it('finds an article by its title and says when a paragraph is not there', () => {
    const answer = cli('source', 'Jaysh al-Azza Takes a Decisive Stance', '99', '--json').json()
    expect(answer.article.id).toBe('003_d69801411e19aab7')
    expect(answer.passages).toEqual([])
    expect(answer.notice).toMatch(/no paragraph 99/)
  })

  it('tells what the corpus holds', () => {
    const answer = cli('about', '--json').json()
    expect(answer).toMatchObject({
      command: 'about',
      articles: 5,
      dates: { from: '2017-07-17', to: '2018-05-03' },
      skipped: [],
    })
  })

  it('reads a corpus given as one .jsonl file, and lists what it skipped', () => {
    const dir = tempCorpus({
      'rows.jsonl':
        '{"id":"r1","title":"Deal in Daraa","text":"The deal in Daraa was signed on Friday."}\nnot json\n',
    })
    const found = cli('search', 'Daraa', '--json', '--corpus', `${dir}/rows.jsonl`).json()
    expect(found.results[0].citation).toMatchObject({ article: 'r1', title: 'Deal in Daraa', paragraph: 1 })
    expect(isVerbatim(found.results[0].citation.quote, 'The deal in Daraa was signed on Friday.')).toBe(true)
    expect(cli('search', 'Daraa', '--corpus', `${dir}/rows.jsonl`).stderr).toBe(
      '1 file skipped — see `about`\n',
    )
    const about = cli('about', '--json', '--corpus', `${dir}/rows.jsonl`).json()
    expect(about.skipped).toEqual([
      { file: 'rows.jsonl', reason: '1 row skipped (first at line 2: not valid JSON)' },
    ])
  })

  it('takes CSV column names with --columns', () => {
    const dir = tempCorpus({ 'a.csv': 'key,body\nk1,Fighters left Rastan on Sunday.\n' })
    const r = cli('search', 'Rastan', '--json', '--corpus', `${dir}/a.csv`, '--columns', 'id=key,text=body')
    expect(r.json().results[0].citation.article).toBe('k1')
    expect(cli('about', '--columns', 'nonsense').code).toBe(2)
  })
})
