import {
  createFinalizeHandler,
  createPrepareHandler,
  createSegmentWorkerHandler,
  type PrepareTurn,
  STOP_MARGIN_MS,
} from '@sbiz24/functions/aws/batch-handlers';
import { BATCH_METRICS, BATCH_SERVICES } from '@sbiz24/functions/aws/batch-metrics';
import { batchTelemetry } from '@sbiz24/functions/aws/batch-telemetry';
import { createNotifierHandler } from '@sbiz24/functions/aws/notifier-sqs';
import { EVENTS_PER_MESSAGE } from '@sbiz24/functions/aws/sqs-event-sink';
import { createColumnarEvaluator } from '@sbiz24/functions/recompute/columnar-evaluator';
import { MemoryEventSink } from '@sbiz24/functions/recompute/event-sinks';
import type { FinalizeOutput } from '@sbiz24/functions/recompute/finalize';
import { MemoryBlobStore } from '@sbiz24/functions/services/blob-store';
import { createOutboxRepository } from '@sbiz24/functions/store/outbox-repository';
import { createRunRepository } from '@sbiz24/functions/store/run-repository';
import { type CapturedOutput, captureOutput } from '@sbiz24/functions/testing/capture-output';
import { startTestTable, type TestTable } from '@sbiz24/functions/testing/dynalite-harness';
import { tableRuntime } from '@sbiz24/functions/testing/table-runtime';
import type { StoredBusiness } from '@sbiz24/shared';
import { evaluateRule, loadCatalog } from '@sbiz24/shared';
import type { SegmentTask } from '@sbiz24/shared/recompute/types';
import type { SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATE_NAMES } from '../lib/recompute-state-machine.js';
import { type Json, stateMachineDefinition } from './asl.js';
import { seedSyntheticBusinesses } from './seed.js';
import { synthPortal } from './synth.js';

/**
 * The synthesized recompute state machine, run locally by aws-local-stepfunctions with its Lambda tasks
 * replaced by the real handlers (functions/src/aws/batch-handlers.ts) over a local DynamoDB (dynalite)
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
const invocations = { queue: 0, prepare: 0, worker: 0, finalize: 0 };
const workerCallsBySegment = new Map<number, number>();
let output: FinalizeOutput;
let stored: StoredBusiness[];
let definition: ReturnType<typeof stateMachineDefinition>;
let prepare: ReturnType<typeof createPrepareHandler>;
const prepared: PrepareTurn[] = [];
/** What the handlers wrote during the first execution: their log lines and EMF metric records. */
let executionOutput: CapturedOutput;
const telemetry = (serviceName: string) => batchTelemetry({ serviceName, namespace: 'Sbiz24/test' });
const isEmf = (r: Record<string, unknown>) => '_aws' in r;
const sumOf = (records: Record<string, unknown>[], metric: string) =>
  records.reduce((t, r) => t + ((r[metric] as number | undefined) ?? 0), 0);

const MACHINE_ARN = 'arn:aws:states:ap-northeast-2:123456789012:stateMachine:Recompute';
const executionArn = (name: string) => `${MACHINE_ARN.replace(':stateMachine:', ':execution:')}:${name}`;
/**
 * The Context Object Step Functions gives an execution: its id (ARN), its state machine. (aws-local-stepfunctions
 * sets `Execution.StartTime` itself, to the real time: the other executions of a test are dated around it.)
 */
