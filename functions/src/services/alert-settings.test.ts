import { ConflictError, RateLimitedError, UnprocessableError, ValidationError } from '@sbiz24/shared';
import type { AlertSettingsBody } from '@sbiz24/shared/contract/alerts';
import { describe, expect, it } from 'vitest';
import { createMemoryRepositories } from '../testing/memory-repositories';
import { createAlertSettingsService } from './alert-settings';
import type { OutgoingMessage } from './delivery';
import { createUnsubscribeTokens } from './unsubscribe';

const SECRET = 'unit-test-alerts-key-0123456789abcdef';
const BODY: AlertSettingsBody = {
  version: 0,
  channels: { email: true, sms: false },
  kinds: { newMatch: true, deadline: true, application: false, disaster: true },
  quietHours: { start: '22:00', end: '07:00' },
  disasterIgnoresQuietHours: false,
  digest: 'weekly',
  phone: null,
};

function setup(start = '2026-12-03T01:00:00.000Z') {
  let now = new Date(start);
  const repos = createMemoryRepositories(() => now);
  const mails: OutgoingMessage[] = [];
  let failSend = false;
  let next = 0;
  const codes = ['111111', '222222', '333333', '444444', '555555', '666666'];
  const service = createAlertSettingsService({
    repos,
    clock: () => now,
    secret: SECRET,
    mail: {
      send: async (m) => {
        if (failSend) throw new Error('relay down');
        mails.push(m);
      },
    },
    newCode: () => codes[next++]!,
  });
  return {
    repos,
    service,
    mails,
    advance: (ms: number) => (now = new Date(now.getTime() + ms)),
    failSends: (v: boolean) => (failSend = v),
  };
}

describe('alert settings', () => {
  it('starts from the defaults at version 0 and saves the whole set, audited by field names', async () => {
    const { service, repos } = setup();
    expect(await service.get('u1')).toMatchObject({
      version: 0,
      channels: { email: true, sms: false },
      quietHours: { start: '21:00', end: '08:00' },
      digest: 'none',
      email: null,
      phone: null,
      pendingEmail: null,
    });
    const saved = await service.save('u1', {
      ...BODY,
      channels: { email: true, sms: true },
      phone: '010-2345-6789',
    });
    expect(saved).toMatchObject({ version: 1, digest: 'weekly', phone: '010-2345-6789' });
    expect((await repos.alertPreferences.get('u1')).kinds).toEqual({
      'new-match': true,
      deadline: true,
      application: false,
      disaster: true,
    });
    const audit = await repos.audit.list('account', 'u1');
    expect(audit).toHaveLength(1);
    expect(audit[0]!.summary).toContain('quietHours');
    expect(audit[0]!.summary).not.toContain('010');
  });

  it('refuses a stale version with the current one and changes nothing', async () => {
    const { service } = setup();
    await service.save('u1', BODY);
    const stale = service.save('u1', { ...BODY, digest: 'none' });
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    await expect(stale).rejects.toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 1 } });
    expect((await service.get('u1')).digest).toBe('weekly');
  });

  it('refuses text messages without a phone number, naming the field', async () => {
    const { service } = setup();
    const err = await service.save('u1', { ...BODY, channels: { email: true, sms: true } }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.errors).toEqual([
      { path: 'phone', message: '문자 알림을 받으려면 휴대전화 번호를 입력해 주세요.' },
    ]);
  });
});

