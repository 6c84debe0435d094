import type { Logger } from '@aws-lambda-powertools/logger';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { OutboxMessage } from '@sbiz24/shared';
import { OUTBOUND_CHANNELS } from '@sbiz24/shared/alerts/preferences';
import type { ScheduledHandler, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import {
  alertPagePath,
  type DeliveryDeps,
  deliverAll,
  deliverMessage,
  settleChannel,
} from '../services/delivery';
import { createLogger } from '../services/logger';
import { createUnsubscribeTokens } from '../services/unsubscribe';
import { createDynamoClient, toDocumentClient } from '../store/dynamo-client';
import { createOutboxRepository } from '../store/outbox-repository';
import { createRepositories } from '../store/repositories';
import { createSesChannel } from './ses-channel';

/** The alert sender's environment, read once; a missing variable fails at init with its name. */
export interface AlertsSenderConfig {
  tableName: string;
  /** The verified SES identity mails come from. */
  mailFrom: string;
  /** The portal's public URL, for links in messages (no trailing slash). */
  portalUrl: string;
  /** The key that signs unsubscribe links (at least 32 characters; from Secrets Manager at deploy time). */
  signingKey: string;
  configurationSetName?: string;
  /** The SQS queue the dispatcher hands due messages to (ALERTS_QUEUE_URL); absent: one scheduled pass sends. */
  queueUrl?: string;
}

export function readAlertsSenderConfig(env: NodeJS.ProcessEnv = process.env): AlertsSenderConfig {
  const missing = ['TABLE_NAME', 'MAIL_FROM', 'PORTAL_URL', 'ALERTS_SIGNING_KEY'].filter(
    (n) => !env[n]?.trim(),
  );
  if (missing.length > 0)
    throw new Error(`environment variables required by the alert sender: ${missing.join(', ')}`);
  if (env.ALERTS_SIGNING_KEY!.trim().length < 32)
    throw new Error('ALERTS_SIGNING_KEY must be at least 32 characters');
  return {
    tableName: env.TABLE_NAME!.trim(),
    mailFrom: env.MAIL_FROM!.trim(),
    portalUrl: env.PORTAL_URL!.trim().replace(/\/+$/, ''),
    signingKey: env.ALERTS_SIGNING_KEY!.trim(),
    ...(env.SES_CONFIGURATION_SET?.trim() ? { configurationSetName: env.SES_CONFIGURATION_SET.trim() } : {}),
    ...(env.ALERTS_QUEUE_URL?.trim() ? { queueUrl: env.ALERTS_QUEUE_URL.trim() } : {}),
  };
}

/** The sender's dependencies on Lambda: the table, SES for e-mail; no text provider is contracted yet. */
export function awsDeliveryDeps(config: AlertsSenderConfig, logger: Logger): DeliveryDeps {
  const doc = toDocumentClient(createDynamoClient());
  const repos = createRepositories(doc, config.tableName);
  const tokens = createUnsubscribeTokens(config.signingKey);
  return {
    outbox: createOutboxRepository(doc, config.tableName),
    preferences: repos.alertPreferences,
    businesses: repos.businesses,
    adapters: {
      email: createSesChannel({
        from: config.mailFrom,
        ...(config.configurationSetName ? { configurationSetName: config.configurationSetName } : {}),
      }),
    },
    links: {
      page: (m) => `${config.portalUrl}${alertPagePath(m)}`,
      unsubscribe: (userId, kind) =>
        `${config.portalUrl}/api/alerts/unsubscribe?token=${tokens.sign(userId, kind)}`,
    },
    clock: () => new Date(),
    onParked: (m, reason) => logger.warn('alert parked', { outboxId: m.id, channel: m.channel, reason }),
  };
}

/**
 * One pass of the sender per invocation (an EventBridge schedule): every due message of each channel, up
 * to `limit`, with the counts logged (ids and counts only, no personal data).
 */
export function createAlertsSenderHandler(
  deps: () => DeliveryDeps,
  logger: Logger,
  limit = 500,
): ScheduledHandler {
  return async () => {
    const result = await deliverAll(deps(), { limit });
    logger.info('alerts delivered', { result });
  };
}

/** How long a message handed to the queue is left alone by the next dispatch (the queue has it). */
export const HANDED_TO_QUEUE_MS = 5 * 60_000;

/**
 * The fan-out's first half, every minute: settles interrupted sends, then takes each channel's due messages
 * (up to `maxPerRun`), moves their due time `HANDED_TO_QUEUE_MS` ahead (so the next dispatch does not hand
 * them over again; a conditional write, so two dispatchers never both do) and puts them on the queue. A
 * message that waits longer (the queue backed up) is handed over again: the sender's claim makes the second
 * copy a no-op, never a second mail.
 */
export async function dispatchDue(
  deps: DeliveryDeps,
  enqueue: (messages: OutboxMessage[]) => Promise<void>,
  options: { maxPerRun?: number; page?: number } = {},
): Promise<Record<string, { settled: number; queued: number }>> {
  const { maxPerRun = 20_000, page = 500 } = options;
  const result: Record<string, { settled: number; queued: number }> = {};
  for (const channel of OUTBOUND_CHANNELS) {
    if (!deps.adapters[channel]) continue; // no adapter: messages wait pending, as in deliverChannel
    const settled = await settleChannel(deps, channel, { limit: page });
    let queued = 0;
    while (queued < maxPerRun) {
      const now = deps.clock();
      const due = await deps.outbox.listDue(channel, now.toISOString(), Math.min(page, maxPerRun - queued));
      if (due.length === 0) break;
      const until = new Date(now.getTime() + HANDED_TO_QUEUE_MS).toISOString();
      const handed: OutboxMessage[] = [];
      for (const m of due) {
        if (await deps.outbox.postpone(m, until)) handed.push({ ...m, nextAttemptAt: until });
      }
      await enqueue(handed);
      queued += handed.length;
      if (due.length < page) break;
    }
    result[channel] = { settled: settled.recovered + settled.parked + settled.retried, queued };
  }
  return result;
}

/** Sends outbox messages to the queue, ten a call, retrying entries SQS did not take. */
export function sqsEnqueue(sqs: Pick<SQSClient, 'send'>, queueUrl: string) {
  return async (messages: OutboxMessage[]) => {
    for (let i = 0; i < messages.length; i += 10) {
      let entries = messages
        .slice(i, i + 10)
        .map((m, j) => ({ Id: String(j), MessageBody: JSON.stringify(m) }));
      for (let attempt = 1; entries.length > 0; attempt++) {
        const out = await sqs.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: entries }));
        const failed = new Set((out.Failed ?? []).map((f) => f.Id));
        entries = entries.filter((e) => failed.has(e.Id));
        // Not handed over: the message stays pending and the dispatch after HANDED_TO_QUEUE_MS takes it.
        if (attempt >= 3) break;
      }
    }
  };
}

