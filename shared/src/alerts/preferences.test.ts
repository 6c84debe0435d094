import { describe, expect, it } from 'vitest';
import {
  type AlertPreferences,
  AlertPreferencesSchema,
  channelsFor,
  DEFAULT_ALERT_PREFERENCES,
  isQuietTime,
  quietHoursEnd,
} from './preferences';

const kst = (hhmm: string, day = '2026-12-03') => new Date(`${day}T${hhmm}:00+09:00`);
const quiet = DEFAULT_ALERT_PREFERENCES.quietHours;

describe('quiet hours (Korea time)', () => {
  it('covers 21:00 to 08:00 across midnight, by the clock in Korea whatever the server zone', () => {
    expect(isQuietTime(kst('20:59'), quiet)).toBe(false);
    expect(isQuietTime(kst('21:00'), quiet)).toBe(true);
    expect(isQuietTime(kst('02:30'), quiet)).toBe(true);
    expect(isQuietTime(kst('07:59'), quiet)).toBe(true);
    expect(isQuietTime(kst('08:00'), quiet)).toBe(false);
    expect(isQuietTime(kst('12:00'), quiet)).toBe(false);
  });

  it('handles a window within one day and an empty one', () => {
    expect(isQuietTime(kst('13:00'), { start: '12:00', end: '14:00' })).toBe(true);
    expect(isQuietTime(kst('14:00'), { start: '12:00', end: '14:00' })).toBe(false);
    expect(isQuietTime(kst('13:00'), { start: '09:00', end: '09:00' })).toBe(false);
  });

  it('says when the quiet hours end: the next 08:00 in Korea', () => {
    expect(quietHoursEnd(kst('23:10'), quiet).toISOString()).toBe(kst('08:00', '2026-12-04').toISOString());
    expect(quietHoursEnd(kst('06:45'), quiet).toISOString()).toBe(kst('08:00').toISOString());
    expect(quietHoursEnd(kst('10:00'), quiet).toISOString()).toBe(kst('10:00').toISOString());
  });
});

describe('channelsFor', () => {
  const prefs = (change: Partial<AlertPreferences>): AlertPreferences => ({
    ...DEFAULT_ALERT_PREFERENCES,
    ...change,
  });

  it('sends e-mail only to a verified address, and text messages only with a phone number', () => {
    expect(channelsFor(prefs({}), 'new-match')).toEqual([]);
    expect(channelsFor(prefs({ email: { address: 'a@b.kr', verified: false } }), 'new-match')).toEqual([]);
    expect(
      channelsFor(
        prefs({
          email: { address: 'a@b.kr', verified: true },
          channels: { email: true, sms: true },
          phone: '010-1234-5678',
        }),
        'deadline',
      ),
    ).toEqual(['email', 'sms']);
  });

  it('sends nothing of a kind the owner turned off', () => {
    const off = prefs({
      email: { address: 'a@b.kr', verified: true },
      kinds: { ...DEFAULT_ALERT_PREFERENCES.kinds, deadline: false },
    });
    expect(channelsFor(off, 'deadline')).toEqual([]);
    expect(channelsFor(off, 'disaster')).toEqual(['email']);
  });
});

describe('AlertPreferencesSchema', () => {
  it('refuses unknown fields, bad times and bad phone numbers, naming the path', () => {
    const bad = AlertPreferencesSchema.safeParse({
      ...DEFAULT_ALERT_PREFERENCES,
      quietHours: { start: '25:00', end: '08:00' },
      phone: '12345',
      extra: true,
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['quietHours.start', 'phone', '']));
  });

  it('accepts the defaults', () => {
    expect(AlertPreferencesSchema.parse(DEFAULT_ALERT_PREFERENCES)).toEqual(DEFAULT_ALERT_PREFERENCES);
  });
});
