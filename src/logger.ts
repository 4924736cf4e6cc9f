import { pino, type Logger } from 'pino';

export type { Logger };

/** Where log lines go when not to stderr (a progress display that prints them above its bar). */
export interface LogDestination {
  write(line: string): void;
}

/** JSON logs to stderr, so that CLI commands keep stdout for their results. */
export function createLogger(level: string, name = 'policylens', destination?: LogDestination): Logger {
  return pino({ name, level }, destination ?? pino.destination(2));
}
