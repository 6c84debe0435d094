import { availableParallelism } from 'node:os';

import { parseArgs } from 'node:util';

import { isIsoDate, todayInKorea } from '@sbiz24/shared';

import { snapshotBytes } from '@sbiz24/shared/columnar/size';

import { generateSnapshot } from './snapshot/generate-parallel';

import { createRowProgress } from './snapshot/progress';

import { writeSnapshotFile } from './snapshot/snapshot-file';

const USAGE =
  '사용법: npm run gen -- --businesses 6000000 [--out .data/snapshot.bin] [--seed 1] [--as-of YYYY-MM-DD] [--workers 2]';

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

/**
 * `npm run gen -- --businesses N`: N synthetic businesses straight into a columnar snapshot file, no
 * database. Progress on stderr, one JSON summary on stdout.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      businesses: { type: 'string' },
      out: { type: 'string', default: '.data/snapshot.bin' },
      seed: { type: 'string', default: '1' },
      'as-of': { type: 'string' },
      workers: { type: 'string' },
    },
  });
  const businesses = Number(values.businesses);
  const seed = Number(values.seed);
  const asOf = values['as-of'] ?? todayInKorea(() => new Date());
  const workers = values.workers === undefined ? Math.min(8, availableParallelism()) : Number(values.workers);
  if (!values.businesses || !Number.isInteger(businesses) || businesses < 1)
    fail('--businesses는 1 이상의 정수여야 합니다.');
  if (!Number.isInteger(seed)) fail('--seed는 정수여야 합니다.');
  if (!isIsoDate(asOf)) fail('--as-of는 YYYY-MM-DD 형식의 날짜여야 합니다.');
  if (!Number.isInteger(workers) || workers < 1) fail('--workers는 1 이상의 정수여야 합니다.');

  const started = performance.now();
  const progress = createRowProgress(process.stderr, '생성', businesses);
  const snapshot = await generateSnapshot({
    businesses,
    seed,
    asOf,
    workers,
    onProgress: (n) => progress.update(n),
  });
  progress.stop();
  const generatedSeconds = (performance.now() - started) / 1000;
  const bytes = await writeSnapshotFile(values.out, snapshot, { kind: 'synthetic', seed, asOf });
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(
    `${JSON.stringify({
      rows: snapshot.rows,
      bytes,
      bytesPerBusiness: Math.round((bytes / snapshot.rows) * 100) / 100,
      memoryBytesPerBusiness: Math.round((snapshotBytes(snapshot) / snapshot.rows) * 100) / 100,
      seconds: Math.round(seconds * 100) / 100,
      generateSeconds: Math.round(generatedSeconds * 100) / 100,
      out: values.out,
      seed,
      asOf,
      workers,
    })}\n`,
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
