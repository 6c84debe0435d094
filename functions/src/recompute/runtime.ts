import type {
  BusinessRepository,
  Disaster,
  DisasterRepository,
  NotificationRepository,
  Outbox,
  Program,
  ProgramRepository,
} from '@sbiz24/shared';
import type { BlobStore, MatchEventSink, PageEvaluator, RunRepository } from '@sbiz24/shared/recompute/types';

/** Everything the batch needs, built once per Lambda container (or once by the local runner). */
export interface BatchRuntime {
  businesses: BusinessRepository;
  programs: ProgramRepository;
  disasters: DisasterRepository;
  notifications: NotificationRepository;
  runs: RunRepository;
  blobs: BlobStore;
  sink: MatchEventSink;
  outbox?: Outbox;
  clock: () => Date;
  /** Compiles the run's programs for one evaluation date. */
  evaluatorFor(
    programs: readonly Program[],
    context: { asOf: string; disasters: readonly Disaster[] },
  ): PageEvaluator;
  /**
   * Roughly how many businesses the table holds, for choosing the segment count. On AWS the table's
   * ItemCount (DescribeTable, refreshed about every six hours) rather than a counting scan of 6M items.
   * @default businesses.count()
   */
  estimateRows?: () => Promise<number>;
  /** Businesses per segment when prepare chooses the segment count. */
  targetRowsPerSegment?: number;
  pageSize?: number;
}
