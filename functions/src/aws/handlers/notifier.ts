import { BATCH_SERVICES } from '../batch-metrics';
import { awsNotifierDeps } from '../batch-runtime';
import { batchTelemetry } from '../batch-telemetry';
import { createNotifierHandler } from '../notifier-sqs';

/** SQS (new-match events) → in-app notifications and the e-mail/SMS outbox, with partial batch failures. */
export const handler = createNotifierHandler(
  awsNotifierDeps,
  batchTelemetry({ serviceName: BATCH_SERVICES.notifier }),
);
