import {
  AccountUpdateRequestSchema,
  ApplicationParamsSchema,
  ApplicationResponseSchema,
} from '@sbiz24/shared/contract/applications';
import { ProgramIdParamsSchema } from '@sbiz24/shared/contract/common';
import {
  ApproveEligibleRequestSchema,
  ApproveEligibleResponseSchema,
  PAYMENT_RESULTS_MAX_BYTES,
  PaymentFileQuerySchema,
  PaymentResultsResponseSchema,
} from '@sbiz24/shared/contract/rapid-payment';
import * as z from 'zod/mini';
import type { RapidPaymentService } from '../../services/rapid-payment';
import { callerOf } from '../middleware/auth';
import { csvRequest, defineRoute, jsonRequest, jsonResponse, reply } from '../route';
import type { Resource } from '../types';

const TAG = '담당자: 신속지급';

const approveEligible = defineRoute(
  'staff',
  {
    method: 'post',
    path: '/api/staff/programs/{id}/approve-eligible',
    tags: [TAG],
    summary: '지원 대상 일괄 승인: 아직 자격이 있는 대기 신청을 모두 선정',
    description:
      '`dryRun: true`는 아무것도 바꾸지 않고 선정될 건수와 사유별 제외 건수를 셉니다. 그 밖에는 접수·심사 중 신청을 100건씩 ' +
      '지금 다시 자격을 확인하고 (계좌, 자격, 예산·선정 한도) 사업의 지급액으로 선정합니다. 돌려준 `cursor`로 다시 부르고, null이면 끝입니다. ' +
      '신속지급 사업이 아니면 422 NOT_RAPID_PAYMENT.',
    request: { params: ProgramIdParamsSchema, body: jsonRequest(ApproveEligibleRequestSchema) },
    responses: { 200: jsonResponse(ApproveEligibleResponseSchema, '이번 호출의 선정·제외 건수와 다음 위치') },
  },
  [404, 422],
);

const paymentFile = defineRoute(
  'staff',
  {
    method: 'get',
    path: '/api/staff/programs/{id}/payments.csv',
    tags: [TAG],
    summary:
      '지급 파일 내려받기: 선정되고 아직 지급하지 않은 신청 (은행코드, 계좌번호, 예금주, 지급액, 사업자등록번호, 신청 ID)',
    description:
      '계좌번호를 여는 유일한 곳입니다 (감사 기록에 건수와 합계가 남습니다). 지급에 실패해 계좌를 고치지 않은 신청은 빠집니다. ' +
      'UTF-8 BOM, CRLF. 한 파일은 20,000건까지입니다: 더 있으면 응답 머리글 `X-Payment-File-Next`의 값을 `cursor`로 다음 파일을 ' +
      '내려받습니다 (`X-Payment-File-Part`는 몇 번째 파일인지). 마지막 파일에는 `X-Payment-File-Next`가 없습니다.',
    request: { params: ProgramIdParamsSchema, query: PaymentFileQuerySchema },
    responses: {
      200: { description: 'text/csv; charset=utf-8', content: { 'text/csv': { schema: z.string() } } },
    },
  },
  [404, 422],
);

const paymentResults = defineRoute(
  'staff',
  {
    method: 'post',
    path: '/api/staff/programs/{id}/payment-results',
    tags: [TAG],
    summary: '은행 결과 올리기: 성공은 지급 완료, 실패는 사유와 함께 신청인에게 돌려 계좌를 고치게 합니다',
    description:
      '첫 줄에 "신청 ID", "결과"(성공/실패), 선택으로 "사유" 열. UTF-8 또는 CP949, 20,000줄까지. 반영하지 못한 줄은 ' +
      '`failed`에 줄 번호와 코드로 알려 줍니다 (BANK_REFUSED는 은행의 실패로, 신청은 선정 상태로 남습니다).',
    request: {
      params: ProgramIdParamsSchema,
      body: csvRequest(PAYMENT_RESULTS_MAX_BYTES, '은행 결과 CSV (신청 ID, 결과, 사유)'),
    },
    responses: { 200: jsonResponse(PaymentResultsResponseSchema) },
  },
  [404, 413, 415, 422],
);

const updateAccount = defineRoute(
  'owner',
  {
    method: 'post',
    path: '/api/me/applications/{id}/account',
    tags: ['신청 (사업자)'],
    summary: '신속지급 계좌 고치기 (지급 전, 지급 실패 뒤)',
    description:
      '`version`은 읽어 온 버전입니다 (그사이 바뀌었으면 409 VERSION_CONFLICT). 지급 실패 표시가 지워지고 다음 지급 파일에 들어갑니다. ' +
      '신속지급 신청이 아니면 422 ACCOUNT_NOT_ALLOWED, 끝난 신청은 409 TRANSITION_NOT_ALLOWED.',
    request: { params: ApplicationParamsSchema, body: jsonRequest(AccountUpdateRequestSchema) },
    responses: { 200: jsonResponse(ApplicationResponseSchema, '계좌번호는 가린 형태로만') },
  },
  [404, 409, 422],
);

export function rapidPaymentResource({ rapid }: { rapid: RapidPaymentService }): Resource {
  return (server) => {
    server.serve(approveEligible, async (c, { params, body }) =>
      reply(await rapid.approveEligible(callerOf(c), params.id, body), 200),
    );

    server.serve(paymentFile, async (c, { params, query }) => {
      const { filename, body, part, next } = await rapid.paymentFile(callerOf(c), params.id, query.cursor);
      return c.body(body, 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${filename}"`,
        'X-Payment-File-Part': String(part),
        ...(next ? { 'X-Payment-File-Next': next } : {}),
        // Account numbers: never kept by a browser or proxy cache.
        'Cache-Control': 'no-store',
      });
    });

    server.serve(paymentResults, async (c, { params, body }) =>
      reply(await rapid.recordResults(callerOf(c), params.id, body), 200),
    );

    server.serve(updateAccount, async (c, { params, body }) =>
      reply({ application: await rapid.updateAccount(callerOf(c), params.id, body) }, 200),
    );
  };
}
