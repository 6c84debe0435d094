import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog } from '@sbiz24/shared';
import { DEFAULT_ALERT_PREFERENCES } from '@sbiz24/shared/alerts/preferences';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertsResource } from '../http/routes/alerts';
import type { AppEnv } from '../http/types';
import { createOutboxRepository } from '../store/outbox-repository';
import { startTestTable, type TestTable } from '../testing/dynalite-harness';
import { business } from '../testing/fixtures';
import { createTestApp } from '../testing/test-app';
import { type LocalAlerts, startLocalAlerts } from './alerts';
import { DEMO_OWNED_BUSINESSES } from './demo-data';
import { type LocalBatch, startLocalBatch } from './local-batch';
import { mountDevMailbox } from './mailbox-page';

// 10:00 in Korea on a day the demo businesses have matches: outside quiet hours.
const NOW = new Date('2026-11-26T01:00:00Z');
const OWNER = 'owner-kim';

let t: TestTable;
let dataDir: string;
let batch: LocalBatch;
let alerts: LocalAlerts;

beforeAll(async () => {
  t = await startTestTable({ tableName: 'local-alerts', clock: () => NOW });
  dataDir = await mkdtemp(join(tmpdir(), 'sbiz24-alerts-'));
  const catalog = loadCatalog();
  for (const p of catalog.programs) await t.repos.programs.create(p);
  for (const d of catalog.disasters) await t.repos.disasters.create(d);
  await t.repos.businesses.createMany([
    ...DEMO_OWNED_BUSINESSES.filter((b) => b.ownerId === OWNER),
    business(2, '11110'),
  ]);
  await t.repos.alertPreferences.put(
    OWNER,
    {
      ...DEFAULT_ALERT_PREFERENCES,
      channels: { email: true, sms: true },
      email: { address: 'owner@example.kr', verified: true },
      phone: '010-2222-3333',
    },
    0,
  );
  alerts = await startLocalAlerts({
    dataDir,
    doc: t.doc,
    tableName: t.tableName,
    repos: t.repos,
    clock: () => NOW,
    baseUrl: () => 'http://127.0.0.1:3999',
    intervalMs: 60_000,
  });
  batch = await startLocalBatch({
    doc: t.doc,
    tableName: t.tableName,
    dataDir,
    clock: () => NOW,
    disasters: () => t.repos.disasters.list(),
    log: { log: () => {}, error: () => {} },
  });
  await batch.queue.idle();
});

afterAll(async () => {
  await batch?.stop();
  await alerts?.stop();
  await t?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('alerts in the local portal', () => {
  it('sends each new match found by the recompute to the inbox, the development mailbox and the text log, once', async () => {
    const inbox = await t.repos.notifications.list(OWNER, { limit: 50 });
    expect(inbox.items.length).toBeGreaterThan(0);
    const queued = await createOutboxRepository(t.doc, t.tableName).list(OWNER);
    expect(queued.filter((m) => m.channel === 'email')).toHaveLength(inbox.items.length);

    const first = await alerts.deliverNow();
    expect(first.email).toMatchObject({ sent: inbox.items.length });
    expect(first.sms).toMatchObject({ sent: inbox.items.length });
    const again = await alerts.deliverNow();
    expect(again.email).toMatchObject({ sent: 0 });

    const mails = alerts.mail.mailbox.list().filter((m) => m.to.includes('owner@example.kr'));
    expect(mails).toHaveLength(inbox.items.length);
    const titles = inbox.items.map((n) => `[소상공인24] ${n.title}`).sort();
    expect(mails.map((m) => m.subject).sort()).toEqual(titles);
    expect(mails[0]!.text).toMatch(/http:\/\/127\.0\.0\.1:3999\/programs\//);
    expect(mails[0]!.listUnsubscribe).toMatch(/\/api\/alerts\/unsubscribe\?token=/);
    expect(alerts.texts().filter((x) => x.to === '01022223333')).toHaveLength(inbox.items.length);
    // The unclaimed business has no owner to tell.
    expect(alerts.mail.mailbox.list()).toHaveLength(inbox.items.length);
  });

  it('shows the mails on the development mailbox page', async () => {
    const app = new Hono<AppEnv>();
    mountDevMailbox(app, alerts);
    const list = await app.request('/dev/mailbox');
    expect(list.status).toBe(200);
    const html = await list.text();
    const [mail] = alerts.mail.mailbox.list();
    expect(html).toContain(mail!.subject.replace(/[<>&]/g, ''));
    const detail = await app.request(`/dev/mailbox/${mail!.id}`);
    expect(await detail.text()).toContain('owner@example.kr');
    expect((await app.request('/dev/mailbox/../../etc/passwd')).status).toBe(404);
    expect((await app.request('/dev/texts')).status).toBe(200);
  });

  it('stops that kind of mail with the link the mail carries: one click, no sign-in, stored in the table', async () => {
    const [mail] = alerts.mail.mailbox.list();
    const url = new URL(/<([^>]+)>/.exec(mail!.listUnsubscribe!)![1]!);
    const { app } = await createTestApp({
      routes: [
        alertsResource({
          repos: t.repos,
          clock: () => NOW,
          alerts: { secret: alerts.secret, mail: alerts.email },
        }),
      ],
    });
    const page = await app.request(url.pathname + url.search);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('그만 받으시겠습니까?');
    const click = await app.request(url.pathname + url.search, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(click.status).toBe(200);
    expect(await click.json()).toMatchObject({ kind: 'new-match', unsubscribed: true });
    expect((await t.repos.alertPreferences.get(OWNER)).kinds['new-match']).toBe(false);
  });
});
