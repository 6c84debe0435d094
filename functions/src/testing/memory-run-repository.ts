import { ConflictError } from '@sbiz24/shared';
import type {
  ProgramCount,
  RunManifest,
  RunRepository,
  SegmentCheckpoint,
} from '@sbiz24/shared/recompute/types';

const clone = <T>(v: T): T => structuredClone(v);

/** RunRepository in memory: unit tests, with the same conditional semantics as the DynamoDB adapter. */
export class MemoryRunRepository implements RunRepository {
  readonly runs = new Map<string, RunManifest>();
  readonly checkpoints = new Map<string, SegmentCheckpoint>();
  readonly counts = new Map<string, ProgramCount>();

  async createRun(manifest: RunManifest): Promise<void> {
    if (this.runs.has(manifest.runId)) throw new ConflictError('이미 있는 실행입니다.', 'RUN_EXISTS');
    this.runs.set(manifest.runId, clone(manifest));
  }
  async getRun(runId: string): Promise<RunManifest | undefined> {
    const m = this.runs.get(runId);
    return m && clone(m);
  }
  async finishRun(manifest: RunManifest): Promise<void> {
    this.runs.set(manifest.runId, clone(manifest));
  }
  async getCheckpoint(runId: string, segment: number): Promise<SegmentCheckpoint | undefined> {
    const c = this.checkpoints.get(`${runId}#${segment}`);
    return c && clone(c);
  }
  async putCheckpoint(checkpoint: SegmentCheckpoint): Promise<void> {
    const key = `${checkpoint.runId}#${checkpoint.segment}`;
    const stored = this.checkpoints.get(key);
    if (stored && (stored.done || stored.pages > checkpoint.pages)) {
      throw new ConflictError('체크포인트가 이미 더 진행되었습니다.', 'CHECKPOINT_AHEAD');
    }
    this.checkpoints.set(key, clone(checkpoint));
  }
  async listCheckpoints(runId: string): Promise<SegmentCheckpoint[]> {
    return [...this.checkpoints.values()]
      .filter((c) => c.runId === runId)
      .sort((a, b) => a.segment - b.segment)
      .map(clone);
  }
  async putProgramCounts(counts: ProgramCount[]): Promise<void> {
    for (const c of counts) this.counts.set(c.programId, clone(c));
  }
  async getProgramCount(programId: string): Promise<ProgramCount | undefined> {
    const c = this.counts.get(programId);
    return c && clone(c);
  }
}
