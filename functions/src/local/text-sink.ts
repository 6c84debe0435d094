import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ChannelAdapter, OutgoingMessage } from '../services/delivery';

/** A text message as the development sink records it: what a provider would have been asked to send. */
export interface RecordedText {
  idempotencyKey: string;
  to: string;
  templateCode: string;
  text: string;
  button?: { name: string; url: string };
  at: string;
}

/**
 * The text-message channel in development: 알림톡/SMS need a commercial provider's contract, so locally
 * every message that would be sent is appended to a JSON-lines file instead (docs/alerts.md says how a
 * provider plugs in: an adapter with the same `send`). It can tell what it recorded, so an interrupted send
 * is settled without a duplicate.
 */
export function createTextSink(
  file: string,
  clock: () => Date = () => new Date(),
): ChannelAdapter & {
  recorded(): RecordedText[];
} {
  mkdirSync(dirname(file), { recursive: true });
  const recorded = (): RecordedText[] =>
    existsSync(file)
      ? readFileSync(file, 'utf8')
          .split('\n')
          .filter((l) => l.trim() !== '')
          .flatMap((l) => {
            try {
              return [JSON.parse(l) as RecordedText];
            } catch {
              return []; // a line cut short by a crash
            }
          })
      : [];
  return {
    channel: 'sms',
    async send(message: OutgoingMessage) {
      if (message.channel !== 'sms') throw new Error('not a text message');
      const entry: RecordedText = {
        idempotencyKey: message.idempotencyKey,
        to: message.to,
        templateCode: message.message.templateCode,
        text: message.message.text,
        ...(message.message.button ? { button: message.message.button } : {}),
        at: clock().toISOString(),
      };
      appendFileSync(file, `${JSON.stringify(entry)}\n`);
    },
    async wasDelivered(key) {
      return recorded().some((r) => r.idempotencyKey === key);
    },
    recorded,
  };
}
