import type { Program } from '@sbiz24/shared';
import type { ApplyRequest } from '@sbiz24/shared/application/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTable, type TestTable } from '../testing/dynalite-harness';
import { business, regionProgram } from '../testing/fixtures';
import { createApplicationService } from './application-service';
import { createCatalogCache } from './catalog-cache';
import type { Caller } from './types';

let t: TestTable;
beforeAll(async () => {
  t = await startTestTable();
});
afterAll(() => t.stop());

describe('application service on dynalite', () => {
  const clock = () => new Date('2026-12-03T01:00:00.000Z');
  const staff: Caller = { sub: 'staff-semas', name: '담당자', role: 'staff', agencyId: 'semas' };
  const program: Program = regionProgram('quota-fund', ['11'], <Partial<Program>>{
    title: '한도 있는 자금',
    application: { fields: [], documents: [], quota: { maxAwards: 20, budget: 1_000_000_000 } },
  });
  const excluding: Program = regionProgram('first-only', ['11'], {
    title: '첫 지원',
    rule: { type: 'not', rule: { type: 'priorSupport', programId: 'quota-fund', present: true } },
  });

  it('never over-awards under 50 parallel approvals, and each award joins the support history', async () => {
    await t.repos.programs.create(program);
    await t.repos.programs.create(excluding);
    const service = createApplicationService({
      repos: t.repos,
      clock,
      catalog: createCatalogCache({
        programs: t.repos.programs,
        disasters: t.repos.disasters,
        clock,
        ttlMs: 0,
      }),
    });
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) {
      const b = business(500 + i, '11110', `owner-q-${i}`);
      await t.repos.businesses.create(b);
      const request: ApplyRequest = { programIds: ['quota-fund'], idempotencyKey: `quota-key-${i}` };
      ids.push(
        (await service.apply({ sub: `owner-q-${i}`, name: '', role: 'owner' }, b.profile.brn, request))[0]!
          .id,
      );
    }

    const outcomes = await Promise.allSettled(
      ids.map((id) => service.decide(staff, id, { version: 1, action: 'approve', amount: 10_000_000 })),
    );

    const approved = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(approved).toHaveLength(20);
    expect(refused.map((r) => (r.reason as { code: string }).code)).toEqual(Array(30).fill('QUOTA_EXCEEDED'));
    expect(await t.repos.applications.quotaUsage('quota-fund')).toEqual({
      awards: 20,
      budgetUsed: 200_000_000,
    });
    expect(await t.repos.applications.countByStatus('quota-fund')).toMatchObject({
      approved: 20,
      submitted: 30,
    });

    const winner = approved[0] as PromiseFulfilledResult<{ brn: string; ownerId: string }>;
    const owner: Caller = { sub: winner.value.ownerId, name: '', role: 'owner' };
    expect(await service.supportHistory(owner, winner.value.brn)).toEqual([
      expect.objectContaining({ programId: 'quota-fund', source: 'portal', amount: 10_000_000, year: 2026 }),
    ]);
    await expect(
      service.apply(owner, winner.value.brn, { programIds: ['first-only'], idempotencyKey: 'after-award' }),
    ).rejects.toMatchObject({ code: 'NOT_ELIGIBLE' });
    expect((await t.repos.notifications.list(owner.sub)).items.map((n) => n.title)).toEqual(
      expect.arrayContaining(['선정되었습니다: 한도 있는 자금', '신청이 접수되었습니다: 한도 있는 자금']),
    );
  }, 60_000);
});
