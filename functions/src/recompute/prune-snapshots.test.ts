import { describe, expect, it } from 'vitest';
import { MemoryBlobStore } from '../services/blob-store';
import { pruneFinishedRuns } from './prune-snapshots';

describe('pruneFinishedRuns', () => {
  it('removes finished runs except the one kept, and leaves runs still in progress', async () => {
    const blobs = new MemoryBlobStore();
    const bytes = new Uint8Array([1]);
    for (const key of [
      'runs/old/seg-00000.snap',
      'runs/old/manifest.json',
      'runs/current/seg-00000.snap',
      'runs/current/manifest.json',
      'runs/running/pages/seg-00000/page-000000.snap',
      'latest.json',
    ])
      await blobs.put(key, bytes);

    const removed = await pruneFinishedRuns(blobs, 'current');

    expect(removed).toEqual(['old']);
    expect(await blobs.list('')).toEqual([
      'latest.json',
      'runs/current/manifest.json',
      'runs/current/seg-00000.snap',
      'runs/running/pages/seg-00000/page-000000.snap',
    ]);
  });
});
