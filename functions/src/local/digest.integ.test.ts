import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OutboxMessage } from '@sbiz24/shared';
import { DEFAULT_ALERT_PREFERENCES } from '@sbiz24/shared/alerts/preferences';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutboxRepository } from '../store/outbox-repository';
import { startTestTable, type TestTable } from '../testing/dynalite-harness';
import { business } from '../testing/fixtures';
import { type LocalAlerts, startLocalAlerts } from './alerts';

// Thursday 10:00 in Korea; the digest goes on Monday 2026-12-07 09:00 KST.
let now = new Date('2026-12-03T01:00:00Z');
const OWNER = 'digest-owner';
const ADDRESS = 'digest@example.kr';

let t: TestTable;
let dataDir: string;
let alerts: LocalAlerts;
const b = business(3, '11110', OWNER);

beforeAll(async () => {
  t = await startTestTable({ tableName: 'local-digest', clock: () => now });
  dataDir = await mkdtemp(join(tmpdir(), 'sbiz24-digest-'));
  await t.repos.businesses.createMany([b]);
  await t.repos.alertPreferences.put(
    OWNER,
    { ...DEFAULT_ALERT_PREFERENCES, email: { address: ADDRESS, verified: true }, digest: 'weekly' },
    0,
  );
  alerts = await startLocalAlerts({
    dataDir,
    doc: t.doc,
    tableName: t.tableName,
    repos: t.repos,
    clock: () => now,
    baseUrl: () => 'http://127.0.0.1:3999',
    intervalMs: 600_000,
  });
});

afterAll(async () => {
  await alerts?.stop();
  await t?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const alert = (id: string, kind: OutboxMessage['kind']): OutboxMessage => ({
  id,
  userId: OWNER,
  channel: 'email',
  notificationId: id,
  title: `알림 ${id}`,
  body: `「사업 ${id}」 안내입니다.`,
  createdAt: now.toISOString(),
  status: 'pending',
  kind,
  brn: b.profile.brn,
  programId: `prog-${id}`,
  programTitle: `사업 ${id}`,
  ...(kind === 'deadline' ? { applyEnd: '2026-12-11' } : {}),
});

describe('the weekly digest through the local alerts runner and SMTP server', () => {
  it('holds the week, then one mail reaches the development mailbox with links and one-click unsubscribe, once', async () => {
    const outbox = createOutboxRepository(t.doc, t.tableName);
    await outbox.enqueue(alert('m1', 'new-match'));
    await outbox.enqueue(alert('d1', 'deadline'));
    await outbox.enqueue(alert('x1', 'disaster'));
    await alerts.deliverNow();
    const toOwner = () => alerts.mail.mailbox.list().filter((m) => m.to.includes(ADDRESS));
    // Only the disaster alert went at once.
    expect(toOwner().map((m) => m.subject)).toEqual(['[소상공인24] 알림 x1']);

    now = new Date('2026-12-07T00:00:05Z');
    for (let i = 0; i < 3; i++) await alerts.deliverNow();
    const digests = toOwner().filter((m) => m.subject.includes('이번 주 소식'));
    expect(digests).toHaveLength(1);
    const mail = digests[0]!;
    expect(mail.subject).toBe('[소상공인24] 이번 주 소식 2건 (2026년 12월 7일)');
    expect(mail.text).toContain(`${b.profile.tradeName} 사장님, 안녕하세요.`);
    expect(mail.text).toContain('바로 가기: http://127.0.0.1:3999/programs/prog-m1');
    expect(mail.text).toContain('사업 d1 (신청 마감: 2026년 12월 11일(금))');
    const header = /^<(.+)>$/.exec(mail.listUnsubscribe ?? '')?.[1];
    expect(header).toMatch(/^http:\/\/127\.0\.0\.1:3999\/api\/alerts\/unsubscribe\?token=/);
    const token = new URL(header!).searchParams.get('token')!;
    expect(alerts.tokens.verify(token)).toEqual({ userId: OWNER, kind: 'new-match' });
    expect(mail.text).toContain(header!);

    // Later passes (and the next minute) send nothing more.
    now = new Date('2026-12-07T00:05:00Z');
    await alerts.deliverNow();
    expect(toOwner()).toHaveLength(2);
    const stored = await outbox.list(OWNER);
    expect(stored.find((m) => m.id === 'digest-2026-W50')).toMatchObject({ status: 'sent' });
    expect(
      stored
        .filter((m) => m.lastError === 'digest 2026-W50')
        .map((m) => m.id)
        .sort(),
    ).toEqual(['d1', 'm1']);
  });
});
