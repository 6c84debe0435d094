import {
  BusinessListResponseSchema,
  BusinessParamsSchema,
  BusinessResponseSchema,
  ClaimRequestSchema,
  MatchesResponseSchema,
  MatchQuerySchema,
  PatchBusinessSchema,
} from '@sbiz24/shared/contract/businesses';
import type { BusinessService } from '../../services/business-service';
import type { MatchService } from '../../services/match-service';
import { callerOf } from '../middleware/auth';
import { defineRoute, jsonRequest, jsonResponse, reply } from '../route';
import type { Resource } from '../types';

const TAG = '내 사업장';

const list = defineRoute('owner', {
  method: 'get',
  path: '/api/me/businesses',
  tags: [TAG],
  summary: '내 사업장 목록',
  responses: { 200: jsonResponse(BusinessListResponseSchema) },
});

const claim = defineRoute(
  'owner',
  {
    method: 'post',
    path: '/api/me/businesses/claim',
    tags: [TAG],
    summary: '사업장 등록 (사업자등록번호·대표자명·개업일 확인)',
    description: '세 정보가 등록 정보와 모두 맞아야 합니다. 10분에 5번 넘게 틀리면 429.',
    request: { body: jsonRequest(ClaimRequestSchema) },
    responses: { 201: jsonResponse(BusinessResponseSchema) },
  },
  [404, 409, 422, 429],
);

const get = defineRoute(
  'owner',
  {
    method: 'get',
    path: '/api/me/businesses/{brn}',
    tags: [TAG],
    summary: '내 사업장 상세',
    description: '다른 사람의 사업장은 존재 여부를 알리지 않도록 404로 답합니다.',
    request: { params: BusinessParamsSchema },
    responses: { 200: jsonResponse(BusinessResponseSchema) },
  },
  [404],
);

const patch = defineRoute(
  'owner',
  {
    method: 'patch',
    path: '/api/me/businesses/{brn}',
    tags: [TAG],
    summary: '사업장 정보 수정 (사업자가 바꿀 수 있는 항목만)',
    description: 'null은 값을 지웁니다. `version`이 최신이 아니면 409 VERSION_CONFLICT.',
    request: { params: BusinessParamsSchema, body: jsonRequest(PatchBusinessSchema) },
    responses: { 200: jsonResponse(BusinessResponseSchema, 'version + 1') },
  },
  [404, 409],
);

const matchesRoute = defineRoute(
  'owner',
  {
    method: 'get',
    path: '/api/me/businesses/{brn}/matches',
    tags: [TAG],
    summary: '지원 가능한 사업 (이유 포함) 과 아깝게 놓친 사업',
    description:
      '접수 중인 사업을 지금 평가해 종류별로 묶습니다. 조건 하나만 바꾸면 받을 수 있는 사업은 nearMisses.',
    request: { params: BusinessParamsSchema, query: MatchQuerySchema },
    responses: { 200: jsonResponse(MatchesResponseSchema) },
  },
  [404],
);

export function businessesResource({
  businesses,
  matches,
}: {
  businesses: BusinessService;
  matches: MatchService;
}): Resource {
  return (server) => {
    server.serve(list, async (c) => reply({ items: await businesses.list(callerOf(c)) }, 200));
    server.serve(claim, async (c, input) =>
      reply({ business: await businesses.claim(callerOf(c), input.body) }, 201),
    );
    server.serve(get, async (c, input) =>
      reply({ business: await businesses.get(callerOf(c), input.params.brn) }, 200),
    );
    server.serve(patch, async (c, input) => {
      const business = await businesses.update(callerOf(c), input.params.brn, input.body);
      return reply({ business }, 200);
    });
    server.serve(matchesRoute, async (c, input) => {
      const { asOf } = input.query;
      const business = await businesses.owned(callerOf(c), input.params.brn);
      return reply(await matches.forBusiness(business, asOf), 200);
    });
  };
}
