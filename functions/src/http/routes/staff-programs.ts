import { todayInKorea } from '@sbiz24/shared';
import { ProgramIdParamsSchema, VersionBodySchema } from '@sbiz24/shared/contract/common';
import {
  AuditListResponseSchema,
  CreateProgramSchema,
  ProgramResponseSchema,
  StaffProgramListResponseSchema,
  UpdateProgramSchema,
} from '@sbiz24/shared/contract/staff';
import { toSummary } from '../../services/program-view';
import type { StaffProgramService } from '../../services/staff-program-service';
import { callerOf } from '../middleware/auth';
import { defineRoute, jsonRequest, jsonResponse, reply } from '../route';
import type { Resource } from '../types';

const TAG = '담당자: 사업';
const params = ProgramIdParamsSchema;

const list = defineRoute('staff', {
  method: 'get',
  path: '/api/staff/programs',
  tags: [TAG],
  summary: '소속 기관의 사업 목록 (작성 중 포함; 관리자는 전체)',
  responses: { 200: jsonResponse(StaffProgramListResponseSchema) },
});

const create = defineRoute(
  'staff',
  {
    method: 'post',
    path: '/api/staff/programs',
    tags: [TAG],
    summary: '사업 초안 작성',
    description:
      '규칙 오류는 `rule.rules.1.codes.0`처럼 경로와 함께 돌려줍니다. id가 없으면 영문 사업명에서 만듭니다.',
    request: { body: jsonRequest(CreateProgramSchema) },
    responses: { 201: jsonResponse(ProgramResponseSchema, 'status: draft, version: 1') },
  },
  [409],
);

const get = defineRoute(
  'staff',
  {
    method: 'get',
    path: '/api/staff/programs/{id}',
    tags: [TAG],
    summary: '사업 (편집용 전체 정보)',
    request: { params },
    responses: { 200: jsonResponse(ProgramResponseSchema) },
  },
  [404],
);

const update = defineRoute(
  'staff',
  {
    method: 'put',
    path: '/api/staff/programs/{id}',
    tags: [TAG],
    summary: '사업 수정 (새 버전)',
    description: '`version`은 읽어 온 버전입니다. 그사이 고쳐졌으면 409 VERSION_CONFLICT.',
    request: { params, body: jsonRequest(UpdateProgramSchema) },
    responses: { 200: jsonResponse(ProgramResponseSchema, 'version + 1') },
  },
  [404, 409, 422],
);

const publish = defineRoute(
  'staff',
  {
    method: 'post',
    path: '/api/staff/programs/{id}/publish',
    tags: [TAG],
    summary: '공고 (예시 사업자 검사 후 접수 시작 또는 예약)',
    description: '예시(mustMatch·mustNotMatch)가 규칙과 어긋나면 422 EXAMPLE_MISMATCH (details에 그 예시).',
    request: { params, body: jsonRequest(VersionBodySchema) },
    responses: { 200: jsonResponse(ProgramResponseSchema, 'status: open 또는 scheduled') },
  },
  [404, 409, 422],
);

const close = defineRoute(
  'staff',
  {
    method: 'post',
    path: '/api/staff/programs/{id}/close',
    tags: [TAG],
    summary: '마감',
    request: { params, body: jsonRequest(VersionBodySchema) },
    responses: { 200: jsonResponse(ProgramResponseSchema, 'status: closed') },
  },
  [404, 409, 422],
);

const audit = defineRoute(
  'staff',
  {
    method: 'get',
    path: '/api/staff/programs/{id}/audit',
    tags: [TAG],
    summary: '변경 이력 (누가, 언제, 무엇을, 몇 번째 버전)',
    request: { params },
    responses: { 200: jsonResponse(AuditListResponseSchema, '오래된 순') },
  },
  [404],
);

export function staffProgramsResource({
  programs,
  clock,
}: {
  programs: StaffProgramService;
  clock: () => Date;
}): Resource {
  return (server) => {
    server.serve(list, async (c) => {
      const today = todayInKorea(clock);
      const items = (await programs.list(callerOf(c))).map((p) => ({
        ...toSummary(p, today),
        version: p.version,
      }));
      return reply({ items }, 200);
    });
    server.serve(create, async (c, input) => {
      const { id, ...draft } = input.body;
      return reply({ program: await programs.create(callerOf(c), draft, id) }, 201);
    });
    server.serve(get, async (c, input) =>
      reply({ program: await programs.get(callerOf(c), input.params.id) }, 200),
    );
    server.serve(update, async (c, input) => {
      const { version, draft } = input.body;
      const program = await programs.update(callerOf(c), input.params.id, version, draft);
      return reply({ program }, 200);
    });
    server.serve(publish, async (c, input) => {
      const { version } = input.body;
      return reply({ program: await programs.publish(callerOf(c), input.params.id, version) }, 200);
    });
    server.serve(close, async (c, input) => {
      const { version } = input.body;
      return reply({ program: await programs.close(callerOf(c), input.params.id, version) }, 200);
    });
    server.serve(audit, async (c, input) =>
      reply({ items: await programs.auditLog(callerOf(c), input.params.id) }, 200),
    );
  };
}
