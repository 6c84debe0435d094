import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { MatchEvent } from '@sbiz24/shared/recompute/types';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { brnOf } from '../testing/fixtures';
import { parseMatchEventMessage } from './notifier-sqs';
import { EVENTS_PER_MESSAGE, SqsEventSink } from './sqs-event-sink';

const sqs = mockClient(SQSClient);
const events = (n: number): MatchEvent[] =>
  Array.from({ length: n }, (_, i) => ({
    reason: 'new-match',
    brn: brnOf(i),
    ownerId: `user-${i}`,
    programId: 'p',
    programTitle: '사업',
    programKind: 'support',
    runId: 'r1',
    asOf: '2026-06-01',
  }));

describe('SqsEventSink', () => {
  beforeEach(() => sqs.reset());

  it('packs 25 events per message and 10 messages per request', async () => {
    sqs.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [] });
    const sent = events(EVENTS_PER_MESSAGE * 11 + 3);

    await new SqsEventSink(new SQSClient({}), 'https://queue', async () => {}).send(sent);

    const calls = sqs.commandCalls(SendMessageBatchCommand);
    expect(calls.map((c) => c.args[0].input.Entries?.length)).toEqual([10, 2]);
    const bodies = calls.flatMap((c) => c.args[0].input.Entries!.map((e) => e.MessageBody!));
    expect(bodies.flatMap(parseMatchEventMessage)).toEqual(sent);
  });

  it('resends only the entries SQS refused, then gives up loudly', async () => {
    sqs
      .on(SendMessageBatchCommand)
      .resolvesOnce({ Failed: [{ Id: '1', Code: 'x', SenderFault: false }], Successful: [] })
      .resolves({ Successful: [], Failed: [] });

    await new SqsEventSink(new SQSClient({}), 'https://queue', async () => {}).send(events(60));

    const calls = sqs.commandCalls(SendMessageBatchCommand);
    expect(calls[1]!.args[0].input.Entries!.map((e) => e.Id)).toEqual(['1']);

    sqs.reset();
    sqs.on(SendMessageBatchCommand).resolves({ Failed: [{ Id: '0', Code: 'x', SenderFault: false }] });
    await expect(
      new SqsEventSink(new SQSClient({}), 'https://queue', async () => {}).send(events(1)),
    ).rejects.toThrow(/refused 1 message/);
  });
});
