import { describe, expect, it } from 'vitest';
import { call, createTestApp, testUnsubscribeTokens } from '../../testing/test-app';

describe('the e-mails unsubscribe link', () => {
  const token = testUnsubscribeTokens.sign('owner-kim', 'new-match');

  it('opens a confirmation page that changes nothing (mail scanners open links)', async () => {
    const t = await createTestApp();
    const res = await call(t.app, 'GET', `/api/alerts/unsubscribe?token=${token}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.text).toContain('「새로 맞는 지원사업」 알림을 그만 받으시겠습니까?');
    expect(res.text).toContain('<form method="post"');
    expect((await t.repos.alertPreferences.getWithVersion('owner-kim')).version).toBe(0);
  });

  it('stops the kind on a one-click POST as mail apps send it (RFC 8058), without sign-in', async () => {
    const t = await createTestApp();
    const res = await call(t.app, 'POST', `/api/alerts/unsubscribe?token=${token}`, {
      body: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ kind: 'new-match', label: '새로 맞는 지원사업', unsubscribed: true });
    expect((await t.repos.alertPreferences.get('owner-kim')).kinds['new-match']).toBe(false);
  });

  it('answers the page button with a page', async () => {
    const t = await createTestApp();
    const res = await call(t.app, 'POST', `/api/alerts/unsubscribe?token=${token}`, {
      headers: { accept: 'text/html' },
    });
    expect(res.status).toBe(200);
    expect(res.text).toContain('알림을 더 보내지 않습니다');
  });

  it('refuses a forged or garbled token with 400 and changes nothing', async () => {
    const t = await createTestApp();
    const forged = `${token.split('.')[0]}.AAAA`;
    const page = await call(t.app, 'GET', `/api/alerts/unsubscribe?token=${forged}`);
    expect(page.status).toBe(400);
    expect(page.text).toContain('수신 거부 링크가 올바르지 않습니다');
    const post = await call(t.app, 'POST', `/api/alerts/unsubscribe?token=${forged}`);
    expect(post.status).toBe(400);
    expect(post.body.error.code).toBe('INVALID_TOKEN');
    expect(post.body.error.details).toEqual([
      { path: 'token', message: '수신 거부 링크가 올바르지 않습니다. 받은 메일의 링크를 그대로 여세요.' },
    ]);
    const long = await call(t.app, 'POST', `/api/alerts/unsubscribe?token=${'a'.repeat(300)}.b`);
    expect(long.status).toBe(400);
    expect((await t.repos.alertPreferences.getWithVersion('owner-kim')).version).toBe(0);
  });
});
