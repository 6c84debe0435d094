import {
  AddSupportRequestSchema,
  ApplicationFormQuerySchema,
  ApplicationFormResponseSchema,
  ApplicationListResponseSchema,
  ApplicationParamsSchema,
  ApplicationResponseSchema,
  ApplyRequestSchema,
  ApplyResponseSchema,
  OwnerListQuerySchema,
  SupplementRequestSchema,
  SupportHistoryResponseSchema,
  WithdrawRequestSchema,
} from '@sbiz24/shared/contract/applications';
import { BusinessParamsSchema } from '@sbiz24/shared/contract/businesses';
import type { Repositories } from '@sbiz24/shared/repositories';
import { ownedBusiness } from '../../services/application-access';
import { applicationForms } from '../../services/application-forms';
import type { ApplicationService } from '../../services/application-service';
import type { FileService } from '../../services/file-service';
import { callerOf } from '../middleware/auth';
import { defineRoute, jsonRequest, jsonResponse, reply } from '../route';
import type { Resource } from '../types';

const TAG = '신청 (사업자)';
const brnParams = BusinessParamsSchema;
const idParams = ApplicationParamsSchema;

const apply = defineRoute(
  'owner',
  {
    method: 'post',
    path: '/api/me/businesses/{brn}/applications',
    tags: [TAG],
    summary: '통합신청: 여러 사업에 한 번에 신청',
    description:
      '모든 사업을 먼저 확인합니다 (공고·접수 기간, 지금의 자격, 진행 중인 신청, 신청서). 하나라도 어긋나면 아무것도 만들지 않고 ' +
      '`error.details.failures`에 사업별 코드와 사유를 담아 422 (NOT_ELIGIBLE, PROGRAM_NOT_OPEN, INCOMPLETE_FORM, PROGRAM_NOT_FOUND) ' +
      '또는 409 ALREADY_APPLIED로 답합니다. 같은 idempotencyKey와 같은 내용이면 처음 만든 신청을 돌려줍니다 (다른 내용이면 409 IDEMPOTENCY_KEY_REUSED). ' +
      '파일 답변은 `{ fileId }`로 보냅니다 (확인을 마친 내 파일만). ' +
      '신속지급 사업은 `account: { bankCode, number, holder }`가 있어야 하고 (없으면 422 ACCOUNT_REQUIRED), 다른 사업에 계좌를 보내면 422 ACCOUNT_NOT_ALLOWED입니다. ' +
      '계좌번호는 암호화해 보관하고 가린 형태(`110-***-***456`)로만 돌려줍니다.',
    request: { params: brnParams, body: jsonRequest(ApplyRequestSchema) },
    responses: { 201: jsonResponse(ApplyResponseSchema, '만든 신청 (같은 키로 다시 보내면 처음 만든 신청)') },
  },
  [404, 409, 422],
);

const list = defineRoute(
  'owner',
  {
    method: 'get',
    path: '/api/me/businesses/{brn}/applications',
    tags: [TAG],
    summary: '신청 현황 (최신순, 50건씩)',
    request: { params: brnParams, query: OwnerListQuerySchema },
    responses: {
      200: jsonResponse(ApplicationListResponseSchema, '한 쪽의 신청과 다음 쪽 cursor (없으면 null)'),
    },
  },
  [404],
);

const form = defineRoute(
  'owner',
  {
    method: 'get',
    path: '/api/me/businesses/{brn}/application-form',
    tags: [TAG],
    summary: '신청서: 사업별 질문(미리 채움)과 서류(확인됨/제출 필요)',
    description: '없는 사업과 공고 전 사업은 빠집니다.',
    request: { params: brnParams, query: ApplicationFormQuerySchema },
    responses: { 200: jsonResponse(ApplicationFormResponseSchema) },
  },
  [404],
);

const history = defineRoute(
  'owner',
  {
    method: 'get',
    path: '/api/me/businesses/{brn}/support-history',
    tags: [TAG],
    summary: '지원 이력 (포털 선정과 자가 입력, 최신순)',
    request: { params: brnParams },
    responses: { 200: jsonResponse(SupportHistoryResponseSchema) },
  },
  [404],
);

