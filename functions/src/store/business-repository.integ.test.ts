import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { StoredBusiness } from '@sbiz24/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTable, type TestTable } from '../testing/dynalite-harness';
import { brnOf, newBusiness } from '../testing/store-data';
import { createBusinessRepository } from './business-repository';
import { businessKey } from './keys';

let t: TestTable;
beforeAll(async () => {
  t = await startTestTable();
});
afterAll(() => t.stop());

describe('business repository on dynalite', () => {
  it('creates a business at version 1 and reads it back unchanged', async () => {
    const input = newBusiness(1);

    const created = await t.repos.businesses.create(input);

    expect(created.version).toBe(1);
    expect(await t.repos.businesses.get(brnOf(1))).toEqual(created);
    expect(created.profile).toEqual(input.profile);
  });

  it('refuses to create a number that exists, and keeps the stored record', async () => {
    await t.repos.businesses.create(newBusiness(2));

    await expect(
      t.repos.businesses.create(newBusiness(2, { registryStatus: 'closed' })),
    ).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
    expect((await t.repos.businesses.get(brnOf(2)))?.registryStatus).toBe('trading');
  });

  it('reads many businesses at once, over the 100 keys of one BatchGetItem, leaving unknown numbers out', async () => {
    await t.repos.businesses.createMany(Array.from({ length: 230 }, (_, i) => newBusiness(5000 + i)));
    const asked = [...Array.from({ length: 230 }, (_, i) => brnOf(5000 + i)), brnOf(9999), brnOf(5000)];

    const found = await t.repos.businesses.getMany(asked);

    expect(found.size).toBe(230);
    expect(found.has(brnOf(9999))).toBe(false);
    expect(found.get(brnOf(5117))).toEqual(await t.repos.businesses.get(brnOf(5117)));
  });

  it('writes many profiles on their versions in transactions, naming the ones whose version moved on', async () => {
    await t.repos.businesses.createMany(Array.from({ length: 150 }, (_, i) => newBusiness(6000 + i)));
    const stored = [
      ...(await t.repos.businesses.getMany(Array.from({ length: 150 }, (_, i) => brnOf(6000 + i)))).values(),
    ];
    // Three of them are edited by their owners first: their planned version is stale.
    const stale = [brnOf(6003), brnOf(6120), brnOf(6149)];
    for (const brn of stale) {
      const b = stored.find((s) => s.profile.brn === brn)!;
      await t.repos.businesses.updateProfile(brn, { ...b.profile, employees: 9 }, b.version);
    }

    const { conflicted } = await t.repos.businesses.updateProfiles(
      stored.map((b) => ({
        brn: b.profile.brn,
        profile: { ...b.profile, employees: 1 },
        expectedVersion: b.version,
      })),
    );

    expect(conflicted.sort()).toEqual([...stale].sort());
    const after = await t.repos.businesses.getMany(stored.map((b) => b.profile.brn));
    for (const [brn, b] of after) {
      expect(b.profile.employees, brn).toBe(stale.includes(brn) ? 9 : 1);
      expect(b.version, brn).toBe(2);
    }
  });

  it('returns undefined for an unknown number', async () => {
    expect(await t.repos.businesses.get(brnOf(999_999))).toBeUndefined();
  });

  it('updates the profile on the current version and bumps it', async () => {
    const { profile } = await t.repos.businesses.create(newBusiness(3));

    const updated = await t.repos.businesses.updateProfile(brnOf(3), { ...profile, employees: 4 }, 1);

    expect(updated.version).toBe(2);
    expect(updated.profile.employees).toBe(4);
    expect(await t.repos.businesses.get(brnOf(3))).toEqual(updated);
  });

  it('rejects a stale version with VERSION_CONFLICT and writes nothing', async () => {
    const { profile } = await t.repos.businesses.create(newBusiness(4));
    const current = await t.repos.businesses.updateProfile(brnOf(4), { ...profile, employees: 1 }, 1);

    const stale = t.repos.businesses.updateProfile(brnOf(4), { ...profile, employees: 9 }, 1);

    await expect(stale).rejects.toMatchObject({
      code: 'VERSION_CONFLICT',
      details: { expectedVersion: 1, currentVersion: 2 },
    });
    expect(await t.repos.businesses.get(brnOf(4))).toEqual(current);
  });

  it('lets exactly one of two concurrent edits of the same version win', async () => {
    const { profile } = await t.repos.businesses.create(newBusiness(5));

    const results = await Promise.allSettled([
      t.repos.businesses.updateProfile(brnOf(5), { ...profile, employees: 1 }, 1),
      t.repos.businesses.updateProfile(brnOf(5), { ...profile, employees: 2 }, 1),
    ]);

    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    expect((await t.repos.businesses.get(brnOf(5)))?.version).toBe(2);
  });

  it('reports an update of an unknown business as not found', async () => {
    const { profile } = newBusiness(6);

    await expect(t.repos.businesses.updateProfile(brnOf(6), profile, 1)).rejects.toMatchObject({
      code: 'BUSINESS_NOT_FOUND',
    });
    expect(await t.repos.businesses.get(brnOf(6))).toBeUndefined();
  });

  it('claims an unowned business once; a second claim fails and keeps the first owner', async () => {
    await t.repos.businesses.create(newBusiness(7));

    const claimed = await t.repos.businesses.claim(brnOf(7), 'owner-a');
    const second = t.repos.businesses.claim(brnOf(7), 'owner-b');

    expect(claimed.ownerId).toBe('owner-a');
    await expect(second).rejects.toMatchObject({ code: 'ALREADY_CLAIMED' });
    expect((await t.repos.businesses.get(brnOf(7)))?.ownerId).toBe('owner-a');
    expect(await t.repos.businesses.listByOwner('owner-b')).toEqual([]);
  });

  it('reports a claim of an unknown business as not found', async () => {
    await expect(t.repos.businesses.claim(brnOf(8), 'owner-a')).rejects.toMatchObject({
      code: 'BUSINESS_NOT_FOUND',
    });
  });

  it("lists an owner's businesses, including ones created already owned", async () => {
    await t.repos.businesses.create(newBusiness(10));
    await t.repos.businesses.create(newBusiness(11, { ownerId: 'owner-c' }));
    await t.repos.businesses.claim(brnOf(10), 'owner-c');

    const owned = await t.repos.businesses.listByOwner('owner-c');

    expect(owned.map((b) => b.profile.brn).sort()).toEqual([brnOf(10), brnOf(11)].sort());
    expect(owned.every((b) => b.ownerId === 'owner-c')).toBe(true);
  });

  it('stores a batch result on the current version without changing the version', async () => {
    await t.repos.businesses.create(newBusiness(12));
    const result = { matchIds: ['a', 'b'], matchHash: 'h1', matchedAt: '2025-05-01T00:00:00.000Z' };

    await t.repos.businesses.putMatches(brnOf(12), result, 1);

    expect(await t.repos.businesses.get(brnOf(12))).toMatchObject({ ...result, version: 1 });
  });

  it('never clobbers an owner edit made after the batch read the profile', async () => {
    const { profile } = await t.repos.businesses.create(newBusiness(13));
    const edited = await t.repos.businesses.updateProfile(brnOf(13), { ...profile, employees: 6 }, 1);

    const late = t.repos.businesses.putMatches(
      brnOf(13),
      { matchIds: ['x'], matchHash: 'old', matchedAt: '2025-05-01T00:00:00.000Z' },
      1,
    );

    await expect(late).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
    expect(await t.repos.businesses.get(brnOf(13))).toEqual(edited);
  });

  it('keeps the last batch result when the owner edits the profile', async () => {
    const { profile } = await t.repos.businesses.create(newBusiness(14));
    await t.repos.businesses.putMatches(
      brnOf(14),
      { matchIds: ['a'], matchHash: 'h', matchedAt: '2025-05-01T00:00:00.000Z' },
      1,
    );

    const updated = await t.repos.businesses.updateProfile(brnOf(14), { ...profile, employees: 2 }, 1);

    expect(updated).toMatchObject({ matchIds: ['a'], matchHash: 'h', version: 2 });
  });

  it('stores many batch results in one call and names the stale and the missing ones, writing nothing for them', async () => {
    const indexes = [20, 21, 22, 23, 24];
    for (const i of indexes) await t.repos.businesses.create(newBusiness(i));
    const { profile } = (await t.repos.businesses.get(brnOf(22)))!;
    const edited = await t.repos.businesses.updateProfile(brnOf(22), { ...profile, employees: 7 }, 1);
    const result = (hash: string) => ({
      matchIds: [hash],
      matchHash: hash,
      matchedAt: '2025-05-01T00:00:00.000Z',
    });

    const { conflicts } = await t.repos.businesses.putMatchesMany([
      ...indexes.map((i) => ({ brn: brnOf(i), result: result(`h${i}`), expectedVersion: 1 })),
      { brn: brnOf(29), result: result('gone'), expectedVersion: 1 },
    ]);

    expect(conflicts.sort()).toEqual([brnOf(22), brnOf(29)].sort());
    expect(await t.repos.businesses.get(brnOf(22))).toEqual(edited);
    expect(await t.repos.businesses.get(brnOf(29))).toBeUndefined();
    for (const i of [20, 21, 23, 24])
      expect(await t.repos.businesses.get(brnOf(i))).toMatchObject({ ...result(`h${i}`), version: 1 });
  });

  it('takes 100 batch results in one call and refuses more', async () => {
    const indexes = Array.from({ length: 101 }, (_, k) => 1000 + k);
    await t.repos.businesses.createMany(indexes.map((i) => newBusiness(i)));
    const writes = indexes.map((i) => ({
      brn: brnOf(i),
      result: { matchIds: ['p'], matchHash: `h${i}`, matchedAt: '2025-05-01T00:00:00.000Z' },
      expectedVersion: 1,
    }));

    await expect(t.repos.businesses.putMatchesMany(writes)).rejects.toThrow(RangeError);
    expect(await t.repos.businesses.putMatchesMany(writes.slice(0, 100))).toEqual({ conflicts: [] });
    expect(await t.repos.businesses.get(brnOf(1099))).toMatchObject({ matchHash: 'h1099', version: 1 });
    expect((await t.repos.businesses.get(brnOf(1100)))?.matchHash).toBeUndefined();
  });
});

