import type { OutboxMessage } from '@sbiz24/shared';
import { DEFAULT_ALERT_PREFERENCES } from '@sbiz24/shared/alerts/preferences';
import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { ChannelAdapter, OutgoingMessage } from '../services/delivery';
import { business } from '../testing/fixtures';
import { MemoryOutbox } from '../testing/memory-outbox';
import { createMemoryRepositories } from '../testing/memory-repositories';
import { capturingLogger } from '../testing/test-app';
import {
  createAlertsQueueHandler,
  createAlertsSenderHandler,
  dispatchDue,
  readAlertsSenderConfig,
} from './alerts-sender';

describe('the alert sender Lambda', () => {
  it('names every missing variable and refuses a short signing key', () => {
    expect(() => readAlertsSenderConfig({})).toThrow(/TABLE_NAME, MAIL_FROM, PORTAL_URL, ALERTS_SIGNING_KEY/);
    const env = {
      TABLE_NAME: 't',
      MAIL_FROM: 'no-reply@x.kr',
      PORTAL_URL: 'https://x.kr/',
      ALERTS_SIGNING_KEY: 'short',
    };
    expect(() => readAlertsSenderConfig(env)).toThrow(/at least 32/);
    expect(readAlertsSenderConfig({ ...env, ALERTS_SIGNING_KEY: 'k'.repeat(32) })).toMatchObject({
      portalUrl: 'https://x.kr',
    });
  });

  it('delivers due messages and logs counts, never the address or the business', async () => {
    const now = new Date('2026-12-03T01:00:00Z');
    const repos = createMemoryRepositories(() => now);
    const b = business(3, '11110', 'owner-1');
    await repos.businesses.create(b);
    await repos.alertPreferences.put(
      'owner-1',
      { ...DEFAULT_ALERT_PREFERENCES, email: { address: 'owner@example.kr', verified: true } },
      0,
    );
    const outbox = new MemoryOutbox();
    await outbox.enqueue({
      id: 'n1',
      userId: 'owner-1',
      channel: 'email',
      notificationId: 'n1',
      title: '제목',
      body: '본문',
      createdAt: now.toISOString(),
      status: 'pending',
      kind: 'new-match',
      brn: b.profile.brn,
    });
    const sent: OutgoingMessage[] = [];
    const email: ChannelAdapter = { channel: 'email', send: async (m) => void sent.push(m) };
    const lines: string[] = [];
    const handler = createAlertsSenderHandler(
      () => ({
        outbox,
        preferences: repos.alertPreferences,
        businesses: repos.businesses,
        adapters: { email },
        links: { page: () => 'https://x.kr/p', unsubscribe: () => 'https://x.kr/u' },
        clock: () => now,
      }),
      capturingLogger(lines),
    );
    await handler({} as never, {} as Context, () => {});
    expect(sent).toHaveLength(1);
    const log = lines.join('\n');
    expect(log).toContain('"sent":1');
    expect(log).not.toContain('owner@example.kr');
    expect(log).not.toContain(b.profile.brn);
  });
});

describe('the SQS fan-out of the outbox', () => {
  async function setup() {
    const now = new Date('2026-12-03T01:00:00Z');
    const repos = createMemoryRepositories(() => now);
    const outbox = new MemoryOutbox();
    for (const id of ['a', 'b', 'c']) {
      await repos.alertPreferences.put(
        `owner-${id}`,
        { ...DEFAULT_ALERT_PREFERENCES, email: { address: `${id}@example.kr`, verified: true } },
        0,
      );
      await outbox.enqueue({
        id,
        userId: `owner-${id}`,
        channel: 'email',
        notificationId: id,
        title: '제목',
        body: '본문',
        createdAt: now.toISOString(),
        status: 'pending',
        kind: 'disaster',
      });
    }
    const sent: OutgoingMessage[] = [];
    let failFor: string | undefined;
    const email: ChannelAdapter = {
      channel: 'email',
      send: async (m) => {
        sent.push(m);
      },
    };
    const deps = {
      outbox: {
        ...outbox,
        enqueue: outbox.enqueue.bind(outbox),
        list: outbox.list.bind(outbox),
        listDue: outbox.listDue.bind(outbox),
        listInterrupted: outbox.listInterrupted.bind(outbox),
        listParked: outbox.listParked.bind(outbox),
        claim: async (m: Parameters<MemoryOutbox['claim']>[0], lease: string) => {
          if (m.id === failFor) throw new Error('table unreachable');
          return outbox.claim(m, lease);
        },
        finish: outbox.finish.bind(outbox),
        retryLater: outbox.retryLater.bind(outbox),
        postpone: outbox.postpone.bind(outbox),
      },
      preferences: repos.alertPreferences,
      businesses: repos.businesses,
      adapters: { email },
      links: { page: () => 'https://x.kr/p', unsubscribe: () => 'https://x.kr/u' },
      clock: () => now,
    };
    return { deps, outbox, sent, failOn: (id: string) => (failFor = id) };
  }

  const record = (messageId: string, body: unknown) => ({ messageId, body: JSON.stringify(body) }) as never;

  it('hands each due message to the queue once, and the sender delivers each once despite duplicates', async () => {
    const { deps, sent } = await setup();
    const queue: OutboxMessage[] = [];
    const first = await dispatchDue(deps, async (ms) => void queue.push(...ms), { page: 2 });
    expect(first.email).toEqual({ settled: 0, queued: 3 });
    // The next minute's dispatch finds nothing due: the queue has them.
    expect((await dispatchDue(deps, async (ms) => void queue.push(...ms))).email?.queued).toBe(0);
    const handler = createAlertsQueueHandler(() => deps, capturingLogger([]));
    const records = [...queue, queue[0]!].map((m, i) => record(`r${i}`, m));
    const response = await handler({ Records: records });
    expect(response.batchItemFailures).toEqual([]);
    expect(sent.map((m) => m.to).sort()).toEqual(['a@example.kr', 'b@example.kr', 'c@example.kr']);
  });

  it('reports only the failed item for SQS to redeliver', async () => {
    const { deps, sent, failOn } = await setup();
    const queue: OutboxMessage[] = [];
    await dispatchDue(deps, async (ms) => void queue.push(...ms));
    failOn('b');
    const handler = createAlertsQueueHandler(() => deps, capturingLogger([]));
    const response = await handler({ Records: queue.map((m) => record(`r-${m.id}`, m)) });
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'r-b' }]);
    expect(sent).toHaveLength(2);
  });
});
