import {
  DAMAGE_LIST_MAX_BYTES,
  DamageImportQuerySchema,
  DamageImportResponseSchema,
  DisasterIdParamsSchema,
} from '@sbiz24/shared/contract/relief';
import type { DamageImportService } from '../../services/damage-import';
import { callerOf } from '../middleware/auth';
import { csvRequest, defineRoute, jsonResponse, reply } from '../route';
import type { Resource } from '../types';

const importList = defineRoute(
  'staff',
  {
    method: 'post',
    path: '/api/staff/disasters/{id}/damage-imports',
    tags: ['담당자: 재난'],
    summary: '피해 확인 명단 올리기 (CSV): dryRun=true는 미리 보기, false는 반영',
    description:
      '열: 사업자등록번호, 피해확인일, (피해유형), (피해금액). UTF-8 또는 CP949, BOM과 제목 줄은 있어도 없어도 됩니다. ' +
      '줄마다 검사해 잘못된 줄은 줄 번호·코드·사유로 돌려주고(처음 1,000줄), 올바른 줄만 반영합니다. ' +
      '같은 파일을 다시 올리면 아무것도 바뀌지 않습니다. 반영하면 재난지원 사업 매칭을 다시 계산합니다. ' +
      '파일 전체가 읽을 수 없으면 400 DAMAGE_FILE_EMPTY·DAMAGE_FILE_NO_COLUMNS, 없는 재난은 404 DISASTER_NOT_FOUND, ' +
      '반영 중 사업자 정보가 계속 바뀌면 409 DAMAGE_IMPORT_CONFLICT(반영된 줄은 그대로, 다시 올리면 나머지가 반영됩니다).',
    request: {
      params: DisasterIdParamsSchema,
      query: DamageImportQuerySchema,
      body: csvRequest(DAMAGE_LIST_MAX_BYTES, '피해 확인 명단 CSV (text/csv)'),
    },
    responses: { 200: jsonResponse(DamageImportResponseSchema) },
  },
  [404, 409],
);

/** Damage lists (issue 13): the import service behind one CSV route, preview and apply. */
export function reliefImportsResource({ damageImports }: { damageImports: DamageImportService }): Resource {
  return (server) => {
    server.serve(importList, async (c, { params, query, body }) =>
      reply(
        await damageImports.importList(callerOf(c), params.id, body, { dryRun: query.dryRun === 'true' }),
        200,
      ),
    );
  };
}
