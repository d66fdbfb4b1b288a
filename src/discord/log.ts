import { LOG_LEVELS, type LogLevel } from '../config.ts'

export type LogFields = Record<string, string | number | boolean | null | undefined>

/** Structured logging: one JSON object a line, `{ time, level, event, ...fields }`. */
export interface Logger {
  debug(event: string, fields?: LogFields): void
  info(event: string, fields?: LogFields): void
  warn(event: string, fields?: LogFields): void
  error(event: string, fields?: LogFields): void
}

/** A logger that writes lines at `level` and above; `write` defaults to standard output. */
export function createLogger(
  level: LogLevel = 'info',
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Logger {
  const min = LOG_LEVELS.indexOf(level)
  const at =
    (l: LogLevel) =>
    (event: string, fields: LogFields = {}): void => {
      if (LOG_LEVELS.indexOf(l) < min) return
      write(JSON.stringify({ time: new Date().toISOString(), level: l, event, ...fields }))
    }
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }
}
