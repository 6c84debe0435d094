import type { BusinessRepository, Rule } from '@sbiz24/shared';
import type { SegmentTask } from '@sbiz24/shared/recompute/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createColumnarEvaluator } from '../recompute/columnar-evaluator';
import { MemoryEventSink } from '../recompute/event-sinks';
import { IncompleteRunError } from '../recompute/finalize';
import type { BatchRuntime } from '../recompute/runtime';
import { MemoryBlobStore } from '../services/blob-store';
import { type CapturedOutput, captureOutput } from '../testing/capture-output';
import { brnOf, business, regionProgram } from '../testing/fixtures';
import { createMemoryRepositories } from '../testing/memory-repositories';
import { MemoryRunRepository } from '../testing/memory-run-repository';
import {
  createFinalizeHandler,
  createPrepareHandler,
  createSegmentWorkerHandler,
  type PrepareTurn,
  SegmentIncompleteError,
  STOP_MARGIN_MS,
} from './batch-handlers';
import { BATCH_SERVICES, BATCH_METRICS as M } from './batch-metrics';
import { batchTelemetry, redactBusinessNumbers } from './batch-telemetry';

const COUNT = 30;
const PAGE = 4;
const clock = () => new Date('2025-03-01T00:00:00Z');
const self = {
  id: 'arn:aws:states:ap-northeast-2:000000000000:execution:Recompute:nightly-0301',
  startTime: '2025-03-01T00:00:00.000Z',
};
const plentyOfTime = { getRemainingTimeInMillis: () => 600_000, awsRequestId: 'req-1' };
const NAMESPACE = 'Sbiz24/test';

/** A runtime over memory repositories: 30 businesses (every third claimed), two programs and a broken one. */
async function memoryRuntime(): Promise<{ rt: BatchRuntime; sink: MemoryEventSink }> {
  const repos = createMemoryRepositories(clock);
  await repos.businesses.createMany(
    Array.from({ length: COUNT }, (_, i) =>
      business(i, i % 2 === 0 ? '11110' : '26110', i % 3 === 0 ? `owner-${i}` : undefined),
    ),
  );
  await repos.programs.create(regionProgram('seoul-a', ['11']));
  await repos.programs.create(regionProgram('all-b', ['11', '26']));
  await repos.programs.create(
    regionProgram('broken', ['11'], { rule: { type: 'nonsense' } as unknown as Rule }),
  );
  const sink = new MemoryEventSink();
  const rt: BatchRuntime = {
    ...repos,
    runs: new MemoryRunRepository(),
    blobs: new MemoryBlobStore(),
    sink,
    clock,
    evaluatorFor: createColumnarEvaluator,
    pageSize: PAGE,
  };
  return { rt, sink };
}

function handlers(rt: BatchRuntime) {
  const telemetry = (serviceName: string) =>
    batchTelemetry({ serviceName, namespace: NAMESPACE, level: 'DEBUG' });
  return {
    prepare: createPrepareHandler(() => rt, telemetry(BATCH_SERVICES.prepare)),
    worker: createSegmentWorkerHandler(() => rt, telemetry(BATCH_SERVICES.worker)),
    finalize: createFinalizeHandler(() => rt, telemetry(BATCH_SERVICES.finalize)),
  };
}

function ran(turn: PrepareTurn): Extract<PrepareTurn, { turn: 'run' }> {
  if (turn.turn !== 'run') throw new Error(`expected to run, got ${turn.turn}`);
  return turn;
}

type Entry = Record<string, unknown>;
const isEmf = (r: Entry) => '_aws' in r;
const logsOf = (out: CapturedOutput) => out.records().filter((r) => !isEmf(r));
const emfOf = (out: CapturedOutput) => out.records().filter(isEmf);
/** The values of one metric over the EMF records, in order. */
const valuesOf = (records: Entry[], name: string) => records.filter((r) => name in r).map((r) => r[name]);
const sum = (values: unknown[]) => values.reduce<number>((t, v) => t + (v as number), 0);

/** No business number (plain or dashed), trade name, representative name or owner id in the output. */
function expectNoPersonalData(text: string): void {
  for (let i = 0; i < COUNT; i++) {
    const brn = brnOf(i);
    expect(text).not.toContain(brn);
    expect(text).not.toContain(`${brn.slice(0, 3)}-${brn.slice(3, 5)}-${brn.slice(5)}`);
  }
  expect(text).not.toContain('owner-');
  expect(text).not.toContain('가게');
  expect(text).not.toContain('홍길동');
}

