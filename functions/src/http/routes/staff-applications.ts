import {
  ApplicationParamsSchema,
  ApplicationResponseSchema,
  ApplicationStatsResponseSchema,
  BulkDecisionRequestSchema,
  BulkDecisionResponseSchema,
  CsvExportQuerySchema,
  DecisionRequestSchema,
  StaffApplicationResponseSchema,
  StaffQueueQuerySchema,
  StaffQueueResponseSchema,
} from '@sbiz24/shared/contract/applications';
import { ProgramIdParamsSchema } from '@sbiz24/shared/contract/common';
import * as z from 'zod/mini';
import type { ApplicationReports } from '../../services/application-reports';
import { toQueueItem } from '../../services/application-reports';
import type { ApplicationService } from '../../services/application-service';
import { callerOf } from '../middleware/auth';
import { defineRoute, jsonRequest, jsonResponse, reply } from '../route';
import type { Resource } from '../types';

const TAG = '담당자: 신청 심사';
const csvText = z.string();
const idParams = ApplicationParamsSchema;

const queue = defineRoute(
  'staff',
  {
    method: 'get',
    path: '/api/staff/applications',
    tags: [TAG],
    summary: '심사 대기열: 한 사업의 신청 (최신순, 50건씩)',
    description:
      '소속 기관의 사업만 (관리자는 전체). status는 색인으로, sido·stage는 거른 결과라 한 쪽이 50건보다 적을 수 있습니다: cursor가 null이어야 끝입니다.',
    request: { query: StaffQueueQuerySchema },
    responses: { 200: jsonResponse(StaffQueueResponseSchema) },
  },
  [404],
);

const get = defineRoute(
  'staff',
  {
    method: 'get',
    path: '/api/staff/applications/{id}',
    tags: [TAG],
    summary: '신청 한 건: 신청 당시의 정보와 사유, 지금 다시 본 사유, 진행 현황',
    request: { params: idParams },
    responses: { 200: jsonResponse(StaffApplicationResponseSchema) },
  },
  [404],
);

const decide = defineRoute(
  'staff',
  {
    method: 'post',
    path: '/api/staff/applications/{id}/decision',
    tags: [TAG],
    summary: '결정: 심사 시작, 보완 요청, 선정, 미선정, 지급 완료',
    description:
      '미선정과 보완 요청에는 사유(message), 선정에는 금액(amount)이 필요합니다. 그사이 바뀌었으면 409 VERSION_CONFLICT, ' +
      '상태가 허용하지 않으면 409 TRANSITION_NOT_ALLOWED, 예산·선정 건수를 넘으면 409 QUOTA_EXCEEDED, 지원 한도를 넘는 금액은 422 AMOUNT_OVER_BENEFIT.',
    request: { params: idParams, body: jsonRequest(DecisionRequestSchema) },
    responses: { 200: jsonResponse(ApplicationResponseSchema) },
  },
  [404, 409, 422],
);

const bulk = defineRoute('staff', {
  method: 'post',
  path: '/api/staff/applications/bulk-decision',
  tags: [TAG],
  summary: '일괄 결정 (최대 500건): 건마다 따로 처리하고 결과를 건마다 돌려줍니다',
  description: '각 신청은 지금 버전으로 결정됩니다. 다른 기관의 신청은 APPLICATION_NOT_FOUND로 거절됩니다.',
  request: { body: jsonRequest(BulkDecisionRequestSchema) },
  responses: { 200: jsonResponse(BulkDecisionResponseSchema, '요청한 순서대로 건별 결과') },
});

const stats = defineRoute(
  'staff',
  {
    method: 'get',
    path: '/api/staff/programs/{id}/applications/stats',
    tags: [TAG],
    summary: '사업 현황판: 상태별 건수, 일별 신청, 시도별 선정, 예산·선정 건수 사용량',
    request: { params: ProgramIdParamsSchema },
    responses: { 200: jsonResponse(ApplicationStatsResponseSchema) },
  },
  [404],
);

const csv = defineRoute(
  'staff',
  {
    method: 'get',
    path: '/api/staff/programs/{id}/applications.csv',
    tags: [TAG],
    summary: '신청 목록 CSV 내려받기 (UTF-8 BOM, Excel에서 바로 열림)',
    description: '대기열과 같은 필터. 20,000건을 넘으면 422 EXPORT_TOO_LARGE (상태나 시도로 좁혀 주세요).',
    request: { params: ProgramIdParamsSchema, query: CsvExportQuerySchema },
    responses: {
      200: { description: 'text/csv; charset=utf-8', content: { 'text/csv': { schema: csvText } } },
    },
  },
  [404, 422],
);

export function staffApplicationsResource({
  applications,
  reports,
}: {
  applications: ApplicationService;
  reports: ApplicationReports;
}): Resource {
  return (server) => {
    server.serve(queue, async (c, { query }) => {
      const page = await applications.listForStaff(callerOf(c), query);
      return reply({ items: page.items.map(toQueueItem), cursor: page.cursor ?? null }, 200);
    });

    server.serve(get, async (c, { params }) =>
      reply({ application: await applications.getForStaff(callerOf(c), params.id) }, 200),
    );

    server.serve(decide, async (c, { params, body }) =>
      reply({ application: await applications.decide(callerOf(c), params.id, body) }, 200),
    );

    server.serve(bulk, async (c, { body }) => {
      const results = await applications.bulkDecide(callerOf(c), body);
      const decided = results.filter((r) => r.ok).length;
      return reply({ results, decided, refused: results.length - decided }, 200);
    });

    server.serve(stats, async (c, { params }) => reply(await reports.stats(callerOf(c), params.id), 200));

    server.serve(csv, async (c, { params, query }) => {
      const { filename, body } = await reports.csv(callerOf(c), params.id, query);
      return c.body(body, 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${filename}"`,
      });
    });
  };
}
