import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTable, type TestTable } from '../testing/dynalite-harness';
import { brnOf, newBusiness } from '../testing/store-data';
import { createBusinessService } from './business-service';
import type { Caller } from './types';

let t: TestTable;
beforeAll(async () => {
  t = await startTestTable();
});
afterAll(() => t.stop());

describe('claim races on the local DynamoDB server', () => {
  it('lets one owner claiming from several tabs at once get the business every time, audited once', async () => {
    const owner: Caller = { sub: 'owner-lee', name: '이도윤', role: 'owner' };
    await t.repos.businesses.create(newBusiness(7));
    const service = createBusinessService({ repos: t.repos, clock: () => new Date('2026-12-03T00:00:00Z') });
    const claim = { brn: brnOf(7), representativeName: '김소상', openingDate: '2021-03-15' };

    const results = await Promise.all(Array.from({ length: 4 }, () => service.claim(owner, claim)));

    expect(results.map((r) => r.brn)).toEqual(Array(4).fill(brnOf(7)));
    expect((await t.repos.businesses.get(brnOf(7)))?.ownerId).toBe('owner-lee');
    expect((await t.repos.audit.list('business', brnOf(7))).filter((e) => e.action === 'claim')).toHaveLength(
      1,
    );
  });
});
