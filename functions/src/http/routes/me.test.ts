import type { Notification } from '@sbiz24/shared';
import { describe, expect, it } from 'vitest';
import { call, createTestApp } from '../../testing/test-app';

const note = (id: string, createdAt: string, userId = 'owner-kim'): Notification => ({
  id,
  userId,
  createdAt,
  kind: 'new-match',
  title: '새로 맞는 사업',
  body: '청년고용연계자금에 신청할 수 있습니다.',
  programId: 'youth-fund',
  read: false,
  dedupeKey: id,
});

describe('GET /api/me', () => {
  it('returns the caller, with the agency name for staff, never to be cached', async () => {
    const { app } = await createTestApp();
    const own = await call(app, 'GET', '/api/me', { as: 'ownerA' });
    expect(own.headers.get('cache-control')).toBe('no-store');
    expect(own.headers.get('x-content-type-options')).toBe('nosniff');
    expect(own.body).toEqual({
      sub: 'owner-kim',
      name: '김하늘',
      role: 'owner',
    });
    expect((await call(app, 'GET', '/api/me', { as: 'staffMss' })).body).toMatchObject({
      role: 'staff',
      agencyId: 'mss',
      agencyName: '중소벤처기업부',
    });
  });

  it('answers 401 without a token or with a bad one', async () => {
    const { app } = await createTestApp();
    expect((await call(app, 'GET', '/api/me')).body.error.code).toBe('UNAUTHENTICATED');
    const bad = await call(app, 'GET', '/api/me', { headers: { authorization: 'Bearer forged' } });
    expect(bad.status).toBe(401);
  });
});

describe('notifications', () => {
  it('pages the inbox newest first with the unread count, then marks one read', async () => {
    const { app, repos } = await createTestApp();
    await repos.notifications.add(note('n1', '2026-11-01T00:00:00Z'));
    await repos.notifications.add(note('n2', '2026-11-02T00:00:00Z'));
    await repos.notifications.add(note('n3', '2026-11-03T00:00:00Z'));
    await repos.notifications.add(note('other', '2026-11-03T00:00:00Z', 'owner-park'));
    const first = await call(app, 'GET', '/api/me/notifications?limit=2', { as: 'ownerA' });
    expect(first.status).toBe(200);
    expect(first.body.items.map((n: Notification) => n.id)).toEqual(['n3', 'n2']);
    expect(first.body.unread).toBe(3);
    const second = await call(app, 'GET', `/api/me/notifications?limit=2&cursor=${first.body.cursor}`, {
      as: 'ownerA',
    });
    expect(second.body.items.map((n: Notification) => n.id)).toEqual(['n1']);
    expect(second.body.cursor).toBeNull();

    const read = await call(app, 'POST', '/api/me/notifications/n2/read', { as: 'ownerA' });
    expect(read.status).toBe(204);
    expect((await call(app, 'GET', '/api/me/notifications', { as: 'ownerA' })).body.unread).toBe(2);
  });

  it("cannot mark another user's notification", async () => {
    const { app, repos } = await createTestApp();
    await repos.notifications.add(note('theirs', '2026-11-03T00:00:00Z', 'owner-park'));
    const res = await call(app, 'POST', '/api/me/notifications/theirs/read', { as: 'ownerA' });
    expect(res.status).toBe(404);
    expect((await repos.notifications.list('owner-park')).items[0]?.read).toBe(false);
  });
});

describe('POST /api/me/first-sign-in', () => {
  it('folds the unread of before the first sign-in into one summary item, once, for the caller only', async () => {
    const { app, repos } = await createTestApp();
    await repos.notifications.add(note('n1', '2026-11-01T00:00:00Z'));
    await repos.notifications.add({ ...note('n2', '2026-11-02T00:00:00Z'), kind: 'deadline' });
    await repos.notifications.add(note('other', '2026-11-03T00:00:00Z', 'owner-park'));
    const first = await call(app, 'POST', '/api/me/first-sign-in', { as: 'ownerA' });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ firstSignIn: true, folded: 2 });
    const inbox = await call(app, 'GET', '/api/me/notifications', { as: 'ownerA' });
    expect(inbox.body.unread).toBe(1);
    expect(inbox.body.items[0]).toMatchObject({
      kind: 'system',
      read: false,
      summary: { 'new-match': 1, deadline: 1 },
      title: '가입 전 소식 2건을 모았습니다',
    });
    const again = await call(app, 'POST', '/api/me/first-sign-in', { as: 'ownerA' });
    expect(again.body).toEqual({ firstSignIn: false, folded: 0 });
    expect((await call(app, 'GET', '/api/me/notifications', { as: 'ownerB' })).body.unread).toBe(1);
    expect((await call(app, 'POST', '/api/me/first-sign-in')).status).toBe(401);
  });
});
