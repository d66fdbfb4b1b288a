// The command line: the same commands as the bot, as text or JSON (`--json`).
import { runCli } from './cli/run.ts'
import { prepareCliStore } from './store/cli-store.ts'

// A reader that stops early (`| head`) closes the pipe: that ends the output, it is no failure.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0)
  throw e
})

// With DATABASE_URL, the corpus is opened through PostgreSQL first (src/store/cli-store.ts).
await prepareCliStore(process.argv.slice(2), process.env, {
  stderr: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stderr.isTTY),
  exit: (code) => process.exit(code),
})
const status = runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  env: process.env,
  isTTY: Boolean(process.stdout.isTTY),
})
if (typeof status === 'number') process.exitCode = status
else status.then((code) => (process.exitCode = code))