describe('bulk creation, scanning and counting', () => {
  let bulk: TestTable;
  const N = 1_200;

  beforeAll(async () => {
    bulk = await startTestTable();
    // Other item types in the table must not show up in business scans or counts.
    await bulk.repos.notifications.add({
      id: 'n',
      userId: 'u',
      createdAt: '2025-01-01T00:00:00.000Z',
      kind: 'system',
      title: 't',
      body: 'b',
      read: false,
      dedupeKey: 'd',
    });
    await bulk.repos.businesses.create(newBusiness(0, { registryStatus: 'closed' }));
    await bulk.repos.businesses.createMany(Array.from({ length: N }, (_, i) => newBusiness(i)));
  });
  afterAll(() => bulk.stop());

  it('creates every new business and leaves an existing one as it was', async () => {
    expect(await bulk.repos.businesses.count()).toBe(N);
    expect((await bulk.repos.businesses.get(brnOf(0)))?.registryStatus).toBe('closed');
    expect(await bulk.repos.businesses.get(brnOf(N - 1))).toMatchObject({
      version: 1,
      profile: newBusiness(N - 1).profile,
    });
  });

  it('keeps the first of two entries with the same number in one call', async () => {
    await bulk.repos.businesses.createMany([
      newBusiness(50_000, { registryStatus: 'suspended' }),
      newBusiness(50_000, { registryStatus: 'closed' }),
    ]);

    expect((await bulk.repos.businesses.get(brnOf(50_000)))?.registryStatus).toBe('suspended');
  });

  it('writes owned businesses with their owner index entry', async () => {
    await bulk.repos.businesses.createMany([newBusiness(60_000, { ownerId: 'bulk-owner' })]);

    expect((await bulk.repos.businesses.listByOwner('bulk-owner')).map((b) => b.profile.brn)).toEqual([
      brnOf(60_000),
    ]);
  });

  it('covers every business exactly once across the segments of a parallel scan, page by page', async () => {
    const total = await bulk.repos.businesses.count();
    const seen: string[] = [];
    let pages = 0;

    for (let segment = 0; segment < 4; segment++) {
      let cursor: string | undefined;
      do {
        const page = await bulk.repos.businesses.scanSegment(segment, 4, cursor, 100);
        seen.push(...page.items.map((b: StoredBusiness) => b.profile.brn));
        cursor = page.cursor;
        pages++;
      } while (cursor);
    }

    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(pages).toBeGreaterThan(4);
  });

  it('refuses a cursor from another segment', async () => {
    const first = await bulk.repos.businesses.scanSegment(0, 4, undefined, 10);

    await expect(bulk.repos.businesses.scanSegment(1, 4, first.cursor, 10)).rejects.toMatchObject({
      code: 'INVALID_CURSOR',
    });
  });

  it('refuses a segment outside the total', async () => {
    await expect(bulk.repos.businesses.scanSegment(4, 4)).rejects.toMatchObject({ code: 'INVALID_SEGMENT' });
  });
});

describe('seeding throughput', () => {
  it('creates 20,000 businesses with BatchWrite and reports businesses/s', async () => {
    const seed = await startTestTable();
    try {
      const repo = createBusinessRepository(seed.doc, seed.tableName);
      const businesses = Array.from({ length: 20_000 }, (_, i) => newBusiness(i));

      const started = performance.now();
      await repo.createMany(businesses);
      const seconds = (performance.now() - started) / 1000;

      // A measurement, not a timing assertion: printed for the record (docs/data-model.md).
      console.info(
        `createMany: 20000 businesses in ${seconds.toFixed(2)} s = ${Math.round(20_000 / seconds)}/s`,
      );
      expect(await repo.count()).toBe(20_000);
      const sample = await seed.doc.send(
        new GetCommand({ TableName: seed.tableName, Key: businessKey(brnOf(19_999)) }),
      );
      expect(sample.Item).toMatchObject({ entity: 'business', version: 1, brn: brnOf(19_999) });
    } finally {
      await seed.stop();
    }
  });
});
