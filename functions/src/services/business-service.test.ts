import { describe, expect, it } from 'vitest';
import { createMemoryRepositories } from '../testing/memory-repositories';
import { brnOf, newBusiness } from '../testing/store-data';
import { createBusinessService } from './business-service';
import type { Caller } from './types';

const kim: Caller = { sub: 'owner-kim', name: '김하늘', role: 'owner' };
const park: Caller = { sub: 'owner-park', name: '박준호', role: 'owner' };
const claimOf = (i: number) => ({ brn: brnOf(i), representativeName: '김소상', openingDate: '2021-03-15' });

describe('claiming a business', () => {
  it('gives the business to the owner in both tabs when the same owner claims twice at once', async () => {
    const repos = createMemoryRepositories();
    await repos.businesses.create(newBusiness(1));
    const service = createBusinessService({ repos, clock: () => new Date('2026-12-03T00:00:00Z') });

    const [a, b] = await Promise.all([service.claim(kim, claimOf(1)), service.claim(kim, claimOf(1))]);

    expect(a.brn).toBe(brnOf(1));
    expect(b.brn).toBe(brnOf(1));
    expect((await repos.businesses.get(brnOf(1)))?.ownerId).toBe('owner-kim');
    expect(await repos.audit.list('business', brnOf(1))).toHaveLength(1);
  });

  it('still refuses the loser of a race with another owner, with 409 ALREADY_CLAIMED', async () => {
    const repos = createMemoryRepositories();
    await repos.businesses.create(newBusiness(2));
    const service = createBusinessService({ repos, clock: () => new Date('2026-12-03T00:00:00Z') });

    const results = await Promise.allSettled([
      service.claim(kim, claimOf(2)),
      service.claim(park, claimOf(2)),
    ]);

    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ code: 'ALREADY_CLAIMED' });
  });
});
