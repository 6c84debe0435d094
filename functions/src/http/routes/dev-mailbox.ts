import { DevMailboxResponseSchema } from '@sbiz24/shared/contract/alerts';
import { defineRoute, jsonResponse, reply } from '../route';
import type { Resource } from '../types';

/** A received mail as the development mailbox keeps it (local/mail-server.ts). */
export interface DevMail {
  id: string;
  to: string[];
  subject: string;
  text: string;
  listUnsubscribe?: string;
  receivedAt: string;
}

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
 * received). Local mode only: only `startPortal` imports this file and passes it to the app, so the Lambda
 * bundles have no such route (like the dev login, routes/dev.ts).
 */
export function devMailboxResource(box: { list(): DevMail[] }): Resource {
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
