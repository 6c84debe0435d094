import { randomBytes } from 'node:crypto';
import type { Repositories } from '@sbiz24/shared';
import { escapeHtml } from '@sbiz24/shared/alerts/message';
import { ALERT_KIND_LABELS } from '@sbiz24/shared/alerts/preferences';
import {
  AlertSettingsBodySchema,
  AlertSettingsSchema,
  EmailCodeSentSchema,
  EmailContactBodySchema,
  EmailVerifyBodySchema,
  FirstSignInResponseSchema,
  UnsubscribeQuerySchema,
  UnsubscribeResponseSchema,
} from '@sbiz24/shared/contract/alerts';
import * as z from 'zod/mini';
import { type AlertSettingsDeps, createAlertSettingsService } from '../../services/alert-settings';
import type { ChannelAdapter } from '../../services/delivery';
import { recordSignIn } from '../../services/first-sign-in';
import { HttpError } from '../errors';
import { callerOf } from '../middleware/auth';
import { defineRoute, jsonRequest, jsonResponse, reply } from '../route';
import type { Resource } from '../types';
import { inboxResource } from './inbox';

const TAG = '알림 설정';

const firstSignIn = defineRoute('user', {
  method: 'post',
  path: '/api/me/first-sign-in',
  tags: ['내 정보'],
  summary: '로그인 기록 (첫 로그인이면 그 전에 쌓인 안 읽은 알림을 요약 1건으로 모음, 1,000개까지)',
  responses: {
    200: jsonResponse(
      FirstSignInResponseSchema,
      '첫 로그인이었는지, 요약으로 모은 알림 수 (두 번째부터는 아무것도 바꾸지 않음)',
    ),
  },
});

const getSettings = defineRoute('owner', {
  method: 'get',
  path: '/api/me/alert-settings',
  tags: [TAG],
  summary: '알림 설정 (채널, 종류, 방해 금지 시간, 주간 요약, 연락처)',
  responses: { 200: jsonResponse(AlertSettingsSchema) },
});

const putSettings = defineRoute(
  'owner',
  {
    method: 'put',
    path: '/api/me/alert-settings',
    tags: [TAG],
    summary: '알림 설정 저장 (읽은 version이 그대로일 때만)',
    request: { body: jsonRequest(AlertSettingsBodySchema) },
    responses: { 200: jsonResponse(AlertSettingsSchema) },
  },
  [409],
);

const emailContact = defineRoute(
  'owner',
  {
    method: 'post',
    path: '/api/me/contacts/email',
    tags: [TAG],
    summary: '전자우편 인증번호 보내기 (1분에 1번, 하루 5번)',
    request: { body: jsonRequest(EmailContactBodySchema) },
    responses: { 202: jsonResponse(EmailCodeSentSchema, '인증번호를 보냈습니다 (10분 동안 유효)') },
  },
  [409, 429, 503],
);

const emailVerify = defineRoute(
  'owner',
  {
    method: 'post',
    path: '/api/me/contacts/email/verify',
    tags: [TAG],
    summary: '전자우편 인증번호 확인',
    request: { body: jsonRequest(EmailVerifyBodySchema) },
    responses: { 200: jsonResponse(AlertSettingsSchema) },
  },
  [409, 422],
);

const unsubscribePage = defineRoute('public', {
  method: 'get',
  path: '/api/alerts/unsubscribe',
  tags: [TAG],
  summary: '수신 거부 확인 화면 (메일의 링크, 로그인 없이)',
  request: { query: UnsubscribeQuerySchema },
  responses: {
    200: { description: '수신 거부 확인 화면', content: { 'text/html': { schema: z.string() } } },
  },
});

const unsubscribe = defineRoute('public', {
  method: 'post',
  path: '/api/alerts/unsubscribe',
  tags: [TAG],
  summary: '수신 거부 (한 번 누르기, RFC 8058 List-Unsubscribe-Post)',
  description:
    '메일 앱의 "구독 취소" 단추(본문 `List-Unsubscribe=One-Click`)와 확인 화면의 단추가 보냅니다. 토큰의 알림 종류를 끕니다. 이미 꺼져 있어도 성공입니다.',
  request: { query: UnsubscribeQuerySchema },
  responses: { 200: jsonResponse(UnsubscribeResponseSchema) },
});

const page = (title: string, body: string) => `<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — 소상공인24</title>
<style>body{font-family:'Noto Sans KR',system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.6;color:#1d1d1d}
button{font:inherit;padding:.75rem 1.5rem;background:#0b50d0;color:#fff;border:0;border-radius:.5rem;cursor:pointer}
button:focus-visible{outline:3px solid #1d1d1d;outline-offset:2px}a{color:#0b50d0}.en{color:#555;font-size:.875em}</style>
</head><body><main>${body}</main></body></html>`;

