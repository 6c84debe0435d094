import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestTable, type TestTable } from '../testing/dynalite-harness';
import { DEMO_CLAIMABLE_BUSINESSES, DEMO_OWNED_BUSINESSES } from './demo-data';
import { type SeedOptions, seedIfEmpty } from './seed';
import { syntheticBusinesses } from './synthetic-businesses';

const asOf = '2026-11-26';
const clock = () => new Date('2026-11-26T01:00:00Z');
const demoCount = DEMO_OWNED_BUSINESSES.length + DEMO_CLAIMABLE_BUSINESSES.length;

let t: TestTable;
beforeEach(async () => {
  t = await startTestTable();
});
afterEach(() => t.stop());

const options = (synthetic: SeedOptions['synthetic']): SeedOptions => ({
  doc: t.doc,
  tableName: t.tableName,
  repos: t.repos,
  businesses: 1_200,
  synthetic,
  clock,
});

describe('local seeding', () => {
  it('seeds the catalog, the demo and the synthetic businesses once', async () => {
    const first = await seedIfEmpty(options((n) => syntheticBusinesses(n, asOf)));
    expect(first).toMatchObject({ seeded: true, programs: 20, disasters: 2, businesses: 1_200 + demoCount });
    const states = new Set<string>();
    for (const b of DEMO_OWNED_BUSINESSES) {
      for (const a of (await t.repos.applications.listByBusiness(b.profile.brn)).items) states.add(a.status);
    }
    expect(first.applications).toBeGreaterThanOrEqual(7);
    expect([...states].sort()).toEqual([
      'approved',
      'in-review',
      'paid',
      'rejected',
      'submitted',
      'supplement-requested',
      'withdrawn',
    ]);
    expect(await t.repos.businesses.count()).toBe(1_200 + demoCount);
    expect((await t.repos.businesses.listByOwner('owner-kim')).length).toBe(3);
    let called = false;
    const second = await seedIfEmpty(
      options(() => {
        called = true;
        return [];
      }),
    );
    expect(second.seeded).toBe(false);
    expect(called).toBe(false);
  });

  it('redoes an interrupted seed: no marker until the last write', async () => {
    function* failing(n: number) {
      let i = 0;
      for (const b of syntheticBusinesses(n, asOf)) {
        if (i++ === 700) throw new Error('interrupted');
        yield b;
      }
    }
    await expect(seedIfEmpty(options(failing))).rejects.toThrow('interrupted');
    const again = await seedIfEmpty(options((n) => syntheticBusinesses(n, asOf)));
    expect(again.seeded).toBe(true);
    expect(await t.repos.businesses.count()).toBe(1_200 + demoCount);
    expect((await t.repos.programs.list()).length).toBe(20);
  });
});
