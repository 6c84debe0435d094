import type { BusinessRepository } from '@sbiz24/shared';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MemoryBlobStore } from '../services/blob-store';
import { segmentPartKey } from '../services/snapshot-keys';
import { startTestTable, type TestTable } from '../testing/dynalite-harness';
import { brnOf, business, regionProgram, ruleEvaluator } from '../testing/fixtures';
import { tableRuntime } from '../testing/table-runtime';
import { DirectNotifierSink, MemoryEventSink } from './event-sinks';
import { runAllSegments } from './run-all';
import { prepareStep, segmentStep } from './run-steps';

const SEOUL = '11110';
const BUSAN = '26110';
const N = 60;

let tables: TestTable[] = [];
let counter = 0;

async function freshTable(): Promise<TestTable> {
  const t = await startTestTable({
    tableName: `batch-${++counter}`,
    clock: () => new Date('2025-03-01T00:00:00Z'),
  });
  tables.push(t);
  await t.repos.businesses.createMany(
    Array.from({ length: N }, (_, i) =>
      business(i, i % 2 === 0 ? SEOUL : BUSAN, i % 4 === 0 ? `user-${i}` : undefined),
    ),
  );
  await t.repos.programs.create(regionProgram('seoul-a', ['11']));
  await t.repos.programs.create(regionProgram('all-b', ['11', '26']));
  return t;
}

const evaluatorFor = (
  programs: Parameters<typeof ruleEvaluator>[0],
  ctx: Parameters<typeof ruleEvaluator>[1],
) => ruleEvaluator(programs, ctx);

afterAll(async () => {
  await Promise.all(tables.map((t) => t.stop()));
  tables = [];
});

async function matchState(businesses: BusinessRepository): Promise<Record<string, string[] | undefined>> {
  const out: Record<string, string[] | undefined> = {};
  for (let i = 0; i < N; i++) out[brnOf(i)] = (await businesses.get(brnOf(i)))?.matchIds;
  return out;
}

