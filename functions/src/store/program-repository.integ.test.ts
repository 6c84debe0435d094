import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTable, type TestTable } from '../testing/dynalite-harness';
import { program } from '../testing/store-data';

let t: TestTable;
beforeAll(async () => {
  t = await startTestTable();
});
afterAll(() => t.stop());

describe('program repository on dynalite', () => {
  it('creates a program at version 1 and keeps that version', async () => {
    const created = await t.repos.programs.create(program('p-create', { version: 7 }));

    expect(created.version).toBe(1);
    expect(await t.repos.programs.get('p-create')).toEqual(created);
    expect(await t.repos.programs.getVersion('p-create', 1)).toEqual(created);
  });

  it('refuses a second program with the same id and keeps the first', async () => {
    const first = await t.repos.programs.create(program('p-dup'));

    await expect(t.repos.programs.create(program('p-dup', { title: '다른 사업' }))).rejects.toMatchObject({
      code: 'ALREADY_EXISTS',
    });
    expect(await t.repos.programs.get('p-dup')).toEqual(first);
  });

  it('writes each update as the current program and a kept version', async () => {
    const v1 = await t.repos.programs.create(program('p-update'));

    const v2 = await t.repos.programs.update({ ...v1, title: '두 번째 제목', version: 2 });
    const v3 = await t.repos.programs.update({ ...v2, status: 'open', version: 3 });

    expect(await t.repos.programs.get('p-update')).toEqual(v3);
    expect(await t.repos.programs.getVersion('p-update', 2)).toEqual(v2);
    expect(await t.repos.programs.listVersions('p-update')).toEqual([v1, v2, v3]);
  });

  it('rejects a stale update with VERSION_CONFLICT and writes neither the current item nor a version', async () => {
    const v1 = await t.repos.programs.create(program('p-stale'));
    const v2 = await t.repos.programs.update({ ...v1, title: '먼저 저장', version: 2 });

    const stale = t.repos.programs.update({ ...v1, title: '늦게 저장', version: 2 });
    const skipping = t.repos.programs.update({ ...v2, title: '건너뛴 버전', version: 4 });

    await expect(stale).rejects.toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });
    await expect(skipping).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
    expect(await t.repos.programs.get('p-stale')).toEqual(v2);
    expect(await t.repos.programs.listVersions('p-stale')).toEqual([v1, v2]);
  });

  it('lets exactly one of two concurrent updates of the same version win', async () => {
    const v1 = await t.repos.programs.create(program('p-race'));

    const results = await Promise.allSettled(
      ['하나', '둘', '셋'].map((title) => t.repos.programs.update({ ...v1, title, version: 2 })),
    );

    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    expect(await t.repos.programs.listVersions('p-race')).toHaveLength(2);
    expect((await t.repos.programs.get('p-race'))?.title).toBe(
      (won[0] as PromiseFulfilledResult<{ title: string }>).value.title,
    );
  });

  it('reports an update of an unknown program as not found', async () => {
    await expect(t.repos.programs.update(program('p-missing', { version: 2 }))).rejects.toMatchObject({
      code: 'PROGRAM_NOT_FOUND',
    });
    expect(await t.repos.programs.listVersions('p-missing')).toEqual([]);
  });

  it('lists versions in numeric order past version 9', async () => {
    let current = await t.repos.programs.create(program('p-many'));
    for (let v = 2; v <= 12; v++) current = await t.repos.programs.update({ ...current, version: v });

    const versions = await t.repos.programs.listVersions('p-many');

    expect(versions.map((p) => p.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });
});

describe('program listings', () => {
  let l: TestTable;
  beforeAll(async () => {
    l = await startTestTable();
    await l.repos.programs.create(program('a-open-late', { status: 'open', applyEnd: '2025-12-31' }));
    await l.repos.programs.create(program('b-open-soon', { status: 'open', applyEnd: '2025-06-30' }));
    await l.repos.programs.create(
      program('c-open-mss', { status: 'open', agencyId: 'mss', applyStart: undefined, applyEnd: undefined }),
    );
    await l.repos.programs.create(program('d-draft-mss', { agencyId: 'mss' }));
    const closing = await l.repos.programs.create(program('e-was-open', { status: 'open' }));
    await l.repos.programs.update({ ...closing, status: 'closed', version: 2 });
  });
  afterAll(() => l.stop());

  const ids = (programs: { id: string }[]) => programs.map((p) => p.id);

  it('lists a status by deadline, open-ended last', async () => {
    expect(ids(await l.repos.programs.list({ status: 'open' }))).toEqual([
      'b-open-soon',
      'a-open-late',
      'c-open-mss',
    ]);
  });

  it('moves a program between status listings when its status changes', async () => {
    expect(ids(await l.repos.programs.list({ status: 'closed' }))).toEqual(['e-was-open']);
  });

  it("lists an agency's programs of every status", async () => {
    expect(ids(await l.repos.programs.list({ agencyId: 'mss' })).sort()).toEqual([
      'c-open-mss',
      'd-draft-mss',
    ]);
  });

  it('combines status and agency', async () => {
    expect(ids(await l.repos.programs.list({ status: 'open', agencyId: 'mss' }))).toEqual(['c-open-mss']);
  });

  it('lists programs closing within a date range', async () => {
    const closing = await l.repos.programs.list({
      status: 'open',
      closingFrom: '2025-06-01',
      closingTo: '2025-06-30',
    });

    expect(ids(closing)).toEqual(['b-open-soon']);
  });

  it('lists every program without a filter', async () => {
    expect(ids(await l.repos.programs.list()).sort()).toEqual([
      'a-open-late',
      'b-open-soon',
      'c-open-mss',
      'd-draft-mss',
      'e-was-open',
    ]);
  });
});
