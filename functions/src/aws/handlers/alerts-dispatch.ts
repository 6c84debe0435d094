import { awsAlertsDispatchHandler } from '../alerts-sender';

/** Every minute (EventBridge schedule): interrupted sends settled, due outbox messages handed to the queue. */
export const handler = awsAlertsDispatchHandler();
