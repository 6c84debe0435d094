/**
 * Worker thread: generates synthetic businesses [start, end) straight into a columnar snapshot part and
 * sends it back (column buffers transferred, not copied), with progress every `progressEvery` rows.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SnapshotBuilder } from '@sbiz24/shared/columnar/snapshot';
import { createGenerator } from '@sbiz24/shared/synthetic/generate';
import type { GenerateJob, WorkerMessage } from './generate-parallel';
import { transferablesOf } from './transfer';

const job = workerData as GenerateJob;
const make = createGenerator({ seed: job.seed, asOf: job.asOf });
const builder = new SnapshotBuilder(job.end - job.start);
const post = (m: WorkerMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(m, transfer);
let reported = job.start;
for (let i = job.start; i < job.end; i++) {
  builder.append(make(i));
  if (i + 1 - reported >= job.progressEvery) {
    post({ kind: 'progress', rows: i + 1 - reported });
    reported = i + 1;
  }
}
post({ kind: 'progress', rows: job.end - reported });
const part = builder.build();
post({ kind: 'done', part }, transferablesOf(part));
