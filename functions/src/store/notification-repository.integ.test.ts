import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Notification } from '@sbiz24/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTable, type TestTable } from '../testing/dynalite-harness';
import { notification } from '../testing/store-data';
import { userPartition } from './keys';

let t: TestTable;
beforeAll(async () => {
  t = await startTestTable();
});
afterAll(() => t.stop());

async function listAll(userId: string, limit: number): Promise<{ items: Notification[]; pages: number }> {
  const items: Notification[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await t.repos.notifications.list(userId, { limit, ...(cursor ? { cursor } : {}) });
    items.push(...page.items);
    cursor = page.cursor;
    pages++;
  } while (cursor);
  return { items, pages };
}

describe('notification repository on dynalite', () => {
  it('refuses a forged cursor (another user, a foreign key, a missing sort key) with 400, not a DynamoDB error', async () => {
    await t.repos.notifications.add(notification('user-forged', 1));
    await t.repos.notifications.add(notification('user-forged', 2));
    const real = (await t.repos.notifications.list('user-forged', { limit: 1 })).cursor!;
    const key = JSON.parse(Buffer.from(real, 'base64url').toString('utf8')).k;
    const forge = (k: Record<string, unknown>, s = 'notifications:user-forged') =>
      Buffer.from(JSON.stringify({ s, k }), 'utf8').toString('base64url');

    for (const cursor of [
      forge({ PK: key.PK }),
      forge({ ...key, PK: userPartition('someone-else') }),
      forge({ ...key, SK: 'PROFILE' }),
      forge(key, 'notifications:someone-else'),
    ]) {
      await expect(t.repos.notifications.list('user-forged', { cursor })).rejects.toMatchObject({
        code: 'INVALID_CURSOR',
      });
    }
    expect((await t.repos.notifications.list('user-forged', { cursor: real })).items).toHaveLength(1);
  });

  it('adds a notification and lists it as unread', async () => {
    const note = notification('user-add', 1);

    const added = await t.repos.notifications.add(note);

    expect(added).toBe(true);
    expect((await t.repos.notifications.list('user-add')).items).toEqual([note]);
    expect(await t.repos.notifications.unreadCount('user-add')).toBe(1);
  });

  it('keeps the rapid-payment notice (amount, trade name, program, deadline) as stored', async () => {
    const note: Notification = {
      ...notification('user-rapid', 1),
      kind: 'disaster',
      rapid: {
        programTitle: '집중호우 재난지원금',
        amountWon: 3_000_000,
        tradeName: '행복분식',
        applyEnd: '2026-08-31',
      },
    };

    await t.repos.notifications.add(note);

    const [read] = (await t.repos.notifications.list('user-rapid')).items;
    expect(read).toEqual(note);
    expect(read?.rapid?.amountWon).toBe(3_000_000);
  });

  it('notifies the same (business, program, reason) once, however often it is added', async () => {
    const first = notification('user-dedupe', 1);

    const again = await t.repos.notifications.add({
      ...first,
      id: 'another-id',
      createdAt: '2025-02-01T00:00:00.000Z',
    });
    const concurrent = await Promise.all(
      [1, 2, 3, 4].map((n) => t.repos.notifications.add({ ...notification('user-dedupe', 2), id: `c-${n}` })),
    );
    await t.repos.notifications.add(first);

    expect(again).toBe(true);
    expect(concurrent.filter(Boolean)).toHaveLength(1);
    expect(await t.repos.notifications.add(first)).toBe(false);
    const { items } = await listAll('user-dedupe', 10);
    expect(items).toHaveLength(2);
    expect(await t.repos.notifications.unreadCount('user-dedupe')).toBe(2);
  });

  it('refuses a reused id with a new dedupe key and writes neither item', async () => {
    await t.repos.notifications.add(notification('user-id-reuse', 1));

    const reused = t.repos.notifications.add(notification('user-id-reuse', 1, { dedupeKey: 'fresh-key' }));

    await expect(reused).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
    const dedupe = await t.doc.send(
      new QueryCommand({
        TableName: t.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :d)',
        ExpressionAttributeValues: { ':pk': userPartition('user-id-reuse'), ':d': 'DEDUPE#' },
      }),
    );
    expect(dedupe.Items?.map((i) => i.SK)).toEqual([`DEDUPE#${notification('user-id-reuse', 1).dedupeKey}`]);
  });

  it('pages newest first with cursors, every notification once', async () => {
    for (let n = 0; n < 25; n++) await t.repos.notifications.add(notification('user-pages', n));

    const { items, pages } = await listAll('user-pages', 10);

    expect(items).toHaveLength(25);
    expect(new Set(items.map((n) => n.id)).size).toBe(25);
    expect(items.map((n) => n.createdAt)).toEqual([...items.map((n) => n.createdAt)].sort().reverse());
    expect(pages).toBeGreaterThanOrEqual(3);
  });

  it("refuses another user's cursor", async () => {
    for (let n = 0; n < 3; n++) await t.repos.notifications.add(notification('user-cursor', n));
    const page = await t.repos.notifications.list('user-cursor', { limit: 1 });

    await expect(
      t.repos.notifications.list('user-other', { limit: 1, ...(page.cursor ? { cursor: page.cursor } : {}) }),
    ).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
  });

  it('marks one notification read and counts only the unread', async () => {
    for (let n = 0; n < 3; n++) await t.repos.notifications.add(notification('user-read', n));

    await t.repos.notifications.markRead('user-read', 'note-1');
    await t.repos.notifications.markRead('user-read', 'note-1');

    expect(await t.repos.notifications.unreadCount('user-read')).toBe(2);
    const { items } = await listAll('user-read', 10);
    expect(items.find((n) => n.id === 'note-1')?.read).toBe(true);
    expect(
      items
        .filter((n) => !n.read)
        .map((n) => n.id)
        .sort(),
    ).toEqual(['note-0', 'note-2']);
  });

  it("reports marking an unknown or another user's notification as not found", async () => {
    await t.repos.notifications.add(notification('user-mine', 1));

    await expect(t.repos.notifications.markRead('user-mine', 'no-such-id')).rejects.toMatchObject({
      code: 'NOTIFICATION_NOT_FOUND',
    });
    await expect(t.repos.notifications.markRead('user-thief', 'note-1')).rejects.toMatchObject({
      code: 'NOTIFICATION_NOT_FOUND',
    });
    expect(await t.repos.notifications.unreadCount('user-mine')).toBe(1);
  });

  it('stores a notification added as read without counting it', async () => {
    await t.repos.notifications.add(notification('user-preread', 1, { read: true }));

    expect(await t.repos.notifications.unreadCount('user-preread')).toBe(0);
    expect((await t.repos.notifications.list('user-preread')).items[0]?.read).toBe(true);
  });

  it('has nothing for a user without notifications', async () => {
    expect(await t.repos.notifications.list('user-none')).toEqual({ items: [] });
    expect(await t.repos.notifications.unreadCount('user-none')).toBe(0);
  });
});

