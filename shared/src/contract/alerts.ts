import * as z from 'zod/mini';

/**
 * The alert settings API (issue 14): what an owner chooses about alerts beyond the inbox, the e-mail
 * address verified by a code, the phone number for text messages, "read all", and the one-click
 * unsubscribe the e-mails link to. zod/mini, like every new schema (a smaller API bundle).
 */

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const HhMm = z.string().check(z.regex(HH_MM, '시각은 00:00부터 23:59까지 HH:MM으로 적어 주세요.'));

/** Mobile numbers as Korean carriers issue them: 010 and 8 digits (hyphens allowed), at most 13 characters. */
export const PHONE_PATTERN = /^01[016789]-?\d{3,4}-?\d{4}$/;
export const PhoneSchema = z
  .string()
  .check(
    z.maxLength(13, '휴대전화 번호는 13자를 넘을 수 없습니다.'),
    z.regex(PHONE_PATTERN, '휴대전화 번호를 010-1234-5678 형식으로 입력해 주세요.'),
  );

export const DIGESTS = ['none', 'weekly'] as const;

const ChannelsSchema = z.strictObject({ email: z.boolean(), sms: z.boolean() });
const KindsSchema = z.strictObject({
  newMatch: z.boolean(),
  deadline: z.boolean(),
  application: z.boolean(),
  disaster: z.boolean(),
});
const QuietHoursSchema = z.strictObject({ start: HhMm, end: HhMm });

/** `PUT /api/me/alert-settings`: the whole set, with the version the page read (0 before the first save). */
export const AlertSettingsBodySchema = z
  .strictObject({
    version: z.int().check(z.minimum(0), z.maximum(1_000_000_000)),
    channels: ChannelsSchema,
    kinds: KindsSchema,
    quietHours: QuietHoursSchema,
    /** Disaster relief may come as a text message during quiet hours. */
    disasterIgnoresQuietHours: z.boolean(),
    digest: z.enum(DIGESTS),
    /** The mobile number for text messages; null removes it. */
    phone: z.nullable(PhoneSchema),
  })
  .register(z.globalRegistry, { description: '알림 설정 저장 (읽은 version과 함께)' });
export type AlertSettingsBody = z.infer<typeof AlertSettingsBodySchema>;

/** `GET`/`PUT /api/me/alert-settings`: the settings as stored, with the contacts and a pending e-mail code. */
export const AlertSettingsSchema = z
  .strictObject({
    version: z.int(),
    channels: ChannelsSchema,
    kinds: KindsSchema,
    quietHours: QuietHoursSchema,
    disasterIgnoresQuietHours: z.boolean(),
    digest: z.enum(DIGESTS),
    phone: z.nullable(z.string()),
    /** The e-mail address alerts go to; mails are sent only once it is verified. */
    email: z.nullable(z.strictObject({ address: z.string(), verified: z.boolean() })),
    /** A code was sent to this address and not yet entered. */
    pendingEmail: z.nullable(z.strictObject({ address: z.string(), expiresAt: z.string() })),
  })
  .register(z.globalRegistry, { description: '알림 설정' });
export type AlertSettings = z.infer<typeof AlertSettingsSchema>;

/** `POST /api/me/contacts/email`: the address to verify (a code is sent to it). */
export const EmailContactBodySchema = z.strictObject({
  address: z
    .email('올바른 전자우편 주소를 입력해 주세요.')
    .check(z.maxLength(254, '전자우편 주소는 254자를 넘을 수 없습니다.')),
});

export const EmailCodeSentSchema = z.strictObject({
  address: z.string(),
  /** The code works until then (10 minutes). */
  expiresAt: z.string(),
  /** No new code before then (1 minute). */
  resendAfter: z.string(),
});

/** `POST /api/me/contacts/email/verify`: the six-digit code from the mail. */
export const EmailVerifyBodySchema = z.strictObject({
  code: z.string().check(z.regex(/^\d{6}$/, '인증번호 6자리 숫자를 입력해 주세요.')),
});

/** The token an e-mail's unsubscribe link carries (HMAC-signed account and kind, at most 256 characters). */
export const UnsubscribeQuerySchema = z.strictObject({
  token: z
    .string()
    .check(
      z.minLength(1, '수신 거부 토큰이 없습니다.'),
      z.maxLength(256, '수신 거부 토큰이 너무 깁니다.'),
      z.regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, '수신 거부 토큰이 올바르지 않습니다.'),
    ),
});

export const UnsubscribeResponseSchema = z.strictObject({
  kind: z.enum(['new-match', 'deadline', 'application', 'disaster']),
  /** The kind's name, in Korean. */
  label: z.string(),
  unsubscribed: z.boolean(),
});

/** `GET /api/dev/mailbox` (local only): the mails the development SMTP server received, newest first. */
export const DevMailboxResponseSchema = z.strictObject({
  items: z.array(
    z.strictObject({
      id: z.string(),
      to: z.array(z.string()),
      subject: z.string(),
      text: z.string(),
      listUnsubscribe: z.optional(z.string()),
      received: z.string(),
    }),
  ),
});

/** `POST /api/me/first-sign-in` (served with the alert settings, as is this file's contract): whether this was the account's first sign-in, and what it folded. */
export const FirstSignInResponseSchema = z.object({
  firstSignIn: z.boolean(),
  /** Unread notifications from before the first sign-in now counted in one summary (and marked read). */
  folded: z.number().check(z.int(), z.minimum(0)),
});
export type FirstSignInResponse = z.infer<typeof FirstSignInResponseSchema>;
