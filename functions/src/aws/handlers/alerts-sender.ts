import { awsAlertsSenderHandler } from '../alerts-sender';

/** Every minute (EventBridge schedule): due e-mails through SES, retries, parked messages logged. */
export const handler = awsAlertsSenderHandler();
