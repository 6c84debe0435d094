import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { MatchEvent } from '@sbiz24/shared/recompute/types';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { type NotifierDeps, notify } from '../services/notifier';
import type { MatchEventMessage } from './sqs-event-sink';

const REASONS = new Set(['new-match', 'deadline-7', 'deadline-1']);
const KINDS = new Set(['policy-fund', 'support', 'disaster-relief']);

function isMatchEvent(v: unknown): v is MatchEvent {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  return (
    REASONS.has(e.reason as string) &&
    KINDS.has(e.programKind as string) &&
    [e.brn, e.ownerId, e.programId, e.programTitle, e.runId, e.asOf].every((x) => typeof x === 'string') &&
    (e.applyEnd === undefined || typeof e.applyEnd === 'string')
  );
}

/** Parses one SQS message body; a malformed one throws, so it is reported as failed (and ends in the DLQ). */
export function parseMatchEventMessage(body: string): MatchEvent[] {
  const message = JSON.parse(body) as Partial<MatchEventMessage>;
  if (!Array.isArray(message.events) || !message.events.every(isMatchEvent)) {
    throw new Error('malformed match-event message');
  }
  return message.events;
}

/**
 * The SQS-driven notifier: each message's events become notifications; a failing message is reported in
 * `batchItemFailures` (Powertools partial batch response) so only it is redelivered, and the dedupe keys
 * make the redelivery harmless.
 */
export function createNotifierHandler(
  getDeps: () => NotifierDeps,
): (event: SQSEvent, context: Context) => Promise<SQSBatchResponse> {
  const processor = new BatchProcessor(EventType.SQS);
  const recordHandler = async (record: SQSRecord): Promise<void> => {
    const deps = getDeps();
    for (const event of parseMatchEventMessage(record.body)) await notify(deps, event);
  };
  return (event, context) => processPartialResponse(event, recordHandler, processor, { context });
}
