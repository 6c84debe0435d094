import type { OutboxMessage } from '@sbiz24/shared';
import { type AlertPreferences, DEFAULT_ALERT_PREFERENCES } from '@sbiz24/shared/alerts/preferences';
import { beforeEach, describe, expect, it } from 'vitest';
import { business } from '../testing/fixtures';
import { MemoryOutbox } from '../testing/memory-outbox';
import { createMemoryRepositories, type MemoryRepositories } from '../testing/memory-repositories';
import {
  alertPagePath,
  type ChannelAdapter,
  type DeliveryDeps,
  deliverAll,
  deliverChannel,
  LEASE_MS,
  MAX_ATTEMPTS,
  type OutgoingMessage,
  PermanentDeliveryError,
  RETRY_DELAYS_MS,
} from './delivery';

/** A channel that records what it was handed and fails as told. */
class FakeChannel implements ChannelAdapter {
  readonly sent: OutgoingMessage[] = [];
  failures: (Error | undefined)[] = [];
  constructor(readonly channel: 'email' | 'sms') {}
  async send(message: OutgoingMessage) {
    const failure = this.failures.shift();
    if (failure) throw failure;
    this.sent.push(message);
  }
}

const OWNER = 'owner-1';
const OPTED_IN: AlertPreferences = {
  ...DEFAULT_ALERT_PREFERENCES,
  channels: { email: true, sms: true },
  email: { address: 'owner@example.kr', verified: true },
  phone: '010-1234-5678',
};

// 2026-12-03 10:00 in Korea: outside quiet hours.
let now = new Date('2026-12-03T01:00:00Z');
let outbox: MemoryOutbox;
let repos: MemoryRepositories;
let email: FakeChannel;
let sms: FakeChannel;
let parked: string[];

function deps(change: Partial<DeliveryDeps> = {}): DeliveryDeps {
  return {
    outbox,
    preferences: repos.alertPreferences,
    businesses: repos.businesses,
    adapters: { email, sms },
    links: {
      page: (m) => `http://portal/programs/${m.programId}`,
      unsubscribe: (userId, kind) => `http://portal/unsubscribe/${userId}/${kind}`,
    },
    clock: () => now,
    onParked: (m, reason) => parked.push(`${m.channel}:${reason}`),
    ...change,
  };
}

function message(channel: 'email' | 'sms', change: Partial<OutboxMessage> = {}): OutboxMessage {
  return {
    id: `n-${channel}`,
    userId: OWNER,
    channel,
    notificationId: 'n',
    title: '새로 신청할 수 있는 지원사업: 희망리턴패키지',
    body: '사업장이 「희망리턴패키지」 신청 자격을 갖추었습니다.',
    createdAt: now.toISOString(),
    status: 'pending',
    kind: 'new-match',
    brn: b.profile.brn,
    programId: 'hope-return',
    programTitle: '희망리턴패키지',
    ...change,
  };
}

const b = business(1, '11110', OWNER);
const stored = async (channel: 'email' | 'sms') =>
  (await outbox.list(OWNER)).find((m) => m.channel === channel)!;

beforeEach(async () => {
  now = new Date('2026-12-03T01:00:00Z');
  outbox = new MemoryOutbox();
  repos = createMemoryRepositories(() => now);
  await repos.businesses.create(b);
  await repos.alertPreferences.put(OWNER, OPTED_IN, 0);
  email = new FakeChannel('email');
  sms = new FakeChannel('sms');
  parked = [];
});

