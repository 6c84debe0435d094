import { parseArgs } from 'node:util';
import { localBatchRuntime } from '../local/local-runtime';
import { connectLocalTable } from '../local/local-table';
import { type RunSummary, runAllSegments } from '../recompute/run-all';
import { createProgress } from './recompute-progress';

/**
 * `npm run recompute [-- --segments N]`: every segment of the local table, in this process, with a progress
 * bar on stderr and one JSON summary on stdout. Ctrl-C stops after the pages in flight; run again with
 * `--run-id <id>` to resume from the checkpoints.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      segments: { type: 'string' },
      concurrency: { type: 'string', default: '2' },
      'as-of': { type: 'string' },
      'run-id': { type: 'string' },
      'data-dir': { type: 'string' },
    },
  });
  const segments = values.segments ? Number(values.segments) : undefined;
  const concurrency = Number(values.concurrency);
  if (segments !== undefined && (!Number.isInteger(segments) || segments < 1))
    fail('--segments는 1 이상의 정수여야 합니다.');
  if (!Number.isInteger(concurrency) || concurrency < 1) fail('--concurrency는 1 이상의 정수여야 합니다.');

  const dataDir = values['data-dir'] ?? process.env.DATA_DIR ?? './.data';
  const table = await connectLocalTable(dataDir).catch((e: Error) => fail(e.message));
  const rt = localBatchRuntime({ doc: table.doc, tableName: table.tableName, dataDir });
  const abort = new AbortController();
  process.once('SIGINT', () => {
    process.stderr.write('\n중단합니다: 진행 중인 페이지를 마치고 체크포인트를 남깁니다…\n');
    abort.abort();
  });

  const progress = createProgress(process.stderr);
  let summary: RunSummary;
  try {
    summary = await runAllSegments(rt, {
      ...(segments ? { segments } : {}),
      ...(values['as-of'] ? { asOf: values['as-of'] } : {}),
      ...(values['run-id'] ? { runId: values['run-id'] } : {}),
      concurrency,
      signal: abort.signal,
      pruneOlderRuns: true,
      onStart: ({ expectedRows, totalSegments, runId }) =>
        progress.start(expectedRows, { totalSegments, runId }),
      onRows: (rows) => progress.add(rows),
    });
  } finally {
    progress.stop();
    await table.close();
  }
  if (!summary.complete) {
    process.stderr.write(`중단됨. 이어서 실행하려면: npm run recompute -- --run-id ${summary.runId}\n`);
  }
  process.stdout.write(
    `${JSON.stringify({
      runId: summary.runId,
      asOf: summary.asOf,
      complete: summary.complete,
      segments: summary.segments,
      programs: summary.programs,
      rowsScanned: summary.rowsScanned,
      changed: summary.changed,
      conflicts: summary.conflicts,
      newMatches: summary.newMatches,
      reminders: summary.reminders,
      notifications: rt.sink.added,
      seconds: summary.seconds,
      connectedTo: table.mode,
    })}\n`,
  );
  process.exitCode = summary.complete ? 0 : 130;
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

await main();