const contextOf = (name: string) => ({
  Execution: { Id: executionArn(name), Name: name },
  StateMachine: { Id: MACHINE_ARN, Name: 'Recompute' },
});
const LONG_AGO = '2000-01-01T00:00:00.000Z';
const FAR_AHEAD = '2999-01-01T00:00:00.000Z';

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
    definition = stateMachineDefinition(json);

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
    prepare = createPrepareHandler(() => runtime, telemetry(BATCH_SERVICES.prepare));
    const worker = createSegmentWorkerHandler(() => runtime, telemetry(BATCH_SERVICES.worker));
    const finalize = createFinalizeHandler(() => runtime, telemetry(BATCH_SERVICES.finalize));

    const { StateMachine } = await import('aws-local-stepfunctions');
    const machine = new StateMachine(definition as never, { validationOptions: { checkArn: false } });
    const self = contextOf('nightly-1');
    const execution = machine.run(
      { trigger: 'manual', asOf: AS_OF, segments: SEGMENTS },
      {
        context: self,
        overrides: {
          taskResourceLocalHandlers: {
            // An older run is still going on at first; when it has ended, only this execution is running.
            [STATE_NAMES.queue]: async () => {
              if (++invocations.queue > 10) throw new Error('still waiting after 10 turns');
              const me = { executionArn: self.Execution.Id, startDate: new Date().toISOString() };
              const older = { executionArn: executionArn('older'), startDate: LONG_AGO };
              return { Executions: invocations.queue === 1 ? [older, me] : [me] };
            },
            [STATE_NAMES.prepare]: async (input: unknown) => {
              invocations.prepare++;
              const turn = await prepare(input as never);
              prepared.push(turn);
              return asJson(turn);
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
          retryIntervalOverrides: { [STATE_NAMES.worker]: 0, [STATE_NAMES.queue]: 0 },
          waitTimeOverrides: { [STATE_NAMES.wait]: 0 },
        },
      },
    );
    executionOutput = captureOutput();
    try {
      output = (await execution.result) as unknown as FinalizeOutput;
    } finally {
      executionOutput.restore();
    }
    stored = await allBusinesses(table);
  }, 300_000);

  afterAll(async () => {
    await table?.stop();
  });

  it('waits for the older run, then prepares once, runs every segment through the Distributed Map, then finalize', () => {
    expect(invocations.queue).toBe(2);
    expect(invocations.prepare).toBe(2);
    expect(prepared.map((p) => p.turn)).toEqual(['wait', 'run']);
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

  it('logs every step with its run id, publishes what the segments did, and logs no business number or owner', () => {
    const run = prepared.find((p) => p.turn === 'run') as { runId: string };
    const records = executionOutput.records();
    const logs = records.filter((r) => !isEmf(r));
    expect(logs.length).toBeGreaterThan(2 * SEGMENTS);
    for (const line of logs) {
      // The waiting execution's line comes before a run is chosen; every other line names the run.
      if (line.turn !== 'wait') expect(line.runId, JSON.stringify(line)).toBe(run.runId);
      if (line.service === BATCH_SERVICES.worker) expect(line.segment).toBeTypeOf('number');
    }
    const emf = records.filter(isEmf);
    expect(sumOf(emf, BATCH_METRICS.businessesEvaluated)).toBe(BUSINESSES);
    expect(sumOf(emf, BATCH_METRICS.matchSetsChanged)).toBe(output.totals.changed);
    expect(sumOf(emf, BATCH_METRICS.newMatchEvents)).toBe(output.totals.newMatches);
    expect(sumOf(emf, BATCH_METRICS.segmentsStopped)).toBe(SEGMENTS);
    expect(sumOf(emf, BATCH_METRICS.segmentsCompleted)).toBe(SEGMENTS);
    expect(sumOf(emf, BATCH_METRICS.segmentsFailed)).toBe(0);
    expect(sumOf(emf, BATCH_METRICS.runsCompleted)).toBe(1);
    const text = executionOutput.text();
    for (const b of stored) {
      expect(text).not.toContain(b.profile.brn);
      if (b.ownerId) expect(text).not.toContain(b.ownerId);
    }
  });

  it('hands the new-match events to the notifier, which reports no failed message', async () => {
    const claimed = new Set(stored.filter((b) => b.ownerId).map((b) => b.profile.brn));
    expect(sink.events.length).toBeGreaterThan(0);
    expect(sink.events.every((e) => claimed.has(e.brn))).toBe(true);

    const notifier = createNotifierHandler(
      () => ({
        notifications: table.repos.notifications,
        outbox: createOutboxRepository(table.doc, table.tableName),
        clock: () => NOW,
      }),
      telemetry(BATCH_SERVICES.notifier),
    );
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
    const notifierOutput = captureOutput();
    const response = await notifier({ Records: records }, {} as never).finally(() =>
      notifierOutput.restore(),
    );
    expect(response.batchItemFailures).toEqual([]);
    // Every event is accounted for, once: added, or skipped (the same program and reason twice is a duplicate).
    const [metrics] = notifierOutput.records().filter(isEmf);
    const outcomes = ['notificationsAdded', 'notificationsDuplicate', 'notificationsSkipped'] as const;
    expect(outcomes.reduce((t, m) => t + (metrics![BATCH_METRICS[m]] as number), 0)).toBe(sink.events.length);
    expect(metrics![BATCH_METRICS.notificationsAdded]).toBeGreaterThan(0);
    const owner = sink.events[0]!.ownerId;
    const inbox = await table.repos.notifications.list(owner);
    expect(inbox.items.length).toBeGreaterThan(0);
  });

  describe('one run at a time', () => {
    /** Runs the machine as `name`, with ListRunning answering from `running`. */
    async function runAs(
      name: string,
      running: (call: number) => { executionArn: string; startDate: string }[],
    ) {
      const calls = { queue: 0, prepare: 0, worker: 0 };
      const { StateMachine } = await import('aws-local-stepfunctions');
      const machine = new StateMachine(definition as never, { validationOptions: { checkArn: false } });
      // Prepare logs each turn; the first execution's test checks those lines, here they are kept off the terminal.
      const quiet = captureOutput();
      const result = await machine
        .run(
          { trigger: 'program-published' },
          {
            context: contextOf(name),
            overrides: {
              taskResourceLocalHandlers: {
                [STATE_NAMES.queue]: async () => {
                  // A turn that never comes would loop forever: fail the execution instead.
                  if (++calls.queue > 10) throw new Error('still waiting after 10 turns');
                  return { Executions: running(calls.queue) };
                },
                [STATE_NAMES.prepare]: async (input: unknown) => {
                  calls.prepare++;
                  const turn = await prepare(input as never);
                  if (turn.turn === 'run') throw new Error('this execution was to wait or give way, not run');
                  return asJson(turn);
                },
                [STATE_NAMES.worker]: async () => {
                  calls.worker++;
                  return {};
                },
              },
              waitTimeOverrides: { [STATE_NAMES.wait]: 0 },
              retryIntervalOverrides: { [STATE_NAMES.queue]: 0 },
            },
          },
        )
        .result.finally(() => quiet.restore());
      return { result, calls };
    }

    const me = { executionArn: executionArn('me'), startDate: new Date().toISOString() };
    const older = { executionArn: executionArn('older'), startDate: LONG_AGO };
    const newer = { executionArn: executionArn('newer'), startDate: FAR_AHEAD };

    it('ends at once, successfully, when a newer execution is waiting: its run covers this change', async () => {
      const { result, calls } = await runAs('me', () => [older, me, newer]);
      expect(result).toEqual({ trigger: 'program-published', turn: 'superseded' });
      expect(calls).toEqual({ queue: 1, prepare: 1, worker: 0 });
    });

    it('waits while an older run is going on and asks again, then gives way to a newer one that arrived', async () => {
      const { result, calls } = await runAs('me', (call) => (call < 3 ? [older, me] : [older, me, newer]));
      expect(result).toEqual({ trigger: 'program-published', turn: 'superseded' });
      expect(calls).toEqual({ queue: 3, prepare: 3, worker: 0 });
    });
  });
});
