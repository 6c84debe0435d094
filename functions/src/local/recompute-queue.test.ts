import { describe, expect, it } from 'vitest';
import { createRecomputeQueue } from './recompute-queue';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('createRecomputeQueue', () => {
  it('runs one recompute at a time and folds requests made meanwhile into one follow-up run', async () => {
    const calls: string[][] = [];
    const gates = [deferred(), deferred()];
    let active = 0;
    let maxActive = 0;
    const queue = createRecomputeQueue(async (reasons) => {
      active++;
      maxActive = Math.max(maxActive, active);
      calls.push(reasons);
      await gates[calls.length - 1]?.promise;
      active--;
    });

    queue.request({ reason: 'publish p1' });
    await new Promise((r) => setTimeout(r, 0));
    queue.request({ reason: 'close p2' });
    queue.request({ reason: 'disaster d1' });
    expect(queue.running).toBe(true);
    gates[0]!.resolve();
    gates[1]!.resolve();
    await queue.idle();

    expect(calls).toEqual([['publish p1'], ['close p2', 'disaster d1']]);
    expect(maxActive).toBe(1);
    expect(queue.running).toBe(false);
  });

  it('folds requests made in the same tick into one run', async () => {
    const calls: string[][] = [];
    const queue = createRecomputeQueue(async (reasons) => {
      calls.push(reasons);
    });

    queue.request({ reason: 'a' });
    queue.request({ reason: 'b' });
    await queue.idle();

    expect(calls).toEqual([['a', 'b']]);
  });

  it('reports a failed run and keeps serving later requests', async () => {
    const errors: unknown[] = [];
    let n = 0;
    const queue = createRecomputeQueue(
      async () => {
        n++;
        if (n === 1) throw new Error('boom');
        return n;
      },
      { onError: (e) => errors.push(e) },
    );

    queue.request({ reason: 'a' });
    await queue.idle();
    queue.request({ reason: 'b' });
    await queue.idle();

    expect(errors).toHaveLength(1);
    expect(n).toBe(2);
  });
});
