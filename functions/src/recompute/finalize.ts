import {
  addCounts,
  type BlobStore,
  emptyCounts,
  type RunRepository,
  type SegmentCounts,
} from '@sbiz24/shared/recompute/types';
import {
  LATEST_SNAPSHOT_KEY,
  type LatestSnapshotPointer,
  runManifestKey,
  type SnapshotManifest,
} from '../services/snapshot-keys';

export interface FinalizeDeps {
  runs: RunRepository;
  blobs: BlobStore;
  clock: () => Date;
}

export interface FinalizeOutput {
  runId: string;
  complete: boolean;
  missingSegments: number[];
  totals: SegmentCounts;
  programCounts: Record<string, number>;
  snapshotKey?: string;
  /** When prepare created the run and when this finalize finished it (the run's duration, for metrics). */
  startedAt: string;
  finishedAt: string;
}

/** A run finalized before all its segments finished; rerun the execution with the same run id to resume. */
export class IncompleteRunError extends Error {
  override readonly name = 'IncompleteRunError';
  constructor(
    readonly runId: string,
    readonly missingSegments: number[],
  ) {
    super(`run ${runId}: segments not done: ${missingSegments.slice(0, 20).join(', ')}`);
  }
}

/**
 * Last state of a run: sums the segments' checkpoints into per-program counts (`PROG#<id>` / `COUNTS`),
 * writes the snapshot manifest and points `latest.json` at it. Reads the checkpoints rather than the Map's
 * output, whose size would grow with segments × programs. An incomplete run leaves the previous snapshot and
 * counts in place and fails loudly.
 */
export async function finalizeRun(deps: FinalizeDeps, input: { runId: string }): Promise<FinalizeOutput> {
  const manifest = await deps.runs.getRun(input.runId);
  if (!manifest) throw new Error(`run ${input.runId} does not exist`);
  const checkpoints = await deps.runs.listCheckpoints(input.runId);
  const done = new Map(checkpoints.filter((c) => c.done).map((c) => [c.segment, c]));
  const missingSegments: number[] = [];
  for (let s = 0; s < manifest.totalSegments; s++) if (!done.has(s)) missingSegments.push(s);

  let totals = emptyCounts();
  const programCounts: Record<string, number> = Object.fromEntries(manifest.programs.map((p) => [p.id, 0]));
  for (const c of done.values()) {
    totals = addCounts(totals, c.counts);
    for (const [id, n] of Object.entries(c.programCounts)) programCounts[id] = (programCounts[id] ?? 0) + n;
  }
  const finishedAt = deps.clock().toISOString();
  if (missingSegments.length > 0) {
    await deps.runs.finishRun({ ...manifest, totals });
    throw new IncompleteRunError(input.runId, missingSegments);
  }

  const snapshot: SnapshotManifest = {
    runId: manifest.runId,
    asOf: manifest.asOf,
    snapshotAt: finishedAt,
    rows: totals.scanned,
    parts: [...done.values()]
      .sort((a, b) => a.segment - b.segment)
      .map((c) => ({ segment: c.segment, key: c.snapshotKey as string, rows: c.counts.scanned })),
  };
  const manifestKey = runManifestKey(manifest.runId);
  await deps.blobs.put(manifestKey, json(snapshot));
  const pointer: LatestSnapshotPointer = { runId: manifest.runId, manifestKey, snapshotAt: finishedAt };
  await deps.blobs.put(LATEST_SNAPSHOT_KEY, json(pointer));

  await deps.runs.putProgramCounts(
    Object.entries(programCounts).map(([programId, count]) => ({
      programId,
      count,
      runId: manifest.runId,
      asOf: manifest.asOf,
      computedAt: finishedAt,
    })),
  );
  await deps.runs.finishRun({ ...manifest, finishedAt, totals, snapshotKey: manifestKey });
  return {
    runId: manifest.runId,
    complete: true,
    missingSegments,
    totals,
    programCounts,
    snapshotKey: manifestKey,
    startedAt: manifest.startedAt,
    finishedAt,
  };
}

function json(v: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(v));
}
