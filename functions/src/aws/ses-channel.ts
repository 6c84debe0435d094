import type { SESv2Client } from '@aws-sdk/client-sesv2';
import { type ChannelAdapter, type OutgoingMessage, PermanentDeliveryError } from '../services/delivery';
import { clientSESv2 } from '../store/aws-sdk';

export interface SesChannelOptions {
  /** A verified SES identity, e.g. `소상공인24 <no-reply@sbiz24.go.kr>`. */
  from: string;
  /** The configuration set that records bounces and complaints, when there is one. */
  configurationSetName?: string;
  client?: SESv2Client;
}

/** SES errors that will not change on a retry: the message or its address is refused for good. */
const PERMANENT = new Set([
  'MessageRejected',
  'MailFromDomainNotVerifiedException',
  'BadRequestException',
  'NotFoundException',
]);

/**
 * The e-mail channel on AWS: Amazon SES (v2 SendEmail) with the rendered subject, text, HTML and the
 * one-click unsubscribe headers. Throttling and service errors are thrown for a retry; refusals are
 * permanent. SES cannot look a message up by our key, so an interrupted send is parked, never resent.
 */
export function createSesChannel(options: SesChannelOptions): ChannelAdapter {
  const sdk = clientSESv2();
  const client = options.client ?? new sdk.SESv2Client({});
  return {
    channel: 'email',
    async send(message: OutgoingMessage) {
      if (message.channel !== 'email') throw new PermanentDeliveryError('WRONG_CHANNEL', 'not an e-mail');
      const { email } = message;
      try {
        await client.send(
          new sdk.SendEmailCommand({
            FromEmailAddress: options.from,
            Destination: { ToAddresses: [message.to] },
            ...(options.configurationSetName ? { ConfigurationSetName: options.configurationSetName } : {}),
            EmailTags: [{ Name: 'outbox', Value: message.idempotencyKey.replace(/[^A-Za-z0-9_-]/g, '_') }],
            Content: {
              Simple: {
                Subject: { Data: email.subject, Charset: 'UTF-8' },
                Body: {
                  Text: { Data: email.text, Charset: 'UTF-8' },
                  Html: { Data: email.html, Charset: 'UTF-8' },
                },
                Headers: Object.entries(email.headers).map(([Name, Value]) => ({ Name, Value })),
              },
            },
          }),
        );
      } catch (err) {
        const name = (err as { name?: string }).name ?? '';
        if (PERMANENT.has(name)) throw new PermanentDeliveryError(`SES_${name}`, 'SES refused the message');
        throw err;
      }
    },
  };
}
