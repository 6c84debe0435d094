import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { MatchEvent, MatchEventSink } from '@sbiz24/shared/recompute/types';

/** Events per SQS message: one message per event would cost 25× more requests for the same notifications. */
export const EVENTS_PER_MESSAGE = 25;
/** SendMessageBatch takes at most 10 entries. */
const ENTRIES_PER_BATCH = 10;
const MAX_ATTEMPTS = 5;

/** A message body: a group of events the notifier handles together (a failure retries the group, deduped). */
export interface MatchEventMessage {
  events: MatchEvent[];
}

/** Sends match events to the notifier's SQS queue, `EVENTS_PER_MESSAGE` per message, retrying failed entries. */
export class SqsEventSink implements MatchEventSink {
  constructor(
    private readonly sqs: SQSClient,
    private readonly queueUrl: string,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  async send(events: MatchEvent[]): Promise<void> {
    const bodies: string[] = [];
    for (let i = 0; i < events.length; i += EVENTS_PER_MESSAGE) {
      const message: MatchEventMessage = { events: events.slice(i, i + EVENTS_PER_MESSAGE) };
      bodies.push(JSON.stringify(message));
    }
    for (let i = 0; i < bodies.length; i += ENTRIES_PER_BATCH) {
      await this.sendBatch(bodies.slice(i, i + ENTRIES_PER_BATCH));
    }
  }

  private async sendBatch(bodies: string[]): Promise<void> {
    let pending = bodies.map((body, i) => ({ Id: String(i), MessageBody: body }));
    for (let attempt = 1; pending.length > 0; attempt++) {
      const out = await this.sqs.send(
        new SendMessageBatchCommand({ QueueUrl: this.queueUrl, Entries: pending }),
      );
      const failed = new Set((out.Failed ?? []).map((f) => f.Id));
      pending = pending.filter((e) => failed.has(e.Id));
      if (pending.length === 0) return;
      if (attempt >= MAX_ATTEMPTS) {
        throw new Error(`SQS refused ${pending.length} message(s) after ${attempt} attempts`);
      }
      await this.sleep(100 * 2 ** attempt);
    }
  }
}
