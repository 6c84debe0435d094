import type { StoredBusiness } from '@sbiz24/shared';
import { evaluateRule, loadCatalog } from '@sbiz24/shared';
import type { SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryBlobStore } from '../../functions/src/batch/blob-store.js';
import { createColumnarEvaluator } from '../../functions/src/batch/columnar-evaluator.js';
import { MemoryEventSink } from '../../functions/src/batch/event-sinks.js';
import type { FinalizeOutput } from '../../functions/src/batch/finalize.js';
import {
  createFinalizeHandler,
  createPrepareHandler,
  createSegmentWorkerHandler,
  STOP_MARGIN_MS,
} from '../../functions/src/batch/lambda-handlers.js';
import { createNotifierHandler } from '../../functions/src/batch/notifier-sqs.js';
import { EVENTS_PER_MESSAGE } from '../../functions/src/batch/sqs-event-sink.js';
import { tableRuntime } from '../../functions/src/batch/test-runtime.js';
import type { SegmentTask } from '../../functions/src/batch/types.js';
import { createOutboxRepository } from '../../functions/src/store/outbox-repository.js';
import { createRunRepository } from '../../functions/src/store/run-repository.js';
import { startTestTable, type TestTable } from '../../functions/src/testing/dynalite-harness.js';
import { STATE_NAMES } from '../lib/recompute-state-machine.js';
import { type Json, stateMachineDefinition } from './asl.js';
import { seedSyntheticBusinesses } from './seed.js';
import { synthPortal } from './synth.js';

/**
 * The synthesized recompute state machine, run locally by aws-local-stepfunctions with its Lambda tasks
 * replaced by the real handlers (functions/src/batch/lambda-handlers.ts) over a local DynamoDB (dynalite)
 * seeded with synthetic businesses and the real catalog.
 */

// aws-local-stepfunctions needs Promise.withResolvers (Node 22); these machines run Node 20 too.
if (!('withResolvers' in Promise)) {
  Object.assign(Promise, {
    withResolvers<T>() {
      let resolve!: (value: T) => void;
      let reject!: (reason: unknown) => void;
      const promise = new Promise<T>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise, resolve, reject };
    },
  });
}

const BUSINESSES = 3000;
const SEGMENTS = 6;
const AS_OF = '2026-06-01';
const NOW = new Date(`${AS_OF}T01:00:00Z`);

let table: TestTable;
const sink = new MemoryEventSink();
const invocations = { prepare: 0, worker: 0, finalize: 0 };
const workerCallsBySegment = new Map<number, number>();
let output: FinalizeOutput;
let stored: StoredBusiness[];

/** A Lambda's result as Step Functions passes it on: JSON. */
const asJson = (value: unknown): Json => JSON.parse(JSON.stringify(value)) as Json;

async function allBusinesses(t: TestTable): Promise<StoredBusiness[]> {
  const out: StoredBusiness[] = [];
  for (let segment = 0; segment < 2; segment++) {
    let cursor: string | undefined;
    do {
      const page = await t.repos.businesses.scanSegment(segment, 2, cursor, 500);
      out.push(...page.items);
      cursor = page.cursor;
    } while (cursor);
  }
  return out;
}

