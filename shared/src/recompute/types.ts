import type { StoredBusiness } from '../repositories';

/**
 * The batch recompute's messages and ports. Step Functions passes the task and result shapes between
 * prepare → segment worker (Distributed Map) → finalize; the ports are injected so that the same worker code
 * runs on Lambda (S3, SQS) and locally (disk, a direct call to the notifier).
 */

/** Why an owner is told about a (business, program) pair; part of the notification's dedupe key. */
export type MatchEventReason = 'new-match' | 'deadline-7' | 'deadline-1';

/** A (business, program) pair worth telling the owner about. Small: it travels through SQS. */
export interface MatchEvent {
  reason: MatchEventReason;
  brn: string;
  /** The owner to notify; only claimed businesses produce events. */
  ownerId: string;
  programId: string;
  programTitle: string;
  programKind: 'policy-fund' | 'support' | 'disaster-relief';
  /** Last day to apply (YYYY-MM-DD), when the program has one. */
  applyEnd?: string;
  /**
   * New matches of a rapid-payment (신속지급) program only: the amount this business will receive (from its
   * confirmed damage at recompute time) and its trade name, for the notice. No other personal data.
   */
  rapidPayment?: { amountWon: number; tradeName: string };
  runId: string;
  /** The evaluation date of the run (YYYY-MM-DD). */
  asOf: string;
}

/** Where match events go: SQS on AWS, the notifier directly in local mode, an array in tests. */
export interface MatchEventSink {
  send(events: MatchEvent[]): Promise<void>;
}

/** Bytes by key: S3 on AWS, a folder locally, a Map in tests. */
export interface BlobStore {
  get(key: string): Promise<Uint8Array | undefined>;
  put(key: string, bytes: Uint8Array): Promise<void>;
  delete(key: string): Promise<void>;
  /** Keys under a prefix, sorted. */
  list(prefix: string): Promise<string[]>;
}

/** One Distributed Map item: which slice of the table a worker scans. */
export interface SegmentTask {
  runId: string;
  segment: number;
  totalSegments: number;
  /** Evaluation date shared by every segment of the run. */
  asOf: string;
}

/** Counters of one segment (or a whole run once summed). */
export interface SegmentCounts {
  /** Profiles read. */
  scanned: number;
  /** Profiles whose match set changed and was written. */
  changed: number;
  /** Writes that met a concurrent owner edit and were recomputed from the fresh profile. */
  conflicts: number;
  /** New-match events emitted. */
  newMatches: number;
  /** Deadline-reminder events emitted. */
  reminders: number;
}

/** A segment's progress, stored after every page (`RUN#<runId>` / `SEG#<n>`) so that a killed run resumes. */
export interface SegmentCheckpoint {
  runId: string;
  segment: number;
  totalSegments: number;
  /** Pages completed so far. */
  pages: number;
  /** Scan cursor after the last completed page; absent before the first page and after the last. */
  cursor?: string;
  done: boolean;
  counts: SegmentCounts;
  /** Businesses matching each program in the pages done (every business of the segment once `done`). */
  programCounts: Record<string, number>;
  /** Blob keys of this segment's snapshot part (written when `done`). */
  snapshotKey?: string;
  updatedAt: string;
}

/** The program set a run evaluates, fixed by prepare so that every segment uses the same versions. */
export interface RunManifest {
  runId: string;
  asOf: string;
  totalSegments: number;
  programs: { id: string; version: number }[];
  disasterIds: string[];
  startedAt: string;
  /** Set by finalize. */
  finishedAt?: string;
  totals?: SegmentCounts;
  snapshotKey?: string;
}

/** What a segment worker returns to the state machine: small, whatever the segment size. */
export interface SegmentResult {
  runId: string;
  segment: number;
  counts: SegmentCounts;
  pages: number;
  /** False when the worker stopped early (time budget or abort) and must be invoked again. */
  done: boolean;
}

export function emptyCounts(): SegmentCounts {
  return { scanned: 0, changed: 0, conflicts: 0, newMatches: 0, reminders: 0 };
}

export function addCounts(a: SegmentCounts, b: SegmentCounts): SegmentCounts {
  return {
    scanned: a.scanned + b.scanned,
    changed: a.changed + b.changed,
    conflicts: a.conflicts + b.conflicts,
    newMatches: a.newMatches + b.newMatches,
    reminders: a.reminders + b.reminders,
  };
}

/** The latest per-program count of matching businesses (`PROG#<id>` / `COUNTS`), written by finalize. */
export interface ProgramCount {
  programId: string;
  count: number;
  runId: string;
  asOf: string;
  computedAt: string;
}

/** Run bookkeeping in the table: the manifest (`RUN#<id>` / `META`), checkpoints and per-program counts. */
export interface RunRepository {
  /** Writes the manifest once; ConflictError if the run id exists. */
  createRun(manifest: RunManifest): Promise<void>;
  getRun(runId: string): Promise<RunManifest | undefined>;
  /** Replaces the manifest (finalize's totals). */
  finishRun(manifest: RunManifest): Promise<void>;
  getCheckpoint(runId: string, segment: number): Promise<SegmentCheckpoint | undefined>;
  /**
   * Stores a checkpoint unless the stored one is further along (more pages, or done): a slow duplicate
   * invocation of a segment never moves a checkpoint backwards (ConflictError instead).
   */
  putCheckpoint(checkpoint: SegmentCheckpoint): Promise<void>;
  listCheckpoints(runId: string): Promise<SegmentCheckpoint[]>;
  putProgramCounts(counts: ProgramCount[]): Promise<void>;
  getProgramCount(programId: string): Promise<ProgramCount | undefined>;
}

/**
 * Evaluates the run's programs over businesses. The production implementation builds a columnar snapshot
 * part of the businesses and runs the compiled rules over it (vectorized); it must agree with the
 * per-business rules engine on every business.
 */
export interface PageEvaluator {
  /** Per business (same order), the sorted ids of the programs it matches; and the encoded snapshot part. */
  evaluate(businesses: readonly StoredBusiness[]): {
    matches: string[][];
    part: Uint8Array;
  };
  /** Joins encoded snapshot parts, in order, into one part. */
  concat(parts: readonly Uint8Array[]): Uint8Array;
}