// Every test captures what the handlers write (the lines CloudWatch would get) and clears the arrange step's.
let out: CapturedOutput;
beforeEach(() => {
  out = captureOutput();
});
afterEach(() => out.restore());

describe('the batch handlers on Lambda: logs and metrics', () => {
  it('logs every step of a run with its run id (and segment), and publishes what each step did', async () => {
    const { rt, sink } = await memoryRuntime();
    const { prepare, worker, finalize } = handlers(rt);

    out.clear();
    const run = ran(await prepare({ request: { trigger: 'nightly', segments: 2 }, self }, plentyOfTime));
    for (const task of run.segments) await worker(task, plentyOfTime);
    const finalized = await finalize({ runId: run.runId }, plentyOfTime);

    const logs = logsOf(out);
    expect(logs.length).toBeGreaterThan(5);
    for (const line of logs) {
      expect(line, JSON.stringify(line)).toMatchObject({ runId: run.runId, requestId: 'req-1' });
      if (line.service === BATCH_SERVICES.worker) expect([0, 1]).toContain(line.segment);
    }
    const messages = logs.map((l) => `${l.service} ${l.level} ${l.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'recompute-prepare INFO run prepared',
        'recompute-prepare WARN programs left out of the run: their rule does not validate or compile',
        'recompute-segment DEBUG page done',
        'recompute-segment INFO segment done',
        'recompute-finalize INFO run finalized',
      ]),
    );
    expect(logs.find((l) => l.message === 'run prepared')).toMatchObject({
      execution: 'nightly-0301',
      trigger: 'nightly',
      totalSegments: 2,
      programs: 2,
      skippedPrograms: 1,
    });
    expect(logs.find((l) => l.level === 'WARN')?.skipped).toEqual([
      { programId: 'broken', reason: expect.any(String) },
    ]);
    expect(logs.find((l) => l.message === 'run finalized')).toMatchObject({
      scanned: COUNT,
      changed: COUNT,
      newMatches: finalized.totals.newMatches,
      programs: 2,
    });

    const emf = emfOf(out);
    for (const record of emf) {
      expect(record._aws).toMatchObject({
        CloudWatchMetrics: [{ Namespace: NAMESPACE, Dimensions: [['service']] }],
      });
      expect(record.runId).toBe(run.runId);
    }
    const workerEmf = emf.filter((r) => r.service === BATCH_SERVICES.worker);
    expect(workerEmf.map((r) => r.segment).sort()).toEqual(['0', '1']);
    expect(sum(valuesOf(workerEmf, M.businessesEvaluated))).toBe(COUNT);
    expect(sum(valuesOf(workerEmf, M.matchSetsChanged))).toBe(COUNT);
    const newMatches = sink.events.filter((e) => e.reason === 'new-match').length;
    expect(newMatches).toBeGreaterThan(0);
    expect(sum(valuesOf(workerEmf, M.newMatchEvents))).toBe(newMatches);
    expect(sum(valuesOf(workerEmf, M.segmentsCompleted))).toBe(2);
    expect(sum(valuesOf(workerEmf, M.segmentsFailed))).toBe(0);
    expect(valuesOf(workerEmf, M.segmentDuration)).toHaveLength(2);
    expect(valuesOf(emf, M.runsStarted)).toEqual([1]);
    expect(valuesOf(emf, M.programsSkipped)).toEqual([1]);
    expect(valuesOf(emf, M.runsCompleted)).toEqual([1]);
    expect(valuesOf(emf, M.runDuration)).toEqual([0]);

    expectNoPersonalData(out.text());
  });

  it("counts only this invocation's pages when a segment stops before the time limit and resumes", async () => {
    const { rt } = await memoryRuntime();
    const { prepare, worker } = handlers(rt);
    const [task] = ran(await prepare({ request: { segments: 1 }, self })).segments as [SegmentTask];

    out.clear();
    const outOfTime = { getRemainingTimeInMillis: () => STOP_MARGIN_MS - 1 };
    await expect(worker(task, outOfTime)).rejects.toBeInstanceOf(SegmentIncompleteError);
    const result = await worker(task, plentyOfTime);

    expect(result.counts.scanned).toBe(COUNT);
    const emf = emfOf(out);
    expect(valuesOf(emf, M.businessesEvaluated)).toEqual([PAGE, COUNT - PAGE]);
    expect(valuesOf(emf, M.segmentsStopped)).toEqual([1, 0]);
    expect(valuesOf(emf, M.segmentsCompleted)).toEqual([0, 1]);
    expect(logsOf(out).find((l) => l.level === 'INFO')).toMatchObject({
      message: 'segment stopped before the Lambda time limit; the retry resumes it',
      runId: task.runId,
      segment: 0,
      pagesThisInvocation: 1,
    });
  });

  it('logs a failed segment with its error, run id and segment before the error propagates, without the business number in the error', async () => {
    const { rt } = await memoryRuntime();
    const { prepare, worker } = handlers(rt);
    const [task] = ran(await prepare({ request: { segments: 1 }, self })).segments as [SegmentTask];
    let scans = 0;
    const businesses: BusinessRepository = {
      ...rt.businesses,
      scanSegment: (...args) => {
        if (++scans === 2) return Promise.reject(new Error(`page refused after ${brnOf(7)}`));
        return rt.businesses.scanSegment(...args);
      },
    };
    const failing = createSegmentWorkerHandler(
      () => ({ ...rt, businesses }),
      batchTelemetry({ serviceName: BATCH_SERVICES.worker, namespace: NAMESPACE }),
    );

    out.clear();
    await expect(failing(task, plentyOfTime)).rejects.toThrow(/page refused/);

    const errors = logsOf(out).filter((l) => l.level === 'ERROR');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      message: 'segment failed; the state machine retries it, or finalize reports it missing',
      runId: task.runId,
      segment: 0,
      pagesThisInvocation: 1,
      error: { name: 'Error', message: 'page refused after [redacted]' },
    });
    expect(valuesOf(emfOf(out), M.segmentsFailed)).toEqual([1]);
    expect(valuesOf(emfOf(out), M.businessesEvaluated)).toEqual([PAGE]);
    expectNoPersonalData(out.text());
    // The worker still runs the segment through afterwards.
    expect((await worker(task, plentyOfTime)).done).toBe(true);
  });

  it('logs an incomplete run at finalize with the missing segments, and counts it', async () => {
    const { rt } = await memoryRuntime();
    const { prepare, worker, finalize } = handlers(rt);
    const run = ran(await prepare({ request: { segments: 3 }, self }));
    await worker(run.segments[0]!, plentyOfTime);

    out.clear();
    await expect(finalize({ runId: run.runId })).rejects.toBeInstanceOf(IncompleteRunError);

    expect(logsOf(out)).toEqual([
      expect.objectContaining({
        level: 'ERROR',
        service: BATCH_SERVICES.finalize,
        runId: run.runId,
        missingSegments: 2,
        firstMissing: [1, 2],
        error: expect.objectContaining({ name: 'IncompleteRunError' }),
      }),
    ]);
    expect(valuesOf(emfOf(out), M.runsIncomplete)).toEqual([1]);
    expect(valuesOf(emfOf(out), M.runsCompleted)).toEqual([]);
  });

  it("logs the turn of an execution that waits or gives way, with the execution's name, and publishes nothing", async () => {
    const { rt } = await memoryRuntime();
    const { prepare } = handlers(rt);
    const older = { executionArn: `${self.id}-older`, startDate: '2025-02-28T23:00:00.000Z' };

    out.clear();
    expect(
      (await prepare({ request: { trigger: 'program-published', queue: { running: [older] } }, self })).turn,
    ).toBe('wait');

    expect(logsOf(out)).toEqual([
      expect.objectContaining({
        level: 'INFO',
        message: 'an older run is going on: this execution waits for its turn',
        execution: 'nightly-0301',
        trigger: 'program-published',
        running: 1,
      }),
    ]);
    expect(emfOf(out)).toEqual([]);
  });

  it('logs a prepare that fails, with the error', async () => {
    const { rt } = await memoryRuntime();
    const { prepare } = handlers(rt);

    out.clear();
    await expect(prepare({ request: { runId: 'bad id' }, self })).rejects.toThrow(RangeError);

    expect(logsOf(out)).toEqual([
      expect.objectContaining({
        level: 'ERROR',
        message: 'prepare failed',
        runId: 'bad id',
        error: expect.objectContaining({ name: 'RangeError' }),
      }),
    ]);
  });
});

describe('redactBusinessNumbers', () => {
  it('masks business numbers, plain or dashed, and leaves longer or shorter numbers alone', () => {
    const brn = brnOf(3);
    const dashed = `${brn.slice(0, 3)}-${brn.slice(3, 5)}-${brn.slice(5)}`;
    expect(redactBusinessNumbers(`a ${brn} b ${dashed}.`)).toBe('a [redacted] b [redacted].');
    expect(redactBusinessNumbers('run 20250301T021500Z-3fa9c1, 1740787200000 ms, 123456789')).toBe(
      'run 20250301T021500Z-3fa9c1, 1740787200000 ms, 123456789',
    );
  });
});
