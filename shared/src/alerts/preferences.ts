import * as z from 'zod/mini';
import { koreanDateTime } from '../dates';

/**
 * What an owner chooses about alerts: the channels beyond the inbox (always on), the kinds of alert, quiet
 * hours for text messages. Contact details are verified before a channel sends to them.
 */

/** Channels that leave the portal. The inbox is always on and is not a choice. */
export const OUTBOUND_CHANNELS = ['email', 'sms'] as const;
export type OutboundChannel = (typeof OUTBOUND_CHANNELS)[number];

/** What an alert is about; each can be turned off per account. */
export const ALERT_KINDS = ['new-match', 'deadline', 'application', 'disaster'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const ALERT_KIND_LABELS: Record<AlertKind, { ko: string; en: string }> = {
  'new-match': { ko: '새로 맞는 지원사업', en: 'New programs that fit' },
  deadline: { ko: '신청 마감 안내', en: 'Deadline reminders' },
  application: { ko: '신청 진행 상황', en: 'Application status' },
  disaster: { ko: '재난지원', en: 'Disaster relief' },
};

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const HhMmSchema = z
  .string()
  .check(z.regex(HH_MM, { message: '시각은 00:00부터 23:59까지 HH:MM으로 적어 주세요.' }));

/** Mobile numbers as Korean carriers issue them: 010 and 8 digits (hyphens allowed). */
export const MOBILE_NUMBER = /^01[016789]-?\d{3,4}-?\d{4}$/;

export const AlertPreferencesSchema = z.strictObject({
  channels: z.strictObject({ email: z.boolean(), sms: z.boolean() }),
  kinds: z.strictObject({
    'new-match': z.boolean(),
    deadline: z.boolean(),
    application: z.boolean(),
    disaster: z.boolean(),
  }),
  /** No text message between these times (Korea time); e-mail waits for nobody. */
  quietHours: z.strictObject({ start: HhMmSchema, end: HhMmSchema }),
  /** Disaster relief may reach the owner during quiet hours (said so on the settings page). */
  disasterIgnoresQuietHours: z.boolean(),
  email: z.optional(
    z.strictObject({
      address: z.email({ message: '올바른 전자우편 주소를 입력해 주세요.' }).check(z.maxLength(254)),
      verified: z.boolean(),
    }),
  ),
  phone: z.optional(
    z
      .string()
      .check(z.regex(MOBILE_NUMBER, { message: '휴대전화 번호를 010-1234-5678 형식으로 입력해 주세요.' })),
  ),
});
export type AlertPreferences = z.output<typeof AlertPreferencesSchema>;

/** What a new account starts with: e-mail on (once verified), text messages off, every kind on, 21:00–08:00 quiet. */
export const DEFAULT_ALERT_PREFERENCES: AlertPreferences = {
  channels: { email: true, sms: false },
  kinds: { 'new-match': true, deadline: true, application: true, disaster: true },
  quietHours: { start: '21:00', end: '08:00' },
  disasterIgnoresQuietHours: true,
};

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** True when `at` falls in the quiet hours (Korea time). A window may run past midnight (21:00–08:00). */
export function isQuietTime(at: Date, quiet: AlertPreferences['quietHours']): boolean {
  const now = minutesOf(koreanDateTime(at).time);
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return false;
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/** The first instant at or after `at` that is outside the quiet hours. */
export function quietHoursEnd(at: Date, quiet: AlertPreferences['quietHours']): Date {
  if (!isQuietTime(at, quiet)) return at;
  const now = minutesOf(koreanDateTime(at).time);
  const end = minutesOf(quiet.end);
  const wait = (end - now + 24 * 60) % (24 * 60);
  const next = new Date(at.getTime() + wait * 60_000);
  next.setUTCSeconds(0, 0);
  return next;
}

/** Which outbound channels an alert of `kind` goes to under these preferences (contact details verified). */
export function channelsFor(prefs: AlertPreferences, kind: AlertKind): OutboundChannel[] {
  if (!prefs.kinds[kind]) return [];
  const out: OutboundChannel[] = [];
  if (prefs.channels.email && prefs.email?.verified) out.push('email');
  if (prefs.channels.sms && prefs.phone) out.push('sms');
  return out;
}
