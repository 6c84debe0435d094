import {
  describeRule,
  isRegionCode,
  LIFECYCLE_STAGES,
  NotFoundError,
  PROGRAM_KINDS,
  todayInKorea,
} from '@sbiz24/shared';

import * as z from 'zod';
import { compareForListing, matchesQuery, toSummary } from '../../services/program-view';
import type { CatalogCache } from '../../services/types';
import type { Resource } from '../types';
import { pathParam, readQuery } from '../validate';

export const ProgramListQuerySchema = z.object({
  kind: z.enum(PROGRAM_KINDS).optional(),
  stage: z.enum(LIFECYCLE_STAGES).optional(),
  region: z
    .string()
    .refine(isRegionCode, { message: '지역은 시도 2자리 또는 시군구 5자리 코드여야 합니다.' })
    .optional(),
  openNow: z.enum(['true', 'false']).optional(),
  closingWithinDays: z.coerce.number().int().min(0).max(366).optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export function programsResource({ catalog, clock }: { catalog: CatalogCache; clock: () => Date }): Resource {
  return {
    prefix: '/api/programs',
    tag: '사업',
    routes: [
      {
        method: 'get',
        path: '/',
        summary: '사업 목록 (검색·필터·페이지)',
        description:
          '공고된 사업(작성 중 제외)을 접수 중 → 공고 예정 → 마감 순, 마감일이 가까운 순으로 돌려줍니다. ' +
          '`region`은 규칙의 최상위 지역 조건이 그 지역을 제외하지 않는 사업을 남기고, `q`는 사업명·요약·기관명에서 ' +
          '대소문자와 띄어쓰기를 무시하고 찾습니다.',
        access: 'public',
        query: ProgramListQuerySchema,
        success: { status: 200, description: '`{ items: ProgramSummary[], page, pageSize, total }`' },
        handler: async (c) => {
          const query = readQuery(c, ProgramListQuerySchema);
          const today = todayInKorea(clock);
          const { page, pageSize, openNow, ...filters } = query;
          const all = (await catalog.get()).programs
            .filter((p) => matchesQuery(p, { ...filters, openNow: openNow === 'true' }, today))
            .map((p) => toSummary(p, today))
            .sort(compareForListing);
          const items = all.slice((page - 1) * pageSize, page * pageSize);
          return c.json({ items, page, pageSize, total: all.length });
        },
      },
      {
        method: 'get',
        path: '/:id',
        summary: '사업 상세 (자격 조건 설명 포함)',
        access: 'public',
        success: {
          status: 200,
          description:
            '`{ program: ProgramSummary & { howToApply, rule, version }, description: string[], descriptionEn: string[] }`',
        },
        errors: [404],
        handler: async (c) => {
          const { programs, disasters } = await catalog.get();
          const program = programs.find((p) => p.id === pathParam(c, 'id'));
          if (!program) throw new NotFoundError('사업을 찾을 수 없습니다.', 'PROGRAM_NOT_FOUND');
          const today = todayInKorea(clock);
          // Names, so that prior-support and disaster lines read 「신사업창업사관학교」, not an id.
          const names = {
            programTitles: Object.fromEntries(programs.map((p) => [p.id, p.title])),
            disasters,
          };
          return c.json({
            program: {
              ...toSummary(program, today),
              howToApply: program.howToApply,
              rule: program.rule,
              version: program.version,
            },
            description: describeRule(program.rule, 'ko', names),
            descriptionEn: describeRule(program.rule, 'en', names),
          });
        },
      },
    ],
  };
}
