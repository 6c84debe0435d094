import { emptyCounts } from '@sbiz24/shared/recompute/types';
import { describe, expect, it } from 'vitest';
import { MemoryBlobStore } from '../services/blob-store';
import { LATEST_SNAPSHOT_KEY } from '../services/snapshot-keys';
import { business, regionProgram } from '../testing/fixtures';
import { createMemoryRepositories } from '../testing/memory-repositories';
import { MemoryRunRepository } from '../testing/memory-run-repository';
import { finalizeRun, IncompleteRunError } from './finalize';
import { chooseSegments, prepareRun } from './prepare';

const clock = () => new Date('2025-03-01T15:30:00Z');

async function setup() {
  const repos = createMemoryRepositories(clock);
  const runs = new MemoryRunRepository();
  await repos.businesses.createMany(Array.from({ length: 10 }, (_, i) => business(i, '11110')));
  await repos.programs.create(regionProgram('b-open', ['11']));
  await repos.programs.create(regionProgram('a-open', ['26']));
  await repos.programs.create(regionProgram('ended', ['11'], { applyEnd: '2025-02-28' }));
  await repos.programs.create(regionProgram('draft', ['11'], { status: 'draft' }));
  await repos.programs.create(
    regionProgram('c-started', ['11'], { status: 'scheduled', applyStart: '2025-03-01' }),
  );
  await repos.programs.create(
    regionProgram('later', ['11'], { status: 'scheduled', applyStart: '2025-04-01' }),
  );
  await repos.programs.create(regionProgram('broken', ['11']));
  const compile = (p: { id: string }) => {
    if (p.id === 'broken') throw new Error('규칙을 컴파일할 수 없습니다.');
  };
  return { repos, runs, deps: { ...repos, runs, clock, compile } };
}

describe('chooseSegments', () => {
  it('gives one segment per target rows, at least one and at most the cap', () => {
    expect(chooseSegments(0, 50_000, 1000)).toBe(1);
    expect(chooseSegments(6_000_000, 50_000, 1000)).toBe(120);
    expect(chooseSegments(6_000_001, 50_000, 1000)).toBe(121);
    expect(chooseSegments(6_000_000, 1000, 1000)).toBe(1000);
  });
});

describe('prepareRun', () => {
  it('fixes the programs open on the Korean date (a scheduled one whose window began included), sorted, and skips a rule that does not compile', async () => {
    const { deps, runs } = await setup();

    const out = await prepareRun({ ...deps, targetRowsPerSegment: 4 }, { runId: 'r1' });

    expect(out.asOf).toBe('2025-03-02');
    expect(out.totalSegments).toBe(3);
    expect(out.segments.map((s) => s.segment)).toEqual([0, 1, 2]);
    expect(out.skipped).toEqual([{ programId: 'broken', reason: '규칙을 컴파일할 수 없습니다.' }]);
    expect((await runs.getRun('r1'))?.programs).toEqual([
      { id: 'a-open', version: 1 },
      { id: 'b-open', version: 1 },
      { id: 'c-started', version: 1 },
    ]);
  });

  it('resumes an existing run with its recorded manifest', async () => {
    const { deps } = await setup();
    const first = await prepareRun(deps, { runId: 'r1', segments: 4, asOf: '2025-03-01' });

    const again = await prepareRun(deps, { runId: 'r1', segments: 9 });

    expect(again.resumed).toBe(true);
    expect(again.segments).toEqual(first.segments);
  });

  it('refuses a run id that is unsafe in keys and paths', async () => {
    const { deps } = await setup();

    await expect(prepareRun(deps, { runId: '../x' })).rejects.toThrow(RangeError);
  });
});

describe('finalizeRun', () => {
  async function withCheckpoints(segmentsDone: number[]) {
    const runs = new MemoryRunRepository();
    const blobs = new MemoryBlobStore();
    await runs.createRun({
      runId: 'r1',
      asOf: '2025-03-01',
      totalSegments: 2,
      programs: [
        { id: 'p1', version: 1 },
        { id: 'p2', version: 3 },
      ],
      disasterIds: [],
      startedAt: '2025-03-01T00:00:00Z',
    });
    for (const segment of segmentsDone) {
      await runs.putCheckpoint({
        runId: 'r1',
        segment,
        totalSegments: 2,
        pages: 2,
        done: true,
        counts: { ...emptyCounts(), scanned: 10, changed: 4 },
        programCounts: { p1: 3 + segment },
        snapshotKey: `runs/r1/seg-${segment}.snap`,
        updatedAt: '2025-03-01T00:00:00Z',
      });
    }
    return { runs, blobs, deps: { runs, blobs, clock } };
  }

  it('sums the segments into per-program counts (zero for a program nobody matches) and moves the latest pointer', async () => {
    const { runs, blobs, deps } = await withCheckpoints([0, 1]);

    const out = await finalizeRun(deps, { runId: 'r1' });

    expect(out.programCounts).toEqual({ p1: 7, p2: 0 });
    expect(out.totals).toMatchObject({ scanned: 20, changed: 8 });
    expect(await runs.getProgramCount('p1')).toMatchObject({ count: 7, runId: 'r1' });
    expect(await runs.getProgramCount('p2')).toMatchObject({ count: 0 });
    const pointer = JSON.parse(new TextDecoder().decode(await blobs.get(LATEST_SNAPSHOT_KEY)));
    expect(pointer).toMatchObject({ runId: 'r1', manifestKey: 'runs/r1/manifest.json' });
    expect((await runs.getRun('r1'))?.finishedAt).toBe('2025-03-01T15:30:00.000Z');
    expect(out).toMatchObject({ startedAt: '2025-03-01T00:00:00Z', finishedAt: '2025-03-01T15:30:00.000Z' });
  });

  it('fails on missing segments and leaves the previous snapshot and counts', async () => {
    const { runs, blobs, deps } = await withCheckpoints([1]);

    await expect(finalizeRun(deps, { runId: 'r1' })).rejects.toBeInstanceOf(IncompleteRunError);
    expect(await blobs.get(LATEST_SNAPSHOT_KEY)).toBeUndefined();
    expect(await runs.getProgramCount('p1')).toBeUndefined();
  });
});
