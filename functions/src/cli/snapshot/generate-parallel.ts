import { availableParallelism } from 'node:os';
import { concatSnapshots, type Snapshot } from '@sbiz24/shared/columnar/snapshot';
import { startWorker } from './ts-worker';

/** One worker's share of a generation. */
export interface GenerateJob {
  seed: number;
  asOf: string;
  start: number;
  end: number;
  progressEvery: number;
}

export type WorkerMessage = { kind: 'progress'; rows: number } | { kind: 'done'; part: Snapshot };

export interface GenerateSnapshotOptions {
  businesses: number;
  seed: number;
  asOf: string;
  /** Worker threads. @default the number of cores, at most 8 */
  workers?: number;
  /** Called with the rows generated so far. */
  onProgress?: (rows: number) => void;
}

/**
 * Generates `businesses` synthetic businesses straight into one columnar snapshot, split across worker
 * threads by index range (each business depends only on its index, so the result is the same for any
 * number of workers).
 */
export async function generateSnapshot(options: GenerateSnapshotOptions): Promise<Snapshot> {
  const workers = Math.max(
    1,
    Math.min(options.workers ?? Math.min(8, availableParallelism()), options.businesses || 1),
  );
  const per = Math.ceil(options.businesses / workers);
  let done = 0;
  const parts = await Promise.all(
    Array.from({ length: workers }, (_, w) => {
      const job: GenerateJob = {
        seed: options.seed,
        asOf: options.asOf,
        start: w * per,
        end: Math.min(options.businesses, (w + 1) * per),
        progressEvery: 50_000,
      };
      return new Promise<Snapshot>((resolve, reject) => {
        let settled = false;
        const worker = startWorker(new URL('./generate-worker.ts', import.meta.url), { workerData: job });
        worker.on('message', (m: WorkerMessage) => {
          if (m.kind === 'progress') {
            done += m.rows;
            options.onProgress?.(done);
          } else {
            settled = true;
            resolve(m.part);
            void worker.terminate();
          }
        });
        worker.on('error', (e) => {
          settled = true;
          reject(e);
        });
        worker.on('exit', (code) => {
          if (!settled) reject(new Error(`생성 작업자 ${w}번이 결과 없이 끝났습니다 (종료 코드 ${code}).`));
        });
      });
    }),
  );
  return concatSnapshots(parts);
}
