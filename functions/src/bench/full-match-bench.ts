/** Item 1: every business against every program, on all cores (worker threads over one shared snapshot). */
import type { Disaster } from '@sbiz24/shared';
import { BLOCK_ROWS } from '@sbiz24/shared/columnar/plan';
import { startWorker } from '../cli/snapshot/ts-worker';
import type { BenchProgram } from './programs';

export interface MatchJob {
  buffer: SharedArrayBuffer;
  programs: readonly BenchProgram[];
  ctx: { asOf: string; disasters: readonly Disaster[] };
  rowStart: number;
  rowEnd: number;
}

export interface MatchReport {
  counts: Uint32Array;
  pairs: number;
  seconds: number;
  digest: number;
  distinctConditions: number;
  rows: number;
}

export interface FullMatchBenchResult {
  fullMatchSeconds: number;
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
  const started = performance.now();
  const reports = await Promise.all(
    threads.map(
      (worker) =>
        new Promise<MatchReport>((resolve, reject) => {
          worker.once('message', (m: MatchReport) => resolve(m));
          worker.once('error', reject);
          worker.postMessage('go');
        }),
    ),
  );
  const fullMatchSeconds = (performance.now() - started) / 1000;
  await Promise.all(threads.map((w) => w.terminate()));

  const ids = [...options.programs.map((p) => p.id)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const counts = new Map(ids.map((id) => [id, 0]));
  for (const r of reports) {
    for (let i = 0; i < ids.length; i++) counts.set(ids[i]!, counts.get(ids[i]!)! + r.counts[i]!);
  }
  const matchPairs = reports.reduce((n, r) => n + r.pairs, 0);
  return {
    fullMatchSeconds,
    pairsPerSecond: (options.rows * options.programs.length) / fullMatchSeconds,
    matchPairs,
    matchesPerBusiness: matchPairs / options.rows,
    distinctConditions: reports[0]?.distinctConditions ?? 0,
    counts,
    workers: ranges.length,
  };
}
