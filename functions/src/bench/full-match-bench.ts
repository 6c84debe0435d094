/** Item 1: every business against every program, on all cores (worker threads over one shared snapshot). */
import type { Disaster } from '@sbiz24/shared';
import type { FullMatchTimings } from '@sbiz24/shared/columnar/full-match';
import { BLOCK_ROWS } from '@sbiz24/shared/columnar/plan';
import { startWorker } from '../cli/snapshot/ts-worker';
import type { BenchProgram } from './programs';
import { median } from './stats';

export interface MatchJob {
  buffer: SharedArrayBuffer;
  programs: readonly BenchProgram[];
  ctx: { asOf: string; disasters: readonly Disaster[] };
  rowStart: number;
  rowEnd: number;
}

/** Start signal of a run; `timed` asks for the breakdown (its clock calls cost a little). */
export interface MatchSignal {
  timed: boolean;
}

export interface MatchReport {
  counts: Uint32Array;
  pairs: number;
  seconds: number;
  digest: number;
  distinctConditions: number;
  rows: number;
  /** Where the worker's time went, on a timed run (null from an engine that does not report it). */
  timings: FullMatchTimings | null;
}

export interface FullMatchBenchResult {
  /** The median of the untimed runs. */
  fullMatchSeconds: number;
  /** Every untimed run, in order. */
  fullMatchRunsSeconds: number[];
  /** Where the time went on one more, timed run: each phase's mean over the workers, in ms. */
  breakdown: FullMatchTimings | null;
  pairsPerSecond: number;
  matchPairs: number;
  matchesPerBusiness: number;
  distinctConditions: number;
  /** Matching businesses per program id. */
  counts: Map<string, number>;
  workers: number;
}

/** Row ranges for `workers` threads, cut at block boundaries. */
export function splitRows(rows: number, workers: number): [number, number][] {
  const cut = (w: number) => Math.min(rows, Math.round((rows * w) / workers / BLOCK_ROWS) * BLOCK_ROWS);
  return Array.from({ length: workers }, (_, w) => [cut(w), w === workers - 1 ? rows : cut(w + 1)]);
}

export async function measureFullMatch(options: {
  bytes: Uint8Array;
  rows: number;
  programs: readonly BenchProgram[];
  ctx: { asOf: string; disasters: readonly Disaster[] };
  workers: number;
  /** Untimed runs, of which the median is the figure. */
  runs: number;
}): Promise<FullMatchBenchResult> {
  if (!(options.bytes.buffer instanceof SharedArrayBuffer) || options.bytes.byteOffset !== 0)
    throw new Error('the snapshot must be loaded whole into a SharedArrayBuffer');
  const ranges = splitRows(options.rows, options.workers).filter(([a, b]) => b > a);
  const threads = await Promise.all(
    ranges.map(async ([rowStart, rowEnd]) => {
      const job: MatchJob = {
        buffer: options.bytes.buffer as SharedArrayBuffer,
        programs: options.programs,
        ctx: options.ctx,
        rowStart,
        rowEnd,
      };
      const worker = startWorker(new URL('./match-worker.ts', import.meta.url), { workerData: job });
      await new Promise<void>((resolve, reject) => {
        worker.once('message', () => resolve());
        worker.once('error', reject);
      });
      return worker;
    }),
  );
  const run = async (timed: boolean) => {
    const started = performance.now();
    const reports = await Promise.all(
      threads.map(
        (worker) =>
          new Promise<MatchReport>((resolve, reject) => {
            worker.once('message', (m: MatchReport) => resolve(m));
            worker.once('error', reject);
            worker.postMessage({ timed } satisfies MatchSignal);
          }),
      ),
    );
    return { seconds: (performance.now() - started) / 1000, reports };
  };
  const runs: { seconds: number; reports: MatchReport[] }[] = [];
  for (let r = 0; r < options.runs; r++) runs.push(await run(false));
  const timed = await run(true);
  await Promise.all(threads.map((w) => w.terminate()));
  const digests = new Set(runs.map((r) => r.reports.map((x) => x.digest).join()));
  if (digests.size !== 1) throw new Error('full match runs disagree');
  const reports = runs[0]!.reports;
  const fullMatchRunsSeconds = runs.map((r) => r.seconds);
  const fullMatchSeconds = median(fullMatchRunsSeconds);
  const phases = timed.reports.map((r) => r.timings);
  const breakdown = phases.every((t) => t !== null)
    ? (Object.fromEntries(
        (['compileMs', 'conditionsMs', 'combineMs', 'setsMs'] as const).map((k) => [
          k,
          Math.round(phases.reduce((n, t) => n + t![k], 0) / phases.length),
        ]),
      ) as unknown as FullMatchTimings)
    : null;

  const ids = [...options.programs.map((p) => p.id)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const counts = new Map(ids.map((id) => [id, 0]));
  for (const r of reports) {
    for (let i = 0; i < ids.length; i++) counts.set(ids[i]!, counts.get(ids[i]!)! + r.counts[i]!);
  }
  const matchPairs = reports.reduce((n, r) => n + r.pairs, 0);
  return {
    fullMatchSeconds,
    fullMatchRunsSeconds,
    breakdown,
    pairsPerSecond: (options.rows * options.programs.length) / fullMatchSeconds,
    matchPairs,
    matchesPerBusiness: matchPairs / options.rows,
    distinctConditions: reports[0]?.distinctConditions ?? 0,
    counts,
    workers: ranges.length,
  };
}
