import { parseLine } from '../cli/parse-args.ts'
import { findCommand } from '../commands/index.ts'
import { AliasesError } from '../extract/aliases.ts'
import { CorpusError, DEFAULT_CORPUS, providePreloaded } from '../knowledge/open.ts'
import { openFromDatabase } from './open-store.ts'

/**
 * The command line with DATABASE_URL set: before the (synchronous) command runs, the corpus it
 * names is opened through PostgreSQL (indexed there first when missing or stale) and handed to
 * it, so that every command works unchanged. Without DATABASE_URL, or with --no-cache, nothing
 * happens. A line it can't parse, or a corpus that is missing, is left to the command line to
 * report; a database that can't be reached is reported here (exit 1).
 */
export async function prepareCliStore(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  io: { stderr: (s: string) => void; isTTY: boolean; exit: (code: number) => never },
): Promise<void> {
  const databaseUrl = env.DATABASE_URL?.trim()
  if (!databaseUrl) return
  let parsed: ReturnType<typeof parseLine>
  try {
    parsed = parseLine(argv, findCommand)
  } catch {
    return
  }
  const { command, flags } = parsed
  if (!command || command === 'help' || flags.help || flags.noCache || !findCommand(command)) return
  const options = {
    corpusPath: flags.corpus ?? env.CORPUS_PATH ?? DEFAULT_CORPUS,
    ...(env.MUSALAHA_CACHE_DIR === 'none' ? { cacheDir: null } : {}),
    ...(env.MUSALAHA_CACHE_DIR && env.MUSALAHA_CACHE_DIR !== 'none'
      ? { cacheDir: env.MUSALAHA_CACHE_DIR }
      : {}),
    ...(flags.columns ? { columns: flags.columns } : {}),
  }
  try {
    const opened = await openFromDatabase({
      ...options,
      databaseUrl,
      ...(io.isTTY
        ? {
            onIndexProgress: ({ table, done, total }) =>
              io.stderr(`\rIndexing into PostgreSQL: ${table} ${done}/${total}${done === total ? '\n' : ''}`),
          }
        : {}),
    })
    providePreloaded(options, opened.kb)
  } catch (e) {
    if (e instanceof CorpusError || e instanceof AliasesError) return
    io.stderr(`musalaha: PostgreSQL (DATABASE_URL): ${(e as Error).message}\n`)
    io.exit(1)
  }
}
