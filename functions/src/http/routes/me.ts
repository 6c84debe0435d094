import { AGENCIES } from '@sbiz24/shared';
import { MeSchema } from '@sbiz24/shared/contract/me';
import { callerOf } from '../middleware/auth';
import { defineRoute, jsonResponse, reply } from '../route';
import type { Resource } from '../types';

const TAG = '내 정보';

const me = defineRoute('user', {
  method: 'get',
  path: '/api/me',
  tags: [TAG],
  summary: '로그인한 사용자',
  responses: { 200: jsonResponse(MeSchema) },
});

/** Who is signed in. The inbox (`/api/me/notifications…`) is in inbox.ts, served with the alert settings. */
export function meResource(): Resource {
  return (server) => {
    server.serve(me, (c) => {
      const { sub, name, role, agencyId } = callerOf(c);
      return reply(
        { sub, name, role, ...(agencyId ? { agencyId, agencyName: AGENCIES[agencyId] } : {}) },
        200,
      );
    });
  };
}
