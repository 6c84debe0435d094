import type { DisasterRepository, ProgramRepository } from '@sbiz24/shared';
import type { CatalogCache, CatalogSnapshot } from './types';

export interface CatalogCacheOptions {
  programs: ProgramRepository;
  disasters: DisasterRepository;
  clock: () => Date;
  /**
   * How long a loaded catalog is trusted. A change made through this container invalidates it at once; a
   * change made through another Lambda container is seen within this time. @default 30000
   */
  ttlMs?: number;
}

/**
 * The published catalog (non-draft programs and declared disasters), cached per container. Refresh policy:
 * a short TTL plus immediate invalidation by this container's own writes. A TTL costs one `list` per
 * container per TTL (a few hundred items at most), needs no extra table item, and bounds staleness
 * across containers; locally there is one process, so every change is visible at once.
 */
export function createCatalogCache({
  programs,
  disasters,
  clock,
  ttlMs = 30_000,
}: CatalogCacheOptions): CatalogCache {
  let snapshot: CatalogSnapshot | undefined;
  let inflight: Promise<CatalogSnapshot> | undefined;
  let generation = 0;

  async function load(): Promise<CatalogSnapshot> {
    const started = generation;
    const loadedAt = clock();
    const [all, declared] = await Promise.all([programs.list(), disasters.list()]);
    const next = {
      programs: all.filter((p) => p.status !== 'draft'),
      disasters: declared,
      loadedAt: loadedAt.toISOString(),
    };
    if (started === generation) snapshot = next;
    return next;
  }

  return {
    async get() {
      if (snapshot && clock().getTime() - Date.parse(snapshot.loadedAt) < ttlMs) return snapshot;
      if (!inflight) {
        const loading: Promise<CatalogSnapshot> = load().finally(() => {
          if (inflight === loading) inflight = undefined;
        });
        inflight = loading;
      }
      return inflight;
    },
    invalidate() {
      generation++;
      snapshot = undefined;
      inflight = undefined;
    },
  };
}
