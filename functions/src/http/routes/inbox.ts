import type { NotificationRepository } from '@sbiz24/shared';
import {
  NotificationListQuerySchema,
  NotificationParamsSchema,
  NotificationsResponseSchema,
} from '@sbiz24/shared/contract/me';
import { callerOf } from '../middleware/auth';
import { defineRoute, jsonResponse, reply } from '../route';
import type { Resource } from '../types';

const TAG = '내 정보';

const notifications = defineRoute('user', {
  method: 'get',
  path: '/api/me/notifications',
  tags: [TAG],
  summary: '알림함 (최신순)',
  request: { query: NotificationListQuerySchema },
  responses: {
    200: jsonResponse(
      NotificationsResponseSchema,
      '한 쪽의 알림, 안 읽은 개수, 다음 쪽 cursor (없으면 null)',
    ),
  },
});

const markRead = defineRoute(
  'user',
  {
    method: 'post',
    path: '/api/me/notifications/{id}/read',
    tags: [TAG],
    summary: '알림 읽음 표시',
    request: { params: NotificationParamsSchema },
    responses: { 204: { description: '본문 없음' } },
  },
  [404],
);

/** Notifications one "read all" marks at most (oldest first); a second call takes the rest. */
export const READ_ALL_LIMIT = 1_000;

const readAll = defineRoute('user', {
  method: 'post',
  path: '/api/me/notifications/read-all',
  tags: [TAG],
  summary: '알림 모두 읽음 (한 번에 1,000개까지)',
  responses: { 204: { description: '본문 없음' } },
});

/**
 * The owner's inbox: the list, one read, all read. Served with the alert settings (`alertsResource`), by the
 * alerts function on AWS: out of the core API function, whose bundle has a 250 KB ceiling.
 */
export function inboxResource({ repos }: { repos: { notifications: NotificationRepository } }): Resource {
  return (server) => {
    server.serve(notifications, async (c, input) => {
      const caller = callerOf(c);
      const { cursor, limit } = input.query;
      const [page, unread] = await Promise.all([
        repos.notifications.list(caller.sub, { limit, ...(cursor ? { cursor } : {}) }),
        repos.notifications.unreadCount(caller.sub),
      ]);
      return reply({ items: page.items, unread, cursor: page.cursor ?? null }, 200);
    });

    server.serve(readAll, async (c) => {
      await repos.notifications.markAllRead(callerOf(c).sub, READ_ALL_LIMIT);
      return reply(null, 204);
    });

    server.serve(markRead, async (c, input) => {
      await repos.notifications.markRead(callerOf(c).sub, input.params.id);
      return reply(null, 204);
    });
  };
}
