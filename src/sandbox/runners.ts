// Where one analysis runs: a worker thread in this process, or a child process. The pool treats
// both alike: it sends requests, hears answers, and learns of a runner's death with the error its
// task ends with.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AnalysisError } from '../analysis/errors.js';
import { canMeasureProcesses, residentMb, watchResidentMemory } from './resident-memory.js';
import type { AnalysisRequest, AnalysisResponse, RunnerMessage, RunnerReady } from './protocol.js';

export type Isolation = 'process' | 'thread';

export interface Runner {
  send(request: AnalysisRequest): void;
  /** Stops the runner and every program it started; resolves when they are gone. */
  stop(): Promise<void>;
}

export interface RunnerHooks {
  onMessage(message: AnalysisResponse | RunnerReady): void;
  /** The runner ended without being stopped: the error its task (if any) ends with. */
  onDeath(error: AnalysisError): void;
}

// Under vitest or tsx the sources are TypeScript and need tsx's loader.
const fromSource = import.meta.url.endsWith('.ts');
const sibling = (name: string) => new URL(`./${name}.${fromSource ? 'ts' : 'js'}`, import.meta.url);

/** How long a thread being stopped is given to reap the programs killed for it. */
const REAP_WAIT_MS = 2000;

/** Waits for `done`, but no longer than REAP_WAIT_MS (a thread stuck in a loop answers nothing). */
async function withinReapWait(done: Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([done, new Promise<void>((resolve) => (timer = setTimeout(resolve, REAP_WAIT_MS)))]);
  clearTimeout(timer);
}

const tooLarge = (memoryMb: number, detail = '') => new AnalysisError('too_large', `analysis ran out of memory (limit ${memoryMb} MB${detail})`);

export function startRunner(isolation: Isolation, memoryMb: number, hooks: RunnerHooks): Runner {
  return isolation === 'process' ? startProcess(memoryMb, hooks) : startThread(memoryMb, hooks);
}

function startThread(memoryMb: number, hooks: RunnerHooks): Runner {
  const url = sibling('analysis-thread');
  const resourceLimits = { maxOldGenerationSizeMb: memoryMb };
  // Node 20 does not pass --import loaders on to worker threads: from source, the thread registers tsx.
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); });`;
  const worker = fromSource ? new Worker(bootstrap, { eval: true, resourceLimits }) : new Worker(url, { resourceLimits });
  const programs = new Set<number>();
  let programsEnded: (() => void) | undefined;
  let reportsFlushed: (() => void) | undefined;
  let stopping = false;
  let death: AnalysisError | undefined;
  worker.on('message', (message: RunnerMessage) => {
    if ('programPid' in message) {
      if (message.running) programs.add(message.programPid);
      else programs.delete(message.programPid);
      if (programs.size === 0) programsEnded?.();
    } else if ('flushed' in message) reportsFlushed?.();
    else hooks.onMessage(message);
  });
  /**
   * Kills the thread's programs and lets the thread wait for them before it is terminated: only the
   * thread that started a child can reap it, and once terminated it never will (the child would stay
   * a zombie as long as this process). The thread is idle while tesseract runs, so it reaps at once;
   * a thread stuck in a loop is given REAP_WAIT_MS.
   */
  async function endPrograms(): Promise<void> {
    // A program started a moment ago may be reported in a message not read yet: a round trip
    // through the thread makes sure every report sent before it has been read.
    await withinReapWait(new Promise<void>((resolve) => {
      reportsFlushed = resolve;
      worker.postMessage({ flush: true });
    }));
    if (programs.size === 0) return;
    const ended = new Promise<void>((resolve) => (programsEnded = resolve));
    for (const pid of programs) kill(pid);
    await withinReapWait(ended);
  }
  worker.on('error', (error: Error & { code?: string }) => {
    death = error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooLarge(memoryMb, ' of heap') : new AnalysisError('crashed', `analysis thread crashed: ${error.message}`);
  });
  const exited = new Promise<void>((resolve) =>
    worker.on('exit', () => {
      // A thread that died on its own (heap limit, crash) leaves its tesseract running: stop it here
      // (nobody can reap it now, but OCR waits on tesseract, so a thread rarely dies during one).
      for (const pid of programs) kill(pid);
      if (!stopping) hooks.onDeath(death ?? new AnalysisError('crashed', 'analysis thread exited unexpectedly'));
      resolve();
    }),
  );
  return {
    send: (request) => worker.postMessage(request),
    async stop() {
      stopping = true;
      await endPrograms();
      await worker.terminate();
      await exited;
    },
  };
}

function startProcess(memoryMb: number, hooks: RunnerHooks): Runner {
  const child = fork(fileURLToPath(sibling('analysis-process')), [], {
    execArgv: [`--max-old-space-size=${memoryMb}`, ...(fromSource ? ['--import', 'tsx'] : [])],
    serialization: 'advanced',
    // Its own process group: killing the group stops tesseract with it.
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderrTail = '';
  child.stderr!.on('data', (d: Buffer) => (stderrTail = (stderrTail + d.toString()).slice(-4096)));
  let stopping = false;
  let death: AnalysisError | undefined;
  let memory: { stop(): void } | undefined;
  child.on('message', (message: RunnerMessage) => {
    if ('programPid' in message || 'flushed' in message) return;
    // The limit counts what documents make the process allocate, over the loaded analysis (code,
    // dictionaries, lexicons: ~190 MB compiled, more under tsx), measured once it is ready.
    if ('ready' in message && child.pid !== undefined && canMeasureProcesses) {
      const loadedMb = residentMb(child.pid);
      memory = watchResidentMemory(child.pid, loadedMb + memoryMb, (mb) => {
        death = tooLarge(memoryMb, `: it grew by ${Math.round(mb - loadedMb)} MB`);
        killGroup(child.pid!);
      });
    }
    hooks.onMessage(message);
  });
  child.on('error', (error) => (death ??= new AnalysisError('crashed', `analysis process failed: ${error.message}`)));
  const exited = new Promise<void>((resolve) =>
    child.on('exit', (code, signal) => {
      memory?.stop();
      if (child.pid !== undefined) killGroup(child.pid);
      if (!stopping) hooks.onDeath(death ?? classifyExit(code, signal, stderrTail, memoryMb));
      resolve();
    }),
  );
  return {
    // Node's serializer gives a Buffer back as a Buffer; the analysis expects plain bytes.
    send: (request) => child.send({ ...request, bytes: new Uint8Array(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength) }),
    async stop() {
      stopping = true;
      if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) killGroup(child.pid);
      await exited;
    },
  };
}

/** Why a child process ended that nobody stopped. */
function classifyExit(code: number | null, signal: NodeJS.Signals | null, stderr: string, memoryMb: number): AnalysisError {
  if (/heap out of memory|Reached heap limit/.test(stderr)) return tooLarge(memoryMb, ' of heap');
  const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
  // The error Node printed before it exited, rather than its closing version line.
  const lines = stderr.trim().split('\n');
  const cause = lines.find((l) => /Error|Uncaught|Unhandled|FATAL/.test(l)) ?? lines.pop();
  return new AnalysisError('crashed', `analysis process ${how}${cause ? ` (${cause.trim()})` : ''}`);
}

function killGroup(pid: number): void {
  kill(-pid);
}

function kill(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}