const wantsHtml = (accept: string | undefined) => /text\/html/i.test(accept ?? '');

/**
 * What the alert routes need beyond the table: the alerts signing key (unsubscribe tokens, e-mail code
 * hashes) and the mail channel that sends codes (the development mailbox locally, SES on AWS). Without them,
 * asking for a code answers 503 and no unsubscribe link verifies.
 */
export interface AlertsDeps {
  secret: Uint8Array | string;
  mail: Pick<ChannelAdapter, 'send'>;
}

/**
 * Alert settings, e-mail verification and the e-mails' one-click unsubscribe. Not part of `createApp`'s core
 * routes: the local portal and the tests pass it in `routes`, and on AWS its own function serves these paths
 * (handlers/api-alerts.ts), which alone holds the SES grant and the signing key.
 */
export function alertsResource(deps: {
  repos: AlertSettingsDeps['repos'] & Pick<Repositories, 'notifications' | 'firstSignIn'>;
  clock: () => Date;
  alerts?: AlertsDeps;
}): Resource {
  const settings = createAlertSettingsService({
    repos: deps.repos,
    clock: deps.clock,
    ...(deps.alerts ?? {
      // A random key verifies no link; codes cannot be sent.
      secret: randomBytes(32),
      mail: {
        send: () => {
          throw new HttpError(
            503,
            'ALERTS_UNAVAILABLE',
            '지금은 전자우편을 보낼 수 없습니다. 잠시 뒤 다시 시도해 주세요.',
          );
        },
      },
    }),
  });
  const inbox = inboxResource({ repos: deps.repos });
  return (server) => {
    inbox(server);
    server.serve(getSettings, async (c) => reply(await settings.get(callerOf(c).sub), 200));

    // With the inbox, here: out of the core API function and its bundle ceiling.
    server.serve(firstSignIn, async (c) => {
      const result = await recordSignIn(
        {
          notifications: deps.repos.notifications,
          firstSignIn: deps.repos.firstSignIn,
          audit: deps.repos.audit,
          clock: deps.clock,
        },
        callerOf(c).sub,
      );
      return reply(result, 200);
    });
    server.serve(putSettings, async (c, input) =>
      reply(await settings.save(callerOf(c).sub, input.body), 200),
    );
    server.serve(emailContact, async (c, input) =>
      reply(await settings.requestEmailCode(callerOf(c).sub, input.body.address), 202),
    );
    server.serve(emailVerify, async (c, input) =>
      reply(await settings.verifyEmail(callerOf(c).sub, input.body.code), 200),
    );

    server.serve(unsubscribePage, (c, input) => {
      let label: string;
      try {
        const { kind } = settings.describeToken(input.query.token);
        label = ALERT_KIND_LABELS[kind].ko;
      } catch {
        return c.html(
          page(
            '수신 거부 링크 오류',
            `<h1>수신 거부 링크가 올바르지 않습니다</h1>
<p>받은 메일의 링크를 그대로 열어 주세요. 로그인한 뒤 <a href="/my/alert-settings">알림 설정</a>에서도 끌 수 있습니다.</p>
<p class="en" lang="en">This unsubscribe link is not valid. Open the link from the e-mail as it is, or sign in and change your alert settings.</p>`,
          ),
          400,
        );
      }
      const action = `/api/alerts/unsubscribe?token=${encodeURIComponent(input.query.token)}`;
      return c.html(
        page(
          '알림 수신 거부',
          `<h1>「${escapeHtml(label)}」 알림을 그만 받으시겠습니까?</h1>
<p>그만 받으면 이 종류의 알림을 전자우편과 문자로 보내지 않습니다. 포털의 알림함에는 계속 표시됩니다.</p>
<form method="post" action="${escapeHtml(action)}"><button type="submit">그만 받기</button></form>
<p class="en" lang="en">Stop these alerts by e-mail and text message? They stay in your portal inbox.</p>`,
        ),
        200,
      );
    });

    server.serve(unsubscribe, async (c, input) => {
      const done = await settings.unsubscribe(input.query.token);
      if (!wantsHtml(c.req.header('accept'))) return reply(done, 200);
      return c.html(
        page(
          '수신 거부 완료',
          `<h1>「${escapeHtml(done.label)}」 알림을 더 보내지 않습니다</h1>
<p>다시 받으려면 로그인한 뒤 <a href="/my/alert-settings">알림 설정</a>에서 켜 주세요.</p>
<p class="en" lang="en">You will no longer get these alerts by e-mail or text message. Turn them on again in your alert settings.</p>`,
        ),
        200,
      );
    });
  };
}
