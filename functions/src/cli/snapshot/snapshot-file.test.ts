import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeRow } from '@sbiz24/shared/columnar/rows';
import { buildSnapshot } from '@sbiz24/shared/columnar/snapshot';
import { generateBusinesses } from '@sbiz24/shared/synthetic/generate';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSnapshot } from './generate-parallel';
import { loadSnapshotFile, writeSnapshotFile } from './snapshot-file';

const dir = mkdtempSync(join(tmpdir(), 'snapshot-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const asOf = '2025-06-01';

describe('snapshot files', () => {
  const snapshot = buildSnapshot(generateBusinesses(5_000, { seed: 4, asOf }));

  it('writes a snapshot and loads it back, columns viewing the file buffer', async () => {
    const path = join(dir, 'a.bin');
    const written = await writeSnapshotFile(path, snapshot, { seed: 4 });
    expect(readFileSync(path).byteLength).toBe(written);
    for (const shared of [false, true]) {
      const loaded = await loadSnapshotFile(path, { shared });
      expect(loaded.snapshot.rows).toBe(5_000);
      expect(loaded.snapshot.meta).toEqual({ seed: 4 });
      expect(loaded.snapshot.cols.revenue.buffer).toBe(loaded.bytes.buffer);
      expect(loaded.bytes.buffer instanceof SharedArrayBuffer).toBe(shared);
      for (const row of [0, 1, 2_500, 4_999])
        expect(decodeRow(loaded.snapshot, row)).toEqual(decodeRow(snapshot, row));
    }
  });

  it('refuses a file whose body was corrupted on disk', async () => {
    const path = join(dir, 'b.bin');
    await writeSnapshotFile(path, snapshot);
    const bytes = readFileSync(path);
    bytes[bytes.length - 16]! ^= 0xff;
    writeFileSync(path, bytes);
    await expect(loadSnapshotFile(path)).rejects.toMatchObject({ code: 'SNAPSHOT_BODY_CHECKSUM' });
  });

  it('generates the same snapshot with one worker thread or two', async () => {
    const one = await generateSnapshot({ businesses: 3_001, seed: 2, asOf, workers: 1 });
    const two = await generateSnapshot({ businesses: 3_001, seed: 2, asOf, workers: 2 });
    const [a, b] = [join(dir, 'one.bin'), join(dir, 'two.bin')];
    await writeSnapshotFile(a, one);
    await writeSnapshotFile(b, two);
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
    const direct = buildSnapshot(generateBusinesses(3_001, { seed: 2, asOf }));
    for (const row of [0, 1_500, 1_501, 3_000]) expect(decodeRow(two, row)).toEqual(decodeRow(direct, row));
  });
});
