import { createTransport } from 'nodemailer';
import { type ChannelAdapter, type OutgoingMessage, PermanentDeliveryError } from '../services/delivery';

export interface SmtpChannelOptions {
  host: string;
  port: number;
  /** The sender address. @default 'no-reply@sbiz24.local' */
  from?: string;
  /** Whether a mail with this Message-ID reached the relay, when the relay can tell (the development mailbox can). */
  wasDelivered?: (messageId: string) => boolean | Promise<boolean>;
  /** Give up on a connection or a reply after this long. @default 10 s */
  timeoutMs?: number;
  /** Kept-open connections to the relay (one mail at a time each). @default 4 */
  connections?: number;
}

/** The Message-ID the portal gives a message: the outbox's idempotency key, so a relay can tell repeats. */
export const messageIdFor = (idempotencyKey: string) => `${idempotencyKey}@sbiz24.local`;

/**
 * The e-mail channel over SMTP (nodemailer), as used locally against the development mailbox; any SMTP
 * relay works the same way. A 5xx reply is a permanent refusal; a 4xx reply or a dropped connection is
 * retried by the sender.
 */
export function createSmtpChannel(options: SmtpChannelOptions): ChannelAdapter {
  const {
    host,
    port,
    from = '소상공인24 <no-reply@sbiz24.local>',
    timeoutMs = 10_000,
    connections = 4,
  } = options;
  const transport = createTransport({
    host,
    port,
    // A few kept-open connections, as to any relay: a connection per mail costs more than the mail.
    pool: true,
    maxConnections: connections,
    // nodemailer's default of 100 messages a connection would reconnect every 100 mails in a fan-out.
    maxMessages: Number.POSITIVE_INFINITY,
    secure: false,
    ignoreTLS: true,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  return {
    channel: 'email',
    async send(message: OutgoingMessage) {
      if (message.channel !== 'email') throw new PermanentDeliveryError('WRONG_CHANNEL', 'not an e-mail');
      try {
        await transport.sendMail({
          from,
          to: message.to,
          subject: message.email.subject,
          text: message.email.text,
          html: message.email.html,
          headers: message.email.headers,
          messageId: `<${messageIdFor(message.idempotencyKey)}>`,
        });
      } catch (err) {
        const code = (err as { responseCode?: number }).responseCode;
        if (code !== undefined && code >= 500)
          throw new PermanentDeliveryError(`SMTP_${code}`, 'the relay refused the mail');
        throw err;
      }
    },
    ...(options.wasDelivered
      ? { wasDelivered: async (key: string) => Boolean(await options.wasDelivered!(messageIdFor(key))) }
      : {}),
  };
}
