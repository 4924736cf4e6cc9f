// The in-process queue takes turns between uploaders: one client's thousand documents do not keep
// another client's single upload waiting behind all of them.
import { describe, expect, it } from 'vitest';
import { InProcessQueue } from '../../src/queue/in-process-queue.js';
import { silentLogger } from '../support/runtime.js';

/** A queue whose analyses end when the test says so, recording the order they started in. */
function gatedQueue(concurrency: number) {
  const started: string[] = [];
  const finish = new Map<string, () => void>();
  const queue = new InProcessQueue(
    (id) => {
      started.push(id);
      return new Promise<void>((resolve) => finish.set(id, resolve));
    },
    async () => {},
    { concurrency, attempts: 1, backoffMs: 1 },
    silentLogger(),
  );
  const release = async (id: string) => {
    finish.get(id)!();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { queue, started, release };
}

describe('in-process queue: turns between uploaders', () => {
  it("starts another uploader's document next, ahead of the rest of a long batch", async () => {
    const { queue, started, release } = gatedQueue(1);
    await queue.enqueue(['a1', 'a2', 'a3', 'a4'], 'client-a');
    await queue.enqueue(['b1'], 'client-b');
    await queue.enqueue(['c1', 'c2'], 'client-c');
    for (const id of ['a1', 'b1', 'c1', 'a2', 'c2', 'a3', 'a4']) await release(id);
    await queue.idle();
    expect(started).toEqual(['a1', 'b1', 'c1', 'a2', 'c2', 'a3', 'a4']);
  });

  it('gives a late uploader the first slot that frees while one client fills every slot', async () => {
    const { queue, started, release } = gatedQueue(2);
    await queue.enqueue(Array.from({ length: 50 }, (_, i) => `a${i}`), 'client-a');
    await queue.enqueue(['b1'], 'client-b');
    expect(started).toEqual(['a0', 'a1']);
    await release('a0');
    expect(started).toEqual(['a0', 'a1', 'b1']);
    const closing = queue.close();
    await release('a1');
    await release('b1');
    await closing;
  });

  it('keeps one line for documents without an uploader (restarts, the outbox), in order', async () => {
    const { queue, started, release } = gatedQueue(1);
    await queue.enqueue(['x1', 'x2', 'x3']);
    for (const id of ['x1', 'x2', 'x3']) await release(id);
    await queue.idle();
    expect(started).toEqual(['x1', 'x2', 'x3']);
  });
});
