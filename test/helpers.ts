import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'
import { runCli } from '../src/cli/run.ts'
import type { KnowledgeBase } from '../src/knowledge/knowledge-base.ts'
import { DEFAULT_CORPUS, openKnowledgeBase } from '../src/knowledge/open.ts'

/** The seed corpus, built without the cache. */
export function seedKnowledgeBase(): KnowledgeBase {
  return openKnowledgeBase({ corpusPath: DEFAULT_CORPUS, cacheDir: null }).kb
}

/** A knowledge base from files written to a temporary folder (name → content). */
export function knowledgeBaseOf(files: Record<string, string | Uint8Array>): KnowledgeBase {
  return openKnowledgeBase({ corpusPath: tempCorpus(files), cacheDir: null }).kb
}

const made: string[] = []
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A temporary folder holding the files; removed after the test file. */
export function tempCorpus(files: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'musalaha-test-'))
  made.push(dir)
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content)
  return dir
}

/** Whitespace-flattened, for verbatim checks that ignore line breaks. */
export const flat = (s: string) => s.replace(/\s+/g, ' ').trim()

/** True when every '…'-separated piece of a quote stands verbatim in the text. */
export function isVerbatim(quote: string, text: string): boolean {
  const hay = flat(text)
  return quote
    .split('…')
    .map(flat)
    .filter(Boolean)
    .every((piece) => hay.includes(piece))
}

/** Runs the command line in this process (no cache on disk): its exit status and what it printed. */
export function cli(...argv: string[]) {
  let stdout = ''
  let stderr = ''
  const code = runCli(argv, {
    stdout: (s) => {
      stdout += s
    },
    stderr: (s) => {
      stderr += s
    },
    env: { MUSALAHA_CACHE_DIR: 'none' },
  })
  return { code, stdout, stderr, json: () => JSON.parse(stdout) }
}

/** Runs a program to its end in a child process: its exit status and what it printed. */
export function runProcess(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(command, args, options)
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('close', (code) => done({ code, stdout, stderr }))
  })
}
