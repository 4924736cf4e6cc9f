// Child processes of the compiled program (the server, workers, the CLI) as an operator would run
// them, for the tests and the benchmarks alike: started, watched for output, stopped.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { projectRoot } from '../../src/paths.js';

export function compiled(relative: string): string {
  const path = join(projectRoot, 'dist', relative);
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` first (npm test does it)`);
  return path;
}

export interface Child {
  process: ChildProcess;
  pid: number;
  output(): string;
  /** Resolves with the exit code when the process has exited (rejects never). */
  exited: Promise<number | null>;
  /** Resolves when the output contains `text`; rejects when the process exits first. */
  waitFor(text: string | RegExp): Promise<void>;
}

/**
 * Starts `node <args…>` in the project root with these environment variables changed (undefined:
 * removed). `echoStderr` also passes the child's stderr (its progress lines) on to ours; `netns`
 * runs it inside that network namespace (scripts/lib/netns.ts).
 */
export function startNode(args: string[], env: Record<string, string | undefined>, options: { echoStderr?: boolean; netns?: string } = {}): Child {
  const merged: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const [name, value] of Object.entries(merged)) if (value === undefined) delete merged[name];
  // `ip netns exec` execs node in place (no fork): the child's pid is node's own.
  const command = options.netns ? ['ip', 'netns', 'exec', options.netns, process.execPath, ...args] : [process.execPath, ...args];
  const child = spawn(command[0]!, command.slice(1), { cwd: projectRoot, env: merged, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const listeners = new Set<() => void>();
  const append = (d: Buffer) => {
    output += d;
    for (const listener of listeners) listener();
  };
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);
  if (options.echoStderr) child.stderr!.pipe(process.stderr, { end: false });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitFor = (text: string | RegExp) =>
    new Promise<void>((resolve, reject) => {
      const found = () => (typeof text === 'string' ? output.includes(text) : text.test(output));
      const check = () => {
        if (!found()) return;
        listeners.delete(check);
        resolve();
      };
      listeners.add(check);
      check();
      void exited.then((code) => {
        if (!found()) reject(new Error(`process exited (${code}) before "${text}":\n${output.slice(-2000)}`));
      });
    });
  return { process: child, pid: child.pid!, output: () => output, exited, waitFor };
}

export async function stopChild(child: Child, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill(signal);
  return child.exited;
}

/** A TCP port that was free a moment ago (the server is told it explicitly, since PORT=0 is not reported). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
/** The direct children of a process (Linux /proc); none once it is gone. */
export function childPids(pid: number | 'self'): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((tid) => readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').split(' ').filter(Boolean).map(Number));
  } catch {
    return [];
  }
}

/** SIGKILLs a process's children, then the process: the whole service dies at once. */
export async function killWithChildren(child: Child): Promise<void> {
  if (child.process.pid !== undefined) {
    for (const pid of childPids(child.process.pid)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  await stopChild(child, 'SIGKILL');
}
