import type { ApiRepositories } from '@sbiz24/shared';
import { AGENCIES } from '@sbiz24/shared';
import {
  FirstSignInResponseSchema,
  MeSchema,
  NotificationListQuerySchema,
  NotificationParamsSchema,
  NotificationsResponseSchema,
} from '@sbiz24/shared/contract/me';
import { recordSignIn } from '../../services/first-sign-in';
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

const firstSignIn = defineRoute('user', {
  method: 'post',
  path: '/api/me/first-sign-in',
  tags: [TAG],
  summary: '로그인 기록 (첫 로그인이면 그 전에 쌓인 안 읽은 알림을 요약 1건으로 모음, 1,000개까지)',
  responses: {
    200: jsonResponse(
      FirstSignInResponseSchema,
      '첫 로그인이었는지, 요약으로 모은 알림 수 (두 번째부터는 아무것도 바꾸지 않음)',
    ),
  },
});

export function meResource({ repos, clock }: { repos: ApiRepositories; clock: () => Date }): Resource {
  return (server) => {
    server.serve(me, (c) => {
      const { sub, name, role, agencyId } = callerOf(c);
      return reply(
        { sub, name, role, ...(agencyId ? { agencyId, agencyName: AGENCIES[agencyId] } : {}) },
        200,
      );
    });

    server.serve(notifications, async (c, input) => {
      const caller = callerOf(c);
      const { cursor, limit } = input.query;
      const [page, unread] = await Promise.all([
        repos.notifications.list(caller.sub, { limit, ...(cursor ? { cursor } : {}) }),
        repos.notifications.unreadCount(caller.sub),
      ]);
      return reply({ items: page.items, unread, cursor: page.cursor ?? null }, 200);
    });

    server.serve(firstSignIn, async (c) => {
      const result = await recordSignIn(
        { notifications: repos.notifications, audit: repos.audit, clock },
        callerOf(c).sub,
      );
      return reply(result, 200);
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
