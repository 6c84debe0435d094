import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FsBlobStore } from './blob-store';

let root: string | undefined;
afterEach(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('blobs in a folder', () => {
  it('removes the folders a delete leaves empty, up to the root, and keeps those still holding blobs', async () => {
    root = await mkdtemp(join(tmpdir(), 'sbiz24-blobs-'));
    const blobs = new FsBlobStore(root);
    const bytes = new Uint8Array([1, 2, 3]);
    await blobs.put('runs/r1/pages/seg-00000/page-000000.snap', bytes);
    await blobs.put('runs/r1/pages/seg-00001/page-000000.snap', bytes);
    await blobs.put('runs/r1/seg-00000.snap', bytes);

    await blobs.delete('runs/r1/pages/seg-00000/page-000000.snap');
    expect(await readdir(join(root, 'runs/r1/pages'))).toEqual(['seg-00001']);

    await blobs.delete('runs/r1/pages/seg-00001/page-000000.snap');
    expect(await readdir(join(root, 'runs/r1'))).toEqual(['seg-00000.snap']);

    await blobs.delete('runs/r1/seg-00000.snap');
    expect(await readdir(root)).toEqual([]);
    expect(await blobs.list('')).toEqual([]);
  });
});
