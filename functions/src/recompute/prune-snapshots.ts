import type { BlobStore } from '@sbiz24/shared/recompute/types';
import { runManifestKey } from '../services/snapshot-keys';

/**
 * Deletes the blobs of finished runs other than `keepRunId` (local mode; on AWS the bucket's lifecycle rule
 * expires old runs). A run without a manifest may still be in progress in another process (the portal and
 * `npm run recompute` share the folder), so it is left alone. Returns the runs removed.
 */
export async function pruneFinishedRuns(blobs: BlobStore, keepRunId: string): Promise<string[]> {
  const keys = await blobs.list('runs/');
  const byRun = new Map<string, string[]>();
  for (const key of keys) {
    const runId = key.split('/')[1];
    if (!runId) continue;
    byRun.set(runId, [...(byRun.get(runId) ?? []), key]);
  }
  const removed: string[] = [];
  for (const [runId, runKeys] of byRun) {
    if (runId === keepRunId || !runKeys.includes(runManifestKey(runId))) continue;
    // The manifest goes last, so that an interrupted prune is finished by the next one.
    for (const key of runKeys) if (key !== runManifestKey(runId)) await blobs.delete(key);
    await blobs.delete(runManifestKey(runId));
    removed.push(runId);
  }
  return removed;
}
