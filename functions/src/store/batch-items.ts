import type { OutboxMessage } from '@sbiz24/shared';
import { ALERT_KINDS, OUTBOUND_CHANNELS } from '@sbiz24/shared/alerts/preferences';
import type {
  ProgramCount,
  RunManifest,
  SegmentCheckpoint,
  SegmentCounts,
} from '@sbiz24/shared/recompute/types';
import * as z from 'zod/mini';
import { type Envelope, type FieldsOf, type ItemMapper, map, reader } from './items';
import { outboxKey, outboxQueueKey, programCountsKey, runKey, segmentCheckpointKey } from './keys';

/**
 * The batch's items (the outbox, runs, checkpoints, per-program counts), apart from items.ts so that the
 * API bundle, which never reads them, does not carry their schemas.
 */

// The batch's e-mail/SMS outbox: `USER#<sub>` / `OUTBOX#<id>#<channel>`

/** The outbox's work queues (GSI1, `OUTBOXQ#<state>#<channel>`) are present while a message waits. */
export type OutboxItem = Envelope<'Outbox'> & OutboxMessage & Partial<{ GSI1PK: string; GSI1SK: string }>;

const readOutbox = reader(
  'outbox',
  z.object({
    id: z.string(),
    userId: z.string(),
    channel: z.enum(OUTBOUND_CHANNELS),
    notificationId: z.string(),
    title: z.string(),
    body: z.string(),
    createdAt: z.string(),
    status: z.enum(['pending', 'sending', 'sent', 'skipped', 'parked']),
    kind: z.optional(z.enum(ALERT_KINDS)),
    brn: z.optional(z.string()),
    programId: z.optional(z.string()),
    programTitle: z.optional(z.string()),
    applyEnd: z.optional(z.string()),
    rapidAmountWon: z.optional(z.number()),
    attempts: z.optional(z.number()),
    nextAttemptAt: z.optional(z.string()),
    leaseUntil: z.optional(z.string()),
    lastError: z.optional(z.string()),
    finishedAt: z.optional(z.string()),
    digest: z.optional(
      z.object({
        week: z.string(),
        slot: z.string(),
        coveredIds: z.array(z.string()),
        items: z.array(
          z.object({
            id: z.string(),
            kind: z.enum(ALERT_KINDS),
            title: z.string(),
            body: z.string(),
            brn: z.optional(z.string()),
            programId: z.optional(z.string()),
            programTitle: z.optional(z.string()),
            applyEnd: z.optional(z.string()),
          }),
        ),
      }),
    ),
  } satisfies FieldsOf<OutboxMessage>),
);

export const outboxItem: ItemMapper<OutboxMessage, OutboxItem> = {
  toItem(message) {
    const queue =
      message.status === 'pending'
        ? outboxQueueKey(
            'pending',
            message.channel,
            message.nextAttemptAt ?? message.createdAt,
            message.userId,
            message.id,
          )
        : {};
    return {
      ...outboxKey(message.userId, message.id, message.channel),
      ...queue,
      entity: 'Outbox',
      ...message,
    };
  },
  fromItem: readOutbox,
};

// Batch runs: `RUN#<runId>` / `META` and `SEG#<n>`, and `PROG#<id>` / `COUNTS`

/** `ttl`: epoch seconds after which DynamoDB deletes the item (run bookkeeping only). */
export type RunItem = Envelope<'Run'> & RunManifest & { ttl: number };
export type CheckpointItem = Envelope<'Checkpoint'> & SegmentCheckpoint & { ttl: number };
export type ProgramCountItem = Envelope<'ProgramCount'> & ProgramCount;

const readRun = reader(
  'run',
  z.object({
    runId: z.string(),
    asOf: z.string(),
    totalSegments: z.number(),
    programs: z.array(z.object({ id: z.string(), version: z.number() })),
    disasterIds: z.array(z.string()),
    startedAt: z.string(),
    finishedAt: z.optional(z.string()),
    totals: z.optional(map<SegmentCounts>()),
    snapshotKey: z.optional(z.string()),
  } satisfies FieldsOf<RunManifest>),
);

const readCheckpoint = reader(
  'checkpoint',
  z.object({
    runId: z.string(),
    segment: z.number(),
    totalSegments: z.number(),
    pages: z.number(),
    cursor: z.optional(z.string()),
    done: z.boolean(),
    counts: map<SegmentCounts>(),
    programCounts: map<Record<string, number>>(),
    snapshotKey: z.optional(z.string()),
    updatedAt: z.string(),
  } satisfies FieldsOf<SegmentCheckpoint>),
);

const readProgramCount = reader(
  'programCount',
  z.object({
    programId: z.string(),
    count: z.number(),
    runId: z.string(),
    asOf: z.string(),
    computedAt: z.string(),
  } satisfies FieldsOf<ProgramCount>),
);

export const runItem: ItemMapper<RunManifest, RunItem, [ttl: number]> = {
  toItem(manifest, ttl) {
    return { ...runKey(manifest.runId), entity: 'Run', ...manifest, ttl };
  },
  fromItem: readRun,
};

export const checkpointItem: ItemMapper<SegmentCheckpoint, CheckpointItem, [ttl: number]> = {
  toItem(checkpoint, ttl) {
    return {
      ...segmentCheckpointKey(checkpoint.runId, checkpoint.segment),
      entity: 'Checkpoint',
      ...checkpoint,
      ttl,
    };
  },
  fromItem: readCheckpoint,
};

export const programCountItem: ItemMapper<ProgramCount, ProgramCountItem> = {
  toItem(counts) {
    return { ...programCountsKey(counts.programId), entity: 'ProgramCount', ...counts };
  },
  fromItem: readProgramCount,
};
