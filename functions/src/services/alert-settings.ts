import { createHmac, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import {
  type AlertPreferencesRepository,
  type AuditRepository,
  ConflictError,
  type ContactVerificationRepository,
  type EmailVerification,
  RateLimitedError,
  UnprocessableError,
  ValidationError,
} from '@sbiz24/shared';
import { ALERT_KIND_LABELS, type AlertKind, type AlertPreferences } from '@sbiz24/shared/alerts/preferences';
import type { AlertSettings, AlertSettingsBody } from '@sbiz24/shared/contract/alerts';
import type { ChannelAdapter } from './delivery';
import { createUnsubscribeTokens } from './unsubscribe';

/** How long an e-mail code works. */
export const EMAIL_CODE_TTL_MS = 10 * 60_000;
/** No new code sooner than this after the last one. */
export const EMAIL_CODE_RESEND_MS = 60_000;
/** Codes sent to one account in 24 hours, at most. */
export const EMAIL_CODES_PER_DAY = 5;
/** Wrong codes allowed for one code; then a new one must be asked for. */
export const EMAIL_CODE_MAX_ATTEMPTS = 5;
const DAY_MS = 24 * 3_600_000;

export interface AlertSettingsDeps {
  repos: {
    alertPreferences: AlertPreferencesRepository;
    contactVerifications: ContactVerificationRepository;
    audit: AuditRepository;
  };
  clock: () => Date;
  /** Keys the codes' hashes and signs unsubscribe tokens (the alerts signing key). */
  secret: Uint8Array | string;
  /** Sends the code mail (the development mailbox locally, SES on AWS). */
  mail: Pick<ChannelAdapter, 'send'>;
  /** Six digits; a test may fix it. @default crypto.randomInt */
  newCode?: () => string;
}

/** The API's kind names (`newMatch`) and the stored ones (`new-match`). */
const toApiKinds = (k: AlertPreferences['kinds']): AlertSettings['kinds'] => ({
  newMatch: k['new-match'],
  deadline: k.deadline,
  application: k.application,
  disaster: k.disaster,
});

export type AlertSettingsService = ReturnType<typeof createAlertSettingsService>;

/**
 * The owner's alert settings and contacts: read and save (conditional on the version read, audited with
 * field names only), e-mail verification by a six-digit code (stored as a keyed hash, 10 minutes, 5 tries,
 * at most one code a minute and 5 a day), and the one-click unsubscribe of a signed e-mail link.
 */
export function createAlertSettingsService(deps: AlertSettingsDeps) {
  const { repos, clock } = deps;
  const tokens = createUnsubscribeTokens(deps.secret);
  const newCode = deps.newCode ?? (() => String(randomInt(0, 1_000_000)).padStart(6, '0'));
  const hashCode = (userId: string, address: string, code: string) =>
    createHmac('sha256', deps.secret)
      .update(`email-code\n${userId}\n${address}\n${code}`)
      .digest('base64url');

  async function view(userId: string): Promise<AlertSettings> {
    const [{ preferences: p, version }, pending] = await Promise.all([
      repos.alertPreferences.getWithVersion(userId),
      repos.contactVerifications.get(userId),
    ]);
    const live = pending && Date.parse(pending.expiresAt) > clock().getTime() ? pending : undefined;
    return {
      version,
      channels: { ...p.channels },
      kinds: toApiKinds(p.kinds),
      quietHours: { ...p.quietHours },
      disasterIgnoresQuietHours: p.disasterIgnoresQuietHours,
      digest: p.digest,
      phone: p.phone ?? null,
      email: p.email ? { ...p.email } : null,
      pendingEmail: live ? { address: live.address, expiresAt: live.expiresAt } : null,
    };
  }

  const audit = (userId: string, action: string, summary: string, version?: number) =>
    repos.audit.append({
      entityType: 'account',
      entityId: userId,
      at: clock().toISOString(),
      actorId: userId,
      action,
      summary,
      ...(version !== undefined ? { version } : {}),
    });

  return {
    get: view,

    async save(userId: string, body: AlertSettingsBody): Promise<AlertSettings> {
      if (body.channels.sms && !body.phone) {
        throw new ValidationError('입력값이 올바르지 않습니다.', [
          { path: 'phone', message: '문자 알림을 받으려면 휴대전화 번호를 입력해 주세요.' },
        ]);
      }
      const { preferences: current, version } = await repos.alertPreferences.getWithVersion(userId);
      if (version !== body.version) {
        throw new ConflictError(
          '알림 설정이 다른 곳에서 먼저 바뀌었습니다. 새로 불러온 뒤 다시 저장해 주세요.',
          'VERSION_CONFLICT',
          { currentVersion: version },
        );
      }
      const next: AlertPreferences = {
        ...current,
        channels: { ...body.channels },
        kinds: {
          'new-match': body.kinds.newMatch,
          deadline: body.kinds.deadline,
          application: body.kinds.application,
          disaster: body.kinds.disaster,
        },
        quietHours: { ...body.quietHours },
        disasterIgnoresQuietHours: body.disasterIgnoresQuietHours,
        digest: body.digest,
      };
      if (body.phone) next.phone = body.phone;
      else delete next.phone;
      const changed = (
        ['channels', 'kinds', 'quietHours', 'disasterIgnoresQuietHours', 'digest', 'phone'] as const
      )
        .filter((f) => JSON.stringify(current[f]) !== JSON.stringify(next[f]))
        .join(', ');
      const saved = await repos.alertPreferences.put(userId, next, version);
      await audit(userId, 'alert-settings.save', changed ? `바뀐 항목: ${changed}` : '변경 없음', saved);
      return view(userId);
    },

    async requestEmailCode(userId: string, address: string) {
      const now = clock();
      const pending = await repos.contactVerifications.get(userId);
      const recent = (pending?.sentAt ?? []).filter((t) => now.getTime() - Date.parse(t) < DAY_MS);
      const last = recent.at(-1);
      if (last && now.getTime() - Date.parse(last) < EMAIL_CODE_RESEND_MS) {
        const wait = Math.ceil((Date.parse(last) + EMAIL_CODE_RESEND_MS - now.getTime()) / 1000);
        throw new RateLimitedError(
          `인증번호는 1분에 한 번 보낼 수 있습니다. ${wait}초 뒤에 다시 요청해 주세요.`,
          wait,
        );
      }
      if (recent.length >= EMAIL_CODES_PER_DAY) {
        const wait = Math.ceil((Date.parse(recent[0]!) + DAY_MS - now.getTime()) / 1000);
        throw new RateLimitedError(
          `인증번호는 하루에 ${EMAIL_CODES_PER_DAY}번까지 보낼 수 있습니다. 내일 다시 요청해 주세요.`,
          wait,
        );
      }
      const code = newCode();
      const expiresAt = new Date(now.getTime() + EMAIL_CODE_TTL_MS).toISOString();
      const next: Omit<EmailVerification, 'version'> = {
        address,
        codeHash: hashCode(userId, address, code),
        expiresAt,
        attempts: 0,
        sentAt: [...recent, now.toISOString()],
      };
      // Stored before sending: a send that fails still counts against the limits, so they cannot be dodged.
      await repos.contactVerifications.put(userId, next, pending?.version ?? 0);
      await deps.mail.send({
        channel: 'email',
        idempotencyKey: `verify-${randomUUID()}`,
        to: address,
        email: verificationEmail(code),
      });
      return {
        address,
        expiresAt,
        resendAfter: new Date(now.getTime() + EMAIL_CODE_RESEND_MS).toISOString(),
      };
    },

    async verifyEmail(userId: string, code: string): Promise<AlertSettings> {
      const pending = await repos.contactVerifications.get(userId);
      if (!pending) {
        throw new UnprocessableError('인증번호를 먼저 요청해 주세요.', 'NO_PENDING_CODE');
      }
      if (Date.parse(pending.expiresAt) <= clock().getTime()) {
        throw new UnprocessableError(
          '인증번호의 유효 시간(10분)이 지났습니다. 새 인증번호를 요청해 주세요.',
          'CODE_EXPIRED',
        );
      }
      if (pending.attempts >= EMAIL_CODE_MAX_ATTEMPTS) {
        throw new UnprocessableError(
          `인증번호를 ${EMAIL_CODE_MAX_ATTEMPTS}번 틀렸습니다. 새 인증번호를 요청해 주세요.`,
          'CODE_ATTEMPTS_EXCEEDED',
        );
      }
      const expected = Buffer.from(pending.codeHash);
      const given = Buffer.from(hashCode(userId, pending.address, code));
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
        const { sentAt, address, codeHash, expiresAt } = pending;
        const attempts = pending.attempts + 1;
        await repos.contactVerifications.put(
          userId,
          { address, codeHash, expiresAt, sentAt, attempts },
          pending.version,
        );
        throw new UnprocessableError('인증번호가 맞지 않습니다.', 'CODE_MISMATCH', {
          attemptsLeft: EMAIL_CODE_MAX_ATTEMPTS - attempts,
        });
      }
      const { preferences, version } = await repos.alertPreferences.getWithVersion(userId);
      const saved = await repos.alertPreferences.put(
        userId,
        { ...preferences, email: { address: pending.address, verified: true } },
        version,
      );
      // The code is spent; the send times stay only as long as they limit anything (a day, by TTL).
      await repos.contactVerifications.put(
        userId,
        { ...pending, codeHash: '-', attempts: EMAIL_CODE_MAX_ATTEMPTS, expiresAt: clock().toISOString() },
        pending.version,
      );
      await audit(userId, 'contact.email.verify', '전자우편 주소 인증', saved);
      return view(userId);
    },

    /** The kind a signed unsubscribe token stops, without changing anything (the confirmation page). */
    describeToken(token: string): { userId: string; kind: AlertKind } {
      const verified = tokens.verify(token);
      if (!verified) {
        throw new ValidationError(
          '입력값이 올바르지 않습니다.',
          [
            {
              path: 'token',
              message: '수신 거부 링크가 올바르지 않습니다. 받은 메일의 링크를 그대로 여세요.',
            },
          ],
          'INVALID_TOKEN',
        );
      }
      return verified;
    },

    /** Turns the token's kind off for its account (idempotent: already off stays off, not an error). */
    async unsubscribe(token: string) {
      const { userId, kind } = this.describeToken(token);
      for (let attempt = 0; ; attempt++) {
        const { preferences, version } = await repos.alertPreferences.getWithVersion(userId);
        if (!preferences.kinds[kind]) break;
        try {
          const saved = await repos.alertPreferences.put(
            userId,
            { ...preferences, kinds: { ...preferences.kinds, [kind]: false } },
            version,
          );
          await audit(userId, 'alerts.unsubscribe', `수신 거부: ${kind}`, saved);
          break;
        } catch (err) {
          // A settings save raced the click: read again and retry, the click must not be lost.
          if (!(err instanceof ConflictError) || attempt >= 2) throw err;
        }
      }
      return { kind, label: ALERT_KIND_LABELS[kind].ko, unsubscribed: true };
    },
  };
}

function verificationEmail(code: string) {
  const text = [
    '안녕하세요. 소상공인24입니다.',
    '',
    `전자우편 인증번호는 ${code}입니다.`,
    '알림 설정 화면에 10분 안에 입력해 주세요.',
    '',
    '직접 요청하지 않으셨다면 이 메일을 무시하셔도 됩니다.',
    '',
    '—',
    '소상공인24',
    '',
  ].join('\n');
  return {
    subject: '[소상공인24] 전자우편 인증번호',
    text,
    html: `<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><title>전자우편 인증번호</title></head>
<body style="font-family: 'Noto Sans KR', sans-serif; line-height: 1.6; color: #1d1d1d">
<p>안녕하세요. 소상공인24입니다.</p>
<p>전자우편 인증번호는 <strong style="font-size: 1.5em; letter-spacing: 0.2em">${code}</strong>입니다.<br>
알림 설정 화면에 10분 안에 입력해 주세요.</p>
<p style="font-size: 0.875em; color: #555">직접 요청하지 않으셨다면 이 메일을 무시하셔도 됩니다.</p>
</body></html>
`,
    headers: {},
  };
}
