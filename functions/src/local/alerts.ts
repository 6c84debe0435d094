import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Repositories } from '@sbiz24/shared';
import {
  alertPagePath,
  type ChannelAdapter,
  type DeliveryCounts,
  type DeliveryDeps,
  deliverAll,
} from '../services/delivery';
import { createUnsubscribeTokens, type UnsubscribeTokens } from '../services/unsubscribe';
import { createOutboxRepository } from '../store/outbox-repository';
import { type LocalMailServer, startMailServer } from './mail-server';
import { createSmtpChannel } from './smtp-channel';
import { createTextSink, type RecordedText } from './text-sink';

export interface LocalAlertsOptions {
  dataDir: string;
  doc: DynamoDBDocumentClient;
  tableName: string;
  repos: Repositories;
  clock: () => Date;
  /** The portal's own URL, for the links in messages (known once the server listens). */
  baseUrl: () => string;
  /** How often the sender looks for due messages. @default 2000 ms */
  intervalMs?: number;
  /** The SMTP port of the development mailbox. @default SMTP_PORT, or a free port */
  smtpPort?: number;
  log?: Pick<Console, 'error'>;
}

export interface LocalAlerts {
  mail: LocalMailServer;
  texts: () => RecordedText[];
  tokens: UnsubscribeTokens;
  /** The key that signs unsubscribe links and e-mail codes (the API takes it too). */
  secret: Buffer;
  /** The e-mail channel (SMTP to the development mailbox), for the API's verification codes. */
  email: ChannelAdapter;
  /** One pass of the sender now (tests; the loop runs by itself). */
  deliverNow(): Promise<Record<string, DeliveryCounts | { error: string }>>;
  stop(): Promise<void>;
}

/** The unsubscribe signing key, made once per data folder and kept (old e-mails' links must keep working). */
function signingKey(dataDir: string): Buffer {
  const file = join(dataDir, 'alerts-signing-key');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32), { mode: 0o600 });
  }
  return readFileSync(file);
}

/**
 * The alert channels of local mode: a real SMTP server as the development mailbox (mails kept under
 * `<data>/mailbox`), a recording sink for text messages (`<data>/text-messages.jsonl`), and the same
 * sender as on AWS polling the outbox every couple of seconds.
 */
export async function startLocalAlerts(options: LocalAlertsOptions): Promise<LocalAlerts> {
  const { dataDir, clock, intervalMs = 2_000, log = console } = options;
  const envPort = Number(process.env.SMTP_PORT);
  const mail = await startMailServer({
    dir: join(dataDir, 'mailbox'),
    port: options.smtpPort ?? (Number.isInteger(envPort) && envPort > 0 ? envPort : 0),
    clock,
  });
  const textSink = createTextSink(join(dataDir, 'text-messages.jsonl'), clock);
  const secret = signingKey(dataDir);
  const tokens = createUnsubscribeTokens(secret);
  const email = createSmtpChannel({
    host: mail.host,
    port: mail.port,
    wasDelivered: (id) => mail.mailbox.has(id),
  });
  const deps: DeliveryDeps = {
    outbox: createOutboxRepository(options.doc, options.tableName),
    preferences: options.repos.alertPreferences,
    businesses: options.repos.businesses,
    adapters: {
      email,
      sms: textSink,
    },
    links: {
      page: (m) => `${options.baseUrl()}${alertPagePath(m)}`,
      unsubscribe: (userId, kind) =>
        `${options.baseUrl()}/api/alerts/unsubscribe?token=${tokens.sign(userId, kind)}`,
    },
    clock,
  };

  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const deliverNow = () => {
    const pass = running.then(() => deliverAll(deps));
    running = pass.catch(() => undefined);
    return pass;
  };
  const loop = () => {
    timer = setTimeout(() => {
      deliverNow()
        .catch((err: unknown) => log.error('알림 발송 중 오류가 났습니다. 다음 차례에 다시 시도합니다.', err))
        .finally(() => {
          if (!stopped) loop();
        });
    }, intervalMs);
    timer.unref();
  };
  loop();

  return {
    mail,
    texts: () => textSink.recorded(),
    tokens,
    secret,
    email,
    deliverNow,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      await mail.stop();
    },
  };
}
