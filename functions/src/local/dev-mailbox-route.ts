import { DevMailboxResponseSchema } from '@sbiz24/shared/contract/alerts';
import { defineRoute, jsonResponse, reply } from '../http/route';
import type { Resource } from '../http/types';
import type { Mailbox } from './mail-server';

/** Mails returned at most (the mailbox keeps the 500 newest). */
export const DEV_MAILBOX_LIMIT = 500;

const mailbox = defineRoute('public', {
  method: 'get',
  path: '/api/dev/mailbox',
  tags: ['개발용 메일함 (로컬 전용)'],
  summary: '개발용 SMTP 서버가 받은 메일 (최신순)',
  responses: { 200: jsonResponse(DevMailboxResponseSchema) },
});

/**
 * `GET /api/dev/mailbox`: what the development SMTP server received, newest first (to, subject, text,
 * received). Local mode only: only `startPortal` passes it to the app, so the Lambda bundle has no such route.
 */
export function devMailboxResource(box: Pick<Mailbox, 'list'>): Resource {
  return (server) => {
    server.serve(mailbox, () =>
      reply(
        {
          items: box
            .list()
            .slice(0, DEV_MAILBOX_LIMIT)
            .map((m) => ({
              id: m.id,
              to: m.to,
              subject: m.subject,
              text: m.text,
              ...(m.listUnsubscribe ? { listUnsubscribe: m.listUnsubscribe } : {}),
              received: m.receivedAt,
            })),
        },
        200,
      ),
    );
  };
}