/**
 * The fan-out's second half: SQS batches of outbox messages, each delivered on its own (claim, send, mark);
 * retries and parking are the outbox's, so only an unexpected error (DynamoDB unreachable) fails an item,
 * reported in `batchItemFailures` so SQS redelivers just that one, and after 5 receipts moves it to the
 * dead-letter queue (alarmed).
 */
export function createAlertsQueueHandler(deps: () => DeliveryDeps, logger: Logger) {
  return async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const d = deps();
    const counts: Record<string, number> = {};
    const batchItemFailures: { itemIdentifier: string }[] = [];
    await Promise.all(
      event.Records.map(async (record) => {
        try {
          const message = JSON.parse(record.body) as OutboxMessage;
          const adapter = d.adapters[message.channel];
          if (!adapter) throw new Error(`no adapter for ${message.channel}`);
          const outcome = await deliverMessage(d, adapter, message);
          counts[outcome] = (counts[outcome] ?? 0) + 1;
        } catch (err) {
          logger.error('alert delivery failed', { messageId: record.messageId, error: (err as Error).name });
          batchItemFailures.push({ itemIdentifier: record.messageId });
        }
      }),
    );
    logger.info('alerts delivered', { counts, failed: batchItemFailures.length });
    return { batchItemFailures };
  };
}

let cached: DeliveryDeps | undefined;
/** The Lambda entry's wiring: config and clients made once per container. */
export function awsAlertsSenderHandler(): ScheduledHandler {
  const logger = createLogger({ serviceName: 'sbiz24-alerts' });
  return createAlertsSenderHandler(() => {
    cached ??= awsDeliveryDeps(readAlertsSenderConfig(), logger);
    return cached;
  }, logger);
}

/** The dispatcher Lambda's wiring (an EventBridge schedule, every minute). */
export function awsAlertsDispatchHandler(): ScheduledHandler {
  const logger = createLogger({ serviceName: 'sbiz24-alerts-dispatch' });
  const sqs = new SQSClient({});
  return async () => {
    const config = readAlertsSenderConfig();
    if (!config.queueUrl) throw new Error('ALERTS_QUEUE_URL is required by the alert dispatcher');
    cached ??= awsDeliveryDeps(config, logger);
    const result = await dispatchDue(cached, sqsEnqueue(sqs, config.queueUrl));
    logger.info('alerts dispatched', { result });
  };
}

/** The SQS sender Lambda's wiring. */
export function awsAlertsQueueHandler() {
  const logger = createLogger({ serviceName: 'sbiz24-alerts' });
  return createAlertsQueueHandler(() => {
    cached ??= awsDeliveryDeps(readAlertsSenderConfig(), logger);
    return cached;
  }, logger);
}
