import type { OutboxMessage } from '@sbiz24/shared';
import { type AlertPreferences, DEFAULT_ALERT_PREFERENCES } from '@sbiz24/shared/alerts/preferences';
import { beforeEach, describe, expect, it } from 'vitest';
import { business } from '../testing/fixtures';
import { MemoryOutbox } from '../testing/memory-outbox';
import { createMemoryRepositories, type MemoryRepositories } from '../testing/memory-repositories';
import {
  type ChannelAdapter,
  type DeliveryDeps,
  deliverAll,
  deliverChannel,
  type OutgoingMessage,
} from './delivery';

class FakeChannel implements ChannelAdapter {
  readonly sent: OutgoingMessage[] = [];
  constructor(readonly channel: 'email' | 'sms') {}
  async send(message: OutgoingMessage) {
    this.sent.push(message);
  }
}

const OWNER = 'owner-1';
const DIGEST_OWNER: AlertPreferences = {
  ...DEFAULT_ALERT_PREFERENCES,
  channels: { email: true, sms: true },
  email: { address: 'owner@example.kr', verified: true },
  phone: '010-1234-5678',
  digest: 'weekly',
};
// Thursday 2026-12-03 10:00 Korea time; the next digest is Monday 2026-12-07 09:00 KST (00:00 UTC), week 50.
const THURSDAY = new Date('2026-12-03T01:00:00Z');
const MONDAY_0900 = new Date('2026-12-07T00:00:00Z');

let now: Date;
let outbox: MemoryOutbox;
let repos: MemoryRepositories;
let email: FakeChannel;
let sms: FakeChannel;
const b = business(1, '11110', OWNER);

function deps(): DeliveryDeps {
  return {
    outbox,
    preferences: repos.alertPreferences,
    businesses: repos.businesses,
    adapters: { email, sms },
    links: {
      page: (m) => (m.programId ? `http://portal/programs/${m.programId}` : 'http://portal/my/notifications'),
      unsubscribe: (userId, kind) => `http://portal/unsubscribe/${userId}/${kind}`,
    },
    clock: () => now,
  };
}

function alert(id: string, kind: OutboxMessage['kind'], change: Partial<OutboxMessage> = {}): OutboxMessage {
  return {
    id,
    userId: OWNER,
    channel: 'email',
    notificationId: id,
    title: `알림 ${id}`,
    body: `「사업 ${id}」 본문`,
    createdAt: now.toISOString(),
    status: 'pending',
    kind,
    brn: b.profile.brn,
    programId: `p-${id}`,
    programTitle: `사업 ${id}`,
    ...(kind === 'deadline' ? { applyEnd: '2026-12-10' } : {}),
    ...change,
  };
}

const emails = () => email.sent.flatMap((m) => (m.channel === 'email' ? [m] : []));
const byId = async (id: string) =>
  (await outbox.list(OWNER)).find((m) => m.id === id && m.channel === 'email');

beforeEach(async () => {
  now = THURSDAY;
  outbox = new MemoryOutbox();
  repos = createMemoryRepositories(() => now);
  await repos.businesses.create(b);
  await repos.alertPreferences.put(OWNER, DIGEST_OWNER, 0);
  email = new FakeChannel('email');
  sms = new FakeChannel('sms');
});

