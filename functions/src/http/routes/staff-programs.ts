import { todayInKorea } from '@sbiz24/shared';
import * as z from 'zod';

import {
  CreateProgramSchema,
  parseDraft,
  parseGivenId,
  UpdateProgramSchema,
} from '../../services/program-draft';

import { toSummary } from '../../services/program-view';

import type { StaffProgramService } from '../../services/staff-program-service';
import { callerOf } from '../middleware/auth';
import type { Resource } from '../types';
import { parseWith, pathParam, readJson } from '../validate';

export const VersionBodySchema = z.object({ version: z.number().int().min(1) });

export function staffProgramsResource({
  programs,
  clock,
}: {
  programs: StaffProgramService;
  clock: () => Date;
}): Resource {
  const today = () => todayInKorea(clock);
  return {
    prefix: '/api/staff/programs',
    tag: '담당자: 사업',
    routes: [
      {
        method: 'get',
        path: '/',
        summary: '소속 기관의 사업 목록 (작성 중 포함; 관리자는 전체)',
        access: 'staff',
        success: { status: 200, description: '`{ items: (ProgramSummary & { version })[] }`' },
        handler: async (c) => {
          const d = today();
          const items = (await programs.list(callerOf(c))).map((p) => ({
            ...toSummary(p, d),
            version: p.version,
          }));
          return c.json({ items });
        },
      },
      {
        method: 'post',
        path: '/',
        summary: '사업 초안 작성',
        description:
          '규칙 오류는 `rule.rules.1.codes.0`처럼 경로와 함께 돌려줍니다. id가 없으면 영문 사업명에서 만듭니다. ' +
          '다른 기관의 사업은 만들 수 없습니다 (403).',
        access: 'staff',
        body: CreateProgramSchema,
        success: { status: 201, description: '`{ program }` (status: draft, version: 1)' },
        errors: [403, 409],
        handler: async (c) => {
          const body = await readJson(c, z.unknown());
          const givenId = parseGivenId(body);
          const draft = parseDraft(body, '', ['id']);
          return c.json({ program: await programs.create(callerOf(c), draft, givenId) }, 201);
        },
      },
      {
        method: 'get',
        path: '/:id',
        summary: '사업 (편집용 전체 정보)',
        access: 'staff',
        success: { status: 200, description: '`{ program }`' },
        errors: [403, 404],
        handler: async (c) => c.json({ program: await programs.get(callerOf(c), pathParam(c, 'id')) }),
      },
      {
        method: 'put',
        path: '/:id',
        summary: '사업 수정 (새 버전)',
        description:
          '`version`은 읽어 온 버전입니다. 그사이 누가 고쳤으면 409 VERSION_CONFLICT, 아무것도 덮어쓰지 않습니다.',
        access: 'staff',
        body: UpdateProgramSchema,
        success: { status: 200, description: '`{ program }` (version + 1)' },
        errors: [403, 404, 409, 422],
        handler: async (c) => {
          const body = await readJson(c, z.unknown());
          const { version } = parseWith(VersionBodySchema, body);
          const draft = parseDraft((body as { draft?: unknown }).draft, 'draft');
          return c.json({ program: await programs.update(callerOf(c), pathParam(c, 'id'), version, draft) });
        },
      },
      {
        method: 'post',
        path: '/:id/publish',
        summary: '공고 (예시 사업자 검사 후 접수 시작 또는 예약)',
        description:
          'mustMatch 예시는 모두 자격이 있어야 하고 mustNotMatch 예시는 모두 없어야 합니다. 어긋나면 422 EXAMPLE_MISMATCH와 ' +
          '어긋난 예시 목록을 돌려줍니다.',
        access: 'staff',
        body: VersionBodySchema,
        success: { status: 200, description: '`{ program }` (status: open 또는 scheduled)' },
        errors: [403, 404, 409, 422],
        handler: async (c) => {
          const { version } = await readJson(c, VersionBodySchema);
          return c.json({ program: await programs.publish(callerOf(c), pathParam(c, 'id'), version) });
        },
      },
      {
        method: 'post',
        path: '/:id/close',
        summary: '마감',
        access: 'staff',
        body: VersionBodySchema,
        success: { status: 200, description: '`{ program }` (status: closed)' },
        errors: [403, 404, 409],
        handler: async (c) => {
          const { version } = await readJson(c, VersionBodySchema);
          return c.json({ program: await programs.close(callerOf(c), pathParam(c, 'id'), version) });
        },
      },
      {
        method: 'get',
        path: '/:id/audit',
        summary: '변경 이력 (누가, 언제, 무엇을, 몇 번째 버전)',
        access: 'staff',
        success: { status: 200, description: '`{ items: AuditEntry[] }` (오래된 순)' },
        errors: [403, 404],
        handler: async (c) => c.json({ items: await programs.auditLog(callerOf(c), pathParam(c, 'id')) }),
      },
    ],
  };
}
