import type { OutboxMessage } from '@sbiz24/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTable, type TestTable } from '../testing/dynalite-harness';
import { createOutboxRepository } from './outbox-repository';

let t: TestTable;
beforeAll(async () => {
  t = await startTestTable({ tableName: 'outbox-queues' });
});
afterAll(() => t.stop());

const msg = (id: string, createdAt: string, channel: 'email' | 'sms' = 'email'): OutboxMessage => ({
  id,
  userId: `user-${id}`,
  channel,
  notificationId: id,
  title: '제목',
  body: '본문',
  createdAt,
  status: 'pending',
  kind: 'new-match',
});

describe('the outbox queues in the table', () => {
  it('lists due messages oldest first, per channel, not those due later', async () => {
    const outbox = createOutboxRepository(t.doc, t.tableName);
    await outbox.enqueue(msg('b', '2026-12-03T01:00:02.000Z'));
    await outbox.enqueue(msg('a', '2026-12-03T01:00:01.000Z'));
    await outbox.enqueue(msg('later', '2026-12-03T02:00:00.000Z'));
    await outbox.enqueue(msg('s', '2026-12-03T01:00:00.000Z', 'sms'));
    await outbox.enqueue(msg('a', '2026-12-03T09:00:00.000Z')); // a repeat: ignored
    const due = await outbox.listDue('email', '2026-12-03T01:00:02.000Z', 10);
    expect(due.map((m) => m.id)).toEqual(['a', 'b']);
    expect(due[0]).toMatchObject({
      status: 'pending',
      attempts: 0,
      nextAttemptAt: '2026-12-03T01:00:01.000Z',
    });
    expect(due[0]).not.toHaveProperty('PK');
    expect((await outbox.listDue('email', '2026-12-03T01:00:02.000Z', 1)).map((m) => m.id)).toEqual(['a']);
  });

  it("keeps a rapid-payment notice's amount through the due list and a claim", async () => {
    const outbox = createOutboxRepository(t.doc, t.tableName);
    const rapid: OutboxMessage = {
      ...msg('rapid', '2026-12-04T01:00:00.000Z', 'sms'),
      kind: 'disaster',
      brn: '1234567891',
      programId: 'flood',
      rapidAmountWon: 3_000_000,
    };
    await outbox.enqueue(rapid);
    const [due] = (await outbox.listDue('sms', '2026-12-04T01:00:00.000Z', 10)).filter(
      (m) => m.id === 'rapid',
    );
    expect(due).toMatchObject({ kind: 'disaster', programId: 'flood', rapidAmountWon: 3_000_000 });
    const claimed = await outbox.claim(due!, '2026-12-04T01:02:00.000Z');
    expect(claimed?.rapidAmountWon).toBe(3_000_000);
  });

  it('lets exactly one sender claim a message, and moves it through the states conditionally', async () => {
    const outbox = createOutboxRepository(t.doc, t.tableName);
    await outbox.enqueue(msg('c', '2026-12-03T01:00:00.000Z'));
    const [due] = await outbox.listDue('email', '2026-12-03T01:00:00.000Z', 10);
    const claims = await Promise.all(
      Array.from({ length: 5 }, () => outbox.claim(due!, '2026-12-03T01:02:00.000Z')),
    );
    const won = claims.filter(Boolean);
    expect(won).toHaveLength(1);
    const claimed = won[0]!;
    expect(claimed).toMatchObject({ status: 'sending', attempts: 1 });
    expect((await outbox.listDue('email', '2026-12-03T03:00:00.000Z', 10)).map((m) => m.id)).not.toContain(
      'c',
    );
    // Lease not lapsed yet: not interrupted.
    expect(await outbox.listInterrupted('email', '2026-12-03T01:01:00.000Z', 10)).toEqual([]);
    expect((await outbox.listInterrupted('email', '2026-12-03T01:02:00.000Z', 10)).map((m) => m.id)).toEqual([
      'c',
    ]);

    expect(await outbox.retryLater(claimed, '2026-12-03T01:05:00.000Z', 'Error ECONNRESET')).toBe(true);
    expect(await outbox.retryLater(claimed, '2026-12-03T01:05:00.000Z', 'again')).toBe(false); // no longer sending
    const [retry] = await outbox
      .listDue('email', '2026-12-03T01:05:00.000Z', 10)
      .then((l) => l.filter((m) => m.id === 'c'));
    expect(retry).toMatchObject({ status: 'pending', attempts: 1, lastError: 'Error ECONNRESET' });
    expect(retry).not.toHaveProperty('leaseUntil');

    const again = (await outbox.claim(retry!, '2026-12-03T01:07:00.000Z'))!;
    expect(await outbox.finish({ ...again, attempts: 1 }, 'sent', '2026-12-03T01:05:01.000Z')).toBe(false); // stale
    expect(await outbox.finish(again, 'sent', '2026-12-03T01:05:01.000Z')).toBe(true);
    const [stored] = (await outbox.list('user-c')).filter((m) => m.id === 'c');
    expect(stored).toMatchObject({ status: 'sent', attempts: 2, finishedAt: '2026-12-03T01:05:01.000Z' });
    expect(await outbox.listInterrupted('email', '2026-12-04T00:00:00.000Z', 10)).toEqual([]);
  });

  it('lists parked messages newest first and postpones a pending one without an attempt', async () => {
    const outbox = createOutboxRepository(t.doc, t.tableName);
    for (const [id, at] of [
      ['p1', '2026-12-03T04:00:00.000Z'],
      ['p2', '2026-12-03T05:00:00.000Z'],
    ] as const) {
      await outbox.enqueue(msg(id, '2026-12-03T04:00:00.000Z', 'sms'));
      const [m] = (await outbox.listDue('sms', at, 10)).filter((x) => x.id === id);
      const claimed = (await outbox.claim(m!, at))!;
      expect(await outbox.finish(claimed, 'parked', at, 'SMTP_550: refused')).toBe(true);
    }
    expect((await outbox.listParked('sms', 10)).map((m) => [m.id, m.lastError])).toEqual([
      ['p2', 'SMTP_550: refused'],
      ['p1', 'SMTP_550: refused'],
    ]);

    await outbox.enqueue(msg('q', '2026-12-03T13:30:00.000Z', 'sms'));
    const [q] = (await outbox.listDue('sms', '2026-12-03T13:30:00.000Z', 10)).filter((m) => m.id === 'q');
    expect(await outbox.postpone(q!, '2026-12-03T23:00:00.000Z')).toBe(true);
    expect((await outbox.listDue('sms', '2026-12-03T22:59:59.000Z', 10)).map((m) => m.id)).not.toContain('q');
    const [later] = (await outbox.listDue('sms', '2026-12-03T23:00:00.000Z', 10)).filter((m) => m.id === 'q');
    expect(later).toMatchObject({ attempts: 0, nextAttemptAt: '2026-12-03T23:00:00.000Z' });
  });
});

