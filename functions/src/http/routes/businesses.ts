import { isIsoDate } from '@sbiz24/shared';
import * as z from 'zod';
import {
  type BusinessService,
  ClaimRequestSchema,
  PatchBusinessSchema,
} from '../../services/business-service';
import type { MatchService } from '../../services/match-service';
import { callerOf } from '../middleware/auth';
import type { Resource } from '../types';
import { pathParam, readJson, readQuery } from '../validate';

export const MatchQuerySchema = z.object({
  asOf: z.string().refine(isIsoDate, { message: '날짜는 YYYY-MM-DD 형식이어야 합니다.' }).optional(),
});

export function businessesResource({
  businesses,
  matches,
}: {
  businesses: BusinessService;
  matches: MatchService;
}): Resource {
  return {
    prefix: '/api/me/businesses',
    tag: '내 사업장',
    routes: [
      {
        method: 'get',
        path: '/',
        summary: '내 사업장 목록',
        access: 'owner',
        success: {
          status: 200,
          description:
            '`{ items: [{ brn, brnFormatted, tradeName, stage, stageLabel, regionName, ksicName, version, profile }] }`',
        },
        handler: async (c) => c.json({ items: await businesses.list(callerOf(c)) }),
      },
      {
        method: 'post',
        path: '/claim',
        summary: '사업장 등록 (사업자등록번호·대표자명·개업일 확인)',
        description:
          '세 정보가 사업자 등록 정보와 모두 일치해야 합니다. 실패가 10분에 5번을 넘으면 잠시 막힙니다 (429).',
        access: 'owner',
        body: ClaimRequestSchema,
        success: { status: 201, description: '`{ business }`' },
        errors: [404, 409, 422, 429],
        handler: async (c) => {
          const input = await readJson(c, ClaimRequestSchema);
          return c.json({ business: await businesses.claim(callerOf(c), input) }, 201);
        },
      },
      {
        method: 'get',
        path: '/:brn',
        summary: '내 사업장 상세',
        description: '다른 사람의 사업장은 존재 여부를 알리지 않도록 404로 답합니다.',
        access: 'owner',
        success: { status: 200, description: '`{ business }`' },
        errors: [404],
        handler: async (c) => c.json({ business: await businesses.get(callerOf(c), pathParam(c, 'brn')) }),
      },
      {
        method: 'patch',
        path: '/:brn',
        summary: '사업장 정보 수정 (사업자가 바꿀 수 있는 항목만)',
        description:
          '바꿀 수 있는 항목: tradeName, employees, revenue, revenueAvg3y, plannedClosureDate, highestLoanRate, ' +
          'flags(체납·휴업 제외). null은 값을 지웁니다. `version`이 최신이 아니면 409 VERSION_CONFLICT.',
        access: 'owner',
        body: PatchBusinessSchema,
        success: { status: 200, description: '`{ business }`' },
        errors: [404, 409],
        handler: async (c) => {
          const input = await readJson(c, PatchBusinessSchema);
          return c.json({ business: await businesses.update(callerOf(c), pathParam(c, 'brn'), input) });
        },
      },
      {
        method: 'get',
        path: '/:brn/matches',
        summary: '지원 가능한 사업 (이유 포함) 과 아깝게 놓친 사업',
        description:
          '접수 중인 모든 사업을 지금 평가합니다. 종류별로 묶고, 조건 하나만 바꾸면 받을 수 있는 사업은 nearMisses에 넣습니다.',
        access: 'owner',
        query: MatchQuerySchema,
        success: {
          status: 200,
          description:
            "`{ asOf, stage, groups: { 'policy-fund': M[], support: M[], 'disaster-relief': M[] }, nearMisses: [{ id, title, kind, change, changeEn, blocking }] }`",
        },
        errors: [404],
        handler: async (c) => {
          const { asOf } = readQuery(c, MatchQuerySchema);
          const business = await businesses.owned(callerOf(c), pathParam(c, 'brn'));
          return c.json(await matches.forBusiness(business, asOf));
        },
      },
    ],
  };
}
