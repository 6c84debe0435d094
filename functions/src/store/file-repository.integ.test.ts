import type { StoredFile } from '@sbiz24/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTable, type TestTable } from '../testing/dynalite-harness';

let t: TestTable;
beforeAll(async () => {
  t = await startTestTable();
});
afterAll(() => t.stop());

const pending = (id: string): StoredFile => ({
  id,
  ownerId: 'owner-1',
  name: '사업계획서.pdf',
  type: 'application/pdf',
  size: 2048,
  status: 'pending',
  createdAt: '2026-12-03T01:00:00.000Z',
});

describe('file repository on dynalite', () => {
  it('records a pending upload and marks it ready with what the check found', async () => {
    await t.repos.files.create(pending('file-aaaa-0001'));
    expect(await t.repos.files.get('file-aaaa-0001')).toEqual(pending('file-aaaa-0001'));

    const ready = await t.repos.files.markReady('file-aaaa-0001', {
      type: 'image/png',
      size: 1500,
      sha256: 'b'.repeat(64),
    });

    expect(ready).toEqual({
      ...pending('file-aaaa-0001'),
      type: 'image/png',
      size: 1500,
      sha256: 'b'.repeat(64),
      status: 'ready',
    });
    expect(await t.repos.files.get('file-aaaa-0001')).toEqual(ready);
  });

  it('refuses a second record with the same id and keeps the first', async () => {
    await t.repos.files.create(pending('file-aaaa-0002'));
    await expect(
      t.repos.files.create({ ...pending('file-aaaa-0002'), ownerId: 'owner-2' }),
    ).rejects.toMatchObject({
      code: 'ALREADY_EXISTS',
    });
    expect((await t.repos.files.get('file-aaaa-0002'))?.ownerId).toBe('owner-1');
  });

  it('marks a file ready once: a second check conflicts, an unknown file is not found', async () => {
    await t.repos.files.create(pending('file-aaaa-0003'));
    const checked = { type: 'application/pdf' as const, size: 10, sha256: 'c'.repeat(64) };
    await t.repos.files.markReady('file-aaaa-0003', checked);

    await expect(t.repos.files.markReady('file-aaaa-0003', { ...checked, size: 11 })).rejects.toMatchObject({
      code: 'FILE_ALREADY_READY',
    });
    expect((await t.repos.files.get('file-aaaa-0003'))?.size).toBe(10);
    await expect(t.repos.files.markReady('file-none-0000', checked)).rejects.toMatchObject({
      code: 'FILE_NOT_FOUND',
    });
  });
});