describe('the first sign-in on dynalite', () => {
  it('records the first sign-in once, even when two arrive together', async () => {
    const at = '2026-12-03T05:00:00.000Z';
    const both = await Promise.all([
      t.repos.firstSignIn.recordFirstSignIn('user-first', at),
      t.repos.firstSignIn.recordFirstSignIn('user-first', at),
    ]);
    expect(both.filter(Boolean)).toHaveLength(1);
    expect(await t.repos.firstSignIn.recordFirstSignIn('user-first', '2026-12-04T00:00:00.000Z')).toBe(false);
  });

  it('marks read only the unread ones created before the time, oldest first, with their kinds', async () => {
    const user = 'user-fold';
    for (let n = 1; n <= 130; n++)
      await t.repos.notifications.add(
        notification(user, n, { kind: n % 10 === 0 ? 'deadline' : 'new-match', read: n === 5 }),
      );
    // Created after the sign-in time (second 120): stays unread.
    const before = new Date(Date.UTC(2025, 0, 1, 0, 0, 120)).toISOString();
    const marked = await t.repos.firstSignIn.markReadBefore(user, before, 1000);
    expect(marked).toHaveLength(118); // 1..119 without the read no. 5
    expect(marked[0]).toEqual({
      id: 'note-1',
      kind: 'new-match',
      createdAt: notification(user, 1).createdAt,
    });
    expect(marked.filter((m) => m.kind === 'deadline')).toHaveLength(11);
    expect(await t.repos.notifications.unreadCount(user)).toBe(11); // 120..130
    // A second run finds nothing left to mark; a limit is honoured.
    expect(await t.repos.firstSignIn.markReadBefore(user, before, 1000)).toEqual([]);
    const after = new Date(Date.UTC(2025, 0, 1, 0, 0, 200)).toISOString();
    expect(await t.repos.firstSignIn.markReadBefore(user, after, 4)).toHaveLength(4);
    expect(await t.repos.notifications.unreadCount(user)).toBe(7);
  });

  it('stores and lists the summary with its counts', async () => {
    await t.repos.notifications.add(
      notification('user-summary', 1, {
        kind: 'system',
        dedupeKey: 'first-sign-in-summary',
        summary: { 'new-match': 12, deadline: 3 },
      }),
    );
    const [item] = (await t.repos.notifications.list('user-summary')).items;
    expect(item?.summary).toEqual({ 'new-match': 12, deadline: 3 });
  });
});
