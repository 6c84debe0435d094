/**
 * Blob keys of the snapshot (one place). A run writes page parts while it scans, joins them into one part
 * per segment, and finalize writes the run's manifest and moves the `latest` pointer to it.
 */

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export function pagePartKey(runId: string, segment: number, page: number): string {
  return `runs/${runId}/pages/seg-${pad(segment, 5)}/page-${pad(page, 6)}.snap`;
}

export function segmentPartKey(runId: string, segment: number): string {
  return `runs/${runId}/seg-${pad(segment, 5)}.snap`;
}

export function runManifestKey(runId: string): string {
  return `runs/${runId}/manifest.json`;
}

/** The pointer to the newest complete snapshot: `{ runId, manifestKey, snapshotAt }`. */
export const LATEST_SNAPSHOT_KEY = 'latest.json';

/** The snapshot of one run: its segment parts in order. Written to `runs/<id>/manifest.json`. */
export interface SnapshotManifest {
  runId: string;
  asOf: string;
  /** When the run finished (ISO timestamp): the snapshot's age is measured from here. */
  snapshotAt: string;
  rows: number;
  parts: { segment: number; key: string; rows: number }[];
}

/** `latest.json`: which manifest the previews load. */
export interface LatestSnapshotPointer {
  runId: string;
  manifestKey: string;
  snapshotAt: string;
}

/** Markers of runs in progress in local mode (`pending-runs/<runId>.json`), kept until the run is finalized. */
export const PENDING_RUNS_PREFIX = 'pending-runs/';

export function pendingRunKey(runId: string): string {
  return `${PENDING_RUNS_PREFIX}${runId}.json`;
}