describe('weekly digest', () => {
  it('holds new-match and deadline e-mails until Monday 09:00 KST; disaster and application mails go at once', async () => {
    await outbox.enqueue(alert('m1', 'new-match'));
    await outbox.enqueue(alert('d1', 'deadline'));
    await outbox.enqueue(alert('x1', 'disaster'));
    await outbox.enqueue(alert('a1', 'application'));
    await outbox.enqueue(alert('m1', 'new-match', { channel: 'sms' }));
    const counts = await deliverAll(deps());
    expect(counts.email).toMatchObject({ sent: 2, postponed: 2 });
    // Texts are not part of the digest.
    expect(counts.sms).toMatchObject({ sent: 1 });
    expect(
      emails()
        .map((m) => m.idempotencyKey)
        .sort(),
    ).toEqual(['a1', 'x1']);
    expect(await byId('m1')).toMatchObject({
      status: 'pending',
      nextAttemptAt: MONDAY_0900.toISOString(),
      attempts: 0,
    });
    // Nothing more before Monday.
    now = new Date(MONDAY_0900.getTime() - 1);
    await deliverAll(deps());
    expect(emails()).toHaveLength(2);
  });

  it('sends one mail listing the week, grouped by kind, with links and the unsubscribe link and headers', async () => {
    await outbox.enqueue(alert('m1', 'new-match'));
    now = new Date(THURSDAY.getTime() + 60_000);
    await outbox.enqueue(alert('d1', 'deadline'));
    now = new Date(THURSDAY.getTime() + 120_000);
    await outbox.enqueue(alert('m2', 'new-match'));
    await deliverChannel(deps(), 'email');
    now = MONDAY_0900;
    // The first pass stores the digest and settles the held ones; the next one sends it.
    expect(await deliverChannel(deps(), 'email')).toMatchObject({ skipped: 3, sent: 0 });
    expect(await deliverChannel(deps(), 'email')).toMatchObject({ sent: 1 });
    expect(emails()).toHaveLength(1);
    const mail = emails()[0]!;
    expect(mail.idempotencyKey).toBe('digest-2026-W50');
    expect(mail.to).toBe('owner@example.kr');
    expect(mail.email.subject).toBe('[소상공인24] 이번 주 소식 3건 (2026년 12월 7일)');
    const text = mail.email.text;
    expect(text).toContain(`${b.profile.tradeName} 사장님, 안녕하세요.`);
    expect(text.indexOf('■ 새로 맞는 지원사업 (2건)')).toBeLessThan(
      text.indexOf('■ 다가오는 신청 마감 (1건)'),
    );
    expect(text.indexOf('사업 m1')).toBeLessThan(text.indexOf('사업 m2'));
    expect(text).toContain('사업 d1 (신청 마감: 2026년 12월 10일(목))');
    expect(text).toContain('바로 가기: http://portal/programs/p-m2');
    expect(text).toContain(`http://portal/unsubscribe/${OWNER}/deadline`);
    expect(mail.email.html).toContain('href="http://portal/programs/p-d1"');
    expect(mail.email.headers).toEqual({
      'List-Unsubscribe': `<http://portal/unsubscribe/${OWNER}/new-match>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
    for (const id of ['m1', 'd1', 'm2']) {
      expect(await byId(id)).toMatchObject({ status: 'skipped', lastError: 'digest 2026-W50' });
    }
  });

  it('sends a digest for an owner and week once, however often the step runs, even side by side', async () => {
    await outbox.enqueue(alert('m1', 'new-match'));
    await outbox.enqueue(alert('m2', 'new-match'));
    await deliverChannel(deps(), 'email');
    now = MONDAY_0900;
    await Promise.all([deliverChannel(deps(), 'email'), deliverChannel(deps(), 'email')]);
    for (let i = 0; i < 3; i++) {
      now = new Date(now.getTime() + 60_000);
      await Promise.all([deliverChannel(deps(), 'email'), deliverChannel(deps(), 'email')]);
    }
    expect(emails().map((m) => m.idempotencyKey)).toEqual(['digest-2026-W50']);
    expect((await outbox.list(OWNER)).filter((m) => m.digest)).toHaveLength(1);
  });

  it("puts an alert that came after the week's digest into the next week's", async () => {
    await outbox.enqueue(alert('m1', 'new-match'));
    await deliverChannel(deps(), 'email');
    now = MONDAY_0900;
    await deliverChannel(deps(), 'email');
    await deliverChannel(deps(), 'email');
    // Created before 09:00 but delivered to the outbox only after the digest was made.
    await outbox.enqueue(
      alert('late', 'new-match', { createdAt: new Date(MONDAY_0900.getTime() - 1000).toISOString() }),
    );
    now = new Date(MONDAY_0900.getTime() + 5 * 60_000);
    expect(await deliverChannel(deps(), 'email')).toMatchObject({ postponed: 1 });
    expect(await byId('late')).toMatchObject({
      status: 'pending',
      nextAttemptAt: '2026-12-14T00:00:00.000Z',
    });
    now = new Date('2026-12-14T00:00:00Z');
    await deliverChannel(deps(), 'email');
    await deliverChannel(deps(), 'email');
    expect(emails().map((m) => m.idempotencyKey)).toEqual(['digest-2026-W50', 'digest-2026-W51']);
    expect(emails()[1]!.email.text).toContain('사업 late');
  });

  it('lists at most 20 alerts in full and counts the rest, pointing to the inbox', async () => {
    for (let i = 0; i < 23; i++) {
      now = new Date(THURSDAY.getTime() + i * 1000);
      await outbox.enqueue(alert(`m${String(i).padStart(2, '0')}`, 'new-match'));
    }
    await deliverChannel(deps(), 'email');
    now = MONDAY_0900;
    await deliverChannel(deps(), 'email');
    await deliverChannel(deps(), 'email');
    const mail = emails()[0]!;
    expect(mail.email.subject).toContain('이번 주 소식 23건');
    expect(mail.email.text).toContain('사업 m19');
    expect(mail.email.text).not.toContain('사업 m20');
    expect(mail.email.text).toContain(
      '이 밖에 3건은 알림함에서 볼 수 있습니다: http://portal/my/notifications',
    );
  });

  it('sends mails one by one again for an owner who leaves the digest, and skips a digest whose kinds were turned off', async () => {
    await repos.alertPreferences.put(OWNER, { ...DIGEST_OWNER, digest: 'none' }, 1);
    await outbox.enqueue(alert('m1', 'new-match'));
    expect(await deliverChannel(deps(), 'email')).toMatchObject({ sent: 1 });

    await repos.alertPreferences.put(OWNER, DIGEST_OWNER, 2);
    await outbox.enqueue(alert('m2', 'new-match'));
    await deliverChannel(deps(), 'email');
    now = MONDAY_0900;
    await deliverChannel(deps(), 'email');
    await repos.alertPreferences.put(
      OWNER,
      { ...DIGEST_OWNER, kinds: { ...DIGEST_OWNER.kinds, 'new-match': false } },
      3,
    );
    expect(await deliverChannel(deps(), 'email')).toMatchObject({ skipped: 1, sent: 0 });
    expect(emails().map((m) => m.idempotencyKey)).toEqual(['m1']);
  });
});