describe('segment worker against the local DynamoDB', () => {
  let t: TestTable;
  beforeEach(async () => {
    t = await freshTable();
  });

  it('rerunning every segment writes nothing and emits nothing', async () => {
    const sink = new MemoryEventSink();
    const rt = tableRuntime(t, { evaluatorFor, sink });
    const first = await runAllSegments(rt, { segments: 3, asOf: '2025-03-01' });
    expect(first.changed).toBe(N);
    sink.events.length = 0;

    const second = await runAllSegments(rt, { segments: 3, asOf: '2025-03-01' });

    expect(second.rowsScanned).toBe(N);
    expect(second.changed).toBe(0);
    expect(second.newMatches).toBe(0);
    expect(sink.events).toHaveLength(0);
  });

  it('resumes a killed run and ends in the state of an uninterrupted run', async () => {
    const other = await freshTable();
    const blobsA = new MemoryBlobStore();
    const blobsB = new MemoryBlobStore();
    const rtA = tableRuntime(t, { evaluatorFor, sink: new MemoryEventSink(), blobs: blobsA });
    const rtB = tableRuntime(other, { evaluatorFor, sink: new MemoryEventSink(), blobs: blobsB });

    const abort = new AbortController();
    let pages = 0;
    const killed = await runAllSegments(rtA, {
      runId: 'run-1',
      segments: 2,
      asOf: '2025-03-01',
      signal: abort.signal,
      onRows: () => {
        if (++pages === 3) abort.abort();
      },
    });
    expect(killed.complete).toBe(false);
    expect(killed.rowsScanned).toBeLessThan(N);
    const resumed = await runAllSegments(rtA, { runId: 'run-1', segments: 2, asOf: '2025-03-01' });
    const straight = await runAllSegments(rtB, { runId: 'run-1', segments: 2, asOf: '2025-03-01' });

    expect(resumed.complete).toBe(true);
    expect(resumed.rowsScanned).toBe(N);
    expect(resumed.changed).toBe(straight.changed);
    expect(await matchState(t.repos.businesses)).toEqual(await matchState(other.repos.businesses));
    for (const s of [0, 1]) {
      expect(await blobsA.get(segmentPartKey('run-1', s))).toEqual(
        await blobsB.get(segmentPartKey('run-1', s)),
      );
    }
    expect(await rtA.runs.getProgramCount('all-b')).toMatchObject({ count: N, runId: 'run-1' });
  });

  it('keeps an owner edit made during the batch and recomputes that business', async () => {
    const rt = tableRuntime(t, { evaluatorFor, sink: new MemoryEventSink() });
    const target = brnOf(2);
    let raced = false;
    const businesses: BusinessRepository = {
      ...t.repos.businesses,
      async putMatchesMany(writes) {
        if (writes.some((w) => w.brn === target) && !raced) {
          raced = true;
          const current = (await t.repos.businesses.get(target))!;
          await t.repos.businesses.updateProfile(
            target,
            { ...current.profile, regionCode: BUSAN, employees: 3 },
            current.version,
          );
        }
        // The real transaction: DynamoDB cancels it for the one stale version, the store sends the rest again.
        return t.repos.businesses.putMatchesMany(writes);
      },
    };

    const summary = await runAllSegments({ ...rt, businesses }, { segments: 2, asOf: '2025-03-01' });

    const stored = await t.repos.businesses.get(target);
    expect(raced).toBe(true);
    expect(stored?.profile).toMatchObject({ regionCode: BUSAN, employees: 3 });
    expect(stored?.matchIds).toEqual(['all-b']);
    expect(summary.conflicts).toBe(1);
  });

  it('notifies each owner once even when a page is processed twice', async () => {
    const sink = new DirectNotifierSink({
      notifications: t.repos.notifications,
      clock: () => new Date('2025-03-01T00:00:00Z'),
    });
    const rt = tableRuntime(t, { evaluatorFor, sink });
    const prep = await prepareStep(rt, { runId: 'dup', segments: 1, asOf: '2025-03-01' });
    // A crash after the events went out but before the writes: the same page is processed again on resume.
    const failingOnce: BusinessRepository = {
      ...t.repos.businesses,
      putMatchesMany: async () => {
        throw new Error('crash');
      },
    };
    await expect(segmentStep({ ...rt, businesses: failingOnce }, prep.segments[0]!)).rejects.toThrow('crash');
    const result = await segmentStep(rt, prep.segments[0]!);

    expect(result.done).toBe(true);
    const claimed = Array.from({ length: N }, (_, i) => i).filter((i) => i % 4 === 0);
    let total = 0;
    for (const i of claimed) {
      const page = await t.repos.notifications.list(`user-${i}`, { limit: 50 });
      const keys = page.items.map((n) => n.dedupeKey);
      expect(new Set(keys).size).toBe(keys.length);
      total += keys.length;
    }
    // Every claimed business is in Seoul (i % 4 === 0 is even): two programs each.
    expect(total).toBe(claimed.length * 2);
  });

  it('sends each deadline reminder once over consecutive nightly runs', async () => {
    await t.repos.programs.create(regionProgram('closing-c', ['11'], { applyEnd: '2025-03-10' }));
    const notifications = t.repos.notifications;
    const nights = ['2025-03-01', '2025-03-03', '2025-03-04', '2025-03-05', '2025-03-09', '2025-03-10'];
    for (const asOf of nights) {
      const clock = () => new Date(`${asOf}T00:00:00Z`);
      const rt = tableRuntime(t, {
        evaluatorFor,
        sink: new DirectNotifierSink({ notifications, clock }),
        clock,
      });
      await runAllSegments(rt, { segments: 2, asOf });
    }

    const items = (await notifications.list('user-0', { limit: 50 })).items.filter(
      (n) => n.programId === 'closing-c',
    );
    expect(items.map((n) => n.dedupeKey.split('#').at(-1)).sort()).toEqual([
      'deadline-1',
      'deadline-7',
      'new-match',
    ]);
  });
});

describe('segment worker checkpoints', () => {
  let t: TestTable;
  beforeAll(async () => {
    t = await freshTable();
  });

  it('never moves a checkpoint backwards', async () => {
    const rt = tableRuntime(t, { evaluatorFor, sink: new MemoryEventSink() });
    const prep = await prepareStep(rt, { runId: 'cp', segments: 1, asOf: '2025-03-01' });
    await segmentStep(rt, prep.segments[0]!);
    const done = await rt.runs.getCheckpoint('cp', 0);

    await expect(rt.runs.putCheckpoint({ ...done!, done: false, pages: 1 })).rejects.toMatchObject({
      code: 'CHECKPOINT_AHEAD',
    });
  });
});
