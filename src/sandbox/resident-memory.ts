// The resident memory of a process and the programs it started, read from /proc: unlike a heap
// limit, it counts what native code allocates (pdf.js's typed arrays, the canvas, tesseract).
import { readFileSync, readdirSync } from 'node:fs';

/** Whether this system lets us read other processes' memory (Linux /proc). */
export const canMeasureProcesses = (() => {
  try {
    readFileSync('/proc/self/status');
    return true;
  } catch {
    return false;
  }
})();

/** Resident MB of `pid` and its children (one level: the analysis starts tesseract directly); 0 once gone. */
export function residentMb(pid: number): number {
  let kb = residentKb(pid);
  for (const child of childrenOf(pid)) kb += residentKb(child);
  return kb / 1024;
}

function residentKb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((tid) =>
      readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').split(' ').filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

/**
 * Samples `pid`'s resident memory every `everyMs` and calls `over` (once) when it exceeds `limitMb`.
 * Sampling can miss a short peak between two samples; the kill comes within one interval of the
 * limit being crossed, so the overshoot is what the process allocates in that time.
 */
export function watchResidentMemory(pid: number, limitMb: number, over: (mb: number) => void, everyMs = 50): { stop(): void } {
  const timer = setInterval(() => {
    const mb = residentMb(pid);
    if (mb > limitMb) {
      clearInterval(timer);
      over(Math.round(mb));
    }
  }, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
