import type { MatchEvent } from '@sbiz24/shared/recompute/types';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CapturedOutput, captureOutput } from '../testing/capture-output';
import { brnOf } from '../testing/fixtures';
import { createMemoryNotificationRepository } from '../testing/memory-repositories';
import { BATCH_SERVICES, BATCH_METRICS as M } from './batch-metrics';
import { batchTelemetry } from './batch-telemetry';
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
const context = { getRemainingTimeInMillis: () => 30_000, awsRequestId: 'req-9' } as Context;
const telemetry = () => batchTelemetry({ serviceName: BATCH_SERVICES.notifier, namespace: 'Sbiz24/test' });

let out: CapturedOutput;
beforeEach(() => {
  out = captureOutput();
});
afterEach(() => out.restore());

describe('the SQS notifier handler', () => {
  it('notifies every event of every message and reports the malformed one as a failed item', async () => {
    const notifications = createMemoryNotificationRepository();
    const handler = createNotifierHandler(
      () => ({ notifications, clock: () => new Date('2026-06-01T00:00:00Z') }),
      telemetry(),
    );
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

  it('logs the batch with its outcomes and run ids, and each failed message by its SQS id, and publishes the outcomes', async () => {
    const notifications = createMemoryNotificationRepository();
    const handler = createNotifierHandler(
      () => ({ notifications, clock: () => new Date('2026-06-01T00:00:00Z') }),
      telemetry(),
    );
    const truncated = message([event('z')]).slice(0, 60);
    expect(truncated).toContain(brnOf(1));

    out.clear();
    const response = await handler(
      {
        Records: [
          record('m1', message([event('a'), event('b')])),
          record('m2', truncated),
          record('m3', message([event('c'), event('a'), { ...event('d'), ownerId: '' }])),
        ],
      },
      context,
    );

    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'm2' }]);
    const records = out.records();
    const logs = records.filter((r) => !('_aws' in r));
    expect(logs).toEqual([
      expect.objectContaining({
        level: 'ERROR',
        service: 'notifier',
        requestId: 'req-9',
        messageId: 'm2',
        error: expect.objectContaining({ message: 'match-event message is not JSON' }),
      }),
      expect.objectContaining({
        level: 'INFO',
        message: 'match events notified',
        requestId: 'req-9',
        messages: 3,
        failedMessages: 1,
        added: 3,
        duplicate: 1,
        skipped: 1,
        runIds: ['r1'],
      }),
    ]);
    const [emf, ...more] = records.filter((r) => '_aws' in r);
    expect(more).toEqual([]);
    expect(emf).toMatchObject({
      service: 'notifier',
      [M.notificationsAdded]: 3,
      [M.notificationsDuplicate]: 1,
      [M.notificationsSkipped]: 1,
      [M.messagesFailed]: 1,
    });
    // The body holds a business number and an owner id: the failure's log line quotes neither.
    expect(out.text()).not.toContain(brnOf(1));
    expect(out.text()).not.toContain('user-1');
  });

  it('logs and counts every message of a batch that fails as a whole before the error reaches Lambda', async () => {
    const handler = createNotifierHandler(() => {
      throw new Error('TABLE_NAME is required');
    }, telemetry());

    out.clear();
    await expect(handler({ Records: [record('m1', message([event('a')]))] }, context)).rejects.toThrow();

    const logs = out.records().filter((r) => !('_aws' in r));
    expect(logs.map((l) => [l.level, l.messageId ?? l.failedMessages])).toEqual([
      ['ERROR', 'm1'],
      ['INFO', 1],
    ]);
    expect(out.records().find((r) => '_aws' in r)).toMatchObject({ [M.messagesFailed]: 1 });
  });

  it('parses the worker messages and rejects anything else', () => {
    expect(parseMatchEventMessage(message([event('a')]))).toHaveLength(1);
    expect(() => parseMatchEventMessage('{"events":"no"}')).toThrow();
    const rapid = { ...event('r'), rapidPayment: { amountWon: 3_000_000, tradeName: '행복분식' } };
    expect(parseMatchEventMessage(message([rapid]))[0]?.rapidPayment).toEqual(rapid.rapidPayment);
    for (const rapidPayment of [
      { amountWon: '3000000', tradeName: 'x' },
      { amountWon: 1.5, tradeName: 'x' },
      { amountWon: 1 },
      null,
    ]) {
      expect(() =>
        parseMatchEventMessage(message([{ ...event('r'), rapidPayment } as unknown as MatchEvent])),
      ).toThrow();
    }
    expect(() => parseMatchEventMessage('not json')).toThrow();
  });
});
