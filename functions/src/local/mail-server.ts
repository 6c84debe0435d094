import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A mail as the development mailbox keeps it (one JSON file each under the data folder). */
export interface ReceivedMail {
  id: string;
  /** The Message-ID header without angle brackets: the sender's idempotency key. */
  messageId: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html?: string;
  listUnsubscribe?: string;
  receivedAt: string;
}

export interface Mailbox {
  /** Newest first. */
  list(): ReceivedMail[];
  get(id: string): ReceivedMail | undefined;
  /** True when a mail with this Message-ID arrived. */
  has(messageId: string): boolean;
}

export interface LocalMailServer {
  host: string;
  port: number;
  mailbox: Mailbox;
  stop(): Promise<void>;
}

export interface MailServerOptions {
  /** Where received mails are kept. */
  dir: string;
  /** @default '127.0.0.1' */
  host?: string;
  /** @default 0 (a free port) */
  port?: number;
  /** Mails kept; the oldest go first. @default 500 */
  keep?: number;
  /** Largest mail accepted, bytes. @default 1 MiB */
  maxBytes?: number;
  /** The clock that stamps arrivals. @default the system clock */
  clock?: () => Date;
}

/** The raw List-Unsubscribe header (mailparser folds List-* headers into one structure; the page shows the line). */
function listUnsubscribe(lines: readonly { key: string; line: string }[]): { listUnsubscribe?: string } {
  const line = lines.find((l) => l.key === 'list-unsubscribe')?.line;
  return line ? { listUnsubscribe: line.replace(/^List-Unsubscribe:\s*/i, '') } : {};
}

const ID = /^[0-9TZ:.-]+-[0-9a-f]{8}$/;
const stripBrackets = (id: string | undefined) => (id ?? '').replace(/^<|>$/g, '');

/**
 * A real SMTP server for the development mailbox: `npm start` runs it on loopback, the e-mail channel
 * sends to it exactly as to any SMTP relay, and the mailbox page lists what arrived. No authentication,
 * no TLS (loopback only); size and count bounded.
 */
export async function startMailServer(options: MailServerOptions): Promise<LocalMailServer> {
  const {
    dir,
    host = '127.0.0.1',
    port = 0,
    keep = 500,
    maxBytes = 1024 * 1024,
    clock = () => new Date(),
  } = options;
  mkdirSync(dir, { recursive: true });

  const files = () =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.json') && ID.test(f.slice(0, -5)))
      .sort()
      .reverse();
  const read = (file: string): ReceivedMail | undefined => {
    try {
      return JSON.parse(readFileSync(join(dir, file), 'utf8')) as ReceivedMail;
    } catch {
      return undefined; // a half-written file from a crash: not a mail
    }
  };
  const mailbox: Mailbox = {
    list: () => files().flatMap((f) => read(f) ?? []),
    get: (id) => (ID.test(id) ? read(`${id}.json`) : undefined),
    has: (messageId) => files().some((f) => read(f)?.messageId === messageId),
  };

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: maxBytes,
    banner: 'sbiz24 development mailbox',
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          // smtp-server marks the stream when the mail passed `size`; the mail is refused, not kept.
          if ('sizeExceeded' in stream && stream.sizeExceeded) {
            const err = Object.assign(new Error('Message exceeds the size limit'), { responseCode: 552 });
            callback(err);
            return;
          }
          const receivedAt = clock().toISOString();
          const id = `${receivedAt.replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}`;
          const to = [mail.to ?? []].flat().flatMap((a) => a.value.map((v) => v.address ?? ''));
          const received: ReceivedMail = {
            id,
            messageId: stripBrackets(mail.messageId),
            from: mail.from?.value[0]?.address ?? '',
            to,
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            ...(typeof mail.html === 'string' ? { html: mail.html } : {}),
            ...listUnsubscribe(mail.headerLines),
            receivedAt,
          };
          writeFileSync(join(dir, `${id}.json`), JSON.stringify(received));
          for (const old of files().slice(keep)) rmSync(join(dir, old), { force: true });
          callback();
        })
        .catch((err: unknown) => callback(err as Error));
    },
  });
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ready());
  });
  const address = server.server.address() as AddressInfo;
  return {
    host,
    port: address.port,
    mailbox,
    stop: () => new Promise<void>((done) => server.close(() => done())),
  };
}
