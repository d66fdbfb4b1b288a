// npm run build: src/ → dist/ with the TypeScript compiler (tsconfig.build.json), then every
// file in src/ that is not TypeScript (data tables read at run time) copied beside the output.
// A script, not a shell line, so that it runs the same on every platform.
import { execFileSync } from 'node:child_process'
import { cpSync, readdirSync, rmSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'

const root = join(import.meta.dirname, '..')
const src = join(root, 'src')
const dist = resolve(root, process.argv[2] ?? 'dist')
rmSync(dist, { recursive: true, force: true })
// TypeScript 7 exports no bin path: its file is named directly.
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc')
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', dist], {
  stdio: 'inherit',
})
for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || /\.[cm]?ts$/.test(entry.name)) continue
  const from = join(entry.parentPath, entry.name)
  cpSync(from, join(dist, relative(src, from)))
}
