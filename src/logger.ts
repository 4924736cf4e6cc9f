import { pino, type Logger } from 'pino';

export type { Logger };

/** JSON logs to stderr, so that CLI commands keep stdout for their results. */
export function createLogger(level: string, name = 'policylens'): Logger {
  return pino({ name, level }, pino.destination(2));
}
