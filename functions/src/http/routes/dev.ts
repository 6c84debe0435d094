import * as z from 'zod';
import type { DevAuth, Resource } from '../types';
import { readJson } from '../validate';

export const DevLoginSchema = z.object({ userId: z.string().min(1).max(100) });

/**
 * Demo logins of the local dev identity issuer. Only the local runtime imports this file (through its
 * `DevAuth`), so the Lambda bundle has no such routes.
 */
export function devResource(devAuth: Pick<DevAuth, 'users' | 'issueToken'>): Resource {
  return {
    prefix: '/api/dev',
    tag: '개발용 로그인 (로컬 전용)',
    routes: [
      {
        method: 'get',
        path: '/users',
        summary: '데모 사용자 목록',
        access: 'public',
        success: { status: 200, description: '`{ users: [{ id, role, name, agencyId? }] }`' },
        handler: (c) => c.json({ users: devAuth.users() }),
      },
      {
        method: 'post',
        path: '/login',
        summary: '데모 사용자로 로그인 (토큰 발급)',
        access: 'public',
        body: DevLoginSchema,
        success: { status: 200, description: '`{ token }` (Authorization: Bearer <token>)' },
        errors: [404],
        handler: async (c) => {
          const { userId } = await readJson(c, DevLoginSchema);
          return c.json({ token: await devAuth.issueToken(userId) });
        },
      },
    ],
  };
}