describe('deliverChannel', () => {
  it('sends a due e-mail once, to the verified address, naming the business, and marks it sent', async () => {
    await outbox.enqueue(message('email'));
    expect(await deliverChannel(deps(), 'email')).toMatchObject({ sent: 1 });
    expect(await deliverChannel(deps(), 'email')).toMatchObject({ sent: 0 });
    expect(email.sent).toHaveLength(1);
    const sent = email.sent[0]!;
    expect(sent.channel === 'email' && sent.to).toBe('owner@example.kr');
    expect(sent.channel === 'email' && sent.email.text).toContain(`${b.profile.tradeName} 사장님`);
    expect(await stored('email')).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('retries a failed send after growing delays, then parks it with the reason', async () => {
    await outbox.enqueue(message('email'));
    email.failures = Array.from({ length: MAX_ATTEMPTS }, () =>
      Object.assign(new Error('down'), { code: 'ECONNREFUSED' }),
    );
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const counts = await deliverChannel(deps(), 'email');
      if (attempt < MAX_ATTEMPTS) {
        expect(counts.retried).toBe(1);
        const m = await stored('email');
        expect(m).toMatchObject({ status: 'pending', attempts: attempt, lastError: 'Error ECONNREFUSED' });
        expect(Date.parse(m.nextAttemptAt!) - now.getTime()).toBe(RETRY_DELAYS_MS[attempt - 1]);
        // Not due before its time.
        expect(await deliverChannel(deps(), 'email')).toMatchObject({ sent: 0, retried: 0 });
        now = new Date(Date.parse(m.nextAttemptAt!));
      } else {
        expect(counts.parked).toBe(1);
      }
    }
    expect(await stored('email')).toMatchObject({ status: 'parked', attempts: MAX_ATTEMPTS });
    expect(parked).toEqual(['email:Error ECONNREFUSED']);
    expect(email.sent).toHaveLength(0);
  });

  it('parks at once what the channel refuses for good', async () => {
    await outbox.enqueue(message('email'));
    email.failures = [new PermanentDeliveryError('SMTP_550', 'mailbox unavailable')];
    expect(await deliverChannel(deps(), 'email')).toMatchObject({ parked: 1 });
    expect(await stored('email')).toMatchObject({
      status: 'parked',
      lastError: 'SMTP_550: mailbox unavailable',
    });
  });

  it('skips what the owner turned off after it was queued', async () => {
    await outbox.enqueue(message('email'));
    await repos.alertPreferences.put(
      OWNER,
      { ...OPTED_IN, kinds: { ...OPTED_IN.kinds, 'new-match': false } },
      1,
    );
    expect(await deliverChannel(deps(), 'email')).toMatchObject({ skipped: 1, sent: 0 });
    expect(await stored('email')).toMatchObject({ status: 'skipped', lastError: 'preferences' });
  });

  it('holds text messages during quiet hours without counting an attempt, and sends them at 08:00', async () => {
    now = new Date('2026-12-03T13:30:00Z'); // 22:30 in Korea
    await outbox.enqueue(message('sms', { createdAt: now.toISOString() }));
    expect(await deliverChannel(deps(), 'sms')).toMatchObject({ postponed: 1, sent: 0 });
    const held = await stored('sms');
    expect(held).toMatchObject({ status: 'pending', attempts: 0, nextAttemptAt: '2026-12-03T23:00:00.000Z' });
    now = new Date('2026-12-03T23:00:00Z');
    expect(await deliverChannel(deps(), 'sms')).toMatchObject({ sent: 1 });
    const sent = sms.sent[0]!;
    expect(sent.channel === 'sms' && sent.to).toBe('01012345678');
    expect(sent.channel === 'sms' && sent.message.templateCode).toBe('SBIZ_NEW_MATCH_01');
  });

  it('lets disaster relief through quiet hours when the owner allows it', async () => {
    now = new Date('2026-12-03T13:30:00Z');
    await outbox.enqueue(message('sms', { kind: 'disaster', createdAt: now.toISOString() }));
    expect(await deliverChannel(deps(), 'sms')).toMatchObject({ sent: 1 });
  });

  it('sends a rapid-payment notice in quiet hours as the rapid template, its button and mail linking the apply page', async () => {
    now = new Date('2026-12-03T13:30:00Z'); // 22:30 in Korea
    const rapid = { kind: 'disaster' as const, rapidAmountWon: 3_000_000, createdAt: now.toISOString() };
    await outbox.enqueue(message('sms', rapid));
    await outbox.enqueue(message('email', rapid));
    const withPaths = deps({
      links: { page: (m) => `http://portal${alertPagePath(m)}`, unsubscribe: () => 'http://portal/u' },
    });
    expect(await deliverChannel(withPaths, 'sms')).toMatchObject({ sent: 1 });
    expect(await deliverChannel(withPaths, 'email')).toMatchObject({ sent: 1 });
    const apply = `http://portal/my/businesses/${b.profile.brn}/apply?programs=hope-return`;
    const text = sms.sent[0]!;
    expect(text.channel === 'sms' && text.message.templateCode).toBe('SBIZ_RAPID_PAY_01');
    expect(text.channel === 'sms' && text.message.text).toContain('■ 지급액: 300만원');
    expect(text.channel === 'sms' && text.message.button).toEqual({ name: '신청하기', url: apply });
    const mail = email.sent[0]!;
    expect(mail.channel === 'email' && mail.email.text).toContain(`신청하기: ${apply}`);
  });

  it('opens the apply page for a rapid notice, the program for other alerts, the inbox without a program', () => {
    expect(alertPagePath({ programId: 'p 1', brn: '1234567890', rapidAmountWon: 1 })).toBe(
      '/my/businesses/1234567890/apply?programs=p%201',
    );
    expect(alertPagePath({ programId: 'p 1', brn: '1234567890' })).toBe('/programs/p%201');
    expect(alertPagePath({})).toBe('/my/notifications');
  });

  it('never sends a message twice when two senders run at once', async () => {
    await outbox.enqueue(message('email'));
    await Promise.all([deliverChannel(deps(), 'email'), deliverChannel(deps(), 'email')]);
    expect(email.sent).toHaveLength(1);
  });

  it('settles a send interrupted between claim and mark: confirmed by the channel → sent, never resent', async () => {
    await outbox.enqueue(message('email'));
    const claimed = await outbox.claim(
      await stored('email'),
      new Date(now.getTime() + LEASE_MS).toISOString(),
    );
    expect(claimed).toBeDefined();
    email.sent.push({} as OutgoingMessage); // the mail went out, then the sender died
    const confirming: ChannelAdapter = Object.assign(email, { wasDelivered: async () => true });
    expect(await deliverChannel(deps({ adapters: { email: confirming } }), 'email')).toMatchObject({
      recovered: 0,
    });
    now = new Date(now.getTime() + LEASE_MS);
    expect(await deliverChannel(deps({ adapters: { email: confirming } }), 'email')).toMatchObject({
      recovered: 1,
    });
    expect(email.sent).toHaveLength(1);
    expect(await stored('email')).toMatchObject({ status: 'sent' });
  });

  it('parks an interrupted send the channel cannot vouch for, rather than risk a duplicate', async () => {
    await outbox.enqueue(message('sms'));
    await outbox.claim(await stored('sms'), new Date(now.getTime() + LEASE_MS).toISOString());
    now = new Date(now.getTime() + LEASE_MS + 1);
    expect(await deliverChannel(deps(), 'sms')).toMatchObject({ parked: 1 });
    expect(sms.sent).toHaveLength(0);
    expect((await stored('sms')).lastError).toMatch(/^interrupted/);
  });
});

describe('deliverAll', () => {
  it('delivers the other channel while one is down', async () => {
    await outbox.enqueue(message('email'));
    await outbox.enqueue(message('sms'));
    const down: ChannelAdapter = {
      channel: 'email',
      send: () => new Promise((_, fail) => setTimeout(() => fail(new Error('timeout')), 5)),
    };
    const result = await deliverAll(deps({ adapters: { email: down, sms } }));
    expect(result.sms).toMatchObject({ sent: 1 });
    expect(result.email).toMatchObject({ retried: 1 });
  });

  it('keeps messages of a channel with no adapter pending', async () => {
    await outbox.enqueue(message('sms'));
    await deliverAll(deps({ adapters: { email } }));
    expect(await stored('sms')).toMatchObject({ status: 'pending', attempts: 0 });
  });
});
