import { awsAlertsQueueHandler } from '../alerts-sender';

/** SQS (outbox messages the dispatcher handed over) → SES / the text provider, with partial batch failures. */
export const handler = awsAlertsQueueHandler();