describe('the outbox in batches (a fan-out)', () => {
  it('enqueues many put-if-absent: a repeat in the list or in the table changes nothing', async () => {
    const outbox = createOutboxRepository(t.doc, t.tableName);
    const at = '2026-12-04T01:00:00.000Z';
    await outbox.enqueue(msg('fan-0', at));
    const [before] = await outbox.list('user-fan-0');
    await outbox.claim(before!, '2026-12-04T01:02:00.000Z'); // fan-0 is being sent: a repeat must not reset it
    const many = Array.from({ length: 230 }, (_, i) => msg(`fan-${i}`, at));
    await outbox.enqueueMany!([...many, msg('fan-1', '2026-12-04T05:00:00.000Z')]);
    const due = await outbox.listDue('email', at, 1000);
    const ours = due.filter((m) => m.id.startsWith('fan-'));
    expect(ours).toHaveLength(229);
    expect(ours.find((m) => m.id === 'fan-1')?.createdAt).toBe(at);
    expect((await outbox.list('user-fan-0'))[0]).toMatchObject({ status: 'sending', attempts: 1 });
  });

  it('claims many, each on its own condition, and finishes them together', async () => {
    const outbox = createOutboxRepository(t.doc, t.tableName);
    const at = '2026-12-05T01:00:00.000Z';
    await outbox.enqueueMany!(Array.from({ length: 150 }, (_, i) => msg(`many-${i}`, at, 'sms')));
    const due = (await outbox.listDue('sms', at, 1000)).filter((m) => m.id.startsWith('many-'));
    expect(due).toHaveLength(150);
    // Another sender took three of them first: the batch claims the other 147, once.
    for (const m of due.slice(0, 3)) expect(await outbox.claim(m, '2026-12-05T01:02:00.000Z')).toBeDefined();
    const claimed = await outbox.claimMany!(due, '2026-12-05T01:02:00.000Z');
    expect(claimed).toHaveLength(147);
    expect(claimed.every((m) => m.status === 'sending' && m.attempts === 1)).toBe(true);
    expect(await outbox.claimMany!(due, '2026-12-05T01:02:00.000Z')).toEqual([]);
    const endings = claimed.map((message, i) => ({
      message,
      status: i === 0 ? ('parked' as const) : ('sent' as const),
      at: '2026-12-05T01:00:05.000Z',
      ...(i === 0 ? { reason: 'SMS_REFUSED: test' } : {}),
    }));
    // One of them was settled meanwhile (state changed): its mark is refused, the others are made.
    expect(await outbox.finish(claimed[1]!, 'sent', '2026-12-05T01:00:04.000Z')).toBe(true);
    const ended = await outbox.finishMany!(endings);
    expect(ended.filter(Boolean)).toHaveLength(146);
    expect(ended[1]).toBe(false);
    expect((await outbox.list(claimed[2]!.userId))[0]).toMatchObject({ status: 'sent' });
    expect((await outbox.listParked('sms', 10)).map((m) => m.id)).toContain(claimed[0]!.id);
  });
});

describe('alert preferences in the table', () => {
  it('reads many accounts in one go: saved ones as saved, the others the defaults', async () => {
    const prefs = t.repos.alertPreferences;
    const saved = await prefs.getWithVersion('user-m1');
    await prefs.put('user-m1', { ...saved.preferences, channels: { email: false, sms: true } }, 0);
    const ids = ['user-m1', ...Array.from({ length: 120 }, (_, i) => `user-none-${i}`), 'user-m1'];
    const many = await prefs.getMany!(ids);
    expect(many.size).toBe(121);
    expect(many.get('user-m1')?.channels).toEqual({ email: false, sms: true });
    expect(many.get('user-none-7')?.channels).toEqual({ email: true, sms: false });
  });

  it('starts from the defaults at version 0 and refuses a stale save', async () => {
    const prefs = t.repos.alertPreferences;
    const first = await prefs.getWithVersion('user-p');
    expect(first.version).toBe(0);
    expect(first.preferences.channels).toEqual({ email: true, sms: false });
    const v1 = await prefs.put('user-p', { ...first.preferences, phone: '010-1234-5678' }, 0);
    expect(v1).toBe(1);
    await expect(prefs.put('user-p', first.preferences, 0)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await prefs.get('user-p')).phone).toBe('010-1234-5678');
    expect(await prefs.put('user-p', first.preferences, 1)).toBe(2);
  });
});
