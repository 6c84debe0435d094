import type { Notification } from '@sbiz24/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { createMemoryRepositories, type MemoryRepositories } from '../testing/memory-repositories';
import { recordSignIn } from './first-sign-in';

let repos: MemoryRepositories;
let now: Date;
const deps = () => ({
  notifications: repos.notifications,
  firstSignIn: repos.firstSignIn,
  audit: repos.audit,
  clock: () => now,
});

const note = (i: number, kind: Notification['kind'], createdAt: string, read = false): Notification => ({
  id: `n${i}`,
  userId: 'owner-1',
  createdAt,
  kind,
  title: `알림 ${i}`,
  body: '본문',
  read,
  dedupeKey: `k${i}`,
});

beforeEach(async () => {
  repos = createMemoryRepositories();
  now = new Date('2026-12-03T05:00:00.000Z');
  for (let i = 0; i < 12; i++)
    await repos.notifications.add(note(i, 'new-match', `2026-12-01T0${i % 10}:00:00.000Z`));
  for (let i = 12; i < 15; i++)
    await repos.notifications.add(note(i, 'deadline', '2026-12-02T01:00:00.000Z'));
  await repos.notifications.add(note(15, 'disaster', '2026-12-02T02:00:00.000Z', true)); // already read
});

describe('the first sign-in', () => {
  it('folds what was unread before it into one summary, marks those read, and audits the counts', async () => {
    expect(await repos.notifications.unreadCount('owner-1')).toBe(15);
    expect(await recordSignIn(deps(), 'owner-1')).toEqual({ firstSignIn: true, folded: 15 });
    const { items } = await repos.notifications.list('owner-1', { limit: 50 });
    const unread = items.filter((n) => !n.read);
    expect(unread).toHaveLength(1);
    expect(unread[0]).toMatchObject({
      kind: 'system',
      title: '가입 전 소식 15건을 모았습니다',
      summary: { 'new-match': 12, deadline: 3 },
      createdAt: now.toISOString(),
    });
    expect(unread[0]!.body).toContain('새로 맞는 지원사업 12건, 마감이 다가오는 지원사업 3건이 있습니다.');
    expect(items).toHaveLength(17); // nothing deleted: the 15 are read, one summary added
    const audit = await repos.audit.list('account', 'owner-1');
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'first-sign-in',
        actorId: 'owner-1',
        summary: expect.stringContaining('15'),
      }),
    ]);
  });

  it('changes nothing on a later sign-in, and leaves what came after the first one unread', async () => {
    await recordSignIn(deps(), 'owner-1');
    now = new Date('2026-12-04T05:00:00.000Z');
    await repos.notifications.add(note(20, 'new-match', '2026-12-03T06:00:00.000Z'));
    expect(await recordSignIn(deps(), 'owner-1')).toEqual({ firstSignIn: false, folded: 0 });
    expect(await repos.notifications.unreadCount('owner-1')).toBe(2); // the summary and the new one
    expect(await repos.audit.list('account', 'owner-1')).toHaveLength(1);
  });

  it('folds once when two sign-ins race, and adds no summary when nothing was unread', async () => {
    const results = await Promise.all([recordSignIn(deps(), 'owner-1'), recordSignIn(deps(), 'owner-1')]);
    expect(results.filter((r) => r.firstSignIn)).toHaveLength(1);
    const summaries = (await repos.notifications.list('owner-1', { limit: 50 })).items.filter(
      (n) => n.summary,
    );
    expect(summaries).toHaveLength(1);
    expect(await recordSignIn(deps(), 'owner-2')).toEqual({ firstSignIn: true, folded: 0 });
    expect((await repos.notifications.list('owner-2')).items).toEqual([]);
  });
});
