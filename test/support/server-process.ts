// The compiled server (`policylens serve`) as a child process, as an operator runs it: tests that
// must see the process survive (or die) talk to it over HTTP and read its peak memory from /proc.
import { readFileSync } from 'node:fs';
import { compiled, startNode, stopChild, type Child } from '../../scripts/lib/processes.js';
import { waitFor } from './runtime.js';

export interface ServerProcess {
  child: Child;
  url: string;
  pid: number;
  alive(): boolean;
  /** Peak resident memory of the server process so far, in MB (VmHWM). */
  peakRssMb(): number;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts the compiled server in the default mode (SQLite under DATA_DIR, analysis in-process):
 * REDIS_URL and DATABASE_URL of the test run's environment (CI sets them) are not passed on.
 */
export async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const defaults = { PORT: '0', SEED_CORPUS: 'false', LOG_LEVEL: 'info', REDIS_URL: undefined, DATABASE_URL: undefined };
  const child = startNode([compiled('src/cli/main.js'), 'serve'], { ...defaults, ...env });
  const url = await waitFor(
    'the server to listen',
    async () => {
      if (child.process.exitCode !== null || child.process.signalCode !== null) throw new Error(`the server exited:\n${child.output()}`);
      return /"url":"(http:[^"]+)"[^\n]*PolicyLens is listening/.exec(child.output())?.[1];
    },
    60_000,
  );
  const pid = child.process.pid!;
  return {
    child,
    url,
    pid,
    alive: () => child.process.exitCode === null && child.process.signalCode === null,
    peakRssMb: () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024,
    stop: (signal = 'SIGTERM') => stopChild(child, signal),
  };
}

/** Signs in the server's log that something escaped every handler. */
export const UNCAUGHT = /uncaught|unhandled|RangeError|FATAL ERROR/i;
