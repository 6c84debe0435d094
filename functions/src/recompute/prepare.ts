import {
  type BusinessRepository,
  type Disaster,
  type DisasterRepository,
  isIsoDate,
  isOpenAsOf,
  koreanDate,
  type Program,
  type ProgramRepository,
  validateRule,
} from '@sbiz24/shared';
import type { RunManifest, RunRepository, SegmentTask } from '@sbiz24/shared/recompute/types';
import { isRunId, newRunId } from './run-id';

export interface PrepareDeps {
  programs: ProgramRepository;
  disasters: DisasterRepository;
  businesses: BusinessRepository;
  runs: RunRepository;
  clock: () => Date;
  /** Compiles a program's rule the way the workers will, so that a broken rule fails here, once. */
  compile: (program: Program, context: { asOf: string; disasters: readonly Disaster[] }) => void;
  /** Approximate business count for sizing; `businesses.count()` when absent. */
  estimateRows?: () => Promise<number>;
  /** Businesses one worker should scan (sized to finish well inside Lambda's 15 minutes). @default 50_000 */
  targetRowsPerSegment?: number;
  /** Upper bound of segments (DynamoDB parallel scan allows 1,000,000; the Map's concurrency is the real limit). @default 1000 */
  maxSegments?: number;
}

export interface PrepareInput {
  /** Reuse an id (e.g. the Step Functions execution name) to make a retried execution resume the same run. */
  runId?: string;
  /** Evaluation date; today in Korea by default. */
  asOf?: string;
  /** Fixed number of segments instead of one per `targetRowsPerSegment` businesses. */
  segments?: number;
}

export interface PrepareOutput {
  runId: string;
  asOf: string;
  totalSegments: number;
  programCount: number;
  /** Open programs left out because their rule does not validate or compile (with the reason). */
  skipped: { programId: string; reason: string }[];
  /** The Distributed Map's items. */
  segments: SegmentTask[];
  /** True when the run already existed (a retried execution): its manifest is reused as is. */
  resumed: boolean;
}

/** Chooses how many segments a table of `rows` businesses is split into. */
export function chooseSegments(rows: number, targetRowsPerSegment: number, maxSegments: number): number {
  return Math.max(1, Math.min(maxSegments, Math.ceil(rows / Math.max(1, targetRowsPerSegment))));
}

/**
 * First state of a run: fixes the program versions and disasters every segment will use (the run manifest,
 * `RUN#<id>` / `META`), validates and compiles each open program's rule once, and returns the segment list.
 */
export async function prepareRun(deps: PrepareDeps, input: PrepareInput = {}): Promise<PrepareOutput> {
  const now = deps.clock();
  const runId = input.runId ?? newRunId(now);
  if (!isRunId(runId)) throw new RangeError(`invalid run id: ${runId}`);
  if (input.asOf !== undefined && !isIsoDate(input.asOf)) throw new RangeError(`invalid asOf: ${input.asOf}`);

  const existing = await deps.runs.getRun(runId);
  if (existing) {
    return {
      runId,
      asOf: existing.asOf,
      totalSegments: existing.totalSegments,
      programCount: existing.programs.length,
      skipped: [],
      segments: segmentTasks(existing),
      resumed: true,
    };
  }

  const asOf = input.asOf ?? koreanDate(now);
  // The same notion of "open" as the API's on-read matching: a scheduled program counts once its window opened.
  const listed = [
    ...(await deps.programs.list({ status: 'open' })),
    ...(await deps.programs.list({ status: 'scheduled' })),
  ];
  const open = listed.filter((p) => isOpenAsOf(p, asOf));
  const disasters = await deps.disasters.list();
  const skipped: PrepareOutput['skipped'] = [];
  const programs: Program[] = [];
  for (const program of open) {
    const valid = validateRule(program.rule);
    if (!valid.ok) {
      skipped.push({
        programId: program.id,
        reason: valid.errors.map((e) => `${e.path}: ${e.message}`).join('; '),
      });
      continue;
    }
    try {
      deps.compile(program, { asOf, disasters });
      programs.push(program);
    } catch (e) {
      skipped.push({ programId: program.id, reason: (e as Error).message });
    }
  }
  programs.sort((a, b) => (a.id < b.id ? -1 : 1));
  const rows = await (deps.estimateRows ?? (() => deps.businesses.count()))();
  const totalSegments =
    input.segments ?? chooseSegments(rows, deps.targetRowsPerSegment ?? 50_000, deps.maxSegments ?? 1000);
  if (!Number.isInteger(totalSegments) || totalSegments < 1) throw new RangeError('segments must be ≥ 1');

  const manifest: RunManifest = {
    runId,
    asOf,
    totalSegments,
    programs: programs.map((p) => ({ id: p.id, version: p.version })),
    disasterIds: disasters.map((d) => d.id).sort(),
    startedAt: now.toISOString(),
  };
  await deps.runs.createRun(manifest);
  return {
    runId,
    asOf,
    totalSegments,
    programCount: programs.length,
    skipped,
    segments: segmentTasks(manifest),
    resumed: false,
  };
}

function segmentTasks(m: RunManifest): SegmentTask[] {
  return Array.from({ length: m.totalSegments }, (_, segment) => ({
    runId: m.runId,
    segment,
    totalSegments: m.totalSegments,
    asOf: m.asOf,
  }));
}
