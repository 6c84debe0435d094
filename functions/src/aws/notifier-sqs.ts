import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { MatchEvent } from '@sbiz24/shared/recompute/types';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { type NotifierDeps, type NotifyOutcome, notify } from '../services/notifier';
import { BATCH_METRICS as M } from './batch-metrics';
import { type BatchTelemetry, publishMetrics } from './batch-telemetry';
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
    (e.applyEnd === undefined || typeof e.applyEnd === 'string') &&
    (e.rapidPayment === undefined || isRapidPayment(e.rapidPayment))
  );
}

function isRapidPayment(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return Number.isSafeInteger(r.amountWon) && (r.amountWon as number) >= 0 && typeof r.tradeName === 'string';
}

/**
 * Parses one SQS message body; a malformed one throws, so it is reported as failed (and ends in the DLQ).
 * The error never quotes the body: it holds business numbers and owner ids, and the error is logged.
 */
export function parseMatchEventMessage(body: string): MatchEvent[] {
  let message: Partial<MatchEventMessage>;
  try {
    message = JSON.parse(body) as Partial<MatchEventMessage>;
  } catch {
    throw new Error('match-event message is not JSON');
  }
  if (!Array.isArray(message.events) || !message.events.every(isMatchEvent)) {
    throw new Error('malformed match-event message');
  }
  return message.events;
}

/**
 * The SQS-driven notifier: each message's events become notifications; a failing message is reported in
 * `batchItemFailures` (Powertools partial batch response) so only it is redelivered, and the dedupe keys
 * make the redelivery harmless. Logs one line per batch (outcomes, and the run ids the events came from)
 * and one error line per failed message (its SQS id, never its body), and publishes the outcomes.
 */
export function createNotifierHandler(
  getDeps: () => NotifierDeps,
  telemetry: BatchTelemetry,
): (event: SQSEvent, context: Context) => Promise<SQSBatchResponse> {
  const processor = new BatchProcessor(EventType.SQS);
  return async (event, context) => {
    const log = telemetry.logger.createChild({
      persistentKeys: context?.awsRequestId ? { requestId: context.awsRequestId } : {},
    });
    const outcomes: Record<NotifyOutcome, number> = { added: 0, duplicate: 0, skipped: 0 };
    const runIds = new Set<string>();
    let failed = 0;
    const recordHandler = async (record: SQSRecord): Promise<void> => {
      try {
        const deps = getDeps();
        for (const matchEvent of parseMatchEventMessage(record.body)) {
          runIds.add(matchEvent.runId);
          outcomes[await notify(deps, matchEvent)] += 1;
        }
      } catch (error) {
        failed += 1;
        log.error('match-event message failed; SQS redelivers it, then moves it to the DLQ', {
          messageId: record.messageId,
          error,
        });
        throw error;
      }
    };
    try {
      return await processPartialResponse(event, recordHandler, processor, { context });
    } finally {
      const summary = { messages: event.Records.length, failedMessages: failed, ...outcomes };
      log.info('match events notified', { ...summary, runIds: [...runIds].sort() });
      publishMetrics(telemetry.metrics, {}, [
        [M.notificationsAdded, 'Count', outcomes.added],
        [M.notificationsDuplicate, 'Count', outcomes.duplicate],
        [M.notificationsSkipped, 'Count', outcomes.skipped],
        [M.messagesFailed, 'Count', failed],
      ]);
    }
  };
}
