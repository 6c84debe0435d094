import { ConflictError, loadCatalog, NotFoundError, type Notification, withCheckDigit } from '@sbiz24/shared';
import { describe, expect, it } from 'vitest';
import { createMemoryRepositories } from './memory-repositories';

const clock = () => new Date('2026-11-26T03:00:00Z');

function newBusiness(nine: string, ownerId?: string) {
  return {
    profile: {
      brn: withCheckDigit(nine),
      tradeName: '가게',
      representativeName: '홍길동',
      openingDate: '2020-01-01',
      regionCode: '11440',
      ksic: '56221',
      flags: {},
      priorSupport: [],
      disasterDamage: [],
    },
    registryStatus: 'trading' as const,
    ...(ownerId ? { ownerId } : {}),
  };
}

function note(userId: string, id: string, createdAt: string, dedupeKey = id): Notification {
  return {
    id,
    userId,
    createdAt,
    kind: 'new-match',
    title: '새 사업',
    body: '맞는 사업',
    read: false,
    dedupeKey,
  };
}

describe('memory business repository', () => {
  it('creates at version 1 and refuses a duplicate number', async () => {
    const { businesses } = createMemoryRepositories(clock);
    const created = await businesses.create(newBusiness('101213456'));
    expect(created.version).toBe(1);
    expect(created.updatedAt).toBe('2026-11-26T03:00:00.000Z');
    await expect(businesses.create(newBusiness('101213456'))).rejects.toBeInstanceOf(ConflictError);
  });

  it('updates only from the current version and keeps the stored profile on a stale write', async () => {
    const { businesses } = createMemoryRepositories(clock);
    const b = await businesses.create(newBusiness('101213456'));
    const v2 = await businesses.updateProfile(b.profile.brn, { ...b.profile, employees: 3 }, 1);
    expect(v2.version).toBe(2);
    await expect(
      businesses.updateProfile(b.profile.brn, { ...b.profile, employees: 9 }, 1),
    ).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
    expect((await businesses.get(b.profile.brn))?.profile.employees).toBe(3);
  });

  it('claims an unowned business once', async () => {
    const { businesses } = createMemoryRepositories(clock);
    const b = await businesses.create(newBusiness('101213456'));
    await businesses.claim(b.profile.brn, 'u1');
    await expect(businesses.claim(b.profile.brn, 'u2')).rejects.toBeInstanceOf(ConflictError);
    expect((await businesses.listByOwner('u1')).map((x) => x.profile.brn)).toEqual([b.profile.brn]);
    expect(await businesses.listByOwner('u2')).toEqual([]);
    await expect(businesses.claim(withCheckDigit('999999999'), 'u1')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('hands out copies, so a caller cannot change stored state', async () => {
    const { businesses } = createMemoryRepositories(clock);
    const b = await businesses.create(newBusiness('101213456'));
    b.profile.tradeName = '바뀜';
    (await businesses.get(b.profile.brn))!.profile.employees = 99;
    const stored = await businesses.get(b.profile.brn);
    expect(stored?.profile.tradeName).toBe('가게');
    expect(stored?.profile.employees).toBeUndefined();
  });

  it('createMany leaves existing numbers as they are', async () => {
    const { businesses } = createMemoryRepositories(clock);
    await businesses.create(newBusiness('101213456', 'owner'));
    await businesses.createMany([newBusiness('101213456'), newBusiness('102224567')]);
    expect(await businesses.count()).toBe(2);
    expect((await businesses.get(withCheckDigit('101213456')))?.ownerId).toBe('owner');
  });

  it('stores batch results only for the version they were computed from', async () => {
    const { businesses } = createMemoryRepositories(clock);
    const b = await businesses.create(newBusiness('101213456'));
    const result = { matchIds: ['a'], matchHash: 'h', matchedAt: '2026-11-26T00:00:00Z' };
    await expect(businesses.putMatches(b.profile.brn, result, 2)).rejects.toBeInstanceOf(ConflictError);
    await businesses.putMatches(b.profile.brn, result, 1);
    expect((await businesses.get(b.profile.brn))?.matchIds).toEqual(['a']);
  });

  it('scans every business exactly once across segments and pages', async () => {
    const { businesses } = createMemoryRepositories(clock);
    const all = Array.from({ length: 57 }, (_, i) => newBusiness(String(100_000_000 + i * 7919)));
    await businesses.createMany(all);
    const seen: string[] = [];
    for (let segment = 0; segment < 3; segment++) {
      let cursor: string | undefined;
      do {
        const page = await businesses.scanSegment(segment, 3, cursor, 10);
        seen.push(...page.items.map((b) => b.profile.brn));
        cursor = page.cursor;
      } while (cursor);
    }
    expect(seen.sort()).toEqual(all.map((b) => b.profile.brn).sort());
  });
});

describe('memory program repository', () => {
  it('keeps every version and refuses a stale update', async () => {
    const { programs } = createMemoryRepositories(clock);
    const [p] = loadCatalog().programs;
    await programs.create({ ...p!, version: 1 });
    await programs.update({ ...p!, title: '새 이름', version: 2 });
    await expect(programs.update({ ...p!, title: '늦은 수정', version: 2 })).rejects.toMatchObject({
      code: 'VERSION_CONFLICT',
    });
    expect((await programs.get(p!.id))?.title).toBe('새 이름');
    expect((await programs.listVersions(p!.id)).map((v) => v.version)).toEqual([1, 2]);
    expect((await programs.getVersion(p!.id, 1))?.title).toBe(p!.title);
    await expect(programs.create({ ...p!, version: 1 })).rejects.toBeInstanceOf(ConflictError);
  });

  it('lists the latest versions filtered by status and agency', async () => {
    const { programs } = createMemoryRepositories(clock);
    for (const p of loadCatalog().programs) await programs.create(p);
    const open = await programs.list({ status: 'open', agencyId: 'semas' });
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((p) => p.status === 'open' && p.agencyId === 'semas')).toBe(true);
  });
});

describe('memory notification repository', () => {
  it('adds a notification once per dedupe key and pages newest first', async () => {
    const { notifications } = createMemoryRepositories(clock);
    expect(await notifications.add(note('u', 'n1', '2026-11-01T00:00:00Z', 'k1'))).toBe(true);
    expect(await notifications.add(note('u', 'n1b', '2026-11-02T00:00:00Z', 'k1'))).toBe(false);
    await notifications.add(note('u', 'n2', '2026-11-03T00:00:00Z'));
    await notifications.add(note('u', 'n3', '2026-11-04T00:00:00Z'));
    const first = await notifications.list('u', { limit: 2 });
    expect(first.items.map((n) => n.id)).toEqual(['n3', 'n2']);
    const second = await notifications.list('u', { limit: 2, cursor: first.cursor! });
    expect(second.items.map((n) => n.id)).toEqual(['n1']);
    expect(second.cursor).toBeUndefined();
  });

  it('marks one read and counts the unread; an unknown id is not found', async () => {
    const { notifications } = createMemoryRepositories(clock);
    await notifications.add(note('u', 'n1', '2026-11-01T00:00:00Z'));
    await notifications.add(note('u', 'n2', '2026-11-02T00:00:00Z'));
    await notifications.markRead('u', 'n1');
    expect(await notifications.unreadCount('u')).toBe(1);
    await expect(notifications.markRead('other', 'n2')).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('memory disaster and audit repositories', () => {
  it('refuses a second disaster with the same id', async () => {
    const { disasters } = createMemoryRepositories(clock);
    const [d] = loadCatalog().disasters;
    await disasters.create(d!);
    await expect(disasters.create(d!)).rejects.toBeInstanceOf(ConflictError);
    expect((await disasters.list()).map((x) => x.id)).toEqual([d!.id]);
  });

  it('lists an entity’s audit entries oldest first', async () => {
    const { audit } = createMemoryRepositories(clock);
    const base = { entityType: 'program' as const, entityId: 'p', actorId: 'a', summary: '' };
    await audit.append({ ...base, at: '2026-11-02T00:00:00Z', action: 'publish' });
    await audit.append({ ...base, at: '2026-11-01T00:00:00Z', action: 'create' });
    await audit.append({ ...base, entityId: 'q', at: '2026-11-01T00:00:00Z', action: 'create' });
    expect((await audit.list('program', 'p')).map((e) => e.action)).toEqual(['create', 'publish']);
  });
});
