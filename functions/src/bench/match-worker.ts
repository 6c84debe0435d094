/**
 * Worker thread of the full-match benchmark: views the snapshot in the shared buffer (no copy), and on each
 * start signal matches its rows against every program (per-business sets included) and reports; a signal
 * asking for timings passes a clock, so the report says where the time went.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { decodeSnapshot } from '@sbiz24/shared/columnar/format';
import { fullMatch } from '@sbiz24/shared/columnar/full-match';
import type { MatchJob, MatchReport, MatchSignal } from './full-match-bench';

const job = workerData as MatchJob;
const snapshot = decodeSnapshot(new Uint8Array(job.buffer), { verify: false });
parentPort!.on('message', (signal: MatchSignal) => {
  const started = performance.now();
  const result = fullMatch(snapshot, job.programs, job.ctx, {
    rowStart: job.rowStart,
    rowEnd: job.rowEnd,
    ...(signal.timed ? { clock: () => performance.now() } : {}),
  });
  const seconds = (performance.now() - started) / 1000;
  // A digest of every per-business set, so the sets are built (and comparable between runs), not skipped.
  let digest = 0;
  const indexes = result.indexes!;
  for (let k = 0; k < indexes.length; k++) digest = (Math.imul(digest, 31) + indexes[k]!) | 0;
  const report: MatchReport = {
    counts: result.counts,
    pairs: result.pairs,
    seconds,
    digest,
    distinctConditions: result.distinctConditions,
    rows: result.rowEnd - result.rowStart,
    timings: result.timings ?? null,
  };
  parentPort!.postMessage(report, [result.counts.buffer as ArrayBuffer]);
});
parentPort!.postMessage('ready');