describe('the synthesized recompute state machine, run locally', () => {
  beforeAll(async () => {
    const { json } = synthPortal({ stage: 'dev' });
    const definition = stateMachineDefinition(json);

    table = await startTestTable({ tableName: 'sfn-integ', clock: () => NOW });
    const catalog = loadCatalog();
    for (const program of catalog.programs) await table.repos.programs.create(program);
    for (const disaster of catalog.disasters) await table.repos.disasters.create(disaster);
    await seedSyntheticBusinesses(table, BUSINESSES, { seed: 6, asOf: AS_OF });

    const runtime = tableRuntime(table, {
      evaluatorFor: createColumnarEvaluator,
      sink,
      blobs: new MemoryBlobStore(),
      clock: () => NOW,
      pageSize: 100,
    });
    const prepare = createPrepareHandler(() => runtime);
    const worker = createSegmentWorkerHandler(() => runtime);
    const finalize = createFinalizeHandler(() => runtime);

    const { StateMachine } = await import('aws-local-stepfunctions');
    const machine = new StateMachine(definition as never, { validationOptions: { checkArn: false } });
    const execution = machine.run(
      { trigger: 'manual', asOf: AS_OF, segments: SEGMENTS },
      {
        overrides: {
          taskResourceLocalHandlers: {
            [STATE_NAMES.prepare]: async (input: unknown) => {
              invocations.prepare++;
              return asJson(await prepare(input as never));
            },
            // The first invocation of each segment runs out of Lambda time after its first page, as a
            // segment too big for 15 minutes would: the state machine's retry must resume it.
            [STATE_NAMES.worker]: async (input: unknown) => {
              invocations.worker++;
              const task = input as SegmentTask;
              const call = (workerCallsBySegment.get(task.segment) ?? 0) + 1;
              workerCallsBySegment.set(task.segment, call);
              let pagesLeft = call === 1 ? 1 : Number.POSITIVE_INFINITY;
              return asJson(
                await worker(task, {
                  getRemainingTimeInMillis: () => (pagesLeft-- > 0 ? 900_000 : STOP_MARGIN_MS - 1),
                }),
              );
            },
            [STATE_NAMES.finalize]: async (input: unknown) => {
              invocations.finalize++;
              return asJson(await finalize(input as { runId: string }));
            },
          },
          retryIntervalOverrides: { [STATE_NAMES.worker]: 0 },
        },
      },
    );
    output = (await execution.result) as unknown as FinalizeOutput;
    stored = await allBusinesses(table);
  }, 300_000);

  afterAll(async () => {
    await table?.stop();
  });

  it('runs prepare once, every segment through the Distributed Map, then finalize', () => {
    expect(invocations.prepare).toBe(1);
    expect(invocations.finalize).toBe(1);
    expect([...workerCallsBySegment.keys()].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(output.complete).toBe(true);
    expect(output.missingSegments).toEqual([]);
  });

  it('resumes a segment that stopped early through the SegmentIncompleteError retry', () => {
    for (const calls of workerCallsBySegment.values()) expect(calls).toBe(2);
    expect(invocations.worker).toBe(2 * SEGMENTS);
  });

  it('recomputes every business', () => {
    expect(stored).toHaveLength(BUSINESSES);
    expect(output.totals.scanned).toBe(BUSINESSES);
    const missing = stored.filter((b) => !b.matchedAt || b.matchHash === undefined || !b.matchIds);
    expect(missing.map((b) => b.profile.brn)).toEqual([]);
    expect(stored.some((b) => (b.matchIds?.length ?? 0) > 0)).toBe(true);
  });

  it('stores for each business exactly the programs the owner-facing rules engine finds eligible', async () => {
    const { disasters } = loadCatalog();
    const programs = await Promise.all(
      Object.keys(output.programCounts).map((id) => table.repos.programs.get(id)),
    );
    for (const b of stored) {
      const eligible = programs
        .filter((p) => evaluateRule(p!.rule, b.profile, { asOf: AS_OF, disasters }).result === true)
        .map((p) => p!.id)
        .sort();
      expect(b.matchIds, b.profile.brn).toEqual(eligible);
    }
  });

  it('writes per-program counts that agree with the stored match sets', async () => {
    const runs = createRunRepository(table.doc, table.tableName);
    const fromMatches = new Map<string, number>();
    for (const b of stored)
      for (const id of b.matchIds ?? []) fromMatches.set(id, (fromMatches.get(id) ?? 0) + 1);
    const programIds = Object.keys(output.programCounts);
    expect(programIds.length).toBeGreaterThan(5);
    for (const programId of programIds) {
      const count = await runs.getProgramCount(programId);
      expect(count, programId).toMatchObject({
        programId,
        count: fromMatches.get(programId) ?? 0,
        asOf: AS_OF,
      });
    }
    expect([...fromMatches.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  it('hands the new-match events to the notifier, which reports no failed message', async () => {
    const claimed = new Set(stored.filter((b) => b.ownerId).map((b) => b.profile.brn));
    expect(sink.events.length).toBeGreaterThan(0);
    expect(sink.events.every((e) => claimed.has(e.brn))).toBe(true);

    const notifier = createNotifierHandler(() => ({
      notifications: table.repos.notifications,
      outbox: createOutboxRepository(table.doc, table.tableName),
      clock: () => NOW,
    }));
    const records: SQSEvent['Records'] = [];
    for (let i = 0; i < sink.events.length; i += EVENTS_PER_MESSAGE) {
      records.push({
        messageId: `m-${i}`,
        receiptHandle: `r-${i}`,
        body: JSON.stringify({ events: sink.events.slice(i, i + EVENTS_PER_MESSAGE) }),
        attributes: {} as never,
        messageAttributes: {},
        md5OfBody: '',
        eventSource: 'aws:sqs',
        eventSourceARN: 'arn:aws:sqs:ap-northeast-2:123456789012:new-match',
        awsRegion: 'ap-northeast-2',
      });
    }
    const response = await notifier({ Records: records }, {} as never);
    expect(response.batchItemFailures).toEqual([]);
    const owner = sink.events[0]!.ownerId;
    const inbox = await table.repos.notifications.list(owner);
    expect(inbox.items.length).toBeGreaterThan(0);
  });
});
