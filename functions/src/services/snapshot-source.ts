import type { BlobStore } from '@sbiz24/shared/recompute/types';
import { LATEST_SNAPSHOT_KEY, type LatestSnapshotPointer, type SnapshotManifest } from './snapshot-keys';

export interface LoadedSnapshot<S> {
  snapshot: S;
  runId: string;
  /** When the run that wrote it finished (ISO timestamp). */
  snapshotAt: string;
  rows: number;
}

export interface SnapshotSource<S> {
  /** The newest complete snapshot, or undefined before the first run finished. */
  current(): Promise<LoadedSnapshot<S> | undefined>;
}

export interface SnapshotSourceOptions {
  clock: () => Date;
  /** How often the small `latest.json` pointer is re-read to notice a newer run. @default 30_000 */
  checkIntervalMs?: number;
}

const decodeJson = <T>(bytes: Uint8Array): T => JSON.parse(new TextDecoder().decode(bytes)) as T;

/**
 * The latest snapshot, loaded once per warm container and kept in memory. Every `checkIntervalMs` it re-reads
 * the pointer (one small GET); when a newer run finished, it loads that run's parts and swaps. Concurrent
 * callers share one load; a failed refresh keeps serving the snapshot already loaded.
 */
export function createSnapshotSource<S>(
  blobs: BlobStore,
  decode: (parts: Uint8Array[]) => S,
  options: SnapshotSourceOptions,
): SnapshotSource<S> {
  const interval = options.checkIntervalMs ?? 30_000;
  let loaded: LoadedSnapshot<S> | undefined;
  let checkedAt = Number.NEGATIVE_INFINITY;
  let inflight: Promise<LoadedSnapshot<S> | undefined> | undefined;

  const load = async (): Promise<LoadedSnapshot<S> | undefined> => {
    const pointerBytes = await blobs.get(LATEST_SNAPSHOT_KEY);
    checkedAt = options.clock().getTime();
    if (!pointerBytes) return loaded;
    const pointer = decodeJson<LatestSnapshotPointer>(pointerBytes);
    if (loaded && loaded.runId === pointer.runId) return loaded;
    const manifestBytes = await blobs.get(pointer.manifestKey);
    if (!manifestBytes) throw new Error(`snapshot manifest ${pointer.manifestKey} is missing`);
    const manifest = decodeJson<SnapshotManifest>(manifestBytes);
    const parts = await Promise.all(
      manifest.parts.map(async (p) => {
        const bytes = await blobs.get(p.key);
        if (!bytes) throw new Error(`snapshot part ${p.key} is missing`);
        return bytes;
      }),
    );
    loaded = {
      snapshot: decode(parts),
      runId: manifest.runId,
      snapshotAt: manifest.snapshotAt,
      rows: manifest.rows,
    };
    return loaded;
  };
  // A run finishing (and pruning its predecessor) between reading the pointer and the parts: read again.
  const refresh = (): Promise<LoadedSnapshot<S> | undefined> => load().catch(() => load());

  return {
    async current() {
      if (loaded && options.clock().getTime() - checkedAt < interval) return loaded;
      inflight ??= refresh()
        .catch((e) => {
          if (loaded) return loaded;
          throw e;
        })
        .finally(() => {
          inflight = undefined;
        });
      return inflight;
    },
  };
}
