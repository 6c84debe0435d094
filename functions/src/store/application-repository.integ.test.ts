import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { application, idempotency, stepped, submitAudit } from '../testing/application-data';
import { startTestTable, type TestTable } from '../testing/dynalite-harness';
import { brnOf } from '../testing/fixtures';

let t: TestTable;
beforeAll(async () => {
  t = await startTestTable();
});
afterAll(() => t.stop());

const at = (minute: number) => `2026-12-03T01:${String(minute).padStart(2, '0')}:00.000Z`;

describe('application repository on dynalite', () => {
  it('creates all or nothing: an active application for one program stops the whole request', async () => {
    const brn = brnOf(11);
    const a = application('app-int-000000000001', { brn, programId: 'q1' });
    await t.repos.applications.create({
      applications: [a],
      idempotency: idempotency('k-1', [a.id]),
      audit: [submitAudit(a)],
    });

    const b = application('app-int-000000000002', { brn, programId: 'q2' });
    const again = application('app-int-000000000003', { brn, programId: 'q1' });
    await expect(
      t.repos.applications.create({
        applications: [b, again],
        idempotency: idempotency('k-2', [b.id, again.id]),
        audit: [submitAudit(b), submitAudit(again)],
      }),
    ).rejects.toMatchObject({ code: 'ALREADY_APPLIED', details: { programIds: ['q1'] } });

    expect(await t.repos.applications.get(b.id)).toBeUndefined();
    expect(await t.repos.applications.activeId(brn, 'q2')).toBeUndefined();
    expect(await t.repos.applications.getIdempotency('owner-1', 'k-2')).toBeUndefined();
    expect(await t.repos.audit.list('application', b.id)).toEqual([]);
    expect(await t.repos.applications.activeId(brn, 'q1')).toBe(a.id);
    expect((await t.repos.applications.getIdempotency('owner-1', 'k-1'))?.applicationIds).toEqual([a.id]);
  });

  it('moves only from the version and status read, audits each step, and frees the program when finished', async () => {
    const brn = brnOf(12);
    const a = application('app-int-000000000010', { brn, programId: 'q3' });
    await t.repos.applications.create({
      applications: [a],
      idempotency: idempotency('k-10', [a.id]),
      audit: [submitAudit(a)],
    });
    const audit = { ...submitAudit(a), action: 'application.withdraw' };

    const withdrawn = stepped(a, 'withdrawn');
    await t.repos.applications.transition({
      next: withdrawn,
      expectedVersion: 1,
      from: 'submitted',
      releaseGuard: true,
      audit,
    });
    await expect(
      t.repos.applications.transition({
        next: stepped(a, 'in-review'),
        expectedVersion: 1,
        from: 'submitted',
        releaseGuard: false,
        audit,
      }),
    ).rejects.toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });

    expect(await t.repos.applications.get(a.id)).toEqual(withdrawn);
    expect(await t.repos.audit.list('application', a.id)).toHaveLength(2);
    expect(await t.repos.applications.activeId(brn, 'q3')).toBeUndefined();
    expect(
      (await t.repos.applications.listByProgram('q3', { status: 'withdrawn' })).items.map((x) => x.id),
    ).toEqual([a.id]);
    expect((await t.repos.applications.listByProgram('q3', { status: 'submitted' })).items).toEqual([]);
  });

  it('pages a program queue newest first, by status and 시도, and counts per status', async () => {
    const apps = Array.from({ length: 7 }, (_, i) =>
      application(`app-int-0000000001${i}0`, {
        brn: brnOf(100 + i),
        programId: 'q4',
        submittedAt: at(i),
        sido: i % 2 === 0 ? '11' : '26',
      }),
    );
    for (const a of apps)
      await t.repos.applications.create({
        applications: [a],
        idempotency: idempotency(`k-q4-${a.id}`, [a.id]),
        audit: [],
      });
    await t.repos.applications.transition({
      next: stepped(apps[0]!, 'in-review'),
      expectedVersion: 1,
      from: 'submitted',
      releaseGuard: false,
      audit: submitAudit(apps[0]!),
    });

    const first = await t.repos.applications.listByProgram('q4', { limit: 3 });
    const second = await t.repos.applications.listByProgram('q4', { limit: 3, cursor: first.cursor });
    const third = await t.repos.applications.listByProgram('q4', { limit: 3, cursor: second.cursor });
    expect([...first.items, ...second.items, ...third.items].map((a) => a.submittedAt)).toEqual(
      apps.map((a) => a.submittedAt).reverse(),
    );
    const seoul = await t.repos.applications.listByProgram('q4', { status: 'submitted', sido: '11' });
    expect(seoul.items.map((a) => a.submittedAt)).toEqual([at(6), at(4), at(2)]);
    expect(await t.repos.applications.countByStatus('q4')).toMatchObject({
      submitted: 6,
      'in-review': 1,
      approved: 0,
    });
    expect((await t.repos.applications.listByBusiness(brnOf(103))).items.map((a) => a.id)).toEqual([
      apps[3]!.id,
    ]);
  });
});
