import { DisasterBodySchema, DisasterResponseSchema } from '@sbiz24/shared/contract/staff';
import type { DisasterService } from '../../services/disaster-service';
import { callerOf } from '../middleware/auth';
import { defineRoute, jsonRequest, jsonResponse, reply } from '../route';
import type { Resource } from '../types';

const declare = defineRoute(
  'staff',
  {
    method: 'post',
    path: '/api/staff/disasters',
    tags: ['담당자: 재난'],
    summary: '재난 선포 (피해 시군구, 기간)',
    description: '선포하면 그 지역 사업자에게 재난지원 사업이 바로 맞춰집니다.',
    request: { body: jsonRequest(DisasterBodySchema) },
    responses: { 201: jsonResponse(DisasterResponseSchema) },
  },
  [409],
);

export function staffDisastersResource({ disasters }: { disasters: DisasterService }): Resource {
  return (server) => {
    server.serve(declare, async (c, input) =>
      reply({ disaster: await disasters.declare(callerOf(c), input.body) }, 201),
    );
  };
}
