import {
  DevLoginResponseSchema,
  DevLoginSchema,
  DevUsersResponseSchema,
} from '@sbiz24/shared/contract/system';
import { defineRoute, jsonRequest, jsonResponse, reply } from '../route';
import type { DevAuth, Resource } from '../types';

const TAG = '개발용 로그인 (로컬 전용)';

const users = defineRoute('public', {
  method: 'get',
  path: '/api/dev/users',
  tags: [TAG],
  summary: '데모 사용자 목록',
  responses: { 200: jsonResponse(DevUsersResponseSchema) },
});

const login = defineRoute(
  'public',
  {
    method: 'post',
    path: '/api/dev/login',
    tags: [TAG],
    summary: '데모 사용자로 로그인 (토큰 발급)',
    request: { body: jsonRequest(DevLoginSchema) },
    responses: { 200: jsonResponse(DevLoginResponseSchema) },
  },
  [404],
);

/**
 * Demo logins of the local dev identity issuer. Only the local runtime imports this file (through its
 * `DevAuth`), so the Lambda bundle has no such routes.
 */
export function devResource(devAuth: Pick<DevAuth, 'users' | 'issueToken'>): Resource {
  return (server) => {
    server.serve(users, () => reply({ users: devAuth.users() }, 200));
    server.serve(login, async (_c, input) =>
      reply({ token: await devAuth.issueToken(input.body.userId) }, 200),
    );
  };
}
