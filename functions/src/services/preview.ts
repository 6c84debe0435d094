import type { Disaster, Rule } from '@sbiz24/shared';
import type { PreviewCounts } from '@sbiz24/shared/columnar/preview';
import type { SnapshotSource } from './snapshot-source';

export type { PreviewCounts, PreviewSample } from '@sbiz24/shared/columnar/preview';

export interface PreviewResult extends PreviewCounts {
  /** Businesses in the snapshot (the denominator). */
  rows: number;
  snapshotRunId: string;
  /** When the snapshot's run finished (ISO timestamp). */
  snapshotAt: string;
  snapshotAgeSeconds: number;
  /** Evaluation date of the preview (today in Korea). */
  asOf: string;
  tookMs: number;
}

/** Runs one rule over a loaded snapshot (the columnar engine's preview). */
export type PreviewEngine<S> = (
  snapshot: S,
  rule: Rule,
  context: { asOf: string; disasters: readonly Disaster[] },
  options: { samples: number },
) => PreviewCounts;

/** No snapshot has been written yet (no batch run finished): the API answers 503. */
export class SnapshotUnavailableError extends Error {
  override readonly name = 'SnapshotUnavailableError';
}

export interface PreviewService {
  preview(rule: Rule): Promise<PreviewResult>;
}

/** Most samples a preview returns. */
export const MAX_PREVIEW_SAMPLES = 20;

/**
 * The exact impact preview: a validated draft rule over the latest snapshot, evaluated as of today with the
 * currently declared disasters. The snapshot is loaded once per warm container by the source.
 */
export function createPreviewService<S>(deps: {
  source: SnapshotSource<S>;
  engine: PreviewEngine<S>;
  disasters: () => Promise<readonly Disaster[]>;
  clock: () => Date;
  today: () => string;
}): PreviewService {
  return {
    async preview(rule) {
      const loaded = await deps.source.current();
      if (!loaded) throw new SnapshotUnavailableError('no snapshot yet');
      const disasters = await deps.disasters();
      const asOf = deps.today();
      const started = performance.now();
      const counts = deps.engine(
        loaded.snapshot,
        rule,
        { asOf, disasters },
        { samples: MAX_PREVIEW_SAMPLES },
      );
      const tookMs = Math.round((performance.now() - started) * 10) / 10;
      const ageMs = deps.clock().getTime() - Date.parse(loaded.snapshotAt);
      return {
        ...counts,
        samples: counts.samples.slice(0, MAX_PREVIEW_SAMPLES),
        rows: loaded.rows,
        snapshotRunId: loaded.runId,
        snapshotAt: loaded.snapshotAt,
        snapshotAgeSeconds: Math.max(0, Math.floor(ageMs / 1000)),
        asOf,
        tookMs,
      };
    },
  };
}
