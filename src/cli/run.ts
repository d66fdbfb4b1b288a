import { writeFileSync } from 'node:fs'
import { commands, findCommand } from '../commands/index.ts'
import type { Command } from '../commands/types.ts'
import { AliasesError } from '../extract/aliases.ts'
import { CorpusError, DEFAULT_CORPUS, openKnowledgeBase } from '../knowledge/open.ts'
import { renderMarkdown } from '../render/markdown.ts'
import { renderText } from '../render/text.ts'
import { plural } from '../render/words.ts'
import { parseLine, UsageError } from './parse-args.ts'

export interface CliIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  /** CORPUS_PATH and MUSALAHA_CACHE_DIR are read from here, not from process.env. */
  env?: Record<string, string | undefined>
  /** Terminal niceties: bold highlights, a progress bar while the index builds. */
  isTTY?: boolean
}

const PROGRAM = 'npm run cli --'

function usage(): string {
  const lines = [
    `Usage: ${PROGRAM} <command> [arguments] [--format text|markdown|json] [--corpus PATH]`,
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(10)}${c.description}`),
    '',
    `${PROGRAM} help lists them with the corpus loaded; ${PROGRAM} <command> --help shows a command's own options (--limit where it applies).`,
    '',
    'Options:',
    '  --format F        text (default), markdown (to paste, with footnote citations) or json',
    '  --json            the same as --format json: one JSON object',
    '  --out FILE.png    timeline only: write the picture there',
    '  --corpus PATH     a corpus folder, or one .jsonl/.csv file (default: corpus/ or $CORPUS_PATH)',
    '  --columns F=C,…   which CSV/JSONL column holds which field, e.g. text=article_content,title=article_title',
    '  --no-cache        build the index anew, without reading or writing the cache',
    '  --help            this text, or a command’s own: <command> --help',
    '',
    'Examples:',
    ...commands.flatMap((c) => c.examples.slice(0, 1).map((e) => `  ${PROGRAM} ${e}`)),
  ]
  return `${lines.join('\n')}\n`
}

function commandUsage(c: Command): string {
  const args = c.options
    .filter((o) => o.positional)
    .map((o) => (o.required ? `<${o.name}>` : `[${o.name}]`))
    .join(' ')
  const lines = [`Usage: ${PROGRAM} ${c.name} ${args} [options]`, '', c.description, '']
  for (const o of c.options)
    lines.push(
      `  ${(o.positional ? o.name : `--${o.name}`).padEnd(14)}${o.description}${o.required ? ' (required)' : ''}`,
    )
  lines.push('', 'Examples:', ...c.examples.map((e) => `  ${PROGRAM} ${e}`))
  return `${lines.join('\n')}\n`
}

/**
 * Runs one command line and returns the exit status: 0 when the command ran (found or not),
 * 2 for a usage error, 1 for a failure. Never touches process: tests pass their own io. Only a
 * picture to write (`--out`) makes it asynchronous: the status then comes as a promise.
 */
export function runCli(argv: readonly string[], io: CliIo): number | Promise<number> {
  let parsed: ReturnType<typeof parseLine>
  try {
    parsed = parseLine(argv, findCommand)
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`musalaha: ${e.message}\n`)
      return 2
    }
    throw e
  }
  const { command: name, flags, raw } = parsed
  if (name === null) {
    ;(flags.help ? io.stdout : io.stderr)(usage())
    return flags.help ? 0 : 2
  }
  const command = findCommand(name)
  if (!command) {
    io.stderr(`musalaha: unknown command '${name}' (commands: ${commands.map((c) => c.name).join(', ')})\n`)
    return 2
  }
  if (flags.help) {
    io.stdout(commandUsage(command))
    return 0
  }
  const args = command.parse(raw)
  if (!args.ok) {
    io.stderr(`musalaha ${command.name}: ${args.message} (see: ${PROGRAM} ${command.name} --help)\n`)
    return 2
  }
  const env = io.env ?? {}
  const corpusPath = flags.corpus ?? env.CORPUS_PATH ?? DEFAULT_CORPUS
  try {
    const { kb } = openKnowledgeBase({
      corpusPath,
      ...(flags.noCache || env.MUSALAHA_CACHE_DIR === 'none'
        ? { cacheDir: null }
        : env.MUSALAHA_CACHE_DIR
          ? { cacheDir: env.MUSALAHA_CACHE_DIR }
          : {}),
      ...(flags.columns ? { columns: flags.columns } : {}),
      ...(io.isTTY ? { onProgress: progressBar(io.stderr) } : {}),
    })
    const answer = command.run(kb, args.args)
    const notice = skippedNotice(kb.skipped)
    if (notice && command.name !== 'about')
      io.stderr(`${notice}
`)
    if (flags.format === 'json')
      io.stdout(`${JSON.stringify(answer, null, 2)}
`)
    else {
      const p = command.present(answer, kb)
      const shown = {
        ...p,
        footer: p.footer ?? `${plural(kb.articles.size, 'article')}, ${plural(kb.passages.size, 'passage')}`,
      }
      io.stdout(
        flags.format === 'markdown' ? renderMarkdown(shown) : renderText(shown, { color: io.isTTY ?? false }),
      )
    }
    // Drawing loads the chart libraries and is asynchronous: only a run with --out waits for it.
    const { out } = flags
    if (out && command.picture)
      return command.picture(answer, kb).then(
        (png) => {
          if (png) writeFileSync(out, png)
          io.stderr(png ? `Wrote ${out}\n` : `musalaha: nothing to draw, ${out} not written\n`)
          return 0
        },
        (e: Error) => {
          io.stderr(`musalaha: could not draw ${out}: ${e.message}\n`)
          return 1
        },
      )
    return 0
  } catch (e) {
    if (e instanceof CorpusError || e instanceof AliasesError) {
      io.stderr(`musalaha: ${e.message}\n`)
      return e instanceof CorpusError ? 2 : 1
    }
    io.stderr(`musalaha: ${(e as Error).stack ?? String(e)}\n`)
    return 1
  }
}

/**
 * One line for the files that could not be used (rows of one file count once), or null: said on
 * every command, so that a skipped file is never silent; `about` lists them with their reasons.
 */
export function skippedNotice(skipped: readonly { file: string }[]): string | null {
  const files = new Set(skipped.map((s) => s.file.replace(/:\d+$/, '')))
  if (files.size === 0) return null
  return `${files.size} file${files.size === 1 ? '' : 's'} skipped — see \`about\``
}

/** A progress bar on standard error while a large corpus is indexed. */
export function progressBar(write: (s: string) => void): (done: number, total: number) => void {
  let last = -1
  return (done, total) => {
    if (total < 200) return
    const pct = Math.floor((done / total) * 100)
    if (pct === last) return
    last = pct
    const filled = Math.round(pct / 4)
    write(
      `\rIndexing ${'█'.repeat(filled)}${'░'.repeat(25 - filled)} ${pct}% (${done}/${total} articles)${done === total ? '\n' : ''}`,
    )
  }
}
