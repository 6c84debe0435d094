import type { OutboxMessage } from '@sbiz24/shared';
import { DEFAULT_ALERT_PREFERENCES } from '@sbiz24/shared/alerts/preferences';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutboxRepository } from '../store/outbox-repository';
import { startTestTable, type TestTable } from '../testing/dynalite-harness';
import { business } from '../testing/fixtures';
import { createMemoryRepositories } from '../testing/memory-repositories';
import { type ChannelAdapter, type DeliveryDeps, deliverChannel, type OutgoingMessage } from './delivery';

let t: TestTable;
beforeAll(async () => {
  t = await startTestTable({ tableName: 'outbox-digest' });
});
afterAll(() => t.stop());

const OWNER = 'digest-owner';

describe('the weekly digest against the local DynamoDB', () => {
  it('stores the digest with its items, and sends it once with two senders running side by side', async () => {
    let now = new Date('2026-12-03T01:00:00Z');
    const repos = createMemoryRepositories(() => now);
    const b = business(7, '11110', OWNER);
    await repos.businesses.create(b);
    await repos.alertPreferences.put(
      OWNER,
      { ...DEFAULT_ALERT_PREFERENCES, email: { address: 'o@example.kr', verified: true }, digest: 'weekly' },
      0,
    );
    const outbox = createOutboxRepository(t.doc, t.tableName);
    const sent: OutgoingMessage[] = [];
    const email: ChannelAdapter = { channel: 'email', send: async (m) => void sent.push(m) };
    const deps: DeliveryDeps = {
      outbox,
      preferences: repos.alertPreferences,
      businesses: repos.businesses,
      adapters: { email },
      links: {
        page: (m) => `http://portal${m.programId ? `/programs/${m.programId}` : '/my/notifications'}`,
        unsubscribe: (u, k) => `http://portal/u/${u}/${k}`,
      },
      clock: () => now,
    };
    const alert = (id: string, kind: 'new-match' | 'deadline'): OutboxMessage => ({
      id,
      userId: OWNER,
      channel: 'email',
      notificationId: id,
      title: `제목 ${id}`,
      body: `본문 ${id}`,
      createdAt: now.toISOString(),
      status: 'pending',
      kind,
      brn: b.profile.brn,
      programId: `p-${id}`,
      programTitle: `사업 ${id}`,
      ...(kind === 'deadline' ? { applyEnd: '2026-12-10' } : {}),
    });
    await outbox.enqueue(alert('n1', 'new-match'));
    await outbox.enqueue(alert('n2', 'deadline'));
    expect(await deliverChannel(deps, 'email')).toMatchObject({ postponed: 2 });

    now = new Date('2026-12-07T00:00:30Z');
    await Promise.all([deliverChannel(deps, 'email'), deliverChannel(deps, 'email')]);
    const digest = (await outbox.list(OWNER)).find((m) => m.digest);
    expect(digest).toMatchObject({
      id: 'digest-2026-W50',
      status: 'pending',
      digest: {
        week: '2026-W50',
        slot: '2026-12-07T00:00:00.000Z',
        coveredIds: ['n1', 'n2'],
        items: [
          { id: 'n1', kind: 'new-match', programId: 'p-n1', programTitle: '사업 n1' },
          { id: 'n2', kind: 'deadline', applyEnd: '2026-12-10' },
        ],
      },
    });
    for (let i = 0; i < 3; i++) {
      now = new Date(now.getTime() + 60_000);
      await Promise.all([deliverChannel(deps, 'email'), deliverChannel(deps, 'email')]);
    }
    expect(sent.map((m) => m.idempotencyKey)).toEqual(['digest-2026-W50']);
    const stored = await outbox.list(OWNER);
    expect(stored.map((m) => [m.id, m.status]).sort()).toEqual([
      ['digest-2026-W50', 'sent'],
      ['n1', 'skipped'],
      ['n2', 'skipped'],
    ]);
    // Nothing of the digest is left in the work queues.
    expect(await outbox.listDue('email', '2027-01-01T00:00:00Z', 10)).toEqual([]);
  });
});
