import pino from 'pino'
import { LOG_LEVELS, type LogLevel } from '../config.ts'

export type LogFields = Record<string, string | number | boolean | null | undefined>

/** Structured logging: one JSON object a line, `{ level, time, event, ...fields }`. */
export interface Logger {
  debug(event: string, fields?: LogFields): void
  info(event: string, fields?: LogFields): void
  warn(event: string, fields?: LogFields): void
  error(event: string, fields?: LogFields): void
  /** A logger whose every line also carries `fields` (one per interaction, per shard). */
  child(fields: LogFields): Logger
}

export interface LoggerOptions {
  /**
   * Secrets (the bot token) that must never reach a log line, wherever they appear: as a field
   * value, inside an error message or a stack. Replaced in the serialised line, so no field path
   * can be forgotten.
   */
  secrets?: readonly string[]
}

export const REDACTED = '[redacted]'

/**
 * A pino logger that writes lines at `level` and above; `write` (one line, without its newline)
 * defaults to standard output. Field paths named `token` or `authorization` are censored by pino
 * itself; the `secrets` are scrubbed from the whole line as well.
 */
export function createLogger(
  level: LogLevel = 'info',
  write?: (line: string) => void,
  options: LoggerOptions = {},
): Logger {
  const secrets = (options.secrets ?? []).filter((s) => s.length >= 8)
  const stream = write
    ? { write: (line: string) => write(line.endsWith('\n') ? line.slice(0, -1) : line) }
    : pino.destination({ dest: 1, sync: true })
  const base = pino(
    {
      level: LOG_LEVELS.includes(level) ? level : 'info',
      base: null,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: ['token', 'authorization', '*.token', '*.authorization'], censor: REDACTED },
      hooks: {
        streamWrite: (line) => secrets.reduce((s, secret) => s.replaceAll(secret, REDACTED), line),
      },
    },
    stream,
  )
  return wrap(base)
}

function wrap(p: pino.Logger): Logger {
  const at =
    (l: LogLevel) =>
    (event: string, fields: LogFields = {}): void => {
      p[l]({ event, ...fields })
    }
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (fields) => wrap(p.child(fields)),
  }
}
