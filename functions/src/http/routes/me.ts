import type { Repositories } from '@sbiz24/shared';
import { AGENCIES } from '@sbiz24/shared';
import * as z from 'zod';
import { callerOf } from '../middleware/auth';
import type { Resource } from '../types';
import { pathParam, readQuery } from '../validate';

export const NotificationListQuerySchema = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export function meResource({ repos }: { repos: Repositories }): Resource {
  return {
    prefix: '/api/me',
    tag: '내 정보',
    routes: [
      {
        method: 'get',
        path: '/',
        summary: '로그인한 사용자',
        access: 'user',
        success: { status: 200, description: '`{ sub, name, role, agencyId?, agencyName? }`' },
        handler: (c) => {
          const { sub, name, role, agencyId } = callerOf(c);
          return c.json({
            sub,
            name,
            role,
            ...(agencyId ? { agencyId, agencyName: AGENCIES[agencyId] } : {}),
          });
        },
      },
      {
        method: 'get',
        path: '/notifications',
        summary: '알림함 (최신순)',
        access: 'user',
        query: NotificationListQuerySchema,
        success: {
          status: 200,
          description:
            '`{ items: Notification[], unread: number, cursor: string | null }` (다음 쪽이 없으면 cursor는 null)',
        },
        handler: async (c) => {
          const caller = callerOf(c);
          const { cursor, limit } = readQuery(c, NotificationListQuerySchema);
          const [page, unread] = await Promise.all([
            repos.notifications.list(caller.sub, { limit, ...(cursor ? { cursor } : {}) }),
            repos.notifications.unreadCount(caller.sub),
          ]);
          return c.json({ items: page.items, unread, cursor: page.cursor ?? null });
        },
      },
      {
        method: 'post',
        path: '/notifications/:id/read',
        summary: '알림 읽음 표시',
        access: 'user',
        success: { status: 204, description: '본문 없음' },
        errors: [404],
        handler: async (c) => {
          await repos.notifications.markRead(callerOf(c).sub, pathParam(c, 'id'));
          return c.body(null, 204);
        },
      },
    ],
  };
}