describe('e-mail verification', () => {
  it('sends a code, keeps only its keyed hash, and verifies the address with it', async () => {
    const { service, repos, mails } = setup();
    const sent = await service.requestEmailCode('u1', 'owner@example.com');
    expect(sent).toEqual({
      address: 'owner@example.com',
      expiresAt: '2026-12-03T01:10:00.000Z',
      resendAfter: '2026-12-03T01:01:00.000Z',
    });
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ channel: 'email', to: 'owner@example.com' });
    expect(mails[0]!.channel === 'email' && mails[0]!.email.text).toContain('인증번호는 111111입니다');
    const stored = await repos.contactVerifications.get('u1');
    expect(JSON.stringify(stored)).not.toContain('111111');
    expect((await service.get('u1')).pendingEmail).toEqual({
      address: 'owner@example.com',
      expiresAt: '2026-12-03T01:10:00.000Z',
    });

    const verified = await service.verifyEmail('u1', '111111');
    expect(verified.email).toEqual({ address: 'owner@example.com', verified: true });
    expect(verified.pendingEmail).toBeNull();
    // The code is spent.
    await expect(service.verifyEmail('u1', '111111')).rejects.toMatchObject({ code: 'CODE_EXPIRED' });
    expect((await repos.audit.list('account', 'u1')).map((a) => a.action)).toEqual(['contact.email.verify']);
  });

  it('refuses a wrong code, counting tries, and voids the code after five', async () => {
    const { service, repos } = setup();
    await service.requestEmailCode('u1', 'owner@example.com');
    for (let i = 4; i >= 0; i--) {
      await expect(service.verifyEmail('u1', '999999')).rejects.toMatchObject({
        code: 'CODE_MISMATCH',
        details: { attemptsLeft: i },
      });
    }
    await expect(service.verifyEmail('u1', '111111')).rejects.toMatchObject({
      code: 'CODE_ATTEMPTS_EXCEEDED',
    });
    expect((await repos.alertPreferences.get('u1')).email).toBeUndefined();
  });

  it('refuses an expired code and a verify with no code asked for', async () => {
    const { service, advance } = setup();
    await expect(service.verifyEmail('u1', '111111')).rejects.toBeInstanceOf(UnprocessableError);
    await service.requestEmailCode('u1', 'owner@example.com');
    advance(10 * 60_000);
    await expect(service.verifyEmail('u1', '111111')).rejects.toMatchObject({ code: 'CODE_EXPIRED' });
  });

  it('sends at most one code a minute and five a day, with the wait in Retry-After', async () => {
    const { service, advance, mails, failSends } = setup();
    await service.requestEmailCode('u1', 'a@example.com');
    const soon = await service.requestEmailCode('u1', 'a@example.com').catch((e) => e);
    expect(soon).toBeInstanceOf(RateLimitedError);
    expect(soon.retryAfterSeconds).toBe(60);
    // A failed send still counts, so the limit cannot be dodged by a bad relay.
    failSends(true);
    advance(60_000);
    await expect(service.requestEmailCode('u1', 'a@example.com')).rejects.toThrow('relay down');
    failSends(false);
    for (let i = 0; i < 3; i++) {
      advance(60_000);
      await service.requestEmailCode('u1', 'a@example.com');
    }
    advance(60_000);
    const sixth = await service.requestEmailCode('u1', 'a@example.com').catch((e) => e);
    expect(sixth).toBeInstanceOf(RateLimitedError);
    expect(sixth.message).toContain('하루에 5번');
    expect(mails).toHaveLength(4);
    advance(24 * 3_600_000);
    await service.requestEmailCode('u1', 'a@example.com');
    expect(mails).toHaveLength(5);
  });

  it('binds a code to its account and address', async () => {
    const { service } = setup();
    await service.requestEmailCode('u1', 'a@example.com');
    await service.requestEmailCode('u2', 'a@example.com'); // code 222222 for u2
    await expect(service.verifyEmail('u1', '222222')).rejects.toMatchObject({ code: 'CODE_MISMATCH' });
  });
});

describe('unsubscribe', () => {
  it('turns off the signed kind, idempotently, and refuses a forged token without a change', async () => {
    const { service, repos } = setup();
    const token = createUnsubscribeTokens(SECRET).sign('u1', 'deadline');
    expect(await service.unsubscribe(token)).toEqual({
      kind: 'deadline',
      label: '신청 마감 안내',
      unsubscribed: true,
    });
    expect(await service.unsubscribe(token)).toMatchObject({ unsubscribed: true });
    const { preferences, version } = await repos.alertPreferences.getWithVersion('u1');
    expect(preferences.kinds.deadline).toBe(false);
    expect(preferences.kinds['new-match']).toBe(true);
    expect(version).toBe(1);
    const forged = createUnsubscribeTokens('another-key-0123456789abcdef0123456').sign('u2', 'deadline');
    await expect(service.unsubscribe(forged)).rejects.toMatchObject({ code: 'INVALID_TOKEN' });
    expect((await repos.alertPreferences.getWithVersion('u2')).version).toBe(0);
  });
});