const addHistory = defineRoute(
  'owner',
  {
    method: 'post',
    path: '/api/me/businesses/{brn}/support-history',
    tags: [TAG],
    summary: '다른 곳에서 받은 지원을 지원 이력에 추가 (자가 입력)',
    description:
      '`version`은 사업장의 버전입니다 (그사이 바뀌었으면 409 VERSION_CONFLICT). 같은 사업·연도는 409 SUPPORT_EXISTS.',
    request: { params: brnParams, body: jsonRequest(AddSupportRequestSchema) },
    responses: { 201: jsonResponse(SupportHistoryResponseSchema, '추가한 뒤의 지원 이력') },
  },
  [404, 409],
);

const get = defineRoute(
  'owner',
  {
    method: 'get',
    path: '/api/me/applications/{id}',
    tags: [TAG],
    summary: '신청 한 건과 진행 현황(timeline)',
    request: { params: idParams },
    responses: { 200: jsonResponse(ApplicationResponseSchema) },
  },
  [404],
);

const withdraw = defineRoute(
  'owner',
  {
    method: 'post',
    path: '/api/me/applications/{id}/withdraw',
    tags: [TAG],
    summary: '신청 취소 (결정 전까지)',
    description:
      '`version`은 읽어 온 버전입니다. 그사이 바뀌었으면 409 VERSION_CONFLICT, 결정된 신청은 409 TRANSITION_NOT_ALLOWED.',
    request: { params: idParams, body: jsonRequest(WithdrawRequestSchema) },
    responses: { 200: jsonResponse(ApplicationResponseSchema, 'status: withdrawn') },
  },
  [404, 409],
);

const supplement = defineRoute(
  'owner',
  {
    method: 'post',
    path: '/api/me/applications/{id}/supplement',
    tags: [TAG],
    summary: '보완 제출 (보완 요청을 받은 신청)',
    description:
      '파일은 확인을 마친 내 파일의 id로 보냅니다 (최대 10개). 보완 요청 상태가 아니면 409 TRANSITION_NOT_ALLOWED.',
    request: { params: idParams, body: jsonRequest(SupplementRequestSchema) },
    responses: { 200: jsonResponse(ApplicationResponseSchema, 'status: submitted (다시 심사)') },
  },
  [404, 409, 422],
);

export function applicationsResource({
  applications,
  files,
  repos,
  clock,
}: {
  applications: ApplicationService;
  files: FileService;
  repos: Pick<Repositories, 'businesses' | 'programs' | 'applications'>;
  clock: () => Date;
}): Resource {
  return (server) => {
    server.serve(apply, async (c, { params, body }) => {
      const caller = callerOf(c);
      // Another owner's business is 404 before any file in the answers is looked at.
      if (body.answers) await ownedBusiness(repos, caller, params.brn);
      const answers = await files.resolveAnswers(caller, body.answers);
      const items = await applications.apply(caller, params.brn, {
        programIds: body.programIds,
        idempotencyKey: body.idempotencyKey,
        ...(answers ? { answers } : {}),
        ...(body.account ? { account: body.account } : {}),
      });
      return reply({ items }, 201);
    });

    server.serve(list, async (c, { params, query }) => {
      const page = await applications.listForBusiness(callerOf(c), params.brn, query.cursor);
      return reply({ items: page.items, cursor: page.cursor ?? null }, 200);
    });

    server.serve(form, async (c, { params, query }) => {
      const ids = query.programIds.split(',');
      return reply({ programs: await applicationForms(repos, clock, callerOf(c), params.brn, ids) }, 200);
    });

    server.serve(history, async (c, { params }) =>
      reply({ items: await applications.supportHistory(callerOf(c), params.brn) }, 200),
    );

    server.serve(addHistory, async (c, { params, body }) =>
      reply({ items: await applications.addSelfReportedSupport(callerOf(c), params.brn, body) }, 201),
    );

    server.serve(get, async (c, { params }) =>
      reply({ application: await applications.getForOwner(callerOf(c), params.id) }, 200),
    );

    server.serve(withdraw, async (c, { params, body }) =>
      reply({ application: await applications.withdraw(callerOf(c), params.id, body.version) }, 200),
    );

    server.serve(supplement, async (c, { params, body }) => {
      const caller = callerOf(c);
      // Another owner's application is 404 before the attached files are looked at.
      if (body.files?.length) await applications.getForOwner(caller, params.id);
      const attached = body.files?.length ? await files.attachments(caller, body.files) : [];
      const application = await applications.respondToSupplement(caller, params.id, {
        version: body.version,
        message: body.message,
        ...(attached.length > 0 ? { files: attached } : {}),
      });
      return reply({ application }, 200);
    });
  };
}
