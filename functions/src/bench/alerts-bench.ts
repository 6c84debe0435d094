import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OutboxMessage } from '@sbiz24/shared';
import { DEFAULT_ALERT_PREFERENCES } from '@sbiz24/shared/alerts/preferences';
import { startMailServer } from '../local/mail-server';
import { createSmtpChannel } from '../local/smtp-channel';
import { createTextSink } from '../local/text-sink';
import { type DeliveryDeps, deliverAll } from '../services/delivery';
import { createUnsubscribeTokens } from '../services/unsubscribe';
import { batchWriteAll } from '../store/batch';
import { ensureTable } from '../store/create-table';
import { createDynamoClient, toDocumentClient } from '../store/dynamo-client';
import { alertPreferencesKey } from '../store/keys';
import { createOutboxRepository } from '../store/outbox-repository';
import { createRepositories } from '../store/repositories';
import { startDynaliteChild } from './store-throughput';

export interface AlertsBenchOptions {
  /** Owners the disaster alert goes to, each with a verified e-mail and a phone (two messages each). */
  owners: number;
  /** Senders running side by side (as several sender Lambdas would). @default 1 */
  senders?: number;
  /** Writes in flight while enqueueing. @default 32 */
  concurrency?: number;
  log?: (line: string) => void;
}

export interface AlertsBenchResult {
  alertOwners: number;
  /** Outbox messages written (owners × 2 channels) per second. */
  alertEnqueuePerSecond: number;
  /** Messages handed to a channel (SMTP server accepted, text sink recorded) per second, enqueue excluded. */
  alertDeliveredPerSecond: number;
  /** From the first outbox write to the last message handed to a channel. */
  alertTimeToLastMs: number;
  alertEmailsSent: number;
  alertTextsSent: number;
}

async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<unknown>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

/**
 * A disaster alert fanned out locally (docs/alerts.md, "Figures"): `owners` owners, each with a verified
 * e-mail and a phone, get one outbox message per channel in a local DynamoDB (dynalite, its own process);
 * then `senders` senders deliver them through the real channels of `npm start` — e-mail over SMTP to the
 * development mailbox, texts to the recording sink — claiming and marking each message as in production.
 */
export async function measureAlertFanOut(options: AlertsBenchOptions): Promise<AlertsBenchResult> {
  const { owners, senders = 1, concurrency = 32 } = options;
  const log = options.log ?? (() => {});
  const dir = mkdtempSync(join(tmpdir(), 'sbiz24-alerts-bench-'));
  const server = await startDynaliteChild();
  const client = createDynamoClient({ endpoint: server.endpoint });
  const mail = await startMailServer({ dir: join(dir, 'mailbox'), keep: 50 });
  try {
    const tableName = 'bench-alerts';
    await ensureTable(client, tableName, { pollMs: 20 });
    const doc = toDocumentClient(client);
    const repos = createRepositories(doc, tableName);
    const outbox = createOutboxRepository(doc, tableName);
    // Noon in Korea: no quiet hours in the way (a disaster alert would pass them anyway, by default).
    const clock = () => new Date('2026-12-03T03:00:00.000Z');
    const ids = Array.from({ length: owners }, (_, i) => `bench-owner-${String(i).padStart(7, '0')}`);

    log(`alerts: ${owners.toLocaleString('en-US')} owners' preferences`);
    // Set-up, not measured: the preferences as the settings page saves them (version 1), written in batches.
    await batchWriteAll(
      doc,
      tableName,
      ids.map((id) => ({
        ...alertPreferencesKey(id),
        entity: 'AlertPreferences',
        preferences: {
          ...DEFAULT_ALERT_PREFERENCES,
          channels: { email: true, sms: true },
          email: { address: `${id}@example.kr`, verified: true },
          phone: '010-1234-5678',
        },
        version: 1,
      })),
    );

    const messages: OutboxMessage[] = ids.flatMap((userId, i) =>
      (['email', 'sms'] as const).map((channel) => ({
        id: `bench-disaster-${i}`,
        userId,
        channel,
        notificationId: `bench-disaster-${i}`,
        title: '대설 피해 소상공인 재난지원금 신청 안내',
        body: '사업장이 있는 지역이 재난 지역으로 선포되어 재난지원금을 신청할 수 있습니다.',
        createdAt: clock().toISOString(),
        status: 'pending' as const,
        kind: 'disaster' as const,
        programId: 'disaster-emergency-fund',
        programTitle: '재난 피해 소상공인 긴급경영안정자금',
        applyEnd: '2026-12-31',
      })),
    );
    log(`alerts: enqueueing ${messages.length.toLocaleString('en-US')} outbox messages`);
    const started = performance.now();
    // As a fan-out enqueues: transactions of 100 put-if-absent (`Outbox.enqueueMany`), `concurrency` in flight.
    const chunk = 1000;
    const chunks = Array.from({ length: Math.ceil(messages.length / chunk) }, (_, i) =>
      messages.slice(i * chunk, (i + 1) * chunk),
    );
    await pool(chunks, Math.max(1, Math.round(concurrency / 8)), (c) => outbox.enqueueMany!(c));
    const enqueued = performance.now();

    const tokens = createUnsubscribeTokens('bench-alerts-signing-key-0123456789abcdef');
    const deps: DeliveryDeps = {
      outbox,
      preferences: repos.alertPreferences,
      businesses: repos.businesses,
      adapters: {
        email: createSmtpChannel({ host: mail.host, port: mail.port, connections: 8 }),
        sms: createTextSink(join(dir, 'texts.jsonl'), clock),
      },
      links: {
        page: (m) => `http://127.0.0.1:3000/programs/${m.programId}`,
        unsubscribe: (u, k) => `http://127.0.0.1:3000/api/alerts/unsubscribe?token=${tokens.sign(u, k)}`,
      },
      clock,
    };
    let emails = 0;
    let texts = 0;
    let lastReport = performance.now();
    let lastProgress = performance.now();
    await Promise.all(
      Array.from({ length: senders }, async () => {
        for (;;) {
          const r = await deliverAll(deps, { limit: 1000, concurrency: 16 });
          const e = 'sent' in r.email ? r.email.sent : 0;
          const s = 'sent' in r.sms ? r.sms.sent : 0;
          emails += e;
          texts += s;
          if (e + s > 0) lastProgress = performance.now();
          // Failures wait minutes for their retry: a bench that stalls reports what it sent instead of hanging.
          if (performance.now() - lastProgress > 30_000) break;
          if (performance.now() - lastReport > 5_000) {
            lastReport = performance.now();
            log(
              `alerts: ${(emails + texts).toLocaleString('en-US')} / ${messages.length.toLocaleString('en-US')} handed`,
            );
          }
          // Nothing sent by this pass: either all is done or other senders hold the rest; stop when done.
          if (e + s === 0 && emails + texts >= messages.length) break;
          if (e + s === 0 && emails + texts < messages.length) await new Promise((r) => setTimeout(r, 20));
        }
      }),
    );
    const done = performance.now();
    const deliverSeconds = (done - enqueued) / 1000;
    return {
      alertOwners: owners,
      alertEnqueuePerSecond: Math.round(messages.length / ((enqueued - started) / 1000)),
      alertDeliveredPerSecond: Math.round((emails + texts) / deliverSeconds),
      alertTimeToLastMs: Math.round(done - started),
      alertEmailsSent: emails,
      alertTextsSent: texts,
    };
  } finally {
    await mail.stop();
    client.destroy();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
