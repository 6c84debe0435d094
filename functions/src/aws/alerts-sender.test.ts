import { DEFAULT_ALERT_PREFERENCES } from '@sbiz24/shared/alerts/preferences';
import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { ChannelAdapter, OutgoingMessage } from '../services/delivery';
import { business } from '../testing/fixtures';
import { MemoryOutbox } from '../testing/memory-outbox';
import { createMemoryRepositories } from '../testing/memory-repositories';
import { capturingLogger } from '../testing/test-app';
import { createAlertsSenderHandler, readAlertsSenderConfig } from './alerts-sender';

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
