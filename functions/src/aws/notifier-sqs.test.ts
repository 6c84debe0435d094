import type { MatchEvent } from '@sbiz24/shared/recompute/types';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { brnOf } from '../testing/fixtures';
import { createMemoryNotificationRepository } from '../testing/memory-repositories';
import { createNotifierHandler, parseMatchEventMessage } from './notifier-sqs';
import type { MatchEventMessage } from './sqs-event-sink';

const event = (programId: string): MatchEvent => ({
  reason: 'new-match',
  brn: brnOf(1),
  ownerId: 'user-1',
  programId,
  programTitle: `${programId} 지원사업`,
  programKind: 'support',
  runId: 'r1',
  asOf: '2026-06-01',
});

const record = (messageId: string, body: string): SQSRecord =>
  ({
    messageId,
    receiptHandle: messageId,
    body,
    attributes: {},
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:ap-northeast-2:000000000000:new-match',
    awsRegion: 'ap-northeast-2',
  }) as SQSRecord;

const message = (events: MatchEvent[]) => JSON.stringify({ events } satisfies MatchEventMessage);
const context = { getRemainingTimeInMillis: () => 30_000 } as Context;

describe('the SQS notifier handler', () => {
  it('notifies every event of every message and reports the malformed one as a failed item', async () => {
    const notifications = createMemoryNotificationRepository();
    const handler = createNotifierHandler(() => ({
      notifications,
      clock: () => new Date('2026-06-01T00:00:00Z'),
    }));
    const sqsEvent: SQSEvent = {
      Records: [
        record('m1', message([event('a'), event('b')])),
        record('m2', '{"events":[{"reason":"bogus"}]}'),
        record('m3', message([event('c'), event('a')])),
      ],
    };

    const response = await handler(sqsEvent, context);

    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'm2' }]);
    const ids = (await notifications.list('user-1')).items.map((n) => n.programId).sort();
    expect(ids).toEqual(['a', 'b', 'c']);
  });

  it('parses the worker messages and rejects anything else', () => {
    expect(parseMatchEventMessage(message([event('a')]))).toHaveLength(1);
    expect(() => parseMatchEventMessage('{"events":"no"}')).toThrow();
    expect(() => parseMatchEventMessage('not json')).toThrow();
  });
});
