import type { BlobStore, RunRepository } from '@sbiz24/shared/recompute/types';
import { finalizeRun } from '../recompute/finalize';
import { segmentPartKey } from '../services/snapshot-keys';

/**
 * Writes a finished one-segment run the way the batch leaves it: the run, its one snapshot part, the done
 * checkpoint, and finalize's manifest and `latest.json`. For tests of what reads snapshots.
 */
export async function writeFinishedRun(
  blobs: BlobStore,
  runs: RunRepository,
  run: { runId: string; asOf: string; at: string; part: Uint8Array; rows: number },
): Promise<void> {
  const { runId, asOf, at, part, rows } = run;
  await runs.createRun({ runId, asOf, totalSegments: 1, programs: [], disasterIds: [], startedAt: at });
  await blobs.put(segmentPartKey(runId, 0), part);
  await runs.putCheckpoint({
    runId,
    segment: 0,
    totalSegments: 1,
    pages: 1,
    done: true,
    counts: { scanned: rows, changed: 0, conflicts: 0, newMatches: 0, reminders: 0 },
    programCounts: {},
    snapshotKey: segmentPartKey(runId, 0),
    updatedAt: at,
  });
  await finalizeRun({ runs, blobs, clock: () => new Date(at) }, { runId });
}
