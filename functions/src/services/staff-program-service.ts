import type { ApiRepositories } from '@sbiz24/shared';
import {
  type AuditEntry,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  type Program,
  type ProgramDraft,
  todayInKorea,
  UnprocessableError,
} from '@sbiz24/shared';
import { checkExamples } from './example-check';
import { slugFor } from './program-draft';
import type { Caller, CatalogCache, ProgramChangeEvent } from './types';

export interface StaffProgramServiceDeps {
  repos: ApiRepositories;
  clock: () => Date;
  catalog: CatalogCache;
  /** Called after a change that affects matches; failures are the listener's own business. */
  notify: (event: ProgramChangeEvent) => Promise<void>;
}

const NOT_FOUND = '사업을 찾을 수 없습니다.';
const STALE = '다른 담당자가 먼저 수정했습니다. 새로고침한 뒤 다시 시도해 주세요.';

/** Staff act on their own agency's programs; admins on any. */
export function assertAgency(caller: Caller, agencyId: Program['agencyId']): void {
  if (caller.role === 'admin') return;
  if (caller.role === 'staff' && caller.agencyId === agencyId) return;
  throw new ForbiddenError('소속 기관의 사업만 다룰 수 있습니다.', 'FORBIDDEN');
}

/** The top-level draft fields whose values differ: what an audit entry says changed (never values). */
function changedFields(before: Program, after: ProgramDraft): string[] {
  return (Object.keys(after) as (keyof ProgramDraft)[]).filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
}

export function createStaffProgramService({ repos, clock, catalog, notify }: StaffProgramServiceDeps) {
  const today = () => todayInKorea(clock);

  async function audit(caller: Caller, program: Program, action: string, summary: string): Promise<void> {
    const entry: AuditEntry = {
      entityType: 'program',
      entityId: program.id,
      at: clock().toISOString(),
      actorId: caller.sub,
      action,
      summary,
      version: program.version,
    };
    await repos.audit.append(entry);
  }

  /** The program, after the agency check; 404 when absent. */
  async function load(caller: Caller, id: string): Promise<Program> {
    const program = await repos.programs.get(id);
    if (!program) throw new NotFoundError(NOT_FOUND, 'PROGRAM_NOT_FOUND');
    assertAgency(caller, program.agencyId);
    return program;
  }

  function assertVersion(program: Program, version: number): void {
    if (program.version !== version)
      throw new ConflictError(STALE, 'VERSION_CONFLICT', { currentVersion: program.version });
  }

  /** Writes the next version; a concurrent writer in between surfaces as 409 with nothing overwritten. */
  async function save(next: Program): Promise<Program> {
    try {
      return await repos.programs.update(next);
    } catch (err) {
      if (err instanceof ConflictError) throw new ConflictError(STALE, 'VERSION_CONFLICT');
      throw err;
    }
  }

  async function assertExamplesAgree(program: Program): Promise<void> {
    const disasters = (await catalog.get()).disasters;
    const mismatches = checkExamples(program, disasters, today());
    if (mismatches.length > 0) {
      throw new UnprocessableError(
        `예시 사업자 ${mismatches.length}곳의 판정이 기대와 다릅니다. 규칙 또는 예시를 확인해 주세요.`,
        'EXAMPLE_MISMATCH',
        mismatches,
      );
    }
  }

  async function changed(
    type: 'program-published' | 'program-closed' | 'program-updated',
    program: Program,
  ): Promise<void> {
    catalog.invalidate();
    await notify({ type, programId: program.id, version: program.version, at: clock().toISOString() });
  }

  return {
    async list(caller: Caller): Promise<Program[]> {
      if (caller.role === 'admin') return repos.programs.list();
      if (!caller.agencyId) return [];
      return repos.programs.list({ agencyId: caller.agencyId });
    },

    get: load,

    async create(caller: Caller, draft: ProgramDraft, givenId?: string): Promise<Program> {
      assertAgency(caller, draft.agencyId);
      let id = givenId;
      if (id) {
        if (await repos.programs.get(id))
          throw new ConflictError('이미 있는 사업 ID입니다. 다른 ID를 입력해 주세요.', 'PROGRAM_EXISTS');
      } else {
        const base = slugFor(draft, today()).slice(0, 60);
        id = base;
        for (let n = 2; await repos.programs.get(id); n++) id = `${base}-${n}`;
      }
      let created: Program;
      try {
        created = await repos.programs.create({ ...draft, id, status: 'draft', version: 1 });
      } catch (err) {
        if (err instanceof ConflictError)
          throw new ConflictError('이미 있는 사업 ID입니다. 다른 ID를 입력해 주세요.', 'PROGRAM_EXISTS');
        throw err;
      }
      await audit(caller, created, 'create', `초안 작성 (${draft.title})`);
      return created;
    },

    async update(caller: Caller, id: string, version: number, draft: ProgramDraft): Promise<Program> {
      const current = await load(caller, id);
      assertAgency(caller, draft.agencyId);
      if (current.status === 'closed')
        throw new ConflictError('마감된 사업은 수정할 수 없습니다.', 'PROGRAM_CLOSED');
      assertVersion(current, version);
      const next: Program = { ...draft, id, status: current.status, version: version + 1 };
      if (current.status !== 'draft') await assertExamplesAgree(next);
      const saved = await save(next);
      const fields = changedFields(current, draft);
      await audit(caller, saved, 'update', `수정: ${fields.length > 0 ? fields.join(', ') : '변경 없음'}`);
      if (saved.status !== 'draft') await changed('program-updated', saved);
      return saved;
    },

    /** Checks the examples (422 EXAMPLE_MISMATCH naming each), then opens the program (or schedules it). */
    async publish(caller: Caller, id: string, version: number): Promise<Program> {
      const current = await load(caller, id);
      if (current.status !== 'draft') {
        throw new ConflictError(
          current.status === 'closed' ? '마감된 사업은 다시 공고할 수 없습니다.' : '이미 공고된 사업입니다.',
          'INVALID_STATUS',
        );
      }
      assertVersion(current, version);
      const d = today();
      if (current.applyEnd && current.applyEnd < d)
        throw new UnprocessableError(
          '접수 마감일이 이미 지났습니다. 접수 기간을 고쳐 주세요.',
          'APPLY_WINDOW_ENDED',
        );
      await assertExamplesAgree(current);
      const status = current.applyStart && current.applyStart > d ? 'scheduled' : 'open';
      const saved = await save({ ...current, status, version: version + 1 });
      await audit(
        caller,
        saved,
        'publish',
        status === 'open' ? '공고(접수 시작)' : `공고 예약 (${current.applyStart})`,
      );
      await changed('program-published', saved);
      return saved;
    },

    async close(caller: Caller, id: string, version: number): Promise<Program> {
      const current = await load(caller, id);
      if (current.status === 'draft' || current.status === 'closed') {
        throw new ConflictError(
          current.status === 'draft' ? '공고 전인 사업은 마감할 수 없습니다.' : '이미 마감된 사업입니다.',
          'INVALID_STATUS',
        );
      }
      assertVersion(current, version);
      const saved = await save({ ...current, status: 'closed', version: version + 1 });
      await audit(caller, saved, 'close', '마감');
      await changed('program-closed', saved);
      return saved;
    },

    async auditLog(caller: Caller, id: string): Promise<AuditEntry[]> {
      await load(caller, id);
      return repos.audit.list('program', id);
    },
  };
}

export type StaffProgramService = ReturnType<typeof createStaffProgramService>;
