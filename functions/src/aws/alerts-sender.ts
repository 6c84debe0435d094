import type { Logger } from '@aws-lambda-powertools/logger';
import type { ScheduledHandler } from 'aws-lambda';
import { type DeliveryDeps, deliverAll } from '../services/delivery';
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
      page: (m) =>
        `${config.portalUrl}${m.programId ? `/programs/${encodeURIComponent(m.programId)}` : '/my/notifications'}`,
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

let cached: DeliveryDeps | undefined;
/** The Lambda entry's wiring: config and clients made once per container. */
export function awsAlertsSenderHandler(): ScheduledHandler {
  const logger = createLogger({ serviceName: 'sbiz24-alerts' });
  return createAlertsSenderHandler(() => {
    cached ??= awsDeliveryDeps(readAlertsSenderConfig(), logger);
    return cached;
  }, logger);
}
