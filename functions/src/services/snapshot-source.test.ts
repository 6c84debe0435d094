import { describe, expect, it } from 'vitest';
import { writeFinishedRun } from '../testing/finished-run';
import { MemoryRunRepository } from '../testing/memory-run-repository';
import { MemoryBlobStore } from './blob-store';
import { segmentPartKey } from './snapshot-keys';
import { createSnapshotSource } from './snapshot-source';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (parts: Uint8Array[]) => parts.map((p) => new TextDecoder().decode(p)).join('|');

function finishedRun(
  blobs: MemoryBlobStore,
  runs: MemoryRunRepository,
  runId: string,
  at: string,
  payload: string,
) {
  return writeFinishedRun(blobs, runs, { runId, asOf: '2025-03-01', at, part: enc(payload), rows: 3 });
}

describe('createSnapshotSource', () => {
  it('has nothing before the first run finished', async () => {
    const source = createSnapshotSource(new MemoryBlobStore(), dec, { clock: () => new Date() });

    expect(await source.current()).toBeUndefined();
  });

  it('loads the latest run once and serves it from memory until the check interval passes', async () => {
    const blobs = new MemoryBlobStore();
    const runs = new MemoryRunRepository();
    await finishedRun(blobs, runs, 'r1', '2025-03-01T00:00:00Z', 'one');
    let now = Date.parse('2025-03-01T01:00:00Z');
    let decodes = 0;
    const source = createSnapshotSource(
      blobs,
      (p) => {
        decodes++;
        return dec(p);
      },
      { clock: () => new Date(now), checkIntervalMs: 1000 },
    );

    const first = await source.current();
    await finishedRun(blobs, runs, 'r2', '2025-03-01T00:30:00Z', 'two');
    const cached = await source.current();
    now += 2000;
    const refreshed = await source.current();
    const again = await source.current();

    expect(first).toMatchObject({
      snapshot: 'one',
      runId: 'r1',
      rows: 3,
      snapshotAt: '2025-03-01T00:00:00.000Z',
    });
    expect(cached?.snapshot).toBe('one');
    expect(refreshed?.snapshot).toBe('two');
    expect(again?.snapshot).toBe('two');
    expect(decodes).toBe(2);
  });

  it('keeps serving the loaded snapshot when a refresh fails', async () => {
    const blobs = new MemoryBlobStore();
    const runs = new MemoryRunRepository();
    await finishedRun(blobs, runs, 'r1', '2025-03-01T00:00:00Z', 'one');
    let now = 0;
    const source = createSnapshotSource(blobs, dec, { clock: () => new Date(now), checkIntervalMs: 10 });
    await source.current();
    await finishedRun(blobs, runs, 'r2', '2025-03-01T00:30:00Z', 'two');
    await blobs.delete(segmentPartKey('r2', 0));
    now = 100;

    expect((await source.current())?.snapshot).toBe('one');
  });
});
