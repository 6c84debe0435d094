import { ConflictError } from '@sbiz24/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTable, type TestTable } from '../testing/dynalite-harness';
import { createContactVerificationRepository } from './contact-verification-repository';
import { createNotificationRepository } from './notification-repository';

let t: TestTable;
beforeAll(async () => {
  t = await startTestTable({ tableName: 'contacts' });
});
afterAll(() => t.stop());

const pending = {
  address: 'owner@example.com',
  codeHash: 'hash',
  expiresAt: '2026-12-03T01:10:00.000Z',
  attempts: 0,
  sentAt: ['2026-12-03T01:00:00.000Z'],
};

describe('pending e-mail verifications in the table', () => {
  it('writes conditionally on the version read, and removes the same way', async () => {
    const repo = createContactVerificationRepository(t.doc, t.tableName);
    expect(await repo.get('u1')).toBeUndefined();
    const first = await repo.put('u1', pending, 0);
    expect(first.version).toBe(1);
    await expect(repo.put('u1', pending, 0)).rejects.toBeInstanceOf(ConflictError);
    const second = await repo.put('u1', { ...pending, attempts: 1 }, 1);
    expect(await repo.get('u1')).toEqual({ ...pending, attempts: 1, version: 2 });
    // Two tabs spending the same attempt: the second write is refused.
    await expect(repo.put('u1', { ...pending, attempts: 2 }, 1)).rejects.toBeInstanceOf(ConflictError);
    await expect(repo.remove('u1', 1)).rejects.toBeInstanceOf(ConflictError);
    await repo.remove('u1', second.version);
    expect(await repo.get('u1')).toBeUndefined();
  });
});

describe('read all', () => {
  it('marks every unread notification read, up to the limit, and counts only what it changed', async () => {
    const notes = createNotificationRepository(t.doc, t.tableName);
    for (let i = 0; i < 5; i++) {
      await notes.add({
        id: `n${i}`,
        userId: 'reader',
        createdAt: `2026-12-0${i + 1}T00:00:00.000Z`,
        kind: 'new-match',
        title: '새 지원사업',
        body: '본문',
        read: false,
        dedupeKey: `d${i}`,
      });
    }
    await notes.markRead('reader', 'n4');
    expect(await notes.markAllRead('reader', 3)).toBe(3);
    expect(await notes.unreadCount('reader')).toBe(1);
    expect(await notes.markAllRead('reader', 1000)).toBe(1);
    expect(await notes.unreadCount('reader')).toBe(0);
    const page = await notes.list('reader', { limit: 10 });
    expect(page.items.every((n) => n.read)).toBe(true);
    expect(await notes.markAllRead('reader', 1000)).toBe(0);
  });
});
