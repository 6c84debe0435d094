import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OutboxMessage } from '@sbiz24/shared';
import { DEFAULT_ALERT_PREFERENCES } from '@sbiz24/shared/alerts/preferences';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DeliveryDeps, deliverChannel, LEASE_MS } from '../services/delivery';
import { business } from '../testing/fixtures';
import { MemoryOutbox } from '../testing/memory-outbox';
import { createMemoryRepositories } from '../testing/memory-repositories';
import { type LocalMailServer, startMailServer } from './mail-server';
import { createSmtpChannel } from './smtp-channel';

let dir: string;
let server: LocalMailServer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sbiz24-mail-'));
  server = await startMailServer({ dir, maxBytes: 64 * 1024 });
});
afterAll(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

const OWNER = 'owner-mail';
const b = business(7, '47170', OWNER);

async function setup(now: () => Date) {
  const repos = createMemoryRepositories(now);
  await repos.businesses.create(b);
  await repos.alertPreferences.put(
    OWNER,
    { ...DEFAULT_ALERT_PREFERENCES, email: { address: 'owner@example.kr', verified: true } },
    0,
  );
  return repos;
}

const message = (id: string, at: Date): OutboxMessage => ({
  id,
  userId: OWNER,
  channel: 'email',
  notificationId: id,
  title: '재난지원 신청 대상이 되었습니다: 산불 피해 소상공인 지원',
  body: '사업장이 「산불 피해 소상공인 지원」 지원 대상입니다.',
  createdAt: at.toISOString(),
  status: 'pending',
  kind: 'disaster',
  brn: b.profile.brn,
  programId: 'wildfire-relief',
  programTitle: '산불 피해 소상공인 지원',
  applyEnd: '2026-12-31',
});

describe('e-mail through the development SMTP server', () => {
  it('arrives with the subject, the body, the link and the one-click unsubscribe header', async () => {
    const now = new Date('2026-12-03T01:00:00Z');
    const repos = await setup(() => now);
    const outbox = new MemoryOutbox();
    await outbox.enqueue(message('m-arrives', now));
    const deps: DeliveryDeps = {
      outbox,
      preferences: repos.alertPreferences,
      businesses: repos.businesses,
      adapters: { email: createSmtpChannel({ host: server.host, port: server.port }) },
      links: {
        page: (m) => `http://127.0.0.1:3000/programs/${m.programId}`,
        unsubscribe: () => 'http://127.0.0.1:3000/u?t=1',
      },
      clock: () => now,
    };
    expect(await deliverChannel(deps, 'email')).toMatchObject({ sent: 1 });
    const mail = server.mailbox.list().find((m) => m.messageId === 'm-arrives@sbiz24.local')!;
    expect(mail.to).toEqual(['owner@example.kr']);
    expect(mail.subject).toBe('[소상공인24] 재난지원 신청 대상이 되었습니다: 산불 피해 소상공인 지원');
    expect(mail.text).toContain(`${b.profile.tradeName} 사장님`);
    expect(mail.text).toContain('신청 마감: 2026년 12월 31일(목)');
    expect(mail.text).toContain('http://127.0.0.1:3000/programs/wildfire-relief');
    expect(mail.listUnsubscribe).toContain('http://127.0.0.1:3000/u?t=1');
  });

  it('sends no duplicate when the sender dies between the send and the mark, and settles it on restart', async () => {
    let now = new Date('2026-12-03T02:00:00Z');
    const repos = await setup(() => now);
    const outbox = new MemoryOutbox();
    await outbox.enqueue(message('m-crash', now));
    const channel = createSmtpChannel({
      host: server.host,
      port: server.port,
      wasDelivered: (id) => server.mailbox.has(id),
    });
    // The first sender's process dies right after the relay took the mail: its `finish` never happens.
    const dying = Object.assign(Object.create(outbox) as MemoryOutbox, {
      finish: () => Promise.reject(new Error('killed')),
    });
    const deps = (o: MemoryOutbox): DeliveryDeps => ({
      outbox: o,
      preferences: repos.alertPreferences,
      businesses: repos.businesses,
      adapters: { email: channel },
      links: { page: () => 'http://p', unsubscribe: () => 'http://u' },
      clock: () => now,
    });
    await expect(deliverChannel(deps(dying), 'email')).rejects.toThrow('killed');
    const count = () => server.mailbox.list().filter((m) => m.messageId === 'm-crash@sbiz24.local').length;
    expect(count()).toBe(1);

    // A restarted sender before the lease lapses leaves it alone; after, the mailbox vouches for it.
    expect(await deliverChannel(deps(outbox), 'email')).toMatchObject({ sent: 0, recovered: 0 });
    now = new Date(now.getTime() + LEASE_MS);
    expect(await deliverChannel(deps(outbox), 'email')).toMatchObject({ sent: 0, recovered: 1 });
    expect(count()).toBe(1);
    expect((await outbox.list(OWNER))[0]).toMatchObject({ status: 'sent' });
  });

  it('treats a mail over the size limit as refused for good', async () => {
    const now = new Date('2026-12-03T03:00:00Z');
    const repos = await setup(() => now);
    const outbox = new MemoryOutbox();
    await outbox.enqueue({ ...message('m-big', now), body: '가'.repeat(40_000) });
    const deps: DeliveryDeps = {
      outbox,
      preferences: repos.alertPreferences,
      businesses: repos.businesses,
      adapters: { email: createSmtpChannel({ host: server.host, port: server.port }) },
      links: { page: () => 'http://p', unsubscribe: () => 'http://u' },
      clock: () => now,
    };
    expect(await deliverChannel(deps, 'email')).toMatchObject({ parked: 1 });
    expect((await outbox.list(OWNER))[0]!.lastError).toMatch(/^SMTP_552/);
    expect(server.mailbox.has('m-big@sbiz24.local')).toBe(false);
  });
});
