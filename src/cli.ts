// The command line: the same commands as the bot, as text or JSON (`--json`).
import { runCli } from './cli/run.ts'

process.exitCode = runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  env: process.env,
  isTTY: Boolean(process.stdout.isTTY),
})
