import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutboxRepository } from '../store/outbox-repository';
import { startTestTable, type TestTable } from '../testing/dynalite-harness';
import { brnOf } from '../testing/fixtures';
import { notify } from './notifier';

let t: TestTable;
beforeAll(async () => {
  t = await startTestTable({ tableName: 'outbox' });
});
afterAll(() => t.stop());

describe('the outbox in the table', () => {
  it('keeps one e-mail per notification however often the event is delivered, listed newest first', async () => {
    const outbox = createOutboxRepository(t.doc, t.tableName);
    const deps = {
      notifications: t.repos.notifications,
      outbox,
      clock: () => new Date('2026-06-01T00:00:00Z'),
    };
    const base = {
      reason: 'new-match' as const,
      brn: brnOf(5),
      ownerId: 'owner-x',
      programTitle: '청년 소상공인 자금',
      programKind: 'policy-fund' as const,
      runId: 'r1',
      asOf: '2026-06-01',
    };

    await notify(deps, { ...base, programId: 'youth-fund' });
    await notify(deps, { ...base, programId: 'youth-fund', runId: 'r2' });
    await notify(
      { ...deps, clock: () => new Date('2026-06-02T00:00:00Z') },
      { ...base, programId: 'smart-store' },
    );

    const messages = await outbox.list('owner-x');
    expect(messages.map((m) => [m.channel, m.status])).toEqual([
      ['email', 'pending'],
      ['email', 'pending'],
    ]);
    expect(messages[0]!.createdAt > messages[1]!.createdAt).toBe(true);
    expect((await t.repos.notifications.list('owner-x')).items).toHaveLength(2);
    expect(await outbox.list('someone-else')).toEqual([]);
  });
});
