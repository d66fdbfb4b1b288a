import { describe, expect, it } from 'vitest'
import { createLogger, REDACTED } from '../../src/discord/log.ts'

const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.secret-token-value'

function capture(level: 'debug' | 'info' = 'info') {
  const lines: Record<string, unknown>[] = []
  const log = createLogger(level, (line) => lines.push(JSON.parse(line)), { secrets: [TOKEN] })
  return { log, lines }
}

describe('logging (pino)', () => {
  it('writes one JSON object a line: level name, ISO time, event and the fields', () => {
    const { log, lines } = capture()
    log.info('ready', { guilds: 2 })
    log.debug('hidden')
    expect(lines).toEqual([
      { level: 'info', time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), event: 'ready', guilds: 2 },
    ])
  })

  it('never writes the token: not as a field, not inside an error message or stack', () => {
    const { log, lines } = capture()
    log.error('login-failed', { token: TOKEN, error: `401 for Bot ${TOKEN}` })
    log.warn('x', { authorization: `Bot ${TOKEN}` })
    expect(JSON.stringify(lines)).not.toContain(TOKEN)
    expect(lines[0]).toMatchObject({ token: REDACTED, error: `401 for Bot ${REDACTED}` })
    expect(lines[1]).toMatchObject({ authorization: REDACTED })
  })

  it('gives child loggers (one per interaction, per shard) whose lines carry their fields', () => {
    const { log, lines } = capture()
    const shard = log.child({ shard: 1 })
    shard.child({ interaction: '123' }).info('interaction', { outcome: 'ok' })
    expect(lines[0]).toMatchObject({ shard: 1, interaction: '123', event: 'interaction', outcome: 'ok' })
  })
})
