import { describeRule, NotFoundError, todayInKorea } from '@sbiz24/shared';
import { ProgramIdParamsSchema } from '@sbiz24/shared/contract/common';
import {
  ProgramDetailResponseSchema,
  ProgramListQuerySchema,
  ProgramListResponseSchema,
} from '@sbiz24/shared/contract/programs';
import { compareForListing, matchesQuery, toSummary } from '../../services/program-view';
import type { CatalogCache } from '../../services/types';
import { defineRoute, jsonResponse, reply } from '../route';
import type { Resource } from '../types';

const TAG = '사업';

const list = defineRoute('public', {
  method: 'get',
  path: '/api/programs',
  tags: [TAG],
  summary: '사업 목록 (검색·필터·페이지)',
  description:
    '접수 중 → 공고 예정 → 마감 순, 마감이 가까운 순입니다. `region`: 최상위 지역 조건이 그 지역을 빼지 않는 사업. ' +
    '`q`: 사업명·요약·기관명 (대소문자·띄어쓰기 무시).',
  request: { query: ProgramListQuerySchema },
  responses: { 200: jsonResponse(ProgramListResponseSchema) },
});

const detail = defineRoute(
  'public',
  {
    method: 'get',
    path: '/api/programs/{id}',
    tags: [TAG],
    summary: '사업 상세 (자격 조건 설명 포함)',
    request: { params: ProgramIdParamsSchema },
    responses: { 200: jsonResponse(ProgramDetailResponseSchema) },
  },
  [404],
);

export function programsResource({ catalog, clock }: { catalog: CatalogCache; clock: () => Date }): Resource {
  return (server) => {
    server.serve(list, async (_c, input) => {
      const query = input.query;
      const today = todayInKorea(clock);
      const { page, pageSize, openNow, ...filters } = query;
      const { programs, disasters } = await catalog.get();
      // The declared disasters place disaster programs: their regions are the ones their disasters name.
      const all = programs
        .filter((p) => matchesQuery(p, { ...filters, openNow: openNow === 'true' }, today, disasters))
        .map((p) => toSummary(p, today))
        .sort(compareForListing);
      const items = all.slice((page - 1) * pageSize, page * pageSize);
      return reply({ items, page, pageSize, total: all.length }, 200);
    });

    server.serve(detail, async (_c, input) => {
      const { id } = input.params;
      const { programs, disasters } = await catalog.get();
      const program = programs.find((p) => p.id === id);
      if (!program) throw new NotFoundError('사업을 찾을 수 없습니다.', 'PROGRAM_NOT_FOUND');
      const today = todayInKorea(clock);
      // Names, so that prior-support and disaster lines read 「신사업창업사관학교」, not an id.
      const names = {
        programTitles: Object.fromEntries(programs.map((p) => [p.id, p.title])),
        programTitlesEn: Object.fromEntries(programs.flatMap((p) => (p.titleEn ? [[p.id, p.titleEn]] : []))),
        disasters,
      };
      return reply(
        {
          program: {
            ...toSummary(program, today),
            howToApply: program.howToApply,
            howToApplyEn: program.howToApplyEn ?? null,
            rule: program.rule,
            version: program.version,
          },
          description: describeRule(program.rule, 'ko', names),
          descriptionEn: describeRule(program.rule, 'en', names),
        },
        200,
      );
    });
  };
}
