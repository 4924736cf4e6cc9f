// Progress of a long CLI command on stderr. On a terminal: a bar, with log lines printed above it
// (never into it). Otherwise (output piped or redirected, as scripts and CI run it): a plain line
// now and then, which a log file keeps readable.
import cliProgress from 'cli-progress';
import type { LogDestination } from '../logger.js';

/** Plain progress lines at most this often (and at the end). */
const PLAIN_EVERY_MS = 2000;

export interface Progress {
  /** Where the command's log lines go while the progress shows. */
  readonly log: LogDestination;
  increment(): void;
  stage(name: string): void;
  stop(): void;
}

export function startProgress(label: string, total: number, interactive = Boolean(process.stderr.isTTY && process.stdout.isTTY)): Progress {
  return interactive ? barProgress(label, total) : plainProgress(label, total);
}

function barProgress(label: string, total: number): Progress {
  const bars = new cliProgress.MultiBar(
    { format: `${label} [{bar}] {value}/{total} {stage}`, stream: process.stderr, hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  const bar = bars.create(total, 0, { stage: '' });
  return {
    log: { write: (line) => bars.log(line.endsWith('\n') ? line : `${line}\n`) },
    increment: () => bar.increment(),
    stage: (stage) => bar.update({ stage }),
    stop: () => bars.stop(),
  };
}

function plainProgress(label: string, total: number): Progress {
  let done = 0;
  let stage = '';
  let printedAt = 0;
  const print = (force = false) => {
    if (!force && Date.now() - printedAt < PLAIN_EVERY_MS) return;
    printedAt = Date.now();
    process.stderr.write(`${label}: ${done}/${total}${stage ? ` ${stage}` : ''}\n`);
  };
  return {
    log: { write: (line) => process.stderr.write(line) },
    increment: () => {
      done++;
      print(done === total);
    },
    stage: (name) => {
      stage = name;
      print(true);
    },
    stop: () => {},
  };
}
