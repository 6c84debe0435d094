import { parseArgs } from 'node:util';
import { progressText } from '../local/local-batch';
import { localBatchRuntime } from '../local/local-runtime';
import { connectLocalTable } from '../local/local-table';
import { findUnfinishedRun, type ResumableRunSummary, runResumable } from '../recompute/resumable-run';
import { createProgress } from './recompute-progress';

/**
 * `npm run recompute [-- --segments N]`: every segment of the local table, in this process, with a progress
 * bar on stderr and one JSON summary on stdout. A run left unfinished (Ctrl-C, kill -9, a crash, here or in the
 * portal) is finished first, from its checkpoints; `--run-id <id>` names the run to resume.
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
  const runOnce = (options: { segments?: number; asOf?: string; runId?: string }) =>
    runResumable(rt, {
      ...options,
      concurrency,
      signal: abort.signal,
      pruneOlderRuns: true,
      onStart: ({ expectedRows, totalSegments, runId }) => {
        progress.stop();
        progress.start(expectedRows, { totalSegments, runId });
      },
      onRows: (rows) => progress.add(rows),
    });
  let summary: ResumableRunSummary;
  try {
    // A run an earlier process left unfinished (Ctrl-C, kill -9) is finished first: its notifications are
    // still owed and its snapshot is the one the previews wait for. Then the run asked for.
    const unfinished = values['run-id'] ? undefined : await findUnfinishedRun(rt.blobs);
    if (unfinished) process.stderr.write(`중단되었던 실행 ${unfinished.runId}부터 이어서 마칩니다.\n`);
    const resumed = unfinished ? await runOnce({}) : undefined;
    summary =
      resumed && !resumed.complete
        ? resumed
        : await runOnce({
            ...(segments ? { segments } : {}),
            ...(values['as-of'] ? { asOf: values['as-of'] } : {}),
            ...(values['run-id'] ? { runId: values['run-id'] } : {}),
          });
    if (resumed?.complete) summary = { ...summary, resumed: true };
  } finally {
    progress.stop();
    await table.close();
  }
  for (const p of summary.skipped)
    process.stderr.write(`재계산에서 제외한 사업 ${p.programId}: ${p.reason}\n`);
  if (!summary.complete) {
    process.stderr.write(
      `중단됨: ${progressText(summary)}. 다음 npm run recompute 또는 npm start가 이어서 실행합니다.\n`,
    );
  }
  process.stdout.write(
    `${JSON.stringify({
      runId: summary.runId,
      asOf: summary.asOf,
      complete: summary.complete,
      resumed: summary.resumed,
      segmentsDone: summary.segmentsDone,
      skipped: summary.skipped.map((p) => p.programId),
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
